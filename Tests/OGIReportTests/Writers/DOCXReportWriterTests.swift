import Foundation
import Testing
@testable import OGIReport

/// What the DOCX template is made of: A4, styles with East Asian fonts, the headings and 2021
/// sub-topics, the three tables with merged cells and repeated header rows, the 勾稽 note, empty
/// value cells, fixed ZIP timestamps.
@Suite struct DOCXReportWriterTests {
    static func parts(_ r: Report) throws -> [String: String] {
        var out: [String: String] = [:]
        for (path, data) in try DOCXTestPackage.parts(try TemplateWriter.docx(r)) { out[path] = String(decoding: data, as: UTF8.self) }
        return out
    }

    @Test(arguments: Edition.allCases)
    func blankTemplateHasTheOfficialParts(_ edition: Edition) throws {
        let p = try Self.parts(BlankReport.make(agency: "某局", year: 2024, edition: edition))
        #expect(Set(p.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
                                "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml"])
        let doc = try #require(p["word/document.xml"]), styles = try #require(p["word/styles.xml"])
        #expect(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(styles.contains("w:eastAsia=\"宋体\"") && styles.contains("w:eastAsia=\"仿宋\"") && styles.contains("w:eastAsia=\"zh-CN\""))
        #expect(doc.components(separatedBy: "<w:tbl>").count - 1 == 3)
        #expect(doc.contains("<w:tblHeader/>") && doc.contains("<w:vMerge w:val=\"restart\"/>") && doc.contains("<w:vMerge/>") && doc.contains("<w:gridSpan"))
        for kind in SectionKind.allCases { #expect(doc.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(kind.heading)<")) }
        if edition == .e2021 {
            #expect(doc.contains("（一）主动公开") && doc.contains("（五）监督保障"))
            #expect(doc.contains("勾稽关系"))
        }
        // Every value cell is empty, ready to type in.
        let values = DOCXTyping.valueConcepts(edition).count
        #expect(doc.components(separatedBy: "<w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>").count - 1 >= values)
        // No XML declaration of a DTD, no external target.
        for (_, text) in p { #expect(!text.contains("<!DOCTYPE") && !text.contains("TargetMode=\"External\"")) }
    }

    @Test func zipEntriesHaveTheFixedTimestamp() throws {
        let data = try TemplateWriter.docx(BlankReport.make(agency: "某局", year: 2024))
        let bytes = [UInt8](data)
        var i = 0, headers = 0
        while i + 30 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 {
                headers += 1
                #expect(bytes[i + 10] == 0 && bytes[i + 11] == 0)  // time 00:00:00
                #expect(Int(bytes[i + 12]) | Int(bytes[i + 13]) << 8 == (0 << 9) | (1 << 5) | 1)  // 1980-01-01
            }
            i += 1
        }
        #expect(headers == 7)
    }

    @Test func prefilledTemplateCarriesTheValues() throws {
        let r = WriterSampleReports.filled2021()
        let doc = try #require(try Self.parts(r)["word/document.xml"])
        for c in r.tables.flatMap(\.cells) where c.presence == .value {
            let text = CellText.text(c)
            #expect(doc.contains(">\(MarkupEscaping.escape(text))</w:t>"), "\(c.concept)")
        }
    }
}
