import Foundation
import Testing
@testable import OGIReport

/// The glued-cells layout (``GluedRowsLayout``, ``GluedCellRepair``, ``GluedSplits``) and flattened
/// lines (``FlattenedText``): r04 (a crawler's text of a portal page, the whole report on one line,
/// every table row's cells concatenated).
@Suite struct GluedCellsTests {
    static let r04 = "real/r04-flattened-glued.txt"

    /// Tables 2 and 3 and the one table-1 row that splits one way are read; the seven table-1 rows
    /// whose runs split several ways (2019's table 1 has no arithmetic) are not read, each kept as a
    /// fragment with its splits in a warning. No cell is wrong.
    @Test func r04EveryReadCellIsRightAndTheRestAreFlagged() throws {
        let expected = try ExpectedCells(Fixtures.url("real/r04-flattened-glued.expected.json"))
        let reading = try ReaderRegistry.read(try Fixtures.data(Self.r04), fileName: "r04.txt")
        let report = reading.result.report
        let (missing, wrong) = expected.differencesByLabel(report)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(missing.count == 19 && missing.allSatisfy { $0.hasPrefix("t1") }, "\(missing.prefix(20))")
        #expect(report.metadata.source?.layout == .gluedCells)
        #expect(report.metadata.edition == .e2019)
        #expect(report.metadata.incomplete == false)
        #expect(report.metadata.title == "平潭综合实验区2019年度政府信息公开工作年度报告")
        let d = reading.result.diagnostics
        #expect(d.filter { $0.code == "read.flattened" }.count == 1)
        #expect(d.filter { $0.code == "table.glued-cells" }.count == 3)
        #expect(d.filter { $0.code == "table.glued-ambiguous" }.count == 7)
        #expect(d.filter { $0.code == "table.glued-by-sums" }.count == 1)
        #expect(report.unrecognised.filter { $0.reason == "glued cells not split" }.count == 7)
        #expect(report.unrecognised.contains { $0.text == "行政许可\t3960181" })
        // Places are the line and the column of the digits in the source line.
        let line = String(decoding: try Fixtures.data(Self.r04), as: UTF8.self).split(separator: "\n")[9]
        let scalars = Array(line.unicodeScalars)
        let cell = try #require(report.cell("t2.received.naturalPerson"))
        #expect(cell.number == 23)
        let p = try #require(cell.position)
        #expect(p.line == 10)
        #expect(String(String.UnicodeScalarView(scalars[(p.column - 1)..<(p.column + 1)])) == "23")
        let zero = try #require(report.cell("t3.review.upheld")?.position)
        #expect(scalars[zero.column - 1] == "0" && scalars[zero.column - 2] == "计")
    }

    /// Set OGI_WRITE_FIXTURES=1 to regenerate (review the diff).
    @Test func r04GoldenXML() throws {
        let result = Normalizer.normalize(try Fixtures.data(Self.r04), fileName: Self.r04)
        let xml = try #require(result.xml, "\(result.schemaErrors)")
        if ProcessInfo.processInfo.environment["OGI_WRITE_FIXTURES"] == "1" {
            try Data(xml.utf8).write(to: Fixtures.url("real/golden/r04-flattened-glued.xml"))
        }
        #expect(xml == (try Fixtures.string("real/golden/r04-flattened-glued.xml")))
    }

    @Test func splitsAreEveryWayAndOnlyValidNumbers() {
        func texts(_ cells: [String], _ n: Int, decimal: Bool = false) -> [String] {
            GluedSplits.splits(cells, count: n, allowsDecimal: { _ in decimal }).splits
                .map { $0.map { GluedSplits.text($0, in: cells) }.joined(separator: "|") }
        }
        // A zero never starts a longer number, so "0000000" is seven zeros.
        #expect(texts(["0000000"], 7) == ["0|0|0|0|0|0|0"])
        #expect(texts(["000"], 2).isEmpty)
        // A space is a boundary.
        #expect(Set(texts(["230", "000023"], 7)) == ["2|30|0|0|0|0|23", "23|0|0|0|0|0|23", "230|0|0|0|0|2|3"])
        #expect(texts(["3960181"], 3).contains("396|0|181"))
        #expect(texts(["3960181"], 3).count == 11)
        // A point only inside a number, only where decimals are allowed; the unit stays with its number.
        #expect(texts(["12.5"], 2).isEmpty)
        #expect(texts(["12.5"], 2, decimal: true) == ["1|2.5"])
        #expect(texts(["135.5元"], 2, decimal: true) == ["1|35.5元", "13|5.5元"])
        // Full-width digits are digits.
        #expect(texts(["７０"], 2) == ["7|0"])
        // Too many numbers for the digits, or a run that is no number.
        #expect(texts(["12"], 3).isEmpty)
        #expect(texts(["1", "2"], 1).isEmpty)
        let many = GluedSplits.splits([String(repeating: "1", count: 40)], count: 20, limit: 100)
        #expect(many.splits.count == 100 && many.truncated)
        // A filter that keeps nothing on a long run: the work is bounded, and it says so.
        let hostile = GluedSplits.splits([String(repeating: "7", count: 80)], count: 7, accept: { _ in false })
        #expect(hostile.splits.isEmpty && hostile.truncated)
        // Splits whose last number is the sum of the others: the same as filtering every split.
        var g = SeededRNG(seed: 42)
        for _ in 0..<200 {
            let cells = (0..<Int.random(in: 1...3, using: &g)).map { _ in String((0..<Int.random(in: 1...6, using: &g)).map { _ in "0123456789".randomElement(using: &g)! }) }
            let n = Int.random(in: 2...7, using: &g)
            let runs = cells.map(GluedSplits.run)
            let filtered = GluedSplits.splits(cells, count: n, limit: 100_000, accept: { s in
                let v = s.map { GluedSplits.number($0, in: runs)! }
                return v.dropLast().reduce(0, +) == v.last!
            }).splits
            #expect(Set(GluedSplits.sumSplits(cells, count: n, limit: 100_000)!.splits) == Set(filtered), "\(cells) \(n)")
        }
        // No number has more than 17 scalars: a longer run for too few cells has no split.
        #expect(GluedSplits.splits([String(repeating: "7", count: 400)], count: 7).splits.isEmpty)
    }

