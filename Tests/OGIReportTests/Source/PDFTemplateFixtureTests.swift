import Foundation
import Testing
@testable import OGIReport

/// PDFs of ogi's own DOCX templates printed by LibreOffice (`Fixtures/pdf/lo-template-*.pdf`, made
/// by `tools/make-pdf-fixtures.sh`): both editions, blank and filled from the seed goldens. Every
/// table cell reads back as the report the template was written from (blank cells blank).
@Suite struct PDFTemplateFixtureTests {
    static let cases: [(String, Edition, String?)] = [
        ("lo-template-blank-2021", .e2021, nil), ("lo-template-blank-2019", .e2019, nil),
        ("lo-template-filled-2021", .e2021, "golden/000_44f90c379b4f7fce.xml"),
        ("lo-template-filled-2019", .e2019, "golden/002_a2c9da7275a0d61c.xml"),
    ]

    @Test(arguments: cases.indices)
    func everyCellReadsBack(_ i: Int) throws {
        let (name, edition, from) = Self.cases[i]
        let source = try from.map { try CanonicalXML.read(try Fixtures.data($0), fileName: $0) }
            ?? BlankReport.make(agency: "某市测试局", year: 2023, edition: edition)
        let read = try ReaderRegistry.read(try Fixtures.data("pdf/\(name).pdf"), fileName: name + ".pdf").result.report
        #expect(read.metadata.edition == edition)
        #expect(read.metadata.source?.format == .pdf)
        var differences: [String] = []
        for table in source.tables {
            for cell in table.cells {
                let got = read.cell(cell.concept)
                if got?.presence != cell.presence || got?.number != cell.number {
                    differences.append("\(cell.concept): \(cell.presence) \(cell.number.map { "\($0)" } ?? "") read as \(got.map { "\($0.presence) \($0.number.map { "\($0)" } ?? "")" } ?? "nothing")")
                }
            }
        }
        let count = source.tables.reduce(0) { $0 + $1.cells.count }
        #expect(count >= 190)
        #expect(read.tables.reduce(0) { $0 + $1.cells.count } == count)
        #expect(differences.isEmpty, "\(name): \(differences.prefix(5))")
    }

    /// A PDF whose tables have no ruling lines (`Fixtures/pdf/unruled`, the word-mso-003 fixture printed
    /// without borders) is read from its text lines, which is not reliable yet: each table says so
    /// with a located warning, so none of its cells goes unquestioned.
    @Test func unruledTablesAreWarned() throws {
        let reading = try ReaderRegistry.read(try Fixtures.data("pdf/unruled/word-mso-003.pdf"), fileName: "unruled.pdf")
        let warned = reading.result.diagnostics.filter { $0.code == "table.pdf-unruled" }
        #expect(warned.count == reading.result.report.tables.count && warned.count == 3, "\(warned.map(\.message))")
        #expect(warned.allSatisfy { $0.severity == .warning && $0.message.hasPrefix("[page ") })  // located by page
        // Ruled PDFs never get it.
        let ruled = try ReaderRegistry.read(try Fixtures.data("real/r05-report.pdf"), fileName: "r05.pdf")
        #expect(!ruled.result.diagnostics.contains { $0.code == "table.pdf-unruled" })
    }
}
