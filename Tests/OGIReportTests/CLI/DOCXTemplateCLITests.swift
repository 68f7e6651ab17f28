import Foundation
import Testing
@testable import OGIReport

/// `ogi template --format docx` and `-o NAME.docx`, and `normalize`/`check` on DOCX input.
@Suite struct DOCXTemplateCLITests {
    @Test func templateWritesDOCXAndNormalizeReadsIt() throws {
        let sh = try CLIShell()
        defer { sh.remove() }
        let r = try sh.run("""
        "$OGI" template --agency 虚构市示例局 --year 2024 -o t.docx && \
        "$OGI" template --agency 虚构市示例局 --year 2024 --edition 2019 --format docx > s.docx && \
        "$OGI" template --agency 虚构市示例局 --year 2024 --format text -o plain.docx && \
        "$OGI" normalize t.docx > t.xml && "$OGI" normalize s.docx > s.xml
        """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(ReaderRegistry.sniff(try Data(contentsOf: sh.url("t.docx"))) == .docx)
        #expect(ReaderRegistry.sniff(try Data(contentsOf: sh.url("s.docx"))) == .docx)
        #expect(ReaderRegistry.sniff(try Data(contentsOf: sh.url("plain.docx"))) == .text)  // an explicit --format wins
        let t = try String(contentsOf: sh.url("t.xml"), encoding: .utf8), s = try String(contentsOf: sh.url("s.xml"), encoding: .utf8)
        #expect(t.contains("format=\"docx\"") && t.contains("edition=\"2021\""))
        #expect(s.contains("edition=\"2019\""))
        #expect(sh.listing().allSatisfy { !$0.hasPrefix(".") }, "\(sh.listing())")
    }

    @Test func hostileDOCXIsOneLineAndExit1() throws {
        let sh = try CLIShell()
        defer { sh.remove() }
        for bad in ["zip-bomb", "lying-size", "truncated", "no-document", "doctype"] {
            let r = try sh.run("\"$OGI\" normalize \"$FIXTURES/docx/bad/\(bad).docx\"")
            #expect(r.status == 1, "\(bad): \(r.status) \(r.stderr)")
            #expect(r.stdout.isEmpty)
            let lines = r.stderr.split(separator: "\n").filter { $0.contains("error") }
            #expect(lines.count == 1 && lines[0].contains("\(bad).docx: error[read.docx]"), "\(bad): \(r.stderr)")
        }
    }

    /// check on a DOCX names cells by table/row/cell (a DOCX has no lines), never "0:0".
    @Test func checkNamesDOCXCellsByTheirGridPlace() throws {
        let sh = try CLIShell()
        defer { sh.remove() }
        let r = try sh.run("\"$OGI\" check \"$FIXTURES/docx/ogi-prefilled-003.docx\"; \"$OGI\" check --format json \"$FIXTURES/docx/ogi-prefilled-003.docx\" > c.json")
        #expect(!r.stdout.contains(":0:0") && !r.stdout.contains(" 0:0"), "\(r.stdout)")
        #expect(r.stdout.contains("error[OGI-R1]: [table 2 row 4 cell 2]") && r.stdout.contains("一 自然人 table 2 row 4 cell 2"), "\(r.stdout)")
        let json = try String(contentsOf: sh.url("c.json"), encoding: .utf8)
        #expect(json.contains("\"grid\" : \"2.4.2\"") && !json.contains("\"line\" : 0"), "\(json.prefix(400))")
    }
}
