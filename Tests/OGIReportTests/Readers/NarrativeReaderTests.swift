import Foundation
import Testing
@testable import OGIReport

@Suite struct NarrativeReaderTests {
    private func lines(_ texts: [String]) -> [SourceLine] {
        texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    }

    @Test func sentenceBrokenAcrossBlankLinesIsRejoined() {
        let b = NarrativeReader.blocks(lines(["无法提供 1 件，不", "", "予处理 1 件。", "", "下一段。"]))
        #expect(b.map(\.text) == ["无法提供 1 件，不予处理 1 件。", "下一段。"])
        #expect(b[0].lines == LineRange(1, 3))
    }

    @Test func finishedLinesAreSeparateParagraphs() {
        let b = NarrativeReader.blocks(lines(["第一段。", "第二段；", "“引语。”", "第四段"]))
        #expect(b.map(\.text) == ["第一段。", "第二段；", "“引语。”", "第四段"])
    }

    @Test func headingInterruptsAnUnfinishedParagraph() {
        let b = NarrativeReader.blocks(lines(["没有句号的行", "（二）依申请公开", "正文。"]))
        #expect(b.map(\.kind) == [.paragraph, .heading, .paragraph])
    }

    @Test func subHeadings() {
        #expect(NarrativeReader.subHeading("（一）认真落实主动公开")?.body == nil)
        #expect(NarrativeReader.subHeading("(二) 改进措施")?.heading == "(二) 改进措施")
        let s = NarrativeReader.subHeading("（1） 主动公开。我局门户网站及时更新。")
        #expect(s?.heading == "（1） 主动公开。")
        #expect(s?.body == "我局门户网站及时更新。")
        #expect(NarrativeReader.subHeading("（一）扎实推进政府信息（政务）公开工作。")?.body == nil)
        // A marker followed by a sentence is a paragraph.
        #expect(NarrativeReader.subHeading("1.加强学习，提高认识。") == nil)
        #expect(NarrativeReader.subHeading("一是高度重视。") == nil)
        #expect(NarrativeReader.subHeading("2023 年，我局") == nil)
    }

    @Test func indentationTrimmed() {
        let b = NarrativeReader.blocks(lines(["    本年度区卫健局未收费。  "]))
        #expect(b.first?.text == "本年度区卫健局未收费。")
    }

    @Test func seed000Rejoins() throws {
        let r = try TextReportReader.read(try Fixtures.data("seeds/000_44f90c379b4f7fce.txt"), fileName: "000").report
        let texts = r.section(.overview)!.blocks.map(\.text)
        #expect(texts.contains { $0.contains("无法提供 1 件，不予处理 1 件。") })
        #expect(texts.contains { $0.contains("政务公开工作的培训和会议") })
        let p = r.section(.overview)!.blocks.first { $0.text.contains("不予处理 1 件") }
        #expect(p?.lines == LineRange(15, 17))
    }

    @Test func seed001Rejoins() throws {
        let r = try TextReportReader.read(try Fixtures.data("seeds/001_920faedf84c991f1.txt"), fileName: "001").report
        #expect(r.section(.overview)!.blocks.contains { $0.text.contains("涉密不上网”，确保及时") })
        #expect(r.section(.problems)!.blocks.contains { $0.text.contains("有效落实政府信息公开工作。根据") })
        #expect(r.section(.problems)!.blocks.map(\.kind) == [.heading, .paragraph, .heading, .paragraph])
    }

    @Test func seed004SplitSubHeading() throws {
        let r = try TextReportReader.read(try Fixtures.data("seeds/004_bbe5ed0d0ae48369.txt"), fileName: "004").report
        let b = r.section(.overview)!.blocks
        #expect(b[1] == Block(.heading, "（1） 主动公开。", lines: LineRange(line: 4)))
        #expect(b[2].kind == .paragraph && b[2].text.hasPrefix("我局门户网站") && b[2].lines == LineRange(line: 4))
        #expect(r.section(.overview)!.heading == "1、 总体情况")
    }

    @Test func bookmarkArtefactRemovedAndKept() throws {
        let rr = try TextReportReader.read(try Fixtures.data("seeds/003_be85ec6c6b6a0b3c.txt"), fileName: "003.txt")
        let r = rr.report
        #expect(r.section(.overview)!.blocks.contains(Block(.heading, "（四）平台建设", lines: LineRange(line: 12))))
        #expect(r.unrecognised.contains(Fragment(text: "[bookmark: _GoBack]", lines: LineRange(line: 12), reason: "word-processor artefact")))
        #expect(rr.diagnostics.contains { $0.code == "read.artefact" && $0.line == 12 && $0.severity == .warning })
        #expect(!r.sections.flatMap(\.blocks).contains { $0.text.contains("bookmark") })
    }

    @Test func closingOfSeed002() throws {
        let r = try TextReportReader.read(try Fixtures.data("seeds/002_a2c9da7275a0d61c.txt"), fileName: "002").report
        #expect(r.closing.map(\.text) == ["韶关市浈江区卫生健康局", "2025年1月10日"])
        #expect(r.section(.otherMatters)!.blocks.map(\.text) == ["无其他需要报告的事项。"])
    }

    @Test func closingNeverTakesProse() {
        let body = [SourceLine(number: 1, text: "本机关未收取信息处理费。"), SourceLine(number: 2, text: "某某区卫生健康局"),
                    SourceLine(number: 3, text: ""), SourceLine(number: 4, text: "二〇二五年一月十日")]
        let (kept, closing) = ReportRecognizer.splitClosing(body)
        #expect(kept.map(\.number) == [1])
        #expect(closing.map(\.number) == [2, 4])
        let prose = [SourceLine(number: 1, text: "无。")]
        #expect(ReportRecognizer.splitClosing(prose).closing.isEmpty)
    }
}

@Suite struct NarrativeClosingTests {
    private func lines(_ texts: [String]) -> [SourceLine] {
        texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    }

    @Test func sentenceEndingWithAnAgencyIsNotASignature() {
        #expect(ReportRecognizer.splitClosing(lines(["无。", "本年度未收取费用的单位为区财政局"])).closing.isEmpty)
        // An agency line right under the text, without a date, stays in the text.
        #expect(ReportRecognizer.splitClosing(lines(["无。", "某某区财政局"])).closing.isEmpty)
        #expect(ReportRecognizer.splitClosing(lines(["无。", "", "某某区财政局"])).closing.map(\.number) == [3])
        #expect(ReportRecognizer.splitClosing(lines(["无。", "某某区财政局", "2024年1月5日"])).closing.map(\.number) == [2, 3])
    }
}
