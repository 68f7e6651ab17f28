import Foundation
@testable import OGIReport

/// Random reports for the round-trip property: plausible agencies, years, paragraphs and every
/// kind of cell of the edition (numbers of each value kind, zeros, blanks, not-applicable marks).
enum WriterRandomReports {
    static let agencies = ["示例区卫生健康局", "某市教育局", "测试县人民政府办公室", "样例区市场监督管理局", "某省交通运输厅"]
    static let sentences = [
        "全年主动公开政府信息453条，其中机构职能类信息12条。",
        "我局严格执行信息发布保密审查制度，确保公开信息不涉密。",
        "依申请公开工作规范有序，答复均在法定期限内完成。",
        "进一步加强政府网站建设，及时更新栏目内容。",
        "组织开展政务公开业务培训2次，参训人员80人次。",
        "下一步，我局将继续深化政务公开，提升公开质量和实效。",
    ]
    static let naMarks = ["/", "-", "—", "无"]
    static let texts = ["详见附件", "另行说明", "见说明", "无 （见说明）", "约10件", "暂无数据", "见附表1"]

    static func make<G: RandomNumberGenerator>(_ edition: Edition, using g: inout G) -> Report {
        let agency = agencies.randomElement(using: &g)!
        let year = Int.random(in: 2019...2025, using: &g)
        var r = BlankReport.make(agency: agency, year: year, edition: edition)
        func paragraphs(unfinished: Bool = false) -> [Block] {
            (0..<Int.random(in: 0...2, using: &g)).map { _ in
                var s = sentences.randomElement(using: &g)!
                if unfinished, Int.random(in: 0..<8, using: &g) == 0 { s.removeLast() }
                return Block(.paragraph, s)
            }
        }
        if Bool.random(using: &g) { r.preamble = [Block(.paragraph, "根据《中华人民共和国政府信息公开条例》规定，现公布\(agency)\(year)年政府信息公开工作年度报告。")] }
        for i in r.sections.indices {
            var blocks = paragraphs(unfinished: true)
            if i == 0 {
                for h in r.sections[0].blocks { blocks.append(h); blocks += paragraphs(unfinished: true) }
            }
            r.sections[i].blocks = blocks
        }
        for t in r.tables.indices {
            r.tables[t].cells = r.tables[t].cells.map { cell(ConceptTable.byID[$0.concept]!, using: &g) }
        }
        return r
    }

    static func cell<G: RandomNumberGenerator>(_ c: Concept, using g: inout G) -> CellValue {
        switch Int.random(in: 0..<20, using: &g) {
        case 0, 1, 2, 3: return .number(c.id, 0)
        case 4, 5: return .blank(c.id)
        case 6, 7: return CellValue(concept: c.id, presence: .notApplicable, raw: naMarks.randomElement(using: &g)!)
        case 8:
            return CellValue(concept: c.id, presence: .text, raw: texts.randomElement(using: &g)!)
        case 9 where c.kind == .signedCount:
            let n = Int.random(in: 1...99, using: &g)
            return CellValue(concept: c.id, presence: .value, number: Decimal(n), raw: "增\(n)", uncertain: true)
        default:
            var n = Decimal(Int.random(in: 1...3000, using: &g))
            var unit: String?
            switch c.kind {
            case .count: break
            case .signedCount: if Bool.random(using: &g) { n = -n }
            case .amountWan: n = Decimal(Int.random(in: 1...99999, using: &g)) / 10
            case .amountWithUnit: unit = [nil, "元", "万元"].randomElement(using: &g)!
            }
            return CellValue(concept: c.id, presence: .value, number: n, unit: unit)
        }
    }
}

/// What the round trip guarantees: metadata (agency, year, title, edition), every cell's value
/// (presence, number, unit; the text of not-applicable and text cells), and the blocks of the
/// preamble and of each section. Positions, raw number text and source info are not compared; a
/// missing cell counts as blank and a missing section as empty.
///
/// Prose is compared as the text layout can carry it: each text as written by
/// ``TemplateWriter/oneLine(_:)`` (lines joined, tabs as spaces, trimmed; empty blocks dropped);
/// the notes on what was prefilled come back as the first preamble paragraphs (they are printed
/// there); and, as the text reader rejoins a paragraph whose sentence is unfinished with the next
/// one (``DocumentText/endsSentence(_:)``), such paragraphs are expected joined.
enum RoundTrip {
    /// - Parameter joinsUnfinished: the layout rejoins unfinished paragraphs (text); structured
    ///   formats (HTML) keep every paragraph whole.
    static func differences(_ x: Report, _ y: Report, joinsUnfinished: Bool = true) -> [String] {
        var d: [String] = []
        let mx = x.metadata, my = y.metadata
        if mx.agency != my.agency { d.append("agency \(mx.agency ?? "nil") ≠ \(my.agency ?? "nil")") }
        if mx.year != my.year { d.append("year \(mx.year.map(String.init) ?? "nil") ≠ \(my.year.map(String.init) ?? "nil")") }
        if let t = mx.title, TemplateWriter.oneLine(t) != my.title { d.append("title \(t) ≠ \(my.title ?? "nil")") }
        let edition = TemplateWriter.edition(of: x)
        if edition != my.edition { d.append("edition \(edition) ≠ \(my.edition.map { "\($0)" } ?? "nil")") }
        for c in ConceptTable.concepts(edition) {
            let a = value(x.cell(c.id)), b = value(y.cell(c.id))
            if a != b { d.append("\(c.id): \(a) ≠ \(b)") }
        }
        let notes = mx.notes.map { Block(.paragraph, $0) }
        let (pa, pb) = (expected(notes + x.preamble, joinsUnfinished), texts(y.preamble))
        if pa != pb { d.append("preamble \(pa) ≠ \(pb)") }
        for kind in SectionKind.allCases {
            let a = expected(x.sections.filter { $0.kind == kind }.flatMap(\.blocks), joinsUnfinished)
            let b = texts(y.sections.filter { $0.kind == kind }.flatMap(\.blocks))
            if a != b { d.append("section \(kind.heading): \(a) ≠ \(b)") }
        }
        return d
    }

    static func value(_ c: CellValue?) -> String {
        guard let c, c.presence != .blank else { return "blank" }
        switch c.presence {
        case .value, .zero:
            return "\(c.presence.rawValue) \(c.number.map { CellText.canonical($0) } ?? "nil") \(c.unit ?? "")"
        case .notApplicable, .text:
            return "\(c.presence.rawValue) \(TemplateWriter.oneLine(c.raw ?? ""))"
        case .blank:
            return "blank"
        }
    }

    static func texts(_ blocks: [Block]) -> [String] { blocks.map { "\($0.kind.rawValue):\($0.text)" } }

    /// The blocks as the text layout gives them back (see the type's comment).
    static func expected(_ blocks: [Block], _ joinsUnfinished: Bool = true) -> [String] {
        var out: [Block] = []
        for b in blocks {
            let t = TemplateWriter.oneLine(b.text)
            guard !t.isEmpty else { continue }
            if joinsUnfinished, b.kind == .paragraph, let last = out.last, last.kind == .paragraph, !DocumentText.endsSentence(last.text) {
                out[out.count - 1].text += t
            } else {
                out.append(Block(b.kind, t))
            }
        }
        return texts(out)
    }
}
