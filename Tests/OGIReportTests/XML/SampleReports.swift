import Foundation
@testable import OGIReport

/// Hand-built reports for the XML tests.
enum SampleReports {
    /// A 2021 report with every part of the model filled.
    static func full2021() -> Report {
        var m = Metadata(agency: "番禺区卫生健康局", year: 2023, title: "番禺区卫生健康局2023年政府信息公开工作年度报告",
                         publicationDate: "2024-01-20", edition: .e2021,
                         source: SourceInfo(fileName: "000_report.txt", layout: .tabRows, encoding: "UTF-8",
                                            sha256: String(repeating: "ab", count: 32), lineEnding: "CRLF"),
                         incomplete: true, notes: ["prefilled: 二 carried over from 2022", "second note"])
        m.notes.append("  spaced\tnote  ")
        var tables: [StatTable] = []
        for t in TableID.allCases {
            var cells: [CellValue] = []
            for (i, c) in ConceptTable.concepts(t, .e2021).enumerated() {
                let pos = SourcePosition(line: 40 + i, column: 1 + i % 7)
                switch i % 5 {
                case 0: cells.append(.number(c.id, Decimal(i + 1), raw: "\(i + 1)", position: pos))
                case 1: cells.append(.number(c.id, 0, raw: " 0 ", position: pos))
                case 2: cells.append(.blank(c.id, position: pos))
                case 3: cells.append(CellValue(concept: c.id, presence: .notApplicable, raw: "—", position: pos))
                default: cells.append(CellValue(concept: c.id, presence: .text, raw: "无\t（见说明）", uncertain: true))
                }
            }
            tables.append(StatTable(id: t, lines: LineRange(30, 90), cells: cells))
        }
        if let i = tables[0].cells.firstIndex(where: { $0.concept == "t1.fees.feeAmount" }) {
            tables[0].cells[i] = CellValue(concept: "t1.fees.feeAmount", presence: .value, number: Decimal(string: "282.1"),
                                           raw: "282.1", position: SourcePosition(line: 55, column: 2))
        }
        return Report(
            metadata: m,
            preamble: [Block(.paragraph, "根据《中华人民共和国政府信息公开条例》……编制本报告。", lines: LineRange(2, 3))],
            sections: SectionKind.allCases.map { k in
                Section(kind: k, heading: k.heading, line: 4 + k.rawValue * 10,
                        blocks: k == .overview
                            ? [Block(.heading, "（一）主动公开", lines: LineRange(line: 15)),
                               Block(.paragraph, "本年度共主动公开信息 1,234 条 & <更多>。\n第二行\t制表", lines: LineRange(16, 18))]
                            : [Block(.paragraph, "  正文 \"引号\" 'single' \r\n CRLF  ")])
            },
            tables: tables,
            closing: [Block(.paragraph, "番禺区卫生健康局", lines: LineRange(line: 100)),
                      Block(.paragraph, "2024年1月20日", lines: LineRange(line: 101))],
            unrecognised: [Fragment(text: "[bookmark: _GoBack]", lines: LineRange(line: 20), reason: "artefact"),
                           Fragment(text: "行1\n\n行3", lines: LineRange(21, 23), reason: "unknown row in table 2")],
            checks: [CheckResult(rule: "OGI-R1", severity: .error, status: .fail, instance: "column naturalPerson",
                                 formula: "一+二 = （七）总计+四 in column 自然人", left: 12, right: Decimal(string: "-3.5"),
                                 message: "一+二 = 12 but （七）总计+四 = -3.5",
                                 cells: [CellRef(concept: "t2.received.naturalPerson", position: SourcePosition(line: 60, column: 2)),
                                         CellRef(concept: "t2.total.naturalPerson")]),
                     CheckResult(rule: "OGI-R5", severity: .warning, status: .notAssessable, instance: "group review",
                                 formula: "f", message: "m")])
    }

