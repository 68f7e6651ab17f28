import Foundation
import Testing
@testable import OGIReport

/// The document level on a report written in other styles than the seeds.
@Suite struct TextReportReaderTests {
    static let other = """
    索引号：11330110MB1234567X/2024-00012
    某某市交通运输局政府信息公开工作年度报告（2023年）
    （2024年1月20日）

    第一段前言，说明本报告的编制依据。
    (一) 总 体 情 况
    2023年，我局认真贯彻落实《条例》，全年主动公开信息120条，受理申请
    3件。
    （一）主动公开
    全年主动公开信息120条。
    （二） 依申请公开。全年受理申请3件。
    ２．主动公开政府信息情况
    注：本局无规章。
    三、收到和处理政府信息公开申请的情况
    ０
    四、政府信息公开行政复议、行政诉讼情况
    五、存在的主要问题及改进情况
    一是公开内容不够全面；
    二是解读形式单一。
    六、其他需要报告的事项：本机关未收取信息处理费。

    某某市交通运输局
    二〇二四年一月二十日
    """

    @Test func anotherStyle() throws {
        let reading = try TextReportReader.readDetailed(Data(Self.other.utf8), fileName: "other.txt")
        let r = reading.result.report
        let d = reading.result.diagnostics
        #expect(r.metadata.title == "某某市交通运输局政府信息公开工作年度报告（2023年）")
        #expect(r.metadata.agency == "某某市交通运输局")
        #expect(r.metadata.year == 2023)
        #expect(r.metadata.publicationDate == "2024-01-20")
        #expect(reading.metadataLines == [2, 3])
        #expect(r.preamble.map(\.text) == ["索引号：11330110MB1234567X/2024-00012", "第一段前言，说明本报告的编制依据。"])
        #expect(r.sections.map(\.kind) == SectionKind.allCases)
        #expect(r.sections.map(\.heading) == ["(一) 总 体 情 况", "２．主动公开政府信息情况", "三、收到和处理政府信息公开申请的情况",
                                             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项："])
        #expect(d.contains { $0.code == "read.heading-loose" && $0.line == 14 })
        let overview = r.section(.overview)!.blocks
        #expect(overview.map(\.kind) == [.paragraph, .heading, .paragraph, .heading, .paragraph])
        #expect(overview[0].text == "2023年，我局认真贯彻落实《条例》，全年主动公开信息120条，受理申请3件。")
        #expect(overview[3].text == "（二） 依申请公开。")
        #expect(r.section(.problems)!.blocks.map(\.text) == ["一是公开内容不够全面；", "二是解读形式单一。"])
        #expect(r.section(.otherMatters)!.blocks.map(\.text) == ["本机关未收取信息处理费。"])
        #expect(r.closing.map(\.text) == ["某某市交通运输局", "二〇二四年一月二十日"])
        // Prose under a table heading stays a paragraph of that section.
        if !reading.tableLines.contains(13) {
            #expect(r.section(.proactiveDisclosure)!.blocks.map(\.text) == ["注：本局无规章。"])
        }
        #expect(!r.metadata.incomplete)
    }

    @Test func noHeadingsAtAll() throws {
        let rr = try TextReportReader.read(Data("随便写的一段文字。\n没有任何标题".utf8), fileName: "x.txt")
        #expect(rr.diagnostics.contains { $0.code == "read.no-sections" && $0.severity == .error })
        #expect(rr.report.preamble.map(\.text) == ["随便写的一段文字。", "没有任何标题"])
        #expect(rr.report.metadata.incomplete)
    }

    @Test func headingNumberMismatchIsReported() throws {
        let text = "一、总体情况\n正文。\n三、主动公开政府信息情况\n"
        let rr = try TextReportReader.read(Data(text.utf8), fileName: "x.txt")
        #expect(rr.report.sections.map(\.kind) == [.overview, .proactiveDisclosure])
        #expect(rr.diagnostics.contains { $0.code == "read.heading-number" && $0.line == 3 })
    }

    /// Tricky lines never crash the reader and never lose a line.
    @Test func randomLinesNeverCrash() throws {
        let pieces = ["一、", "（一）", "1.", "总体情况", "主动公开政府信息情况", "\t0", "\t", "。", "，", "[bookmark: x]", "2024年1月2日",
                      "局", "  ", "六、其他需要报告的事项", "报告", "(", "）", "１２", "三、收到和处理政府信息公开申请情况"]
        var rng = SeededRNG(seed: 42)
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int.random(in: 1..<30, using: &rng) {
                for _ in 0..<Int.random(in: 0..<4, using: &rng) { text += pieces.randomElement(using: &rng)! }
                text += Bool.random(using: &rng) ? "\n" : "\r\n"
            }
            let reading = try TextReportReader.readDetailed(Data(text.utf8), fileName: "r")
            let r = reading.result.report
            var covered = reading.metadataLines.union(reading.tableLines)
            for b in r.preamble + r.sections.flatMap(\.blocks) + r.closing { if let l = b.lines { covered.formUnion(l.first...l.last) } }
            covered.formUnion(r.sections.compactMap(\.line))
            for f in r.unrecognised { covered.formUnion(f.lines.first...f.lines.last) }
            for line in reading.lines where !DocumentText.isBlank(line.text) {
                #expect(covered.contains(line.number), "line \(line.number) lost in \(text.debugDescription)")
            }
        }
    }
}

