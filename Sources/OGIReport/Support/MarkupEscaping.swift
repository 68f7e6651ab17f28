/// Escaping for hand-written markup (HTML pages, the generated XSD): `&`, `<`, `>` and `"`.
/// The canonical XML writer has its own byte-level escaper, which also handles characters
/// XML 1.0 forbids.
enum MarkupEscaping {
    /// The text with `&`, `<`, `>` and `"` replaced by entity references; fit for element
    /// content and double-quoted attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
