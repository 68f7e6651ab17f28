/// Small text helpers of the document reader: width folding, trimming, sentence ends, numbering
/// markers, dates and years. They work on the Unicode scalars of one line at a time.
///
/// Folding maps full-width ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space (U+3000) to a
/// space, one scalar for one scalar, so indexes in a folded line are indexes in the original.
enum DocumentText {
    /// Full-width ASCII folded to ASCII, U+3000 to a space; any other scalar unchanged.
    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        if v >= 0xFF01 && v <= 0xFF5E, let f = Unicode.Scalar(v - 0xFEE0) { return f }
        if v == 0x3000 { return " " }
        return c
    }

    /// Folded scalars of a string.
    static func folded(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.map(fold) }

    /// Spaces of any width, tabs, form feeds, vertical tabs, NBSP and a stray BOM: the one
    /// whitespace definition of the readers (``LabelText/isSpace(_:)``; a line holds no line breaks).
    static func isSpace(_ c: Unicode.Scalar) -> Bool { LabelText.isSpace(c.value) }

    /// The string without leading and trailing spaces (see ``isSpace(_:)``).
    static func trim(_ s: String) -> String {
        let u = s.unicodeScalars
        guard let a = u.firstIndex(where: { !isSpace($0) }), let b = u.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(u[a...b])
    }

    /// True when the line holds only spaces.
    static func isBlank(_ s: String) -> Bool { s.unicodeScalars.allSatisfy(isSpace) }

    /// Folded scalars without any spaces: the form labels and titles are compared in.
    static func compact(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.lazy.map(fold).filter { !isSpace($0) } }

    /// ``compact(_:)`` as a string.
    static func compactString(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: compact(s))
        return String(out)
    }

    /// Non-overlapping occurrences of `needle` in `hay`, compared as UTF-8 bytes.
    static func count(of needle: String, in hay: String) -> Int {
        let n = Array(needle.utf8), h = Array(hay.utf8)[...]
        guard !n.isEmpty else { return 0 }
        var found = 0, i = 0
        while let at = ByteSearch.firstIndex(of: n, in: h, from: i) { found += 1; i = at + n.count }
        return found
    }

    /// A CJK ideograph.
    static func isHan(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// The value of an ASCII or full-width digit.
    static func digit(_ c: Unicode.Scalar) -> Int? {
        let f = fold(c).value
        return f >= 0x30 && f <= 0x39 ? Int(f - 0x30) : nil
    }

    /// Punctuation that ends a sentence (folded forms): 。！？；：… and ASCII . ! ? ; :
    static let sentenceEnders: Set<Unicode.Scalar> = ["。", "!", "?", ";", ":", "…", ".", "｡"]
    /// Closing quotes and brackets that may follow a sentence end.
    static let closers: Set<Unicode.Scalar> = ["”", "’", "\"", "'", ")", "」", "』", "】", "》", "〕", "]"]
    /// Punctuation inside a sentence: a line holding it is prose, not a heading.
    static let clausePunctuation: Set<Unicode.Scalar> = [",", "，", ";", "；", "。", "!", "?", "、"]

    /// True when the text ends with sentence-final punctuation, possibly followed by closing
    /// quotes or brackets ("。”", "。）").
    static func endsSentence(_ s: String) -> Bool {
        var u = Array(s.unicodeScalars.map(fold))
        while let last = u.last, isSpace(last) { u.removeLast() }
        while let last = u.last, closers.contains(last) {
            u.removeLast()
            if let p = u.last, sentenceEnders.contains(p) { return true }
        }
        guard let last = u.last else { return false }
        return sentenceEnders.contains(last)
    }

    // MARK: Numbering markers

    /// A heading number: "一、", "1、", "1.", "（一）", "(1)" …
    struct Marker {
        enum Style { case chinese, arabic, parenthesised }
        var style: Style
        var value: Int
        /// Index (in scalars) just after the marker and the spaces following it.
        var end: Int
    }

    static let chineseDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Parses a Chinese numeral up to 99 (一, 十, 十二, 二十三) at `i`; returns value and end.
    static func chineseNumber(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
        var j = i
        var tens = 0, units = 0, sawTen = false, sawDigit = false
        while j < s.count, j - i < 3 {
            if s[j] == "十" {
                if sawTen { break }
                sawTen = true; tens = sawDigit ? max(units, 1) : 1; units = 0; sawDigit = false
            } else if let d = chineseDigits[s[j]], d > 0 {
                if sawDigit { break }
                units = d; sawDigit = true
            } else { break }
            j += 1
        }
        guard j > i else { return nil }
        return (tens * 10 + units, j)
    }

    /// Parses an ASCII/full-width number of at most `maxDigits` digits at `i`.
    static func arabicNumber(_ s: [Unicode.Scalar], _ i: Int, maxDigits: Int) -> (Int, Int)? {
        var j = i, v = 0
        // Only the first `maxDigits` digits are accumulated: a longer run (a 20-digit number at
        // the start of a line) is no marker and must not overflow.
        while j < s.count, let d = digit(s[j]) {
            if j - i < maxDigits { v = v * 10 + d }
            j += 1
        }
        guard j > i, j - i <= maxDigits else { return nil }
        return (v, j)
    }

    /// Cheap test before ``marker(_:)``: can the first non-space scalar of the line start a marker?
    static func mayStartMarker(_ line: String) -> Bool {
        guard let c = line.unicodeScalars.first(where: { !isSpace($0) }) else { return false }
        let f = fold(c)
        return f == "(" || f == "（" || digit(f) != nil || chineseDigits[f] != nil || f == "十"
    }

    /// Parses a numbering marker at the start of a folded, trimmed line.
    static func marker(_ s: [Unicode.Scalar]) -> Marker? {
        guard let first = s.first else { return nil }
        func skipSpaces(_ k: Int) -> Int { var k = k; while k < s.count, isSpace(s[k]) { k += 1 }; return k }
        if first == "(" || first == "（" {
            var j = skipSpaces(1)
            var value: Int, style: Marker.Style = .parenthesised
            if let (v, e) = chineseNumber(s, j) { value = v; j = e } else if let (v, e) = arabicNumber(s, j, maxDigits: 2) { value = v; j = e } else { return nil }
            j = skipSpaces(j)
            guard j < s.count, s[j] == ")" || s[j] == "）" else { return nil }
            j += 1
            if j < s.count, s[j] == "、" || s[j] == "." { j += 1 }
            style = .parenthesised
            return Marker(style: style, value: value, end: skipSpaces(j))
        }
        if let (v, e) = chineseNumber(s, 0) {
            let k = skipSpaces(e)
            guard k < s.count else { return nil }
            let sep = s[k]
            if sep == "、" || sep == "," || sep == "." || sep == ":" {
                return Marker(style: .chinese, value: v, end: skipSpaces(k + 1))
            }
            if k > e { return Marker(style: .chinese, value: v, end: k) }
            return nil
        }
        if let (v, e) = arabicNumber(s, 0, maxDigits: 2) {
            let k = skipSpaces(e)
            guard k < s.count else { return nil }
            let sep = s[k]
            if sep == "、" || sep == "," {
                return Marker(style: .arabic, value: v, end: skipSpaces(k + 1))
            }
            if sep == "." {
                if k + 1 < s.count, digit(s[k + 1]) != nil { return nil }
                return Marker(style: .arabic, value: v, end: skipSpaces(k + 1))
            }
            return nil
        }
        return nil
    }

    // MARK: Years and dates

    /// The first year (1990–2100) written as four digits (ASCII, full-width or 〇一二…) followed,
    /// after optional spaces, by 年; with the scalar range it spans (digits through 年).
    static func firstYear(_ s: [Unicode.Scalar]) -> (year: Int, range: Range<Int>)? {
        allYears(s).first
    }

    /// Every such year, in order.
    static func allYears(_ s: [Unicode.Scalar]) -> [(year: Int, range: Range<Int>)] {
        var out: [(Int, Range<Int>)] = []
        var i = 0
        while i + 4 <= s.count {
            var v = 0, ok = true
            for k in 0..<4 {
                if let d = digit(s[i + k]) { v = v * 10 + d } else if let d = chineseDigits[s[i + k]] { v = v * 10 + d } else { ok = false; break }
            }
            let before = i > 0 ? s[i - 1] : " "
            if ok, digit(before) == nil, chineseDigits[before] == nil {
                var j = i + 4
                while j < s.count, isSpace(s[j]) { j += 1 }
                if j < s.count, s[j] == "年", (1990...2100).contains(v) {
                    out.append((v, i..<(j + 1)))
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// A whole line that is a date — "2024 年 1 月 8 日", "2025年1月10日", "二〇二五年一月十日",
    /// "2025-01-10", "2025.1.10", "2025/1/10" — as ISO yyyy-mm-dd; nil otherwise.
    static func dateLine(_ line: String) -> String? {
        var s = compact(line)
        // "（2024年1月20日）", "发布日期：2024-01-20"
        if let f = s.first, let l = s.last, (f == "(" && l == ")") || (f == "（" && l == "）") || (f == "[" && l == "]") {
            s = Array(s.dropFirst().dropLast())
        }
        if let colon = s.firstIndex(where: { $0 == ":" }), colon <= 6 {
            let label = String(String.UnicodeScalarView(s[0..<colon]))
            if label.hasSuffix("日期") || label.hasSuffix("时间") { s = Array(s[(colon + 1)...]) }
        }
        guard s.count >= 6 else { return nil }
        var y = 0, m = 0, d = 0
        if let (yy, e) = yearDigits(s, 0), e < s.count {
            y = yy
            if s[e] == "年" {
                guard let (mm, e2) = smallNumber(s, e + 1), e2 < s.count, s[e2] == "月",
                      let (dd, e3) = smallNumber(s, e2 + 1), e3 + 1 == s.count, s[e3] == "日" else { return nil }
                m = mm; d = dd
            } else if s[e] == "-" || s[e] == "." || s[e] == "/" {
                let sep = s[e]
                guard let (mm, e2) = arabicNumber(s, e + 1, maxDigits: 2), e2 < s.count, s[e2] == sep,
                      let (dd, e3) = arabicNumber(s, e2 + 1, maxDigits: 2), e3 == s.count else { return nil }
                m = mm; d = dd
            } else { return nil }
        } else { return nil }
        guard (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        func pad(_ v: Int, _ w: Int) -> String { let t = String(v); return String(repeating: "0", count: max(0, w - t.count)) + t }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    private static func yearDigits(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
        guard i + 4 <= s.count else { return nil }
        var v = 0
        for k in 0..<4 {
            if let d = digit(s[i + k]) { v = v * 10 + d } else if let d = chineseDigits[s[i + k]] { v = v * 10 + d } else { return nil }
        }
        return (v, i + 4)
    }

    private static func smallNumber(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
        arabicNumber(s, i, maxDigits: 2) ?? chineseNumber(s, i)
    }

    // MARK: Agency names

    /// Endings of agency names (longest first).
    static let agencySuffixes: [String] = [
        "管理委员会", "委员会", "办公室", "办公厅", "管委会", "人民政府", "政府", "中心", "局", "委", "办", "厅",
        "院", "署", "所", "站", "队", "馆", "处", "部", "会",
    ]

    /// True when a short line (no clause punctuation) ends with an agency suffix.
    static func isAgencyLine(_ line: String) -> Bool {
        let s = compact(line)
        guard (3...40).contains(s.count), s.allSatisfy({ isHan($0) || $0 == "(" || $0 == ")" || $0 == "（" || $0 == "）" }) else { return false }
        // Words of a sentence, not of a name.
        guard !s.contains(where: { $0 == "的" || $0 == "是" || $0 == "了" || $0 == "在" || $0 == "为" }) else { return false }
        let str = compactString(line)
        return agencySuffixes.contains { str.hasSuffix($0) }
    }

    /// Characters that end a place-anchored agency name on its left in running text.
    static let nameBoundaries: Set<Unicode.Scalar> = ["从", "与", "向", "由", "在", "对", "请", "经", "的", "和", "及", "将", "把", "被", "给", "是", "为", "于", "托", "按", "据"]
    /// Characters of administrative divisions; an agency name in running text must hold one.
    static let placeCharacters: Set<Unicode.Scalar> = ["省", "市", "区", "县", "州", "旗", "镇", "乡", "盟"]
}
