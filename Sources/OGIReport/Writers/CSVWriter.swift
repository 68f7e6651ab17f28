import Foundation

/// Reports as CSV for Excel and WPS (`ogi export`): UTF-8 with a byte-order mark (so both open
/// it as UTF-8, not the locale's GBK), CRLF, RFC 4180 quoting and formula-injection-safe fields
/// (``CSVField``). Deterministic: reports in the order given, cells in canonical concept order.
///
/// - Long (``longHeader``, ``longRows(_:file:)``): one row per cell — file, agency, year,
///   edition, table, concept id, the official row and column labels of the report's edition
///   (label paths joined with " / "), value (a plain number, only when the cell holds one),
///   presence, unit, raw text as printed, source line.
/// - Wide (``wideHeader(_:labels:)``, ``wideRow(_:file:concepts:)``): one row per report — file,
///   agency, year, edition, source format, then one column per concept: a plain number, or the
///   cell as printed (a mark, text, a number with a unit or a doubtful one); a blank stays empty.
public enum CSVWriter {
    /// The byte-order mark a CSV file starts with.
    public static let byteOrderMark = "\u{FEFF}"

    /// The long format's header record.
    public static func longHeader() -> String {
        CSVField.record(["file", "agency", "year", "edition", "table", "concept", "row", "column",
                         "value", "presence", "unit", "raw", "line"])
    }

    /// One record per cell of `report`.
    public static func longRows(_ report: Report, file: String) -> String {
        let md = report.metadata
        let edition = md.edition
        var out = ""
        for table in report.tables {
            for cell in table.cells {
                let label = ConceptTable.byID[cell.concept]?.label(in: edition)
                let row = label.map { ([$0.caption].compactMap { $0 } + $0.rowParents + [$0.row]).filter { !$0.isEmpty }.joined(separator: " / ") } ?? ""
                let column = label.map { ($0.columnParents + [$0.column]).filter { !$0.isEmpty }.joined(separator: " / ") } ?? ""
                let value = cell.hasNumber ? CellText.canonical(cell.number!) : ""
                let line = cell.position.flatMap { $0.hasLine ? String($0.line) : nil } ?? ""
                out += CSVField.record([file, md.agency ?? "", md.year.map(String.init) ?? "", edition?.rawValue ?? "",
                                        table.id.rawValue, cell.concept, row, column, value, cell.presence.rawValue,
                                        cell.unit ?? "", cell.raw ?? "", line])
            }
        }
        return out
    }

    /// The wide format's columns: the concepts of `edition`, or of both editions (2021's order,
    /// then the 2019-only ones) when nil.
    public static func wideConcepts(_ edition: Edition?) -> [Concept] {
        if let edition { return ConceptTable.concepts(edition) }
        let e2021 = ConceptTable.concepts(.e2021)
        let seen = Set(e2021.map(\.id))
        return e2021 + ConceptTable.concepts(.e2019).filter { !seen.contains($0.id) }
    }

    /// The wide format's header: concept ids, or (`labels`) the official Chinese labels
    /// (``ConceptLabel/short``, table number first).
    public static func wideHeader(_ concepts: [Concept], labels: Bool) -> String {
        let names = concepts.map { c -> String in
            guard labels else { return c.id }
            let l = c.label(in: c.editions.contains(.e2021) ? .e2021 : .e2019)
            let table = ["t1": "表一", "t2": "表二", "t3": "表三"][c.table.rawValue] ?? c.table.rawValue
            return table + " " + ([l.caption].compactMap { $0 } + [l.short]).joined(separator: " ")
        }
        return CSVField.record(["file", "agency", "year", "edition", "format"] + names)
    }

    /// A cell's number as plain digits when it is a sure number without a unit (the wide CSV
    /// writes it as a number, JSON lines as a JSON number); nil otherwise (the cell as printed).
    static func plainNumber(_ cell: CellValue) -> String? {
        cell.hasNumber && !cell.uncertain && cell.unit == nil ? CellText.canonical(cell.number!) : nil
    }

    /// One record for `report`.
    public static func wideRow(_ report: Report, file: String, concepts: [Concept]) -> String {
        let md = report.metadata
        var cells: [ConceptID: CellValue] = [:]
        for t in report.tables { for c in t.cells { cells[c.concept] = c } }
        let values = concepts.map { c -> String in
            guard let cell = cells[c.id] else { return "" }
            return plainNumber(cell) ?? CellText.text(cell)
        }
        return CSVField.record([file, md.agency ?? "", md.year.map(String.init) ?? "", md.edition?.rawValue ?? "",
                                md.source?.format.rawValue ?? "canonical-xml"] + values)
    }
}
