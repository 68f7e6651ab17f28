/// Reads table 3 (行政复议、行政诉讼): header rows (行政复议 / 行政诉讼 / 未经复议直接起诉 / 复议后起诉 /
/// five result columns × 3, cells possibly wrapped "结果\n纠正" or spaced "结果 维持"), then one row
/// of 15 values in the official column order. Same in both editions.
enum Table3Reader {

    /// Every header label of table 3 (column labels and their group labels), normalised.
    static let headerLabels: Set<ByteKey> = {
        var s: Set<ByteKey> = []
        for c in ConceptTable.t3Columns {
            s.insert(ByteKey(LabelText.normalize(c.label)))
            for p in c.parents { s.insert(ByteKey(LabelText.normalize(p))) }
        }
        return s
    }()

    static func scan(_ grid: TableGrid, fileName: String) -> TableDraft {
        var draft = TableDraft(table: .t3, fileName: fileName, grid: grid)
        var pendingUnknown: [GridRow] = []
        var headerLabelsSeen: Set<ByteKey> = []

        func flushUnknown() { draft.flushUnknown(&pendingUnknown) }

        for var row in grid.rows {
            // A row of blank cells right after the header, as many as the table has columns, is the
            // value row of a report that left them blank (a tab or a grid cell is structure).
            if row.isEmpty, !headerLabelsSeen.isEmpty, draft.rows.isEmpty, row.cells.count >= ConceptTable.t3Columns.count {
                flushUnknown()
                draft.addRow(DraftRow(block: "main", rowKey: "", columns: nil, values: Array(row.cells.suffix(ConceptTable.t3Columns.count)), source: row),
                             label: "(values)", capacity: ConceptTable.t3Columns.count)
                continue
            }
            if row.isEmpty { if draft.foundTable { draft.consume(row) }; continue }
            row.cells = row.joiningWrappedCells { headerLabels.contains(ByteKey($0)) ? .exact : nil }
            let nonEmpty = row.nonEmptyCells
            let headerCount = nonEmpty.filter { headerLabels.contains(ByteKey($0.normalized)) }.count
            let firstValue = row.cells.firstIndex { !$0.isEmpty && $0.isValueLike }
            if firstValue == nil && headerCount > 0 {
                flushUnknown()
                draft.openRow = nil
                for c in nonEmpty where !headerLabels.contains(ByteKey(c.normalized)) {
                    draft.warn("unknown-column", "unknown header cell “\(c.raw)” in table 3", line: c.line, column: c.column)
                }
                for c in nonEmpty { headerLabelsSeen.insert(ByteKey(c.normalized)) }
                draft.consume(row)
                continue
            }
            guard let fv = firstValue else { pendingUnknown.append(row); continue }
            // Text cells before the first value: header labels on the same row, or a row label of
            // some kind ("数量"), kept with the row. The data row is the 15 cells in order, whatever
            // they contain: text cells after the last header label are values ("详见附件\t0…")
            // unless the row then has more cells than the table has columns (a row label).
            var labelEnd = row.cells[..<fv].lastIndex { !$0.isEmpty } ?? -1
            if labelEnd >= 0 {
                let headerEnd = row.cells[..<fv].lastIndex { headerLabels.contains(ByteKey($0.normalized)) } ?? -1
                let candidate = row.cells[(headerEnd + 1)...].drop { $0.isEmpty }
                if TableDraft.trimmedCount(Array(candidate)) <= ConceptTable.t3Columns.count {
                    labelEnd = headerEnd
                }
            }
            for c in row.cells[..<fv] where headerLabels.contains(ByteKey(c.normalized)) { headerLabelsSeen.insert(ByteKey(c.normalized)) }
            flushUnknown()
            let values = Array(row.cells[(labelEnd + 1)...])
            if labelEnd < 0 && draft.continueOpenRow(row, values: values) { continue }
            if headerLabelsSeen.isEmpty && draft.rows.isEmpty {
                draft.warn("missing-header", "table 3's values without its header; columns taken in the official order",
                           line: row.firstLine)
            }
            draft.addRow(DraftRow(block: "main", rowKey: "", columns: nil, values: values, source: row), label: "(values)",
                         capacity: ConceptTable.t3Columns.count)
        }
        let missing = ConceptTable.t3Columns.map { LabelText.normalize($0.label) }.filter { !headerLabelsSeen.contains(ByteKey($0)) }
        if !headerLabelsSeen.isEmpty && !missing.isEmpty {
            draft.warn("missing-column", "table 3's header lacks \(Set(missing).sorted().joined(separator: ", "))",
                       line: draft.firstLine)
        }
        return draft
    }
}
