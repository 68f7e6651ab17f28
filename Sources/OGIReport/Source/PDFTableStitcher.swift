/// Joins ruled tables continued over page breaks into one ``SourceTable``: a table that is the
/// first thing on a page continues the table that was the last thing on the page before when
/// their outer left and right edges agree. Header rows the continuation repeats (the same texts
/// as the table's first rows) are skipped and counted. Columns are laid out on the union of the
/// parts' column edges, so a cell's colspan counts the edges it covers.
enum PDFTableStitcher {
    /// Outer edges closer than this (points) are the same table's.
    static let edgeTolerance = 3.0

    /// True when `next` (first on its page) continues `previous` (last on the page before).
    /// A table read by the positions of its words starts and ends where its outermost words do,
    /// which a continuation's rows need not share: there two thirds of the continuation's inner
    /// column edges (at least two) must be the previous part's.
    static func continues(_ previous: PDFTableRegion, _ next: PDFTableRegion) -> Bool {
        guard next.page == previous.page + 1 else { return false }
        if abs(previous.box.x0 - next.box.x0) <= edgeTolerance && abs(previous.box.x1 - next.box.x1) <= edgeTolerance { return true }
        guard previous.byPositions && next.byPositions else { return false }
        let inner = next.columnEdges.dropFirst().dropLast()
        let shared = inner.filter { e in previous.columnEdges.contains { abs($0 - e) <= edgeTolerance } }.count
        return shared >= 2 && shared * 3 >= inner.count * 2
    }

    /// The number of leading rows of `next` that repeat the first rows of `parts[0]` (whole rows,
    /// no span reaching past them, at least one row of `next` left).
    static func repeatedHeaderRows(_ first: PDFTableRegion, _ next: PDFTableRegion) -> Int {
        let a = first.rows, b = next.rows
        func key(_ row: [PDFTableRegion.Cell]) -> [String] {
            row.map { String($0.text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
        }
        var best = 0
        for k in 1...max(1, min(6, a.count, b.count - 1)) where k <= a.count && k < b.count {
            let same = (0..<k).allSatisfy { key(a[$0]) == key(b[$0]) && !key(b[$0]).allSatisfy(\.isEmpty) }
            let closed = next.cells.allSatisfy { $0.top >= k || $0.bottom <= k }
            if same && closed { best = k } else if !same { break }
        }
        return best
    }

    /// One source table from its parts (in order), numbered `number`; `skip[i]` leading rows of
    /// part i are left out. A row cut by the page break keeps its label: an empty cell at the top
    /// of a continuation under a text cell with the same edges at the bottom of the part before
    /// extends that cell's rowspan instead of being a blank cell of its own — when that last row
    /// holds values (a header row's cells never reach over a break into the values below).
    static func table(_ parts: [PDFTableRegion], skip: [Int], number: Int) -> SourceTable {
        let edges = PDFTableBuilder.cluster(parts.flatMap(\.columnEdges))
        func edgeIndex(_ x: Double) -> Int {
            var best = 0
            for (i, e) in edges.enumerated() where abs(e - x) < abs(edges[best] - x) { best = i }
            return best
        }
        struct Placed { var cell: PDFTableRegion.Cell; var top: Int; var bottom: Int; var page: Int }
        var placed: [Placed] = []
        var rowInfo: [(page: Int, box: PageBox)] = []
        for (p, part) in parts.enumerated() {
            let offset = rowInfo.count - skip[p]
            let partStart = rowInfo.count
            for (r, row) in part.rows.enumerated() where r >= skip[p] {
                rowInfo.append((part.page, part.rowBox(row) ?? part.box))
            }
            for c in part.cells where c.top >= skip[p] {
                let top = c.top + offset, bottom = c.bottom + offset
                // Only under a row of values (a label whose row goes on over the break): under a
                // header row, an empty cell is a blank value cell (table 3's values on the next page).
                let aboveHasValues = placed.contains { q in q.bottom == partStart && q.top == partStart - 1 && CellValueParser.parse(q.cell.text).isValueLike }
                if p > 0, top == partStart, c.text.isEmpty, aboveHasValues,
                   let k = placed.lastIndex(where: { q in q.bottom == partStart && !q.cell.text.isEmpty && CellValueParser.parse(q.cell.text).isValueLike == false
                       && abs(q.cell.box.x0 - c.box.x0) <= edgeTolerance && abs(q.cell.box.x1 - c.box.x1) <= edgeTolerance }) {
                    placed[k].bottom = bottom
                    continue
                }
                placed.append(Placed(cell: c, top: top, bottom: bottom, page: part.page))
            }
        }
        var byRow: [[Placed]] = Array(repeating: [], count: rowInfo.count)
        for q in placed { byRow[q.top].append(q) }
        var rows: [SourceTable.Row] = []
        for (r, list) in byRow.enumerated() {
            var cells: [SourceTable.Cell] = []
            for q in list.sorted(by: { $0.cell.box.x0 < $1.cell.box.x0 }) {
                let span = max(1, edgeIndex(q.cell.box.x1) - edgeIndex(q.cell.box.x0))
                cells.append(SourceTable.Cell(text: q.cell.text, rowSpan: q.bottom - q.top, colSpan: span,
                                              range: SourceRange(grid: GridLocation(table: number, row: r + 1, cell: cells.count + 1),
                                                                 page: q.page, box: q.cell.box.rounded)))
            }
            rows.append(SourceTable.Row(cells: cells, range: SourceRange(grid: GridLocation(table: number, row: r + 1),
                                                                         page: rowInfo[r].page, box: rowInfo[r].box.rounded)))
        }
        let first = parts[0]
        return SourceTable(number: number, rows: rows, range: SourceRange(page: first.page, box: first.box.rounded))
    }
}
