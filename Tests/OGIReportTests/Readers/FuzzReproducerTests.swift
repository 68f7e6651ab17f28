import Foundation
import Testing
@testable import OGIReport

/// The minimal reproducers of `Fixtures/fuzz/` (failures `tools/fuzz.py` found): each is read,
/// its canonical XML validates against the schema, and the expected located diagnostic is given.
@Suite struct FuzzReproducerTests {
    private func read(_ name: String) throws -> ReadResult {
        try TextReportReader.read(try Fixtures.data("fuzz/" + name), fileName: name)
    }

    private func read(text: String, name: String = "test.txt") throws -> ReadResult {
        try TextReportReader.read(Data(text.utf8), fileName: name)
    }

    /// The schema's complaints about the canonical XML of a report (empty when it validates).
    private func schemaProblems(_ report: Report) -> [Diagnostic] {
        SchemaValidator.shared.validate(Data(CanonicalXML.write(report).utf8))
    }

    private func cell(_ r: ReadResult, _ table: TableID, _ concept: ConceptID) -> CellValue? {
        r.report.tables.first { $0.id == table }?.cell(concept)
    }

    // MARK: Numbers that do not fit their concept's value kind

    @Test(arguments: [
        ("count-decimal.txt", "t1.regulations.issued", "2.5", "a decimal in a count"),
        ("count-negative.txt", "t1.regulations.issued", "-1", "a negative count"),
        ("amount-negative.txt", "t1.fees.feeAmount", "-1.5", "a negative amount"),
    ])
    func numberNotFittingItsKindIsKeptAsText(_ name: String, concept: ConceptID, raw: String, why: String) throws {
        let r = try read(name)
        #expect(schemaProblems(r.report) == [])
        let c = try #require(cell(r, .t1, concept))
        #expect(c.presence == .text && c.number == nil && c.raw == raw && c.position?.line == 4)
        let d = try #require(r.diagnostics.first { $0.code == "table.value-kind" })
        #expect(d.severity == .warning && d.file == name && d.line == 4 && d.column != nil)
        #expect(d.message.contains(why) && d.message.contains("“\(raw)”"))
    }

    /// Every kind: what fits is a number, what does not is text with a warning, in both editions.
    @Test func valueKindsOfEveryColumn() throws {
        let t1_2021 = """
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t2.0\t减3\t1.25
        第二十条第（八）项
        信息内容\t本年收费金额（单位：万元）
        行政事业性收费\t减3
        """
        let a = try read(text: t1_2021)
        #expect(schemaProblems(a.report) == [])
        #expect(cell(a, .t1, "t1.regulations.issued")?.number == 2)        // "2.0" is a whole number: kept
        #expect(cell(a, .t1, "t1.regulations.repealed")?.presence == .text)  // 减3: negative
        #expect(cell(a, .t1, "t1.regulations.inForce")?.presence == .text)   // 1.25: decimal
        #expect(cell(a, .t1, "t1.fees.feeAmount")?.raw == "减3")
        #expect(cell(a, .t1, "t1.fees.feeAmount")?.presence == .text)
        #expect(a.diagnostics.filter { $0.code == "table.value-kind" }.map(\.line) == [4, 4, 7])

        let t1_2019 = """
        二、主动公开政府信息情况
        第二十条第（八）项
        信息内容\t上一年项目数量\t本年增/减
        行政事业性收费\t3\t-2
        第二十条第（九）项
        信息内容\t采购项目数量\t采购总金额
        政府集中采购\t1\t-2560万元
        """
        let b = try read(text: t1_2019)
        #expect(b.report.metadata.edition == .e2019)
        #expect(schemaProblems(b.report) == [])
        #expect(cell(b, .t1, "t1.fees.change")?.number == -2)               // a signed count may be negative
        #expect(cell(b, .t1, "t1.procurement.amount")?.presence == .text)
        #expect(cell(b, .t1, "t1.procurement.amount")?.raw == "-2560万元")
        #expect(b.diagnostics.filter { $0.code == "table.value-kind" }.map(\.line) == [7])
        let half = try read(text: t1_2019.replacingOccurrences(of: "\t-2\n", with: "\t-2.5\n"))
        #expect(schemaProblems(half.report) == [])
        #expect(cell(half, .t1, "t1.fees.change")?.presence == .text)
        #expect(half.diagnostics.contains { $0.code == "table.value-kind" && $0.line == 4 })
    }

    // MARK: A header with the same column twice

    @Test func duplicateHeaderColumn() throws {
        let name = "duplicate-header-column.txt"
        let r = try read(name)
        #expect(schemaProblems(r.report) == [])
        let t1 = try #require(r.report.tables.first { $0.id == .t1 })
        #expect(t1.cells.filter { $0.concept == "t1.regulations.issued" }.count == 1)
        #expect(t1.cell("t1.regulations.issued")?.number == 1)
        let d = try #require(r.diagnostics.first { $0.code == "table.duplicate-column" })
        #expect(d.file == name && d.line == 4 && d.column == 6)
        #expect(r.report.unrecognised.contains { $0.text == "2" && $0.lines == LineRange(line: 4) })
    }