    /// A hostile glued table (a thousand-digit run in every row) is read in bounded time: its rows
    /// are flagged, none is read.
    @Test func hostileRunsAreBounded() throws {
        let run = String(repeating: "7", count: 1000)
        let text = "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n" + ConceptTable.spec(.t2, .e2021).blocks[0].rows
            .map { $0.label + run }.joined(separator: "\n") + "\n四、政府信息公开行政复议、行政诉讼情况\n"
        let reading = try ReaderRegistry.read(Data(text.utf8), fileName: "hostile.txt")
        #expect(reading.result.report.table(.t2) == nil || reading.result.report.table(.t2)!.cells.allSatisfy { $0.number == nil })
        #expect(reading.result.diagnostics.filter { $0.code == "table.glued-ambiguous" }.count == 25)
    }

    @Test func layoutCutsTextFromDigits() {
        let line = SourceLine(number: 1, text: "规章000规范性文件898989（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0 0 00采购13575394432.52元（2）项")
        let cells = GluedRowsLayout.cells(line).map(\.raw)
        #expect(cells == ["规章", "000", "规范性文件", "898989", "（三）不予公开1.属于国家秘密", "0000000", "2.其他法律行政法规禁止公开",
                          "0", "0", "00", "采购", "13575394432.52元", "（2）项"])
        func glued(_ t: String...) -> Bool { GluedRowsLayout.isGlued(t.enumerated().map { SourceLine(number: $0 + 1, text: $1) }) }
        #expect(glued(line.text))
        #expect(!glued("本年新收政府信息公开申请23件，上年结转2件。"))
        #expect(!glued("1.属于国家秘密 0 0 0 0 0 0 0"))
        #expect(glued("总计000000000000000"))
        #expect(glued("行政许可510-58452", "行政处罚12", "行政强制3", "收费5"))
    }

    @Test func labelsAreCutApartByTheConceptTable() {
        let pieces = GluedLabels(.t1).cut("第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章")
        #expect(pieces.map(\.raw) == ["第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "规章"])
        #expect(pieces.allSatisfy { $0.entry != nil })
        let t2 = GluedLabels(.t2).cut("（三）不予公开1.属于国家秘密未知文字3.危及“三安全一稳定”")
        #expect(t2.map(\.raw) == ["（三）不予公开", "1.属于国家秘密", "未知文字", "3.危及“三安全一稳定”"])
        #expect(t2[2].entry == nil)
    }

    /// A page flattened onto one line with a space between cells (a crawler that kept the spaces):
    /// every seed's template reads back with every cell.
    @Test(arguments: ["000_44f90c379b4f7fce", "001_920faedf84c991f1", "002_a2c9da7275a0d61c", "003_be85ec6c6b6a0b3c", "004_bbe5ed0d0ae48369"])
    func flattenedWithSpacesReadsBack(_ seed: String) throws {
        let x = try CanonicalXML.read(try Fixtures.data("golden/\(seed).xml"), fileName: seed)
        let text = TemplateWriter.write(x, format: .text).split(separator: "\n")
            .map { $0.replacingOccurrences(of: "\t", with: " ") }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .joined(separator: " ")
        let read = try ReaderRegistry.read(Data(text.utf8), fileName: "flat.txt").result
        #expect(read.diagnostics.contains { $0.code == "read.flattened" })
        #expect(read.report.metadata.source?.layout == .gluedCells)
        for table in x.tables {
            for cell in table.cells {
                let got = read.report.cell(cell.concept)
                #expect(got?.presence == cell.presence && got?.number == cell.number, "\(seed) \(cell.concept)")
            }
        }
    }

    /// A line with three section headings inside is cut into pieces located by column.
    @Test func flattenedLineIsSplitAtItsHeadings() throws {
        let body = "某局2023年政府信息公开工作年度报告 一、总体情况本年度" + String(repeating: "开展工作。", count: 80)
            + "二、主动公开政府信息情况 表格三、收到和处理政府信息公开申请情况表格四、政府信息公开行政复议、行政诉讼情况表格五、存在的主要问题及改进情况问题六、其他需要报告的事项无。"
        let doc = try TextFrontEnd.read(Data(("标题: x\n" + body).utf8), fileName: "f.txt")
        let (split, notes) = try #require(FlattenedText.split(doc))
        #expect(notes.count == 1 && notes[0].code == "read.flattened")
        #expect(!split.unitsAreLines)
        let texts = split.units.map(\.text)
        #expect(texts.first == "标题: x")
        #expect(texts[1] == "某局2023年政府信息公开工作年度报告 ")
        #expect(texts[2] == "一、总体情况")
        #expect(texts.contains("二、主动公开政府信息情况 "))
        #expect(texts.last == "无。")
        #expect(texts.dropFirst().joined() == body)
        #expect(split.units[2].range.first == 2)
        #expect(split.units[2].range.column == 21, "\(split.units[2].range)")
        // An ordinary report is left alone.
        #expect(FlattenedText.split(try TextFrontEnd.read(Data("一、总体情况\n正文\n".utf8))) == nil)
    }
}
