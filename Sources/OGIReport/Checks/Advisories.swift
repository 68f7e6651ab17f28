import Foundation

/// Advisories: warnings, never errors. A FAIL of an advisory has severity `warning` and never
/// makes `ogi check` exit 1.
///
/// - `OGI-A1` a number stated in the narrative contradicts table 2 or 3 (PASS when it agrees,
///   NOT_ASSESSABLE when the table cells are not numbers);
/// - `OGI-A2` a report for 2022 or later on the 2019 edition of the tables;
/// - `OGI-A3` a missing table; `OGI-A4` a missing section; `OGI-A5` an empty section.
/// A2–A5 give a result only when they find something.
public enum Advisories {
    /// A narrative statement and the table cells it is compared with.
    struct NarrativeTarget: Sendable {
        let pattern: NarrativeScanner.Pattern
        /// The table 2 row keys (a key names its sub-rows) or table 3 column keys summed, column `total`.
        let table: TableID
        let keys: [String]
        /// Another reading that also agrees (收到 N 件 may count 一 or 一+二).
        let alternativeKeys: [String]?
    }

    /// The advisories, by id.
    public static let descriptions: [(id: String, text: String)] = [
        ("OGI-A1", "a number stated in the narrative (收到/受理申请, 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理, 继续办理, 行政复议, 行政诉讼 … N 件) contradicts table 2 or 3"),
        ("OGI-A2", "a report for 2022 or later uses the 2019 edition of the tables"),
        ("OGI-A3", "a table is missing"),
        ("OGI-A4", "a section is missing"),
        ("OGI-A5", "a section is empty (no text and no table)"),
    ]

    static let applicationWords = ["复议", "诉讼", "收费", "举报", "投诉", "信访"]

    /// The narrative statements checked (data; labels come from ``ConceptTable``).
    static let narrativeTargets: [NarrativeTarget] = [
        NarrativeTarget(pattern: .init(key: "received", keywords: ["收到", "受理", "新收"], maxGap: 12,
                                       gapMustContain: ["申请"], gapMustNotContain: applicationWords),
                        table: .t2, keys: ["received"], alternativeKeys: ["received", "carriedOver"]),
        NarrativeTarget(pattern: .init(key: "disclosed", keywords: ["予以公开"], notPrecededBy: ["不"]),
                        table: .t2, keys: ["disclosed"], alternativeKeys: nil),
        NarrativeTarget(pattern: .init(key: "partlyDisclosed", keywords: ["部分公开"]),
                        table: .t2, keys: ["partlyDisclosed"], alternativeKeys: nil),
        NarrativeTarget(pattern: .init(key: "withheld", keywords: ["不予公开"]),
                        table: .t2, keys: ["withheld"], alternativeKeys: nil),
        NarrativeTarget(pattern: .init(key: "unavailable", keywords: ["无法提供"]),
                        table: .t2, keys: ["unavailable"], alternativeKeys: nil),
        NarrativeTarget(pattern: .init(key: "notProcessed", keywords: ["不予处理"]),
                        table: .t2, keys: ["notProcessed"], alternativeKeys: nil),
        NarrativeTarget(pattern: .init(key: "otherProcessing", keywords: ["其他处理"]),
                        table: .t2, keys: ["otherProcessing"], alternativeKeys: nil),
        NarrativeTarget(pattern: .init(key: "carriedForward", keywords: ["继续办理"]),
                        table: .t2, keys: ["carriedForward"], alternativeKeys: nil),
        NarrativeTarget(pattern: .init(key: "review", keywords: ["行政复议"]),
                        table: .t3, keys: ["review"], alternativeKeys: nil),
        NarrativeTarget(pattern: .init(key: "litigation", keywords: ["行政诉讼"]),
                        table: .t3, keys: ["suitDirect", "suitAfterReview"], alternativeKeys: nil),
    ]

    /// Every advisory result for the report.
    public static func run(_ report: Report, edition: Edition) -> [CheckResult] {
        narrative(report, edition: edition) + editionYear(report, edition: edition) + structure(report)
    }

    // MARK: A1 narrative numbers

    /// The cells of the `total` column of the given table 2 rows (sub-rows included) or table 3 groups.
    static func totalCells(_ table: TableID, keys: [String], edition: Edition) -> [ConceptID] {
        let spec = ConceptTable.spec(table, edition)
        var ids: [ConceptID] = []
        for block in spec.blocks {
            switch table {
            case .t2:
                for row in block.rows where keys.contains(where: { row.key == $0 || row.key.hasPrefix($0 + ".") }) {
                    ids.append(ConceptTable.id(table, rowKey: row.key, columnKey: "total"))
                }
            case .t3:
                for row in block.rows {
                    for k in keys where block.columns.contains(where: { $0.key == k + ".total" }) {
                        ids.append(ConceptTable.id(table, rowKey: row.key, columnKey: k + ".total"))
                    }
                }
            case .t1:
                break
            }
        }
        return ids
    }

    /// A label for a sum of cells: "一 总计", "Σ（三） 总计", "行政复议 总计".
    static func label(_ table: TableID, keys: [String], edition: Edition) -> String {
        let spec = ConceptTable.spec(table, edition)
        guard let block = spec.blocks.first else { return keys.joined(separator: "+") }
        switch table {
        case .t2:
            let parts: [String] = keys.map { k in
                let rows = block.rows.filter { $0.key == k || $0.key.hasPrefix(k + ".") }
                if rows.count == 1, rows[0].key == k { return ShortLabel.row(rows[0]) }
                return rows.first?.parents.last.map(ShortLabel.group) ?? k
            }
            let total = block.columns.first { $0.key == "total" }.map(ShortLabel.column) ?? "total"
            return parts.joined(separator: "+") + " " + total
        case .t3:
            return keys.map { k in
                let col = block.columns.first { $0.key == k + ".total" }
                return col.map { ShortLabel.columnGroup($0) + " " + $0.label } ?? k
            }.joined(separator: " + ")
        case .t1:
            return keys.joined(separator: "+")
        }
    }

