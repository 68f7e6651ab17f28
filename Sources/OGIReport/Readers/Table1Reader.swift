/// Reads table 1 (主动公开政府信息情况) from a grid: blocks 第二十条第（N）项, each with a caption row,
/// a header row (信息内容 | column labels) and data rows, in both editions — 2021 (本年制发件数 …)
/// and 2019, the "2024-style" tables with the added columns (上一年项目数量 / 本年增/减 /
/// 处理决定数量, and 第二十条第（九）项 政府集中采购).
///
/// Columns come from each block's own header, matched by label, so a block's values land on the
/// right concept whatever the column count; rows are found by their label (unique across blocks).
/// Labels that exist in only one edition are edition evidence.
enum Table1Reader {

    struct Column: Sendable { let block: String; let key: String }
    struct Row: Sendable { let block: String; let key: String; let label: String }

    static let captions: LabelMatcher<String> = {
        var entries: [LabelEntry<String>] = []
        var seen: Set<String> = []
        for e in Edition.allCases {
            for b in ConceptTable.spec(.t1, e).blocks {
                if let c = b.caption, !seen.contains(b.key) { seen.insert(b.key); entries.append(LabelEntry(c, b.key)) }
            }
        }
        return LabelMatcher(entries, minimumPrefix: 8)
    }()

    static let headerLabels: Set<ByteKey> = {
        var s: Set<ByteKey> = []
        for e in Edition.allCases { for b in ConceptTable.spec(.t1, e).blocks { if let h = b.headerLabel { s.insert(ByteKey(LabelText.normalize(h))) } } }
        return s
    }()

    static let columns: LabelMatcher<Column> = {
        var entries: [LabelEntry<Column>] = []
        for e in Edition.allCases {
            for b in ConceptTable.spec(.t1, e).blocks {
                for c in b.columns {
                    for l in [c.label] + c.variants { entries.append(LabelEntry(l, Column(block: b.key, key: c.key))) }
                }
            }
        }
        return LabelMatcher(entries)
    }()

    static let rows: LabelMatcher<Row> = {
        var entries: [LabelEntry<Row>] = []
        for e in Edition.allCases {
            for b in ConceptTable.spec(.t1, e).blocks {
                for r in b.rows {
                    for l in [r.label] + r.variants { entries.append(LabelEntry(l, Row(block: b.key, key: r.key, label: r.label))) }
                }
            }
        }
        return LabelMatcher(entries)
    }()

    /// Matches a header cell to a column, preferring the current block.
    static func column(_ cell: GridCell, block: String?) -> Column? {
        let found = columns.matchIndices(cell.normalized).indices.map { columns.entries[$0].target }
        if let block, let c = found.first(where: { $0.block == block }) { return c }
        guard let first = found.first else { return nil }
        return found.allSatisfy({ $0.key == first.key }) ? first : nil
    }

    /// Matches a row label (row labels are unique across blocks within the format).
    static func row(_ cell: GridCell) -> Row? {
        let found = rows.matchIndices(cell.normalized).indices.map { rows.entries[$0].target }
        guard let first = found.first else { return nil }
        return found.allSatisfy({ $0.key == first.key }) ? first : nil
    }

    /// Column keys of each block in either edition, and the largest column count.
    static let blockColumns: [String: (keys: Set<String>, maximum: Int)] = {
        var out: [String: (keys: Set<String>, maximum: Int)] = [:]
        for e in Edition.allCases {
            for b in ConceptTable.spec(.t1, e).blocks {
                var entry = out[b.key] ?? ([], 0)
                entry.keys.formUnion(b.columns.map(\.key))
                entry.maximum = max(entry.maximum, b.columns.count)
                out[b.key] = entry
            }
        }
        return out
    }()

    /// How a text matches any label of table 1 (caption, 信息内容, column, row).
    static func isLabel(_ normalized: String) -> MatchLevel? {
        if headerLabels.contains(ByteKey(normalized)) { return .exact }
        return [rows.exactOrCore(normalized), columns.exactOrCore(normalized), captions.exactOrCore(normalized)]
            .compactMap { $0 }.max()
    }

