/// A stable ASCII identifier of one statistic, e.g. `t2.withheld.stateSecret.naturalPerson`.
public typealias ConceptID = String

/// One statistic of the national format: a cell of one of the three tables.
///
/// Concepts are derived from the ``TableSpec``s in ``ConceptTable``; the official Chinese
/// labels per edition are data attached to the id.
public struct Concept: Sendable, Hashable {
    /// Stable ASCII id: `t{table}.{row key}.{column key}` (the row key is empty in table 3).
    public let id: ConceptID
    public let table: TableID
    /// Block key inside the table (`item1`…`item9` for table 1, `main` otherwise).
    public let block: String
    public let rowKey: String
    public let columnKey: String
    public let kind: ValueKind
    /// The editions whose tables have this cell.
    public let editions: Set<Edition>
    /// Official labels per edition.
    public let labels: [Edition: ConceptLabel]

    /// The label of the row and column in the given edition (or any edition that has the concept).
    public func label(in edition: Edition? = nil) -> ConceptLabel {
        if let e = edition, let l = labels[e] { return l }
        return labels[.e2021] ?? labels[.e2019]!
    }
}

/// How a concept is printed: its row label path and column label path, both official.
public struct ConceptLabel: Sendable, Hashable {
    /// Block caption (table 1: 第二十条第（一）项) or nil.
    public let caption: String?
    /// Group labels above the row label, outermost first (e.g. 三、本年度办理结果, （三）不予公开).
    public let rowParents: [String]
    public let row: String
    /// Group labels above the column label, outermost first (e.g. 申请人情况, 法人或其他组织).
    public let columnParents: [String]
    public let column: String

    /// A short human label, e.g. "（三）不予公开 1.属于国家秘密 / 自然人" or, for table 3,
    /// "行政诉讼 复议后起诉 总计".
    public var short: String {
        let rowPart = (rowParents.count > 1 ? Array(rowParents.dropFirst()) : []) + (row.isEmpty ? [] : [row])
        if rowPart.isEmpty { return (columnParents + [column]).joined(separator: " ") }
        let colPart = (columnParents.isEmpty ? [] : [columnParents[columnParents.count - 1]]) + [column]
        return rowPart.joined(separator: " ") + " / " + colPart.joined(separator: " ")
    }
}
