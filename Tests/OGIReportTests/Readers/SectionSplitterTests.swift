import Testing
@testable import OGIReport

@Suite struct SectionSplitterTests {
    @Test(arguments: [
        "一、总体情况", "1、 总体情况", "1.总体情况", "１．总体情况", "（一）总体情况", "(1) 总体情况",
        "  一 、 总 体 情 况  ", "一，总体情况", "一、总体情况：", "\u{3000}一、总体情况。",
    ])
    func overviewHeadings(line: String) throws {
        let h = try #require(SectionSplitter.heading(line, index: 0))
        #expect(h.kind == .overview)
        #expect(h.inlineBody == nil)
    }

    @Test func everyTitleVariantIsFound() {
        for kind in SectionKind.allCases {
            for v in kind.titleVariants {
                #expect(SectionSplitter.heading(kind.numeral + "、" + v, index: 0)?.kind == kind)
            }
        }
    }

    @Test func headingKeptAsWritten() {
        #expect(SectionSplitter.heading("    二、主动公开政府信息情况", index: 0)?.text == "二、主动公开政府信息情况")
        #expect(SectionSplitter.heading("1、 总体情况", index: 0)?.text == "1、 总体情况")
    }

    @Test func bodySentencesAreNotHeadings() {
        #expect(SectionSplitter.heading("一、总体情况良好，我局认真落实。", index: 0) == nil)
        #expect(SectionSplitter.heading("总体情况", index: 0) == nil)
        #expect(SectionSplitter.heading("四、结转下年度继续办理", index: 0) == nil)
        #expect(SectionSplitter.heading("2023 年，我局总体情况良好", index: 0) == nil)
    }

    @Test func inlineBody() throws {
        let h = try #require(SectionSplitter.heading("六、其他需要报告的事项：本机关未收取信息处理费。", index: 3))
        #expect(h.kind == .otherMatters)
        #expect(h.text == "六、其他需要报告的事项：")
        #expect(h.inlineBody == "本机关未收取信息处理费。")
    }

    /// A long line is decided on its first scalars only when they are enough: a long inline body
    /// is kept whole, and a marker or title spaced out past the prefix is still read.
    @Test func longLinesDecideAsWhole() throws {
        let body = String(repeating: "本机关未收取信息处理费，", count: 30)
        let h = try #require(SectionSplitter.heading("六、其他需要报告的事项：" + body, index: 0))
        #expect(h.text == "六、其他需要报告的事项：")
        #expect(h.inlineBody == body)
        let spaced = "一" + String(repeating: " ", count: 120) + "、总体情况"
        #expect(SectionSplitter.heading(spaced, index: 0)?.kind == .overview)
        #expect(SectionSplitter.heading(spaced + "良好，我局认真落实" + body, index: 0) == nil)
        let digits = String(repeating: "1", count: 100) + "、总体情况"
        #expect(SectionSplitter.heading(digits, index: 0) == nil)
        let spacedBody = "六、其他需要报告的事项：" + String(repeating: " ", count: 90) + body
        #expect(SectionSplitter.heading(spacedBody, index: 0)?.inlineBody == body)
    }

    @Test func headingsInOrderOnly() {
        let lines = ["一、总体情况", "正文", "二、主动公开政府信息情况", "一、总体情况", "三、收到和处理政府信息公开申请情况"]
        #expect(SectionSplitter.headings(lines).map(\.kind) == [.overview, .proactiveDisclosure, .applications])
    }

    @Test func seedsHaveSixSections() throws {
        for url in Fixtures.files(in: "seeds", ext: "txt") {
            let r = try TextReportReader.read(try Data(contentsOf: url), fileName: url.lastPathComponent).report
            #expect(r.sections.map(\.kind) == SectionKind.allCases, "\(url.lastPathComponent)")
        }
    }
}

import Foundation

@Suite struct SectionSplitterLooseTests {
    @Test func looseTitlesBetweenFoundHeadings() {
        let lines = ["一、总体情况", "正文。", "二、主动公开政府信息情况", "表", "三、收到和处理政府信息公开申请的情况", "表",
                     "四、政府信息公开行政复议、行政诉讼情况", "表", "存在的主要问题及改进情况", "正文。", "六、其他需要报告的事项", "无。"]
        let h = SectionSplitter.headings(lines)
        #expect(h.map(\.kind) == SectionKind.allCases)
        #expect(h.map(\.index) == [0, 2, 4, 6, 8, 10])
        #expect(h.filter(\.loose).map(\.kind) == [.applications, .problems])
    }

    @Test func looseNeverTakesTableRowsOrSentences() {
        // "四、结转下年度继续办理" has the right number but not the title.
        #expect(SectionSplitter.looseHeading("四、结转下年度继续办理", index: 0, kind: .reviewLitigation) == nil)
        #expect(SectionSplitter.looseHeading("三、收到和处理政府信息公开申请的情况，如下。", index: 0, kind: .applications) == nil)
        #expect(SectionSplitter.looseHeading("二、收到和处理政府信息公开申请的情况", index: 0, kind: .applications) == nil)
    }
}
