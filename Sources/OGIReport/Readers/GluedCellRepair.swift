import Foundation

/// Repairs a table in the glued-cells layout (``GluedRowsLayout``) into a grid the table readers
/// take: glued labels are cut apart by the table's own labels (``GluedLabels``), a row starts at
/// each row label, and each row's digit runs are split into as many numbers as the row has value
/// columns (``GluedSplits``).
///
/// A split is used only when it is the only one possible, or the only one that the table's
/// arithmetic allows: each row's 总计 is the sum of its six applicant columns and 一 + 二 =
/// （七）总计 + 四 and （七）总计 = the sum of the outcome rows in every column (table 2), each group's
/// 总计 is the sum of its four results (table 3). Table 1 has no arithmetic: only a run that can
/// be split one way is read. Every other row is not read: it is kept verbatim as a fragment with
/// its possible splits in a warning. Rows split by the sums are named in warnings, and a summary
/// says how every glued row was read — never a silent guess.
enum GluedCellRepair {
    /// The repaired grid, and what was done.
    struct Result {
        var grid: TableGrid
        var diagnostics: [Diagnostic] = []
        var fragments: [Fragment] = []
    }

    private static let labels: [TableID: GluedLabels] = Dictionary(uniqueKeysWithValues: TableID.allCases.map { ($0, GluedLabels($0)) })

    /// Most splits listed for one row before it is called undecidable.
    static let splitLimit = 2_000
    /// Most combinations of the undecided rows of table 2 tried against its column sums.
    static let combinationLimit = 50_000

    /// A row being assembled: its label (or none), the label's entry, its value runs.
    struct Assembled {
        var cells: [GridCell] = []   // label cells (a header row has several)
        var entry: GluedLabels.Entry?
        var values: [GridCell] = []
        var unit: Int
        var isHeader: Bool { !cells.isEmpty && entryIsColumn && values.isEmpty }
        var entryIsColumn = false
    }

