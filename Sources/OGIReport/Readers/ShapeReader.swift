import Foundation

/// Reads table 2 by its known shape when its row labels are not usable (what PDF extractors
/// make of it: labels wrapped around the number rows, a column of labels then each column's
/// numbers, labels dropped): the table's numbers are taken in reading order and laid out as
/// the spec's rows × 7 columns of an edition, row by row or column by column (per page), and a
/// layout is used only when the tables' own arithmetic holds for it — each row's 总计 is the
/// sum of its other columns, and 一 + 二 = （七）总计 + 四 in every column — and no other layout
/// giving different cells does. Anything less is left to the label-based reader; what was done
/// is said in a warning. Never a silent guess.
enum ShapeReader {
    /// A number of the table in reading order, and the page segment it is on (page footers split segments).
    struct Token { let cell: GridCell; let segment: Int }

    /// How the numbers were laid out.
    enum Order: String {
        case rowMajor = "row by row", columnMajor = "column by column (per page)"
        case cellRows = "one value row per source row (blank cells kept)"
    }

    static let columns = ConceptTable.t2Columns.count

    /// The value cells of a grid in reading order: words or cells that are numbers or
    /// not-applicable marks; a page footer starts a new segment.
    static func tokens(_ grid: TableGrid) -> [Token] {
        var out: [Token] = []
        var segment = 0
        for row in grid.rows {
            if row.cells.isEmpty || (row.cells.count == 1 && SpaceRowsLayout.isPageFooter(row.cells[0].raw)) { segment += 1; continue }
            for c in row.cells where !c.isEmpty && ((c.isValueLike && c.parsed.number != nil) || c.parsed.presence == .notApplicable) {
                out.append(Token(cell: c, segment: segment))
            }
        }
        return out
    }

    /// A draft of table 2 laid out by shape, or nil when no layout is certain.
    static func table2(_ grid: TableGrid, fileName: String) -> TableDraft? {
        let tokens = tokens(grid)
        var found: [(Edition, Order, [[GridCell]])] = []
        let cellRows = grid.layout == .pipeRows || grid.layout == .tabRows ? valueRows(grid) : []
        for e in Edition.allCases {
            let rows = ConceptTable.spec(.t2, e).blocks[0].rows
            if cellRows.count == rows.count, holds(cellRows, rows) { found.append((e, .cellRows, cellRows)) }
            guard tokens.count == rows.count * columns else { continue }
            for order in [Order.rowMajor, .columnMajor] {
                guard let laid = layout(tokens, rows: rows.count, order: order), holds(laid, rows) else { continue }
                found.append((e, order, laid))
            }
        }
        guard let first = found.first else { return nil }
        // Two layouts of one shape that give different cells: not certain.
        for other in found.dropFirst() where other.0 == first.0 && !same(other.2, first.2) { return nil }
        let (edition, order, laid) = first
        let count = order == .cellRows ? laid.count * columns : tokens.count
        var draft = TableDraft(table: .t2, fileName: fileName, grid: grid)
        for row in grid.rows { draft.consume(row) }
        let specRows = ConceptTable.spec(.t2, edition).blocks[0].rows
        for (spec, cells) in zip(specRows, laid) {
            let source = GridRow(cells: cells, lines: Array(Set(cells.map(\.line))).sorted())
            draft.addRow(DraftRow(block: "main", rowKey: spec.key, columns: nil, values: cells, source: source),
                         label: spec.label, capacity: columns)
        }
        draft.evidence.add(edition, line: laid[0][0].line)
        draft.warn("rows-by-shape", "table 2's row labels could not be read; its \(count) numbers were laid out as the "
                   + "\(specRows.count) rows × \(columns) columns of the \(edition.rawValue) layout, \(order.rawValue), the only "
                   + "layout in which every row's 总计 is the sum of its columns and 一 + 二 = （七）总计 + 四 in every column",
                   line: laid[0][0].line, column: laid[0][0].column)
        return draft
    }

