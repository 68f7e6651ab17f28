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
        do {
            let base = ConsistentReport.make(edition, rng: &rng)
            for c in ConsistentReport.ruleConcepts(edition) {
                var r = base
                let delta = Decimal(Int.random(in: 1...5, using: &rng) * (Bool.random(using: &rng) ? 1 : -1))
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

    /// A report that mixes the editions: table 2's own layout decides how （六） expands.
    @Test func mixedEditionsFollowTable2Layout() {
        var rng = SeededRNG(seed: 11)
        let t2of2019 = ConsistentReport.make(.e2019, rng: &rng)
        var r = ConsistentReport.make(.e2021, rng: &rng)
        r.tables.removeAll { $0.id == .t2 }
        r.tables.append(t2of2019.table(.t2)!)
        #expect(Checker.edition(of: r) == .e2021)
        #expect(Checker.layoutEdition(of: .t2, in: r) == .e2019)
        let rules = ruleResults(r)
        #expect(rules.count == 7 + 7 + 23 + 3)
        #expect(rules.allSatisfy { $0.status == .pass })
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

/// The same properties through text: random models printed by the template writer and read back
/// by the text reader. Every FAIL points at the changed cell's place in the printed text.
@Suite(.enabled(if: Availability.textReader, "needs the text reader"))
struct CheckerThroughTextTests {
    @Test(arguments: Edition.allCases)
    func printedAndReadBack(_ edition: Edition) throws {
        var rng = SeededRNG(seed: 0x7E57 + UInt64(edition == .e2019 ? 1 : 2))
        for _ in 0..<3 {
            var base = ConsistentReport.make(edition, rng: &rng)
            base.metadata.agency = "示例局"
            let text = TemplateWriter.write(base, format: .text)
            let read = try TextReportReader.read(Data(text.utf8), fileName: "model.txt").report
            let rules = Checker.run(read).filter { $0.rule.hasPrefix("OGI-R") }
            #expect(rules.count == 7 + 7 + (edition == .e2019 ? 23 : 25) + 3)
            #expect(rules.allSatisfy { $0.status == .pass }, "\(rules.filter { $0.status != .pass }.map(\.message))")

            for c in ConsistentReport.ruleConcepts(edition).shuffled(using: &rng).prefix(15) {
                var changed = base
                var newValue = Decimal(0)
                ConsistentReport.set(&changed, c.id) { cell in
                    newValue = (cell.number ?? 0) + Decimal(Int.random(in: 1...9, using: &rng))
                    cell = .number(c.id, newValue)
                }
                let printed = TemplateWriter.write(changed, format: .text)
                let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let back = try TextReportReader.read(Data(printed.utf8), fileName: "model.txt").report
                let position = try #require(back.cell(c.id)?.position, "\(c.id) has no position")
                let fails = Checker.run(back).filter { $0.rule.hasPrefix("OGI-R") && $0.status == .fail }
                #expect(!fails.isEmpty, "changing \(c.id) went unnoticed")
                for f in fails { #expect(f.cells.contains(CellRef(concept: c.id, position: position))) }
                // The position names the place of the changed value in the text.
                let line = position.line >= 1 && position.line <= lines.count ? lines[position.line - 1] : ""
                let rest = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(position.column - 1)))
                #expect(rest.trimmingCharacters(in: .whitespaces).hasPrefix(RuleEvaluator.format(newValue)),
                        "\(c.id) at \(position.line):\(position.column): \(line)")
            }
        }
    }
}

/// Results do not change through the canonical XML, with any kind of cell.
@Suite(.enabled(if: Availability.canonicalXML, "needs the XML layer"))
struct CheckerThroughXMLTests {
    @Test(arguments: Edition.allCases)
    func sameResultsFromCanonicalXML(_ edition: Edition) throws {
        var rng = SeededRNG(seed: 0xA11 + UInt64(edition == .e2019 ? 1 : 2))
        for _ in 0..<5 {
            var r = ConsistentReport.make(edition, rng: &rng)
            r.metadata.agency = "示例局"
            let concepts = ConsistentReport.ruleConcepts(edition)
            for _ in 0..<4 {
                let c = concepts[Int.random(in: 0..<concepts.count, using: &rng)]
                ConsistentReport.set(&r, c.id) { cell in
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0: cell = .blank(c.id, position: cell.position)
                    case 1: cell = CellValue(concept: c.id, presence: .notApplicable, raw: "/", position: cell.position)
                    case 2: cell.uncertain = true
                    default: cell = .number(c.id, (cell.number ?? 0) + 2, position: cell.position)
                    }
                }
            }
            let results = Checker.run(r)
            r.checks = results
            let back = try CanonicalXML.read(Data(CanonicalXML.write(r).utf8), fileName: "model.xml")
            #expect(Checker.run(back) == results)
            #expect(back.checks == results)
        }
    }
}
