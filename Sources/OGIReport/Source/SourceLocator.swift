/// Turns the unit-based places recognition records (unit numbers; for a table-row unit, the
/// 1-based grid column as the column) into a document's own coordinates: HTML source lines and
/// table/row/cell, DOCX paragraphs, PDF pages and boxes, the line and column of a piece of a
/// split line. For text, unit *n* is line *n* and places are returned unchanged. Built once per document (cells indexed once).
struct SourceLocator {
    let document: SourceDocument
    /// For each table (0-based) and row (0-based), by grid column (0-based): the cell starting
    /// there, or nil (a covered or missing position).
    private var origins: [[[SourceRange?]]] = []

    /// `cells`: false for a locator that resolves units only (places without a column), which
    /// needs no index of the cells.
    init(_ document: SourceDocument, cells: Bool = true) {
        self.document = document
        guard !document.unitsAreLines, cells else { return }
        origins = document.tables.map { table in
            table.slots().enumerated().map { (r, row) in
                row.map { slot -> SourceRange? in
                    if case .origin(let rr, let c) = slot, rr == r { return table.rows[r].cells[c].range }
                    return nil
                }
            }
        }
    }

    /// The place in the document's own coordinates.
    func resolve(_ place: SourceRange) -> SourceRange {
        guard !document.unitsAreLines, place.hasLine, place.first <= document.units.count else { return place }
        let firstUnit = document.units[place.first - 1]
        if place.last > place.first {
            var out = firstUnit.range.union(document.units[min(place.last, document.units.count) - 1].range)
            out.grid = nil; out.column = 0
            return out
        }
        if case .tableRow(let t, let r) = firstUnit.kind, place.column > 0,
           t < origins.count, r < origins[t].count, place.column <= origins[t][r].count, let cell = origins[t][r][place.column - 1] {
            return cell
        }
        if case .line = firstUnit.kind, firstUnit.range.column > 0, place.column > 0 {
            // A piece of a split line: the column is within the piece.
            var out = firstUnit.range
            out.column += place.column - 1
            return out
        }
        return firstUnit.range
    }

    /// A diagnostic with its line and column resolved; a cell or row place is named in the
    /// message ("[table 2 row 5 cell 3] …") since a diagnostic has a line and column only.
    func resolve(_ d: Diagnostic) -> Diagnostic {
        guard !document.unitsAreLines, let line = d.line else { return d }
        var out = d
        let r = resolve(SourceRange(line: line, column: d.column ?? 0))
        out.line = r.hasLine ? r.first : nil
        out.column = r.column > 0 ? r.column : nil
        let page = r.page.map { "page \($0)" }
        if let g = r.grid { out.message = "[\([g.description, page].compactMap { $0 }.joined(separator: ", "))] " + out.message }
        else if let p = r.paragraph { out.message = "[paragraph \(p)] " + out.message }
        else if let page { out.message = "[\(page)] " + out.message }
        return out
    }
}
