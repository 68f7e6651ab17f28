import Foundation
import Testing
@testable import OGIReport

/// The text PDF extractors make of a real report (`Fixtures/real`: r06 from pdfplumber, one row
/// a line with space-separated numbers and wrapped labels; r07 from pdfminer, column by column):
/// every cell right except the hybrid table-2 row （六）其他处理 (2019 layout in a 2021 report),
/// which is kept verbatim as a fragment with a warning; golden XML for both.
@Suite struct PDFTextLayoutTests {
    static let files = ["real/r06-pdf-rows.txt", "real/r07-pdf-column-major.txt"]

    @Test(arguments: files)
    func everyCellButTheHybridRowIsRight(_ file: String) throws {
        let expected = try ExpectedCells(Fixtures.url(file.replacingOccurrences(of: ".txt", with: ".expected.json")))
        let reading = try ReaderRegistry.read(try Fixtures.data(file), fileName: file)
        let (missing, wrong) = expected.differencesByLabel(reading.result.report)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(missing.count == 7 && missing.allSatisfy { $0.contains("（六）其他处理") }, "\(missing.prefix(8))")
        let d = reading.result.diagnostics
        #expect(d.contains { $0.code == "table.rows-by-shape" })
        #expect(d.contains { $0.code == "table.edition-mix" })
        #expect(reading.result.report.unrecognised.contains { $0.reason.contains("（六）其他处理") })
    }

    @Test func columnMajorTable1IsSaid() throws {
        let reading = try ReaderRegistry.read(try Fixtures.data("real/r07-pdf-column-major.txt"), fileName: "r07")
        #expect(reading.result.report.metadata.source?.layout == .cellPerLine)
        #expect(reading.result.diagnostics.filter { $0.code == "table.column-major" }.count == 2)
        #expect(reading.result.report.cell("t1.normativeDocs.issued")?.number == 3)
        #expect(reading.result.report.cell("t1.enforcement.decisions")?.number == 84)
    }

    @Test func spaceRowsLayoutIsDetected() throws {
        let reading = try ReaderRegistry.read(try Fixtures.data("real/r06-pdf-rows.txt"), fileName: "r06")
        #expect(reading.result.report.metadata.source?.layout == .spaceRows)
        #expect(reading.result.report.table(.t3)?.cells.count == 15)
    }

    /// r03: markdown from a PDF converter — pipe tables broken over pages, rows whose labels the
    /// converter dropped (placed by the shape and the sums), a total it lost (blank): every cell.
    @Test func markdownPipeTablesEveryCell() throws {
        let expected = try ExpectedCells(Fixtures.url("real/r03-pdf-to-markdown.expected.json"))
        let reading = try ReaderRegistry.read(try Fixtures.data("real/r03-pdf-to-markdown.md"), fileName: "r03.md")
        let d = expected.differences(reading.result.report)
        #expect(d.isEmpty, "\(d.prefix(5))")
        #expect(reading.result.report.metadata.source?.layout == .pipeRows || reading.result.report.metadata.source?.layout == .mixed)
        #expect(reading.result.diagnostics.contains { $0.code == "table.rows-by-shape" })
    }

    /// Set OGI_WRITE_FIXTURES=1 to regenerate (review the diff).
    @Test(arguments: files + ["real/r03-pdf-to-markdown.md"])
    func goldenXML(_ file: String) throws {
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension + ".xml"
        let result = Normalizer.normalize(try Fixtures.data(file), fileName: file)
        let xml = try #require(result.xml, "\(result.schemaErrors)")
        if ProcessInfo.processInfo.environment["OGI_WRITE_FIXTURES"] == "1" {
            try Data(xml.utf8).write(to: Fixtures.url("real/golden/" + name))
        }
        #expect(xml == (try Fixtures.string("real/golden/" + name)))
    }

    /// A table whose numbers fit two layouts with different cells is not laid out by shape.
    @Test func shapeNeedsTheArithmetic() {
        // 25 rows × 7 of numbers where no row's 总计 is the sum of its columns.
        let lines = (1...25).map { SourceLine(number: $0, text: "行 " + (1...7).map { _ in "1" }.joined(separator: " ")) }
        let grid = GridBuilder.grid(lines, in: nil)
        #expect(grid.layout == .spaceRows)
        #expect(ShapeReader.table2(grid, fileName: "x") == nil)
    }
}
