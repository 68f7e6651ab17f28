import Foundation

/// The tab-rows line layout: every non-blank line is a table row and its cells are the text
/// between tabs (a tab is structure: a blank cell at the end of a row is a cell). Blank lines are
/// skipped.
enum TabRowsLayout: LineLayout {
    static let layout = SourceLayout.tabRows

    static func rows(_ lines: [SourceLine]) -> [GridRow] {
        var rows: [GridRow] = []
        for l in lines where !LineLayouts.isBlank(l.text) {
            // Cells are the text between tabs; columns count Unicode scalars (UTF-8 lead bytes).
            let text = l.text
            let utf8 = text.utf8
            var cells: [GridCell] = []
            cells.reserveCapacity(12)
            var i = utf8.startIndex, start = i
            var scalars = 0, cellStart = 1
            while i != utf8.endIndex {
                let b = utf8[i]
                if b & 0xC0 != 0x80 {
                    if b == 0x09 {
                        cells.append(GridCell(raw: String(text[start..<i]), line: l.number, column: cellStart))
                        start = utf8.index(after: i)
                        cellStart = scalars + 2
                    }
                    scalars += 1
                }
                utf8.formIndex(after: &i)
            }
            cells.append(GridCell(raw: String(text[start...]), line: l.number, column: cellStart))
            rows.append(GridRow(cells: cells, lines: [l.number]))
        }
        return rows
    }
}
