import Testing
@testable import OGIReport

/// Spans laid out as HTML does; a covered position is never a cell.
@Suite struct SourceTableTests {
    static func cell(_ t: String, _ rs: Int = 1, _ cs: Int = 1) -> SourceTable.Cell {
        SourceTable.Cell(text: t, rowSpan: rs, colSpan: cs, range: SourceRange(line: 1))
    }

    @Test func spansAreLaidOut() {
        // | A (2×2) | B |
        // |         | C |
        // | D | E | F |
        let t = SourceTable(number: 1, rows: [
            .init(cells: [Self.cell("A", 2, 2), Self.cell("B")], range: SourceRange(line: 1)),
            .init(cells: [Self.cell("C")], range: SourceRange(line: 2)),
            .init(cells: [Self.cell("D"), Self.cell("E"), Self.cell("F")], range: SourceRange(line: 3)),
        ], range: SourceRange(line: 1))
        let s = t.slots()
        #expect(s[0] == [.origin(row: 0, cell: 0), .covered(row: 0, cell: 0), .origin(row: 0, cell: 1)])
        #expect(s[1] == [.covered(row: 0, cell: 0), .covered(row: 0, cell: 0), .origin(row: 1, cell: 0)])
        #expect(s[2] == [.origin(row: 2, cell: 0), .origin(row: 2, cell: 1), .origin(row: 2, cell: 2)])
        let row1 = GridBuilder.row(t, row: 1, slots: s[1], unit: 2)
        #expect(row1.cells.map(\.raw) == ["C"])
        #expect(row1.cells.map(\.column) == [3])
    }

    @Test func hostileSpansStayCheap() {
        let t = SourceTable(number: 1, rows: [.init(cells: [Self.cell("x", 1_000_000, 1_000_000)], range: SourceRange(line: 1))],
                            range: SourceRange(line: 1))
        let s = t.slots()
        #expect(s.count == 1 && s[0].count == SourceTable.maxSpan)
    }

    @Test func shortRowsAreMissingNotBlank() {
        let t = SourceTable(number: 1, rows: [
            .init(cells: [Self.cell("a"), Self.cell("b"), Self.cell("c")], range: SourceRange(line: 1)),
            .init(cells: [Self.cell("d")], range: SourceRange(line: 2)),
        ], range: SourceRange(line: 1))
        #expect(t.slots()[1] == [.origin(row: 1, cell: 0), .missing, .missing])
    }
}
