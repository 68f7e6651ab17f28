import Foundation
import Testing
@testable import OGIReport

/// Text cells in value positions ("详见附件", "另行说明", "无 （见说明）") in every table and both
/// layouts: they are text values of their own column, never part of a row label, and the cells
/// after them keep their columns. Also prose with an unfinished sentence in table sections.
@Suite struct TableTextValueTests {
    typealias E = TableReaderEdgeTests
    static let s000 = E.s000, s002 = E.s002, s003 = E.s003

    /// The cell of a concept in the table that holds it.
    static func cell(_ r: TablesReadResult, _ id: String) -> CellValue? {
        r.tables.lazy.compactMap { $0.cell(id) }.first
    }

    /// Expects a clean read: no fragment, no warning, not cut off.
    /// No fragments and no warnings but the `table.value-text` warning each text value cell gets
    /// (issue 9: a value position holding text is said, located; ``expectText`` checks it).
    static func expectClean(_ r: TablesReadResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.fragments.map(\.text) == [], sourceLocation: sourceLocation)
        #expect(r.diagnostics.filter { $0.severity >= .warning && $0.code != "table.value-text" }.map(\.description) == [],
                sourceLocation: sourceLocation)
        #expect(!r.incomplete, sourceLocation: sourceLocation)
    }

    static func expectText(_ r: TablesReadResult, _ id: String, _ raw: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let c = cell(r, id)
        #expect(c?.presence == .text && c?.raw == raw && c?.number == nil, "\(id): \(String(describing: c))",
                sourceLocation: sourceLocation)
        #expect(r.diagnostics.contains { $0.code == "table.value-text" && $0.line == c?.position?.line && $0.message.contains(raw) },
                "\(id): no located value-text warning", sourceLocation: sourceLocation)
    }

    static func expectNumber(_ r: TablesReadResult, _ id: String, _ n: Decimal,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(cell(r, id)?.number == n, "\(id): \(String(describing: cell(r, id)))", sourceLocation: sourceLocation)
    }

    // MARK: Table 2, tab rows

    @Test func table2TextAfterANestedRowLabel() throws {
        // Seed 000 line 53: 三、本年度办理结果→(一) 予以公开→4→0→0→0→0→0→4→
        let text = try E.edit(Self.s000, [53: ["三、本年度办理结果\t(一) 予以公开\t详见附件\t0\t0\t0\t0\t0\t4\t"]])
        let r = TableTestSupport.read(text)
        Self.expectClean(r)
        Self.expectText(r, "t2.disclosed.naturalPerson", "详见附件")
        Self.expectNumber(r, "t2.disclosed.commercial", 0)
        Self.expectNumber(r, "t2.disclosed.total", 4)
    }

    @Test func table2TextAfterABlankValueCell() throws {
        // Seed 000 line 51, as the template writer prints it: label, a blank value, then text.
        let text = try E.edit(Self.s000, [51: ["\t\t一、本年新收政府信息公开申请数量\t\t另行说明\t0\t0\t0\t0\t14"]])
        let r = TableTestSupport.read(text)
        Self.expectClean(r)
        #expect(Self.cell(r, "t2.received.naturalPerson")?.presence == .blank)
        Self.expectText(r, "t2.received.commercial", "另行说明")
        Self.expectNumber(r, "t2.received.total", 14)
    }

    @Test func table2TextWithANotApplicableWord() throws {
        let text = try E.edit(Self.s000, [53: ["三、本年度办理结果\t(一) 予以公开\t无 （见说明）\t16\t0\t—\t0\t0\t4"]])
        let r = TableTestSupport.read(text)
        Self.expectClean(r)
        Self.expectText(r, "t2.disclosed.naturalPerson", "无 （见说明）")
        Self.expectNumber(r, "t2.disclosed.commercial", 16)
        #expect(Self.cell(r, "t2.disclosed.publicWelfare")?.presence == .notApplicable)
        Self.expectNumber(r, "t2.disclosed.total", 4)
    }

    @Test func table2LabelWrappedIntoTheNextCellAndLineStillReads() throws {
        // "(二) 部分公开" + the first part of its note in the next cell, the rest on the next line with the values.
        let text = try E.edit(Self.s000, [54: ["\t(二) 部分公开\t(区分处理的, 只计这一情形,", "不计其他情形)\t0\t0\t0\t0\t0\t0\t0"]])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, E.expectation(Self.s000)) == [])
        #expect(r.fragments.isEmpty)
        #expect(r.consumedLines.isSuperset(of: [54, 55]))
    }

    @Test func table2SplitLabelCellStillReads() throws {
        // Seed 001's "(六) 其他处理" row with its label split over two cells and a text value.
        let text = try E.edit(Self.s000, [53: ["三、本年度办理结果\t(一)\t予以公开\t详见附件\t0\t0\t0\t0\t0\t4"]])
        let r = TableTestSupport.read(text)
        Self.expectClean(r)
        Self.expectText(r, "t2.disclosed.naturalPerson", "详见附件")
        Self.expectNumber(r, "t2.disclosed.total", 4)
    }

    // MARK: Table 2, one cell per line

    @Test func table2TextCellInCellPerLine() throws {
        // Seed 003 line 102: the first value of （一）予以公开.
        let text = try E.edit(Self.s003, [102: ["\t详见附件"]])
        let r = TableTestSupport.read(text)
        Self.expectClean(r)
        Self.expectText(r, "t2.disclosed.naturalPerson", "详见附件")
        Self.expectNumber(r, "t2.disclosed.total", 1)
    }

    @Test func otherProcessingRowWithATextValue2019() throws {
        // Seed 002 (edition 2019, one cell per line) line 327: the first value of （六）其他处理.
        let text = try E.edit(Self.s002, [327: ["\t详见附件"]])
        let r = TableTestSupport.read(text)
        #expect(r.edition == .e2019)
        #expect(r.fragments.isEmpty)
        Self.expectText(r, "t2.otherProcessing.naturalPerson", "详见附件")
        Self.expectNumber(r, "t2.otherProcessing.total", 0)
    }

    @Test func unknownNumberedTextAfterOtherProcessingIsNoValue() throws {
        // Seed 000 (2021) line 75 with an unknown sub-row: not taken for a 2019 （六）其他处理 row.
        let line = "(六) 其他 处理\t\t4. 其他情形\t0\t0\t0\t0\t0\t0\t0"
        let text = try E.edit(Self.s000, [75: [line, "\t\t1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0"]])
        let r = TableTestSupport.read(text)
        #expect(r.edition == .e2021)
        #expect(r.fragments.map(\.text) == [line])
        #expect(E.warnings(r, "table.unknown-row").map(\.line) == [75])
        #expect(TableSeedTests.problems(r, E.expectation(Self.s000)) == [])
    }

    // MARK: Table 3

    @Test func table3TextFirstInTheDataRow() throws {
        let text = try E.edit(Self.s000, [86: ["详见附件\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t5"]])
        let r = TableTestSupport.read(text)
        Self.expectClean(r)
        Self.expectText(r, "t3.review.upheld", "详见附件")
        Self.expectNumber(r, "t3.review.corrected", 0)
        Self.expectNumber(r, "t3.suitAfterReview.total", 5)
    }

    @Test func table3RowLabelBeforeFifteenValuesIsNoValue() throws {
        let text = try E.edit(Self.s000, [86: ["数量\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t5"]])
        let r = TableTestSupport.read(text)
        #expect(!r.incomplete)
        Self.expectNumber(r, "t3.review.upheld", 0)
        Self.expectNumber(r, "t3.suitAfterReview.total", 5)
    }

    @Test func table3TextCellInCellPerLine() throws {
        // Seed 003 line 388: the first value of table 3.
        let text = try E.edit(Self.s003, [388: ["\t详见附件"]])
        let r = TableTestSupport.read(text)
        Self.expectClean(r)
        Self.expectText(r, "t3.review.upheld", "详见附件")
        Self.expectNumber(r, "t3.suitAfterReview.total", 0)
    }

    // MARK: Table 1

    @Test func table1TextValueInTabRows() throws {
        let text = try E.edit(Self.s000, [37: ["行政许可\t详见附件\t\t"]])
        let r = TableTestSupport.read(text)
        Self.expectClean(r)
        Self.expectText(r, "t1.licensing.decisions", "详见附件")
    }

    @Test func table1TextValueInCellPerLine() throws {
        // Seed 003 line 40: the value of 行政许可.
        let text = try E.edit(Self.s003, [40: ["\t详见附件"]])
        let r = TableTestSupport.read(text)
        Self.expectClean(r)
        Self.expectText(r, "t1.licensing.decisions", "详见附件")
    }

    // MARK: Prose in table sections

    static let unfinished = ["我局严格执行信息发布保密审查制度，确保公开信息不涉密", "", "全年主动公开政府信息453条。", ""]

    static func sectionBlocks(_ text: String, _ kind: SectionKind) throws -> [Block] {
        let r = try TextReportReader.read(Data(text.utf8), fileName: "test.txt").report
        return r.sections.first { $0.kind == kind }?.blocks ?? []
    }

    @Test func unfinishedSentenceBeforeATabTableIsRejoined() throws {
        // Seed 000 line 47 is the blank line after the heading of section 三.
        let text = try E.edit(Self.s000, [47: [""] + Self.unfinished])
        let blocks = try Self.sectionBlocks(text, .applications)
        #expect(blocks.map(\.text) == ["我局严格执行信息发布保密审查制度，确保公开信息不涉密全年主动公开政府信息453条。"])
        #expect(blocks.first?.lines == LineRange(48, 50))
    }

    @Test func unfinishedSentenceAfterACellPerLineTableIsRejoined() throws {
        // Seed 003: after table 3's last value (line 402), before section 五.
        let text = try E.edit(Self.s003, [403: ["", "本年度未发生行政复议、行政诉讼案件，", "", "予以说明。", ""]])
        let blocks = try Self.sectionBlocks(text, .reviewLitigation)
        #expect(blocks.map(\.text) == ["本年度未发生行政复议、行政诉讼案件，予以说明。"])
    }

    @Test func finishedSentencesAndTableLinesAreNeverJoined() throws {
        // A finished sentence stays alone, and no paragraph runs across the table (seed 000's
        // table 2 ends at line 79).
        let text = try E.edit(Self.s000, [47: ["", "全年主动公开政府信息453条。", "", "我局严格执行信息发布保密审查制度，确保公开信息不涉密", ""],
                                          80: ["", "予以说明。", ""]])
        let blocks = try Self.sectionBlocks(text, .applications)
        #expect(blocks.map(\.text) == ["全年主动公开政府信息453条。", "我局严格执行信息发布保密审查制度，确保公开信息不涉密", "予以说明。"])
    }

    @Test func shortLeadInEndingASentenceIsProse() throws {
        // A short lead-in ending with a colon before a table is a paragraph; a short line
        // without punctuation stays unrecognised (it may be a stray cell).
        let text = try E.edit(Self.s000, [47: ["", "本年度数据如下：", "", "数据如下", ""]])
        let r = try TextReportReader.read(Data(text.utf8), fileName: "test.txt").report
        #expect(r.sections.first { $0.kind == .applications }?.blocks.map(\.text) == ["本年度数据如下："])
        #expect(r.unrecognised.map(\.text) == ["数据如下"])
    }
}
