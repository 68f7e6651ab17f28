import Foundation

/// What a table cell's text says, before it is attached to a concept.
struct ParsedCell: Sendable, Hashable {
    var presence: Presence
    var number: Decimal?
    /// Index + 1 of the unit in ``CellValueParser/units`` (0: none); kept as a number so that a
    /// parsed cell holds no reference and copies for free.
    var unitIndex: UInt8 = 0
    /// A unit written after the number ("万元"), if any.
    var unit: String? { unitIndex == 0 ? nil : CellValueParser.units[Int(unitIndex) - 1] }
    /// True when the number was read from a doubtful cell (see ``CellValueParser``).
    var uncertain: Bool
    /// A minus sign was written (doubtful for kinds other than signed counts).
    var minusSign = false
    /// Invisible Unicode format characters (category Cf: U+200F, U+00AD, U+FEFF …) were removed
    /// from the cell to read its number. Set only when a number was read.
    var formatCharactersRemoved = false
    /// The length, in Unicode scalars, of a footnote marker written after the number ("353①",
    /// "353*", "353[1]", "353¹"; 0: none). Set only when a number was read; the marker is not
    /// part of the number (see ``footnoteMarker(in:)``).
    var footnoteMarkerLength: UInt8 = 0

    /// The footnote marker as written in the cell's raw text (the cell this was parsed from), nil
    /// when there is none.
    func footnoteMarker(in raw: String) -> String? {
        guard footnoteMarkerLength > 0 else { return nil }
        var kept = String.UnicodeScalarView()
        for u in raw.unicodeScalars where !CellValueParser.isFormat(u.value) && !LabelText.isSpace(u.value) {
            kept.append(u)
        }
        return String(String.UnicodeScalarView(kept.suffix(Int(footnoteMarkerLength))))
    }

    /// True for a number or a not-applicable mark (not for blanks and text).
    var isValueLike: Bool { presence == .value || presence == .zero || presence == .notApplicable }

    /// The same reading for a concept of the given kind: a minus sign is doubtful unless the
    /// kind is signed.
    func resolved(for kind: ValueKind) -> ParsedCell {
        var p = self
        if minusSign && kind != .signedCount { p.uncertain = true }
        return p
    }

    /// Why the number does not fit a concept of the given kind ("a negative count", "a decimal
    /// in a count" …), nil when it fits or when there is no number. Such a number is never
    /// changed: the caller keeps the cell as text (see ``TableDraft/finish(edition:)``).
    func kindMismatch(_ kind: ValueKind) -> String? {
        guard let n = number else { return nil }
        switch kind {
        case .count:
            if n < 0 { return "a negative count" }
            if !Self.isWhole(n) { return "a decimal in a count" }
        case .signedCount:
            if !Self.isWhole(n) { return "a decimal in a count of increase/decrease" }
        case .amountWan, .amountWithUnit:
            if n < 0 { return "a negative amount" }
        }
        return nil
    }

    /// True when a decimal has no fractional part ("2", "2.0").
    static func isWhole(_ n: Decimal) -> Bool {
        if !n.isNaN, n.exponent >= 0 { return true }  // digits without a fraction (every count as printed)
        var value = n
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == n
    }

    static let blank = ParsedCell(presence: .blank, number: nil, uncertain: false)
    static let notApplicable = ParsedCell(presence: .notApplicable, number: nil, uncertain: false)
    static let text = ParsedCell(presence: .text, number: nil, uncertain: false)
}

