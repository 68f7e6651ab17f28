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
        // Printed without borders or with horizontal ones only: read by the positions of the words.
        ("lo-template-filled-2021-unruled", .e2021, "golden/000_44f90c379b4f7fce.xml"),
        ("lo-template-filled-2021-hrules", .e2021, "golden/000_44f90c379b4f7fce.xml"),
    ]

    /// The source report of a template print.
    static func source(_ from: String?, _ edition: Edition) throws -> Report {
        try from.map { try CanonicalXML.read(try Fixtures.data($0), fileName: $0) }
            ?? BlankReport.make(agency: "某市测试局", year: 2023, edition: edition)
    }

    /// Template prints without a full grid that do not read back entirely yet (blank templates hold
    /// no number for columns to be found by; the 2019 table 1's headers are split over lines by
    /// LibreOffice's vertical centring), with the cells they must keep right at least.
    static let partial: [(String, Edition, String?, Int)] = [
        ("partial/lo-template-blank-2021-unruled", .e2021, nil, 140), ("partial/lo-template-blank-2021-hrules", .e2021, nil, 140),
        ("partial/lo-template-blank-2019-unruled", .e2019, nil, 140), ("partial/lo-template-blank-2019-hrules", .e2019, nil, 140),
        ("lo-template-filled-2019-unruled", .e2019, "golden/002_a2c9da7275a0d61c.xml", 185),
        ("lo-template-filled-2019-hrules", .e2019, "golden/002_a2c9da7275a0d61c.xml", 180),
    ]

    /// A template print that does not read back entirely: every table with a cell that differs
    /// from the source carries the table's table.pdf-unruled warning (no cell goes unquestioned), and
    /// the cells right do not fall below what the reader reached.
    @Test(arguments: partial.indices)
    func partialPrintsAreWarnedWhereTheyDiffer(_ i: Int) throws {
        let (name, edition, from, floor) = Self.partial[i]
        let source = try Self.source(from, edition)
        let reading = try ReaderRegistry.read(try Fixtures.data("pdf/\(name).pdf"), fileName: name + ".pdf")
        let read = reading.result.report
        var right = 0
        var differing: Set<String> = []
        for table in source.tables {
            for cell in table.cells {
                let got = read.cell(cell.concept)
                if got?.presence == cell.presence && got?.number == cell.number { right += 1 } else { differing.insert(String("\(cell.concept)".prefix(2))) }
            }
        }
        let warned = reading.result.diagnostics.filter { $0.code == "table.pdf-unruled" }.map(\.message)
        for t in differing.sorted() {
            #expect(warned.contains { $0.contains("table \(t.dropFirst()) has no ruling lines") }, "\(name): table \(t) differs without a warning: \(warned)")
        }
        #expect(right >= floor, "\(name): \(right) cells right")
    }

    @Test(arguments: cases.indices)
    func everyCellReadsBack(_ i: Int) throws {
        let (name, edition, from) = Self.cases[i]
        let source = try Self.source(from, edition)
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

    /// A PDF whose tables have no ruling lines (`Fixtures/pdf/word-mso-003-unruled.pdf`, the
    /// word-mso-003 fixture printed without borders) is read by the positions of its words: each
    /// table says so with a warning located at its first row (page and row), so none of its cells
    /// goes unquestioned; the front end says it per source table too.
    @Test func unruledTablesAreWarned() throws {
        let reading = try ReaderRegistry.read(try Fixtures.data("pdf/word-mso-003-unruled.pdf"), fileName: "unruled.pdf")
        let warned = reading.result.diagnostics.filter { $0.code == "table.pdf-unruled" }
        #expect(warned.count == reading.result.report.tables.count && warned.count == 3, "\(warned.map(\.message))")
        #expect(warned.allSatisfy { $0.severity == .warning && $0.message.hasPrefix("[table ") && $0.message.contains("page ") })
        #expect(warned.allSatisfy { $0.message.contains("positions of its words") })
        let front = reading.result.diagnostics.filter { $0.code == "read.pdf.unruled-table" }
        #expect(front.count == 3 && front.allSatisfy { $0.message.contains("page ") })
        // Ruled PDFs never get it.
        let ruled = try ReaderRegistry.read(try Fixtures.data("real/r05-report.pdf"), fileName: "r05.pdf")
        #expect(!ruled.result.diagnostics.contains { $0.code == "table.pdf-unruled" || $0.code == "read.pdf.unruled-table" })
    }

    /// The blank templates printed without a full grid (`Fixtures/pdf/partial`): every unit is
    /// accounted for, as StructuredNothingLostTests checks for the prints in `Fixtures/pdf`. (The
    /// 2019 one without borders used to lose "三、本年", its table 2 group label put by the text
    /// line before the row label 8.属于行政查询事项: the stray cell became a fragment, and the row's
    /// line stopped counting as a table row although its label was read.)
    @Test(arguments: ["lo-template-blank-2021-unruled", "lo-template-blank-2021-hrules", "lo-template-blank-2019-unruled", "lo-template-blank-2019-hrules"])
    func blankPrintsLoseNoText(_ name: String) throws {
        let path = "pdf/partial/\(name).pdf"
        try StructuredNothingLostTests().checkUnits(path) { try PDFFrontEnd.read($0, fileName: path) }
    }
}

