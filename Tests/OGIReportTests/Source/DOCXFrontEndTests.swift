import Foundation
import Testing
@testable import OGIReport

/// The DOCX front end on small packages made in the test: paragraphs and headings, automatic
/// numbering, tables with merged cells, fields, content controls, tracked changes, text boxes,
/// places (paragraph numbers and table/row/cell).
@Suite struct DOCXFrontEndTests {
    typealias P = DOCXTestPackage

    static func doc(_ body: String, numbering: String? = nil, styles: String? = nil) throws -> SourceDocument {
        let data = try P.make(body: body, numbering: numbering, styles: styles)
        #expect(ReaderRegistry.sniff(data) == .docx)
        return try DOCXFrontEnd.read(data, fileName: "t.docx")
    }

    static let numbering = """
    <w:abstractNum w:abstractNumId="0">\
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>\
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>\
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>\
    </w:abstractNum>\
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>\
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>\
    <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    """

    static func numbered(_ text: String, _ numId: Int, _ ilvl: Int) -> String {
        P.p(text, pPr: "<w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>")
    }

    @Test func automaticNumberingIsRendered() throws {
        let body = [Self.numbered("总体情况", 1, 0), Self.numbered("主动公开", 1, 1), Self.numbered("依申请公开", 1, 1),
                    Self.numbered("第一项", 1, 2), Self.numbered("主动公开政府信息情况", 1, 0), Self.numbered("平台", 1, 1),
                    Self.numbered("甲项", 2, 0), Self.numbered("乙项", 2, 0), Self.numbered("第五", 3, 0),
                    Self.numbered("未编号", 0, 0), Self.numbered("接着", 1, 0)].joined()
        let d = try Self.doc(body, numbering: Self.numbering)
        #expect(d.units.map(\.text) == ["一、总体情况", "（一）主动公开", "（二）依申请公开", "1. 第一项", "二、主动公开政府信息情况",
                                        "（一）平台", "甲、 甲项", "乙、 乙项", "五、第五", "未编号", "六、接着"])
    }

    @Test func numberFormats() {
        let f = DOCXNumberFormat.render
        #expect([1, 10, 11, 20, 21, 100, 101, 110].map { f($0, "chineseCounting") } == ["一", "十", "十一", "二十", "二十一", "一百", "一百零一", "一百一十"])
        #expect([1, 4, 11].map { f($0, "ideographTraditional") } == ["甲", "丁", "甲"])
        #expect(f(12, "decimalFullWidth") == "１２")
        #expect(f(3, "decimalEnclosedCircle") == "③")
        #expect(f(3, "chineseLegalSimplified") == "叁")
        #expect(f(4, "upperRoman") == "IV" && f(3, "lowerLetter") == "c" && f(7, "decimalZero") == "07" && f(7, "bullet") == "")
        #expect(f(105, "ideographDigital") == "一〇五")
    }

    @Test func headingsFromStylesAndOutlineLevels() throws {
        let styles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>\
        <w:style w:type="paragraph" w:styleId="My2"><w:name w:val="My heading"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="My3"><w:name w:val="Mine"/><w:basedOn w:val="My2"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Zh"><w:name w:val="标题 3"/></w:style>
        """
        let body = P.p("一、总体情况", pPr: "<w:pStyle w:val=\"1\"/>") + P.p("（一）主动公开", pPr: "<w:pStyle w:val=\"My3\"/>")
            + P.p("正文", pPr: "<w:pStyle w:val=\"a\"/>") + P.p("三级", pPr: "<w:pStyle w:val=\"Zh\"/>")
            + P.p("直接大纲", pPr: "<w:outlineLvl w:val=\"0\"/>") + P.p("正文级别", pPr: "<w:pStyle w:val=\"1\"/><w:outlineLvl w:val=\"9\"/>")
        let d = try Self.doc(body, styles: styles)
        #expect(d.units.map(\.kind) == [.heading(level: 1), .heading(level: 2), .paragraph, .heading(level: 3), .heading(level: 1), .paragraph])
    }

    @Test func tablesWithMergedCells() throws {
        // Row 1: a 2×2 corner (gridSpan 2 + vMerge restart), a header spanning two columns.
        // Row 2: the corner continued, two headers. Row 3: a label over two columns, two values,
        // a wrapped header-like cell with two paragraphs.
        let rows = [
            "<w:tr>" + P.tc(["信息内容"], tcPr: "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>") + P.tc(["申请人情况"], tcPr: "<w:gridSpan w:val=\"2\"/>") + "</w:tr>",
            "<w:tr>" + P.tc([], tcPr: "<w:gridSpan w:val=\"2\"/><w:vMerge/>") + P.tc(["商业", "企业"]) + P.tc(["科研机构"]) + "</w:tr>",
            "<w:tr>" + P.tc(["一、本年新收"], tcPr: "<w:gridSpan w:val=\"2\"/>") + P.tc(["3"]) + P.tc(["4"]) + "</w:tr>",
        ]
        let body = P.p("前") + "<w:tbl><w:tblGrid/>" + rows.joined() + "</w:tbl>" + P.p("") + P.p("后")
        let d = try Self.doc(body)
        #expect(d.tables.count == 1)
        let t = d.tables[0]
        #expect(t.rows.map { $0.cells.count } == [2, 2, 3])
        #expect(t.rows[0].cells[0].rowSpan == 2 && t.rows[0].cells[0].colSpan == 2)
        #expect(t.rows[1].cells[0].text == "商业\n企业")
        let slots = t.slots()
        #expect(slots[1][0] == .covered(row: 0, cell: 0) && slots[1][2] == .origin(row: 1, cell: 0))
        #expect(t.rows[2].cells[2].range.grid == GridLocation(table: 1, row: 3, cell: 3))
        // The empty paragraph between the table and 后 is a blank unit.
        #expect(d.units.map(\.text) == ["前", "信息内容\t申请人情况", "商业 企业\t科研机构", "一、本年新收\t3\t4", "", "后"])
        #expect(d.units[1].kind == .tableRow(table: 0, row: 0))
        // Paragraph numbers count every w:p (cells and empty ones included): 前 1, cells 2–10, empty 11, 后 12.
        #expect(d.units[0].range.paragraph == 1 && d.units[4].range.paragraph == 11 && d.units[5].range.paragraph == 12)
        #expect(!d.units[0].range.hasLine)
    }

    @Test func nestedAndOneColumnTablesAreReadAsFlow() throws {
        let inner = "<w:tbl>" + "<w:tr>" + P.tc(["a"]) + P.tc(["b"]) + "</w:tr>" + "</w:tbl>"
        let outer = "<w:tbl><w:tr><w:tc>" + P.p("外") + inner + "<w:p/></w:tc></w:tr></w:tbl>"
        let box = "<w:tbl><w:tr>" + P.tc(["框里的字"]) + "</w:tr></w:tbl>"
        let d = try Self.doc(outer + box)
        #expect(d.tables.count == 1)
        #expect(d.units.map(\.text) == ["外", "a\tb", "", "框里的字"])
    }

    @Test func fieldsShowTheirResult() throws {
        let complex = "<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> =SUM(ABOVE) </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>件</w:t></w:r></w:p>"
        let simple = "<w:p><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>"
        let nested = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r><w:instrText> = 1 \"x\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        #expect(try Self.doc(complex + simple + nested).units.map(\.text) == ["共12件", "3", "结果"])
    }

    @Test func contentControlsTabsBreaksAndHyperlinks() throws {
        let block = "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>" + P.p("控件里") + "</w:sdtContent></w:sdt>"
        let inline = "<w:p><w:r><w:t>甲</w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>乙</w:t></w:r></w:sdtContent></w:sdt>"
            + "<w:r><w:tab/><w:t>丙</w:t><w:br/><w:t>丁</w:t></w:r><w:hyperlink r:id=\"rId9\"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
            + "<w:smartTag><w:r><w:t>戊</w:t></w:r></w:smartTag><w:r><w:rPr><w:b/></w:rPr><w:t>己</w:t></w:r></w:p>"
        let row = "<w:tbl><w:tr><w:sdt><w:sdtContent>" + P.tc(["x"]) + "</w:sdtContent></w:sdt>" + P.tc(["y"]) + "</w:tr></w:tbl>"
        #expect(try Self.doc(block + inline + row).units.map(\.text) == ["控件里", "甲乙\t丙\n丁链接戊己", "x\ty"])
    }

    @Test func trackedChangesAreReadAsAccepted() throws {
        let body = "<w:p><w:r><w:t>本年</w:t></w:r><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>新收12件</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>新收13件</w:t></w:r></w:ins></w:p>"
            + "<w:tbl><w:tr>" + P.tc(["a"]) + P.tc(["b"]) + "</w:tr><w:tr><w:trPr><w:del w:id=\"3\" w:author=\"a\"/></w:trPr>" + P.tc(["删"]) + P.tc(["行"]) + "</w:tr></w:tbl>"
        let d = try Self.doc(body)
        #expect(d.units.map(\.text) == ["本年新收13件", "a\tb"])
        let note = try #require(d.diagnostics.first { $0.code == "read.docx-tracked-changes" })
        #expect(note.severity == .note && note.message.contains("1 insertion") && note.message.contains("2 deletion") && note.message.contains("新收12件"))
    }

    @Test func textBoxesAreReadOnceInOrder() throws {
        let box = "<w:txbxContent>" + P.p("框中文字") + "</w:txbxContent>"
        let body = "<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
            + "<wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
            + P.p("后") + "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + P.p("旧式框") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        #expect(try Self.doc(body).units.map(\.text) == ["锚", "框中文字", "后", "", "旧式框"])
    }

    @Test func textInAMergedAwayCellIsKeptAsAFragment() throws {
        let rows = "<w:tr>" + P.tc(["上"], tcPr: "<w:vMerge w:val=\"restart\"/>") + P.tc(["1"]) + "</w:tr>"
            + "<w:tr>" + P.tc(["藏"], tcPr: "<w:vMerge/>") + P.tc(["2"]) + "</w:tr>"
        let d = try Self.doc("<w:tbl>\(rows)</w:tbl>")
        #expect(d.tables[0].rows[0].cells[0].rowSpan == 2)
        #expect(d.fragments.map(\.text) == ["藏"])
        #expect(d.diagnostics.contains { $0.code == "read.docx-merged-text" })
        // The fragment is in the canonical XML, located by its cell, and the XML is valid.
        let result = Normalizer.normalize(try P.make(body: P.p("虚构市示例局2024年政府信息公开工作年度报告") + "<w:tbl>\(rows)</w:tbl>"), fileName: "m.docx")
        let xml = try #require(result.xml, "\(result.schemaErrors)")
        #expect(xml.contains("grid=\"1.2.1\"") && xml.contains(">藏<"))
    }

    @Test func footnotesAreNotReadButSaid() throws {
        let body = "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
        let d = try Self.doc(body)
        #expect(d.units.map(\.text) == ["正文"])
        #expect(d.diagnostics.contains { $0.code == "read.docx-notes" && $0.severity == .warning })
    }

    @Test func legacyHorizontalMergeAndSymbols() throws {
        let row1 = "<w:tr>" + P.tc(["合并"], tcPr: "<w:hMerge w:val=\"restart\"/>") + P.tc([], tcPr: "<w:hMerge/>") + P.tc(["c"]) + "</w:tr>"
        let row2 = "<w:tr>" + P.tc(["a"]) + P.tc(["b"]) + "<w:tc><w:p><w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:noBreakHyphen/><w:softHyphen/></w:r></w:p></w:tc></w:tr>"
        let d = try Self.doc("<w:tbl>\(row1)\(row2)</w:tbl>")
        #expect(d.tables[0].rows[0].cells.map(\.colSpan) == [2, 1])
        #expect(d.tables[0].rows[1].cells[2].text == "\u{FC}-")
    }

    /// Headings numbered by a list whose number is followed by a tab (Word's default suffix) are
    /// the six official sections: the tab is read as a space, never as a table column.
    @Test func headingsNumberedWithATabSuffixAreSections() throws {
        let numbering = """
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        """
        let titles = SectionKind.allCases.map { String($0.heading.drop { $0 != "、" }.dropFirst()) }
        let body = P.p("虚构市示例局2024年政府信息公开工作年度报告") + titles.map { Self.numbered($0, 1, 0) + P.p("正文。") }.joined()
        let data = try P.make(body: body, numbering: numbering)
        let r = try ReaderRegistry.read(data, fileName: "n.docx").result.report
        #expect(r.sections.map(\.kind) == SectionKind.allCases)
    }

    /// Hostile structure inside a well-formed package: huge spans and starts, a continued merge
    /// with nothing above it, overflowing numbers, deep nesting — read, never a crash or a hang.
    @Test func hostileStructureIsReadSafely() throws {
        let numbering = """
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="-9223372036854775808"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1%1%1%9%0%"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="9223372036854775807"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="99999999999999999999"/></w:lvlOverride></w:num>\
        <w:num w:numId="2"><w:abstractNumId w:val="404"/></w:num>
        """
        var body = (0..<5).map { Self.numbered("x", 1, $0 % 2) }.joined() + Self.numbered("y", 2, 0) + Self.numbered("z", 1, 99)
        body += "<w:tbl>" + (0..<50).map { r in
            "<w:tr><w:trPr><w:gridBefore w:val=\"99999\"/></w:trPr>" + (0..<8).map { c in
                P.tc(["\(r * c)"], tcPr: (r + c) % 3 == 0 ? "<w:gridSpan w:val=\"100000000\"/><w:vMerge/>" : "<w:vMerge w:val=\"restart\"/>")
            }.joined() + "</w:tr>"
        }.joined() + "</w:tbl>"
        body += String(repeating: "<w:sdt><w:sdtContent>", count: 100) + P.p("深") + String(repeating: "</w:sdtContent></w:sdt>", count: 100)
        body += "<w:p><w:r><w:sym w:char=\"FFFFFFFF\"/><w:sym w:char=\"zz\"/><w:fldChar w:fldCharType=\"end\"/><w:fldChar w:fldCharType=\"separate\"/><w:t>t</w:t></w:r></w:p>"
        let start = Date()
        let d = try Self.doc(body, numbering: numbering)
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(d.units.contains { $0.text == "深" } && d.units.contains { $0.text == "t" })
        #expect(d.tables.count == 1 && d.tables[0].rows.count == 50)
        _ = d.tables[0].slots()
        _ = try ReaderRegistry.read(try P.make(body: body, numbering: numbering), fileName: "h.docx")
    }
}
