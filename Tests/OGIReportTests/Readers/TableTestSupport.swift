import Foundation
@testable import OGIReport

/// Helpers for the table reader tests: split a report text into its table section bodies the way
/// the document reader does (heading line → body up to the next heading), without depending on it.
enum TableTestSupport {

    static let seedNames = ["000_44f90c379b4f7fce", "001_920faedf84c991f1", "002_a2c9da7275a0d61c",
                            "003_be85ec6c6b6a0b3c", "004_bbe5ed0d0ae48369"]

    static func seedText(_ name: String) throws -> String {
        try Fixtures.string("tables/seeds/\(name).txt")
    }

    /// The lines of a text (LF or CRLF), numbered from 1.
    static func lines(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var n = 0
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            var s = String(part)
            if s.hasSuffix("\r") { s.removeLast() }
            out.append(SourceLine(number: n, text: s))
        }
        return out
    }

    /// The section kind a line is the heading of, if any ("二、主动公开政府信息情况", "1、 总体情况").
    static func heading(_ line: String) -> SectionKind? {
        let n = LabelText.normalize(line)
        let split = LabelText.splitNumbering(n)
        guard split.number != nil else { return nil }
        for kind in SectionKind.allCases where kind.titleVariants.contains(where: { LabelText.normalize($0) == split.core }) {
            return kind
        }
        return nil
    }

    /// The bodies of the table sections of a text.
    static func bodies(_ text: String) -> [TableID: [SourceLine]] {
        var out: [TableID: [SourceLine]] = [:]
        var current: TableID?
        var hadHeading = false
        for l in lines(text) {
            if let kind = heading(l.text) {
                current = kind.table
                hadHeading = true
                if let c = current { out[c] = [] }
                continue
            }
            if hadHeading, let c = current { out[c]!.append(l) }
        }
        return out
    }

    static func read(_ text: String, fileName: String = "test.txt") -> TablesReadResult {
        TablesReader.read(bodies: bodies(text), fileName: fileName)
    }

    /// Dump of a result for debugging.
    static func dump(_ r: TablesReadResult) -> String {
        var s = "edition \(String(describing: r.edition)) layout \(r.layout) incomplete \(r.incomplete)\n"
        for t in r.tables {
            s += "\(t.id) lines \(String(describing: t.lines)) cells \(t.cells.count)\n"
            for c in t.cells {
                s += "  \(c.concept) \(c.presence) \(c.number.map { "\($0)" } ?? "-") raw=\(c.raw.map { "\($0.debugDescription)" } ?? "nil") @\(c.position.map { "\($0.line):\($0.column)" } ?? "-")\n"
            }
        }
        for f in r.fragments { s += "fragment \(f.lines) \(f.text.debugDescription) — \(f.reason)\n" }
        for d in r.diagnostics { s += "\(d)\n" }
        return s
    }
}