    static func repair(_ grid: TableGrid, table: TableID, fileName: String) -> Result {
        let vocabulary = labels[table]!
        var result = Result(grid: grid)
        // 1. Cut text cells into labels; gather rows.
        var rows: [Assembled] = []
        var votes: [Edition: Int] = [:]
        for row in grid.rows {
            for cell in row.cells where !cell.isEmpty {
                if isRun(cell.raw) {
                    if let last = rows.last, !last.isHeader { rows[rows.count - 1].values.append(cell) }
                    else { rows.append(Assembled(values: [cell], unit: cell.line)) }
                    continue
                }
                for piece in vocabulary.cut(cell.raw) {
                    let c = GridCell(raw: piece.raw, line: cell.line, column: cell.column + piece.offset)
                    if c.isEmpty { continue }
                    guard let entry = piece.entry else {
                        rows.append(Assembled(cells: [c], unit: c.line)); continue
                    }
                    if entry.editions.count == 1, let e = entry.editions.first { votes[e, default: 0] += 1 }
                    if case .column = entry.role {
                        if let last = rows.last, last.isHeader { rows[rows.count - 1].cells.append(c); continue }
                        rows.append(Assembled(cells: [c], entry: entry, unit: c.line, entryIsColumn: true))
                    } else {
                        rows.append(Assembled(cells: [c], entry: entry, unit: c.line))
                    }
                }
            }
        }
        // Nothing of the table's value rows: the lines are left as they are (prose, most likely),
        // never handed to the table reader with their runs unsplit.
        guard rows.contains(where: { r in !r.values.isEmpty && r.entry.map { if case .row = $0.role { return true }; return false } ?? false })
                || (table == .t3 && rows.contains { $0.isHeader }) else {
            result.grid.rows = []
            return result
        }
        let edition: Edition? = {
            let a = votes[.e2019] ?? 0, b = votes[.e2021] ?? 0
            return a > b ? .e2019 : b > a ? .e2021 : nil
        }()

        // 2. The possible splits of each row with values, and 3. the arithmetic of one row: table 2's
        // 总计 is the sum of its six columns, table 3's group totals the sums of their results. The
        // row's own rule filters while splitting, so a long run is not cut short by the limit.
        var splits: [Int: [[GluedSplits.Piece]]] = [:]     // row index → candidate splits
        var truncated: Set<Int> = []
        var counts: [Int: Int] = [:]
        var bySums: [Int: String] = [:]   // row index → the rule that decided it
        var runs: [Int: [GluedSplits.Run]] = [:]
        let rowRule: (([Decimal?]) -> Bool)?, rowRuleText: String
        switch table {
        case .t2: rowRule = rowTotalHolds; rowRuleText = "its 总计 is the sum of its six columns"
        case .t3: rowRule = groupTotalsHold; rowRuleText = "each group's 总计 is the sum of its four results"
        case .t1: rowRule = nil; rowRuleText = ""
        }
        for (i, r) in rows.enumerated() where !r.values.isEmpty {
            let options = valueCounts(r, table: table, edition: edition, previous: i > 0 ? rows[i - 1] : nil)
            let raw = r.values.map(\.raw)
            let rowRuns = raw.map(GluedSplits.run)
            runs[i] = rowRuns
            var found: [(Int, [[GluedSplits.Piece]], Bool, Bool)] = []  // count, splits, truncated, decided by the rule
            for (n, kinds) in options {
                func kind(_ k: Int) -> ValueKind { k < kinds.count ? kinds[k] : .count }
                func split(_ accept: (([GluedSplits.Piece]) -> Bool)?, limit: Int) -> (splits: [[GluedSplits.Piece]], truncated: Bool) {
                    GluedSplits.splits(raw, count: n, limit: limit,
                                       allowsDecimal: { kind($0) == .amountWan || kind($0) == .amountWithUnit },
                                       allowsSign: { kind($0) == .signedCount }, accept: accept)
                }
                let any = split(nil, limit: 2)
                guard !any.splits.isEmpty else { continue }
                guard any.splits.count > 1, let rule = rowRule else { found.append((n, any.splits, false, false)); continue }
                let kept = (table == .t2 ? GluedSplits.sumSplits(raw, count: n, limit: splitLimit) : nil)
                    ?? split({ rule($0.map { GluedSplits.number($0, in: rowRuns) }) }, limit: splitLimit)
                if kept.splits.isEmpty {
                    // The sums hold for no split (a report that breaks them): every split stays possible.
                    let all = split(nil, limit: splitLimit)
                    found.append((n, all.splits, all.truncated, false))
                } else {
                    found.append((n, kept.splits, kept.truncated, true))
                }
            }
            guard found.count == 1 || (found.count > 1 && Set(found.map(\.0)).count == 1) else {
                if !options.isEmpty { splits[i] = []; counts[i] = options.first!.0 }  // none, or counts of two editions both possible
                continue
            }
            splits[i] = found[0].1; counts[i] = found[0].0
            if found[0].2 { truncated.insert(i) }
            if found[0].3 { bySums[i] = rowRuleText }
        }
        let values: (Int, [GluedSplits.Piece]) -> [Decimal?] = { i, split in
            split.map { GluedSplits.number($0, in: runs[i]!) }
        }
        if table == .t2 { columnSums(rows, &splits, truncated: truncated, values: values, bySums: &bySums) }

        // 4. The repaired grid and the report of what was done.
        var out: [GridRow] = []
        var unique = 0, ambiguous: [String] = [], decided: [String] = []
        for (i, r) in rows.enumerated() {
            let label = r.cells.map(\.raw).joined()
            let name = label.isEmpty ? (table == .t3 ? "table 3's value row" : "numbers without a row label") : "row “\(DocumentText.trim(label))”"
            guard !r.values.isEmpty else { out.append(GridRow(cells: r.cells, lines: [r.unit])); continue }
            let glued = r.values.map(\.raw).joined(separator: " ")
            let at = r.values[0]
            guard let s = splits[i] else {
                // Numbers after something that is not a value row: how many cells they hold is unknown.
                out.append(GridRow(cells: r.cells, lines: [r.unit]))
                ambiguous.append(name)
                result.fragments.append(Fragment(text: r.values.map(\.raw).joined(separator: "\t"), lines: SourceRange(line: at.line, column: at.column),
                                                 reason: "glued cells not split"))
                let whereFound = label.isEmpty ? "without a row label" : "after \(name), which is not a row of the table's values"
                result.diagnostics.append(.warning("glued cells “\(glued)” \(whereFound): how many cells they hold is unknown; not read (kept verbatim)",
                                                   code: "table.glued-ambiguous", file: fileName, line: at.line, column: at.column))
                continue
            }
            if s.count == 1 {
                let pieces = s[0]
                let cells = pieces.map { p in
                    GridCell(raw: GluedSplits.text(p, in: runs[i]!), line: r.values[p.cell].line,
                             column: r.values[p.cell].column + p.offset)
                }
                out.append(GridRow(cells: r.cells + cells, lines: [r.unit]))
                let wasGlued = pieces.count != r.values.count
                guard wasGlued else { continue }
                if let rule = bySums[i] {
                    decided.append(name)
                    result.diagnostics.append(.warning("\(name): glued cells “\(glued)” split as \(cells.map(\.raw).joined(separator: " | ")), "
                                                       + "the only split in which \(rule)", code: "table.glued-by-sums",
                                                       file: fileName, line: at.line, column: at.column))
                } else {
                    unique += 1
                }
                continue
            }
            // Not decided: the row is not read; kept verbatim.
            ambiguous.append(name)
            let n = counts[i] ?? 0
            let shown = s.prefix(4).map { split in split.map { GluedSplits.text($0, in: runs[i]!) }.joined(separator: " | ") }
            let why = s.isEmpty
                ? "cannot be split into the \(n) cells of its row"
                : "can be split into its \(n) cells in \(truncated.contains(i) ? "more than \(s.count)" : "\(s.count)") ways (\(shown.joined(separator: "; "))\(s.count > 4 ? "; …" : "")) and nothing in the table decides between them"
            result.fragments.append(Fragment(text: ([label] + r.values.map(\.raw)).joined(separator: "\t"),
                                             lines: SourceRange(line: r.unit, column: (r.cells.first ?? at).column),
                                             reason: "glued cells not split"))
            result.diagnostics.append(.warning("\(name): glued cells “\(glued)” \(why); its cells are not read (kept verbatim)",
                                               code: "table.glued-ambiguous", file: fileName, line: at.line, column: at.column))
        }
        let total = unique + decided.count + ambiguous.count
        if total > 0, let first = rows.first {
            var parts = ["\(unique) split in the only way possible"]
            if !decided.isEmpty { parts.append("\(decided.count) by the table's sums (\(decided.joined(separator: ", ")))") }
            if !ambiguous.isEmpty { parts.append("\(ambiguous.count) not read (\(ambiguous.joined(separator: ", ")))") }
            result.diagnostics.insert(.warning("table \(table.rawValue.dropFirst()): the cells of \(total) \(total == 1 ? "row" : "rows") were glued together with nothing between them; "
                                               + parts.joined(separator: ", "), code: "table.glued-cells",
                                               file: fileName, line: first.unit, column: (first.cells.first ?? first.values.first)?.column), at: 0)
        }
        result.grid.rows = out
        return result
    }

