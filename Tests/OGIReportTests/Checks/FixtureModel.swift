import Foundation
@testable import OGIReport

/// A minimal, test-only reading of the `Fixtures/checks` texts (official labels, tab rows, three
/// label columns in table 2), so the marker tests run at the model level before the real text
/// reader is merged. Not a reader: it knows only the fixtures' own regular layout.
enum FixtureModel {
    static func cell(_ concept: ConceptID, _ raw: String, line: Int, column: Int) -> CellValue {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return .blank(concept, position: SourcePosition(line: line, column: column)) }
        if ["/", "-", "—", "无"].contains(t) {
            return CellValue(concept: concept, presence: .notApplicable, raw: t, position: SourcePosition(line: line, column: column))
        }
        guard let n = Decimal(string: t.replacingOccurrences(of: "+", with: "")) else {
            return CellValue(concept: concept, presence: .text, raw: t, position: SourcePosition(line: line, column: column))
        }
        return .number(concept, n, raw: t, position: SourcePosition(line: line, column: column))
    }

    /// Fields of a tab row with the 1-based column (Unicode scalars) each starts at.
    static func fields(_ line: String) -> [(text: String, column: Int)] {
        var out: [(String, Int)] = []
        var column = 1
        for f in line.split(separator: "\t", omittingEmptySubsequences: false) {
            out.append((String(f), column))
            column += f.unicodeScalars.count + 1
        }
        return out
    }

    static func report(_ text: String) -> Report {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var report = Report()
        if let t = lines.first, let r = t.range(of: #"20\d\d"#, options: .regularExpression) {
            report.metadata.year = Int(t[r])
        }
        // Sections and narrative paragraphs.
        var current: Section?
        for (i, l) in lines.enumerated() {
            if let k = SectionKind.allCases.first(where: { l == $0.heading }) {
                if let c = current { report.sections.append(c) }
                current = Section(kind: k, line: i + 1)
            } else if !l.isEmpty, !l.contains("\t"), current != nil {
                current?.blocks.append(Block(.paragraph, l, lines: LineRange(line: i + 1)))
            }
        }
        if let c = current { report.sections.append(c) }
        // Table 2: the value rows after the three header lines.
        if let h = lines.firstIndex(where: { $0.hasPrefix("（本列数据的勾稽关系") }) {
            var rows: [Int] = []
            var i = h + 3
            while i < lines.count, !lines[i].isEmpty { rows.append(i); i += 1 }
            let edition: Edition = rows.count == 23 ? .e2019 : .e2021
            report.metadata.edition = edition
            let spec = ConceptTable.spec(.t2, edition).blocks[0]
            var table = StatTable(id: .t2)
            for (r, li) in zip(spec.rows, rows) {
                let f = fields(lines[li]).suffix(7)
                for (c, field) in zip(spec.columns, f) {
                    table.cells.append(cell(ConceptTable.id(.t2, rowKey: r.key, columnKey: c.key), field.text, line: li + 1, column: field.column))
                }
            }
            report.tables.append(table)
            report.tables.append(StatTable(id: .t1, cells: ConceptTable.concepts(.t1, edition).map { .number($0.id, 0) }))
        }
        // Table 3: the value row after its three header lines.
        if let h = lines.firstIndex(where: { $0.hasPrefix("行政复议\t") }), h + 3 < lines.count {
            var table = StatTable(id: .t3)
            let spec = ConceptTable.spec(.t3, .e2021).blocks[0]
            for (c, field) in zip(spec.columns, fields(lines[h + 3])) {
                table.cells.append(cell(ConceptTable.id(.t3, rowKey: "", columnKey: c.key), field.text, line: h + 4, column: field.column))
            }
            report.tables.append(table)
        }
        return report
    }
}
