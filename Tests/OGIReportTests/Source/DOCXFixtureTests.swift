import Foundation
import Testing
@testable import OGIReport

/// The DOCX fixtures (`Fixtures/docx`, made by `tools/make-docx-fixtures.py`) from three
/// producers — ogi's own template, LibreOffice (from the HTML fixtures, a text seed and ogi's
/// template resaved) and WPS-style rewrites — every cell as its expected file says; the hostile
/// packages under `bad/` refused or ignored without any file or network access; damaged
/// packages never crash.
@Suite struct DOCXFixtureTests {
    static let files: [String] = Fixtures.files(in: "docx", ext: "docx").map { "docx/" + $0.lastPathComponent }

    static func read(_ name: String) throws -> TextReading {
        try ReaderRegistry.read(try Fixtures.data(name), fileName: name)
    }

    @Test func fixturesFromEveryProducerArePresent() {
        for prefix in ["docx/ogi-", "docx/lo-", "docx/wps-style-"] { #expect(Self.files.contains { $0.hasPrefix(prefix) }, "\(prefix)") }
    }

    @Test(arguments: files)
    func everyCellIsRight(_ file: String) throws {
        let expected = try ExpectedCells(Fixtures.url(file.replacingOccurrences(of: ".docx", with: ".expected.json")))
        let reading = try Self.read(file)
        #expect(reading.result.report.metadata.source?.format == .docx)
        let d = expected.differences(reading.result.report)
        #expect(d.isEmpty, "\(file): \(d.prefix(5))")
        #expect(!reading.result.diagnostics.contains { $0.severity == .error }, "\(reading.result.diagnostics.map(\.description))")
        #expect(reading.result.report.sections.count == 6, "\(file)")
    }

    /// Nothing lost: every non-blank unit is in the metadata, a block, a table or a fragment.
    @Test(arguments: files)
    func nothingIsLost(_ file: String) throws {
        let reading = try Self.read(file)
        let doc = try #require(reading.document)
        let report = reading.result.report
        var covered = Set(reading.metadataLines).union(reading.tableLines)
        var byParagraph: [Int: Int] = [:], byRow: [GridLocation: Int] = [:]
        for u in doc.units {
            if let p = u.range.paragraph { byParagraph[p] = u.number }
            if let g = u.range.grid { byRow[GridLocation(table: g.table, row: g.row)] = u.number }
        }
        func cover(_ r: SourceRange?) {
            guard let r else { return }
            if let p = r.paragraph, let u = byParagraph[p] { covered.insert(u) }
            if let g = r.grid, let u = byRow[GridLocation(table: g.table, row: g.row)] { covered.insert(u) }
        }
        for b in report.preamble + report.closing + report.sections.flatMap(\.blocks) { cover(b.lines) }
        for f in report.unrecognised { cover(f.lines) }
        for t in report.tables { cover(t.lines); for c in t.cells { cover(c.position) } }
        let headings = Set(report.sections.map(\.heading))
        let lost = doc.units.filter {
            !DocumentText.isBlank($0.text) && !covered.contains($0.number) && !headings.contains(DocumentText.trim($0.text))
                && $0.text != report.metadata.title
        }
        #expect(lost.isEmpty, "\(file): \(lost.prefix(3).map(\.text))")
    }

    /// The WPS-style fixture's headings are list numbers, not typed text (and LibreOffice's resave
    /// of it, with its own numbering.xml): they come back as the official headings.
    @Test(arguments: ["docx/wps-style-003.docx", "docx/lo-resaved-wps-style-003.docx"])
    func numberedHeadingsAreRecognised(_ file: String) throws {
        let data = try Fixtures.data(file)
        let xml = String(decoding: try #require(DOCXTestPackage.parts(data).first { $0.0 == "word/document.xml" }).1, as: UTF8.self)
        #expect(!xml.contains("一、总体情况") && !xml.contains("（一）主动公开"))
        let r = try ReaderRegistry.read(data, fileName: file).result.report
        #expect(r.sections.map(\.heading) == SectionKind.allCases.map(\.heading))
        #expect(r.sections.flatMap(\.blocks).filter { $0.kind == .heading }.map { String($0.text.prefix(3)) } == ["（一）", "（二）", "（三）", "（四）", "（五）"])
    }

    // MARK: Hostile and damaged packages

    private func refusal(_ file: String) throws -> Diagnostic {
        let data = try Fixtures.data(file)
        do {
            _ = try ReaderRegistry.read(data, fileName: file)
            Issue.record("\(file) was read")
            return .error("read", file: file)
        } catch let e as DiagnosticError {
            #expect(e.diagnostics.count == 1)
            let d = e.diagnostics[0]
            #expect(d.file == file && !d.description.contains("\n"), "\(d.description)")
            return d
        }
    }

    @Test func zipBombIsRefusedInMilliseconds() throws {
        let start = Date()
        let d = try refusal("docx/bad/zip-bomb.docx")
        #expect(Date().timeIntervalSince(start) < 0.5)
        #expect(d.message.contains("zip bomb") && d.code == "read.docx", "\(d.message)")
    }

    @Test func headersThatLieAboutTheSizeAreCaught() throws {
        let d = try refusal("docx/bad/lying-size.docx")
        #expect(d.message.contains("word/document.xml"), "\(d.message)")
    }

    @Test func ratioAndEntryLimits() throws {
        let zeros = String(repeating: "<w:p/>", count: 400_000)  // 2.4 MB, deflates ~1000:1
        let bomb = try DOCXTestPackage.make(body: zeros)
        #expect(throws: DiagnosticError.self) { try DOCXFrontEnd.read(bomb, fileName: "b.docx") }
        let many = try DOCXTestPackage.make(body: "", parts: (0..<20).map { ("word/media/x\($0).xml", "<x/>") })
        let limited = DOCXLimits(maxEntries: 10)
        do { _ = try DOCXFrontEnd.read(many, fileName: "m.docx", limits: limited); Issue.record("read") } catch let e as DiagnosticError {
            #expect(e.diagnostics[0].message.contains("more than 10 entries"))
        }
        #expect(throws: DiagnosticError.self) { try DOCXFrontEnd.read(many, fileName: "m.docx", limits: DOCXLimits(maxTotalUncompressedBytes: 100)) }
    }

    @Test func externalRelationshipsAreNeverFollowed() throws {
        let loads = ExternalLoadCounter.count
        let reading = try Self.read("docx/bad/external-rels.docx")
        #expect(ExternalLoadCounter.count == loads)
        let doc = try #require(reading.document)
        #expect(doc.units.map(\.text).contains("链接文字"))
        #expect(reading.result.diagnostics.contains { $0.code == "read.docx-external" && $0.message.contains("4 external") })
        #expect(reading.result.diagnostics.contains { $0.code == "read.docx-altchunk" })
        let xml = CanonicalXML.write(reading.result.report)
        #expect(!xml.contains("root:") && !xml.contains("127.0.0.1"))
    }

    @Test func missingDocumentTruncationAndDoctypeAreOneLineErrors() throws {
        #expect(try refusal("docx/bad/no-document.docx").message.contains("no word/document.xml"))
        #expect(try refusal("docx/bad/truncated.docx").code == "read.docx")
        let loads = ExternalLoadCounter.count
        #expect(try refusal("docx/bad/doctype.docx").message.contains("DOCTYPE"))
        #expect(ExternalLoadCounter.count == loads)
    }

    /// Damaged packages (truncated at every few bytes, single bytes changed) are read or refused
    /// with a DiagnosticError — never a crash or a hang.
    @Test func damagedPackagesNeverCrash() throws {
        let good = try Fixtures.data("docx/ogi-prefilled-003.docx")
        var g = SeededRNG(seed: 10)
        var variants: [Data] = stride(from: 0, to: good.count, by: max(1, good.count / 40)).map { good.prefix($0) }
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["OGI_DOCX_MUTATIONS"] ?? "") ?? 80) {
            var d = good
            for _ in 0..<Int.random(in: 1...4, using: &g) {
                let i = Int.random(in: 0..<d.count, using: &g)
                d[d.startIndex + i] = UInt8.random(in: 0...255, using: &g)
            }
            variants.append(d)
        }
        for d in variants {
            do { _ = try ReaderRegistry.read(d, fileName: "damaged.docx") } catch is DiagnosticError {}
        }
    }
}
