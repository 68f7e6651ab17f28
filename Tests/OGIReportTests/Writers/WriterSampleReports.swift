import Foundation
@testable import OGIReport

/// Reports built in code for the writer tests.
enum WriterSampleReports {
    /// A filled 2021 report with every kind of cell: numbers, zeros, a decimal amount, blanks,
    /// not-applicable marks, a text cell and an uncertain value; preamble, sub-headings,
    /// paragraphs and closing lines.
    static func filled2021() -> Report {
        var r = BlankReport.make(agency: "示例区卫生健康局", year: 2023, edition: .e2021)
        r.metadata.title = "示例区卫生健康局2023年政府信息公开工作年度报告"
        r.metadata.publicationDate = "2024-01-20"
        r.preamble = [Block(.paragraph, "本报告根据《中华人民共和国政府信息公开条例》编制。")]
        r.sections[0].blocks = [
            Block(.paragraph, "2023年，我局认真贯彻落实政府信息公开工作要求。"),
            Block(.heading, "（一）主动公开"),
            Block(.paragraph, "全年主动公开政府信息453条。"),
            Block(.heading, "（二）依申请公开"),
            Block(.paragraph, "全年收到信息公开申请14件。"),
        ]
        r.sections[4].blocks = [Block(.paragraph, "主动公开政府信息不够丰富。")]
        r.sections[5].blocks = [Block(.paragraph, "2023年度本单位共发出收费通知0件，涉及收费金额0元，实际收取信息处理费0元。")]
        r.closing = [Block(.paragraph, "示例区卫生健康局"), Block(.paragraph, "2024年1月20日")]
        var i = 0
        for t in r.tables.indices {
            r.tables[t].cells = r.tables[t].cells.map { c in
                i += 1
                switch i % 6 {
                case 0: return .blank(c.concept)
                case 1: return .number(c.concept, 0)
                case 2: return CellValue(concept: c.concept, presence: .notApplicable, raw: "/")
                default: return .number(c.concept, Decimal(i))
                }
            }
        }
        set(&r, CellValue.number("t1.fees.feeAmount", Decimal(string: "282.1")!))
        set(&r, CellValue(concept: "t1.licensing.decisions", presence: .text, raw: "详见附件"))
        set(&r, CellValue(concept: "t1.penalty.decisions", presence: .value, number: 72, raw: "增72", uncertain: true))
        set(&r, CellValue(concept: "t1.enforcement.decisions", presence: .notApplicable, raw: "无"))
        return r
    }

    static func set(_ r: inout Report, _ cell: CellValue) {
        CarryOver.set(cell, in: &r)
    }
}
