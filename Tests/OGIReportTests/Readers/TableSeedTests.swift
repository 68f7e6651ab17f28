import Foundation
import Testing
@testable import OGIReport

/// Every value of every table of the five seeds, checked against values typed in independently
/// (``SeedExpectation``), plus positions, raw text, consumed lines and edition/layout detection.
@Suite struct TableSeedTests {

    /// Checks a read result against an expectation; returns the problems found.
    static func problems(_ r: TablesReadResult, _ e: SeedExpectation, edition: Bool = true) -> [String] {
        var out: [String] = []
        if edition && r.edition != e.edition { out.append("edition \(String(describing: r.edition)) ≠ \(e.edition)") }
        let expected = e.expected
        var seen: Set<ConceptID> = []
        for t in r.tables {
            for c in t.cells {
                if seen.contains(c.concept) { out.append("\(c.concept) twice") }
                seen.insert(c.concept)
                guard let v = expected[c.concept] else { out.append("unexpected \(c.concept)"); continue }
                let presence: Presence = v == 0 ? .zero : .value
                if c.presence != presence || c.number != Decimal(v) {
                    out.append("\(c.concept): \(c.presence) \(String(describing: c.number)) raw \(String(describing: c.raw)) ≠ \(v)")
                }
            }
        }
        for k in expected.keys where !seen.contains(k) { out.append("missing \(k)") }
        if r.tables.map(\.id) != [.t1, .t2, .t3] { out.append("tables \(r.tables.map(\.id))") }
        return out
    }

    @Test(arguments: SeedExpectation.all.map(\.name))
    func seedValues(_ name: String) throws {
        let e = try #require(SeedExpectation.all.first { $0.name == name })
        let text = try TableTestSupport.seedText(name)
        let r = TableTestSupport.read(text, fileName: name)
        #expect(Self.problems(r, e) == [])
        #expect(r.layout == e.layout)
        #expect(r.layouts == [.t1: e.layout, .t2: e.layout, .t3: e.layout])
        #expect(r.incomplete == false)
        #expect(r.fragments.isEmpty)
        #expect(r.diagnostics.filter { $0.severity >= .warning }.map(\.description) == [])
        // Every cell of every table has the concept count of its edition.
        for t in r.tables {
            #expect(t.cells.count == ConceptTable.concepts(t.id, e.edition).count)
            var sorted = t
            sorted.sortCells()
            #expect(sorted.cells == t.cells, "cells come out in canonical order")
        }
    }

    @Test(arguments: SeedExpectation.all.map(\.name))
    func positionsPointAtTheRawText(_ name: String) throws {
        let text = try TableTestSupport.seedText(name)
        let lines = TableTestSupport.lines(text)
        let r = TableTestSupport.read(text, fileName: name)
        for t in r.tables {
            for c in t.cells {
                let p = try #require(c.position, "\(c.concept) has no position")
                let raw = try #require(c.raw)
                let line = Array(lines[p.line - 1].text.unicodeScalars)
                let at = String(String.UnicodeScalarView(line.dropFirst(p.column - 1).prefix(raw.unicodeScalars.count)))
                #expect(at == raw, "\(name) \(c.concept) at \(p.line):\(p.column)")
                // The cell ends at a tab or at the end of the line.
                let end = p.column - 1 + raw.unicodeScalars.count
                #expect(end == line.count || line[end] == "\t", "\(name) \(c.concept) cell end")
            }
        }
    }

    @Test(arguments: SeedExpectation.all.map(\.name))
    func everyTableLineIsConsumed(_ name: String) throws {
        let text = try TableTestSupport.seedText(name)
        let bodies = TableTestSupport.bodies(text)
        let r = TableTestSupport.read(text, fileName: name)
        for (id, body) in bodies {
            let table = try #require(r.tables.first { $0.id == id })
            let range = try #require(table.lines)
            for l in body where !TableTestSupport.isBlankLine(l.text) {
                #expect(r.consumedLines.contains(l.number), "\(name) line \(l.number) not consumed")
                #expect(l.number >= range.first && l.number <= range.last)
            }
        }
    }

    /// The 2019-edition seed's own inconsistent totals are read as written.
    @Test func seed002ReadsWhatIsWritten() throws {
        let r = TableTestSupport.read(try TableTestSupport.seedText("002_a2c9da7275a0d61c"))
        let t2 = try #require(r.tables.first { $0.id == .t2 })
        #expect(t2.cell("t2.received.total")?.number == 0)
        #expect(t2.cell("t2.received.naturalPerson")?.number == 1)
        #expect(t2.cell("t2.received.commercial")?.raw == "0 ")
        #expect(t2.cell("t2.withheld.stateSecret.commercial")?.raw == "0\u{A0}")
        #expect(t2.cell("t2.otherProcessing.total")?.presence == .zero)
        #expect(t2.cell("t2.otherProcessing.other.total") == nil)
        let t1 = try #require(r.tables.first { $0.id == .t1 })
        let change = try #require(t1.cell("t1.licensing.change"))
        #expect(change.number == -58 && change.presence == .value && !change.uncertain && change.raw == "-58")
        #expect(change.position == SourcePosition(line: 46, column: 2))
        #expect(t1.cell("t1.procurement.amount")?.presence == .zero)
        #expect(r.tableEditions[.t1] == .e2019 && r.tableEditions[.t2] == .e2019)
    }

    @Test func seed000RepeatedHeaderAndLostLeadingCells() throws {
        let r = TableTestSupport.read(try TableTestSupport.seedText("000_44f90c379b4f7fce"))
        let t2 = try #require(r.tables.first { $0.id == .t2 })
        // "4. 无正当理由大量反复申请" at column 1 of line 69, values after one empty cell.
        #expect(t2.cell("t2.notProcessed.massRepeated.naturalPerson")?.position?.line == 69)
        // After the repeated header (lines 71-73): "5. …" still in （五）, then "(六) 其他 处理".
        #expect(t2.cell("t2.notProcessed.confirmation.total")?.position?.line == 74)
        #expect(t2.cell("t2.otherProcessing.noCorrection.naturalPerson")?.position?.line == 75)
        #expect(t2.cell("t2.carriedForward.total")?.position == SourcePosition(line: 79, column: 27))
        #expect(r.consumedLines.isSuperset(of: [48, 49, 50, 71, 72, 73]))
        #expect(r.diagnostics.contains { $0.code == "table.repeated-header" && $0.line == 71 })
    }
}