/// Parses table cell text into a presence, a number and a unit.
///
/// Accepted: ASCII and full-width digits, stray spaces (ASCII, NBSP, ideographic) around and
/// between digits, thousands separators ("12,901"), decimals ("282.1"), a sign ("-58", "+1",
/// "−3"), a sign word ("增72", "减3", "增加", "减少": read, but marked uncertain), a unit after
/// the number ("2560万元", "251000元", "4件"). Empty or whitespace-only → blank; "/", "-", "—",
/// "－", "——", "无", "不适用", "\" … → not applicable; anything else → text.
///
/// Invisible format characters (Unicode category Cf: soft hyphen U+00AD, U+200B–U+200F, the bidi
/// embeddings and isolates U+202A–U+202E and U+2066–U+206F, U+2060–U+2064, U+FEFF, U+061C, U+180E,
/// U+FFF9–U+FFFB, tags U+E0001 and U+E0020–U+E007F) are removed wherever they are, so "1\u{200F}5"
/// reads 15 (``ParsedCell/formatCharactersRemoved`` says so, for a note). A footnote marker at the
/// end — a run of circled or parenthesised numbers (①–⑳, ㉑–㊿, ❶–❿, ➀–➓, ⑴–⒇), superscript digits
/// (¹²³⁰⁴–⁹), `*`, `†`, `‡`, `※`, or one `[n]` (n: 1–3 digits, ASCII or full-width brackets) — after
/// the number or its unit is split off: "353①" reads 353, not uncertain, with
/// ``ParsedCell/footnoteMarkerLength`` set (for a warning). None of these characters can be part of
/// a number here.
/// The raw text is never changed here: callers keep it verbatim.
enum CellValueParser {

    /// Units that may follow a number in a cell.
    static let units: [String] = ["亿元", "万元", "千元", "元", "件", "个", "项", "条", "次", "人", "宗", "起"]
    private static let unitScalars: [[UInt32]] = units.map { $0.unicodeScalars.map(\.value) }
    private static let notApplicableScalars: Set<[UInt32]> = Set(notApplicableMarks.map { $0.unicodeScalars.map { LabelText.fold($0.value) } })

    /// Marks that mean "not applicable".
    static let notApplicableMarks: Set<String> = ["/", "//", "\\", "-", "--", "---", "—", "——", "–", "无", "不适用", "×", "x"]

    /// Parses one cell. `kind` decides whether a sign is expected (signed counts) or doubtful.
    static func parse(_ raw: String, kind: ValueKind) -> ParsedCell { parse(raw).resolved(for: kind) }

    /// Parses one cell without a kind (a minus sign is recorded in ``ParsedCell/minusSign``).
    static func parse(_ raw: String) -> ParsedCell {
        // Scalars on the stack: no heap allocation for the usual short cell.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: maxScalars) { parse(raw, buffer: $0) }
    }

