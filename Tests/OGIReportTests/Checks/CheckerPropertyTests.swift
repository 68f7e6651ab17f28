import Foundation
import Testing
@testable import OGIReport

/// Properties of the rules over random consistent models, in both editions.
@Suite struct CheckerPropertyTests {
    static let rulePrefix = "OGI-R"

    func ruleResults(_ r: Report) -> [CheckResult] { Checker.run(r).filter { $0.rule.hasPrefix(Self.rulePrefix) } }

    @Test(arguments: Edition.allCases)
    func consistentModelsPassEveryRule(_ edition: Edition) {
        var rng = SeededRNG(seed: 0xC0FFEE + UInt64(edition == .e2019 ? 1 : 2))
        for _ in 0..<20 {
            let report = ConsistentReport.make(edition, rng: &rng)
            let results = Checker.run(report)
            let rules = results.filter { $0.rule.hasPrefix(Self.rulePrefix) }
            #expect(rules.count == 7 + 7 + (edition == .e2019 ? 23 : 25) + 3)
            for r in rules { #expect(r.status == .pass, "\(r.rule) \(r.instance): \(r.message)") }
            // A complete report with no narrative numbers has nothing to advise.
            #expect(results.filter { !$0.rule.hasPrefix(Self.rulePrefix) }.isEmpty)
        }
    }

    /// Changing any single cell of tables 2 and 3 makes at least one rule fail, and every
    /// failing result names that cell (with its position).
    @Test(arguments: Edition.allCases)
    func changingAnyCellFailsARuleNamingIt(_ edition: Edition) {
        var rng = SeededRNG(seed: 42 + UInt64(edition == .e2019 ? 1 : 2))
        for round in 0..<2 {
            let base = ConsistentReport.make(edition, rng: &rng)
            for c in ConsistentReport.ruleConcepts(edition) {
                var r = base
                let delta = Decimal(Int.random(in: 1...5, using: &rng) * (round == 0 ? 1 : -1))
                var position: SourcePosition?
                ConsistentReport.set(&r, c.id) { cell in
                    let n = (cell.number ?? 0) + delta
                    cell = CellValue.number(c.id, n, position: cell.position)
                    position = cell.position
                }
                let fails = ruleResults(r).filter { $0.status == .fail }
                #expect(!fails.isEmpty, "changing \(c.id) went unnoticed")
                for f in fails {
                    #expect(f.cells.contains(CellRef(concept: c.id, position: position)),
                            "\(f.rule) \(f.instance) fails without naming \(c.id)")
                    #expect(f.difference != 0)
                }
                #expect(ruleResults(r).allSatisfy { $0.status == .pass || $0.status == .fail })
            }
        }
    }

    /// A blank, not-applicable or text cell makes every rule that needs it NOT_ASSESSABLE (never
    /// FAIL), pointing at that cell; every other instance still passes.
    @Test(arguments: Edition.allCases)
    func unusableCellIsNotAssessableNeverFail(_ edition: Edition) {
        var rng = SeededRNG(seed: 7 + UInt64(edition == .e2019 ? 1 : 2))
        let base = ConsistentReport.make(edition, rng: &rng)
        let kinds: [Presence] = [.blank, .notApplicable, .text]
        for (i, c) in ConsistentReport.ruleConcepts(edition).enumerated() {
            var r = base
            let presence = kinds[i % kinds.count]
            ConsistentReport.set(&r, c.id) { cell in
                cell = CellValue(concept: c.id, presence: presence, raw: presence == .text ? "见附件" : nil, position: cell.position)
            }
            let results = ruleResults(r)
            #expect(!results.contains { $0.status == .fail }, "a \(presence) \(c.id) made a rule fail")
            let na = results.filter { $0.status == .notAssessable }
            #expect(!na.isEmpty)
            for n in na {
                #expect(n.cells.first?.concept == c.id, "\(n.rule) \(n.instance) points elsewhere")
                #expect(n.left == nil && n.right == nil)
            }
            for p in results where p.status == .pass { #expect(!p.cells.contains { $0.concept == c.id }) }
        }
    }

    /// A doubtful cell makes the rules that need it UNCERTAIN, whether the sums agree or not.
    @Test(arguments: Edition.allCases)
    func doubtfulCellIsUncertain(_ edition: Edition) {
        var rng = SeededRNG(seed: 99 + UInt64(edition == .e2019 ? 1 : 2))
        let base = ConsistentReport.make(edition, rng: &rng)
        let sample = ConsistentReport.ruleConcepts(edition).shuffled(using: &rng).prefix(40)
        for c in sample {
            for delta in [Decimal(0), Decimal(3)] {
                var r = base
                ConsistentReport.set(&r, c.id) { cell in
                    cell.number = (cell.number ?? 0) + delta
                    cell.presence = cell.number == 0 ? .zero : .value
                    cell.uncertain = true
                }
                let results = ruleResults(r)
                let uncertain = results.filter { $0.status == .uncertain }
                #expect(!uncertain.isEmpty)
                #expect(!results.contains { $0.status == .fail })
                for u in uncertain {
                    #expect(u.cells.first?.concept == c.id)
                    #expect(u.message.contains(delta == 0 ? "the sums agree" : "the sums differ"))
                }
            }
        }
    }

    /// Without a table, its rules are NOT_ASSESSABLE and the advisory says the table is missing.
    @Test func missingTableIsNotAssessable() {
        var rng = SeededRNG(seed: 5)
        var r = ConsistentReport.make(.e2021, rng: &rng)
        r.tables.removeAll { $0.id == .t2 }
        let results = Checker.run(r)
        #expect(results.filter { $0.rule.hasPrefix("OGI-R") && $0.rule != "OGI-R5" }.allSatisfy { $0.status == .notAssessable })
        #expect(results.filter { $0.rule == "OGI-R5" }.allSatisfy { $0.status == .pass })
        #expect(results.contains { $0.rule == "OGI-A3" && $0.instance == "table t2" && $0.severity == .warning })
        let r1 = results.first { $0.rule == "OGI-R1" }
        #expect(r1?.message.hasSuffix("not assessable: table 2 is missing") == true)
    }
}
