/// Label normalisation and matching for the table readers.
///
/// Labels are compared after ``LabelText/normalize(_:)``: whitespace of any kind removed,
/// full-width ASCII folded to half-width ("（" → "(", "１" → "1", "．" → "."), "、" after a digit
/// read as "." ("1、" = "1." = "1．"), quote marks of every style dropped. A label's *core* is the
/// normalised text without its leading numbering ("一、", "(三)", "1.", "①"), so "(1)予以公开" and
/// "（一）予以公开" share the core "予以公开".
enum LabelText {

    /// Whitespace that may appear inside or around labels and values.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
             0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isQuote(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x2018, 0x2019, 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F, 0x301D, 0x301E, 0x301F,
             0xFF02, 0xFF07:
            return true
        default:
            return false
        }
    }

    /// Folds one scalar: full-width ASCII to ASCII, other bracket styles to parentheses, dashes to "-".
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0xFF01...0xFF5E: return v - 0xFEE0
        case 0x3014, 0x3010, 0x3016, 0xFE59, 0xFE5D: return 0x28  // 〔 【 〖 ﹙ ﹝ → (
        case 0x3015, 0x3011, 0x3017, 0xFE5A, 0xFE5E: return 0x29  // 〕 】 〗 ﹚ ﹞ → )
        case 0x2010...0x2015, 0x2212, 0xFE63: return 0x2D        // dashes, minus → -
        case 0x3002: return 0x2E                                 // 。 → .
        default: return v
        }
    }

    /// The normalised form of a label (see the type's documentation).
    static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasDigit = false
        for u in s.unicodeScalars {
            let v = u.value
            if isSpace(v) || isQuote(v) { continue }
            var f = fold(v)
            if f == 0x3001 && previousWasDigit { f = 0x2E }  // "1、" → "1."
            previousWasDigit = f >= 0x30 && f <= 0x39
            if let s = Unicode.Scalar(f) { out.append(s) }
        }
        return String(out)
    }

    /// Value of a Chinese or ASCII numeral of up to two places ("三" 3, "十二" 12, "12" 12), or nil.
    static func numeralValue(_ scalars: ArraySlice<UInt32>) -> Int? {
        if scalars.isEmpty || scalars.count > 4 { return nil }
        if scalars.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return scalars.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func digit(_ v: UInt32) -> Int? {
            switch v {
            case 0x3007, 0x96F6: return 0   // 〇 零
            case 0x4E00: return 1   // 一
            case 0x4E8C: return 2   // 二
            case 0x4E09: return 3   // 三
            case 0x56DB: return 4   // 四
            case 0x4E94: return 5   // 五
            case 0x516D: return 6   // 六
            case 0x4E03: return 7   // 七
            case 0x516B: return 8   // 八
            case 0x4E5D: return 9   // 九
            default: return nil
            }
        }
        let ten: UInt32 = 0x5341  // 十
        var total = 0, current = 0, sawAny = false
        for v in scalars {
            if v == ten {
                total += (sawAny && current > 0 ? current : 1) * 10
                current = 0
            } else if let d = digit(v) {
                current = current * 10 + d
            } else {
                return nil
            }
            sawAny = true
        }
        return total + current
    }

    /// Splits a normalised label into its leading numbering (as a number) and its core.
    static func splitNumbering(_ normalized: String) -> (number: Int?, core: String) {
        let v = normalized.unicodeScalars.map(\.value)
        if v.isEmpty { return (nil, "") }
        func rest(_ from: Int) -> String {
            var out = String.UnicodeScalarView()
            for x in v[from...] { if let s = Unicode.Scalar(x) { out.append(s) } }
            return String(out)
        }
        // ① … ⑳
        if v[0] >= 0x2460 && v[0] <= 0x2473 { return (Int(v[0] - 0x2460) + 1, rest(1)) }
        // (N) or (N)、
        if v[0] == 0x28 {
            var i = 1
            while i < v.count && i <= 5 && v[i] != 0x29 { i += 1 }
            if i < v.count && v[i] == 0x29, let n = numeralValue(v[1..<i]) {
                var j = i + 1
                if j < v.count && (v[j] == 0x2E || v[j] == 0x3001) { j += 1 }
                return (n, rest(j))
            }
            return (nil, normalized)
        }
        // N. N、 N) N,
        var i = 0
        while i < v.count && i < 4 && (numeralValue(v[i...i]) != nil || v[i] == 0x5341) { i += 1 }
        if i > 0 && i < v.count, [0x2E, 0x3001, 0x29, 0x2C, 0x3A].contains(v[i]), let n = numeralValue(v[0..<i]) {
            return (n, rest(i + 1))
        }
        return (nil, normalized)
    }
}

/// A label the readers know, prepared once: its normalised text, core and numbering.
struct LabelEntry<Target: Sendable>: Sendable {
    let target: Target
    let normalized: String
    let core: String
    let number: Int?

    init(_ label: String, _ target: Target) {
        self.target = target
        normalized = LabelText.normalize(label)
        let split = LabelText.splitNumbering(normalized)
        core = split.core
        number = split.number
    }
}

/// How well a cell matched a label.
enum MatchLevel: Int, Comparable, Sendable {
    /// Only a prefix of the core matched (a truncated or extended label).
    case prefix = 1
    /// The core (label without its numbering) matched.
    case core = 2
    /// The whole normalised label matched.
    case exact = 3

    static func < (a: MatchLevel, b: MatchLevel) -> Bool { a.rawValue < b.rawValue }
}

/// A set of known labels, matched against cell text.
struct LabelMatcher<Target: Sendable>: Sendable {
    let entries: [LabelEntry<Target>]
    /// Minimum core length (in scalars) for a prefix match.
    let minimumPrefix: Int

    init(_ entries: [LabelEntry<Target>], minimumPrefix: Int = 4) {
        self.entries = entries
        self.minimumPrefix = minimumPrefix
    }

    /// The entries matching a normalised cell text at the best level found (empty when none).
    func match(_ normalized: String) -> (level: MatchLevel, entries: [LabelEntry<Target>]) {
        if normalized.isEmpty { return (.prefix, []) }
        let exact = entries.filter { $0.normalized == normalized }
        if !exact.isEmpty { return (.exact, exact) }
        let split = LabelText.splitNumbering(normalized)
        guard !split.core.isEmpty else { return (.prefix, []) }
        let core = entries.filter { $0.core == split.core }
        if !core.isEmpty { return (.core, core) }
        // Prefix: the cell extends a known label ("部分公开（…）") or is a truncated long label.
        let cellCount = split.core.unicodeScalars.count
        var best: [LabelEntry<Target>] = []
        var bestLength = 0
        for e in entries {
            let n = e.core.unicodeScalars.count
            if n >= minimumPrefix && split.core.hasPrefix(e.core) {
                if n > bestLength { best = [e]; bestLength = n } else if n == bestLength { best.append(e) }
            } else if cellCount >= max(minimumPrefix, 6) && e.core.hasPrefix(split.core) && cellCount >= bestLength {
                if cellCount > bestLength { best = [e]; bestLength = cellCount } else { best.append(e) }
            }
        }
        return (.prefix, best)
    }
}
