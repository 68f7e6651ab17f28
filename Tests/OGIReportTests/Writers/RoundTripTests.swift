import Foundation
import Testing
@testable import OGIReport

/// normalize(template(x)) == x, with the text reader as normalize.
@Suite
struct RoundTripTests {
    private func readBack(_ r: Report, name: String) throws -> Report {
        let text = TemplateWriter.write(r, format: .text)
        return try TextReportReader.read(Data(text.utf8), fileName: name).report
    }

    @Test func blankTemplateReadsBackBlank() throws {
        let blank = BlankReport.make(agency: "虚构市示例局", year: 2024)
        let back = try readBack(blank, name: "blank-2021.txt")
        #expect(back.metadata.agency == "虚构市示例局")
        #expect(back.metadata.year == 2024)
        #expect(back.metadata.edition == .e2021)
        for c in ConceptTable.concepts(.e2021) {
            #expect(back.cell(c.id).map { $0.presence == .blank } ?? true, "\(c.id)")
        }
        #expect(RoundTrip.differences(blank, back) == [])
    }

    @Test(arguments: Edition.allCases)
    func randomReportsRoundTrip(_ edition: Edition) throws {
        var g = SeededRNG(seed: edition == .e2021 ? 2021 : 2019)
        for i in 0..<60 {
            let x = WriterRandomReports.make(edition, using: &g)
            let y = try readBack(x, name: "random-\(edition.rawValue)-\(i).txt")
            let d = RoundTrip.differences(x, y)
            #expect(d.isEmpty, "case \(i): \(d.prefix(5).joined(separator: "; "))")
            if !d.isEmpty { return }
        }
    }

    @Test func goldenTemplatesRoundTrip() throws {
        let filled = WriterSampleReports.filled2021()
        #expect(RoundTrip.differences(filled, try readBack(filled, name: "prefilled-2021.txt")) == [])
        let b19 = BlankReport.make(agency: "示例市测试局", year: 2020, edition: .e2019)
        #expect(RoundTrip.differences(b19, try readBack(b19, name: "blank-2019.txt")) == [])
    }
}

/// Round trips through real inputs: every valid canonical XML fixture, and every seed submission.
@Suite struct FixtureRoundTripTests {
    static let canonical = Fixtures.files(in: "canonical/valid", ext: "xml").map(\.lastPathComponent)

    /// Cells of a known text-reader limitation (see ``canonicalFixturesRoundTrip(_:)``).
    static let textFirstValueFixtures: Set<String> = ["full-2021.xml"]

    /// normalize(template(x)) == x for every valid canonical fixture.
    ///
    /// Known reader limitation (reported, reader files are not the writer's): in table 2 a text
    /// cell before the row's first number or not-applicable mark ("…（一）予以公开\t无 （见说明）\t16…")
    /// is taken for a row label, so the row is reported as an unknown row and its values are lost.
    /// `full-2021.xml` has such cells; its differences must be exactly those rows.
    @Test(arguments: canonical)
    func canonicalFixturesRoundTrip(_ name: String) throws {
        let x = try CanonicalXML.read(try Fixtures.data("canonical/valid/" + name), fileName: name)
        let text = TemplateWriter.write(x, format: .text)
        let y = try TextReportReader.read(Data(text.utf8), fileName: name + ".template.txt").report
        var d = RoundTrip.differences(x, y)
        if Self.textFirstValueFixtures.contains(name) {
            // Rows of table 2 whose first value cell is text.
            let spec = ConceptTable.spec(.t2, TemplateWriter.edition(of: x)).blocks[0]
            let lostRows = spec.rows.filter { r in
                let cells = spec.columns.compactMap { x.cell(ConceptTable.id(.t2, rowKey: r.key, columnKey: $0.key)) }
                return cells.first { $0.presence != .blank }?.presence == .text
            }.map { "t2." + $0.key + "." }
            #expect(!lostRows.isEmpty)
            let known = d.filter { diff in lostRows.contains { diff.hasPrefix($0) } }
            withKnownIssue("text reader: a text cell before the first number of a table-2 row is read as a row label") {
                #expect(known.isEmpty, "\(known.count) differences in rows \(lostRows)")
            }
            d.removeAll { diff in lostRows.contains { diff.hasPrefix($0) } }
        }
        #expect(d.isEmpty, "\(name): \(d.prefix(5).joined(separator: "; "))")
    }

    /// template(normalize(seed)) is a clean report of the same content: reading it back gives the
    /// same values and texts, nothing is left unrecognised, and writing it again gives the same text.
    @Test(arguments: Fixtures.files(in: "seeds", ext: "txt").map(\.lastPathComponent))
    func seedsBecomeCleanReports(_ name: String) throws {
        let x = try TextReportReader.read(try Fixtures.data("seeds/" + name), fileName: name).report
        let text = TemplateWriter.write(x, format: .text)
        let read = try TextReportReader.read(Data(text.utf8), fileName: name + ".template.txt")
        let y = read.report
        let d = RoundTrip.differences(x, y)
        #expect(d.isEmpty, "\(name): \(d.prefix(5).joined(separator: "; "))")
        #expect(y.unrecognised.isEmpty, "\(name): \(y.unrecognised.map(\.text).prefix(3))")
        #expect(TemplateWriter.write(y, format: .text) == text, "\(name): the template is not a fixed point")
    }

    @Test func fixturesArePresent() {
        #expect(Self.canonical.count >= 3)
        #expect(Fixtures.files(in: "seeds", ext: "txt").count == 5)
    }
}
