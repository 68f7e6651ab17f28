import Foundation
import Testing
@testable import OGIReport

/// normalize(template(x)) == x, with the text reader as normalize.
@Suite(.disabled("needs TextReportReader (branches readers/tables, not yet in main)"))
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
        for i in 0..<100 {
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

/// Round trips through real inputs: every canonical XML fixture, and every seed submission.
@Suite(.disabled("needs TextReportReader and CanonicalXML.read (not yet in main)"))
struct FixtureRoundTripTests {
    /// Every `.xml` fixture that is a valid canonical report (invalid ones, kept for the schema
    /// tests, are skipped): normalize(template(x)) == x.
    @Test func canonicalFixturesRoundTrip() throws {
        var checked = 0
        let enumerator = FileManager.default.enumerator(at: Fixtures.directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "xml", let data = try? Data(contentsOf: url),
                  let x = try? CanonicalXML.read(data, fileName: url.lastPathComponent) else { continue }
            let text = TemplateWriter.write(x, format: .text)
            let y = try TextReportReader.read(Data(text.utf8), fileName: url.lastPathComponent + ".template.txt").report
            let d = RoundTrip.differences(x, y)
            #expect(d.isEmpty, "\(url.lastPathComponent): \(d.prefix(5).joined(separator: "; "))")
            checked += 1
        }
        #expect(checked > 0, "no canonical XML fixture found")
    }

    /// template(normalize(seed)) is a clean report of the same content: reading it back gives the
    /// same values and texts, nothing is left unrecognised, and every table line is rectangular.
    @Test func seedsBecomeCleanReports() throws {
        let seeds = Fixtures.files(in: "seeds", ext: "txt")
        #expect(!seeds.isEmpty, "no seeds in Fixtures/seeds")
        for url in seeds {
            let x = try TextReportReader.read(try Data(contentsOf: url), fileName: url.lastPathComponent).report
            let text = TemplateWriter.write(x, format: .text)
            let y = try TextReportReader.read(Data(text.utf8), fileName: url.lastPathComponent + ".template.txt").report
            let d = RoundTrip.differences(x, y)
            #expect(d.isEmpty, "\(url.lastPathComponent): \(d.prefix(5).joined(separator: "; "))")
            #expect(y.unrecognised.isEmpty, "\(url.lastPathComponent): \(y.unrecognised.map(\.text).prefix(3))")
            #expect(TemplateWriter.write(y, format: .text) == text, "\(url.lastPathComponent): template is not a fixed point")
        }
    }
}
