import Foundation

/// A grid repair for text that a PDF extractor wrote column by column (pdfminer): a run of rows
/// that are each one row label, followed by a run of rows that are each one number, as many as
/// the labels times a whole number of columns, are one row per label with the numbers taken
/// column by column (`k` labels, `k × c` numbers: label *i* gets numbers *i*, *i + k*, …). A run
/// of one label is left alone (row and column order are then the same). Said in a warning.
enum ColumnMajorRepair {
    /// A run of rows that are each one header label (信息内容, a column label) is one header row.
    /// - Parameters:
    ///   - isRowLabel: whether a cell is a row label of the table.
    ///   - isHeaderLabel: whether a cell is a header label of the table.
    static func repair(_ grid: TableGrid, table: TableID, fileName: String, isRowLabel: (GridCell) -> Bool,
                       isHeaderLabel: (GridCell) -> Bool) -> (TableGrid, [Diagnostic]) {
        var rows: [GridRow] = []
        var diags: [Diagnostic] = []
        let src = grid.rows
        var i = 0
        func single(_ r: GridRow) -> GridCell? { r.cells.count == 1 && !r.cells[0].isEmpty ? r.cells[0] : nil }
        while i < src.count {
            // Header labels, one a row, or several on one line separated by spaces.
            func headerCells(_ r: GridRow) -> [GridCell]? {
                var out: [GridCell] = []
                var split = false
                for c in r.cells where !c.isEmpty {
                    if c.isValueLike { return nil }
                    let words = SpaceRowsLayout.words(SourceLine(number: c.line, text: c.raw))
                    if words.count >= 2, words.allSatisfy(isHeaderLabel) { out += words; split = true; continue }
                    guard isHeaderLabel(c) else { return nil }
                    out.append(c)
                }
                return out.isEmpty || (!split && r.cells.count > 1) ? nil : out
            }
            var h = i
            var header: [GridCell] = []
            while h < src.count, let cells = headerCells(src[h]) { header += cells; h += 1 }
            if header.count >= 2 {
                rows.append(GridRow(cells: header, lines: src[i..<h].flatMap(\.lines)))
                i = h; continue
            }
            var j = i
            while j < src.count, let c = single(src[j]), !c.isValueLike, isRowLabel(c) { j += 1 }
            let k = j - i
            var m = j
            while m < src.count, let c = single(src[m]), c.isValueLike { m += 1 }
            let n = m - j
            guard k >= 2, n >= k, n % k == 0 else {
                rows.append(src[i]); i += 1; continue
            }
            let columns = n / k
            for a in 0..<k {
                var cells = [src[i + a].cells[0]]
                var lines = src[i + a].lines
                for b in 0..<columns {
                    let r = src[j + a + b * k]
                    cells.append(r.cells[0]); lines += r.lines
                }
                rows.append(GridRow(cells: cells, lines: lines.sorted()))
            }
            let first = src[j].cells[0]
            diags.append(.warning("table \(table.rawValue.dropFirst()): \(k) row labels followed by \(n) numbers; read column by column "
                                  + "(\(columns) number(s) a row, label i taking numbers i, i + \(k) …), as PDF text extractors write them",
                                  code: "table.column-major", file: fileName, line: first.line, column: first.column))
            i = m
        }
        var out = grid
        out.rows = rows
        return (out, diags)
    }
}
