/// Carry-over from last year's report: row 二 of table 2 (上年结转, `t2.carriedOver.*`) is
/// prefilled per column from last year's row 四 (结转下年度继续办理, `t2.carriedForward.*`).
public enum CarryOver {
    /// The report with row 二 prefilled, and warnings about what could not be carried over.
    public struct Outcome: Sendable {
        public var report: Report
        /// How many columns were prefilled.
        public var carried: Int
        public var warnings: [Diagnostic]
    }

    /// Prefills row 二 of `report` from row 四 of `previous`, column by column.
    ///
    /// - A column is prefilled only when last year's cell holds a number; a blank, a
    ///   not-applicable mark or text is not carried (a warning names the column).
    /// - A cell this year's report already fills is kept; when it holds a different number a
    ///   warning says so (the advisory carry-over relation, never "fixed").
    /// - When something was prefilled, a note saying so is added to ``Metadata/notes``.
    /// - Parameter previousName: the file last year's report came from, used in warnings.
    public static func apply(previous: Report, to report: Report, previousName: String = "-") -> Outcome {
        var report = report
        let edition = TemplateWriter.edition(of: report)
        let spec = ConceptTable.spec(.t2, edition)
        let rows = spec.blocks.flatMap(\.rows)
        let overLabel = rows.first { $0.key == "carriedOver" }?.label ?? "carriedOver"
        let forwardLabel = rows.first { $0.key == "carriedForward" }?.label ?? "carriedForward"
        var warnings: [Diagnostic] = []
        var carried = 0

        for column in spec.blocks.flatMap(\.columns) {
            let from = ConceptTable.id(.t2, rowKey: "carriedForward", columnKey: column.key)
            let to = ConceptTable.id(.t2, rowKey: "carriedOver", columnKey: column.key)
            guard let last = previous.cell(from), last.hasNumber, let n = last.number else {
                warnings.append(.warning("last year's “\(forwardLabel)” / \(column.label) holds no number; “\(overLabel)” / \(column.label) left as it was",
                                         code: "template-carry-over", file: previousName))
                continue
            }
            if let current = report.cell(to), current.presence != .blank {
                if current.number != n {
                    warnings.append(.warning("“\(overLabel)” / \(column.label) is already \(CellText.text(current)); last year's “\(forwardLabel)” was \(CellText.canonical(n)); kept \(CellText.text(current))",
                                             code: "template-carry-over", file: previousName))
                }
                continue
            }
            set(CellValue(concept: to, presence: n == 0 ? .zero : .value, number: n, unit: last.unit), in: &report)
            carried += 1
        }
        if carried > 0 {
            let source = TemplateWriter.title(of: previous)
            report.metadata.notes.append("注：表中“\(overLabel)”一行已按《\(source)》中“\(forwardLabel)”一行逐列预填（\(carried)列），请核对。")
        }
        return Outcome(report: report, carried: carried, warnings: warnings)
    }

    /// Puts a cell into its table (creating the table if needed), replacing any cell of the
    /// same concept, and keeps canonical order.
    static func set(_ cell: CellValue, in report: inout Report) {
        guard let table = ConceptTable.byID[cell.concept]?.table else { return }
        if let i = report.tables.firstIndex(where: { $0.id == table }) {
            report.tables[i].cells.removeAll { $0.concept == cell.concept }
            report.tables[i].cells.append(cell)
            report.tables[i].sortCells()
        } else {
            report.tables.append(StatTable(id: table, cells: [cell]))
            report.tables.sort { TableID.allCases.firstIndex(of: $0.id)! < TableID.allCases.firstIndex(of: $1.id)! }
        }
    }
}
