/// A data row found by a table reader: which row of the spec it is and its value cells, not yet
/// mapped to columns (that needs the edition, decided once all tables are read).
struct DraftRow: Sendable {
    /// Block key (`item1` … for table 1, `main` otherwise).
    var block: String
    /// Row key of the spec (empty for table 3's single row).
    var rowKey: String
    /// Column keys from the table's own header, in order (nil entries: unknown header cells);
    /// nil to use the spec's columns of the decided edition.
    var columns: [String?]?
    /// The cells after the row label (all of them; trailing empties are trimmed when mapping).
    var values: [GridCell]
    var source: GridRow
}

/// What one table reader gathered from one table section, before the edition is decided.
/// ``finish(edition:)`` turns it into a ``StatTable``.
struct TableDraft: Sendable {
    let table: TableID
    let fileName: String
    var layout: SourceLayout
    var rows: [DraftRow] = []
    var evidence = EditionEvidence()
    var consumed: Set<Int> = []
    var fragments: [Fragment] = []
    var diagnostics: [Diagnostic] = []
    var firstLine: Int?
    var lastLine: Int?
    /// The body's last non-blank line (a table reaching it without its last row was cut off).
    var bodyLastLine: Int?
    var incomplete = false
    /// Blocks whose header was missing (warned once each).
    private var warnedMissingHeader: Set<String> = []

    init(table: TableID, fileName: String, grid: TableGrid) {
        self.table = table; self.fileName = fileName; self.layout = grid.layout; self.bodyLastLine = grid.lastNonBlankLine
    }

    /// True when the reader found anything of a table.
    var foundTable: Bool { firstLine != nil }

    // MARK: Recording

    /// Marks a row as part of the table.
    mutating func consume(_ row: GridRow) {
        consumed.formUnion(row.lines)
        if let f = row.lines.first { firstLine = min(firstLine ?? f, f) }
        if let l = row.lines.last { lastLine = max(lastLine ?? l, l) }
    }

    mutating func warn(_ code: String, _ message: String, line: Int?, column: Int? = nil) {
        diagnostics.append(.warning(message, code: "table." + code, file: fileName, line: line, column: column))
    }

    mutating func note(_ code: String, _ message: String, line: Int?, column: Int? = nil) {
        diagnostics.append(Diagnostic(.note, message, code: "table." + code, file: fileName, line: line, column: column))
    }

    /// Keeps a whole row verbatim as a fragment (its lines count as consumed) and warns.
    mutating func reject(_ row: GridRow, code: String, reason: String) {
        consume(row)
        fragments.append(Fragment(text: row.text, lines: row.lineRange, reason: reason))
        let at = row.cells.first(where: { !$0.isEmpty }) ?? row.cells.first
        warn(code, reason, line: at?.line ?? row.firstLine, column: at?.column)
    }

    /// Keeps some cells of a row verbatim as a fragment and warns.
    mutating func rejectCells(_ cells: [GridCell], code: String, reason: String) {
        guard let first = cells.first else { return }
        let text = cells.map(\.raw).joined(separator: "\t")
        let last = cells.map(\.lastLine).max() ?? first.line
        fragments.append(Fragment(text: text, lines: LineRange(first.line, last), reason: reason))
        warn(code, reason, line: first.line, column: first.column)
    }

    /// Records a data row unless its row was read already (then it becomes a fragment).
    mutating func addRow(_ row: DraftRow, label: String) {
        if let previous = rows.first(where: { $0.rowKey == row.rowKey && $0.block == row.block }) {
            reject(row.source, code: "duplicate-row",
                   reason: "row \(label) appears again (first at line \(previous.source.firstLine)); the second one is not used")
            return
        }
        consume(row.source)
        rows.append(row)
    }

    // MARK: Finishing

