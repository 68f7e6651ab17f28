import Foundation
import OGIReport

/// Makes a corpus of distinct, realistic submissions for the batch benchmark
/// (`ogi-bench --make-corpus N DIR`): reports of both editions (alternating) built from
/// ``BlankReport`` and filled with seeded random numbers of each value kind (zeros, blanks,
/// not-applicable marks, signed changes, amounts), agency names and paragraphs varied per report,
/// written by ``TemplateWriter`` as tab-table text (four in five) or as an HTML page (one in
/// five). The same N and seed give the same files.
struct CorpusMaker {
    /// Number of reports.
    let count: Int
    /// Seed of the generator.
    var seed: UInt64 = 0x6f67_6931_3300

    static let places = ["示例区", "某市", "测试县", "样例区", "某省", "城关镇", "新区", "开发区"]
    static let offices = ["卫生健康局", "教育局", "人民政府办公室", "市场监督管理局", "交通运输厅", "自然资源局", "民政局", "财政局"]
    static let sentences = [
        "全年主动公开政府信息453条，其中机构职能类信息12条。",
        "我局严格执行信息发布保密审查制度，确保公开信息不涉密。",
        "依申请公开工作规范有序，答复均在法定期限内完成。",
        "进一步加强政府网站建设，及时更新栏目内容。",
        "组织开展政务公开业务培训2次，参训人员80人次。",
        "下一步，我局将继续深化政务公开，提升公开质量和实效。",
    ]
    static let naMarks = ["/", "—", "无"]

    /// Writes the corpus into `dir` (created); returns the file paths in order.
    func write(to dir: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var g = SplitMix64(seed: seed)
        var paths: [String] = []
        paths.reserveCapacity(count)
        for i in 0..<count {
            let report = make(i, using: &g)
            let html = i % 5 == 4
            let name = String(format: "%@/r%06d.%@", dir, i, html ? "html" : "txt")
            let text = TemplateWriter.write(report, format: html ? .html : .text)
            try Data(text.utf8).write(to: URL(fileURLWithPath: name))
            paths.append(name)
        }
        return paths
    }

    /// Report number `i`: edition 2021 for even `i`, 2019 for odd.
    func make(_ i: Int, using g: inout SplitMix64) -> Report {
        let edition: Edition = i % 2 == 0 ? .e2021 : .e2019
        let agency = Self.places[i % Self.places.count] + "第\(i / Self.places.count + 1)" + Self.offices[Int(g.next() % UInt64(Self.offices.count))]
        let year = 2019 + Int(g.next() % 7)
        var r = BlankReport.make(agency: agency, year: year, edition: edition)
        r.preamble = [Block(.paragraph, "根据《中华人民共和国政府信息公开条例》规定，现公布\(agency)\(year)年政府信息公开工作年度报告。")]
        for s in r.sections.indices {
            let n = 1 + Int(g.next() % 3)
            r.sections[s].blocks += (0..<n).map { _ in Block(.paragraph, Self.sentences[Int(g.next() % UInt64(Self.sentences.count))]) }
        }
        for t in r.tables.indices {
            r.tables[t].cells = r.tables[t].cells.map { cell($0.concept, using: &g) }
        }
        return r
    }

    private func cell(_ id: ConceptID, using g: inout SplitMix64) -> CellValue {
        guard let c = ConceptTable.byID[id] else { return .blank(id) }
        switch g.next() % 16 {
        case 0, 1, 2: return .number(id, 0)
        case 3: return .blank(id)
        case 4: return CellValue(concept: id, presence: .notApplicable, raw: Self.naMarks[Int(g.next() % 3)])
        default:
            let n = Decimal(Int(1 + g.next() % 3000))
            switch c.kind {
            case .count: return .number(id, n)
            case .signedCount: return .number(id, g.next() % 2 == 0 ? n : -n)
            case .amountWan: return .number(id, Decimal(Int(1 + g.next() % 99999)) / 10)
            case .amountWithUnit: return .number(id, n)
            }
        }
    }
}
