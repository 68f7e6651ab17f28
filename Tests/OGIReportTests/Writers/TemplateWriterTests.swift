import Foundation
import Testing
@testable import OGIReport

@Suite struct TemplateWriterTests {
    /// Compares with a golden file; on a mismatch the actual output is left in the temporary
    /// directory for inspection (never written over the golden file).
    private func expectGolden(_ actual: String, _ name: String) throws {
        let expected = try Fixtures.string("templates/" + name)
        if actual != expected {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("actual-" + name)
            try? actual.write(to: out, atomically: true, encoding: .utf8)
            Issue.record("\(name) differs from the golden file; actual output in \(out.path)")
        }
    }

    private func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test func blankGoldens() throws {
        let b21 = BlankReport.make(agency: "示例市测试局", year: 2024)
        try expectGolden(TemplateWriter.write(b21, format: .text), "blank-2021.txt")
        try expectGolden(TemplateWriter.write(b21, format: .html), "blank-2021.html")
        let b19 = BlankReport.make(agency: "示例市测试局", year: 2020, edition: .e2019)
        try expectGolden(TemplateWriter.write(b19, format: .text), "blank-2019.txt")
    }

    @Test func prefilledGolden() throws {
        try expectGolden(TemplateWriter.write(WriterSampleReports.filled2021(), format: .text), "prefilled-2021.txt")
    }