    /// A 2019 report: added columns, signed change, procurement amount with unit.
    static func report2019() -> Report {
        var cells: [CellValue] = []
        var line = 30
        for c in ConceptTable.concepts(.t1, .e2019) {
            line += 1
            let pos = SourcePosition(line: line, column: 2)
            switch c.kind {
            case .signedCount:
                switch c.rowKey {
                case "licensing": cells.append(CellValue(concept: c.id, presence: .value, number: -58, raw: "-58", position: pos))
                case "penalty": cells.append(CellValue(concept: c.id, presence: .value, number: 1, raw: "+1", position: pos))
                case "enforcement": cells.append(CellValue(concept: c.id, presence: .value, number: 72, raw: "增72", uncertain: true, position: pos))
                default: cells.append(CellValue(concept: c.id, presence: .zero, number: 0, raw: "0 ", position: pos))
                }
            case .amountWithUnit:
                cells.append(CellValue(concept: c.id, presence: .value, number: 2560, unit: "万元", raw: "2560万元", position: pos))
            default: cells.append(.number(c.id, Decimal(line % 7), raw: " \(line % 7)", position: pos))
            }
        }
        let t2 = ConceptTable.concepts(.t2, .e2019).enumerated().map { i, c in
            CellValue.number(c.id, Decimal(i % 3), raw: "\(i % 3)", position: SourcePosition(line: 60 + i / 7, column: 2 + i % 7))
        }
        let t3 = ConceptTable.concepts(.t3, .e2019).map { CellValue(concept: $0.id, presence: .notApplicable, raw: "/") }
        return Report(metadata: Metadata(agency: "某市某局", year: 2024, title: "某市某局2024年政府信息公开工作年度报告",
                                         publicationDate: "2025-01-15", edition: .e2019,
                                         source: SourceInfo(fileName: "002_report.txt", layout: .cellPerLine, encoding: "GB18030",
                                                            sha256: String(repeating: "0f", count: 32), lineEnding: "LF")),
                      sections: [Section(kind: .overview, line: 3, blocks: [Block(.paragraph, "2024年，本局……", lines: LineRange(4, 6))])],
                      tables: [StatTable(id: .t1, lines: LineRange(30, 56), cells: cells),
                               StatTable(id: .t2, lines: LineRange(58, 90), cells: t2),
                               StatTable(id: .t3, lines: LineRange(92, 110), cells: t3)])
    }

    /// A 2021 report whose three tables have every cell blank.
    static func allBlank2021() -> Report {
        Report(metadata: Metadata(agency: "某县某办", year: 2022, edition: .e2021),
               tables: TableID.allCases.map { t in
                   StatTable(id: t, cells: ConceptTable.concepts(t, .e2021).map { .blank($0.id) })
               })
    }

    /// A small 2021 report with embedded check results.
    static func withChecks() -> Report {
        var r = Report(metadata: Metadata(agency: "某区某局", year: 2023, edition: .e2021))
        r.tables = [StatTable(id: .t3, lines: LineRange(70, 75), cells: ConceptTable.concepts(.t3, .e2021).enumerated().map { i, c in
            .number(c.id, Decimal(i % 5 == 4 ? 3 : 1), raw: "\(i % 5 == 4 ? 3 : 1)", position: SourcePosition(line: 75, column: 2 + i))
        })]
        r.checks = ["review", "suitDirect", "suitAfterReview"].map { g in
            let cells = ["upheld", "corrected", "other", "pending", "total"].enumerated().map { i, k in
                CellRef(concept: "t3.\(g).\(k)", position: SourcePosition(line: 75, column: 2 + i))
            }
            return CheckResult(rule: "OGI-R5", severity: .error, status: g == "review" ? .fail : .pass,
                               instance: "group \(g)", formula: "总计 = 结果维持+结果纠正+其他结果+尚未审结",
                               left: 3, right: 4, message: g == "review" ? "总计 3 ≠ 4" : "总计 = 4", cells: cells)
        }
        return r
    }

    /// Only metadata; no edition, no tables.
    static func minimal() -> Report {
        Report(metadata: Metadata(agency: "某局"))
    }

    /// The valid fixtures: file name → model (in canonical order).
    static let validFixtures: [(String, Report)] = [
        ("full-2021.xml", full2021()),
        ("edition-2019.xml", report2019()),
        ("all-blank-2021.xml", allBlank2021()),
        ("with-checks.xml", withChecks()),
        ("minimal.xml", minimal()),
    ].map { ($0.0, CanonicalXML.canonicalOrder($0.1)) }
}
