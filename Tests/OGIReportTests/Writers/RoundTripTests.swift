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

    /// The template's tab rows rewritten one cell per line (each cell on its own tab-led line, a
    /// blank line after each row), as the seeds 002–004 are laid out.
    static func oneCellPerLine(_ text: String) -> String {
        var out: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.contains("\t") else { out.append(line); continue }
            for cell in line.split(separator: "\t", omittingEmptySubsequences: false) { out.append("\t" + cell) }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    @Test(arguments: Edition.allCases)
    func randomReportsRoundTripOneCellPerLine(_ edition: Edition) throws {
        var g = SeededRNG(seed: edition == .e2021 ? 21 : 19)
        for i in 0..<60 {
            let x = WriterRandomReports.make(edition, using: &g)
            let text = Self.oneCellPerLine(TemplateWriter.write(x, format: .text))
            let read = try TextReportReader.read(Data(text.utf8), fileName: "random-cells-\(edition.rawValue)-\(i).txt")
            #expect(read.report.metadata.source?.layout == .cellPerLine)
            let d = RoundTrip.differences(x, read.report)
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

    /// normalize(template(x)) == x for every valid canonical fixture.
    @Test(arguments: canonical)
    func canonicalFixturesRoundTrip(_ name: String) throws {
        let x = try CanonicalXML.read(try Fixtures.data("canonical/valid/" + name), fileName: name)
        let text = TemplateWriter.write(x, format: .text)
        let y = try TextReportReader.read(Data(text.utf8), fileName: name + ".template.txt").report
        let d = RoundTrip.differences(x, y)
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
