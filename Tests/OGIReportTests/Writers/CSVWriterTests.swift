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

/// JSON lines: one object per report, metadata as in the wide CSV, cells keyed by concept id.
@Suite struct JSONLWriterTests {
    @Test func oneObjectPerReportWithCellsKeyedByConcept() throws {
        var report = BlankReport.make(agency: "某局\"\\", year: 2023, edition: .e2021)
        let ids = report.tables[0].cells.map(\.concept)
        report.tables[0].cells[0] = .number(ids[0], 12)
        report.tables[0].cells[1] = .number(ids[1], 0)
        report.tables[0].cells[2] = CellValue(concept: ids[2], presence: .notApplicable, raw: "/")
        report.tables[0].cells[3] = CellValue(concept: ids[3], presence: .text, raw: "见说明\n附表")
        let line = JSONLWriter.line(report, file: "a/b.xml")
        #expect(line.hasSuffix("}}\n") && line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "a/b.xml")
        #expect(object["agency"] as? String == "某局\"\\")
        #expect((object["year"] as? NSNumber)?.intValue == 2023)
        #expect(object["edition"] as? String == "2021")
        #expect(object["format"] as? String == "canonical-xml")
        let cells = try #require(object["cells"] as? [String: Any])
        #expect(cells.count == ConceptTable.concepts(.e2021).count)
        #expect((cells[ids[0]] as? NSNumber)?.intValue == 12)
        #expect((cells[ids[1]] as? NSNumber)?.intValue == 0)
        #expect(cells[ids[2]] as? String == "/")
        #expect(cells[ids[3]] as? String == "见说明\n附表")
        #expect(cells[ids[4]] is NSNull)
        // Canonical concept order, so the bytes are deterministic.
        let keys = line.components(separatedBy: "\"cells\":{")[1].split(separator: ",").map { $0.split(separator: ":")[0] }
        #expect(keys.first == "\"\(ids[0])\"")
        #expect(JSONLWriter.line(report, file: "a/b.xml") == line)
    }

    @Test func stringsEscapeControlsAndKeepChinese() {
        #expect(JSONLWriter.string("a\u{1}b\tc\u{2028}") == "\"a\\u0001b\\tc\\u2028\"")
        #expect(JSONLWriter.string("政府") == "\"政府\"")
    }
}