    /// Builds the table in the given edition: maps each row's value cells to columns, pads short
    /// rows with blanks, keeps what does not fit (extra cells, cells of the other edition) as
    /// fragments, warns about missing rows, and marks a cut-off table incomplete.
    mutating func finish(edition: Edition) -> StatTable {
        let spec = ConceptTable.spec(table, edition)
        // Spec rows in order, to tell missing rows and where a cut-off happened.
        var specRows: [(block: BlockSpec, row: RowSpec)] = []
        for b in spec.blocks { for r in b.rows { specRows.append((b, r)) } }
        func specIndex(_ block: String, _ rowKey: String) -> Int? {
            specRows.firstIndex { $0.block.key == block && $0.row.key == rowKey }
        }
        let readIndices = rows.compactMap { specIndex($0.block, $0.rowKey) }
        let lastReadIndex = readIndices.max() ?? -1
        let lastRowMissing = specRows.last.map { last in !rows.contains { $0.block == last.block.key && $0.rowKey == last.row.key } } ?? false
        let reachesEnd = lastLine != nil && lastLine == bodyLastLine
        let lastSourceRow = rows.indices.max { rows[$0].source.lastLine < rows[$1].source.lastLine }

        // Lay each row's value cells out on its columns.
        var laidOut: [(columns: [String?], values: [GridCell], extra: [GridCell])] = []
        for row in rows {
            let columns: [String?]
            if let own = row.columns {
                columns = own
            } else {
                let blockSpec = spec.blocks.first { $0.key == row.block }
                    ?? ConceptTable.spec(table, edition == .e2019 ? .e2021 : .e2019).blocks.first { $0.key == row.block }
                columns = (blockSpec?.columns ?? []).map { Optional($0.key) }
                if table == .t1 && !warnedMissingHeader.contains(row.block) {
                    warnedMissingHeader.insert(row.block)
                    warn("missing-header", "no header row (信息内容 …) before this row; columns taken in the official order",
                         line: row.source.firstLine)
                }
            }
            var values = row.values
            while values.count > columns.count, let last = values.last, last.isEmpty { values.removeLast() }
            while values.count > columns.count, let first = values.first, first.isEmpty { values.removeFirst() }
            var extra: [GridCell] = []
            if values.count > columns.count {
                extra = Array(values[columns.count...])
                values.removeLast(values.count - columns.count)
            }
            laidOut.append((columns, values, extra))
        }
        let lastRowShort = lastSourceRow.map { laidOut[$0].values.count < laidOut[$0].columns.count } ?? false
        let truncated = foundTable && reachesEnd && (lastRowMissing || lastRowShort)

        var cells: [CellValue] = []
        for (index, row) in rows.enumerated() {
            let (columns, values, extra) = laidOut[index]
            if extra.contains(where: { !$0.isEmpty }) {
                rejectCells(extra, code: "extra-cells",
                            reason: "\(extra.count) cell(s) beyond the header's \(columns.count) column(s) in row \(rowName(row))")
            }
            var misfits: [GridCell] = []
            var misfitConcepts: [String] = []
            var fitted = 0
            for (i, cell) in values.enumerated() {
                guard let key = columns[i] else {
                    if !cell.isEmpty { rejectCells([cell], code: "unknown-column", reason: "a value under an unknown header cell in row \(rowName(row))") }
                    continue
                }
                let cid = ConceptTable.id(table, rowKey: row.rowKey, columnKey: key)
                guard let concept = ConceptTable.byID[cid], concept.editions.contains(edition) else {
                    misfits.append(cell); misfitConcepts.append(cid); continue
                }
                let parsed = CellValueParser.parse(cell.raw, kind: concept.kind)
                cells.append(CellValue(concept: cid, presence: parsed.presence, number: parsed.number, unit: parsed.unit,
                                       raw: cell.raw, uncertain: parsed.uncertain, position: cell.position))
                fitted += 1
            }
            if !misfits.isEmpty {
                // The whole row when none of it fits, else just the cells that do not.
                let whole = fitted == 0
                let first = misfits[0]
                let text = whole ? row.source.text : misfits.map(\.raw).joined(separator: "\t")
                let lines = whole ? row.source.lineRange : LineRange(first.line, misfits.map(\.lastLine).max() ?? first.line)
                fragments.append(Fragment(text: text, lines: lines,
                                          reason: "row \(rowName(row)) is not in the \(edition.rawValue) edition of the tables"))
                warn("edition-mix", "row \(rowName(row)) (\(misfitConcepts.count) cell(s)) does not fit the \(edition.rawValue) "
                     + "edition of the tables; kept as a fragment", line: whole ? row.source.firstLine : first.line,
                     column: whole ? row.source.cells.first?.column : first.column)
            }
            if values.count < columns.count {
                let cutHere = truncated && index == lastSourceRow
                let missing = columns[values.count...].compactMap { $0 }
                    .map { ConceptTable.id(table, rowKey: row.rowKey, columnKey: $0) }
                    .filter { ConceptTable.byID[$0]?.editions.contains(edition) == true }
                if !cutHere && !missing.isEmpty {
                    for cid in missing { cells.append(.blank(cid)) }
                    let at = values.last ?? row.source.cells.last
                    warn("short-row", "row \(rowName(row)) has \(values.count) value cell(s) for \(columns.count) column(s); "
                         + "the missing ones are read as blank", line: at?.line ?? row.source.firstLine,
                         column: at.map { $0.column })
                }
            }
        }
        // Missing rows and columns.
        let have = Set(cells.map(\.concept))
        for (i, sr) in specRows.enumerated() {
            if truncated && i >= lastReadIndex { continue }
            let ids = sr.block.columns.map { ConceptTable.id(table, rowKey: sr.row.key, columnKey: $0.key) }
            let missing = ids.filter { !have.contains($0) }
            if missing.isEmpty { continue }
            let name = rowLabel(sr.block, sr.row)
            if missing.count == ids.count {
                warn("missing-row", "row \(name) of the \(edition.rawValue) edition is not in the table", line: firstLine)
            } else if let r = rows.first(where: { $0.block == sr.block.key && $0.rowKey == sr.row.key }) {
                warn("missing-column", "row \(name) has no cell for \(missing.joined(separator: ", ")) (column not in the header)",
                     line: r.source.firstLine)
            }
        }
        if truncated {
            incomplete = true
            let whereCut: String
            if lastRowShort, let i = lastSourceRow {
                whereCut = "in row \(rowName(rows[i]))"
            } else if specRows.indices.contains(lastReadIndex + 1) {
                whereCut = "before row \(rowLabel(specRows[lastReadIndex + 1].block, specRows[lastReadIndex + 1].row))"
            } else {
                whereCut = "before its last row"
            }
            warn("truncated", "the table is cut off: the text ends at line \(lastLine ?? 0) \(whereCut); the cells after it are missing",
                 line: lastLine)
        }
        var t = StatTable(id: table, lines: firstLine.map { LineRange($0, lastLine ?? $0) }, cells: cells)
        t.sortCells()
        return t
    }

    private func rowLabel(_ b: BlockSpec, _ r: RowSpec) -> String {
        switch table {
        case .t1: return (b.caption.map { $0 + " " } ?? "") + r.label
        case .t2: return r.label
        case .t3: return "(values)"
        }
    }

    private func rowName(_ row: DraftRow) -> String {
        for e in Edition.allCases {
            let spec = ConceptTable.spec(table, e)
            if let b = spec.blocks.first(where: { $0.key == row.block }), let r = b.rows.first(where: { $0.key == row.rowKey }) {
                return rowLabel(b, r)
            }
        }
        return row.rowKey
    }
}
