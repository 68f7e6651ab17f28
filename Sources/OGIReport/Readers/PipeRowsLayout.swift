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
        var rows: [GridRow] = []
        for l in lines where !LineLayouts.isBlank(l.text) {
            guard isPipeRow(l.text) else { rows += SpaceRowsLayout.rows([l]); continue }
            if isRule(l.text) { rows.append(GridRow(cells: [], lines: [l.number])); continue }
            rows.append(GridRow(cells: cells(l), lines: [l.number]))
        }
        return rows
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

    static func cells(_ l: SourceLine) -> [GridCell] {
        var pieces: [(String, Int)] = []
        var current = String.UnicodeScalarView()
        var col = 0, start = 1
        for u in l.text.unicodeScalars {
            col += 1
            if u == "|" || u == "｜" { pieces.append((String(current), start)); current = String.UnicodeScalarView(); start = col + 1; continue }
            current.append(u)
        }
        pieces.append((String(current), start))
        // The pieces before a leading pipe and after a trailing pipe are not cells.
        if let f = pieces.first, LineLayouts.isBlank(f.0) { pieces.removeFirst() }
        if let l = pieces.last, LineLayouts.isBlank(l.0) { pieces.removeLast() }
        return pieces.map { GridCell(raw: unbold($0.0), line: l.number, column: $0.1) }
    }

    /// The cell text without markdown emphasis markers around it (`**12**`, `*x*`, `__y__`).
    static func unbold(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == " " { t = t.dropFirst() }
        while let l = t.last, l == " " { t = t.dropLast() }
        for m in ["**", "__", "*", "_"] where t.count > 2 * m.count && t.hasPrefix(m) && t.hasSuffix(m) {
            return String(t.dropFirst(m.count).dropLast(m.count))
        }
        return s
    }
}
