import Foundation
@testable import OGIReport

/// Builds reports in code from ``ConceptTable``: random consistent ones (R1, R3, R4, R5 hold)
/// for property tests, and small hand-made ones.
enum ConsistentReport {
    /// A random report whose tables 2 and 3 satisfy every rule. Every cell gets a distinct fake
    /// source position (line = its index + 1, column 2).
    static func make(_ edition: Edition, rng: inout SeededRNG, year: Int? = nil) -> Report {
        var values: [ConceptID: Int] = [:]
        let t2 = ConceptTable.spec(.t2, edition).blocks[0]
        let outcomeRows = t2.rows.filter { !["received", "carriedOver", "total", "carriedForward"].contains($0.key) }
        for col in t2.columns where col.key != "total" {
            var total = 0
            for r in outcomeRows {
                // Mostly zeros, as in real reports, with some larger counts.
                let v = Int.random(in: 0...9, using: &rng) < 6 ? 0 : Int.random(in: 1...40, using: &rng)
                values[ConceptTable.id(.t2, rowKey: r.key, columnKey: col.key)] = v
                total += v
            }
            let forward = Int.random(in: 0...5, using: &rng)
            let carried = Int.random(in: 0...(total + forward), using: &rng)
            values[ConceptTable.id(.t2, rowKey: "total", columnKey: col.key)] = total
            values[ConceptTable.id(.t2, rowKey: "carriedForward", columnKey: col.key)] = forward
            values[ConceptTable.id(.t2, rowKey: "carriedOver", columnKey: col.key)] = carried
            values[ConceptTable.id(.t2, rowKey: "received", columnKey: col.key)] = total + forward - carried
        }
        for r in t2.rows {
            values[ConceptTable.id(.t2, rowKey: r.key, columnKey: "total")] = t2.columns.filter { $0.key != "total" }
                .reduce(0) { $0 + values[ConceptTable.id(.t2, rowKey: r.key, columnKey: $1.key)]! }
        }
        for g in ["review", "suitDirect", "suitAfterReview"] {
            var total = 0
            for k in ["upheld", "corrected", "other", "pending"] {
                let v = Int.random(in: 0...3, using: &rng)
                values[ConceptTable.id(.t3, rowKey: "", columnKey: g + "." + k)] = v
                total += v
            }
            values[ConceptTable.id(.t3, rowKey: "", columnKey: g + ".total")] = total
        }
        for c in ConceptTable.concepts(.t1, edition) { values[c.id] = Int.random(in: 0...100, using: &rng) }
        return report(edition, values: values, year: year ?? (edition == .e2019 ? 2020 : 2023))
    }

    /// A report with the given values (cells not given are zero) and all six sections.
    static func report(_ edition: Edition, values: [ConceptID: Int], year: Int? = nil,
                       paragraphs: [SectionKind: [String]] = [:]) -> Report {
        var line = 0
        let tables: [StatTable] = TableID.allCases.map { t in
            StatTable(id: t, cells: ConceptTable.concepts(t, edition).map { c in
                line += 1
                return CellValue.number(c.id, Decimal(values[c.id] ?? 0), raw: String(values[c.id] ?? 0),
                                        position: SourcePosition(line: line, column: 2))
            })
        }
        let sections = SectionKind.allCases.map { k in
            Section(kind: k, line: 1000 + k.rawValue,
                    blocks: (paragraphs[k] ?? ["工作情况。"]).enumerated().map { i, p in
                        Block(.paragraph, p, lines: LineRange(line: 2000 + 10 * k.rawValue + i))
                    })
        }
        return Report(metadata: Metadata(year: year ?? (edition == .e2019 ? 2020 : 2023), edition: edition), sections: sections, tables: tables)
    }

    /// Replaces the cell of a concept.
    static func set(_ report: inout Report, _ concept: ConceptID, _ change: (inout CellValue) -> Void) {
        for t in report.tables.indices {
            if let i = report.tables[t].cells.firstIndex(where: { $0.concept == concept }) {
                change(&report.tables[t].cells[i])
            }
        }
    }

    /// The concepts the rules use (tables 2 and 3) in an edition.
    static func ruleConcepts(_ edition: Edition) -> [Concept] {
        ConceptTable.concepts(.t2, edition) + ConceptTable.concepts(.t3, edition)
    }
}
