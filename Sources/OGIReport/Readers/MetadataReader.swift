/// What the metadata reader took from the lines before section 一.
struct TitleBlock {
    var title: String?
    /// Line numbers of the title (one or several lines).
    var titleLines: [Int] = []
    var agency: String?
    var year: Int?
    var date: String?
    var dateLine: Int?
}

/// Reads the title, agency, year and publication date.
///
/// - **Title**: among the first non-blank lines before section 一, the first short line (at most
///   60 characters, no 。 or ；) containing 报告 or 年报. A title split over two lines is joined
///   (with nothing between) with the non-blank line just above it when that line is short and
///   unpunctuated and either (a) the keyword line has no year but the line above has one
///   ("…2024年政府信息公开" + "年度报告"), or (b) the keyword line begins with the year, 关于 or
///   政府信息公开 and the line above ends like an agency name ("…卫生健康委员会" + "2023年…报告").
/// - **Agency and year from the title**: the year is the first four-digit year followed by 年; the
///   agency is the text before it (without a trailing 关于), or, when the title starts with the year,
///   the text after 年/年度 up to 政府信息公开/关于.
/// - **Publication date**: the first line after the title (before 一) that is only a date.
/// - **Without a title** (or when the title lacks them), ``inferAgency(_:)`` and ``inferYear(_:_:)``
///   look in the preamble and section 一; the caller says so with a warning.
enum MetadataReader {
    /// Reads the title block from the lines before the first section heading.
    static func titleBlock(_ pre: [SourceLine]) -> TitleBlock {
        var tb = TitleBlock()
        let nonBlank = pre.filter { !DocumentText.isBlank($0.text) }
        var titleEnd = -1
        for (i, line) in nonBlank.prefix(6).enumerated() {
            let c = DocumentText.compactString(line.text)
            guard isTitleLike(c, maxLength: 60), LabelText.contains(c, "报告") || LabelText.contains(c, "年报") else { continue }
            var parts = [line]
            if i > 0 {
                let prev = nonBlank[i - 1]
                let p = DocumentText.compactString(prev.text)
                if isTitleLike(p, maxLength: 40), DocumentText.dateLine(prev.text) == nil {
                    let cs = DocumentText.compact(line.text), ps = DocumentText.compact(prev.text)
                    let lineYear = DocumentText.firstYear(cs)
                    let startsBare = lineYear?.range.lowerBound == 0 || c.hasPrefix("关于") || c.hasPrefix("政府信息公开")
                    if (lineYear == nil && DocumentText.firstYear(ps) != nil) || (startsBare && DocumentText.isAgencyLine(prev.text)) {
                        parts.insert(prev, at: 0)
                    }
                }
            }
            tb.title = withoutFieldName(parts.map { DocumentText.trim($0.text) }.joined())
            tb.titleLines = parts.map(\.number)
            titleEnd = i
            break
        }
        if let t = tb.title { (tb.agency, tb.year) = agencyAndYear(fromTitle: t) }
        for line in nonBlank.dropFirst(titleEnd + 1) {
            if let d = DocumentText.dateLine(line.text) { tb.date = d; tb.dateLine = line.number; break }
        }
        return tb
    }

    /// A title as a crawler or a portal's metadata header writes it, "标题: …" / "标题：…", without
    /// the field name (it is not part of the title, nor of the agency before the year).
    static func withoutFieldName(_ title: String) -> String {
        for name in ["标题", "文章标题", "题目"] where title.hasPrefix(name) {
            var rest = title.unicodeScalars.dropFirst(name.unicodeScalars.count).drop { LabelText.isSpace($0.value) }
            guard let f = rest.first, f == ":" || f == "：" else { continue }
            rest = rest.dropFirst().drop { LabelText.isSpace($0.value) }
            return rest.isEmpty ? title : String(String.UnicodeScalarView(rest))
        }
        return title
    }

    /// Short and without sentence punctuation.
    private static func isTitleLike(_ compact: String, maxLength: Int) -> Bool {
        !compact.isEmpty && compact.unicodeScalars.count <= maxLength
            && !compact.unicodeScalars.contains { $0 == "。" || $0 == ";" || $0 == "；" || $0 == "," || $0 == "，" }
    }

    /// Agency and year written in a title: the year is the first four-digit year followed by 年;
    /// the agency is the text before the first of that year, 关于, 政府信息公开 or 年度报告 (an opening
    /// bracket before it dropped), or — when the title starts with the year — the text after
    /// 年/年度 up to 关于 / 政府信息公开.
    static func agencyAndYear(fromTitle title: String) -> (String?, Int?) {
        let s = DocumentText.compact(title)
        let str = String(String.UnicodeScalarView(s))
        let y = DocumentText.firstYear(s)
        if let y, y.range.lowerBound == 0 {
            var rest = String(String.UnicodeScalarView(s[y.range.upperBound...]))
            if rest.hasPrefix("度") { rest.removeFirst() }
            return (agencyPrefix(rest, yearAt: nil), y.year)
        }
        return (agencyPrefix(str, yearAt: y.map { str.unicodeScalars.index(str.unicodeScalars.startIndex, offsetBy: $0.range.lowerBound) }), y?.year)
    }

