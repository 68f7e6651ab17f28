import Foundation

/// The space-rows line layout (what PDF text extractors give): every non-blank line is a row;
/// its cells are the words between runs of spaces (ASCII or U+3000), so a label is one or more
/// text cells and the row's numbers are cells of their own. Page footers (`- 5 -`, `— 4 —`,
/// `第 3 页 共 9 页`) are rows without cells (consumed with the table, never values).
enum SpaceRowsLayout: LineLayout {
    static let layout = SourceLayout.spaceRows

    static func rows(_ lines: [SourceLine]) -> [GridRow] {
        var rows: [GridRow] = []
        for l in lines where !LineLayouts.isBlank(l.text) {
            if isPageFooter(l.text) { rows.append(GridRow(cells: [], lines: [l.number])); continue }
            rows.append(GridRow(cells: words(l), lines: [l.number]))
        }
        return rows
    }

    /// The words of a line with their 1-based columns (Unicode scalars).
    static func words(_ l: SourceLine) -> [GridCell] {
        var cells: [GridCell] = []
        var current = String.UnicodeScalarView()
        var start = 0, col = 0
        for u in l.text.unicodeScalars {
            col += 1
            if u == " " || u == "\u{3000}" || u == "\t" || u == "\u{A0}" {
                if !current.isEmpty { cells.append(GridCell(raw: String(current), line: l.number, column: start)); current = String.UnicodeScalarView() }
                continue
            }
            if current.isEmpty { start = col }
            current.append(u)
        }
        if !current.isEmpty { cells.append(GridCell(raw: String(current), line: l.number, column: start)) }
        return cells
    }

    /// How many value words (numbers, not-applicable marks) end the line, after a space.
    /// Words are separated by runs of spaces (U+0020, U+3000, U+00A0); scanned from the end over
    /// the scalars, so a long line without spaces (glued cells) costs one pass and one word.
    static func trailingValues(_ text: String) -> Int {
        let u = text.unicodeScalars
        func isSeparator(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{3000}" || c == "\u{A0}" }
        var count = 0
        var end = u.endIndex
        while true {
            while end > u.startIndex, isSeparator(u[u.index(before: end)]) { end = u.index(before: end) }
            guard end > u.startIndex else { break }
            var start = end
            while start > u.startIndex, !isSeparator(u[u.index(before: start)]) { start = u.index(before: start) }
            guard CellValueParser.isValueLike(String(u[start..<end])) else { break }
            count += 1
            end = start
        }
        return count
    }

    /// A page number line: `- 5 -`, `— 4 —`, `-5-`, `第 3 页`, `第 3 页 共 9 页`, `3 / 9`.
    static func isPageFooter(_ text: String) -> Bool {
        let c = text.unicodeScalars.filter { !($0 == " " || $0 == "\u{3000}" || $0 == "\t") }
        guard !c.isEmpty, c.count <= 16 else { return false }
        let s = String(String.UnicodeScalarView(c))
        let digits = s.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        guard digits > 0 else { return false }
        let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "－", "−"]
        let u = Array(s.unicodeScalars)
        if let f = u.first, let l = u.last, dashes.contains(f), dashes.contains(l),
           u.dropFirst().dropLast().allSatisfy({ ("0"..."9").contains($0) }) { return true }
        if s.hasPrefix("第"), s.contains("页"), s.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || "第页共/".unicodeScalars.contains($0) }) { return true }
        return false
    }
}
