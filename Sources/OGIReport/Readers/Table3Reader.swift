/// Reads table 3 (行政复议、行政诉讼): header rows (行政复议 / 行政诉讼 / 未经复议直接起诉 / 复议后起诉 /
/// five result columns × 3, cells possibly wrapped "结果\n纠正" or spaced "结果 维持"), then one row
/// of 15 values in the official column order. Same in both editions.
enum Table3Reader {

    /// Every header label of table 3 (column labels and their group labels), normalised.
    static let headerLabels: Set<String> = {
        var s: Set<String> = []
        for c in ConceptTable.t3Columns {
            s.insert(LabelText.normalize(c.label))
            for p in c.parents { s.insert(LabelText.normalize(p)) }
        }
        return s
    }()

    static func scan(_ grid: TableGrid, fileName: String) -> TableDraft {
        var draft = TableDraft(table: .t3, fileName: fileName, grid: grid)
        var pendingUnknown: [GridRow] = []
        var headerLabelsSeen: Set<String> = []

        func flushUnknown() {
            if draft.foundTable {
                for r in pendingUnknown {
                    let c = r.cells.first { !$0.isEmpty }
                    draft.reject(r, code: "unknown-row", reason: "unknown row “\(c?.raw ?? "")” in table 3")
                }
            }
            pendingUnknown.removeAll()
        }

        for row in grid.rows {
            if row.isEmpty { if draft.foundTable { draft.consume(row) }; continue }
            let nonEmpty = row.nonEmptyCells
            let headerCount = nonEmpty.filter { headerLabels.contains($0.normalized) }.count
            let firstValue = row.cells.firstIndex { !$0.isEmpty && CellValueParser.isValueLike($0.raw) }
            if firstValue == nil && headerCount > 0 {
                flushUnknown()
                for c in nonEmpty where !headerLabels.contains(c.normalized) {
                    draft.warn("unknown-column", "unknown header cell “\(c.raw)” in table 3", line: c.line, column: c.column)
                }
                for c in nonEmpty { headerLabelsSeen.insert(c.normalized) }
                draft.consume(row)
                continue
            }
            guard let fv = firstValue else { pendingUnknown.append(row); continue }
            // Text cells before the first value: a row label of some kind ("数量"), kept with the row.
            let labelEnd = row.cells[..<fv].lastIndex { !$0.isEmpty } ?? -1
            flushUnknown()
            let values = Array(row.cells[(labelEnd + 1)...])
            if !draft.foundTable || headerLabelsSeen.isEmpty {
                draft.warn("missing-header", "table 3's values without its header; columns taken in the official order",
                           line: row.firstLine)
            }
            draft.addRow(DraftRow(block: "main", rowKey: "", columns: nil, values: values, source: row), label: "(values)")
        }
        let missing = ConceptTable.t3Columns.map { LabelText.normalize($0.label) }.filter { !headerLabelsSeen.contains($0) }
        if !headerLabelsSeen.isEmpty && !missing.isEmpty {
            draft.warn("missing-column", "table 3's header lacks \(Set(missing).sorted().joined(separator: ", "))",
                       line: draft.firstLine)
        }
        return draft
    }
}
