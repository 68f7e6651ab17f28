import Foundation

/// One cell of a table grid: its verbatim text and where it starts in the source.
struct GridCell: Sendable, Hashable {
    /// The cell text verbatim; a header cell wrapped over lines keeps its line breaks ("商业\n企业").
    var raw: String
    /// Source line of the cell's first character.
    var line: Int
    /// 1-based Unicode-scalar column of the cell's first character in that line.
    var column: Int
    /// Last source line of the cell (differs from `line` for wrapped cells).
    var lastLine: Int
    /// True when the cell holds nothing but whitespace.
    var isEmpty: Bool
    /// The normalised text (see ``LabelText/normalize(_:)``), computed once; empty for values.
    var normalized: String
    /// The cell read as a value, computed once.
    var parsed: ParsedCell
    /// True when the cell reads as a number or a not-applicable mark.
    var isValueLike: Bool { parsed.isValueLike }

    init(raw: String, line: Int, column: Int, lastLine: Int? = nil) {
        self.raw = raw; self.line = line; self.column = column; self.lastLine = lastLine ?? line
        parsed = CellValueParser.parse(raw)
        isEmpty = parsed.presence == .blank
        normalized = parsed.isValueLike || isEmpty ? "" : LabelText.normalize(raw)
    }

    var position: SourcePosition { SourcePosition(line: line, column: column) }
}

/// One row of a table grid: its cells and the source lines it spans.
struct GridRow: Sendable {
    var cells: [GridCell]
    /// Source line numbers of the row (blank separator lines excluded), ascending.
    var lines: [Int]

    var firstLine: Int { lines.first ?? 0 }
    var lastLine: Int { lines.last ?? 0 }
    var lineRange: LineRange { LineRange(firstLine, lastLine) }
    var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
    var nonEmptyCells: [GridCell] { cells.filter { !$0.isEmpty } }
}

/// A table section body turned into rows × cells, in one of the two text layouts.
///
/// - Tab rows: every non-blank line is a row; cells are separated by tabs; blank lines are skipped.
/// - One cell per line: every non-blank line is a cell (a leading tab is dropped); a blank line
///   ends a row; a line without a leading tab right after a non-value cell continues that cell
///   (wrapped header cells "商业\n企业"); any other line without a leading tab is a row of its own.
struct TableGrid: Sendable {
    var layout: SourceLayout
    var rows: [GridRow]
    /// The body the grid was built from (rows refer to its lines by number).
    var lines: [SourceLine] = []

    /// The verbatim text of some of the body's lines, joined with "\n" (for fragments).
    static func text(of numbers: [Int], in lines: [SourceLine]) -> String {
        guard let first = lines.first?.number else { return "" }
        return numbers.compactMap { n in lines.indices.contains(n - first) ? lines[n - first].text : nil }
            .joined(separator: "\n")
    }
    /// Line number of the body's last non-blank line (to tell a cut-off table).
    var lastNonBlankLine: Int?

    /// How messages name a unit of the body: "line N" for text, the format's own place otherwise
    /// (set by ``GridBuilder`` from the document).
    var unitName: @Sendable (Int) -> String = { "line \($0)" }
}

extension GridRow {
    /// The cells with label cells that were wrapped into two or three cells joined back
    /// ("商业" + "企业", "(一) " + "予以公开", "1.申请人…逾期不补正、" + "行政机关不再处理…"): a non-empty
    /// text cell is joined with the next one or two when the joined text is a label (exactly, or
    /// by its core) and the next cell alone is not exactly a label. `isLabel` gets normalised text.
    /// Values and empty cells are never joined.
    func joiningWrappedCells(isLabel: (String) -> MatchLevel?) -> [GridCell] {
        guard cells.count > 1 else { return cells }
        var out: [GridCell] = []
        var joinedAny = false
        var i = 0
        while i < cells.count {
            var joinedTo: Int?
            // Only a label followed by another can join: other cells are not copied (a copy retains their strings).
            if !cells[i].isEmpty && !cells[i].isValueLike, i + 1 < cells.count, !cells[i + 1].isEmpty, !cells[i + 1].isValueLike {
                let c = cells[i]
                // A label alone is joined only into a longer exact label ("本年收费金额" + "（单位：万元）");
                // numbering alone ("3.", "(七)") is never a label, so the next cell may be one.
                var numberingOnly: Bool {
                    let split = LabelText.splitNumbering(c.normalized)
                    return split.number != nil && split.core.isEmpty
                }
                var text = c.normalized
                var j = i + 1
                while j < cells.count && j <= i + 2 {
                    let next = cells[j]
                    if next.isEmpty || next.isValueLike { break }
                    if isLabel(next.normalized) == .exact && !numberingOnly { break }
                    text += next.normalized
                    if let level = isLabel(text), level == .exact || (level == .core && isLabel(c.normalized) == nil) {
                        joinedTo = j; break
                    }
                    j += 1
                }
            }
            if let j = joinedTo {
                if !joinedAny { joinedAny = true; out = Array(cells[..<i]) }
                let raw = cells[i...j].map(\.raw).joined(separator: "\n")
                out.append(GridCell(raw: raw, line: cells[i].line, column: cells[i].column, lastLine: cells[j].lastLine))
                i = j + 1
            } else {
                if joinedAny { out.append(cells[i]) }
                i += 1
            }
        }
        return joinedAny ? out : cells
    }
}