    static func narrative(_ report: Report, edition: Edition) -> [CheckResult] {
        var results: [CheckResult] = []
        var groups: [[Block]] = [report.preamble]
        groups += report.sections.map(\.blocks)
        groups.append(report.closing)
        for blocks in groups {
            let paragraphs = blocks.filter { $0.kind == .paragraph }.map { (text: $0.text, line: $0.lines?.first) }
            guard !paragraphs.isEmpty else { continue }
            let claims = NarrativeScanner.scan(paragraphs, patterns: narrativeTargets.map(\.pattern), year: report.metadata.year)
            for claim in claims {
                // Without the table there is nothing to compare with (OGI-A3 says it is missing).
                guard let target = narrativeTargets.first(where: { $0.pattern.key == claim.key }),
                      report.table(target.table) != nil else { continue }
                results.append(compare(claim, target, report, edition))
            }
        }
        return results
    }

    static func compare(_ claim: NarrativeClaim, _ target: NarrativeTarget, _ report: Report, _ edition: Edition) -> CheckResult {
        let ids = totalCells(target.table, keys: target.keys, edition: edition)
        let tableLabel = label(target.table, keys: target.keys, edition: edition)
        let at = claim.line.map { " (line \($0))" } ?? ""
        let formula = "narrative \"\(claim.text)\"\(at) = table \(target.table.rawValue.dropFirst()) \(tableLabel)"
        let instance = "narrative \(claim.key)" + (claim.line.map { " line \($0)" } ?? "")
        let table = report.table(target.table)
        let refs = ids.map { CellRef(concept: $0, position: table?.cell($0)?.position) }
        func sum(_ cells: [ConceptID]) -> Decimal? {
            var s = Decimal(0)
            for id in cells {
                guard let c = table?.cell(id), c.hasNumber, let n = c.number else { return nil }
                s += n
            }
            return s
        }
        let stated = Decimal(claim.number)
        guard !ids.isEmpty, let value = sum(ids) else {
            return CheckResult(rule: "OGI-A1", severity: .warning, status: .notAssessable, instance: instance,
                               formula: formula, left: stated,
                               message: "the narrative says \"\(claim.text)\"\(at); not assessable: table \(target.table.rawValue.dropFirst()) \(tableLabel) has no number",
                               cells: refs)
        }
        var agrees = value == stated
        var alternative = ""
        if !agrees, let alt = target.alternativeKeys {
            let altIDs = totalCells(target.table, keys: alt, edition: edition)
            if let v = sum(altIDs), v == stated {
                agrees = true
                alternative = " (it counts \(label(target.table, keys: alt, edition: edition)) = \(RuleEvaluator.format(v)))"
            }
        }
        let message = agrees
            ? "the narrative says \"\(claim.text)\"\(at), and table \(target.table.rawValue.dropFirst()) \(tableLabel) is \(RuleEvaluator.format(value))\(alternative)"
            : "the narrative says \"\(claim.text)\"\(at), but table \(target.table.rawValue.dropFirst()) \(tableLabel) is \(RuleEvaluator.format(value))"
        return CheckResult(rule: "OGI-A1", severity: .warning, status: agrees ? .pass : .fail, instance: instance,
                           formula: formula, left: stated, right: value, message: message, cells: refs)
    }

    // MARK: A2 edition vs year

    static func editionYear(_ report: Report, edition: Edition) -> [CheckResult] {
        guard let year = report.metadata.year, year >= 2022, edition == .e2019 else { return [] }
        return [CheckResult(rule: "OGI-A2", severity: .warning, status: .fail, instance: "report",
                            formula: "year ≥ 2022 ⇒ edition 2021",
                            message: "a report for \(year) uses the 2019 edition of the tables (国办公开办函〔2019〕60号); reports for 2021 onward use the 2021 edition (国办公开办函〔2021〕30号)")]
    }

    // MARK: A3–A5 structure

    static func structure(_ report: Report) -> [CheckResult] {
        var out: [CheckResult] = []
        for t in TableID.allCases where report.table(t) == nil {
            let s = t.section
            out.append(CheckResult(rule: "OGI-A3", severity: .warning, status: .fail, instance: "table \(t.rawValue)",
                                   formula: "table \(t.rawValue.dropFirst()) present",
                                   message: "table \(t.rawValue.dropFirst()) (\(s.heading)) is missing"))
        }
        for k in SectionKind.allCases where report.section(k) == nil {
            out.append(CheckResult(rule: "OGI-A4", severity: .warning, status: .fail, instance: "section \(k.id)",
                                   formula: "section \(k.numeral) present",
                                   message: "section \(k.heading) is missing"))
        }
        for s in report.sections {
            let hasText = s.blocks.contains { !$0.text.unicodeScalars.allSatisfy(NarrativeScanner.isSpace) }
            let hasTable = s.kind.table.flatMap { report.table($0) }.map { !$0.cells.isEmpty } ?? false
            if !hasText && !hasTable {
                let at = s.line.map { " (line \($0))" } ?? ""
                out.append(CheckResult(rule: "OGI-A5", severity: .warning, status: .fail, instance: "section \(s.kind.id)",
                                       formula: "section \(s.kind.numeral) not empty",
                                       message: "section \(s.heading)\(at) is empty"))
            }
        }
        return out
    }
}
