/// A table found on one PDF page (ruled, or built from its words' positions): its cells on the grid its ruling lines make, before
/// tables continued over page breaks are stitched (``PDFTableStitcher``).
struct PDFTableRegion: Sendable {
    /// One cell: the grid bands it covers (rows `top..<bottom` of this region, columns by x), its
    /// box and text (lines joined with "\n").
    struct Cell: Sendable {
        var top: Int
        var bottom: Int
        var box: PageBox
        var text: String
        /// Characters without a Unicode mapping in the cell.
        var garbage: Int
    }

    var page: Int
    var box: PageBox
    /// Number of row bands.
    var rowCount: Int
    /// Cells in reading order (by top band, then by x).
    var cells: [Cell]
    /// The vertical boundaries (x) of the grid.
    var columnEdges: [Double]
    /// True when the grid was built from the positions of the words (``PDFPositionTableBuilder``),
    /// not from a full grid of ruling lines.
    var byPositions = false
    /// For a table read by positions: the x-ranges of the value columns of its last rows, which a
    /// continuation on the next page keeps (``PDFPositionTableBuilder/tables(_:used:rulings:carried:)``).
    var valueBands: [ClosedRange<Double>] = []

    /// The cells of each row band (cells starting in it), left to right.
    var rows: [[Cell]] {
        var out: [[Cell]] = Array(repeating: [], count: rowCount)
        for c in cells { out[c.top].append(c) }
        return out.map { $0.sorted { $0.box.x0 < $1.box.x0 } }
    }

    /// The row band's joint box.
    func rowBox(_ row: [Cell]) -> PageBox? {
        row.dropFirst().reduce(row.first?.box) { $0?.union($1.box) }
    }
}