    /// The tokens as `rows` × 7: consecutive runs of 7 (row by row), or, per page segment, the
    /// segment's numbers column after column for its share of rows.
    static func layout(_ tokens: [Token], rows: Int, order: Order) -> [[GridCell]]? {
        switch order {
        case .rowMajor:
            return stride(from: 0, to: tokens.count, by: columns).map { tokens[$0..<($0 + columns)].map(\.cell) }
        case .columnMajor:
            var out: [[GridCell]] = []
            var i = 0
            while i < tokens.count {
                var j = i
                while j < tokens.count, tokens[j].segment == tokens[i].segment { j += 1 }
                let n = j - i
                guard n % columns == 0 else { return nil }
                let r = n / columns
                var blocks = (0..<columns).map { c in (0..<r).map { tokens[i + c * r + $0].cell } }
                // The 总计 column is the block that is the sum of the others; a PDF extractor may
                // give it before the last column. The other columns keep their reading order.
                if let t = totalBlock(blocks), t != columns - 1 {
                    let total = blocks.remove(at: t)
                    blocks.append(total)
                }
                for k in 0..<r { out.append((0..<columns).map { blocks[$0][k] }) }
                i = j
            }
            return out.count == rows ? out : nil
        case .cellRows:
            return nil  // rows of cells are taken from the grid (valueRows), not from a token stream
        }
    }

    /// The one block (column of numbers) that is, row by row, the sum of all the others.
    static func totalBlock(_ blocks: [[GridCell]]) -> Int? {
        let values = blocks.map { $0.map { $0.parsed.number } }
        var found: [Int] = []
        for t in values.indices {
            var ok = true
            for k in values[t].indices {
                guard let total = values[t][k] else { ok = false; break }
                var sum: Decimal = 0
                for b in values.indices where b != t { guard let v = values[b][k] else { ok = false; break }; sum += v }
                if !ok || sum != total { ok = false; break }
            }
            if ok { found.append(t) }
        }
        // Several candidates are possible only when they hold the same numbers (the total equals
        // the one column that is not zero): then the last in reading order is the 总计 column.
        guard let last = found.last else { return nil }
        return found.allSatisfy({ values[$0] == values[last] }) ? last : nil
    }

    /// The rows of a grid with explicit cells that end in exactly 7 value positions (numbers,
    /// marks or blank cells; blank cells beyond 7 at either end of the run are not positions).
    static func valueRows(_ grid: TableGrid) -> [[GridCell]] {
        var out: [[GridCell]] = []
        for row in grid.rows {
            var run: [GridCell] = []
            for c in row.cells.reversed() {
                guard c.isEmpty || c.isValueLike else { break }
                run.insert(c, at: 0)
            }
            while run.count > columns, let l = run.last, l.isEmpty { run.removeLast() }
            while run.count > columns, let f = run.first, f.isEmpty { run.removeFirst() }
            if run.count == columns, run.contains(where: { !$0.isEmpty }) { out.append(run) }
        }
        return out
    }

    /// Row totals and the 勾稽 identity hold wherever their cells have numbers; a check with a
    /// blank cell is not assessed. Most row checks and at least 4 of the 7 column identities must
    /// be assessed, and none may fail.
    static func holds(_ laid: [[GridCell]], _ rows: [RowSpec]) -> Bool {
        func n(_ c: GridCell) -> Decimal? { c.parsed.number }
        var assessedRows = 0
        for r in laid {
            guard let total = n(r[columns - 1]) else { continue }
            var sum: Decimal = 0
            var complete = true
            for c in r.dropLast() { guard let v = n(c) else { complete = false; break }; sum += v }
            guard complete else { continue }
            if sum != total { return false }
            assessedRows += 1
        }
        guard assessedRows * 4 >= laid.count * 3 else { return false }
        guard let received = rows.firstIndex(where: { $0.key == "received" }),
              let carried = rows.firstIndex(where: { $0.key == "carriedOver" }),
              let total = rows.firstIndex(where: { $0.key == "total" }),
              let forward = rows.firstIndex(where: { $0.key == "carriedForward" }) else { return false }
        var assessedColumns = 0
        for c in 0..<columns {
            guard let a = n(laid[received][c]), let b = n(laid[carried][c]), let t = n(laid[total][c]), let f = n(laid[forward][c]) else { continue }
            if a + b != t + f { return false }
            assessedColumns += 1
        }
        return assessedColumns >= 4
    }

    static func same(_ a: [[GridCell]], _ b: [[GridCell]]) -> Bool {
        zip(a, b).allSatisfy { zip($0, $1).allSatisfy { $0.raw == $1.raw } }
    }
}
