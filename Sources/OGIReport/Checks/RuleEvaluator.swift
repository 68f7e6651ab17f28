import Foundation

/// Evaluates one expanded rule on a report, four-valued: PASS, FAIL, NOT_ASSESSABLE (a needed
/// cell is missing, blank, a not-applicable mark or text) and UNCERTAIN (a needed number was
/// read from a doubtful cell). Never turns a blank into a zero.
///
/// The result's `cells` list the cell the diagnostic points at first: for PASS and FAIL the
/// first cell of the left side (the total the rule is about), for NOT_ASSESSABLE the first
/// unusable cell, for UNCERTAIN the first doubtful cell; then the other cells in formula order.
public enum RuleEvaluator {
    /// Why a needed cell has no usable number.
    enum Problem: Equatable {
        case missingTable, missingCell, noLayoutCell(String), blank, notApplicable, text(String?)

        var phrase: String {
            switch self {
            case .missingTable: return "missing (no table)"
            case .missingCell: return "missing"
            case .noLayoutCell(let label): return "not in this edition's layout (\(label))"
            case .blank: return "blank"
            case .notApplicable: return "not applicable"
            case .text(let raw): return "text" + (raw.map { " \"\($0)\"" } ?? "")
            }
        }
    }

    /// The result of one rule instance on a report whose tables follow `edition`'s layout.
    public static func evaluate(_ inst: RuleInstance, in report: Report, edition: Edition) -> CheckResult {
        evaluate(inst, in: CellIndex(report), edition: edition)
    }

    static func evaluate(_ inst: RuleInstance, in index: CellIndex, edition: Edition) -> CheckResult {
        let table = index.tables[inst.rule.table]
        var problems: [(ref: CellRef, problem: Problem)] = []
        var doubtful: [CellRef] = []
        var refs: [CellRef] = []
        var values: [ConceptID: Decimal] = [:]
        var layoutGaps: [String] = []

        for term in inst.left + inst.right {
            if term.concepts.isEmpty { layoutGaps.append(term.label) }
            for id in term.concepts {
                let cell = table?[id]
                let ref = CellRef(concept: id, position: cell?.position)
                refs.append(ref)
                guard table != nil else { problems.append((ref, .missingTable)); continue }
                guard let c = cell else { problems.append((ref, .missingCell)); continue }
                switch c.presence {
                case .blank: problems.append((ref, .blank)); continue
                case .notApplicable: problems.append((ref, .notApplicable)); continue
                case .text: problems.append((ref, .text(c.raw))); continue
                case .value, .zero: break
                }
                guard let n = c.number else { problems.append((ref, .text(c.raw))); continue }
                values[id] = n
                if c.uncertain { doubtful.append(ref) }
            }
        }

        let rule = inst.rule
        if !problems.isEmpty || !layoutGaps.isEmpty {
            var parts: [String] = layoutGaps.map { "\($0) has no cell in edition \(edition.rawValue)" }
            if problems.allSatisfy({ $0.problem == .missingTable }), !problems.isEmpty {
                parts.append(missingTable(rule.table))
            } else {
                parts += problems.map { p in
                    "\(ShortLabel.concept(p.ref.concept, edition: edition)) is \(p.problem.phrase)" + location(p.ref)
                }
            }
            let first = problems.map(\.ref)
            return CheckResult(rule: rule.id, severity: rule.severity, status: .notAssessable, instance: inst.instance,
                               formula: inst.formula(), message: inst.formula() + ": not assessable: " + parts.joined(separator: "; "),
                               cells: first + refs.filter { !first.contains($0) })
        }

        func termValue(_ t: InstanceTerm) -> Decimal { t.concepts.reduce(Decimal(0)) { $0 + (values[$1] ?? 0) } }
        func sum(_ terms: [InstanceTerm]) -> Decimal { terms.reduce(Decimal(0)) { $0 + Decimal(t: $1.sign) * termValue($1) } }
        func listing(_ terms: [InstanceTerm]) -> String {
            var s = ""
            for (i, t) in terms.enumerated() {
                let v = termValue(t)
                if i == 0 { s += t.sign < 0 ? "-" + format(v) : format(v) } else { s += (t.sign < 0 ? " - " : " + ") + format(v) }
            }
            return s
        }
        func side(_ terms: [InstanceTerm], _ total: Decimal) -> String {
            terms.count == 1 && terms[0].sign > 0 ? format(total) : listing(terms) + " = " + format(total)
        }

        let l = sum(inst.left), r = sum(inst.right)
        let agree = l == r
        let shown = side(inst.left, l) + (agree ? ", and " : ", but ") + side(inst.right, r)
        if !doubtful.isEmpty {
            let names = doubtful.map { ShortLabel.concept($0.concept, edition: edition) + location($0) }.joined(separator: ", ")
            let msg = inst.formula(relation: agree ? "=" : "≠") + ": uncertain: " + shown
                + (agree ? " (the sums agree)" : " (the sums differ by \(format(l - r)))")
                + ", but read from a doubtful cell: " + names
            return CheckResult(rule: rule.id, severity: rule.severity, status: .uncertain, instance: inst.instance,
                               formula: inst.formula(), left: l, right: r, message: msg,
                               cells: doubtful + refs.filter { !doubtful.contains($0) })
        }
        let msg = inst.formula(relation: agree ? "=" : "≠") + ": " + shown
        return CheckResult(rule: rule.id, severity: rule.severity, status: agree ? .pass : .fail, instance: inst.instance,
                           formula: inst.formula(), left: l, right: r, message: msg, cells: refs)
    }

    static func missingTable(_ t: TableID) -> String { "table \(t.rawValue.dropFirst()) is missing" }

    /// The end of the message of a result that is not assessable because its table is missing.
    static func missingTableSuffix(_ r: CheckResult) -> String {
        guard let rule = RuleSet.rule(r.rule) else { return "\u{0}" }
        return ": " + missingTable(rule.table)
    }

    /// The cells of a report by table and concept, for lookups in constant time.
    struct CellIndex {
        var tables: [TableID: [ConceptID: CellValue]] = [:]

        init(_ report: Report) {
            for t in report.tables where tables[t.id] == nil {
                var cells: [ConceptID: CellValue] = [:]
                for c in t.cells where cells[c.concept] == nil { cells[c.concept] = c }
                tables[t.id] = cells
            }
        }
    }

    static func location(_ ref: CellRef) -> String {
        guard let p = ref.position else { return "" }
        return " (line \(p.line))"
    }

    /// A decimal as plain text ("1", "-3", "282.1").
    static func format(_ d: Decimal) -> String { NSDecimalNumber(decimal: d).stringValue }
}

private extension Decimal {
    init(t sign: Int) { self = sign < 0 ? -1 : 1 }
}
