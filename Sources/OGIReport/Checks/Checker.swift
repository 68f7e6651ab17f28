/// Runs the consistency rules (勾稽关系 R1, R3, R4, R5 of ``RuleSet``) and the advisories
/// (``Advisories``) over a report.
public enum Checker {
    /// Every rule result for the report, in a stable order: the rules of ``RuleSet/rules`` in
    /// order, each over its instances in layout order, then the advisories.
    public static func run(_ report: Report) -> [CheckResult] {
        let edition = self.edition(of: report)
        let index = RuleEvaluator.CellIndex(report)
        var results: [CheckResult] = []
        var layouts: [TableID: Edition] = [:]
        for t in TableID.allCases { layouts[t] = layoutEdition(of: t, in: report) ?? edition }
        for rule in RuleSet.rules {
            let e = layouts[rule.table] ?? edition
            for inst in RuleSet.instances(e) where inst.rule.id == rule.id {
                results.append(RuleEvaluator.evaluate(inst, in: index, edition: e))
            }
        }
        return results + Advisories.run(report, edition: edition)
    }

    /// The edition the rules are expanded for: the report's own, else the one whose layout the
    /// report's cells belong to, else 2021.
    public static func edition(of report: Report) -> Edition {
        if let e = report.metadata.edition { return e }
        for t in report.tables {
            for c in t.cells {
                if let editions = ConceptTable.byID[c.concept]?.editions, editions.count == 1, let e = editions.first {
                    return e
                }
            }
        }
        return .e2021
    }

    /// The edition whose layout a table's cells follow, when its cells tell (reports that mix
    /// the editions exist: table 2 with one （六） row under 2021 headers elsewhere).
    public static func layoutEdition(of table: TableID, in report: Report) -> Edition? {
        guard let t = report.table(table) else { return nil }
        for c in t.cells {
            if let editions = ConceptTable.byID[c.concept]?.editions, editions.count == 1, let e = editions.first {
                return e
            }
        }
        return nil
    }

    /// True when a result should make a check fail: a FAIL of an error-severity rule.
    public static func isFailure(_ r: CheckResult) -> Bool { r.status == .fail && r.severity == .error }

    /// True when an error rule could not be assessed because a cell it needs holds text where a
    /// number belongs ("353 件", a cell a reader could not read as a number): a finding, not "all good".
    public static func isBlockedByText(_ r: CheckResult, in report: Report) -> Bool {
        r.status == .notAssessable && r.severity == .error && r.cells.contains { report.cell($0.concept)?.presence == .text }
    }
}
