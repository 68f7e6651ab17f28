/// One line of text on a PDF page: characters whose vertical middles fall in one band, left to
/// right, with their joint box.
struct PDFTextLine: Sendable {
    var glyphs: [PDFGlyph]
    var box: PageBox
    /// The characters with spaces where the page leaves a gap between two non-CJK characters, a
    /// tab where it leaves a gap wider than two character heights (columns of an unruled table),
    /// runs of spaces collapsed, and codes without a Unicode mapping as U+FFFD.
    var text: String

    var height: Double { box.height }

    /// The lines of `glyphs` (any order), top to bottom.
    static func lines(_ glyphs: [PDFGlyph]) -> [PDFTextLine] {
        lineIndices(glyphs, among: Array(glyphs.indices)).compactMap { make($0.map { glyphs[$0] }) }
    }

    /// The lines of the glyphs `among` (indices into `glyphs`) as index groups, top to bottom: a
    /// glyph joins the line whose band (the middle half of its glyphs' heights) holds its middle.
    static func lineIndices(_ glyphs: [PDFGlyph], among: [Int]) -> [[Int]] {
        let sorted = among.sorted { a, b in
            let ga = glyphs[a], gb = glyphs[b]
            return ga.midY < gb.midY || (ga.midY == gb.midY && ga.box.x0 < gb.box.x0)
        }
        var groups: [[Int]] = []
        var bandY0 = 0.0, bandY1 = 0.0
        for i in sorted {
            let g = glyphs[i]
            if !groups.isEmpty, g.midY <= bandY1, g.midY >= bandY0 {
                groups[groups.count - 1].append(i)
                if !g.isSpace { bandY0 = min(bandY0, g.box.y0 + g.height * 0.25); bandY1 = max(bandY1, g.box.y1 - g.height * 0.25) }
            } else {
                groups.append([i])
                bandY0 = g.box.y0 + g.height * 0.25; bandY1 = g.box.y1 - g.height * 0.25
            }
        }
        return groups
    }

    /// One line from its characters (nil when it holds only spaces).
    static func make(_ group: [PDFGlyph]) -> PDFTextLine? {
        let gs = group.sorted { $0.box.x0 < $1.box.x0 }
        guard let firstInk = gs.first(where: { !$0.isSpace }) else { return nil }
        var box = firstInk.box
        var out = String.UnicodeScalarView()
        var prev: PDFGlyph?
        var pendingSpace = false
        let h = gs.filter { !$0.isSpace }.map(\.height).max() ?? 1
        for g in gs {
            if g.isSpace { if prev != nil { pendingSpace = true }; continue }
            box = box.union(g.box)
            if let p = prev {
                let gap = g.box.x0 - p.box.x1
                if gap > 2 * h { out.append("\t"); pendingSpace = false }
                else if pendingSpace || (gap > 0.25 * h && !isWide(p.scalar) && !isWide(g.scalar)) { out.append(" ") }
            }
            pendingSpace = false
            out.append(g.isGarbage ? "\u{FFFD}" : g.scalar)
            prev = g
        }
        return PDFTextLine(glyphs: gs, box: box, text: String(out))
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool { HTMLText.isWide(s.value) }
}
