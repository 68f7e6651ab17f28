import Foundation
import Testing
@testable import OGIReport

@Suite struct TemplateBuilderTests {
    private func errors(_ r: TemplateRequest) -> [String] {
        do { _ = try TemplateBuilder.build(r); return [] } catch let e as DiagnosticError {
            return e.diagnostics.map(\.description)
        } catch { return ["\(error)"] }
    }

    /// Last year's report with row 四 filled per column (column index + 1), the otherOrg column blank.
    private func lastYear(_ year: Int = 2023, agency: String? = "示例区卫生健康局") -> Report {
        var r = BlankReport.make(agency: agency ?? "x", year: year)
        r.metadata.agency = agency
        for (i, col) in ConceptTable.spec(.t2, .e2021).blocks[0].columns.enumerated() where col.key != "otherOrg" {
            CarryOver.set(.number(ConceptTable.id(.t2, rowKey: "carriedForward", columnKey: col.key), Decimal(i + 1)), in: &r)
        }
        return r
    }

    @Test func blankDefaultsToEdition2021() throws {
        let (r, w) = try TemplateBuilder.build(TemplateRequest(agency: "  某局 ", year: 2024))
        #expect(w.isEmpty)
        #expect(r.metadata.edition == .e2021 && r.metadata.agency == "某局" && r.metadata.year == 2024)
        #expect(r.metadata.title == "某局2024年政府信息公开工作年度报告")
        #expect(r.tables.flatMap(\.cells).count == ConceptTable.concepts(.e2021).count)
        #expect(r.tables.flatMap(\.cells).allSatisfy { $0.presence == .blank })
        let r19 = try TemplateBuilder.build(TemplateRequest(agency: "某局", year: 2020, edition: "2019")).report
        #expect(r19.metadata.edition == .e2019)
    }

    @Test func badInputIsAClearError() {
        #expect(errors(TemplateRequest(agency: "某局", year: 2024, edition: "2020")).first?.contains("unknown edition '2020'; expected one of: 2019, 2021") == true)
        #expect(errors(TemplateRequest(agency: "某局", year: 2007)).first?.contains("year 2007 is outside 2008–2100") == true)
        #expect(errors(TemplateRequest(agency: "某局", year: 2101)).first?.contains("outside") == true)
        #expect(!errors(TemplateRequest(agency: "某局", year: 2008)).contains { _ in true })
        #expect(!errors(TemplateRequest(agency: "某局", year: 2100)).contains { _ in true })
        #expect(errors(TemplateRequest(agency: " \t　", year: 2024)).first?.contains("agency is empty") == true)
        #expect(errors(TemplateRequest(agency: "", year: 2024)).first?.contains("agency is empty") == true)
        #expect(errors(TemplateRequest(agency: "某局")).first?.contains("--year is required") == true)
        #expect(errors(TemplateRequest(year: 2024)).first?.contains("--agency is required") == true)
        // Several problems are reported together.
        #expect(errors(TemplateRequest(agency: "", year: 1999, edition: "x")).count == 3)
    }

