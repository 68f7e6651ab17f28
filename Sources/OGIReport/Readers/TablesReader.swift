/// What the table readers found in a report's table sections.
public struct TablesReadResult: Sendable {
    /// The tables found (cells in canonical concept order). Every concept of the detected
    /// edition's table is present — blank when its source cell was empty or missing from a short
    /// row — except for rows the source did not have at all (warned) and cells after a cut-off.
    public var tables: [StatTable] = []
    /// The edition detected from the table headers/rows. When tables were found but none of their
    /// labels decided it (e.g. only table 3, the same in both editions), 2021 — the current
    /// format — with a `table.edition-assumed` warning. Nil only when no table was found.
    public var edition: Edition?
    /// The layout the tables were in (`.mixed` when they differ, `.none` when no table was found).
    public var layout: SourceLayout = .none
    /// Numbers of the lines that the tables consumed (captions, headers, labels, values, notes,
    /// blank lines inside a table, and the lines of ``fragments``). Lines of a table body that are
    /// not in this set (prose before or after a table) are left for paragraphs.
    public var consumedLines: Set<Int> = []
    /// Lines inside a table that could not be mapped (unknown row, extra cells, cells of the other
    /// edition …), kept verbatim; their lines are in ``consumedLines``, so the caller should keep
    /// these in ``Report/unrecognised``.
    public var fragments: [Fragment] = []
    /// Lines of rows that were read while some of their cells became fragments (an unknown label
    /// before the row label, cells beyond the header …): they stay table rows.
    public var partialRowLines: Set<Int> = []
    /// Located diagnostics (file name already filled in).
    public var diagnostics: [Diagnostic] = []
    /// True when a table was cut off (the input ended mid-table).
    public var incomplete = false
    /// The layout of each table found.
    public var layouts: [TableID: SourceLayout] = [:]
    /// The edition each table's own labels pointed to (table 3 has none: it is the same in both).
    public var tableEditions: [TableID: Edition] = [:]

    public init() {}
}

/// Reads the statistical tables of a submission, whatever their layout (tab rows, one cell per
/// line) and edition (2019 "2024-style" with the added columns, 2021).
///
/// Each table body is turned into a grid (``TableGrid``: layout detected per table), read by
/// its table's reader (``Table1Reader``, ``Table2Reader``, ``Table3Reader``) matching the official
/// labels of ``ConceptTable`` (normalised by ``LabelText``), then the edition is decided from the
/// headers (``EditionDetector``: table 1 wins when the tables disagree) and each table is built
/// in that edition (``TableDraft/finish(edition:)``). Cells are parsed by ``CellValueParser``.
public enum TablesReader {
    /// - Parameters:
    ///   - bodies: for each table, the lines of its section body (after the section heading, up to
    ///     the next section heading), blank lines included.
    ///   - fileName: the name used in diagnostics.
    public static func read(bodies: [TableID: [SourceLine]], fileName: String) -> TablesReadResult {
        read(bodies: bodies, document: nil, fileName: fileName)
    }

