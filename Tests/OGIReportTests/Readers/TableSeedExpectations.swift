@testable import OGIReport

/// The values of every table cell of the five seeds, typed in by reading the seed texts
/// (Fixtures/tables/seeds), row by row in the official column order — not produced by the reader.
struct SeedExpectation {
    var name: String
    var edition: Edition
    var layout: SourceLayout
    /// Table 1: row key → values in the edition's column order.
    var t1: [String: [Int]]
    /// Table 2: row key → [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]; rows not listed are all 0.
    var t2: [String: [Int]]
    /// Table 3: the 15 values (行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5).
    var t3: [Int]

    /// The expected number of every concept of the edition.
    var expected: [ConceptID: Int] {
        var out: [ConceptID: Int] = [:]
        for spec in ConceptTable.specs(edition) {
            for b in spec.blocks {
                for r in b.rows {
                    let values: [Int]
                    switch spec.table {
                    case .t1: values = t1[r.key] ?? []
                    case .t2: values = t2[r.key] ?? Array(repeating: 0, count: 7)
                    case .t3: values = t3
                    }
                    precondition(values.count == b.columns.count, "\(name) \(spec.table) \(r.key): \(values.count) values")
                    for (c, v) in zip(b.columns, values) {
                        out[ConceptTable.id(spec.table, rowKey: r.key, columnKey: c.key)] = v
                    }
                }
            }
        }
        return out
    }

    static let zeros15 = Array(repeating: 0, count: 15)

    static let all: [SeedExpectation] = [
        // 000: 番禺区卫生健康局 2023, tab rows, header of table 2 repeated at lines 71-73.
        SeedExpectation(
            name: "000_44f90c379b4f7fce", edition: .e2021, layout: .tabRows,
            t1: ["regulations": [0, 0, 0], "normativeDocs": [0, 0, 0], "licensing": [12901],
                 "penalty": [353], "enforcement": [0], "fees": [0]],
            t2: ["received": [14, 0, 0, 0, 0, 0, 14],
                 "disclosed": [4, 0, 0, 0, 0, 0, 4],
                 "withheld.internalAffairs": [7, 0, 0, 0, 0, 0, 7],
                 "withheld.enforcementFile": [1, 0, 0, 0, 0, 0, 1],
                 "unavailable.notHeld": [1, 0, 0, 0, 0, 0, 1],
                 "notProcessed.repeated": [1, 0, 0, 0, 0, 0, 1],
                 "total": [14, 0, 0, 0, 0, 0, 14]],
            t3: zeros15),
        // 001: 绥芬河市卫生健康局 2023, tab rows, blank lines inside tables, short rows.
        SeedExpectation(
            name: "001_920faedf84c991f1", edition: .e2021, layout: .tabRows,
            t1: ["regulations": [0, 0, 0], "normativeDocs": [0, 0, 0], "licensing": [292],
                 "penalty": [4], "enforcement": [0], "fees": [0]],
            t2: [:],
            t3: zeros15),
        // 002: 浈江区卫生健康局 2024 on the 2019 tables, one cell per line; totals inconsistent as written.
        SeedExpectation(
            name: "002_a2c9da7275a0d61c", edition: .e2019, layout: .cellPerLine,
            t1: ["regulations": [0, 0, 0], "normativeDocs": [0, 0, 0],
                 "licensing": [510, -58, 452], "otherServices": [0, 0, 0],
                 "penalty": [0, 0, 0], "enforcement": [0, 0, 0],
                 "fees": [0, 0], "procurement": [0, 0]],
            t2: ["received": [1, 0, 0, 0, 0, 0, 0],
                 "unavailable.notHeld": [1, 0, 0, 0, 0, 0, 0],
                 "total": [0, 0, 0, 0, 0, 0, 0]],
            t3: zeros15),
        // 003: 重庆市九龙坡区卫生健康委员会 2023, one cell per line, wrapped header cells.
        SeedExpectation(
            name: "003_be85ec6c6b6a0b3c", edition: .e2021, layout: .cellPerLine,
            t1: ["regulations": [0, 0, 0], "normativeDocs": [2, 2, 7], "licensing": [80],
                 "penalty": [314], "enforcement": [0], "fees": [0]],
            t2: ["received": [1, 1, 0, 0, 0, 0, 2],
                 "disclosed": [1, 0, 0, 0, 0, 0, 1],
                 "unavailable.notHeld": [1, 0, 0, 0, 0, 0, 1],
                 "total": [2, 0, 0, 0, 0, 0, 2]],
            t3: zeros15),
        // 004: 临平区卫生健康局 2023 (no title line), one cell per line, NBSP-padded zeros.
        SeedExpectation(
            name: "004_bbe5ed0d0ae48369", edition: .e2021, layout: .cellPerLine,
            t1: ["regulations": [0, 0, 0], "normativeDocs": [2, 0, 7], "licensing": [6928],
                 "penalty": [229], "enforcement": [0], "fees": [0]],
            t2: ["received": [6, 0, 0, 0, 0, 0, 6],
                 "disclosed": [3, 0, 0, 0, 0, 0, 3],
                 "unavailable.notHeld": [2, 0, 0, 0, 0, 0, 2],
                 "otherProcessing.noCorrection": [1, 0, 0, 0, 0, 0, 1],
                 "total": [6, 0, 0, 0, 0, 0, 6]],
            t3: zeros15),
    ]
}
