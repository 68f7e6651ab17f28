import Foundation
import Testing
@testable import OGIReport

/// Bad inputs (Fixtures/bad, made by tools/make-variants.py): located diagnostics, output still
/// produced where something could be read, never a crash or a hang.
@Suite struct TextBadInputTests {
    private func read(_ name: String) throws -> ReadResult {
        try TextReportReader.read(try Fixtures.data("bad/" + name), fileName: name)
    }

    @Test func emptyFile() throws {
        let r = try read("empty.txt")
        #expect(r.diagnostics.first?.description == "empty.txt:1:1: error[read.empty]: empty input: the file holds no text")
        #expect(r.report.metadata.incomplete)
        let b = try read("blank-lines.txt")
        #expect(b.diagnostics.first?.code == "read.empty")
    }

    @Test func binaryJunkIsRefusedWithItsOffset() {
        let e = #expect(throws: DiagnosticError.self) { try read("binary-junk.bin") }
        let d = e?.diagnostics.first
        #expect(d?.code == "read.encoding")
        #expect(d?.message.contains("byte offset 0") == true)   // 0x89 of the PNG header
        #expect(d?.description.hasPrefix("binary-junk.bin:1:1: error[read.encoding]: undecodable byte 0x89") == true)
    }

    @Test func undecodableByteInText() throws {
        let e = #expect(throws: DiagnosticError.self) { try read("undecodable.txt") }
        let d = try #require(e?.diagnostics.first)
        #expect(d.line == 9)
        #expect(d.message.contains("0xFF"))
    }

    @Test func noTables() throws {
        let r = try read("no-tables.txt")
        #expect(r.diagnostics.contains { $0.severity == .error && $0.code == "read.no-tables" && $0.line == 5 })
        #expect(r.diagnostics.filter { $0.code == "read.missing-section" }.count == 3)
        #expect(r.report.tables.isEmpty)
        #expect(r.report.sections.map(\.kind) == [.overview, .problems, .otherMatters])
        #expect(r.report.metadata.agency == "番禺区卫生健康局")
    }

    @Test func cutOffMidTable() throws {
        let r = try read("cut-mid-table.txt")
        #expect(r.report.metadata.incomplete)
        #expect(r.diagnostics.contains { $0.code == "read.missing-section" && $0.severity == .warning })
        #expect(r.report.sections.last?.kind == .applications)
        #expect(r.diagnostics.allSatisfy { $0.file == "cut-mid-table.txt" && $0.line != nil })
    }

    /// The extra row (line 63) and the repeated row (line 68) are reported at their lines by the table
    /// readers; whatever they do with them, the rest of the report is read.
    @Test(arguments: [("unknown-row.txt", 63), ("duplicated-row.txt", 68)])
    func unknownAndDuplicatedRows(_ name: String, line: Int) throws {
        let r = try read(name)
        #expect(r.report.sections.count == 6)
        #expect(r.diagnostics.allSatisfy { $0.file == name && $0.line != nil })
        if !r.report.tables.isEmpty {
            #expect(r.diagnostics.contains { $0.line == line && $0.severity >= .warning }, "\(r.diagnostics)")
        }
    }
}

/// `ogi normalize` on bad inputs: XML is still written for what was read, and it is valid.
@Suite struct TextNormalizeBadInputTests {
    @Test(arguments: ["empty.txt", "blank-lines.txt", "no-tables.txt", "cut-mid-table.txt", "unknown-row.txt", "duplicated-row.txt"])
    func partialOutputIsValid(_ name: String) throws {
        let r = Normalizer.normalize(try Fixtures.data("bad/" + name), fileName: name)
        #expect(r.schemaErrors.isEmpty, "\(r.schemaErrors)")
        #expect(r.xml != nil)
        #expect(r.hasErrors || r.hasWarnings)
        if let xml = r.xml, ["empty.txt", "blank-lines.txt", "cut-mid-table.txt"].contains(name) {
            #expect(xml.contains("incomplete"))
        }
    }

    @Test(arguments: ["binary-junk.bin", "undecodable.txt"])
    func undecodableGivesNoOutput(_ name: String) throws {
        let r = Normalizer.normalize(try Fixtures.data("bad/" + name), fileName: name)
        #expect(r.xml == nil && r.report == nil)
        #expect(r.diagnostics.first?.code == "read.encoding")
    }

    @Test func variantsNormalizeToValidXML() throws {
        for url in Fixtures.files(in: "variants", ext: "txt") {
            let r = Normalizer.normalize(try Data(contentsOf: url), fileName: url.lastPathComponent)
            #expect(r.schemaErrors.isEmpty && r.xml != nil, "\(url.lastPathComponent)")
        }
    }
}
