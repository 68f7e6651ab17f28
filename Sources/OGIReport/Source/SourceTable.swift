/// A table as a structured format wrote it: rows of cells, each with its spans, before any
/// recognition. Built by front ends (HTML `<table>`, DOCX `w:tbl`, PDF geometry); the table
/// readers take it through ``slots()``, where a position covered by a span is ``Slot/covered``
/// and never a blank cell.
public struct SourceTable: Sendable, Hashable {
    /// One cell as written: its text (line breaks inside the cell kept as "\n") and spans.
    public struct Cell: Sendable, Hashable {
        public var text: String
        public var rowSpan: Int
        public var colSpan: Int
        /// True for a header cell (`<th>`).
        public var isHeader: Bool
        /// Where the cell is (its grid location filled in by the front end).
        public var range: SourceRange

        public init(text: String, rowSpan: Int = 1, colSpan: Int = 1, isHeader: Bool = false, range: SourceRange) {
            self.text = text; self.rowSpan = max(1, rowSpan); self.colSpan = max(1, colSpan)
            self.isHeader = isHeader; self.range = range
        }
    }

    /// One row as written.
    public struct Row: Sendable, Hashable {
        public var cells: [Cell]
        public var range: SourceRange
        public init(cells: [Cell], range: SourceRange) { self.cells = cells; self.range = range }
    }

    /// What a grid position holds once spans are laid out.
    public enum Slot: Sendable, Hashable {
        /// The top-left position of cell `cell` (0-based, as written) of row `row`.
        case origin(row: Int, cell: Int)
        /// Covered by the span of cell `cell` of row `row` (never read as a blank cell).
        case covered(row: Int, cell: Int)
        /// No cell reaches this position (a short row).
        case missing
    }

    /// 1-based table number in the document.
    public var number: Int
    public var rows: [Row]
    public var range: SourceRange

    public init(number: Int, rows: [Row], range: SourceRange) {
        self.number = number; self.rows = rows; self.range = range
    }

    /// Span limits: a span beyond them is clipped (a hostile `colspan=100000` stays cheap).
    public static let maxSpan = 1000

    /// The grid of positions, row by row, with spans laid out as HTML does (a cell goes to the
    /// first position of its row not covered by a rowspan from above). Rows have the same width.
    public func slots() -> [[Slot]] {
        var grid: [[Slot]] = Array(repeating: [], count: rows.count)
        // Rows grow in place (no temporary arrays): this runs for every table of a document.
        func isMissing(_ s: Slot) -> Bool { if case .missing = s { return true }; return false }
        for (r, row) in rows.enumerated() {
            var col = 0
            grid[r].reserveCapacity(row.cells.count)
            for (c, cell) in row.cells.enumerated() {
                while col < grid[r].count, !isMissing(grid[r][col]) { col += 1 }
                let width = min(cell.colSpan, Self.maxSpan), height = min(cell.rowSpan, Self.maxSpan, rows.count - r)
                for dr in 0..<height {
                    let rr = r + dr
                    while grid[rr].count < col + width { grid[rr].append(.missing) }
                    for dc in 0..<width {
                        grid[rr][col + dc] = (dr == 0 && dc == 0) ? .origin(row: r, cell: c) : .covered(row: r, cell: c)
                    }
                }
                col += width
            }
        }
        let width = grid.map(\.count).max() ?? 0
        for r in grid.indices { while grid[r].count < width { grid[r].append(.missing) } }
        return grid
    }
}