    /// True when a cell is a run of digits (with points, a unit), as ``GluedRowsLayout`` cuts them.
    static func isRun(_ raw: String) -> Bool {
        let r = GluedSplits.run(raw)
        return !r.scalars.isEmpty && (GluedSplits.isDigit(r.scalars[0]) || r.scalars[0] == "-")
            && r.scalars.allSatisfy { GluedSplits.isDigit($0) || $0 == "." || $0 == "-" }
    }

    /// How many numbers a row's runs must give, and the kinds of its columns (decimals, signs):
    /// per edition when the edition is not known and they differ.
    static func valueCounts(_ r: GluedLabels.Entry?, table: TableID, edition: Edition?) -> [(Int, [ValueKind])] {
        guard let r, case .row(let key, let counts) = r.role else { return [] }
        var out: [(Int, [ValueKind])] = []
        let editions = edition.map { [$0] } ?? Edition.allCases
        for e in editions {
            guard let block = ConceptTable.spec(table, e).blocks.first(where: { $0.rows.contains { $0.key == key } }) else {
                // A row of the other edition only (a hybrid table): its own edition's shape.
                if let other = counts.first,
                   let b = ConceptTable.spec(table, other.key).blocks.first(where: { $0.rows.contains { $0.key == key } }) {
                    out.append((other.value, b.columns.map(\.kind)))
                }
                continue
            }
            out.append((block.columns.count, block.columns.map(\.kind)))
        }
        return out
    }

    private static func valueCounts(_ r: Assembled, table: TableID, edition: Edition?, previous: Assembled?) -> [(Int, [ValueKind])] {
        if r.entry == nil, r.cells.isEmpty, table == .t3, previous?.isHeader ?? false {
            return [(ConceptTable.t3Columns.count, ConceptTable.t3Columns.map(\.kind))]
        }
        return valueCounts(r.entry, table: table, edition: edition)
    }

