/// Reads table 2 (收到和处理政府信息公开申请情况) from a grid, in either layout and edition.
///
/// Rows are found by their labels, nested three deep (一/二/三、四 · （一）…（七） · 1.…), wherever
/// they sit in the row (merged group cells leave empty cells, or get lost). The label cells of a
/// row are those that match the row-label structure (group labels, then the row's own label);
/// once the row's own label is recognised every following cell is a value — a text cell there
/// ("详见附件") is a text value, never part of the label — in the official column order
/// (自然人 … 总计), counted from the end of the label, never from the header's absolute cell index. Numbered sub-rows ("2.重复申请") are resolved by their text and
/// by the current group (（三）（四）（五）（六）). （六）其他处理 is a row of its own in edition 2019 and a
/// group of three sub-rows in edition 2021: what follows it decides, and is edition evidence.
enum Table2Reader {

    /// What a row-label cell can be.
    enum Target: Sendable, Hashable {
        /// A value-carrying row (key of either edition).
        case row(String)
        /// A group label (normalised), e.g. "(三)不予公开".
        case group(String)
        /// 三、本年度办理结果.
        case results
        /// （六）其他处理: a row in 2019, a group in 2021.
        case otherProcessing
    }

    static let otherRowKey = "otherProcessing"

    struct Labels: Sendable {
        let rows: LabelMatcher<Target>
        let header: LabelMatcher<Int>
        /// Group (normalised label) of each sub-row key.
        let groupOf: [String: String]
        /// The normalised label of （六）其他处理.
        let otherGroup: String
        /// Row keys that are sub-rows of （六） in edition 2021.
        let otherSubRows: Set<String>
        /// Official label of each row key, for messages.
        let rowLabel: [String: String]
    }

    /// Labels from the concept table, both editions, prepared once.
    static let labels: Labels = {
        var entries: [LabelEntry<Target>] = []
        var groupOf: [String: String] = [:]
        var rowLabel: [String: String] = [:]
        var seenGroups: Set<String> = []
        var otherGroup = ""
        var otherSubRows: Set<String> = []
        var resultsLabel: String?
        for e in Edition.allCases {
            for r in ConceptTable.spec(.t2, e).blocks.flatMap(\.rows) {
                if let top = r.parents.first, resultsLabel == nil { resultsLabel = top }
                if r.parents.count >= 2 {
                    let g = LabelText.normalize(r.parents[1])
                    groupOf[r.key] = g
                    if !seenGroups.contains(g) {
                        seenGroups.insert(g)
                        entries.append(LabelEntry(r.parents[1], r.key.hasPrefix(otherRowKey + ".") ? .otherProcessing : .group(g)))
                    }
                    if r.key.hasPrefix(otherRowKey + ".") { otherGroup = g; otherSubRows.insert(r.key) }
                }
                if rowLabel[r.key] == nil {
                    rowLabel[r.key] = r.label
                    if r.key == otherRowKey {
                        otherGroup = LabelText.normalize(r.label)
                        if !seenGroups.contains(otherGroup) {
                            seenGroups.insert(otherGroup)
                            entries.append(LabelEntry(r.label, .otherProcessing))
                        }
                    } else {
                        entries.append(LabelEntry(r.label, .row(r.key)))
                        for v in r.variants { entries.append(LabelEntry(v, .row(r.key))) }
                    }
                }
            }
        }
        if let resultsLabel { entries.append(LabelEntry(resultsLabel, .results)) }
        var header: [LabelEntry<Int>] = []
        for c in ConceptTable.t2Columns {
            header.append(LabelEntry(c.label, 1))
            for p in c.parents { header.append(LabelEntry(p, 2)) }
        }
        return Labels(rows: LabelMatcher(entries), header: LabelMatcher(header, minimumPrefix: 99),
                      groupOf: groupOf, otherGroup: otherGroup, otherSubRows: otherSubRows, rowLabel: rowLabel)
    }()

