import Foundation

/// The one-cell-per-line layout: every non-blank line is a cell (a leading tab is dropped); a
/// blank line ends a row; a line without a leading tab right after a non-value cell continues
/// that cell (wrapped header cells "商业\n企业"); any other line without a leading tab is a row of
/// its own.
enum CellPerLineLayout: LineLayout {
    static let layout = SourceLayout.cellPerLine

    static func rows(_ lines: [SourceLine]) -> [GridRow] {
        // Bare cells: when few lines start with a tab, every non-blank line is a cell (wrapped
        // cells then come as two cells; the readers join wrapped labels back).
        var tabbed = 0, nonBlank = 0
        for l in lines where !LineLayouts.isBlank(l.text) {
            nonBlank += 1
            if l.text.utf8.first == 0x09 { tabbed += 1 }
        }
        let bare = tabbed * 4 < nonBlank
        var rows: [GridRow] = []
        var cells: [GridCell] = []
        var rowLines: [Int] = []
        var previousWasCell = false  // the previous line was a non-blank line of this row

        for l in lines {
            if LineLayouts.isBlank(l.text) {
                if !rowLines.isEmpty {
                    rows.append(GridRow(cells: cells, lines: rowLines))
                    cells = []; cells.reserveCapacity(10); rowLines = []; rowLines.reserveCapacity(10)
                }
                previousWasCell = false
                continue
            }
            let startsWithTab = l.text.utf8.first == 0x09
            if bare && !startsWithTab {
                cells.append(GridCell(raw: l.text, line: l.number, column: 1))
                rowLines.append(l.number)
                continue
            }
            if startsWithTab {
                // Everything after the leading tab is the cell (further tabs are kept in the text).
                let raw = String(l.text[l.text.utf8.index(after: l.text.utf8.startIndex)...])
                cells.append(GridCell(raw: raw, line: l.number, column: 2))
                rowLines.append(l.number)
                previousWasCell = true
                continue
            }
            if previousWasCell, let last = cells.last, !last.isEmpty, isContinuation(l.text, of: last) {
                cells[cells.count - 1] = GridCell(raw: last.raw + "\n" + l.text, line: last.line, column: last.column,
                                                  lastLine: l.number)
                rowLines.append(l.number)
                continue
            }
            // A line of its own (prose, or a caption written without a tab).
            if !rowLines.isEmpty { rows.append(GridRow(cells: cells, lines: rowLines)); cells = []; rowLines = [] }
            rows.append(GridRow(cells: [GridCell(raw: l.text, line: l.number, column: 1)], lines: [l.number]))
            previousWasCell = false
        }
        if !rowLines.isEmpty { rows.append(GridRow(cells: cells, lines: rowLines)) }
        return rows
    }

    /// A wrapped cell's next line: short, not a value, after a cell that is not a value either.
    private static func isContinuation(_ text: String, of cell: GridCell) -> Bool {
        if cell.isValueLike || CellValueParser.isValueLike(text) { return false }
        var count = 0
        for _ in text.unicodeScalars { count += 1; if count > 40 { return false } }
        return true
    }
}
