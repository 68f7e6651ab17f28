import Foundation
@testable import OGIReport

/// An expected-cells file (`NAME.expected.json`, the format of `../shared/real`): every cell of
/// the report's tables in the official reading order, which is the canonical concept order.
struct ExpectedCells {
    struct Cell { let label: String; let value: Decimal?; let mark: String?; let unit: String? }
    let edition: Edition
    let cells: [Cell]

    init(_ url: URL) throws {
        let o = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        edition = (o["edition"] as? String) == "2019" ? .e2019 : .e2021
        cells = (o["cells"] as! [[String: Any]]).map { c in
            let v = (c["value"] as? NSNumber).map { Decimal(string: $0.stringValue)! }
            return Cell(label: "\(c["table"] ?? "") \(c["row"] ?? "") / \(c["col"] ?? "")", value: v,
                        mark: c["mark"] as? String, unit: c["unit"] as? String)
        }
    }

    /// Cell-by-cell differences between a report and the expected cells (empty: every cell right).
    func differences(_ report: Report) -> [String] {
        guard report.metadata.edition == edition else { return ["edition \(String(describing: report.metadata.edition)) ≠ \(edition)"] }
        let concepts = ConceptTable.concepts(edition)
        guard concepts.count == cells.count else { return ["\(concepts.count) concepts for \(cells.count) expected cells"] }
        var d: [String] = []
        for (c, e) in zip(concepts, cells) {
            let got = report.cell(c.id)
            if let v = e.value {
                if got?.hasNumber != true || got?.number != v || (e.unit != nil && got?.unit != e.unit) {
                    d.append("\(e.label): expected \(v)\(e.unit ?? ""), got \(got.map { "\($0.presence) \($0.number.map { "\($0)" } ?? "") \($0.unit ?? "")" } ?? "nothing")")
                }
            } else if (e.mark ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                if let g = got, g.presence != .blank { d.append("\(e.label): expected blank, got \(g.presence)") }
            } else if got?.presence != .notApplicable {
                d.append("\(e.label): expected mark \(e.mark!), got \(got.map { "\($0.presence)" } ?? "nothing")")
            }
        }
        return d
    }

    /// Expected-cell label → concept, per edition: the label order of a complete expected file of
    /// each edition (r01: 2021, r04: 2019) zipped with the canonical concept order.
    static let conceptsByLabel: [Edition: [String: ConceptID]] = {
        var out: [Edition: [String: ConceptID]] = [:]
        for (e, file) in [(Edition.e2021, "real/r01-portal-clean.expected.json"), (.e2019, "real/r04-flattened-glued.expected.json")] {
            let x = try! ExpectedCells(Fixtures.url(file))
            out[e] = Dictionary(uniqueKeysWithValues: zip(x.cells.map(\.label), ConceptTable.concepts(e).map(\.id)))
        }
        return out
    }()

    /// Differences by label, for reports whose tables mix editions (a 2019-style row in a 2021
    /// table): each expected cell is looked up under its label in the report's edition, then in
    /// the other's. Returns the labels of expected cells the report does not have, and the
    /// differences of those it has.
    func differencesByLabel(_ report: Report) -> (missing: [String], wrong: [String]) {
        var missing: [String] = [], wrong: [String] = []
        let other: Edition = edition == .e2021 ? .e2019 : .e2021
        for e in cells {
            guard let id = Self.conceptsByLabel[edition]?[e.label] ?? Self.conceptsByLabel[other]?[e.label] else { wrong.append("unknown label \(e.label)"); continue }
            guard let got = report.cell(id) else { missing.append(e.label); continue }
            if let v = e.value {
                if !got.hasNumber || got.number != v { wrong.append("\(e.label): expected \(v), got \(got.presence) \(got.number.map { "\($0)" } ?? "")") }
            } else if (e.mark ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                if got.presence != .blank { wrong.append("\(e.label): expected blank, got \(got.presence)") }
            } else if got.presence != .notApplicable {
                wrong.append("\(e.label): expected mark \(e.mark!), got \(got.presence)")
            }
        }
        return (missing, wrong)
    }
}
