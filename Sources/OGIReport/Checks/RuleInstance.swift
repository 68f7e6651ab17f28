/// One term of an expanded rule: a label and the cells it sums (one cell, or the sub-rows of a
/// group such as （三）1–8).
public struct InstanceTerm: Sendable, Hashable {
    public let sign: Int
    /// Short official label, e.g. "一", "Σ（三）", "自然人".
    public let label: String
    /// The cells summed by this term; empty when the edition's layout has no such cell.
    public let concepts: [ConceptID]
}

/// A rule applied to one column, row or group of a table in one edition.
public struct RuleInstance: Sendable, Hashable {
    public let rule: Rule
    /// ASCII name of what the rule is applied to, e.g. "column naturalPerson", "row withheld.stateSecret".
    public let instance: String
    /// Where, with official labels, e.g. "in column 自然人".
    public let place: String
    public let left: [InstanceTerm]
    public let right: [InstanceTerm]

    /// The equation with official labels and the given relation, e.g. "一+二 = （七）总计+四 in column 自然人".
    public func formula(relation: String = "=", place withPlace: Bool = true) -> String {
        RuleInstance.side(left) + " " + relation + " " + RuleInstance.side(right) + (withPlace ? " " + place : "")
    }

    static func side(_ terms: [InstanceTerm]) -> String {
        var s = ""
        for (i, t) in terms.enumerated() {
            if t.sign < 0 { s += "-" } else if i > 0 { s += "+" }
            s += t.label
        }
        return s
    }

    /// Every cell the instance needs, left side first, in formula order.
    public var concepts: [ConceptID] { (left + right).flatMap(\.concepts) }
}

extension Rule {
    /// The rule expanded over the table layout of an edition (from ``ConceptTable/spec(_:_:)``).
    public func instances(_ edition: Edition) -> [RuleInstance] {
        let spec = ConceptTable.spec(table, edition)
        var out: [RuleInstance] = []
        for block in spec.blocks {
            switch scope {
            case .eachColumn:
                for col in block.columns {
                    func expand(_ t: RuleTerm) -> InstanceTerm {
                        let rows = block.rows.filter { $0.key == t.key || $0.key.hasPrefix(t.key + ".") }
                        let ids = rows.map { ConceptTable.id(table, rowKey: $0.key, columnKey: col.key) }
                        let label: String
                        if rows.count == 1, rows[0].key == t.key {
                            label = ShortLabel.row(rows[0])
                        } else if let g = rows.first?.parents.last {
                            label = ShortLabel.group(g)
                        } else {
                            label = t.key
                        }
                        return InstanceTerm(sign: t.sign, label: label, concepts: ids)
                    }
                    out.append(RuleInstance(rule: self, instance: "column " + col.key,
                                            place: "in column " + ShortLabel.column(col),
                                            left: left.map(expand), right: right.map(expand)))
                }
            case .eachRow:
                for row in block.rows {
                    func expand(_ t: RuleTerm) -> InstanceTerm {
                        guard let col = block.columns.first(where: { $0.key == t.key }) else {
                            return InstanceTerm(sign: t.sign, label: t.key, concepts: [])
                        }
                        return InstanceTerm(sign: t.sign, label: ShortLabel.column(col),
                                            concepts: [ConceptTable.id(table, rowKey: row.key, columnKey: col.key)])
                    }
                    let name = row.key.isEmpty ? "row" : "row " + row.key
                    let label = row.label.isEmpty ? "the row" : "row " + ShortLabel.row(row)
                    out.append(RuleInstance(rule: self, instance: name, place: "in " + label,
                                            left: left.map(expand), right: right.map(expand)))
                }
            case .eachGroup:
                var groups: [(key: String, label: String)] = []
                for col in block.columns {
                    guard let dot = col.key.lastIndex(of: ".") else { continue }
                    let g = String(col.key[..<dot])
                    if !groups.contains(where: { $0.key == g }) { groups.append((g, ShortLabel.columnGroup(col))) }
                }
                for row in block.rows {
                    for g in groups {
                        func expand(_ t: RuleTerm) -> InstanceTerm {
                            let key = g.key + "." + t.key
                            guard let col = block.columns.first(where: { $0.key == key }) else {
                                return InstanceTerm(sign: t.sign, label: t.key, concepts: [])
                            }
                            return InstanceTerm(sign: t.sign, label: col.label,
                                                concepts: [ConceptTable.id(table, rowKey: row.key, columnKey: key)])
                        }
                        let name = "group " + g.key + (row.key.isEmpty ? "" : " row " + row.key)
                        out.append(RuleInstance(rule: self, instance: name, place: "in group " + g.label,
                                                left: left.map(expand), right: right.map(expand)))
                    }
                }
            }
        }
        return out
    }
}
