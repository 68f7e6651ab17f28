import Foundation

/// The pipe-rows line layout: markdown pipe tables (`| a | b |`, with or without `|---|` rules)
/// and rows copied with ` | ` between cells. A line with pipes is a row of the cells between
/// them (the empty pieces outside a leading and a trailing pipe are not cells); a rule line
/// (`|---|:--:|`) is consumed as a row without cells; markdown bold/italic markers around a cell
/// are dropped. Lines without pipes in the same body (a converter's stray text rows) are read as
/// space rows.
enum PipeRowsLayout: LineLayout {
    static let layout = SourceLayout.pipeRows

    static func rows(_ lines: [SourceLine]) -> [GridRow] {
        // Markdown style (rows between outer pipes) or ` | ` rows: decided once for the body, by
        // most of its pipe rows, so that a blank first or last cell is never taken for an outer pipe.
        var outer = 0, pipeRows = 0
        for l in lines where isPipeRow(l.text) && !isRule(l.text) {
            pipeRows += 1
            if hasOuterPipes(l.text) { outer += 1 }
        }
        let markdown = outer * 2 > pipeRows
        var rows: [GridRow] = []
        for l in lines where !LineLayouts.isBlank(l.text) {
            guard isPipeRow(l.text) else { rows += SpaceRowsLayout.rows([l]); continue }
            if isRule(l.text) { rows.append(GridRow(cells: [], lines: [l.number])); continue }
            rows.append(GridRow(cells: cells(l, markdown: markdown), lines: [l.number]))
        }
        return rows
    }

    /// The first and the last non-space character are pipes.
    static func hasOuterPipes(_ text: String) -> Bool {
        let t = text.unicodeScalars.filter { !LabelText.isSpace($0.value) }
        guard let f = t.first, let l = t.last, t.count >= 2 else { return false }
        return (f == "|" || f == "｜") && (l == "|" || l == "｜")
    }

    /// True for a line with at least two pipes (ASCII or full-width), or starting with one.
    static func isPipeRow(_ text: String) -> Bool {
        var n = 0
        for u in text.unicodeScalars where u == "|" || u == "｜" { n += 1; if n >= 2 { return true } }
        return false
    }

    /// `|---|:---:|` and the like.
    static func isRule(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { "|｜-:： \t".unicodeScalars.contains($0) } && text.unicodeScalars.contains("-")
    }

    /// - Parameter markdown: the rows are written between outer pipes.
    static func cells(_ l: SourceLine, markdown: Bool) -> [GridCell] {
        var pieces: [(String, Int)] = []
        var current = String.UnicodeScalarView()
        var col = 0, start = 1
        for u in l.text.unicodeScalars {
            col += 1
            if u == "|" || u == "｜" { pieces.append((String(current), start)); current = String.UnicodeScalarView(); start = col + 1; continue }
            current.append(u)
        }
        pieces.append((String(current), start))
        // In markdown style the pieces before the leading pipe and after the trailing pipe are not
        // cells; in ` | ` rows a blank first or last piece is a blank cell.
        if markdown, hasOuterPipes(l.text) {
            if let f = pieces.first, LineLayouts.isBlank(f.0) { pieces.removeFirst() }
            if let e = pieces.last, LineLayouts.isBlank(e.0) { pieces.removeLast() }
        }
        return pieces.map { GridCell(raw: unbold($0.0), line: l.number, column: $0.1) }
    }

    /// The cell text without the spaces that pad it between its pipes (markup, not content: a
    /// blank cell is empty) and without markdown emphasis markers around it (`**12**`, `*x*`).
    static func unbold(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == " " || f == "\u{3000}" || f == "\t" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\u{3000}" || l == "\t" { t = t.dropLast() }
        for m in ["**", "__", "*", "_"] where t.count > 2 * m.count && t.hasPrefix(m) && t.hasSuffix(m) {
            return String(t.dropFirst(m.count).dropLast(m.count))
        }
        return String(t)
    }
}