    @Test func duplicateHeaderColumn2019() throws {
        let text = """
        二、主动公开政府信息情况
        第二十条第（八）项
        信息内容\t上一年项目数量\t上一年项目数量\t本年增/减
        行政事业性收费\t3\t4\t1
        """
        let r = try read(text: text)
        #expect(r.report.metadata.edition == .e2019)
        #expect(schemaProblems(r.report) == [])
        let t1 = try #require(r.report.tables.first { $0.id == .t1 })
        #expect(t1.cell("t1.fees.previousItems")?.number == 3)
        #expect(t1.cell("t1.fees.change")?.number == 1)
        #expect(r.diagnostics.filter { $0.code == "table.duplicate-column" }.map(\.line) == [4])
        #expect(r.report.unrecognised.contains { $0.text == "4" })
        let concepts = r.report.tables.flatMap { $0.cells.map(\.concept) }
        #expect(Set(concepts).count == concepts.count)
    }

    // MARK: No table shows the edition

    @Test func table3OnlyIsReadAs2021WithAWarning() throws {
        let name = "table3-only.txt"
        let r = try read(name)
        #expect(schemaProblems(r.report) == [])
        #expect(r.report.metadata.edition == .e2021)
        #expect(r.report.tables.map(\.id) == [.t3])
        #expect(r.report.tables.first?.cells.count == 15)
        let d = try #require(r.diagnostics.first { $0.code == "table.edition-assumed" })
        #expect(d.severity == .warning && d.file == name && d.line == 3)
        #expect(d.message.contains("table 3") && d.message.contains("2021"))
    }

    /// Table 1 with only rows of both editions and no header: no label decides either.
    @Test func undecidedTablesAreReadAs2021WithAWarning() throws {
        let text = """
        二、主动公开政府信息情况
        行政处罚\t3
        行政强制\t4
        """
        let r = try read(text: text)
        #expect(schemaProblems(r.report) == [])
        #expect(r.report.metadata.edition == .e2021)
        #expect(r.report.tables.first { $0.id == .t1 }?.cell("t1.penalty.decisions")?.number == 3)
        #expect(r.diagnostics.contains { $0.code == "table.edition-assumed" && $0.line == 2 })
    }

    // MARK: Long runs of empty cells (were quadratic)

    /// 100,000 empty cells after a row label, one a line (one-cell-per-line layout) or in one tab
    /// row: the leading empties are dropped at once, and the cells at the end are the row's values.
    @Test(arguments: [("empty-cells-quadratic.txt", 100_003, 2), ("long-tab-row-quadratic.txt", 2, 100_008)])
    func longRunOfEmptyCells(_ name: String, line: Int, column: Int) throws {
        let r = try read(name)
        #expect(schemaProblems(r.report) == [])
        let t2 = try #require(r.report.tables.first { $0.id == .t2 })
        let total = try #require(t2.cell("t2.partlyDisclosed.total"))
        #expect(total.presence == .zero && total.raw == "0")
        #expect(total.position == SourcePosition(line: line, column: column))
        #expect(t2.cell("t2.partlyDisclosed.naturalPerson")?.presence == .blank)
        #expect(r.diagnostics.contains { $0.code == "table.edition-assumed" })
    }

    // MARK: Many blank lines (blank lines are skipped by the heading passes, lines are not copied)

    @Test func manyBlankLinesAroundHeadings() throws {
        let blank = String(repeating: "\n", count: 20_000)
        let text = "某某局2023年政府信息公开工作年度报告\n" + blank + "一、总体情况\n" + blank + "本年度无。\n" + blank
        let r = try read(text: text)
        #expect(schemaProblems(r.report) == [])
        #expect(r.report.sections.map(\.kind) == [.overview])
        #expect(r.report.sections.first?.line == 20_002)
        #expect(r.report.sections.first?.blocks.first?.lines == LineRange(line: 40_003))
        let none = try read(text: blank + "本年度无。\n")
        #expect(none.report.preamble.first?.lines == LineRange(line: 20_001))
        #expect(none.diagnostics.contains { $0.code == "read.no-sections" })
    }

    // MARK: Agency inference on long running text (was candidates × texts)

    /// 6,000 sentences naming the same agency, no title: the agency is inferred once per distinct
    /// name (8 s before, 0.14 s after in release).
    @Test func agencyInferredFromManyRepeatedSentences() throws {
        let name = "agency-inference-quadratic.txt"
        let r = try read(name)
        #expect(r.report.metadata.agency == "番禺区卫生健康局")
        #expect(r.diagnostics.contains { $0.code == "read.metadata-inferred" && $0.message.contains("番禺区卫生健康局") })
        #expect(schemaProblems(r.report) == [])
    }

    /// A very long run of Han characters with agency endings in it: names longer than 25
    /// characters are never taken, the run's own short names are.
    @Test func agencyNamesInALongHanRun() {
        let long = String(repeating: "甲乙丙丁戊己庚辛壬癸", count: 2_000) + "局"
        #expect(MetadataReader.inferAgency([long], candidatesFrom: [long]) == nil)
        let text = long + "，番禺区卫生健康局负责。番禺区卫生健康局办公室发布。"
        #expect(MetadataReader.inferAgency([text], candidatesFrom: [text]) == "番禺区卫生健康局")
    }
}
