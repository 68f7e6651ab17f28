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

    /// Builds the grid of a body, detecting its layout.
    static func build(_ lines: [SourceLine]) -> TableGrid {
        let layout = detectLayout(lines)
        let lastNonBlank = lines.last(where: { !isBlank($0.text) })?.number
        switch layout {
        case .tabRows: return TableGrid(layout: layout, rows: tabRows(lines), lines: lines, lastNonBlankLine: lastNonBlank)
        case .cellPerLine: return TableGrid(layout: layout, rows: cellRows(lines), lines: lines, lastNonBlankLine: lastNonBlank)
        default: return TableGrid(layout: .none, rows: [], lines: lines, lastNonBlankLine: lastNonBlank)
        }
    }

    /// Tab rows when more lines carry a tab after their first cell than lines that are a single
    /// tab-led cell; one cell per line otherwise; `.none` when no line has a tab.
    static func detectLayout(_ lines: [SourceLine]) -> SourceLayout {
        var tabRowLines = 0, cellLines = 0
        for l in lines {
            var text = l.text
            let (startsWithTab, innerTab) = text.withUTF8 { b -> (Bool, Bool) in
                guard let base = b.baseAddress, b.count > 0 else { return (false, false) }
                let starts = b[0] == 0x09
                return (starts, b.count > 1 && memchr(base + 1, 0x09, b.count - 1) != nil)
            }
            if innerTab { tabRowLines += 1 } else if startsWithTab { cellLines += 1 }
        }
        if tabRowLines == 0 && cellLines == 0 {
            // One cell per line without tabs: many lines that are just a number.
            var valueLines = 0, nonBlank = 0
            for l in lines where !isBlank(l.text) {
                nonBlank += 1
                if CellValueParser.isValueLike(l.text) { valueLines += 1 }
            }
            return valueLines >= 3 && valueLines * 8 >= nonBlank ? .cellPerLine : .none
        }
        return tabRowLines > cellLines ? .tabRows : .cellPerLine
    }

    /// True when a line has nothing but whitespace and no tab (a row separator).
    static func isBlank(_ s: String) -> Bool {
        for u in s.unicodeScalars where !(LabelText.isSpace(u.value) && u.value != 0x09) { return false }
        return true
    }

    private static func tabRows(_ lines: [SourceLine]) -> [GridRow] {
        var rows: [GridRow] = []
        for l in lines where !isBlank(l.text) {
            // Cells are the text between tabs; columns count Unicode scalars (UTF-8 lead bytes).
            let text = l.text
            let utf8 = text.utf8
            var cells: [GridCell] = []
            cells.reserveCapacity(12)
            var i = utf8.startIndex, start = i
            var scalars = 0, cellStart = 1
            while i != utf8.endIndex {
                let b = utf8[i]
                if b & 0xC0 != 0x80 {
                    if b == 0x09 {
                        cells.append(GridCell(raw: String(text[start..<i]), line: l.number, column: cellStart))
                        start = utf8.index(after: i)
                        cellStart = scalars + 2
                    }
                    scalars += 1
                }
                utf8.formIndex(after: &i)
            }
            cells.append(GridCell(raw: String(text[start...]), line: l.number, column: cellStart))
            rows.append(GridRow(cells: cells, lines: [l.number]))
        }
        return rows
    }

    private static func cellRows(_ lines: [SourceLine]) -> [GridRow] {
        // Bare cells: when few lines start with a tab, every non-blank line is a cell (wrapped
        // cells then come as two cells; the readers join wrapped labels back).
        var tabbed = 0, nonBlank = 0
        for l in lines where !isBlank(l.text) {
            nonBlank += 1
            if l.text.utf8.first == 0x09 { tabbed += 1 }
        }
        let bare = tabbed * 4 < nonBlank
        var rows: [GridRow] = []
        var cells: [GridCell] = []
        var rowLines: [Int] = []
        var previousWasCell = false  // the previous line was a non-blank line of this row

        for l in lines {
            if isBlank(l.text) {
                if !rowLines.isEmpty {
                    rows.append(GridRow(cells: cells, lines: rowLines))
                    cells = []; cells.reserveCapacity(10); rowLines = []; rowLines.reserveCapacity(10)
                }
                previousWasCell = false
                continue
            }
            let startsWithTab = l.text.utf8.first == 0x09
            if bare && !startsWithTab {
                cells.append(GridCell(raw: l.text, line: l.number, column: 1))
                rowLines.append(l.number)
                continue
            }
            if startsWithTab {
                // Everything after the leading tab is the cell (further tabs are kept in the text).
                let raw = String(l.text[l.text.utf8.index(after: l.text.utf8.startIndex)...])
                cells.append(GridCell(raw: raw, line: l.number, column: 2))
                rowLines.append(l.number)
                previousWasCell = true
                continue
            }
            if previousWasCell, let last = cells.last, !last.isEmpty, isContinuation(l.text, of: last) {
                cells[cells.count - 1] = GridCell(raw: last.raw + "\n" + l.text, line: last.line, column: last.column,
                                                  lastLine: l.number)
                rowLines.append(l.number)
                continue
            }
            // A line of its own (prose, or a caption written without a tab).
            if !rowLines.isEmpty { rows.append(GridRow(cells: cells, lines: rowLines)); cells = []; rowLines = [] }
            rows.append(GridRow(cells: [GridCell(raw: l.text, line: l.number, column: 1)], lines: [l.number]))
            previousWasCell = false
        }
        if !rowLines.isEmpty { rows.append(GridRow(cells: cells, lines: rowLines)) }
        return rows
    }

    /// A wrapped cell's next line: short, not a value, after a cell that is not a value either.
    private static func isContinuation(_ text: String, of cell: GridCell) -> Bool {
        if cell.isValueLike || CellValueParser.isValueLike(text) { return false }
        var count = 0
        for _ in text.unicodeScalars { count += 1; if count > 40 { return false } }
        return true
    }
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
            let c = cells[i]
            var joinedTo: Int?
            if !c.isEmpty && !c.isValueLike, i + 1 < cells.count, !cells[i + 1].isEmpty, !cells[i + 1].isValueLike {
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
                out.append(GridCell(raw: raw, line: c.line, column: c.column, lastLine: cells[j].lastLine))
                i = j + 1
            } else {
                if joinedAny { out.append(c) }
                i += 1
            }
        }
        return joinedAny ? out : cells
    }
}
