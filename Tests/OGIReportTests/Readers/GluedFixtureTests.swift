import Foundation
import Testing
@testable import OGIReport

/// Fixtures of the glued-cells layout (`Fixtures/glued`), made by ``GluedCellsPropertyTests``'s
/// writer from reports whose sums hold; NAME.source.xml is the report the text was written from.
/// Each reads back with every cell exact or flagged (none wrong), and to its golden XML. In
/// `ambiguous-t3-003`, table 3's first group "1100011" splits as 1 | 10 | 0 | 0 | 11 and as
/// 11 | 0 | 0 | 0 | 11, both with 总计 the sum of the four results: it must be flagged, not guessed.
/// OGI_WRITE_FIXTURES=1 rewrites the fixtures and goldens (review the diff).
@Suite struct GluedFixtureTests {
    static let names = ["flattened-2021-001", "rows-2019-002", "ambiguous-t3-003"]

    static func make(_ name: String) -> (text: String, source: Report) {
        var g = SeededRNG(seed: UInt64(name.utf8.reduce(UInt32(0)) { $0 &* 31 &+ UInt32($1) }))
        let edition: Edition = name.contains("2019") ? .e2019 : .e2021
        var x = GluedCellsPropertyTests.report(edition, consistent: true, using: &g)
        if name.hasPrefix("ambiguous") {
            let values: [Decimal] = [1, 10, 0, 0, 11] + Array(repeating: 0, count: 10)
            let i = x.tables.firstIndex { $0.id == .t3 }!
            x.tables[i].cells = zip(x.tables[i].cells, values).map { .number($0.concept, $1) }
        }
        var text = TemplateWriter.write(x, format: .text)
        if name.hasPrefix("ambiguous") { text = text.replacingOccurrences(of: "\t", with: "") }
        else { text = GluedCellsPropertyTests.glued(text, flattened: name.hasPrefix("flattened"), using: &g) }
        return (text, x)
    }

    @Test(arguments: names)
    func readsExactlyOrFlagged(_ name: String) throws {
        if ProcessInfo.processInfo.environment["OGI_WRITE_FIXTURES"] == "1" {
            let (text, x) = Self.make(name)
            try Data(text.utf8).write(to: Fixtures.url("glued/\(name).txt"))
            try Data(CanonicalXML.write(x).utf8).write(to: Fixtures.url("glued/\(name).source.xml"))
        }
        let source = try CanonicalXML.read(try Fixtures.data("glued/\(name).source.xml"), fileName: name)
        let read = try ReaderRegistry.read(try Fixtures.data("glued/\(name).txt"), fileName: "\(name).txt")
        var t = GluedCellsPropertyTests.Tally()
        GluedCellsPropertyTests.tally(source, read, into: &t)
        #expect(t.silent.isEmpty && t.warnedWrong == 0, "\(t.silent.prefix(5))")
        #expect(read.result.report.metadata.source?.layout == .gluedCells)
        if name.hasPrefix("ambiguous") {
            #expect(read.result.report.table(.t3) == nil || read.result.report.table(.t3)!.cells.isEmpty)
            let d = read.result.diagnostics.first { $0.code == "table.glued-ambiguous" && $0.message.contains("1100011") }
            #expect(d?.message.contains("1 | 10 | 0 | 0 | 11") == true && d?.message.contains("11 | 0 | 0 | 0 | 11") == true, "\(d?.message ?? "none")")
        }
        let result = Normalizer.normalize(try Fixtures.data("glued/\(name).txt"), fileName: "glued/\(name).txt")
        let xml = try #require(result.xml, "\(result.schemaErrors)")
        if ProcessInfo.processInfo.environment["OGI_WRITE_FIXTURES"] == "1" {
            try Data(xml.utf8).write(to: Fixtures.url("glued/golden/\(name).xml"))
        }
        #expect(xml == (try Fixtures.string("glued/golden/\(name).xml")))
    }
}
