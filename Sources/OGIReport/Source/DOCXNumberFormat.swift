/// Renders a list counter in a `w:numFmt` of WordprocessingML, the way Word and WPS show
/// automatic numbering: `decimal` 1, `decimalZero` 01, `decimalFullWidth` １, `chineseCounting`
/// 一 … 十一, `chineseCountingThousand` 一百零一, `chineseLegalSimplified` 壹, `ideographTraditional`
/// 甲乙丙丁, `ideographZodiac` 子丑寅卯, `ideographDigital` 一〇一, circled and parenthesised numbers,
/// roman numerals and letters. An unknown format is rendered as `decimal`; `none` and `bullet`
/// as nothing (a bullet's symbol is its level text).
enum DOCXNumberFormat {
    static func render(_ n: Int, format: String) -> String {
        switch format {
        case "none", "bullet": return ""
        case "decimalZero": return n < 10 && n >= 0 ? "0\(n)" : "\(n)"
        case "decimalFullWidth", "decimalFullWidth2":
            var out = String.UnicodeScalarView()
            for u in "\(n)".unicodeScalars { out.append(u.value >= 0x30 && u.value <= 0x39 ? Unicode.Scalar(u.value - 0x30 + 0xFF10)! : u) }
            return String(out)
        case "decimalHalfWidth": return "\(n)"
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
            return chinese(n, digits: simplifiedDigits, units: ["", "十", "百", "千"], informal: true)
        case "chineseLegalSimplified", "ideographLegalTraditional":
            return chinese(n, digits: legalDigits, units: ["", "拾", "佰", "仟"], informal: false)
        case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
            return "\(n)".compactMap { c in c.wholeNumberValue.map { $0 == 0 ? "〇" : simplifiedDigits[$0] } }.joined()
        case "ideographTraditional": return cycle(n, "甲乙丙丁戊己庚辛壬癸")
        case "ideographZodiac": return cycle(n, "子丑寅卯辰巳午未申酉戌亥")
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
            if (1...20).contains(n) { return String(Unicode.Scalar(0x2460 + UInt32(n) - 1)!) }
            return "\(n)"
        case "decimalEnclosedParen":
            if (1...20).contains(n) { return String(Unicode.Scalar(0x2474 + UInt32(n) - 1)!) }
            return "(\(n))"
        case "decimalEnclosedFullstop":
            if (1...20).contains(n) { return String(Unicode.Scalar(0x2488 + UInt32(n) - 1)!) }
            return "\(n)."
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        case "upperLetter": return letters(n)
        case "lowerLetter": return letters(n).lowercased()
        default: return "\(n)"
        }
    }

    static let simplifiedDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let legalDigits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]

    /// 1 一, 10 十, 11 十一, 20 二十, 101 一百零一, 1000 一千; beyond 9999 the digits are read one by one.
    static func chinese(_ n: Int, digits: [String], units: [String], informal: Bool) -> String {
        guard n > 0 else { return digits[0] }
        guard n < 10_000 else { return "\(n)".compactMap { $0.wholeNumberValue.map { digits[$0] } }.joined() }
        let ds = "\(n)".compactMap(\.wholeNumberValue)
        var out = ""
        var zero = false
        for (i, d) in ds.enumerated() {
            let place = ds.count - 1 - i
            if d == 0 { zero = true; continue }
            if zero && !out.isEmpty { out += digits[0] }
            zero = false
            // 十一, not 一十一, in everyday counting.
            if !(informal && d == 1 && place == 1 && out.isEmpty) { out += digits[d] }
            out += units[place]
        }
        return out
    }

    private static func cycle(_ n: Int, _ symbols: String) -> String {
        let s = Array(symbols)
        guard n > 0 else { return "\(n)" }
        return String(s[(n - 1) % s.count])
    }

    private static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return "\(n)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    /// A … Z, AA … ZZ (Word repeats the letter).
    private static func letters(_ n: Int) -> String {
        guard n > 0 else { return "\(n)" }
        let letter = Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
        return String(repeating: letter, count: min((n - 1) / 26 + 1, 50))
    }
}
