import Foundation

/// Turns the units of a table section body into the one ``TableGrid`` the table readers take:
/// runs of text lines go through the detected ``LineLayout``; rows of the document's structured
/// tables (``SourceTable``) become grid rows directly, with their spans laid out — a position
/// covered by a span is left out of the row and can never be read as a blank cell.
enum GridBuilder {
    /// - Parameters:
    ///   - body: the section body's units as lines (numbers are unit numbers), blank ones included.
    ///   - document: the document the units belong to (its structured tables).
    static func grid(_ body: [SourceLine], in document: SourceDocument?) -> TableGrid {
        let lastNonBlank = body.last(where: { !LineLayouts.isBlank($0.text) })?.number
        guard let document, !document.unitsAreLines else {
            let (layout, rows) = LineLayouts.grid(body)
            return TableGrid(layout: layout, rows: rows, lines: body, lastNonBlankLine: lastNonBlank)
        }
        var rows: [GridRow] = []
        var layouts: Set<SourceLayout> = []
        var run: [SourceLine] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            let (layout, r) = LineLayouts.grid(run)
            // Paragraphs of a structured format are prose, never glued cells: numbers written in a
            // sentence ("共收到申请23件") are not a table's cells.
            if layout != .none && !(layout == .gluedCells && document.format != .text) { layouts.insert(layout); rows += r }
            run.removeAll()
        }
        var slotCache: [Int: [[SourceTable.Slot]]] = [:]
        for line in body {
            guard let (t, r) = document.tableRow(ofUnit: line.number) else { run.append(line); continue }
            flushRun()
            layouts.insert(.grid)
            if slotCache[t] == nil { slotCache[t] = document.tables[t].slots() }
            rows.append(row(document.tables[t], row: r, slots: slotCache[t]![r], unit: line.number))
        }
        flushRun()
        let layout: SourceLayout = layouts.count == 1 ? layouts.first! : layouts.isEmpty ? .none : .mixed
        var grid = TableGrid(layout: layout, rows: rows, lines: body, lastNonBlankLine: lastNonBlank)
        let locator = SourceLocator(document, cells: false)
        grid.unitName = { unit in
            let r = locator.resolve(SourceRange(line: unit))
            return r.hasLine ? "line \(r.first)" + (r.grid.map { " (\($0.description))" } ?? "") : r.description
        }
        return grid
    }

    /// One grid row of a structured table: the cells whose top-left position is in this row, in
    /// grid order, each located at (unit, grid column). Covered positions are not cells.
    static func row(_ table: SourceTable, row r: Int, slots: [SourceTable.Slot], unit: Int) -> GridRow {
        var cells: [GridCell] = []
        cells.reserveCapacity(slots.count)
        for (col, slot) in slots.enumerated() {
            guard case .origin(let rr, let c) = slot, rr == r else { continue }
            cells.append(GridCell(raw: table.rows[r].cells[c].text, line: unit, column: col + 1))
        }
        return GridRow(cells: cells, lines: [unit])
    }
}
