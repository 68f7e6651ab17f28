/// Prints a template document as a clean tab-table text submission: the title on the first line,
/// headings and paragraphs separated by blank lines, each table row on one line with its cells
/// separated by tabs (merged cells as empty cells), LF line endings and a final newline.
/// Prose and cell texts are written with ``TemplateWriter/oneLine(_:)`` (no line break or tab
/// inside a paragraph or a cell).
enum TextReportWriter {
    static func write(_ items: [TemplateWriter.Item]) -> String {
        var chunks: [String] = []
        for item in items {
            switch item {
            case .title(let s), .note(let s), .heading(let s, _), .paragraph(let s), .closing(let s):
                chunks.append(TemplateWriter.oneLine(s))
            case .table(_, let grid):
                chunks.append(grid.plainRows.map { $0.map(TemplateWriter.oneLine).joined(separator: "\t") }.joined(separator: "\n"))
            }
        }
        return chunks.joined(separator: "\n\n") + "\n"
    }
}