    /// The 勾稽关系 note (or a cell that quotes it).
    static func isNote(_ normalized: String) -> Bool {
        normalized.utf8.count >= 12 && (normalized == noteNormalized || LabelText.contains(normalized, "勾稽关系"))
    }

    static let noteNormalized = LabelText.normalize(ConceptTable.t2Note)
    /// How a text matches any label of table 2 (header, note, row, group).
    static func isLabel(_ normalized: String) -> MatchLevel? {
        if labels.header.contains(normalized) || normalized == noteNormalized { return .exact }
        return labels.rows.exactOrCore(normalized)
    }

    static func isHeaderCell(_ cell: GridCell) -> Bool {
        labels.header.contains(cell.normalized) || isNote(cell.normalized)
    }

    /// One label cell of a row, resolved.
    struct Label { var index: Int; var target: Target; var text: String }

    /// Scans the grid into a draft.
    static func scan(_ grid: TableGrid, fileName: String) -> TableDraft {
        var draft = TableDraft(table: .t2, fileName: fileName, grid: grid)
        let L = labels
        var group: String?           // current group (normalised label)
        var sawData = false
        var sawHeader = false
        var lastWasHeader = false
        var pendingUnknown: [GridRow] = []  // unknown text rows: fragments if the table continues after them
        let rows = grid.rows

        /// Candidates for a label cell, resolved by the current group and the numbering.
        func resolve(_ cell: GridCell) -> (target: Target?, ambiguous: Bool) {
            let (level, hits) = L.rows.matchIndices(cell.normalized)
            if hits.isEmpty { return (nil, false) }
            if level == .dropped {
                draft.warn("label-incomplete", "row label “\(cell.raw)” read as “\(L.rows.entries[hits[0]].normalized)”: "
                           + "characters of the official label are missing from the source", line: cell.line, column: cell.column)
            }
            if hits.count == 1 { return (L.rows.entries[hits[0]].target, false) }
            let found = hits.map { L.rows.entries[$0] }
            var targets: [Target] = []
            for e in found where !targets.contains(e.target) { targets.append(e.target) }
            if targets.count == 1 { return (targets[0], false) }
            // Prefer sub-rows of the current group, then a matching number.
            if let g = group {
                let inGroup = targets.filter { if case .row(let k) = $0 { return L.groupOf[k] == g }; return false }
                if inGroup.count == 1 { return (inGroup[0], false) }
            }
            let number = LabelText.splitNumbering(cell.normalized).number
            if let number {
                let numbered = found.filter { $0.number == number }
                var ts: [Target] = []
                for e in numbered where !ts.contains(e.target) { ts.append(e.target) }
                if ts.count == 1 { return (ts[0], false) }
            }
            return (nil, true)
        }

        /// The first label of the next non-empty row, to tell whether （六） is a group.
        func nextRowStartsOtherSubRow(after index: Int) -> Bool {
            var j = index + 1
            while j < rows.count {
                let r = rows[j]
                if r.isEmpty || r.cells.allSatisfy({ $0.isEmpty || isHeaderCell($0) }) { j += 1; continue }
                for c in r.cells where !c.isEmpty {
                    let (_, hits) = L.rows.matchIndices(c.normalized)
                    return hits.contains { if case .row(let k) = L.rows.entries[$0].target { return L.otherSubRows.contains(k) }; return false }
                }
                return false
            }
            return false
        }

        /// The cells of a row classified: header labels, row labels, values. The labels end at the
        /// first value, or right after the first label of a value-carrying row ("（一）予以公开"): every
        /// cell after it is a value, text included ("详见附件" is a text value, never part of the
        /// label). After （六）其他处理 an unnumbered text cell that is no sub-row label is a value too
        /// (edition 2019).
        struct Classified {
            var labels: [Label] = []
            var ambiguous: GridCell?
            var firstValue: Int?
            var headerCells = 0
            var unknown: [Int] = []
        }
        func classify(_ row: GridRow) -> Classified {
            func pass(allowHeader: Bool) -> Classified {
                var k = Classified()
                // By index: the cells are read in place, not copied out one by one.
                for i in row.cells.indices where !row.cells[i].isEmpty {
                    let c = row.cells[i]
                    if c.isValueLike {
                        if k.firstValue == nil { k.firstValue = i }
                        continue
                    }
                    if k.firstValue != nil { continue }
                    // After a row's own label every cell is a value, unless it is the rest of that
                    // label wrapped into the next cell ("（二）部分公开" + "（区分处理的，只计这一情形，").
                    if let last = k.labels.last, case .row = last.target, !continuesLabel(last, c) { k.firstValue = i; continue }
                    if isNote(c.normalized) || (allowHeader && k.labels.isEmpty && isHeaderCell(c)) { k.headerCells += 1; continue }
                    let (t, ambiguous) = resolve(c)
                    if let t { k.labels.append(Label(index: i, target: t, text: c.raw)) }
                    else if !ambiguous, case .otherProcessing = k.labels.last?.target,
                            LabelText.splitNumbering(c.normalized).number == nil {
                        // （六）其他处理 as a row (2019) with a text value first; an unknown numbered
                        // text ("4.其他情形") is rather an unknown sub-row (2021).
                        k.firstValue = i
                    } else {
                        if ambiguous { k.ambiguous = c }
                        k.unknown.append(i)
                    }
                }
                return k
            }
            let k = pass(allowHeader: true)
            // A row with values is a data row: header-like words in it ("其他", "总计") are row labels.
            if k.firstValue != nil && k.labels.isEmpty && k.headerCells > 0 { return pass(allowHeader: false) }
            return k
        }
        /// True when a text cell continues a label cell: the two joined are (the start of) the
        /// same row's label, longer than the label cell alone.
        func continuesLabel(_ label: Label, _ cell: GridCell) -> Bool {
            let own = LabelText.splitNumbering(LabelText.normalize(label.text)).core
            let joined = LabelText.splitNumbering(LabelText.normalize(label.text) + cell.normalized).core
            guard joined.utf8.count > own.utf8.count else { return false }
            return L.rows.entries.contains { $0.target == label.target && $0.core.hasPrefix(joined) }
        }
        var carry: GridRow?  // the previous row, when it was unknown text only (maybe a label's first part)

        for (rowIndex, original) in rows.enumerated() {
            var row = original
            row.cells = row.joiningWrappedCells(isLabel: isLabel)
            if row.isEmpty {
                if sawData || sawHeader { draft.consume(row) }
                continue
            }
            var k = classify(row)
            // A label wrapped over two lines: the previous, unknown, text-only row joined to this one.
            if let previous = carry, k.labels.isEmpty, let u = k.unknown.first, u == row.cells.firstIndex(where: { !$0.isEmpty }) {
                var merged = GridRow(cells: previous.cells + row.cells, lines: previous.lines + row.lines)
                merged.cells = merged.joiningWrappedCells(isLabel: isLabel)
                let mk = classify(merged)
                if let last = mk.labels.last, !mk.unknown.contains(where: { $0 > last.index }) {
                    row = merged; k = mk
                    if pendingUnknown.last?.firstLine == previous.firstLine { pendingUnknown.removeLast() }
                }
            }
            carry = nil
            let labelCells = k.labels, ambiguousCell = k.ambiguous, firstValue = k.firstValue
            let headerCells = k.headerCells, unknownText = k.unknown
            let lastLabel = labelCells.last?.index ?? -1
            let unknownAfterLabel = unknownText.contains { $0 > lastLabel }

            // Header row (first or repeated after a page break).
            if labelCells.isEmpty && firstValue == nil && headerCells > 0 {
                draft.openRow = nil
                if !unknownText.isEmpty {
                    let c = row.cells[unknownText[0]]
                    draft.warn("unknown-column", "unknown header cell “\(c.raw)”", line: c.line, column: c.column)
                }
                draft.flushUnknown(&pendingUnknown)
                if sawData && !lastWasHeader {
                    draft.note("repeated-header", "table 2's header is repeated (page break); skipped", line: row.firstLine)
                }
                draft.consume(row)
                sawHeader = true
                lastWasHeader = true
                continue
            }
            lastWasHeader = false
            // Rows without a recognised label.
            if labelCells.isEmpty || unknownAfterLabel {
                // Values continuing a row whose label came alone (a row split by a blank line, or a
                // wrapped label whose second part precedes the values).
                if labelCells.isEmpty && ambiguousCell == nil, let fv = firstValue, unknownText.allSatisfy({ $0 < fv }),
                   let open = draft.openRow, unknownText.isEmpty || TableDraft.trimmedCount(draft.rows[open.index].values) == 0 {
                    let from = unknownText.last.map { $0 + 1 } ?? fv
                    if draft.continueOpenRow(row, values: Array(row.cells[from...])) { continue }
                }
                draft.openRow = nil
                if let c = ambiguousCell {
                    draft.flushUnknown(&pendingUnknown)
                    draft.reject(row, code: "ambiguous-row", reason: "row label “\(c.raw)” fits more than one row here")
                    sawData = true
                } else if !unknownText.isEmpty && firstValue == nil && labelCells.isEmpty {
                    pendingUnknown.append(row)  // prose, or an unknown row without values
                    carry = row
                } else if unknownAfterLabel && firstValue == nil {
                    pendingUnknown.append(row)  // maybe a label and the first part of a wrapped one
                    carry = row
                } else if unknownAfterLabel || !unknownText.isEmpty {
                    draft.flushUnknown(&pendingUnknown)
                    let c = row.cells[unknownText.first { $0 > lastLabel } ?? unknownText[0]]
                    draft.reject(row, code: "unknown-row", reason: "unknown row “\(c.raw)” in table 2")
                    sawData = true
                } else {
                    draft.flushUnknown(&pendingUnknown)
                    draft.reject(row, code: "orphan-values", reason: "values without a row label in table 2")
                    sawData = true
                }
                continue
            }
            draft.flushUnknown(&pendingUnknown)
            draft.openRow = nil
            sawData = true
            let strays = unknownText.filter { $0 < lastLabel }.map { row.cells[$0] }
            if !strays.isEmpty {
                draft.rejectCells(strays, code: "unknown-label", reason: "unknown label cell(s) before the row label in table 2")
            }
            // Walk the labels, updating the group; the last one says what the row is.
            var rowKey: String?
            var groupOnly = false
            let values = Array(row.cells[(lastLabel + 1)...])
            let hasValues = values.contains { !$0.isEmpty }
            for (n, label) in labelCells.enumerated() {
                let isLast = n == labelCells.count - 1
                switch label.target {
                case .results:
                    group = nil
                    if isLast { groupOnly = true }
                case .group(let g):
                    group = g
                    if isLast { groupOnly = true }
                case .otherProcessing:
                    group = L.otherGroup
                    if isLast {
                        // A row of its own (2019) when values follow or the next row is no sub-row of it.
                        let asRow = hasValues || values.count >= ConceptTable.t2Columns.count
                            || !nextRowStartsOtherSubRow(after: rowIndex)
                        if asRow { rowKey = otherRowKey } else { groupOnly = true }
                    }
                case .row(let k):
                    group = L.groupOf[k]
                    if isLast { rowKey = k }
                }
            }
            if groupOnly {
                if case .otherProcessing = labelCells.last?.target { draft.evidence.add(.e2021, line: row.firstLine) }
                if hasValues {
                    draft.reject(row, code: "group-values", reason: "values on the group row “\(labelCells.last?.text ?? "")”, which has none in the official table")
                } else {
                    draft.consume(row)
                }
                continue
            }
            guard let key = rowKey else { continue }
            if key == otherRowKey { draft.evidence.add(.e2019, line: row.firstLine) }
            if L.otherSubRows.contains(key) { draft.evidence.add(.e2021, line: row.firstLine) }
            draft.addRow(DraftRow(block: "main", rowKey: key, columns: nil, values: values, source: row),
                         label: L.rowLabel[key] ?? key, capacity: ConceptTable.t2Columns.count)
        }
        // Unknown rows after the last table row are prose: left unconsumed.
        return draft
    }
}
