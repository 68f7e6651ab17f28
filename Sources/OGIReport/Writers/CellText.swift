import Foundation

/// How a writer prints one cell of a report.
///
/// - value / zero: the number printed canonically (no thousands separators, no padding, "." as
///   the decimal mark, a minus sign for negatives), followed by the unit written in the cell if
///   any ("2560万元"). An `uncertain` value is printed as its raw text when there is one
///   ("增72"), so the doubt stays visible and a reader finds it again.
/// - blank: empty.
/// - not-applicable: the raw mark ("/", "-", "—", "无"), "/" when none was recorded.
/// - text: the raw text (empty when none was recorded).
enum CellText {
    static func text(_ cell: CellValue?) -> String {
        guard let cell else { return "" }
        let raw = cell.raw?.trimmingCharacters(in: .whitespacesAndNewlines)
        switch cell.presence {
        case .blank:
            return ""
        case .notApplicable:
            if let raw, !raw.isEmpty { return raw }
            return "/"
        case .text:
            return raw ?? ""
        case .value, .zero:
            if cell.uncertain, let raw, !raw.isEmpty { return raw }
            guard let n = cell.number else { return raw ?? "" }
            return canonical(n) + (cell.unit ?? "")
        }
    }

    /// A decimal in plain canonical form: "0", "12901", "-58", "282.1".
    static func canonical(_ n: Decimal) -> String {
        var s = NSDecimalNumber(decimal: n).stringValue
        if s == "-0" { s = "0" }
        return s
    }
}
