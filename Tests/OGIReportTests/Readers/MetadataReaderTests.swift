import Foundation
import Testing
@testable import OGIReport

@Suite struct MetadataReaderTests {
    struct Expected: Sendable {
        var file: String, title: String?, agency: String, year: Int, date: String?, inferred: Bool
    }

    static let seeds: [Expected] = [
        Expected(file: "000_44f90c379b4f7fce.txt", title: "番禺区卫生健康局关于 2023 年政府信息公开工作年度的报告",
                 agency: "番禺区卫生健康局", year: 2023, date: nil, inferred: false),
        Expected(file: "001_920faedf84c991f1.txt", title: "绥芬河市卫生健康局 2023 年 政府信息公开工作年度报告",
                 agency: "绥芬河市卫生健康局", year: 2023, date: "2024-01-08", inferred: false),
        Expected(file: "002_a2c9da7275a0d61c.txt", title: "浈江区卫生健康局2024年政府信息公开年度报告",
                 agency: "浈江区卫生健康局", year: 2024, date: "2025-01-10", inferred: false),
        Expected(file: "003_be85ec6c6b6a0b3c.txt", title: "重庆市九龙坡区卫生健康委员会2023年政府信息公开工作年度报告",
                 agency: "重庆市九龙坡区卫生健康委员会", year: 2023, date: nil, inferred: false),
        Expected(file: "004_bbe5ed0d0ae48369.txt", title: nil, agency: "临平区卫生健康局", year: 2023, date: nil, inferred: true),
    ]

    @Test(arguments: seeds)
    func seedMetadata(_ e: Expected) throws {
        let rr = try TextReportReader.read(try Fixtures.data("seeds/" + e.file), fileName: e.file)
        let md = rr.report.metadata
        #expect(md.title == e.title)
        #expect(md.agency == e.agency)
        #expect(md.year == e.year)
        #expect(md.publicationDate == e.date)
        #expect(md.source?.encoding == "UTF-8")
        #expect(md.source?.lineEnding == "LF")
        let inferred = rr.diagnostics.filter { $0.code == "read.metadata-inferred" }
        #expect(inferred.count == (e.inferred ? 2 : 0))
        #expect(inferred.allSatisfy { $0.severity == .warning && $0.line != nil })
    }

    @Test func dates() {
        #expect(DocumentText.dateLine("2024 年 1 月 8 日") == "2024-01-08")
        #expect(DocumentText.dateLine("          2025年1月10日") == "2025-01-10")
        #expect(DocumentText.dateLine("２０２５年１２月３日") == "2025-12-03")
        #expect(DocumentText.dateLine("二〇二五年一月二十日") == "2025-01-20")
        #expect(DocumentText.dateLine("2025-01-10") == "2025-01-10")
        #expect(DocumentText.dateLine("2025年13月1日") == nil)
        #expect(DocumentText.dateLine("2025年1月10日发布通知") == nil)
        #expect(DocumentText.dateLine("（2024年1月20日）") == "2024-01-20")
        #expect(DocumentText.dateLine("发布日期：2024-01-20") == "2024-01-20")
    }

    @Test func titles() {
        #expect(MetadataReader.agencyAndYear(fromTitle: "2023年度某某市交通运输局政府信息公开工作年度报告") == ("某某市交通运输局", 2023))
        #expect(MetadataReader.agencyAndYear(fromTitle: "某某县人民政府２０２２年政府信息公开工作年度报告") == ("某某县人民政府", 2022))
        #expect(MetadataReader.agencyAndYear(fromTitle: "某某市财政局政府信息公开工作年度报告（2023年）") == ("某某市财政局", 2023))
        #expect(MetadataReader.agencyAndYear(fromTitle: "番禺区卫生健康局关于 2023 年政府信息公开工作年度的报告") == ("番禺区卫生健康局", 2023))
        #expect(MetadataReader.agencyAndYear(fromTitle: "二〇二三年某某区民政局政府信息公开工作年度报告") == ("某某区民政局", 2023))
        let tb = MetadataReader.titleBlock([SourceLine(number: 1, text: "某某市民政局"), SourceLine(number: 2, text: "2022年政府信息公开工作年度报告")])
        #expect(tb.title == "某某市民政局2022年政府信息公开工作年度报告")
        #expect(tb.titleLines == [1, 2])
        // A preamble sentence mentioning 年度报告 is not a title.
        let pre = MetadataReader.titleBlock([SourceLine(number: 1, text: "本年度报告根据《条例》要求编制，全文包括总体情况。")])
        #expect(pre.title == nil)
    }

    @Test func inferredYearAndAgency() {
        #expect(MetadataReader.inferYear(["数据统计期限从2022年1月1日到12月31日止。"], ["2023年，我局…"]) == 2022)
        #expect(MetadataReader.inferYear([], ["2021年，我局…", "2021年全年…", "2020年"]) == 2021)
        let texts = ["如对本报告有任何疑问，请与某某县教育局办公室联系。本报告可从某某县政府门户网站下载。"]
        #expect(MetadataReader.inferAgency(texts, candidatesFrom: texts) == "某某县教育局")
    }
}
