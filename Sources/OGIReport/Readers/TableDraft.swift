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
    /// Consumed line numbers (may repeat; made a set once, by the caller).
    /// Lines of rows that were read while some of their cells became fragments (``rejectCells(_:code:reason:)``).
    var partialRowLines: Set<Int> = []
    var consumed: [Int] = []
    var fragments: [Fragment] = []
    var diagnostics: [Diagnostic] = []
    var firstLine: Int?
    var lastLine: Int?
    /// The body's last non-blank line (a table reaching it without its last row was cut off).
    var bodyLastLine: Int?
    var incomplete = false
    /// Blocks whose header was missing (warned once each).
    private var warnedMissingHeader: Set<String> = []

    /// The body's lines (for the verbatim text of fragments).
    let sourceLines: [SourceLine]
    /// How messages name a unit (``TableGrid/unitName``).
    let unitName: @Sendable (Int) -> String

    init(table: TableID, fileName: String, grid: TableGrid) {
        self.table = table; self.fileName = fileName; self.layout = grid.layout; self.bodyLastLine = grid.lastNonBlankLine
        self.sourceLines = grid.lines
        self.unitName = grid.unitName
    }

    /// The verbatim source text of a row.
    func text(of row: GridRow) -> String { TableGrid.text(of: row.lines, in: sourceLines) }

    /// True when the reader found anything of a table.
    var foundTable: Bool { firstLine != nil }

    // MARK: Recording

    /// Marks a row as part of the table.
    mutating func consume(_ row: GridRow) {
        consumed.append(contentsOf: row.lines)
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
        fragments.append(Fragment(text: text(of: row), lines: row.lineRange, reason: reason))
        let at = row.cells.first(where: { !$0.isEmpty }) ?? row.cells.first
        warn(code, reason, line: at?.line ?? row.firstLine, column: at?.column)
    }

    /// Rows held back as unknown (maybe the first part of a wrapped label): once the table has
    /// started, each becomes a fragment with an `unknown-row` warning; before it, they are left
    /// for the prose around the table. Empties `pending` either way.
    mutating func flushUnknown(_ pending: inout [GridRow]) {
        if foundTable {
            for r in pending {
                let c = r.cells.first { !$0.isEmpty }
                reject(r, code: "unknown-row", reason: "unknown row “\(c?.raw ?? "")” in table \(table.rawValue.dropFirst())")
            }
        }
        pending.removeAll()
    }

    /// Keeps some cells of a row verbatim as a fragment and warns.
    mutating func rejectCells(_ cells: [GridCell], code: String, reason: String) {
        guard let first = cells.first else { return }
        let text = cells.map(\.raw).joined(separator: "\t")
        let last = cells.map(\.lastLine).max() ?? first.line
        fragments.append(Fragment(text: text, lines: LineRange(first.line, last), reason: reason))
        partialRowLines.formUnion(first.line...last)
        warn(code, reason, line: first.line, column: first.column)
    }

    /// A number for each (table, block, row key) of either edition, built once: rows are compared
    /// and looked up by it rather than by their string keys.
    static let rowIDs: [TableID: [String: [String: Int]]] = {
        var out: [TableID: [String: [String: Int]]] = [:]
        var next = 0
        for t in TableID.allCases {
            for e in Edition.allCases {
                for b in ConceptTable.spec(t, e).blocks {
                    for r in b.rows where out[t]?[b.key]?[r.key] == nil {
                        out[t, default: [:]][b.key, default: [:]][r.key] = next
                        next += 1
                    }
                }
            }
        }
        return out
    }()

    static func rowID(_ table: TableID, _ block: String, _ rowKey: String) -> Int {
        rowIDs[table]?[block]?[rowKey] ?? -1
    }

    /// Row ids read so far.
    private var readIDs: [Int] = []

    /// Records a data row unless its row was read already (then it becomes a fragment).
    /// A row with fewer value cells than `capacity` stays open: value cells on the rows right
    /// after it (a row split by a blank line or a wrapped label) are added by ``continueOpenRow``.
    mutating func addRow(_ row: DraftRow, label: String, capacity: Int) {
        openRow = nil
        let id = Self.rowID(table, row.block, row.rowKey)
        if let previous = readIDs.firstIndex(of: id) {
            reject(row.source, code: "duplicate-row",
                   reason: "row \(label) appears again (first at \(unitName(rows[previous].source.firstLine))); the second one is not used")
            return
        }
        consume(row.source)
        rows.append(row)
        readIDs.append(id)
        if Self.trimmedCount(row.values) < capacity { openRow = (rows.count - 1, capacity) }
    }

    /// The row that may still take value cells, with its column count.
    var openRow: (index: Int, capacity: Int)?
    private var warnedSplitRow = false

    /// Number of cells without the trailing empty ones.
    static func trimmedCount(_ cells: [GridCell]) -> Int {
        var n = cells.count
        while n > 0 && cells[n - 1].isEmpty { n -= 1 }
        return n
    }

    /// Adds value cells from a row without a label to the open row, if they fit; text cells
    /// before the values (the rest of a wrapped label) are taken as part of the label.
    mutating func continueOpenRow(_ source: GridRow, values: [GridCell]) -> Bool {
        guard let (index, capacity) = openRow else { return false }
        var existing = rows[index].values
        existing.removeLast(existing.count - Self.trimmedCount(existing))
        var added = values
        added.removeLast(added.count - Self.trimmedCount(added))
        guard !added.isEmpty else { return false }
        var combined = existing + added
        // Leading empty cells beyond the capacity are dropped all at once (linear in the cell count).
        var leading = 0
        while combined.count - leading > capacity, combined[leading].isEmpty { leading += 1 }
        combined.removeFirst(leading)
        guard combined.count <= capacity else { return false }
        rows[index].values = combined
        rows[index].source.lines += source.lines
        consume(source)
        if !warnedSplitRow {
            warnedSplitRow = true
            warn("split-row", "the values of row at \(unitName(rows[index].source.firstLine)) continue on \(unitName(source.firstLine)) "
                 + "(a row split over several lines or groups); joined", line: source.firstLine)
        }
        if combined.count >= capacity { openRow = nil }
        return true
    }

    // MARK: Finishing

    /// One cell slot of a spec row: column key, concept id and kind, editions, canonical order.
    struct Slot: Sendable {
        let key: String
        let id: ConceptID
        let kind: ValueKind
        let in2019: Bool
        let in2021: Bool
        let order: Int
        func exists(in e: Edition) -> Bool { e == .e2019 ? in2019 : in2021 }
    }
    /// The slots a row's value cells map to: the spec's, or those of the table's own header.
    struct SlotList {
        let known: [Slot]
        let own: [Slot?]?
        var count: Int { own?.count ?? known.count }
        subscript(i: Int) -> Slot? { own.map { $0[i] } ?? known[i] }
    }

    /// One row of a spec, with its slots in column order.
    struct RowSlots: Sendable { let block: BlockSpec; let row: RowSpec; let slots: [Slot]; let id: Int }

    /// The spec rows of each table in each edition, with their concepts, built once.
    static let layouts: [TableID: [Edition: [RowSlots]]] = {
        var out: [TableID: [Edition: [RowSlots]]] = [:]
        for t in TableID.allCases {
            for e in Edition.allCases {
                var rows: [RowSlots] = []
                for b in ConceptTable.spec(t, e).blocks {
                    for r in b.rows {
                        let slots = b.columns.compactMap { c -> Slot? in
                            let id = ConceptTable.id(t, rowKey: r.key, columnKey: c.key)
                            guard let concept = ConceptTable.byID[id], let order = ConceptTable.order[id] else { return nil }
                            // The concept table's own string: cells carry it, and the writer's and the
                            // checks' comparisons with the table's ids then end at the shared storage.
                            return Slot(key: c.key, id: concept.id, kind: concept.kind, in2019: concept.editions.contains(.e2019),
                                        in2021: concept.editions.contains(.e2021), order: order)
                        }
                        rows.append(RowSlots(block: b, row: r, slots: slots, id: rowID(t, b.key, r.key)))
                    }
                }
                out[t, default: [:]][e] = rows
            }
        }
        return out
    }()

    /// Builds the table in the given edition: maps each row's value cells to columns, pads short
    /// rows with blanks, keeps what does not fit (extra cells, cells of the other edition) as
    /// fragments, warns about missing rows, and marks a cut-off table incomplete.
    /// Cells come out in canonical concept order (``ConceptTable/order``, as ``StatTable/sortCells()``).
    mutating func finish(edition: Edition) -> StatTable {
        let other: Edition = edition == .e2019 ? .e2021 : .e2019
        let specRows = Self.layouts[table]?[edition] ?? []
        let otherRows = Self.layouts[table]?[other] ?? []
        let readIndices = readIDs.map { id in specRows.firstIndex { $0.id == id } }
        let lastReadIndex = readIndices.compactMap { $0 }.max() ?? -1
        let lastRowMissing = !specRows.isEmpty && !readIndices.contains(specRows.count - 1)
        let reachesEnd = lastLine != nil && lastLine == bodyLastLine
        let lastSourceRow = rows.indices.max { rows[$0].source.lastLine < rows[$1].source.lastLine }

        // Lay each row's value cells out on its slots (nil: an unknown header cell).
        var laidOut: [(slots: SlotList, values: [GridCell], extra: [GridCell], repeated: [Int: Slot])] = []
        laidOut.reserveCapacity(rows.count)
        for (n, row) in rows.enumerated() {
            let rowSlots = readIndices[n].map { specRows[$0] }
                ?? otherRows.first { $0.id == readIDs[n] }
            let known = rowSlots?.slots ?? []
            let slots: SlotList
            // Header positions of a column the header already had (the first one is used).
            var repeated: [Int: Slot] = [:]
            if let own = row.columns {
                // The table's own header: find each column among the row's slots of either edition.
                let alt = otherRows.first { $0.id == readIDs[n] }?.slots ?? []
                var seen: Set<String> = []
                var found: [Slot?] = []
                found.reserveCapacity(own.count)
                for (i, key) in own.enumerated() {
                    let slot = key.flatMap { k in known.first { $0.key == k } ?? alt.first { $0.key == k } }
                    if let s = slot, !seen.insert(s.id).inserted { repeated[i] = s; found.append(nil) } else { found.append(slot) }
                }
                slots = SlotList(known: [], own: found)
            } else {
                slots = SlotList(known: known, own: nil)
                if table == .t1 && !warnedMissingHeader.contains(row.block) {
                    warnedMissingHeader.insert(row.block)
                    warn("missing-header", "no header row (信息内容 …) before this row; columns taken in the official order",
                         line: row.source.firstLine)
                }
            }
            var values = row.values
            // Cells beyond the slots: a truly empty trailing cell (a tab at the end of the line) goes
            // first; then empty cells before the values (a label spanning several columns); then
            // whitespace-only trailing cells. A cell written between tabs is structure: it is
            // dropped only when the row has more cells than columns, never for being blank.
            while values.count > slots.count, let last = values.last, last.raw.isEmpty { values.removeLast() }
            // Leading empty cells beyond the slots are dropped all at once (linear in the cell count).
            var leading = 0
            while values.count - leading > slots.count, values[leading].isEmpty { leading += 1 }
            values.removeFirst(leading)
            while values.count > slots.count, let last = values.last, last.isEmpty { values.removeLast() }
            var extra: [GridCell] = []
            if values.count > slots.count {
                extra = Array(values[slots.count...])
                values.removeLast(values.count - slots.count)
            }
            laidOut.append((slots, values, extra, repeated))
        }
        let lastRowShort = lastSourceRow.map { laidOut[$0].values.count < laidOut[$0].slots.count } ?? false
        let truncated = foundTable && reachesEnd && (lastRowMissing || lastRowShort)

        var cells: [CellValue] = []
        var orders: [Int] = []
        cells.reserveCapacity(rows.count * 7)
        orders.reserveCapacity(rows.count * 7)
        for (index, row) in rows.enumerated() {
            let (slots, values, extra, repeated) = laidOut[index]
            if extra.contains(where: { !$0.isEmpty }) {
                rejectCells(extra, code: "extra-cells",
                            reason: "\(extra.count) cell(s) beyond the header's \(slots.count) column(s) in row \(rowName(row))")
            }
            var misfits: [GridCell] = []
            var fitted = 0
            for i in values.indices {
                let cell = values[i]
                guard let slot = slots[i] else {
                    if let first = repeated[i] {
                        if !cell.isEmpty {
                            rejectCells([cell], code: "duplicate-column",
                                        reason: "a second cell for column \(ConceptTable.byID[first.id]?.label(in: edition).column ?? first.key) "
                                        + "in row \(rowName(row)) (the header has this column twice); the first one is used")
                        }
                        continue
                    }
                    if !cell.isEmpty { rejectCells([cell], code: "unknown-column", reason: "a value under an unknown header cell in row \(rowName(row))") }
                    continue
                }
                guard slot.exists(in: edition) else { misfits.append(cell); continue }
                var parsed = cell.parsed.resolved(for: slot.kind)
                if cell.parsed.formatCharactersRemoved {
                    note("format-characters", "invisible format characters (such as U+200F or a soft hyphen) removed from "
                         + "“\(cell.raw)” in \(conceptName(slot.id, edition)); read as \(parsed.number.map { DecimalText.format($0) } ?? "text")",
                         line: cell.line, column: cell.column)
                }
                if let marker = cell.parsed.footnoteMarker(in: cell.raw) {
                    warn("footnote-marker", "footnote marker “\(marker)” after the number in \(conceptName(slot.id, edition)) "
                         + "split off (kept in the cell's raw text “\(cell.raw)”); read as \(parsed.number.map { DecimalText.format($0) } ?? "text")",
                         line: cell.line, column: cell.column)
                }
                if let why = parsed.kindMismatch(slot.kind) {
                    // Never change the number: the cell is kept as text (its raw text verbatim).
                    warn("value-kind", "“\(cell.raw)” in \(conceptName(slot.id, edition)) is \(why) (\(Self.kindText(slot.kind))); "
                         + "kept as text, not as a number", line: cell.line, column: cell.column)
                    parsed = .text
                } else if parsed.presence == .text {
                    warn("value-text", "“\(cell.raw)” in \(conceptName(slot.id, edition)) is not a number; kept as text "
                         + "(rules that need this cell cannot be assessed)", line: cell.line, column: cell.column)
                }
                orders.append(slot.order)
                cells.append((CellValue(concept: slot.id, presence: parsed.presence, number: parsed.number,
                                                    unit: parsed.unit, raw: cell.raw, uncertain: parsed.uncertain,
                                                    position: cell.position)))
                fitted += 1
            }
            if !misfits.isEmpty {
                // The whole row when none of it fits, else just the cells that do not.
                let whole = fitted == 0
                let first = misfits[0]
                let text = whole ? self.text(of: row.source) : misfits.map(\.raw).joined(separator: "\t")
                let lines = whole ? row.source.lineRange : LineRange(first.line, misfits.map(\.lastLine).max() ?? first.line)
                fragments.append(Fragment(text: text, lines: lines,
                                          reason: "row \(rowName(row)) is not in the \(edition.rawValue) edition of the tables"))
                warn("edition-mix", "row \(rowName(row)) (\(misfits.count) cell(s)) does not fit the \(edition.rawValue) "
                     + "edition of the tables; kept as a fragment", line: whole ? row.source.firstLine : first.line,
                     column: whole ? row.source.cells.first?.column : first.column)
            }
            if values.count < slots.count {
                let cutHere = truncated && index == lastSourceRow
                let missing = (values.count..<slots.count).compactMap { slots[$0] }.filter { $0.exists(in: edition) }
                if !cutHere && !missing.isEmpty {
                    for slot in missing { orders.append(slot.order); cells.append(.blank(slot.id)) }
                    let at = values.last ?? row.source.cells.last
                    warn("short-row", "row \(rowName(row)) has \(values.count) value cell(s) for \(slots.count) column(s); "
                         + "the missing ones are read as blank", line: at?.line ?? row.source.firstLine,
                         column: at.map { $0.column })
                }
            }
        }
        // Missing rows and columns.
        var have = [Bool](repeating: false, count: ConceptTable.all.count)
        for o in orders where o < have.count { have[o] = true }
        for (i, sr) in specRows.enumerated() {
            if truncated && i >= lastReadIndex { continue }
            let missing = sr.slots.filter { !have[$0.order] }
            if missing.isEmpty { continue }
            let name = rowLabel(sr.block, sr.row)
            if missing.count == sr.slots.count {
                warn("missing-row", "row \(name) of the \(edition.rawValue) edition is not in the table", line: firstLine)
            } else if let k = readIDs.firstIndex(of: sr.id) {
                let r = rows[k]
                warn("missing-column", "row \(name) has no cell for \(missing.map(\.id).joined(separator: ", ")) "
                     + "(column not in the header)", line: r.source.firstLine)
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
            warn("truncated", "the table is cut off: the text ends at \(unitName(lastLine ?? 0)) \(whereCut); the cells after it are missing",
                 line: lastLine)
        }
        // Final guard: one cell per concept. The first is kept; any other is reported and its text kept.
        var taken = [Bool](repeating: false, count: ConceptTable.all.count)
        var duplicates: [Int] = []
        for (k, o) in orders.enumerated() where o < taken.count {
            if taken[o] { duplicates.append(k) } else { taken[o] = true }
        }
        if !duplicates.isEmpty {
            for k in duplicates {
                let c = cells[k]
                if let raw = c.raw, !raw.isEmpty, let p = c.position {
                    fragments.append(Fragment(text: raw, lines: LineRange(line: p.line),
                                              reason: "a second cell for \(conceptName(c.concept, edition)); the first one is used"))
                }
                warn("duplicate-concept", "a second cell for \(conceptName(c.concept, edition)) in table \(table.rawValue.dropFirst()); "
                     + "the first one is used", line: c.position?.line ?? firstLine, column: c.position?.column)
            }
            let drop = Set(duplicates)
            cells = cells.indices.filter { !drop.contains($0) }.map { cells[$0] }
            orders = orders.indices.filter { !drop.contains($0) }.map { orders[$0] }
        }
        // Canonical concept order (the order StatTable.sortCells() gives), sorted on precomputed integers.
        var sorted = true
        for k in orders.indices.dropFirst() where orders[k - 1] > orders[k] { sorted = false; break }
        if !sorted { cells = orders.indices.sorted { orders[$0] < orders[$1] }.map { cells[$0] } }
        return StatTable(id: table, lines: firstLine.map { LineRange($0, lastLine ?? $0) }, cells: cells)
    }

    /// A concept's official labels in an edition, e.g. "第二十条第（一）项 规章 / 本年制发件数".
    private func conceptName(_ id: ConceptID, _ edition: Edition) -> String {
        guard let l = ConceptTable.byID[id]?.label(in: edition) else { return id }
        return (l.caption.map { $0 + " " } ?? "") + l.short
    }

    /// What a value kind expects, for messages.
    static func kindText(_ kind: ValueKind) -> String {
        switch kind {
        case .count: return "expected a whole number, 0 or more"
        case .signedCount: return "expected a whole number"
        case .amountWan, .amountWithUnit: return "expected an amount, 0 or more"
        }
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