    /// Table 2's R4 for one row: 总计 = the six applicant columns (true when not assessable).
    static func rowTotalHolds(_ v: [Decimal?]) -> Bool {
        guard v.count == 7, let total = v[6] else { return true }
        var sum: Decimal = 0
        for x in v.dropLast() { guard let x else { return true }; sum += x }
        return sum == total
    }

    /// Table 3's R5: each group of five ends in the sum of its four results.
    static func groupTotalsHold(_ v: [Decimal?]) -> Bool {
        guard v.count == 15 else { return true }
        for g in 0..<3 {
            let s = v[(g * 5)..<(g * 5 + 5)]
            guard let total = s.last!, s.dropLast().allSatisfy({ $0 != nil }) else { continue }
            if s.dropLast().reduce(Decimal(0), { $0 + $1! }) != total { return false }
        }
        return true
    }

    /// Table 2's column identities (R1, R3) over the rows still undecided: a row is decided when
    /// every combination of the undecided rows that satisfies both picks the same split for it.
    private static func columnSums(_ rows: [Assembled], _ splits: inout [Int: [[GluedSplits.Piece]]], truncated: Set<Int>,
                                   values: (Int, [GluedSplits.Piece]) -> [Decimal?], bySums: inout [Int: String]) {
        var keyRow: [String: Int] = [:]
        for (i, r) in rows.enumerated() {
            if let e = r.entry, case .row(let key, _) = e.role, splits[i] != nil, keyRow[key] == nil { keyRow[key] = i }
        }
        let open = splits.keys.filter { splits[$0]!.count > 1 && !truncated.contains($0) }.sorted()
        guard !open.isEmpty else { return }
        var product = 1
        for i in open { product *= splits[i]!.count; if product > combinationLimit { return } }
        // R3 only when every outcome row is there: those of either edition (（六） as one row or as three).
        let ends: Set<String> = ["received", "carriedOver", "total", "carriedForward"]
        let outcomes: [String]? = Edition.allCases.lazy.map { e -> [String] in
            ConceptTable.spec(.t2, e).blocks[0].rows.map(\.key).filter { !ends.contains($0) }
        }.first { keys in keys.allSatisfy { keyRow[$0] != nil } }
        // Every candidate's numbers, once; the rows the identities use, by position.
        var fixed: [Int: [Decimal?]] = [:]
        for (_, i) in keyRow where splits[i]!.count == 1 { fixed[i] = values(i, splits[i]![0]) }
        let candidates = open.map { i in splits[i]!.map { values(i, $0) } }
        let openIndex = Dictionary(uniqueKeysWithValues: open.enumerated().map { ($1, $0) })
        var choice = [Int](repeating: 0, count: open.count)
        var chosen: [Set<Int>] = Array(repeating: [], count: open.count)
        var solutions = 0
        func holds() -> Bool {
            func num(_ key: String, _ c: Int) -> Decimal? {
                guard let i = keyRow[key] else { return nil }
                let r = openIndex[i].map { candidates[$0][choice[$0]] } ?? fixed[i]
                guard let r, c < r.count else { return nil }
                return r[c]
            }
            for c in 0..<7 {
                if let a = num("received", c), let b = num("carriedOver", c), let t = num("total", c), let f = num("carriedForward", c),
                   a + b != t + f { return false }
                if let outcomes, let t = num("total", c) {
                    var sum: Decimal = 0, complete = true
                    for key in outcomes { guard let x = num(key, c) else { complete = false; break }; sum += x }
                    if complete && sum != t { return false }
                }
            }
            return true
        }
        func go(_ k: Int) {
            if k == open.count {
                if holds() { solutions += 1; for j in open.indices { chosen[j].insert(choice[j]) } }
                return
            }
            for c in splits[open[k]]!.indices { choice[k] = c; go(k + 1) }
        }
        go(0)
        guard solutions > 0 else { return }
        for (k, i) in open.enumerated() where chosen[k].count == 1 {
            splits[i] = [splits[i]![chosen[k].first!]]
            bySums[i] = bySums[i].map { $0 + ", and 一 + 二 = （七）总计 + 四 and （七）总计 = the sum of the outcome rows in every column" }
                ?? "一 + 二 = （七）总计 + 四 and （七）总计 = the sum of the outcome rows in every column"
        }
    }
}