    static func scan(_ grid: TableGrid, fileName: String) -> TableDraft {
        var draft = TableDraft(table: .t1, fileName: fileName, grid: grid)
        var block: String?
        var blockFromCaption = false  // the block was named by a caption (not guessed from a row)
        var headers: [String: [String?]] = [:]
        var lastHeader: (block: String?, columns: [String?])?
        var lastRowWasHeader = false
        var pendingUnknown: [GridRow] = []

        func flushUnknown() { draft.flushUnknown(&pendingUnknown) }

        var carry: GridRow?  // the previous row, when it was unknown text only (maybe a label's first part)
        for var row in grid.rows {
            if row.isEmpty { if draft.foundTable { draft.consume(row) }; continue }
            row.cells = row.joiningWrappedCells(isLabel: isLabel)
            // A label wrapped over two lines: the previous, unknown, text-only row joined to this one.
            if let previous = carry, let first = row.cells.first(where: { !$0.isEmpty }), !first.isValueLike,
               isLabel(first.normalized) == nil {
                var merged = GridRow(cells: previous.cells + row.cells, lines: previous.lines + row.lines)
                merged.cells = merged.joiningWrappedCells(isLabel: isLabel)
                if let head = merged.cells.first(where: { !$0.isEmpty }), isLabel(head.normalized) != nil {
                    row = merged
                    if pendingUnknown.last?.firstLine == previous.firstLine { pendingUnknown.removeLast() }
                }
            }
            carry = nil
            var i = row.cells.firstIndex { !$0.isEmpty } ?? 0
            var used = false
            // Caption (possibly followed by more cells on the same line).
            let capHits = row.cells[i].isValueLike ? [] : captions.matchIndices(row.cells[i].normalized).indices
            if let hit = capHits.first {
                let c = captions.entries[hit]
                flushUnknown()
                block = c.target
                blockFromCaption = true
                lastHeader = nil; lastRowWasHeader = false; draft.openRow = nil
                if let v = EditionDetector.vote(.t1, normalized: c.normalized) { draft.evidence.add(v, line: row.firstLine) }
                used = true
                guard let next = row.cells[(i + 1)...].firstIndex(where: { !$0.isEmpty }) else { draft.consume(row); continue }
                i = next
            } else if row.cells[i].normalized.hasPrefix("第二十条") {
                flushUnknown()
                draft.reject(row, code: "unknown-block", reason: "unknown block “\(row.cells[i].raw)” in table 1")
                block = nil
                blockFromCaption = false
                lastHeader = nil; lastRowWasHeader = false; draft.openRow = nil
                continue
            }
            let cell = row.cells[i]
            // Header: 信息内容 then column labels, or column labels alone (or continuing the header
            // of the row above, when its cells were split over rows).
            let isHeaderStart = headerLabels.contains(ByteKey(cell.normalized))
            if isHeaderStart || (self.row(cell) == nil && row.cells[i...].allSatisfy { $0.isEmpty || column($0, block: block) != nil }) {
                flushUnknown()
                draft.openRow = nil
                var cols: [String?] = []
                let start = isHeaderStart ? i + 1 : i
                var labels = Array(row.cells[start...])
                while let last = labels.last, last.isEmpty { labels.removeLast() }
                // Without a caption, the header's block is the one block all its columns belong to (if any).
                let known = blockFromCaption ? block : nil
                var candidates: Set<String>?
                for c in labels {
                    if c.isEmpty { cols.append(nil); continue }
                    guard let col = column(c, block: known) else {
                        draft.warn("unknown-column", "unknown column “\(c.raw)” in table 1", line: c.line, column: c.column)
                        cols.append(nil); continue
                    }
                    if let v = EditionDetector.vote(.t1, normalized: c.normalized) { draft.evidence.add(v, line: c.line) }
                    cols.append(known == nil || col.block == known ? col.key : nil)
                    let blocks = Set(columns.match(c.normalized).entries.map(\.target.block))
                    candidates = candidates.map { $0.intersection(blocks) } ?? blocks
                }
                let headerBlock = known ?? (candidates?.count == 1 ? candidates?.first : nil)
                if !isHeaderStart && lastRowWasHeader, let h = lastHeader, h.block == headerBlock {
                    lastHeader = (headerBlock, h.columns + cols)
                } else {
                    lastHeader = (headerBlock, cols)
                }
                if let b = headerBlock, let h = lastHeader { headers[b] = h.columns }
                lastRowWasHeader = true
                draft.consume(row)
                continue
            }
            lastRowWasHeader = false
            // Data row.
            if let r = self.row(cell) {
                flushUnknown()
                if let v = EditionDetector.vote(.t1, normalized: cell.normalized) { draft.evidence.add(v, line: cell.line) }
                if block != r.block {
                    if block != nil && blockFromCaption {
                        draft.warn("block-mismatch", "row “\(cell.raw)” belongs to \(r.block), not to the block above it",
                                   line: cell.line, column: cell.column)
                    }
                    block = r.block
                    blockFromCaption = false
                }
                // Its block's header, or the last header seen when it had no caption and fits this block.
                var columns = headers[r.block]
                if columns == nil, let h = lastHeader, h.block == nil || h.block == r.block, let known = blockColumns[r.block]?.keys,
                   h.columns.allSatisfy({ $0.map(known.contains) ?? true }) {
                    columns = h.columns
                    headers[r.block] = h.columns
                }
                let capacity = columns?.count ?? blockColumns[r.block]?.maximum ?? 1
                draft.addRow(DraftRow(block: r.block, rowKey: r.key, columns: columns,
                                      values: Array(row.cells[(i + 1)...]), source: row), label: r.label, capacity: capacity)
                continue
            }
            if used { draft.consume(row); continue }
            let firstValue = row.cells[i...].firstIndex { $0.isValueLike }
            if cell.isValueLike {
                flushUnknown()
                if draft.continueOpenRow(row, values: Array(row.cells[i...])) { continue }
                draft.openRow = nil
                draft.reject(row, code: "orphan-values", reason: "values without a row label in table 1")
                continue
            }
            // Unknown text: the rest of a wrapped row label before its values, an unknown row if the
            // table goes on, prose otherwise.
            if let fv = firstValue, draft.foundTable {
                flushUnknown()
                if let open = draft.openRow, TableDraft.trimmedCount(draft.rows[open.index].values) == 0,
                   row.cells[i..<fv].allSatisfy({ !$0.isValueLike }) {
                    if draft.continueOpenRow(row, values: Array(row.cells[fv...])) { continue }
                }
                draft.openRow = nil
                draft.reject(row, code: "unknown-row", reason: "unknown row “\(cell.raw)” in table 1")
            } else {
                pendingUnknown.append(row)
                if firstValue == nil { carry = row }
            }
        }
        return draft
    }
}
