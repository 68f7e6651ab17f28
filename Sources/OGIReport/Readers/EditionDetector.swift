/// Evidence for a table edition gathered while reading one table: each label that exists in
/// only one edition votes for it, with its source line.
struct EditionEvidence: Sendable {
    private(set) var votes: [Edition: [Int]] = [:]

    mutating func add(_ edition: Edition, line: Int) { votes[edition, default: []].append(line) }

    /// True when labels of both editions were seen.
    var isMixed: Bool { (votes[.e2019]?.isEmpty == false) && (votes[.e2021]?.isEmpty == false) }

    /// The edition with the most votes; on a tie the one voted for first; nil without votes.
    var decided: Edition? {
        let a = votes[.e2019] ?? [], b = votes[.e2021] ?? []
        if a.isEmpty && b.isEmpty { return nil }
        if a.count != b.count { return a.count > b.count ? .e2019 : .e2021 }
        return (a.min() ?? .max) <= (b.min() ?? .max) ? .e2019 : .e2021
    }

    /// First line that voted for an edition.
    func firstLine(_ e: Edition) -> Int? { votes[e]?.min() }
}

/// Decides the report's table edition from the evidence of its tables (never from the year).
///
/// Table 1's column labels decide (本年制发件数 … → 2021; 上一年项目数量, 本年增/减, 第二十条第（九）项 … →
/// 2019); table 2's （六）其他处理 (one row → 2019, three sub-rows → 2021) decides when table 1 does not.
/// When the tables disagree, table 1 wins and a `table.edition-mix` warning is given.
enum EditionDetector {

    /// For each normalised label of a table, the editions whose spec has it (officially or as a
    /// variant). Labels present in both editions are not evidence.
    static let labelEditions: [TableID: [ByteKey: Set<Edition>]] = {
        var out: [TableID: [ByteKey: Set<Edition>]] = [:]
        for table in TableID.allCases {
            var m: [ByteKey: Set<Edition>] = [:]
            for e in Edition.allCases {
                let spec = ConceptTable.spec(table, e)
                for b in spec.blocks {
                    var labels: [String] = []
                    if let c = b.caption { labels.append(c) }
                    for c in b.columns { labels.append(c.label); labels += c.variants }
                    for r in b.rows { labels.append(r.label); labels += r.variants }
                    for l in labels where !l.isEmpty { m[ByteKey(LabelText.normalize(l)), default: []].insert(e) }
                }
            }
            out[table] = m
        }
        return out
    }()

    /// The edition a label of a table is evidence for, if it exists in only one edition.
    static func vote(_ table: TableID, normalized: String) -> Edition? {
        guard let s = labelEditions[table]?[ByteKey(normalized)], s.count == 1 else { return nil }
        return s.first
    }

    /// Decides the edition; returns it with the diagnostics about mixed evidence.
    static func decide(t1: EditionEvidence?, t2: EditionEvidence?, fileName: String) -> (Edition?, [Diagnostic]) {
        var diags: [Diagnostic] = []
        for (name, ev) in [("table 1", t1), ("table 2", t2)] {
            guard let ev, ev.isMixed, let d = ev.decided else { continue }
            let other: Edition = d == .e2019 ? .e2021 : .e2019
            diags.append(.warning("\(name) mixes labels of the \(d.rawValue) and \(other.rawValue) editions; read as \(d.rawValue)",
                                  code: "table.edition-mix", file: fileName, line: ev.firstLine(other)))
        }
        let e1 = t1?.decided, e2 = t2?.decided
        if let e1, let e2, e1 != e2 {
            diags.append(.warning("table 1 is in the \(e1.rawValue) edition but table 2 in the \(e2.rawValue) edition; "
                                  + "reading both as \(e1.rawValue)",
                                  code: "table.edition-mix", file: fileName, line: t2?.firstLine(e2)))
        }
        return (e1 ?? e2, diags)
    }
}
