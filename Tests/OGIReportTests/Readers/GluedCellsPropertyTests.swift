import Foundation
import Testing
@testable import OGIReport

/// Random reports written as a crawler keeps a web page — every table row's cells concatenated,
/// now and then a space between two numbers, the whole page on one line or a line per row — and
/// read back. Every cell must be read exactly, or be left unread with a `table.glued-ambiguous`
/// warning; when the tables' sums hold (as in a correct report), a split they decide is the right
/// one, so no cell may be wrong at all. When the sums do not hold, a split chosen by them may be
/// wrong, but never without a `table.glued-by-sums` warning naming its row.
@Suite struct GluedCellsPropertyTests {
    /// A report whose every cell is a number, with R1, R3, R4 and R5 holding (or, with
    /// `consistent` false, with random numbers).
    static func report(_ edition: Edition, consistent: Bool, using g: inout SeededRNG) -> Report {
        var r = BlankReport.make(agency: "某市测试局", year: 2022, edition: edition)
        func small() -> Int { Int.random(in: 0..<10, using: &g) < 6 ? 0 : Int.random(in: 1...(Int.random(in: 0..<4, using: &g) == 0 ? 400 : 30), using: &g) }
        var values: [ConceptID: Decimal] = [:]
        for c in ConceptTable.concepts(edition) {
            switch c.kind {
            case .count: values[c.id] = Decimal(small())
            case .signedCount: values[c.id] = Decimal(small() * (Bool.random(using: &g) ? -1 : 1))
            case .amountWan, .amountWithUnit: values[c.id] = Decimal(small() * 100 + Int.random(in: 0...99, using: &g)) / 100
            }
        }
        if consistent {
            let rows = ConceptTable.spec(.t2, edition).blocks[0].rows
            let cols = ConceptTable.t2Columns.map(\.key)
            let ends: Set<String> = ["received", "carriedOver", "total", "carriedForward"]
            for c in cols.dropLast() {
                func id(_ row: String) -> ConceptID { ConceptTable.id(.t2, rowKey: row, columnKey: c) }
                let total = rows.filter { !ends.contains($0.key) }.reduce(Decimal(0)) { $0 + values[id($1.key)]! }
                values[id("total")] = total
                let forward = Decimal(Int.random(in: 0...3, using: &g))
                values[id("carriedForward")] = forward
                let carried = min(Decimal(Int.random(in: 0...3, using: &g)), total + forward)
                values[id("carriedOver")] = carried
                values[id("received")] = total + forward - carried
            }
            for row in rows {
                values[ConceptTable.id(.t2, rowKey: row.key, columnKey: "total")] = cols.dropLast()
                    .reduce(Decimal(0)) { $0 + values[ConceptTable.id(.t2, rowKey: row.key, columnKey: $1)]! }
            }
            for group in ["review", "suitDirect", "suitAfterReview"] {
                let parts = ["upheld", "corrected", "other", "pending"].map { values[ConceptTable.id(.t3, rowKey: "", columnKey: group + "." + $0)]! }
                values[ConceptTable.id(.t3, rowKey: "", columnKey: group + ".total")] = parts.reduce(0, +)
            }
        }
        for t in r.tables.indices {
            r.tables[t].cells = r.tables[t].cells.map { .number($0.concept, values[$0.concept]!) }
        }
        return r
    }

    /// The template's text with every tab row glued: cells joined with nothing (a space, now and
    /// then, between two numbers); with `flattened`, every line joined into one.
    static func glued(_ text: String, flattened: Bool, using g: inout SeededRNG) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.contains("\t") else { out.append(String(line)); continue }
            var s = ""
            var previousNumeric = false
            for cell in line.split(separator: "\t", omittingEmptySubsequences: false) where !cell.isEmpty {
                let numeric = cell.first.map { $0.isNumber || $0 == "-" } ?? false
                if numeric && previousNumeric && Int.random(in: 0..<7, using: &g) == 0 { s += " " }
                s += cell
                previousNumeric = numeric
            }
            out.append(s)
        }
        if flattened { return out.filter { !$0.isEmpty }.joined(separator: Bool.random(using: &g) ? "" : " ") }
        return out.joined(separator: "\n")
    }

    struct Tally { var exact = 0, flagged = 0, warnedWrong = 0, silent: [String] = [] }

    static func tally(_ x: Report, _ read: TextReading, into t: inout Tally) {
        let d = read.result.diagnostics
        let ambiguous = d.filter { $0.code == "table.glued-ambiguous" }.map(\.message)
        let bySums = d.filter { $0.code == "table.glued-by-sums" }.map(\.message)
        let edition = x.metadata.edition ?? .e2021
        for table in x.tables {
            for cell in table.cells {
                let label = ConceptTable.byID[cell.concept]!.label(in: edition).row
                let got = read.result.report.cell(cell.concept)
                if got?.number == cell.number && got?.presence == cell.presence { t.exact += 1; continue }
                if got == nil, table.id == .t3 || ambiguous.contains(where: { $0.contains(label) }) { t.flagged += 1; continue }
                if bySums.contains(where: { $0.contains(label) }) { t.warnedWrong += 1; continue }
                t.silent.append("\(cell.concept): \(cell.number.map { "\($0)" } ?? "-") read as \(got?.number.map { "\($0)" } ?? "nothing")")
            }
        }
    }

    @Test(arguments: [(Edition.e2021, true), (.e2021, false), (.e2019, true), (.e2019, false)])
    func consistentReportsReadExactlyOrFlagged(_ edition: Edition, _ flattened: Bool) throws {
        var g = SeededRNG(seed: flattened ? 9021 : 9022)
        var t = Tally()
        for i in 0..<16 {
            let x = Self.report(edition, consistent: true, using: &g)
            let text = Self.glued(TemplateWriter.write(x, format: .text), flattened: flattened, using: &g)
            if let dir = ProcessInfo.processInfo.environment["OGI_DUMP"] { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(edition.rawValue)-\(flattened)-\(i).txt"))
                try Data(CanonicalXML.write(x).utf8).write(to: URL(fileURLWithPath: "\(dir)/\(edition.rawValue)-\(flattened)-\(i).xml")) }
            let read = try ReaderRegistry.read(Data(text.utf8), fileName: "glued-\(i).txt")
            #expect(read.result.report.metadata.source?.layout == .gluedCells, "case \(i)")
            #expect(read.result.report.metadata.edition == edition, "case \(i)")
            Self.tally(x, read, into: &t)
        }
        #expect(t.silent.isEmpty, "\(t.silent.prefix(5))")
        #expect(t.warnedWrong == 0)
        // Most cells are read (the sums decide most runs; table 1 has none, so some stay flagged).
        #expect(t.exact * 10 >= (t.exact + t.flagged) * 8, "exact \(t.exact), flagged \(t.flagged)")
        #expect(t.flagged > 0)
    }

    @Test(arguments: [Edition.e2021, .e2019])
    func inconsistentReportsNeverGoWrongSilently(_ edition: Edition) throws {
        var g = SeededRNG(seed: 9031)
        var t = Tally()
        for i in 0..<16 {
            let x = Self.report(edition, consistent: false, using: &g)
            let text = Self.glued(TemplateWriter.write(x, format: .text), flattened: i % 2 == 0, using: &g)
            let read = try ReaderRegistry.read(Data(text.utf8), fileName: "glued-\(i).txt")
            Self.tally(x, read, into: &t)
        }
        #expect(t.silent.isEmpty, "\(t.silent.prefix(5))")
    }
}
