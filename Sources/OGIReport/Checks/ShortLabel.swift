/// Short forms of the official labels, derived from ``ConceptTable`` (never retyped):
/// "一" for 一、本年新收政府信息公开申请数量, "（一）" for （一）予以公开, "（三）1" for 1.属于国家秘密
/// under （三）不予公开, "（七）总计" when the words after the numbering are that short.
public enum ShortLabel {
    /// The numbering at the start of a label: "一" (一、…), "（一）" (（一）…), "1" (1.…); nil if none.
    public static func numbering(_ label: String) -> String? {
        let s = Array(label.unicodeScalars)
        guard let first = s.first else { return nil }
        if first == "（" || first == "(" {
            guard let close = s.firstIndex(where: { $0 == "）" || $0 == ")" }), close > 1 else { return nil }
            return "（" + String(String.UnicodeScalarView(s[1..<close])) + "）"
        }
        let digits = s.prefix { ("0"..."9").contains($0) }
        if !digits.isEmpty, digits.count < s.count, s[digits.count] == "." || s[digits.count] == "．" {
            return String(String.UnicodeScalarView(digits))
        }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let cjk = s.prefix { numerals.contains($0) }
        if !cjk.isEmpty, cjk.count < s.count, s[cjk.count] == "、" {
            return String(String.UnicodeScalarView(cjk))
        }
        return nil
    }

    /// The words after the numbering (and its "、" or "."), or the whole label.
    static func words(_ label: String) -> String {
        guard let n = numbering(label) else { return label }
        var rest = Substring(label).unicodeScalars.dropFirst(n.unicodeScalars.count)
        if let f = rest.first, f == "、" || f == "." || f == "．" { rest = rest.dropFirst() }
        return String(String.UnicodeScalarView(rest))
    }

    /// Short form of a row: its numbering, prefixed by its group's numbering for sub-rows;
    /// the whole label when the words are two characters or fewer (（七）总计).
    public static func row(_ row: RowSpec) -> String {
        guard let n = numbering(row.label) else { return row.label }
        if row.parents.count >= 2, let g = row.parents.last, let gn = numbering(g) {
            return gn + n
        }
        return words(row.label).count <= 2 ? row.label : n
    }

    /// Short form of a group of sub-rows: "Σ（三）".
    public static func group(_ groupLabel: String) -> String {
        "Σ" + (numbering(groupLabel) ?? groupLabel)
    }

    /// Short form of a column: its label; a label of two characters or fewer under a group
    /// names the group too ("法人或其他组织·其他").
    public static func column(_ column: ColumnSpec) -> String {
        if column.parents.count >= 2, column.label.count <= 2, let p = column.parents.last {
            return p + "·" + column.label
        }
        return column.label
    }

    /// The label of a column group (table 3): its parents, e.g. "行政诉讼 未经复议直接起诉".
    public static func columnGroup(_ column: ColumnSpec) -> String {
        column.parents.joined(separator: " ")
    }

    /// A short name of one cell, e.g. "一 自然人", "（三）1 总计", "行政复议 总计", "规章 本年制发件数".
    public static func concept(_ id: ConceptID, edition: Edition? = nil) -> String {
        guard let c = ConceptTable.byID[id] else { return id }
        let e = edition.flatMap { c.editions.contains($0) ? $0 : nil } ?? (c.editions.contains(.e2021) ? .e2021 : .e2019)
        return (e == .e2019 ? conceptLabels2019 : conceptLabels2021)[id] ?? id
    }

    private static let conceptLabels2019 = conceptLabels(.e2019)
    private static let conceptLabels2021 = conceptLabels(.e2021)

    private static func conceptLabels(_ e: Edition) -> [ConceptID: String] {
        var out: [ConceptID: String] = [:]
        for c in ConceptTable.concepts(e) { out[c.id] = computeConcept(c, e) }
        return out
    }

    private static func computeConcept(_ c: Concept, _ e: Edition) -> String {
        let id = c.id
        let spec = ConceptTable.spec(c.table, e)
        guard let block = spec.blocks.first(where: { $0.key == c.block }),
              let r = block.rows.first(where: { $0.key == c.rowKey }),
              let col = block.columns.first(where: { $0.key == c.columnKey }) else { return id }
        switch c.table {
        case .t1: return r.label + " " + col.label
        case .t2: return row(r) + " " + column(col)
        case .t3: return columnGroup(col) + " " + col.label
        }
    }
}
