/// One CSV field and one CSV record as Excel and WPS read them safely.
///
/// - RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled;
///   records end with CRLF.
/// - Formula injection: a field starting with `=`, `+`, `-`, `@`, TAB or CR is prefixed with `'`
///   so a spreadsheet shows it as text instead of running it — except a plain decimal number
///   (`-5`, `12.5`: an optional minus, digits, optionally a point and digits), which stays a
///   number. Such a field cannot be a formula, and values ogi writes as numbers must sum in Excel.
public enum CSVField {
    /// The field as written in a record.
    public static func escape(_ value: String) -> String {
        var s = value
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(s) {
            s = "'" + s
        }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// A record: the fields escaped, joined by commas, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    /// True for `-?[0-9]+(\.[0-9]+)?` (ASCII digits only).
    static func isPlainNumber(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        let intPart = u.prefix { $0 >= 48 && $0 <= 57 }
        if intPart.isEmpty { return false }
        u = u.dropFirst(intPart.count)
        if u.isEmpty { return true }
        guard u.first == UInt8(ascii: ".") else { return false }
        u = u.dropFirst()
        return !u.isEmpty && u.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