    @Test func fromKeepsTheReportAndRefusesContradictions() throws {
        let filled = WriterSampleReports.filled2021()
        let same = try TemplateBuilder.build(TemplateRequest(from: filled, fromName: "a.xml")).report
        #expect(same == filled)
        #expect(try TemplateBuilder.build(TemplateRequest(agency: "示例区卫生健康局", year: 2023, edition: "2021", from: filled)).report == filled)
        #expect(errors(TemplateRequest(edition: "2019", from: filled, fromName: "a.xml")) ==
                ["a.xml: error[template]: --edition 2019 contradicts the report's edition 2021"])
        #expect(errors(TemplateRequest(year: 2022, from: filled, fromName: "a.xml")).first?.contains("--year 2022 contradicts the report's year 2023") == true)
        #expect(errors(TemplateRequest(agency: "别的局", from: filled, fromName: "a.xml")).first?.contains("contradicts the report's agency") == true)
        // Options fill what the report lacks.
        var bare = filled
        bare.metadata.agency = nil; bare.metadata.year = nil
        let r = try TemplateBuilder.build(TemplateRequest(agency: "某局", year: 2023, from: bare)).report
        #expect(r.metadata.agency == "某局" && r.metadata.year == 2023)
    }

    @Test func carryOverPrefillsRowTwoFromLastYearsRowFour() throws {
        let (r, warnings) = try TemplateBuilder.build(TemplateRequest(year: 2024, previous: lastYear(), previousName: "2023.xml"))
        #expect(r.metadata.agency == "示例区卫生健康局")
        for (i, col) in ConceptTable.spec(.t2, .e2021).blocks[0].columns.enumerated() {
            let cell = r.cell(ConceptTable.id(.t2, rowKey: "carriedOver", columnKey: col.key))
            if col.key == "otherOrg" {
                #expect(cell?.presence == .blank)
            } else {
                #expect(cell?.number == Decimal(i + 1) && cell?.presence == .value)
            }
        }
        #expect(r.metadata.notes.count == 2)
        #expect(r.metadata.notes.contains("注：机关名称“示例区卫生健康局”沿用上年度报告。"))
        #expect(r.metadata.notes.contains("注：表中“二、上年结转政府信息公开申请数量”一行已按《示例区卫生健康局2023年政府信息公开工作年度报告》中“四、结转下年度继续办理”一行逐列预填（6列），请核对。"))
        #expect(warnings.map(\.description) == ["2023.xml: warning[template-carry-over]: last year's “四、结转下年度继续办理” / 其他 holds no number; “二、上年结转政府信息公开申请数量” / 其他 left as it was"])
        let text = TemplateWriter.write(r, format: .text)
        let ls = text.split(separator: "\n").map(String.init)
        #expect(ls[1] == r.metadata.notes[0] && ls[2] == r.metadata.notes[1])
        #expect(ls.contains("\t\t二、上年结转政府信息公开申请数量\t1\t2\t3\t4\t5\t\t7"))
        #expect(TemplateWriter.write(r, format: .html).contains("<p class=\"note\">\(r.metadata.notes[1])</p>"))
    }

    @Test func carryOverWithAnAgencyGivenAddsNoAgencyNote() throws {
        let r = try TemplateBuilder.build(TemplateRequest(agency: "新局", year: 2024, previous: lastYear())).report
        #expect(r.metadata.agency == "新局")
        #expect(r.metadata.notes.count == 1)
    }

    @Test func carryOverNeedsLastYearsReport() {
        #expect(errors(TemplateRequest(year: 2025, previous: lastYear(2023), previousName: "p.xml")) ==
                ["p.xml: error[template]: --previous is the 2023 report, but this report is for 2025: expected the 2024 report"])
        #expect(errors(TemplateRequest(year: 2023, previous: lastYear(2023))).count == 1)
        var unknown = lastYear(); unknown.metadata.year = nil
        let w = (try? TemplateBuilder.build(TemplateRequest(year: 2024, previous: unknown)))?.warnings ?? []
        #expect(w.first?.description.contains("unknown") == true)
        #expect(errors(TemplateRequest(year: 2024, previous: lastYear(agency: nil))).first?.contains("--agency is required") == true)
    }

    @Test func carryOverKeepsCellsAlreadyFilledAndSaysSo() throws {
        var this = WriterSampleReports.filled2021()
        this.metadata.year = 2024
        let (r, warnings) = try TemplateBuilder.build(TemplateRequest(from: this, previous: lastYear(), previousName: "p.xml"))
        for col in ConceptTable.spec(.t2, .e2021).blocks[0].columns {
            let id = ConceptTable.id(.t2, rowKey: "carriedOver", columnKey: col.key)
            let before = this.cell(id), after = r.cell(id)
            if before?.presence != .blank { #expect(after == before, "\(id)") }
        }
        #expect(warnings.contains { $0.description.contains("is already") && $0.description.contains("kept") })
        // From a report with no agency, last year's agency is carried over.
        var bare = this; bare.metadata.agency = nil
        let r2 = try TemplateBuilder.build(TemplateRequest(from: bare, previous: lastYear())).report
        #expect(r2.metadata.agency == "示例区卫生健康局")
    }

    @Test func carryOverWorksAcrossEditions() throws {
        var prev19 = BlankReport.make(agency: "某局", year: 2020, edition: .e2019)
        CarryOver.set(.number("t2.carriedForward.total", 9), in: &prev19)
        let r = try TemplateBuilder.build(TemplateRequest(year: 2021, previous: prev19)).report
        #expect(r.metadata.edition == .e2021)
        #expect(r.cell("t2.carriedOver.total")?.number == 9)
    }
}
