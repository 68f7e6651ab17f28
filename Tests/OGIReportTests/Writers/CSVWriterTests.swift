import Foundation
import Testing
@testable import OGIReport

/// CSV fields and records: RFC 4180 quoting, formula-injection prefixes, plain numbers kept.
@Suite struct CSVWriterTests {
    @Test func quotesAndInjection() {
        #expect(CSVField.escape("plain") == "plain")
        #expect(CSVField.escape("a,b") == "\"a,b\"")
        #expect(CSVField.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVField.escape("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVField.escape("+1") == "'+1")
        #expect(CSVField.escape("@x") == "'@x")
        #expect(CSVField.escape("\tx") == "'\tx")
        #expect(CSVField.escape("\rx") == "\"'\rx\"")
        #expect(CSVField.escape("-") == "'-")
        #expect(CSVField.escape("-5") == "-5")
        #expect(CSVField.escape("-12.5") == "-12.5")
        #expect(CSVField.escape("-1e5") == "'-1e5")
        #expect(CSVField.escape("-=1") == "'-=1")
        #expect(CSVField.record(["a", "", "1"]) == "a,,1\r\n")
    }

    @Test func longRowsCarryLabelsOfTheEdition() throws {
        var report = BlankReport.make(agency: "某局", year: 2023, edition: .e2019)
        report.tables[0].cells[0] = CellValue.number(report.tables[0].cells[0].concept, -5, raw: "-5")
        let rows = CSVWriter.longRows(report, file: "a.xml").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == report.tables.reduce(0) { $0 + $1.cells.count })
        let concept = try #require(ConceptTable.byID[report.tables[0].cells[0].concept])
        let label = concept.label(in: .e2019)
        #expect(rows[0].hasPrefix("a.xml,某局,2023,2019,t1,\(concept.id),"))
        #expect(rows[0].contains(label.row) && rows[0].contains(",-5,value,,-5,"), "\(rows[0])")
        let wide = CSVWriter.wideRow(report, file: "a.xml", concepts: CSVWriter.wideConcepts(.e2019))
        #expect(wide.hasPrefix("a.xml,某局,2023,2019,canonical-xml,-5,"))
        #expect(CSVWriter.wideConcepts(nil).count > CSVWriter.wideConcepts(.e2019).count)
    }
}
