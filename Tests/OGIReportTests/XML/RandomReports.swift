import Foundation
@testable import OGIReport

/// Random canonical reports for property tests (text restricted to characters XML 1.0 allows).
struct RandomReports {
    var rng: SeededRNG

    init(seed: UInt64) { rng = SeededRNG(seed: seed) }

    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    mutating func bool(_ p: Double = 0.5) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func maybe<T>(_ p: Double = 0.5, _ f: (inout RandomReports) -> T) -> T? { bool(p) ? f(&self) : nil }

    private static let pieces: [String] = [
        "政府信息", "公开", "申请", "（一）", "1.", "本年", "、", "，", "。", "“三安全一稳定”", "０１２", "—", "/", "无",
        "abc", "A&B", "<tag>", "\"q\"", "'s'", "]]>", "&amp;", " ", "  ", "\t", "\n", "\r\n", "\r", "0", "-58", "+1",
        "增72", "251000元", "😀", "é", "e\u{301}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{10FFFF}",
    ]

    mutating func text(maxPieces: Int = 6) -> String {
        var s = ""
        for _ in 0..<int(0...maxPieces) { s += Self.pieces[int(0...(Self.pieces.count - 1))] }
        return s
    }

    mutating func lines() -> LineRange {
        let a = int(1...5000)
        return LineRange(a, a + int(0...3) * int(0...1))
    }

    mutating func position() -> SourcePosition { SourcePosition(line: int(1...100_000), column: int(1...300)) }

    mutating func decimal(_ kind: ValueKind, nonZero: Bool) -> Decimal {
        var d: Decimal
        switch kind {
        case .count: d = Decimal(int(0...100_000))
        case .signedCount: d = Decimal(int(-5000...5000))
        case .amountWan, .amountWithUnit:
            d = Decimal(int(0...10_000_000)) / Decimal(sign: .plus, exponent: int(0...3), significand: 1)
        }
        if nonZero && d == 0 { d = 7 }
        return d
    }

    mutating func cell(_ c: Concept) -> CellValue {
        let presence = Presence.allCases[int(0...(Presence.allCases.count - 1))]
        var v = CellValue(concept: c.id, presence: presence)
        switch presence {
        case .value: v.number = decimal(c.kind, nonZero: true)
        case .zero: v.number = 0
        case .text: v.number = maybe(0.3) { $0.decimal(c.kind, nonZero: false) }
        case .blank, .notApplicable: break
        }
        v.unit = maybe(0.15) { $0.bool() ? "元" : "万元" }
        v.raw = maybe(0.8) { $0.text(maxPieces: 3) }
        v.uncertain = bool(0.1)
        v.position = maybe(0.8) { $0.position() }
        return v
    }

    mutating func blocks(_ max: Int) -> [Block] {
        (0..<int(0...max)).map { _ in
            Block(bool() ? .heading : .paragraph, text(maxPieces: 10), lines: maybe { $0.lines() })
        }
    }

    mutating func report() -> Report {
        let edition = maybe(0.9) { $0.bool() ? Edition.e2019 : .e2021 }
        var m = Metadata()
        m.agency = maybe { $0.text() }
        m.year = maybe { $0.int(1990...2100) }
        m.title = maybe { $0.text() }
        m.publicationDate = maybe { String(format: "%04d-%02d-%02d", $0.int(2000...2099), $0.int(1...12), $0.int(1...28)) }
        m.edition = edition
        m.source = maybe { g in
            SourceInfo(fileName: g.text(maxPieces: 2), layout: SourceLayout.allCases[g.int(0...(SourceLayout.allCases.count - 1))],
                       encoding: ["UTF-8", "UTF-8 with BOM", "UTF-16LE", "GB18030"][g.int(0...3)],
                       sha256: (0..<32).map { _ in String(format: "%02x", g.int(0...255)) }.joined(),
                       lineEnding: ["LF", "CRLF", "CR", "mixed"][g.int(0...3)])
        }
        m.incomplete = bool(0.2)
        m.notes = (0..<int(0...2)).map { _ in text() }
        var r = Report(metadata: m)
        r.preamble = blocks(2)
        r.sections = (0..<int(0...7)).map { _ in
            let k = SectionKind.allCases[int(0...5)]
            return Section(kind: k, heading: bool(0.7) ? k.heading : text(), line: maybe { $0.int(1...9999) }, blocks: blocks(4))
        }
        if let e = edition {
            for t in TableID.allCases where bool(0.7) {
                let concepts = ConceptTable.concepts(t, e).filter { _ in bool(0.6) }
                r.tables.append(StatTable(id: t, lines: maybe { $0.lines() }, cells: concepts.map { cell($0) }))
            }
        }
        r.closing = blocks(2)
        r.unrecognised = (0..<int(0...3)).map { _ in Fragment(text: text(maxPieces: 8), lines: lines(), reason: text(maxPieces: 2)) }
        r.checks = (0..<int(0...3)).map { _ in
            let concepts = ConceptTable.all
            return CheckResult(rule: "OGI-R\(int(1...5))", severity: Severity.allCases[int(0...2)],
                               status: CheckStatus.allCases[int(0...3)], instance: text(maxPieces: 2), formula: text(),
                               left: maybe { $0.decimal(.signedCount, nonZero: false) },
                               right: maybe { $0.decimal(.amountWan, nonZero: false) }, message: text(),
                               cells: (0..<int(0...4)).map { _ in
                                   CellRef(concept: concepts[int(0...(concepts.count - 1))].id, position: maybe { $0.position() })
                               })
        }
        return CanonicalXML.canonicalOrder(r)
    }
}