    /// The text before the first stop (the year, 关于, 政府信息公开, 年度报告), when it is not empty.
    private static func agencyPrefix(_ s: String, yearAt: String.Index?) -> String? {
        var end = yearAt ?? s.endIndex
        for stop in ["关于", "政府信息公开", "年度报告"] {
            if let r = ByteSearch.range(of: stop, in: s), r.lowerBound < end { end = r.lowerBound }
        }
        var a = String(s[s.startIndex..<end])
        while let l = a.unicodeScalars.last, l == "(" || l == "（" || l == "[" || l == "【" || l == "《" { a.unicodeScalars.removeLast() }
        return a.isEmpty ? nil : a
    }

    /// The agency named in running text: place-anchored names ending like an agency
    /// (…区卫生健康局, …市人民政府), cut on the left at a preposition or verb (与, 从, 由 …), with a
    /// trailing 办公室 after another agency ending dropped (an agency's own office); the candidate
    /// mentioned most often in `texts` wins, ties going to the first seen that is not a 政府.
    static func inferAgency(_ texts: [String], candidatesFrom source: [String]) -> String? {
        // Each distinct candidate once, in the order first seen (a repeated text repeats its names:
        // counting them again would cost the candidates × the texts for the same answer).
        var candidates: [String] = []
        var seen: Set<String> = []
        for text in source {
            let s = Array(text.unicodeScalars.map(DocumentText.fold))
            var i = 0
            while i < s.count {
                guard DocumentText.isHan(s[i]) else { i += 1; continue }
                var j = i
                while j < s.count, DocumentText.isHan(s[j]) { j += 1 }
                for n in names(in: Array(s[i..<j])) where seen.insert(n).inserted { candidates.append(n) }
                i = j
            }
        }
        var best: (String, Int, Bool)?
        for c in candidates {
            let n = texts.reduce(0) { $0 + occurrences(of: c, in: $1) }
            let notGov = !c.hasSuffix("政府")
            if best == nil || n > best!.1 || (n == best!.1 && notGov && !best!.2) { best = (c, n, notGov) }
        }
        return best?.0
    }

    /// Longest name kept (25) plus the 办公室 that may be cut off it.
    private static let maxNameScan = 28

    private static func names(in run: [Unicode.Scalar]) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        let str = String(String.UnicodeScalarView(run))
        let u = Array(str.unicodeScalars)
        for suffix in ["委员会", "办公室", "人民政府", "政府", "中心", "局", "委"] {
            let suf = Array(suffix.unicodeScalars)
            var e = suf.count
            while e <= u.count {
                if u[(e - suf.count)..<e].elementsEqual(suf) {
                    var b = e - suf.count
                    // A name longer than 25 characters (28 with an office suffix) is never taken:
                    // the scan to its left boundary stops there (a long run stays linear).
                    while b > 0, e - b <= maxNameScan, !DocumentText.nameBoundaries.contains(u[b - 1]) { b -= 1 }
                    if b > 0, !DocumentText.nameBoundaries.contains(u[b - 1]) { e += 1; continue }
                    var name = Array(u[b..<e])
                    let nameStr = String(String.UnicodeScalarView(name))
                    if suffix == "办公室", nameStr.count > 3 {
                        let head = Array(name[0..<(name.count - 3)])
                        let hs = String(String.UnicodeScalarView(head))
                        if ["局", "委员会", "委"].contains(where: { hs.hasSuffix($0) }) { name = head }
                    }
                    if let p = name.firstIndex(where: { DocumentText.placeCharacters.contains($0) }), p < name.count - 2, name.count <= 25 {
                        let n = String(String.UnicodeScalarView(name))
                        if seen.insert(n).inserted { out.append(n) }
                    }
                }
                e += 1
            }
        }
        return out
    }

    private static func occurrences(of needle: String, in hay: String) -> Int {
        DocumentText.count(of: needle, in: hay)
    }

    /// The report year from running text: a statistics period "从2023年1月1日" / "2023年1月1日至…"
    /// first, else the year written most often (ties: the earliest seen).
    static func inferYear(_ preamble: [String], _ body: [String]) -> Int? {
        for text in preamble + body {
            let s = DocumentText.compact(text)
            for y in DocumentText.allYears(s) {
                let tail = String(String.UnicodeScalarView(s[y.range.upperBound..<min(s.count, y.range.upperBound + 4)]))
                if tail.hasPrefix("1月1日") || tail.hasPrefix("01月01") { return y.year }
            }
        }
        var counts: [Int: Int] = [:], order: [Int] = []
        for text in preamble + body {
            for y in DocumentText.allYears(DocumentText.compact(text)) {
                if counts[y.year] == nil { order.append(y.year) }
                counts[y.year, default: 0] += 1
            }
        }
        return order.max { (counts[$0]!, -order.firstIndex(of: $0)!) < (counts[$1]!, -order.firstIndex(of: $1)!) }
    }
}
