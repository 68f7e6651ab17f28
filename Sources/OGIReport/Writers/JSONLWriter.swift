import Foundation

/// Reports as JSON lines for scripts (`ogi export --format jsonl`): one JSON object a line per
/// report, UTF-8, LF, deterministic.
///
/// Each object has the wide CSV's metadata — `file`, `agency`, `year` (a number), `edition`,
/// `format` (the source's format; `canonical-xml` when there is no source) — with null for what
/// is not known, and `cells`: the report's cells keyed by concept id, in canonical concept order.
/// A cell is a JSON number when it is a sure number without a unit (as the wide CSV writes it as
/// a number), null when blank, and otherwise the cell as printed (a mark such as "/", text, a
/// number with its unit, a doubtful number's raw text).
public enum JSONLWriter {
    /// One line (with its final LF) for `report`.
    public static func line(_ report: Report, file: String) -> String {
        let md = report.metadata
        var out = "{\"file\":" + string(file)
        out += ",\"agency\":" + (md.agency.map(string) ?? "null")
        out += ",\"year\":" + (md.year.map { String($0) } ?? "null")
        out += ",\"edition\":" + (md.edition.map { string($0.rawValue) } ?? "null")
        out += ",\"format\":" + string(md.source?.format.rawValue ?? "canonical-xml")
        out += ",\"cells\":{"
        var first = true
        for table in CanonicalXML.canonicalOrder(report).tables {
            for cell in table.cells {
                if !first { out += "," }
                first = false
                out += string(cell.concept) + ":"
                if let n = CSVWriter.plainNumber(cell) { out += n }
                else if cell.presence == .blank { out += "null" }
                else { out += string(CellText.text(cell)) }
            }
        }
        return out + "}}\n"
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` … or `\u00XX`;
    /// everything else (Chinese text included) as UTF-8.
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
