import Foundation

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

    /// The normalised form of a label (see the type's documentation). Works on the UTF-8 bytes:
    /// most scalars are copied through; only spaces, quotes and foldable scalars are decoded.
    static func normalize(_ s: String) -> String {
        var s = s
        // Written straight into the new string's storage: folding only shortens a scalar
        // (full-width → ASCII, brackets and dashes → ASCII), so the input's length is enough.
        return s.withUTF8 { b -> String in
            String(unsafeUninitializedCapacity: max(b.count, 1)) { out -> Int in
                var o = 0
                var previousWasDigit = false
                var i = 0
                let n = b.count
                while i < n {
                    let c0 = b[i]
                    if c0 < 0x80 {
                        // ASCII: drop whitespace and quotes, keep the rest.
                        i += 1
                        if c0 == 0x20 || (c0 >= 0x09 && c0 <= 0x0D) || c0 == 0x22 || c0 == 0x27 { continue }
                        previousWasDigit = c0 >= 0x30 && c0 <= 0x39
                        out[o] = c0; o += 1
                        continue
                    }
                    // Decode one scalar (input is valid UTF-8: it comes from a String).
                    let len = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : 2
                    guard i + len <= n else { break }
                    var v: UInt32
                    switch len {
                    case 2: v = (UInt32(c0 & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
                    case 3: v = (UInt32(c0 & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                    default:
                        v = (UInt32(c0 & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6)
                            | UInt32(b[i + 3] & 0x3F)
                    }
                    if isSpace(v) || isQuote(v) { i += len; continue }
                    var f = fold(v)
                    if f == 0x3001 && previousWasDigit { f = 0x2E }  // "1、" → "1."
                    previousWasDigit = f >= 0x30 && f <= 0x39
                    if f == v {
                        for k in 0..<len { out[o] = b[i + k]; o += 1 }
                    } else if f < 0x80 {
                        out[o] = UInt8(f); o += 1  // every fold gives ASCII
                    } else {
                        var bytes: [UInt8] = []
                        appendUTF8(f, to: &bytes)
                        precondition(bytes.count <= len, "folding never lengthens a scalar")
                        for x in bytes { out[o] = x; o += 1 }
                    }
                    i += len
                }
                return o
            }
        }
    }

    @inline(__always)
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// True when `haystack` contains `needle` (UTF-8 byte search, ``ByteSearch/range(of:in:)``).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        ByteSearch.range(of: needle, in: haystack) != nil
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
        // Numbering is at most 7 scalars long: look at the first 8 only, on the stack.
        let scalars = normalized.unicodeScalars
        var v: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        return withUnsafeMutableBytes(of: &v) { raw -> (number: Int?, core: String) in
            let b = raw.bindMemory(to: UInt32.self)
            for u in scalars { if n == 8 { break }; b[n] = u.value; n += 1 }
            if n == 0 { return (nil, "") }
            func rest(_ from: Int) -> String {
                String(scalars[scalars.index(scalars.startIndex, offsetBy: from)...])
            }
            // ① … ⑳
            if b[0] >= 0x2460 && b[0] <= 0x2473 { return (Int(b[0] - 0x2460) + 1, rest(1)) }
            // (N) or (N)、
            if b[0] == 0x28 {
                var i = 1
                while i < n && i <= 5 && b[i] != 0x29 { i += 1 }
                if i < n && b[i] == 0x29, let num = numeralValue(Array(b[1..<i])[...]) {
                    var j = i + 1
                    if j < n && (b[j] == 0x2E || b[j] == 0x3001) { j += 1 }
                    return (num, rest(j))
                }
                return (nil, normalized)
            }
            // N. N、 N) N,
            var i = 0
            while i < n && i < 4 && isNumeral(b[i]) { i += 1 }
            if i > 0 && i < n, [0x2E, 0x3001, 0x29, 0x2C, 0x3A].contains(b[i]), let num = numeralValue(Array(b[0..<i])[...]) {
                return (num, rest(i + 1))
            }
            return (nil, normalized)
        }
    }

    /// An ASCII digit or a Chinese numeral character (〇 零 一 … 九 十).
    @inline(__always)
    static func isNumeral(_ v: UInt32) -> Bool {
        switch v {
        case 0x30...0x39, 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341:
            return true
        default:
            return false
        }
    }
}

/// A normalised label as a dictionary key, hashed and compared on its UTF-8 bytes (normalised
/// labels are built scalar by scalar, so byte equality is the equality wanted, and it avoids
/// String's Unicode-normalising hash).
struct ByteKey: Hashable, Sendable {
    let string: String

    init(_ s: String) { var s = s; s.makeContiguousUTF8(); string = s }

    func hash(into h: inout Hasher) { h.combine(wordHash) }

    /// The dictionaries' hash without a Hasher: the UTF-8 bytes eight at a time, multiplied and
    /// folded, mixed with the seed. The tables are the readers' own labels; a lookup by a
    /// document's text inserts nothing, so SipHash's protection against chosen collisions buys
    /// nothing here, and it was most of the cost of a lookup.
    func _rawHashValue(seed: Int) -> Int { Int(truncatingIfNeeded: mixed(UInt64(bitPattern: Int64(seed)))) }

    private var wordHash: Int { Int(truncatingIfNeeded: mixed(0)) }

    private func mixed(_ seed: UInt64) -> UInt64 {
        var s = string
        return s.withUTF8 { p -> UInt64 in
            let n = p.count
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ seed ^ UInt64(n)
            var i = 0
            if let base = p.baseAddress {
                while i + 8 <= n {
                    h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                    h ^= h >> 32
                    i += 8
                }
                if i < n {
                    var w: UInt64 = 0
                    for k in i..<n { w = w << 8 | UInt64(base[k]) }
                    h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
                    h ^= h >> 32
                }
            }
            h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            return h ^ (h >> 33)
        }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        let n = a.string.utf8.count
        guard n == b.string.utf8.count else { return false }
        let fast: Bool?? = a.string.utf8.withContiguousStorageIfAvailable { pa in
            b.string.utf8.withContiguousStorageIfAvailable { pb in
                n == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, n) == 0
            }
        }
        if let f = fast, let r = f { return r }
        return a.string.utf8.elementsEqual(b.string.utf8)
    }
}

/// A label the readers know, prepared once: its normalised text, core and numbering.
struct LabelEntry<Target: Sendable>: Sendable {
    let target: Target
    let normalized: String
    let core: String
    let number: Int?

    /// The core's UTF-8 bytes and scalar count, for prefix matching without String comparisons.
    let coreBytes: [UInt8]
    let coreCount: Int

    init(_ label: String, _ target: Target) {
        self.target = target
        normalized = LabelText.normalize(label)
        let split = LabelText.splitNumbering(normalized)
        core = split.core
        number = split.number
        coreBytes = Array(core.utf8)
        coreCount = core.unicodeScalars.count
    }
}

/// How well a cell matched a label.
enum MatchLevel: Int, Comparable, Sendable {
    /// The label with some of its characters missing, in order (glyphs a PDF lost).
    case dropped = 0
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
    private let byNormalized: [ByteKey: [Int]]
    private let byCore: [ByteKey: [Int]]

    init(_ entries: [LabelEntry<Target>], minimumPrefix: Int = 4) {
        self.entries = entries
        self.minimumPrefix = minimumPrefix
        var n: [ByteKey: [Int]] = [:], c: [ByteKey: [Int]] = [:]
        for (i, e) in entries.enumerated() {
            n[ByteKey(e.normalized), default: []].append(i)
            if !e.core.isEmpty { c[ByteKey(e.core), default: []].append(i) }
        }
        byNormalized = n; byCore = c
    }

    /// True when the normalised text is exactly one of the labels.
    func contains(_ normalized: String) -> Bool { byNormalized[ByteKey(normalized)] != nil }

    /// `.exact` when the normalised text is one of the labels, `.core` when it has the core of
    /// one, nil otherwise (prefix matches are not looked for).
    func exactOrCore(_ normalized: String) -> MatchLevel? {
        if normalized.isEmpty { return nil }
        if byNormalized[ByteKey(normalized)] != nil { return .exact }
        let core = LabelText.splitNumbering(normalized).core
        return !core.isEmpty && byCore[ByteKey(core)] != nil ? .core : nil
    }

    /// The entries matching a normalised cell text at the best level found (empty when none).
    func match(_ normalized: String) -> (level: MatchLevel, entries: [LabelEntry<Target>]) {
        let (level, indices) = matchIndices(normalized)
        return (level, indices.map { entries[$0] })
    }

    /// Like ``match(_:)``, giving indices into ``entries`` (no copies of the entries).
    func matchIndices(_ normalized: String) -> (level: MatchLevel, indices: [Int]) {
        if normalized.isEmpty { return (.prefix, []) }
        if let hit = byNormalized[ByteKey(normalized)] { return (.exact, hit) }
        let split = LabelText.splitNumbering(normalized)
        guard !split.core.isEmpty else { return (.prefix, []) }
        if let hit = byCore[ByteKey(split.core)] { return (.core, hit) }
        // Prefix: the cell extends a known label ("部分公开（…）") or is a truncated long label.
        // Normalised text is compared byte by byte (UTF-8 prefixes on scalar boundaries).
        let cellCount = split.core.unicodeScalars.count
        let cellBytes = Array(split.core.utf8)
        func bytePrefix(_ whole: [UInt8], _ prefix: [UInt8]) -> Bool {
            guard prefix.count <= whole.count else { return false }
            for k in 0..<prefix.count where whole[k] != prefix[k] { return false }
            return true
        }
        var best: [Int] = []
        var bestLength = 0
        // By index, borrowing each entry in place (a copy of an entry retains its strings).
        entries.withUnsafeBufferPointer { entries in
            for k in entries.indices {
                let n = entries[k].coreCount
                if n >= minimumPrefix && n < cellCount && bytePrefix(cellBytes, entries[k].coreBytes) {
                    if n > bestLength { best = [k]; bestLength = n } else if n == bestLength { best.append(k) }
                } else if cellCount >= max(minimumPrefix, 6) && cellCount < n && cellCount >= bestLength
                            && bytePrefix(entries[k].coreBytes, cellBytes) {
                    if cellCount > bestLength { best = [k]; bestLength = cellCount } else { best.append(k) }
                }
            }
        }
        if best.isEmpty, let number = split.number, cellCount >= 5 {
            let dropped = droppedCharacters(split.core, number: number)
            if !dropped.isEmpty { return (.dropped, dropped) }
        }
        return (.prefix, best)
    }

    /// The one numbered label whose core holds the cell's core in order with a few characters
    /// missing (glyphs a PDF lost: "2.其他法律行政止公开" for "2.其他法律行政法规禁止公开"): same
    /// number, at least 60 % of the label's characters, and no other label as close.
    private func droppedCharacters(_ core: String, number: Int) -> [Int] {
        let cell = Array(core.unicodeScalars)
        var best: [Int] = []
        var bestRatio = 0.0
        for (k, e) in entries.enumerated() where e.number == number && e.coreCount > cell.count {
            let ratio = Double(cell.count) / Double(e.coreCount)
            guard ratio >= 0.6 else { continue }
            var i = 0
            for u in e.core.unicodeScalars where i < cell.count && u == cell[i] { i += 1 }
            guard i == cell.count else { continue }
            if ratio > bestRatio { best = [k]; bestRatio = ratio } else if ratio == bestRatio { best.append(k) }
        }
        return best.count == 1 ? best : []
    }
}
