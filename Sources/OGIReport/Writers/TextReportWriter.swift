/// Prints a template document as a clean tab-table text submission: the title on the first line,
/// headings and paragraphs separated by blank lines, each table row on one line with its cells
/// separated by tabs (merged cells as empty cells), LF line endings and a final newline.
enum TextReportWriter {
    static func write(_ items: [TemplateWriter.Item]) -> String {
        var chunks: [String] = []
        for item in items {
            switch item {
            case .title(let s), .note(let s), .heading(let s, _), .paragraph(let s):
                chunks.append(s)
            case .table(_, let grid):
                chunks.append(grid.plainRows.map { $0.joined(separator: "\t") }.joined(separator: "\n"))
            case .closing(let s):
                chunks.append(s)
            }
        }
        return chunks.joined(separator: "\n\n") + "\n"
    }
}
