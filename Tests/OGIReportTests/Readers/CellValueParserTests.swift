import Foundation
import Testing
@testable import OGIReport

@Suite struct CellValueParserTests {

    struct Case: CustomStringConvertible, Sendable {
        var raw: String
        var kind: ValueKind = .count
        var presence: Presence
        var number: Decimal? = nil
        var unit: String? = nil
        var uncertain = false
        var description: String { raw.debugDescription }
    }

    static let cases: [Case] = [
        Case(raw: "0", presence: .zero, number: 0),
        Case(raw: "0 ", presence: .zero, number: 0),
        Case(raw: " 0", presence: .zero, number: 0),
        Case(raw: "\u{A0}0", presence: .zero, number: 0),
        Case(raw: "0\u{A0}", presence: .zero, number: 0),
        Case(raw: "\u{3000}０", presence: .zero, number: 0),
        Case(raw: "14", presence: .value, number: 14),
        Case(raw: "１２９０１", presence: .value, number: 12901),
        Case(raw: "12,901", presence: .value, number: 12901),
        Case(raw: "12，901", presence: .value, number: 12901),
        Case(raw: "1,234,567", presence: .value, number: 1234567),
        Case(raw: "12 901", presence: .value, number: 12901, uncertain: true),
        Case(raw: "282.1", kind: .amountWan, presence: .value, number: Decimal(string: "282.1")!),
        Case(raw: "０.５", kind: .amountWan, presence: .value, number: Decimal(string: "0.5")!),
        Case(raw: "0.00", kind: .amountWan, presence: .zero, number: 0),
        Case(raw: "2560万元", kind: .amountWithUnit, presence: .value, number: 2560, unit: "万元"),
        Case(raw: "251000元", kind: .amountWithUnit, presence: .value, number: 251000, unit: "元"),
        Case(raw: "0元", kind: .amountWithUnit, presence: .zero, number: 0, unit: "元"),
        Case(raw: "12.5 万元", kind: .amountWithUnit, presence: .value, number: Decimal(string: "12.5")!, unit: "万元"),
        Case(raw: "4件", presence: .value, number: 4, unit: "件"),
        Case(raw: "-58", kind: .signedCount, presence: .value, number: -58),
        Case(raw: "－58", kind: .signedCount, presence: .value, number: -58),
        Case(raw: "−3", kind: .signedCount, presence: .value, number: -3),
        Case(raw: "+1", kind: .signedCount, presence: .value, number: 1),
        Case(raw: "增72", kind: .signedCount, presence: .value, number: 72, uncertain: true),
        Case(raw: "减3", kind: .signedCount, presence: .value, number: -3, uncertain: true),
        Case(raw: "减少3", kind: .signedCount, presence: .value, number: -3, uncertain: true),
        Case(raw: "-5", kind: .count, presence: .value, number: -5, uncertain: true),
        Case(raw: "-0", kind: .signedCount, presence: .zero, number: 0),
        Case(raw: "", presence: .blank),
        Case(raw: "  ", presence: .blank),
        Case(raw: "\u{A0}", presence: .blank),
        Case(raw: "/", presence: .notApplicable),
        Case(raw: "／", presence: .notApplicable),
        Case(raw: "-", presence: .notApplicable),
        Case(raw: "—", presence: .notApplicable),
        Case(raw: "——", presence: .notApplicable),
        Case(raw: "－", presence: .notApplicable),
        Case(raw: " 无 ", presence: .notApplicable),
        Case(raw: "不适用", presence: .notApplicable),
        Case(raw: "暂无数据", presence: .text),
        Case(raw: "约10", presence: .text),
        Case(raw: "10个左右", presence: .text),
        Case(raw: "1,23", presence: .text),
        Case(raw: "12.", presence: .text),
        Case(raw: "99999999999999999999999", presence: .text),
        Case(raw: "+", presence: .text),
        Case(raw: "增", presence: .text),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) {
        let p = CellValueParser.parse(c.raw, kind: c.kind)
        #expect(p.presence == c.presence)
        #expect(p.number == c.number)
        #expect(p.unit == c.unit)
        #expect(p.uncertain == c.uncertain)
    }

    /// Raw text reaches the model verbatim, and a blank is never a zero.
    @Test func rawIsKeptVerbatim() {
        let grid = GridBuilder.grid([SourceLine(number: 1, text: "行政许可\t 1 2\t")], in: nil)
        #expect(grid.rows.first?.cells.map(\.raw) == ["行政许可", " 1 2", ""])
        #expect(grid.rows.first?.cells.map(\.column) == [1, 6, 11])
    }

    /// Random strings never crash the parser and numbers it reads have digits in them.
    @Test func randomInput() {
        var rng = SeededRNG(seed: 7)
        let alphabet = Array("0123456789０１２+-−.,， 元万件增减无/—\u{A0}abc中")
        for _ in 0..<300 {
            let n = Int(rng.next() % 8)
            let s = String((0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let p = CellValueParser.parse(s, kind: .signedCount)
            if p.presence == .value || p.presence == .zero {
                #expect(p.number != nil)
                #expect(s.contains { $0.isNumber }, "\(s.debugDescription)")
            } else {
                #expect(p.number == nil)
            }
        }
    }
}
