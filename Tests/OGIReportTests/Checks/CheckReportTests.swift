import Foundation
import Testing
@testable import OGIReport

/// Human and JSON output of check results, and input detection.
@Suite struct CheckReportTests {
    static func failingReport() -> Report {
        var r = ConsistentReport.report(.e2019, values: ["t2.received.naturalPerson": 1])
        ConsistentReport.set(&r, "t2.received.naturalPerson") { $0.position = SourcePosition(line: 3, column: 2) }
        return r
    }

    @Test func humanOutput() {
        let results = Checker.run(Self.failingReport())
        let lines = ["标题", "一、本年新收政府信息公开申请数量", "\t1", "\t0"]
        let text = CheckReport.human(results, sourceName: "002.txt", fallbackName: "002.txt", sourceLines: lines,
                                     edition: .e2019, all: false)
        let out = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(out[0] == "002.txt:3:2: error[OGI-R1]: 一+二 ≠ （七）总计+四 in column 自然人: 1 + 0 = 1, but 0 + 0 = 0")
        #expect(out[1] == "    \\u{9}1")  // the tab escaped, as every control character
        #expect(out[2] == "         ^")
        #expect(out[3].hasPrefix("    cells: 一 自然人 3:2, 二 自然人 "))
        #expect(out[4].hasPrefix("002.txt:"))
        #expect(out[4].contains("error[OGI-R4]: 总计 ≠ 自然人+商业企业"))
        #expect(out.dropLast().last == "002.txt: \(7 + 7 + 23 + 3 - 2) passed, 2 failed, 0 not assessable, 0 uncertain, 0 warnings")
        let verbose = CheckReport.human(results, sourceName: "002.txt", fallbackName: "002.txt", sourceLines: nil,
                                        edition: .e2019, all: true)
        #expect(verbose.split(separator: "\n").count == results.count + 2 + 1)
        #expect(verbose.contains("note[OGI-R5]: 总计 = 结果维持+结果纠正+其他结果+尚未审结 in group 行政复议: 0, and 0 + 0 + 0 + 0 = 0"))
    }

    /// A missing table: one line per rule in human output, no narrative comparison with it.
    @Test func missingTableCollapses() {
        var r = ConsistentReport.report(.e2021, values: [:], paragraphs: [.overview: ["全年收到信息公开申请 3 件。"]])
        r.tables.removeAll { $0.id == .t2 }
        let results = Checker.run(r)
        #expect(!results.contains { $0.rule == "OGI-A1" })
        let text = CheckReport.human(results, sourceName: "x.txt", fallbackName: "x.txt", sourceLines: nil, edition: .e2021, all: false)
        #expect(text == """
            x.txt: note[OGI-R1]: not assessable in 7 instances: table 2 is missing
            x.txt: note[OGI-R3]: not assessable in 7 instances: table 2 is missing
            x.txt: note[OGI-R4]: not assessable in 25 instances: table 2 is missing
            x.txt: warning[OGI-A3]: table 2 (三、收到和处理政府信息公开申请情况) is missing
            x.txt: 3 passed, 0 failed, 39 not assessable, 0 uncertain, 1 warning

            """)
    }

    /// A result about a missing cell is not located (the caret would point at another cell).
    @Test func missingCellIsNotLocated() {
        var r = ConsistentReport.report(.e2021, values: [:])
        r.tables[1].cells.removeAll { $0.concept == "t2.total.naturalPerson" }
        let na = Checker.run(r).filter { $0.status == .notAssessable }
        #expect(na.count == 3)  // R1, R3 in column 自然人, R4 in row （七）总计
        #expect(na.allSatisfy { $0.cells.first?.concept == "t2.total.naturalPerson" && CheckReport.position(of: $0) == nil })
        #expect(na.first?.message == "一+二 = （七）总计+四 in column 自然人: not assessable: （七）总计 自然人 is missing")
    }

    @Test func caretUnderWideCharacters() {
        // Tabs are escaped like every control character; the caret counts the escapes' width.
        #expect(CheckReport.excerpt("\t一、本年\t14", column: 7) == "    \\u{9}一、本年\\u{9}14\n    " + String(repeating: " ", count: 5 + 8 + 5) + "^\n")
        #expect(CheckReport.excerpt("\u{1B}[31m行政处罚X\t353", column: 12) == "    \\u{1B}[31m行政处罚X\\u{9}353\n    " + String(repeating: " ", count: 6 + 4 + 8 + 1 + 5) + "^\n")
        #expect(CheckReport.excerpt("0", column: 1) == "    0\n    ^\n")
    }

    @Test func withoutSourceNoLocation() {
        let results = Checker.run(Self.failingReport())
        let d = CheckReport.diagnostic(results[0], sourceName: nil, fallbackName: "r.xml")
        #expect(d.description == "r.xml: error[OGI-R1]: 一+二 ≠ （七）总计+四 in column 自然人: 1 + 0 = 1, but 0 + 0 = 0")
    }

    @Test func jsonOutput() throws {
        let results = Checker.run(Self.failingReport())
        let text = CheckReport.json([CheckReport.jsonObject(results, file: "002.txt", sourceName: "002.txt", edition: .e2019)])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let file = try #require(parsed.first)
        #expect(file["edition"] as? String == "2019")
        let rs = try #require(file["results"] as? [[String: Any]])
        #expect(rs.count == results.count)
        let r1 = rs[0]
        #expect(r1["rule"] as? String == "OGI-R1")
        #expect(r1["status"] as? String == "FAIL")
        #expect(r1["instance"] as? String == "column naturalPerson")
        #expect((r1["left"] as? NSNumber)?.intValue == 1)
        #expect((r1["right"] as? NSNumber)?.intValue == 0)
        #expect((r1["difference"] as? NSNumber)?.intValue == 1)
        #expect(r1["line"] as? Int == 3 && r1["column"] as? Int == 2)
        let cells = try #require(r1["cells"] as? [[String: Any]])
        #expect(cells.first?["concept"] as? String == "t2.received.naturalPerson")
        #expect(cells.first?["label"] as? String == "一 自然人")
        let summary = try #require(file["summary"] as? [String: Int])
        #expect(summary["failed"] == 2)
    }

    @Test func inputDetection() {
        #expect(CheckInput.isXML(Data("<?xml version=\"1.0\"?><report/>".utf8)))
        #expect(CheckInput.isXML(Data("\u{FEFF}\n  <report xmlns=\"urn:ogi:annual-report:1\"/>".utf8)))
        #expect(!CheckInput.isXML(Data("番禺区卫生健康局关于 2023 年政府信息公开工作年度的报告".utf8)))
        #expect(!CheckInput.isXML(Data()))
        #expect(CheckInput.decodedLines(Data("a\r\nb\rc\nd".utf8)) == ["a", "b", "c", "d"])
        #expect(CheckInput.decodedLines(Data("\u{FEFF}a\n".utf8)) == ["a"])
        #expect(CheckInput.decodedLines(Data([0xB9, 0xFA])) == ["国"])  // GB18030
        #expect(CheckInput.numbered([SourceLine(number: 2, text: "b"), SourceLine(number: 4, text: "d")]) == ["", "b", "", "d"])
    }
}
