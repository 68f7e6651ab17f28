import Foundation
import Testing
@testable import OGIReport

/// The two defects of round 1's line layouts that went with the move to the source-document model.
@Suite struct LineLayoutDefectTests {
    /// A tab is structure: a blank cell at the end of a tab row is a cell, so the row's values do
    /// not shift (seed 000 line 51 with its 总计 written as a blank cell: `…\t0\t `).
    @Test func blankCellAtTheEndOfATabRowIsACell() throws {
        var lines = try Fixtures.string("seeds/000_44f90c379b4f7fce.txt").components(separatedBy: "\n")
        var cells = lines[50].components(separatedBy: "\t")
        #expect(cells.count == 10 && cells[8] == "14")
        cells = Array(cells[..<8]) + [" "]
        lines[50] = cells.joined(separator: "\t")
        let r = try TextReportReader.read(Data(lines.joined(separator: "\n").utf8), fileName: "trail.txt").report
        #expect(r.cell("t2.received.naturalPerson")?.number == 14)
        #expect(r.cell("t2.received.commercial")?.number == 0)
        #expect(r.cell("t2.received.total")?.presence == .blank)
    }

    /// Table 3 whose value row is all blank (a blank template) is read, not dropped as cut off.
    @Test(arguments: [TemplateWriter.TextFormat.text, .html])
    func blankTable3ReadsBack(_ format: TemplateWriter.TextFormat) throws {
        let blank = BlankReport.make(agency: "虚构市示例局", year: 2024)
        let text = TemplateWriter.write(blank, format: format)
        let reading = try ReaderRegistry.read(Data(text.utf8), fileName: "blank")
        let t3 = try #require(reading.result.report.table(.t3))
        #expect(t3.cells.count == 15 && t3.cells.allSatisfy { $0.presence == .blank })
        #expect(!reading.result.diagnostics.contains { $0.code == "table.truncated" })
        #expect(reading.result.report.tables.reduce(0) { $0 + $1.cells.count } == ConceptTable.concepts(.e2021).count)
    }
}
