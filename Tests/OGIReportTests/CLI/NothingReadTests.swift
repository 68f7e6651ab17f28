import Foundation
import Testing

/// Nothing read is never success (`Sources/ogi/NothingRead.swift`, issue 9 item 6): an empty input
/// or a report from which no table was read exits 1 in `normalize` and in `check`, with one located
/// error, and both commands give the same status for the same unreadable input. Reproducer:
/// `Fixtures/repro/check-empty-exit0.txt` (from `../shared/repro`).
@Suite struct NothingReadTests {
    /// The six section headings of a report and a sentence each, but no table.
    static let headingsOnly = """
        某县卫生健康局2024年政府信息公开工作年度报告
        一、总体情况
        我局认真贯彻落实《中华人民共和国政府信息公开条例》。
        二、主动公开政府信息情况
        见下。
        三、收到和处理政府信息公开申请情况
        无。
        四、政府信息公开行政复议、行政诉讼情况
        无。
        五、存在的主要问题及改进情况
        无。
        六、其他需要报告的事项
        无。

        """

    @Test func anEmptyFileIsAFindingInBothCommands() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        for command in ["normalize", "check"] {
            let r = try sh.run("\"$OGI\" \(command) \"$FIXTURES/repro/check-empty-exit0.txt\" >/dev/null")
            #expect(r.status == 1, "\(command): \(r.stderr)")
            #expect(r.stderr.hasPrefix("\(Fixtures.directory.path)/repro/check-empty-exit0.txt:1:1: error[read.empty]: empty input"), "\(r.stderr)")
        }
    }

    @Test func aReportWithoutATableIsAFindingWithALocatedError() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        try Data(Self.headingsOnly.utf8).write(to: sh.url("r.txt"))
        let line = "r.txt:1: error[read.no-tables]: no statistics table was read from this input (is it the text of an annual report?)"
        let normalize = try sh.run("\"$OGI\" normalize r.txt -o r.xml")
        #expect(normalize.status == 1)
        #expect(normalize.stderr.split(separator: "\n").map(String.init).contains(line), "\(normalize.stderr)")
        // The XML is still written (it is valid, with no tables); check of it says the same.
        #expect(try sh.run("\"$OGI\" validate r.xml").status == 0)
        let check = try sh.run("\"$OGI\" check r.txt")
        #expect(check.status == 1)
        #expect(check.stderr.split(separator: "\n").map(String.init).contains(line), "\(check.stderr)")
        let checkXML = try sh.run("\"$OGI\" check r.xml")
        #expect(checkXML.status == 1)
        #expect(checkXML.stderr.contains("r.xml:1: error[read.no-tables]"), "\(checkXML.stderr)")
        // --strict changes nothing here: already 1.
        #expect(try sh.run("\"$OGI\" normalize --strict r.txt >/dev/null 2>&1").status == 1)
    }

    @Test(arguments: ["bad/binary-junk.bin", "bad/undecodable.txt", "bad/empty.txt", "bad/blank-lines.txt",
                      "bad/no-tables.txt", "bad/cut-mid-table.txt", "bad/unknown-row.txt", "repro/check-empty-exit0.txt",
                      "seeds/000_44f90c379b4f7fce.txt"])
    func normalizeAndCheckGiveTheSameStatus(_ fixture: String) throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let n = try sh.run("\"$OGI\" normalize \"$FIXTURES/\(fixture)\" >/dev/null 2>&1")
        let c = try sh.run("\"$OGI\" check \"$FIXTURES/\(fixture)\" >/dev/null 2>&1")
        #expect(n.status == c.status, "\(fixture): normalize \(n.status), check \(c.status)")
        #expect(n.status != 2)
    }
}
