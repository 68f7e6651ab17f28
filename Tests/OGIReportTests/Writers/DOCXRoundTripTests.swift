import Foundation
import Testing
@testable import OGIReport

/// normalize(template(x, docx)) == x: the DOCX template reads back through the DOCX front end;
/// a blank template with values typed into its cells reads back with exactly those values.
@Suite struct DOCXRoundTripTests {
    private func readBack(_ r: Report, name: String) throws -> TextReading {
        let docx = try TemplateWriter.docx(r)
        #expect(ReaderRegistry.sniff(docx) == .docx)
        return try ReaderRegistry.read(docx, fileName: name)
    }

    @Test(arguments: Edition.allCases)
    func blankTemplateReadsBackBlank(_ edition: Edition) throws {
        let blank = BlankReport.make(agency: "虚构市示例局", year: 2024, edition: edition)
        let reading = try readBack(blank, name: "blank.docx")
        let back = reading.result.report
        #expect(back.metadata.edition == edition)
        #expect(back.metadata.source?.layout == .grid)
        #expect(back.metadata.source?.format == .docx)
        #expect(back.tables.reduce(0) { $0 + $1.cells.count } == ConceptTable.concepts(edition).count)
        #expect(RoundTrip.differences(blank, back) == [])
        #expect(!reading.result.diagnostics.contains { $0.severity != .note }, "\(reading.result.diagnostics.map(\.description))")
    }

    @Test(arguments: Edition.allCases)
    func randomReportsRoundTrip(_ edition: Edition) throws {
        var g = SeededRNG(seed: edition == .e2021 ? 5021 : 5019)
        for i in 0..<15 {
            let x = WriterRandomReports.make(edition, using: &g)
            let y = try readBack(x, name: "random-\(edition.rawValue)-\(i).docx").result.report
            let d = RoundTrip.differences(x, y, joinsUnfinished: false)
            #expect(d.isEmpty, "case \(i): \(d.prefix(5).joined(separator: "; "))")
            if !d.isEmpty { return }
        }
    }

    @Test func bytesAreDeterministic() throws {
        let r = WriterSampleReports.filled2021()
        #expect(try TemplateWriter.docx(r) == TemplateWriter.docx(r))
    }

    /// Cell places in a DOCX reading are the Word table's own cells, and no line.
    @Test func cellPlacesAreGridCells() throws {
        let back = try readBack(WriterSampleReports.filled2021(), name: "filled.docx").result.report
        var places: Set<GridLocation> = []
        for t in back.tables {
            for c in t.cells {
                let p = try #require(c.position, "\(c.concept)")
                #expect(!p.hasLine)
                places.insert(try #require(p.grid, "\(c.concept)"))
            }
        }
        #expect(places.count == back.tables.reduce(0) { $0 + $1.cells.count })
    }

    /// A person fills in the blank template in Word: every value cell gets a value typed into
    /// its empty paragraph (as Word writes it: sometimes split into runs, with run properties, a
    /// proofing mark), and the file reads back with exactly those values.
    @Test(arguments: Edition.allCases)
    func typedInValuesReadBack(_ edition: Edition) throws {
        let blank = BlankReport.make(agency: "虚构市示例局", year: 2024, edition: edition)
        let docx = try TemplateWriter.docx(blank)
        let concepts = DOCXTyping.valueConcepts(edition)
        var g = SeededRNG(seed: 77)
        let values = concepts.map { _ in Int.random(in: 0...2000, using: &g) }
        let typed = try DOCXTyping.type(values.map(String.init), into: docx)
        let report = try ReaderRegistry.read(typed, fileName: "typed.docx").result.report
        for (id, v) in zip(concepts, values) {
            #expect(report.cell(id)?.number == Decimal(v), "\(id)")
        }
        #expect(report.metadata.edition == edition)
    }
}
