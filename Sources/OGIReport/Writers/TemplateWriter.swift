import Foundation

/// Writes a report (blank or prefilled) in the official layout.
///
/// Both formats print the same document: the title, the notes on what was prefilled
/// (``Metadata/notes``), the preamble, the six sections in official order with their official
/// headings, sub-headings and paragraphs, each table in its section laid out from
/// ``ConceptTable/spec(_:_:)`` in the report's edition, and the closing lines. Source positions,
/// raw layout and unrecognised fragments are not printed: the output is a clean submission.
public enum TemplateWriter {
    /// The formats a template can be written in.
    public enum Format: String, Sendable, CaseIterable {
        case text, html, docx

        /// The text formats (``write(_:format:)``).
        public var textFormat: TextFormat? { TextFormat(rawValue: rawValue) }
    }

    /// The formats whose output is text.
    public enum TextFormat: String, Sendable, CaseIterable { case text, html }

    /// The report as a clean tab-table text submission or a printable HTML page.
    public static func write(_ report: Report, format: TextFormat) -> String {
        let doc = document(report)
        switch format {
        case .text: return TextReportWriter.write(doc)
        case .html: return HTMLReportWriter.write(doc)
        }
    }

    /// The report as a Word document (DOCX): A4, the official layout with merged cells, empty
    /// cells ready to type in (``DOCXReportWriter``). Deterministic bytes.
    /// - Throws: ``DiagnosticError`` (`template.docx`), only if the package cannot be assembled in memory.
    public static func docx(_ report: Report) throws -> Data {
        do { return try DOCXReportWriter.write(document(report)) } catch let e as DiagnosticError { throw e } catch {
            throw DiagnosticError(.error("the DOCX package could not be written: \(error)", code: "template.docx"))
        }
    }

    /// The report in any format, as the bytes of the file.
    public static func data(_ report: Report, format: Format) throws -> Data {
        switch format {
        case .text: return Data(write(report, format: .text).utf8)
        case .html: return Data(write(report, format: .html).utf8)
        case .docx: return try docx(report)
        }
    }

    /// The edition the report is printed in: its own, else the one its cells imply (a cell that
    /// only the 2019 tables have), else 2021.
    public static func edition(of report: Report) -> Edition {
        if let e = report.metadata.edition { return e }
        let only2019 = report.tables.flatMap(\.cells).contains { ConceptTable.byID[$0.concept]?.editions == [.e2019] }
        return only2019 ? .e2019 : .e2021
    }

    /// Cells of the report that the layout of its edition has no place for (a concept of the
    /// other edition, or an unknown concept id). The writers cannot print them; callers should
    /// say so.
    public static func unprintableCells(_ report: Report) -> [CellValue] {
        let printable = Set(ConceptTable.concepts(edition(of: report)).map(\.id))
        return report.tables.flatMap(\.cells).filter { !printable.contains($0.concept) }
    }

    /// Warnings about what the writers leave out of a report: cells the edition's layout has no
    /// place for, and source fragments no reader understood (a template is a clean report).
    /// Empty when nothing is left out.
    public static func omissions(_ report: Report, fileName: String = "-") -> [Diagnostic] {
        var out: [Diagnostic] = []
        let lost = unprintableCells(report)
        if !lost.isEmpty {
            let names = lost.prefix(5).map(\.concept).joined(separator: ", ") + (lost.count > 5 ? ", …" : "")
            out.append(.warning("\(lost.count) cell(s) have no place in the edition \(edition(of: report).rawValue) layout and are not printed: \(names)",
                                code: "template.omitted-cells", file: fileName))
        }
        for f in report.unrecognised {
            out.append(.warning("unrecognised source text is not printed: “\(oneLine(f.text).prefix(40))” (\(f.reason))",
                                code: "template.omitted-fragment", file: fileName, line: f.lines.first))
        }
        return out
    }

    /// The title printed: the report's own, else "{agency}{year}年政府信息公开工作年度报告".
    static func title(of report: Report) -> String {
        if let t = report.metadata.title?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty { return t }
        return BlankReport.title(agency: report.metadata.agency ?? "", year: report.metadata.year)
    }

    // MARK: Document

    /// One printable piece of the report, in order.
    enum Item {
        case title(String)
        /// A note on what was prefilled.
        case note(String)
        /// A section heading (level 1) or a sub-heading (level 2).
        case heading(String, level: Int)
        case paragraph(String)
        case table(TableID, LayoutGrid)
        /// A closing line (signature, date).
        case closing(String)
    }

    static func document(_ report: Report) -> [Item] {
        let edition = edition(of: report)
        var cells: [ConceptID: CellValue] = [:]
        for t in report.tables { for c in t.cells where cells[c.concept] == nil { cells[c.concept] = c } }

        var items: [Item] = [.title(title(of: report))]
        items += report.metadata.notes.map { .note($0) }
        items += Self.items(report.preamble)
        for kind in SectionKind.allCases {
            items.append(.heading(kind.heading, level: 1))
            items += Self.items(report.sections.filter { $0.kind == kind }.flatMap(\.blocks))
            if let table = kind.table {
                let grid = LayoutGrid(spec: ConceptTable.spec(table, edition)) { CellText.text(cells[$0]) }
                items.append(.table(table, grid))
            }
        }
        var closing = report.closing.map(\.text).filter { !oneLine($0).isEmpty }
        if closing.isEmpty, let date = report.metadata.publicationDate.flatMap(chineseDate) {
            closing = [report.metadata.agency, date].compactMap { $0 }
        }
        items += closing.map { .closing($0) }
        return items
    }

    private static func items(_ blocks: [Block]) -> [Item] {
        blocks.filter { !oneLine($0.text).isEmpty }.map(item)
    }

    private static func item(_ block: Block) -> Item {
        switch block.kind {
        case .heading: return .heading(block.text, level: 2)
        case .paragraph: return .paragraph(block.text)
        }
    }

    /// Prose as one line of the text layout: its lines trimmed (``DocumentText/trim(_:)``) and
    /// joined with nothing between them, the way the text reader joins the lines of a paragraph
    /// (Chinese text has no spaces between words), and each tab turned into a space so that prose
    /// never looks like a table row. Text without line breaks or tabs is unchanged but trimmed.
    public static func oneLine(_ text: String) -> String {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if u == "\n" || u == "\r" {
                lines.append(DocumentText.trim(String(current))); current = String.UnicodeScalarView()
            } else {
                current.append(u == "\t" ? " " : u)
            }
        }
        lines.append(DocumentText.trim(String(current)))
        return lines.joined()
    }

    /// "2024-01-31" → "2024年1月31日"; nil when the date is not ISO yyyy-mm-dd.
    static func chineseDate(_ iso: String) -> String? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return "\(y)年\(m)月\(d)日"
    }
}
