/// A number the narrative states about a statistic, e.g. "予以公开 4 件".
public struct NarrativeClaim: Sendable, Hashable {
    /// The kind of statement (``NarrativeScanner/Pattern/key``).
    public let key: String
    /// The keyword as found, e.g. "予以公开".
    public let keyword: String
    /// The words between keyword and number (whitespace removed), e.g. "信息公开申请".
    public let gap: String
    public let number: Int
    /// The unit as written ("件" or "条").
    public let unit: String
    /// Source line of the number, when known.
    public let line: Int?

    /// The statement as it reads, whitespace removed: "收到信息公开申请14件".
    public var text: String { keyword + gap + String(number) + unit }
}

/// Finds numbers stated in narrative text ("全年收到信息公开申请 14 件", "予以公开4件"), tolerant of
/// spaces and line breaks anywhere (even inside a keyword: "不\n\n予处理"), full-width digits and
/// both 件 and 条. Scans Unicode scalars once per pattern; text is a few kilobytes.
public enum NarrativeScanner {
    /// What to look for: a keyword, then at most `maxGap` characters (no digits, no
    /// punctuation, no conjunctions), then a number and a unit.
    public struct Pattern: Sendable {
        public let key: String
        public let keywords: [String]
        public let maxGap: Int
        /// The gap must contain one of these (empty: no requirement).
        public let gapMustContain: [String]
        /// The gap must contain none of these.
        public let gapMustNotContain: [String]
        /// Scalars that must not come right before the keyword (予以公开 not inside 不予以公开).
        public let notPrecededBy: Set<Unicode.Scalar>

        public init(key: String, keywords: [String], maxGap: Int = 3, gapMustContain: [String] = [],
                    gapMustNotContain: [String] = [], notPrecededBy: Set<Unicode.Scalar> = []) {
            self.key = key; self.keywords = keywords; self.maxGap = maxGap; self.gapMustContain = gapMustContain
            self.gapMustNotContain = gapMustNotContain; self.notPrecededBy = notPrecededBy
        }
    }

    /// Whitespace-free text with the source line of each scalar.
    struct Compact {
        var scalars: [Unicode.Scalar] = []
        var lines: [Int?] = []

        mutating func append(_ text: String, firstLine: Int?) {
            var line = firstLine
            var pendingSpace = false
            for s in text.unicodeScalars {
                if s == "\n" { line = line.map { $0 + 1 } }
                if NarrativeScanner.isSpace(s) { pendingSpace = true; continue }
                // Keep numbers apart that only whitespace separated ("14 15").
                if pendingSpace, let last = scalars.last, NarrativeScanner.digit(last) != nil, NarrativeScanner.digit(s) != nil {
                    scalars.append("|"); lines.append(line)
                }
                pendingSpace = false
                scalars.append(s); lines.append(line)
            }
        }
    }

    /// Whitespace of any width, line breaks included (the readers' one definition).
    static func isSpace(_ s: Unicode.Scalar) -> Bool { LabelText.isSpace(s.value) }

    /// An ASCII or full-width digit's value (the readers' one definition).
    static func digit(_ s: Unicode.Scalar) -> Int? { DocumentText.digit(s) }

    static let stops: Set<Unicode.Scalar> = Set("，。；：、,.;:！？!?()（）“”\"《》|和及与或".unicodeScalars)
    /// Clause boundaries for the look-back before a keyword.
    static let clauseStops: Set<Unicode.Scalar> = Set("，。；：,;:！？!?".unicodeScalars)
    /// Words that make a statement about another period or a comparison ("较去年收到申请10件"):
    /// such statements are not compared with the tables.
    static let otherPeriodWords = ["去年", "上年", "上一年", "前年", "同比", "较", "比上", "以来", "累计"]

    /// True when the clause before the keyword, or the gap, speaks of another period or year.
    static func aboutAnotherPeriod(_ clause: [Unicode.Scalar], year: Int?) -> Bool {
        let text = String(String.UnicodeScalarView(clause))
        if otherPeriodWords.contains(where: { text.contains($0) }) { return true }
        // A four-digit year other than the report's.
        var i = 0
        while i + 4 <= clause.count {
            let d = clause[i..<(i + 4)].compactMap(digit)
            let before = i > 0 ? digit(clause[i - 1]) : nil
            let after = i + 4 < clause.count ? digit(clause[i + 4]) : nil
            if d.count == 4, before == nil, after == nil {
                let y = d.reduce(0) { $0 * 10 + $1 }
                if (1990...2100).contains(y), y != year { return true }
            }
            i += 1
        }
        return false
    }
    static let units: Set<Unicode.Scalar> = ["件", "条"]

    /// Claims found in consecutive paragraphs (joined, so a sentence broken across paragraphs is
    /// read whole). `paragraphs` gives each text with its first source line.
    /// Statements in a clause that names another period or year (other than `year`, the report's)
    /// are skipped.
    public static func scan(_ paragraphs: [(text: String, line: Int?)], patterns: [Pattern], year: Int? = nil) -> [NarrativeClaim] {
        var c = Compact()
        for p in paragraphs { c.append(p.text, firstLine: p.line) }
        let s = c.scalars
        var out: [NarrativeClaim] = []
        for pattern in patterns {
            for keyword in pattern.keywords {
                let k = Array(keyword.unicodeScalars)
                guard !k.isEmpty, s.count >= k.count else { continue }
                var i = 0
                while i + k.count <= s.count {
                    defer { i += 1 }
                    guard s[i] == k[0], Array(s[i..<(i + k.count)]) == k else { continue }
                    if i > 0, pattern.notPrecededBy.contains(s[i - 1]) { continue }
                    var j = i + k.count
                    let gapStart = j
                    while j < s.count, j - gapStart <= pattern.maxGap, digit(s[j]) == nil, !stops.contains(s[j]) { j += 1 }
                    guard j < s.count, j - gapStart <= pattern.maxGap, let _ = digit(s[j]) else { continue }
                    let gap = String(String.UnicodeScalarView(s[gapStart..<j]))
                    if !pattern.gapMustContain.isEmpty, !pattern.gapMustContain.contains(where: { gap.contains($0) }) { continue }
                    if pattern.gapMustNotContain.contains(where: { gap.contains($0) }) { continue }
                    var n = 0, digits = 0
                    let numberStart = j
                    while j < s.count, let d = digit(s[j]), digits < 9 { n = n * 10 + d; digits += 1; j += 1 }
                    guard j < s.count, digit(s[j]) == nil, units.contains(s[j]) else { continue }
                    var b = i
                    while b > 0, !clauseStops.contains(s[b - 1]) { b -= 1 }
                    if aboutAnotherPeriod(Array(s[b..<i]) + Array(s[gapStart..<numberStart]), year: year) { continue }
                    out.append(NarrativeClaim(key: pattern.key, keyword: keyword, gap: gap, number: n,
                                              unit: String(s[j]), line: c.lines[numberStart]))
                }
            }
        }
        return out.sorted { ($0.line ?? 0, $0.key) < ($1.line ?? 0, $1.key) }
    }
}
