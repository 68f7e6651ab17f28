import Foundation
import Testing
@testable import OGIReport

/// The trailing values of a line (space rows detection): counted from the end over the scalars,
/// as splitting the line into words and walking them backwards counts them.
@Suite struct SpaceRowsLayoutTests {
    static func reference(_ text: String) -> Int {
        var count = 0
        for w in text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" }).reversed() {
            guard CellValueParser.isValueLike(String(String.UnicodeScalarView(w))) else { break }
            count += 1
        }
        return count
    }

    @Test func trailingValuesAsWordsCountThem() {
        let fixed = ["", " ", "（一）行政许可 12 0 3", "合计　5\u{A0}7  ", "一、本年新收政府信息公开申请数量2300000023",
                     "- 5 -", "商业企业 / — 0", "12 abc 3 4", "  8", "费用 282.1 万元"]
        for t in fixed { #expect(SpaceRowsLayout.trailingValues(t) == Self.reference(t), "\(t)") }
        var rng = SplitMix64(seed: 0x7A11_2026)
        let pieces = ["1", "23", "0", "/", "—", "万元", "行政", "许可", " ", "  ", "\u{3000}", "\u{A0}", "\t", "x", "4.5", "-3"]
        for _ in 0..<2000 {
            let t = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(SpaceRowsLayout.trailingValues(t) == Self.reference(t), "\(t.debugDescription)")
        }
    }
}