    @Test(arguments: Edition.allCases)
    func blankTextHasEveryOfficialLabelInOrder(_ edition: Edition) {
        let text = TemplateWriter.write(BlankReport.make(agency: "某局", year: 2022, edition: edition), format: .text)
        let ls = lines(text)
        #expect(ls.first == "某局2022年政府信息公开工作年度报告")
        // Section headings in order, each on its own line.
        var at = 0
        for kind in SectionKind.allCases {
            let i = ls[at...].firstIndex(of: kind.heading)
            #expect(i != nil, "\(kind.heading)")
            at = (i ?? at) + 1
        }
        let subtopics = ConceptTable.overviewSubtopics2021.enumerated().map { "（\(SectionKind(rawValue: $0 + 1)!.numeral)）\($1)" }
        for s in subtopics { #expect(ls.contains(s) == (edition == .e2021), "\(s)") }
        // Every label of every table appears as a cell; value cells are empty.
        let cells = Set(ls.flatMap { $0.split(separator: "\t", omittingEmptySubsequences: true).map(String.init) })
        for spec in ConceptTable.specs(edition) {
            if let note = spec.note { #expect(cells.contains(note)) }
            for b in spec.blocks {
                for l in [b.caption, b.headerLabel].compactMap({ $0 }) { #expect(cells.contains(l), "\(l)") }
                for c in b.columns { for l in c.parents + [c.label] { #expect(cells.contains(l), "\(l)") } }
                for r in b.rows where !r.label.isEmpty { for l in r.parents + [r.label] { #expect(cells.contains(l), "\(l)") } }
            }
        }
    }

    @Test(arguments: Edition.allCases)
    func tableRowsAreRectangular(_ edition: Edition) {
        let text = TemplateWriter.write(BlankReport.make(agency: "某局", year: 2022, edition: edition), format: .text)
        let tabbed = lines(text).filter { $0.contains("\t") }
        let widths = tabbed.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count }
        // Table 1: 信息内容 + 3 columns; table 2: 3 label columns + 7; table 3: 15.
        let t1 = ConceptTable.spec(.t1, edition).blocks
        let t1Lines: Int = t1.count * 2 + t1.flatMap(\.rows).count
        let t2Lines: Int = 3 + ConceptTable.spec(.t2, edition).blocks[0].rows.count
        let expected: [Int] = Array(repeating: 4, count: t1Lines) + Array(repeating: 10, count: t2Lines) + Array(repeating: 15, count: 4)
        #expect(widths == expected)
    }

    @Test func table2NestedLabelsLeaveMergedCellsEmpty() {
        let text = TemplateWriter.write(BlankReport.make(agency: "某局", year: 2022), format: .text)
        let ls = lines(text)
        #expect(ls.contains(ConceptTable.t2Note + "\t\t\t申请人情况" + String(repeating: "\t", count: 6)))
        #expect(ls.contains("\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计"))
        #expect(ls.contains("\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"))
        #expect(ls.contains("\t\t一、本年新收政府信息公开申请数量" + String(repeating: "\t", count: 7)))
        #expect(ls.contains("三、本年度办理结果\t\t（一）予以公开" + String(repeating: "\t", count: 7)))
        #expect(ls.contains("\t（三）不予公开\t1.属于国家秘密" + String(repeating: "\t", count: 7)))
        #expect(ls.contains("\t\t2.其他法律行政法规禁止公开" + String(repeating: "\t", count: 7)))
        #expect(ls.contains("\t\t（七）总计" + String(repeating: "\t", count: 7)))
        #expect(ls.contains("行政复议\t\t\t\t\t行政诉讼" + String(repeating: "\t", count: 9)))
        #expect(ls.contains("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t"))
    }

    @Test(arguments: Edition.allCases)
    func htmlHasOfficialMergedCellsAndIsSelfContained(_ edition: Edition) {
        let html = TemplateWriter.write(BlankReport.make(agency: "某局<&>", year: 2022, edition: edition), format: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>某局&lt;&amp;&gt;2022年政府信息公开工作年度报告</title>"))
        for banned in ["<script", " src=", "href=", "url(", "@import"] { #expect(!html.contains(banned), "\(banned)") }
        let resultRows = ConceptTable.spec(.t2, edition).blocks[0].rows.filter { $0.parents.first == "三、本年度办理结果" }.count
        #expect(resultRows == (edition == .e2021 ? 22 : 20))
        #expect(html.contains("<th class=\"rowLabel\" rowspan=\"\(resultRows)\">三、本年度办理结果</th>"))
        #expect(html.contains("<th class=\"rowLabel\" rowspan=\"8\">（三）不予公开</th>"))
        #expect(html.contains("<th class=\"rowLabel\" rowspan=\"3\">（四）无法提供</th>"))
        #expect(html.contains("<th class=\"rowLabel\" rowspan=\"5\">（五）不予处理</th>"))
        #expect(html.contains("<th class=\"rowLabel\" rowspan=\"3\">（六）其他处理</th>") == (edition == .e2021))
        #expect(html.contains("<th class=\"rowLabel\" colspan=\"2\">（六）其他处理</th>") == (edition == .e2019))
        #expect(html.contains("<th class=\"rowLabel\" colspan=\"3\">四、结转下年度继续办理</th>"))
        #expect(html.contains("<th class=\"corner\" rowspan=\"3\" colspan=\"3\">\(ConceptTable.t2Note)</th>"))
        #expect(html.contains("<th class=\"columnHeader\" colspan=\"7\">申请人情况</th>"))
        #expect(html.contains("<th class=\"columnHeader\" colspan=\"5\">法人或其他组织</th>"))
        #expect(html.contains("<th class=\"columnHeader\" rowspan=\"2\">自然人</th>"))
        #expect(html.contains("<th class=\"columnHeader\" rowspan=\"2\">总计</th>"))
        #expect(html.contains("<th class=\"columnHeader\" colspan=\"5\">行政复议</th>"))
        #expect(html.contains("<th class=\"columnHeader\" colspan=\"10\">行政诉讼</th>"))
        #expect(html.contains("<th class=\"columnHeader\" colspan=\"5\">未经复议直接起诉</th>"))
        #expect(html.contains("<th class=\"caption\" colspan=\"4\">第二十条第（一）项</th>"))
        // Every concept of the edition has exactly one value cell.
        for c in ConceptTable.concepts(edition) {
            #expect(html.components(separatedBy: "data-concept=\"\(c.id)\"").count == 2, "\(c.id)")
        }
    }

    /// Every grid row covers exactly `width` columns once spans are counted.
    @Test(arguments: Edition.allCases)
    func gridSpansTileTheTable(_ edition: Edition) {
        for spec in ConceptTable.specs(edition) {
            let grid = LayoutGrid(spec: spec) { _ in "" }
            var covered = Array(repeating: Array(repeating: 0, count: grid.width), count: grid.rows.count)
            for (r, line) in grid.rows.enumerated() {
                for (c, cell) in line {
                    for dr in 0..<cell.rowspan { for dc in 0..<cell.colspan where r + dr < covered.count && c + dc < grid.width {
                        covered[r + dr][c + dc] += 1
                    } }
                    #expect(r + cell.rowspan <= grid.rows.count && c + cell.colspan <= grid.width)
                }
            }
            #expect(covered.allSatisfy { $0.allSatisfy { $0 == 1 } }, "\(spec.table) \(edition)")
        }
    }

    @Test func cellsArePrintedCanonically() {
        func t(_ c: CellValue) -> String { CellText.text(c) }
        let id = "t2.received.naturalPerson"
        #expect(t(.number(id, 12901, raw: "12,901")) == "12901")
        #expect(t(.number(id, 0, raw: "０")) == "0")
        #expect(t(.number("t1.licensing.change", -58)) == "-58")
        #expect(t(.number("t1.fees.feeAmount", Decimal(string: "282.10")!)) == "282.1")
        #expect(t(CellValue(concept: "t1.procurement.amount", presence: .value, number: 2560, unit: "万元", raw: "2560 万元")) == "2560万元")
        #expect(t(.blank(id)) == "")
        #expect(t(CellValue(concept: id, presence: .blank, raw: " ")) == "")
        #expect(t(CellValue(concept: id, presence: .notApplicable, raw: "/")) == "/")
        #expect(t(CellValue(concept: id, presence: .notApplicable, raw: "—")) == "—")
        #expect(t(CellValue(concept: id, presence: .notApplicable)) == "/")
        #expect(t(CellValue(concept: id, presence: .text, raw: "详见附件")) == "详见附件")
        #expect(t(CellValue(concept: "t1.licensing.change", presence: .value, number: 72, raw: "增72", uncertain: true)) == "增72")
    }

    @Test func prefilledWritesEverythingBack() {
        let r = WriterSampleReports.filled2021()
        let text = TemplateWriter.write(r, format: .text)
        let ls = lines(text)
        #expect(ls.first == r.metadata.title)
        for b in r.preamble + r.sections.flatMap(\.blocks) + r.closing { #expect(ls.contains(b.text), "\(b.text)") }
        #expect(ls.contains("行政事业性收费\t282.1\t\t"))
        #expect(ls.contains("行政许可\t详见附件\t\t"))
        #expect(ls.contains("行政处罚\t增72\t\t"))
        #expect(ls.contains("行政强制\t无\t\t"))
        let html = TemplateWriter.write(r, format: .html)
        #expect(html.contains("data-concept=\"t1.fees.feeAmount\">282.1</td>"))
        #expect(html.contains("<p class=\"closing\">2024年1月20日</p>"))
    }

    @Test func publicationDateBecomesClosingWhenThereIsNone() {
        var r = BlankReport.make(agency: "某局", year: 2023)
        r.metadata.publicationDate = "2024-01-31"
        let ls = lines(TemplateWriter.write(r, format: .text))
        #expect(Array(ls.suffix(4)) == ["某局", "", "2024年1月31日", ""])
        r.metadata.publicationDate = "31/01/2024"
        #expect(lines(TemplateWriter.write(r, format: .text)).suffix(2) == ["六、其他需要报告的事项", ""])
    }

    @Test func editionIsTheReportsOwnOrImpliedByItsCells() {
        var r = Report()
        #expect(TemplateWriter.edition(of: r) == .e2021)
        r.tables = [StatTable(id: .t1, cells: [.number("t1.procurement.projects", 3)])]
        #expect(TemplateWriter.edition(of: r) == .e2019)
        r.metadata.edition = .e2021
        #expect(TemplateWriter.unprintableCells(r).map(\.concept) == ["t1.procurement.projects"])
        r.unrecognised = [Fragment(text: "乱码\t行", lines: LineRange(7, 8), reason: "unknown row")]
        #expect(TemplateWriter.omissions(r, fileName: "a.xml").map(\.description) == [
            "a.xml: warning[template.omitted-cells]: 1 cell(s) have no place in the edition 2021 layout and are not printed: t1.procurement.projects",
            "a.xml:7: warning[template.omitted-fragment]: unrecognised source text is not printed: “乱码 行” (unknown row)",
        ])
        #expect(!TemplateWriter.write(r, format: .text).contains("第二十条第（九）项"))
    }

    @Test func proseIsWrittenOneBlockPerLine() {
        #expect(TemplateWriter.oneLine("  第一行，\r\n　第二行\t制表  \n") == "第一行，第二行 制表")
        #expect(TemplateWriter.oneLine("不变。") == "不变。")
        #expect(TemplateWriter.oneLine(" \t\n ") == "")
        var r = BlankReport.make(agency: "某局", year: 2023, edition: .e2019)
        r.sections[4].blocks = [Block(.paragraph, "甲。\n乙\t丙。"), Block(.paragraph, "  \n ")]
        r.tables[0].cells = [CellValue(concept: "t1.regulations.newlyMade", presence: .text, raw: "见\n附件\t一")]
        let ls = lines(TemplateWriter.write(r, format: .text))
        let at = ls.firstIndex(of: SectionKind.problems.heading)!
        #expect(Array(ls[at...].prefix(5)) == [SectionKind.problems.heading, "", "甲。乙 丙。", "", SectionKind.otherMatters.heading])
        #expect(ls.contains("规章\t见附件 一\t\t"))
    }
}
