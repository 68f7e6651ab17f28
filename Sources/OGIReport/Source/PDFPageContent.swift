/// What the PDF library gave for one page: its size, the characters of its text layer with
/// their boxes, and the ruling lines drawn on it (table borders).
struct PDFPageContent: Sendable {
    /// 1-based page number.
    var number: Int
    var width: Double
    var height: Double
    /// Characters in the library's reading order, line breaks left out.
    var glyphs: [PDFGlyph]
    var rulings: [PDFRuling]
    /// Why ruling lines were not looked for on this page (nil: they were), said in a warning.
    var rulingsSkipped: String? = nil
}

/// A straight ruling line on a page (a table border): horizontal at ``position`` = y from
/// ``start`` to ``end`` in x, or vertical at x from ``start`` to ``end`` in y (points).
struct PDFRuling: Sendable, Hashable {
    var horizontal: Bool
    var position: Double
    var start: Double
    var end: Double

    /// True when the line covers `a…b` (less `tolerance` at each end).
    func covers(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        start <= a + tolerance && end >= b - tolerance
    }
}