    private static let maxScalars = 24
    /// True when a scalar (folded) can start a not-applicable mark: / \\ - — – 无 不 × x.
    @inline(__always)
    private static func mayStartMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x2F, 0x5C, 0x2D, 0x2014, 0x2013, 0x65E0, 0x4E0D, 0xD7, 0x78: return true
        default: return false
        }
    }

    private static func parse(_ raw: String, buffer v: UnsafeMutableBufferPointer<UInt32>) -> ParsedCell {
        // Collect scalars, folding full-width ASCII, dropping every kind of whitespace.
        var n = 0
        var innerSpaceBetweenDigits = false
        var pendingSpace = false
        var formatRemoved = false
        for u in raw.unicodeScalars {
            let x = u.value
            // (Range pre-test: CJK text, the usual non-ASCII, never calls isFormat.)
            if x >= 0xAD && (x < 0x2070 || x >= 0xFEFF) && isFormat(x) { formatRemoved = true; continue }
            if LabelText.isSpace(x) { if n > 0 { pendingSpace = true }; continue }
            if n >= maxScalars { return .text }  // far longer than any number with its unit
            let f = LabelText.fold(x)
            if pendingSpace && isDigit(v[n - 1]) && isDigit(f) { innerSpaceBetweenDigits = true }
            pendingSpace = false
            v[n] = f
            n += 1
        }
        if n == 0 { return .blank }
        if n <= 3 && mayStartMark(v[0]) && notApplicableScalars.contains(Array(v[0..<n])) { return .notApplicable }
        var onlyDashes = true
        for k in 0..<n where v[k] != 0x2D && v[k] != 0x2F { onlyDashes = false; break }
        if onlyDashes { return .notApplicable }

        var i = 0
        var negative = false
        var signWord = false
        // Sign words.
        if v[i] == 0x589E || v[i] == 0x51CF {  // 增 减
            negative = v[i] == 0x51CF
            signWord = true
            i += 1
            if i < n && (v[i] == 0x52A0 || v[i] == 0x5C11) { i += 1 }  // 加 少
        } else if v[i] == 0x2B || v[i] == 0x2D {  // + -
            negative = v[i] == 0x2D
            i += 1
        }
        // Digits with optional thousands separators and one decimal point.
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var seenPoint = false
        var overflow = false
        var groupDigits = -1  // digits since the last thousands separator (-1: none seen)
        var badGrouping = false
        let start = i
        while i < n {
            let c = v[i]
            if isDigit(c) {
                if mantissa > (UInt64.max - 9) / 10 { overflow = true } else { mantissa = mantissa * 10 + UInt64(c - 0x30) }
                digits += 1
                if seenPoint { scale += 1 } else if groupDigits >= 0 { groupDigits += 1 }
                i += 1
            } else if c == 0x2C && !seenPoint && digits > 0 {  // thousands separator
                if groupDigits >= 0 && groupDigits != 3 { badGrouping = true }
                if groupDigits < 0 && digits > 3 { badGrouping = true }
                groupDigits = 0
                i += 1
            } else if c == 0x2E && !seenPoint && digits > 0 {
                if groupDigits >= 0 && groupDigits != 3 { badGrouping = true }
                groupDigits = -1
                seenPoint = true
                i += 1
            } else {
                break
            }
        }
        if groupDigits >= 0 && groupDigits != 3 { badGrouping = true }
        if digits == 0 || i == start || overflow || badGrouping || (seenPoint && scale == 0) { return .text }
        // A footnote marker at the end, then a unit.
        let marker = i < n ? footnoteMarkerLength(v, from: i, to: n) : 0
        let end = n - marker
        var unitIndex: UInt8 = 0
        if i < end {
            let tail = Array(v[i..<end])
            guard let k = unitScalars.firstIndex(of: tail) else { return .text }
            unitIndex = UInt8(k + 1)
        }
        var number = Decimal(mantissa)
        if scale > 0 { number = Decimal(sign: .plus, exponent: -scale, significand: number) }
        if negative && number != 0 { number = -number }
        return ParsedCell(presence: number == 0 ? .zero : .value, number: number, unitIndex: unitIndex,
                          uncertain: signWord || innerSpaceBetweenDigits, minusSign: negative && !signWord && number != 0,
                          formatCharactersRemoved: formatRemoved, footnoteMarkerLength: UInt8(marker))
    }

    /// True for an invisible format character (Unicode category Cf) that may hide in a number.
    @inline(__always)
    static func isFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0xAD, 0x61C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F,
             0xFEFF, 0xFFF9...0xFFFB, 0xE0001, 0xE0020...0xE007F:
            return true
        default:
            return false
        }
    }

    /// True for a one-scalar footnote mark: circled / parenthesised / dingbat numbers, superscript
    /// digits, * † ‡ ※ (after folding: full-width ＊ is *).
    @inline(__always)
    private static func isMarkScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x2460...0x2487, 0x24EA...0x24FF, 0x2776...0x2793, 0x3251...0x325F, 0x32B1...0x32BF,
             0xB9, 0xB2, 0xB3, 0x2070, 0x2074...0x2079, 0x2A, 0x2020, 0x2021, 0x203B:
            return true
        default:
            return false
        }
    }

    /// The length of the footnote marker ending `v[start..<end]` (0: none): a run of mark scalars,
    /// or one "[n]" with 1–3 digits.
    private static func footnoteMarkerLength(_ v: UnsafeMutableBufferPointer<UInt32>, from start: Int, to end: Int) -> Int {
        var k = end
        while k > start && isMarkScalar(v[k - 1]) { k -= 1 }
        if k < end { return end - k }
        guard v[end - 1] == 0x5D else { return 0 }  // ]
        k = end - 1
        while k > start && isDigit(v[k - 1]) && end - 1 - k < 3 { k -= 1 }
        guard k < end - 1, k > start, v[k - 1] == 0x5B else { return 0 }  // [
        return end - (k - 1)
    }

    @inline(__always)
    private static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// True when the text reads as a value (number, zero, not-applicable mark), not as a label.
    static func isValueLike(_ raw: String) -> Bool { parse(raw).isValueLike }
}
