import Testing
@testable import OGIReport

@Suite struct LabelMatcherTests {

    @Test func normalisationFoldsWidthSpacesQuotesAndNumbering() {
        let pairs: [(String, String)] = [
            ("(六) 其他 处理", "（六）其他处理"),
            ("结果 维持", "结果维持"),
            ("1. 属于国家秘密", "1.属于国家秘密"),
            ("1、属于国家秘密", "1.属于国家秘密"),
            ("1．属于国家秘密", "1.属于国家秘密"),
            ("１．属于国家秘密", "1.属于国家秘密"),
            ("3.危及\"三安全一稳定\"", "3.危及“三安全一稳定”"),
            ("3.危及「三安全一稳定」", "3.危及“三安全一稳定”"),
            ("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            ("本年增／减", "本年增/减"),
            ("商业\n企业", "商业企业"),
            ("\u{A0}第二十条第〔一〕项", "第二十条第（一）项"),
        ]
        for (a, b) in pairs {
            #expect(LabelText.normalize(a) == LabelText.normalize(b), "\(a) vs \(b)")
        }
        // "、" after a Chinese numeral is kept: 一、 is a heading, not a decimal point.
        #expect(LabelText.normalize("一、本年新收") == "一、本年新收")
    }

    @Test func numberingIsSplitOff() {
        let cases: [(String, Int?, String)] = [
            ("一、本年新收政府信息公开申请数量", 1, "本年新收政府信息公开申请数量"),
            ("（三）不予公开", 3, "不予公开"),
            ("(1)予以公开", 1, "予以公开"),
            ("8.属于行政查询事项", 8, "属于行政查询事项"),
            ("12、其他", 12, "其他"),
            ("十二、其他", 12, "其他"),
            ("①重复申请", 1, "重复申请"),
            ("3.危及“三安全一稳定”", 3, "危及三安全一稳定"),
            ("三安全", nil, "三安全"),
            ("总计", nil, "总计"),
            ("12901", nil, "12901"),
        ]
        for (label, n, core) in cases {
            let s = LabelText.splitNumbering(LabelText.normalize(label))
            #expect(s.number == n, "\(label)")
            #expect(s.core == core, "\(label)")
        }
    }

    @Test func matcherLevels() {
        let m = LabelMatcher([LabelEntry("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly"),
                              LabelEntry("（二）部分公开", "partly"),
                              LabelEntry("3.其他", "other"),
                              LabelEntry("（六）其他处理", "group")])
        #expect(m.match(LabelText.normalize("(二)部分公开")).level == .exact)
        #expect(m.match(LabelText.normalize("2. 部分公开")).level == .core)
        #expect(m.match(LabelText.normalize("部分公开（区分处理的）")).entries.map(\.target) == ["partly"])
        #expect(m.match(LabelText.normalize("其他")).entries.map(\.target) == ["other"])
        #expect(m.match(LabelText.normalize("(6)其他处理")).entries.map(\.target) == ["group"])
        #expect(m.match(LabelText.normalize("其他说明")).entries.isEmpty)
        #expect(m.match("").entries.isEmpty)
    }

    /// Every official label of every table matches itself, from the concept table.
    @Test func officialLabelsMatch() {
        for e in Edition.allCases {
            for b in ConceptTable.spec(.t1, e).blocks {
                for r in b.rows { #expect(Table1Reader.rows.match(LabelText.normalize(r.label)).entries.first?.target.key == r.key) }
                for c in b.columns {
                    let cell = GridCell(raw: c.label, line: 1, column: 1)
                    #expect(Table1Reader.column(cell, block: b.key)?.key == c.key)
                }
            }
            for r in ConceptTable.spec(.t2, e).blocks[0].rows where r.key != Table2Reader.otherRowKey {
                let found = Table2Reader.labels.rows.match(LabelText.normalize(r.label)).entries.map(\.target)
                #expect(found == [.row(r.key)], "\(r.label)")
            }
        }
    }
}
