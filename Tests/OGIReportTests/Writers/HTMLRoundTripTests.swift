import Foundation
import Testing
@testable import OGIReport

/// normalize(template(x, html)) == x: the HTML template reads back through the HTML front end.
@Suite struct HTMLRoundTripTests {
    private func readBack(_ r: Report, name: String) throws -> TextReading {
        let html = TemplateWriter.write(r, format: .html)
        #expect(ReaderRegistry.sniff(Data(html.utf8)) == .html)
        return try ReaderRegistry.read(Data(html.utf8), fileName: name)
    }

    @Test(arguments: Edition.allCases)
    func blankTemplateReadsBackBlank(_ edition: Edition) throws {
        let blank = BlankReport.make(agency: "虚构市示例局", year: 2024, edition: edition)
        let back = try readBack(blank, name: "blank.html").result.report
        #expect(back.metadata.edition == edition)
        #expect(back.metadata.source?.layout == .grid)
        #expect(back.metadata.source?.format == .html)
        #expect(back.tables.reduce(0) { $0 + $1.cells.count } == ConceptTable.concepts(edition).count)
        #expect(RoundTrip.differences(blank, back) == [])
    }

    @Test(arguments: Edition.allCases)
    func randomReportsRoundTrip(_ edition: Edition) throws {
        var g = SeededRNG(seed: edition == .e2021 ? 4021 : 4019)
        for i in 0..<40 {
            let x = WriterRandomReports.make(edition, using: &g)
            let y = try readBack(x, name: "random-\(edition.rawValue)-\(i).html").result.report
            let d = RoundTrip.differences(x, y, joinsUnfinished: false)
            #expect(d.isEmpty, "case \(i): \(d.prefix(5).joined(separator: "; "))")
            if !d.isEmpty { return }
        }
    }

    /// Cell places in an HTML reading are HTML source lines and the source table's own cell.
    @Test func cellPlacesAreHTMLLinesAndGridCells() throws {
        let filled = WriterSampleReports.filled2021()
        let html = TemplateWriter.write(filled, format: .html)
        let htmlLines = html.split(separator: "\n", omittingEmptySubsequences: false)
        let back = try readBack(filled, name: "filled.html").result.report
        for t in back.tables {
            for c in t.cells {
                let p = try #require(c.position, "\(c.concept)")
                let g = try #require(p.grid, "\(c.concept)")
                #expect(g.cell >= 1)
                if let raw = c.raw, !raw.isEmpty {
                    #expect(htmlLines[p.line - 1].contains(raw), "\(c.concept): line \(p.line)")
                }
            }
        }
    }
}