/// Table sections whose heading line is missing are placed at their table's first line.
@Suite struct TextMissingHeadingTests {
    /// The seed without the lines for which `drop` is true.
    private func seed(_ name: String, dropping drop: (String) -> Bool) throws -> Data {
        let text = try Fixtures.string("seeds/" + name)
        var lines: [Substring] = []
        var rest = text[...]
        while let nl = rest.firstIndex(of: "\n") { lines.append(rest[..<nl]); rest = rest[rest.index(after: nl)...] }
        lines.append(rest)
        return Data(lines.map { drop(String($0)) ? "" : String($0) }.joined(separator: "\n").utf8)
    }

    @Test(arguments: ["000_44f90c379b4f7fce.txt", "003_be85ec6c6b6a0b3c.txt"])
    func tablesFoundWithoutTheirHeadings(_ name: String) throws {
        let original = try TextReportReader.read(try Fixtures.data("seeds/" + name), fileName: name)
        let headless = try seed(name) { line in
            ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"].contains(line.trimmingCharacters(in: .whitespaces))
        }
        let r = try TextReportReader.read(headless, fileName: name)
        #expect(r.report.sections.map(\.kind) == SectionKind.allCases)
        #expect(r.report.sections.filter { $0.line == nil }.map(\.kind) == [.proactiveDisclosure, .applications, .reviewLitigation])
        #expect(r.diagnostics.filter { $0.code == "read.missing-heading" }.count == 3)
        #expect(r.report.tables == original.report.tables)
        #expect(r.report.metadata.edition == original.report.metadata.edition)
        #expect(!r.report.sections.flatMap(\.blocks).contains { $0.text.contains("第二十条") })
    }

    @Test func tablesOnly() throws {
        // Only the three tables of seed 003, without any section heading or narrative.
        let text = try Fixtures.string("seeds/003_be85ec6c6b6a0b3c.txt")
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tables = all[16..<404].filter { !$0.hasPrefix("三、") && !$0.hasPrefix("四、") }
        let r = try TextReportReader.read(Data(tables.joined(separator: "\n").utf8), fileName: "t.txt")
        #expect(r.report.tables.map(\.id) == [.t1, .t2, .t3])
        let original = try TextReportReader.read(Data(text.utf8), fileName: "o.txt").report
        #expect(r.report.tables.map { $0.cells.map(\.number) } == original.tables.map { $0.cells.map(\.number) })
        #expect(r.diagnostics.contains { $0.code == "read.missing-section" })
    }
}

@Suite struct TextTableLikeLineTests {
    @Test func tableRowsInNarrativeAreFragments() throws {
        let text = "一、总体情况\n全年受理申请\n行政许可\t12\t0\n0\n3件。\n"
        let rr = try TextReportReader.read(Data(text.utf8), fileName: "x.txt")
        let s = rr.report.section(.overview)!
        #expect(s.blocks.map(\.text) == ["全年受理申请", "3件。"])
        #expect(rr.report.unrecognised.map(\.lines.first) == [3, 4])
        #expect(rr.diagnostics.filter { $0.code == "read.unrecognised" }.map(\.line) == [3, 4])
        #expect(ReportRecognizer.isTableLike("－５８") && !ReportRecognizer.isTableLike("2023年") && !ReportRecognizer.isTableLike("一、"))
    }
}

@Suite struct TextInferredMetadataTests {
    @Test func agencyFromSectionOneOrSignature() throws {
        let body = "一、总体情况\n2022年，某某县水利局认真落实条例。某某县水利局全年公开信息10条。\n六、其他需要报告的事项\n无。\n"
        let a = try TextReportReader.read(Data(body.utf8), fileName: "a.txt")
        #expect(a.report.metadata.agency == "某某县水利局")
        #expect(a.report.metadata.year == 2022)
        #expect(a.diagnostics.contains { $0.code == "read.metadata-inferred" && $0.message.contains("section 一") })
        let signed = body + "\n某某县水务局\n2023年1月9日\n"
        let b = try TextReportReader.read(Data(signed.utf8), fileName: "b.txt")
        #expect(b.report.metadata.agency == "某某县水务局")
        #expect(b.report.metadata.publicationDate == "2023-01-09")
    }
}