    /// Reads the tables of a source document's table sections: each body (its units as lines)
    /// becomes one grid (``GridBuilder``: line layouts for runs of text, the document's own
    /// structured tables for table rows), then the table readers take the grids only.
    static func read(bodies: [TableID: [SourceLine]], document: SourceDocument?, fileName: String) -> TablesReadResult {
        var grids: [TableID: TableGrid] = [:]
        for (id, body) in bodies { grids[id] = GridBuilder.grid(body, in: document) }
        // One table's cells glued together: the others of the same text are read as glued too,
        // whatever their own lines looked like — a value line that looks like one number, or
        // numbers a space apart ("行政复议… 50 926400 30 34334630 130043"); a space stays a boundary.
        if grids.values.contains(where: { $0.layout == .gluedCells }) {
            for (id, g) in grids where [.none, .cellPerLine, .spaceRows].contains(g.layout) {
                let body = bodies[id]!
                // Text only: no row of a structured table, no tab.
                let structured = document.map { d in body.contains { d.tableRow(ofUnit: $0.number) != nil } } ?? false
                guard !structured, !body.contains(where: { $0.text.unicodeScalars.contains("\t") }) else { continue }
                var glued = g
                glued.layout = .gluedCells
                glued.rows = GluedRowsLayout.rows(body)
                grids[id] = glued
            }
        }
        var result = read(grids: grids, fileName: fileName)
        // A PDF table without ruling lines is read from the page's text lines: the gaps between
        // words stand for the cell borders, which is not reliable yet (wrapped labels and headers,
        // values glued to labels). Said once per table, so no cell of it goes unquestioned. A table
        // the PDF front end built from its words' positions (its source tables carry the front
        // end's read.pdf.unruled-table warning at their first row) is said so too, more mildly.
        if let document, document.format == .pdf {
            let byPositions = Set(document.diagnostics.filter { $0.code == "read.pdf.unruled-table" }
                .compactMap { $0.line.flatMap { document.tableRow(ofUnit: $0)?.table } })
            for (id, layout) in result.layouts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let first = grids[id]?.lines.first { !LineLayouts.isBlank($0.text) }
                if layout != .grid {
                    result.diagnostics.append(.warning("table \(id.rawValue.dropFirst()) has no ruling lines in the PDF: it was read from the page's text "
                                                       + "lines (\(layout.rawValue)), where cells can be misplaced; check its cells against the PDF",
                                                       code: "table.pdf-unruled", file: fileName, line: first?.number))
                } else if let body = bodies[id], let row = body.first(where: { document.tableRow(ofUnit: $0.number).map { byPositions.contains($0.table) } ?? false }) {
                    result.diagnostics.append(.warning("table \(id.rawValue.dropFirst()) has no ruling lines in the PDF: it was read by the positions of its words "
                                                       + "(columns from where its numbers stand); check its cells against the PDF",
                                                       code: "table.pdf-unruled", file: fileName, line: row.number))
                }
            }
        }
        return result
    }

    /// Reads tables from their grids (one per table section).
    static func read(grids: [TableID: TableGrid], fileName: String) -> TablesReadResult {
        var result = TablesReadResult()
        var drafts: [TableDraft] = []
        for id in TableID.allCases {
            guard var grid = grids[id] else { continue }
            var glued: GluedCellRepair.Result?
            if grid.layout == .gluedCells {
                glued = GluedCellRepair.repair(grid, table: id, fileName: fileName)
                grid = glued!.grid
            }
            var draft: TableDraft
            switch id {
            case .t1:
                let (repaired, notes) = grid.layout == .cellPerLine
                    ? ColumnMajorRepair.repair(grid, table: .t1, fileName: fileName, isRowLabel: { Table1Reader.row($0) != nil },
                                               isHeaderLabel: { Table1Reader.headerLabels.contains(ByteKey($0.normalized)) || Table1Reader.column($0, block: nil) != nil })
                    : (grid, [])
                draft = Table1Reader.scan(repaired, fileName: fileName)
                draft.diagnostics += notes
            case .t2:
                draft = Table2Reader.scan(grid, fileName: fileName)
                // Labels not usable (PDF text): the table's shape and arithmetic, when certain.
                // Signs that the labels failed: numbers no row took, or rows of the table not found.
                let messy: Set<String> = ["table.orphan-values", "table.missing-row"]
                if grid.layout != .grid, grid.layout != .gluedCells, draft.diagnostics.contains(where: { messy.contains($0.code ?? "") }),
                   let byShape = ShapeReader.table2(grid, fileName: fileName) {
                    draft = byShape
                }
            case .t3: draft = Table3Reader.scan(grid, fileName: fileName)
            }
            if let glued {
                draft.diagnostics = glued.diagnostics + draft.diagnostics
                draft.fragments += glued.fragments
                // Rows not read stay missing rows (warned), not a cut-off: a glued table is one piece
                // of text, so where it ends says nothing about rows after it.
                draft.bodyLastLine = nil
            }
            if draft.foundTable {
                drafts.append(draft)
            } else {
                let first = grid.lines.first { !LineLayouts.isBlank($0.text) }
                result.diagnostics.append(.warning("no table \(id.rawValue.dropFirst()) found in section \(id.section.heading)",
                                                   code: "table.not-found", file: fileName, line: first?.number))
                result.diagnostics += draft.diagnostics
            }
        }
        let t1 = drafts.firstIndex { $0.table == .t1 }.map { drafts[$0].evidence }
        let t2 = drafts.firstIndex { $0.table == .t2 }.map { drafts[$0].evidence }
        var (edition, editionDiagnostics) = EditionDetector.decide(t1: t1, t2: t2, fileName: fileName)
        result.diagnostics += editionDiagnostics
        if edition == nil, !drafts.isEmpty {
            // Tables without an edition cannot be written: say which one they are read as.
            edition = .e2021
            let found = drafts.map { "table \($0.table.rawValue.dropFirst())" }.joined(separator: ", ")
            let why = drafts.allSatisfy { $0.table == .t3 }
                ? "only table 3 was found, and it is the same in both editions"
                : "no header or row label of tables 1 and 2 shows the edition"
                    + (drafts.contains { $0.table == .t3 } ? " (table 3 is the same in both editions)" : "")
            result.diagnostics.append(.warning("the tables do not show their edition (2019 or 2021): \(why); "
                                               + "\(found) read as the 2021 edition, the current format",
                                               code: "table.edition-assumed", file: fileName,
                                               line: drafts.compactMap(\.firstLine).min()))
        }
        result.edition = edition
        var consumed: [Int] = []
        for i in drafts.indices {
            let table = drafts[i].finish(edition: edition ?? .e2021)  // never nil here (decided or assumed above)
            result.tables.append(table)
            result.layouts[table.id] = drafts[i].layout
            if let e = drafts[i].evidence.decided { result.tableEditions[table.id] = e }
            // Every consumed line lies within its table's line range, and the blank lines inside count too.
            if let range = table.lines { consumed += Array(range.first...range.last) }
            result.fragments += drafts[i].fragments
            result.partialRowLines.formUnion(drafts[i].partialRowLines)
            result.diagnostics += drafts[i].diagnostics
            result.incomplete = result.incomplete || drafts[i].incomplete
        }
        result.consumedLines = Set(consumed)
        let layouts = Set(result.layouts.values)
        result.layout = layouts.count == 1 ? layouts.first! : (layouts.isEmpty ? .none : .mixed)
        return result
    }
}
