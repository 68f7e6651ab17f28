/// Builds ruled tables from a page's ruling lines and characters: ruling lines that cross form a
/// table; its distinct line positions make a grid of bands; two neighbouring grid positions are
/// one cell when no ruling line separates them (spans); each character belongs to the cell that
/// holds its middle. A group of lines narrower than four characters is no table (strokes of
/// characters that crossed).
enum PDFTableBuilder {
    /// Positions closer than this (points) are one boundary.
    static let tolerance = 2.5

    /// The tables of a page and, for each glyph, whether a table took it.
    static func tables(_ page: PDFPageContent) -> (tables: [PDFTableRegion], used: [Bool]) {
        var used = [Bool](repeating: false, count: page.glyphs.count)
        var out: [PDFTableRegion] = []
        // Lines that are strokes of characters a renderer drew outside the boxes the library gave
        // for them (国's frame, 康's bars) cross like a tiny table: a table is wider than a few characters.
        let heights = page.glyphs.lazy.filter { !$0.isSpace }.map(\.height).sorted()
        let glyph = heights.isEmpty ? 12 : heights[heights.count / 2]
        for component in components(page.rulings) {
            let hs = component.filter(\.horizontal)
            guard let x0 = hs.map(\.start).min(), let x1 = hs.map(\.end).max(), x1 - x0 >= 4 * glyph else { continue }
            // A grid without any text (a decorative frame, an empty strip under a table) is no table.
            // A single column (a frame round a table, a boxed note) is no grid: its words' positions
            // say more (PDFPositionTableBuilder), so its characters are left free.
            // Interior vertical lines inside a character's box are its strokes (四's frame): a frame
            // with only those inside has no column lines of its own.
            let hasColumnLine = component.contains { v in
                !v.horizontal && v.position > x0 + tolerance && v.position < x1 - tolerance && !page.glyphs.contains { g in
                    !g.isSpace && g.box.x0 - 1 <= v.position && v.position <= g.box.x1 + 1 && g.box.y0 - 1 <= v.start && v.end <= g.box.y1 + 1
                }
            }
            guard hasColumnLine else { continue }
            var taken = used
            if let t = region(component, page: page, used: &taken), t.cells.contains(where: { !$0.text.isEmpty }), t.columnEdges.count > 2 {
                out.append(t); used = taken
            }
        }
        return (out.sorted { $0.box.y0 < $1.box.y0 }, used)
    }

    /// Groups of ruling lines connected by crossings, with at least two lines each way.
    static func components(_ rulings: [PDFRuling]) -> [[PDFRuling]] {
        let n = rulings.count
        guard n >= 4, n <= 20_000 else { return [] }
        var parent = Array(0..<n)
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        let hs = rulings.indices.filter { rulings[$0].horizontal }, vs = rulings.indices.filter { !rulings[$0].horizontal }
        let t = tolerance
        for h in hs {
            for v in vs {
                let a = rulings[h], b = rulings[v]
                if b.position >= a.start - t, b.position <= a.end + t, a.position >= b.start - t, a.position <= b.end + t {
                    let ra = find(h), rb = find(v)
                    if ra != rb { parent[ra] = rb }
                }
            }
        }
        var groups: [Int: [PDFRuling]] = [:]
        for i in 0..<n { groups[find(i), default: []].append(rulings[i]) }
        return groups.values.filter { g in g.filter(\.horizontal).count >= 2 && g.filter { !$0.horizontal }.count >= 2 }
            .sorted { ($0.map(\.start).min() ?? 0) < ($1.map(\.start).min() ?? 0) }
    }

    /// Clustered positions, ascending.
    static func cluster(_ values: [Double]) -> [Double] {
        var out: [[Double]] = []
        for v in values.sorted() {
            if let last = out.last?.last, v - last <= tolerance { out[out.count - 1].append(v) } else { out.append([v]) }
        }
        return out.map { $0.reduce(0, +) / Double($0.count) }
    }

    private static func region(_ rulings: [PDFRuling], page: PDFPageContent, used: inout [Bool]) -> PDFTableRegion? {
        let hs = rulings.filter(\.horizontal), vs = rulings.filter { !$0.horizontal }
        let xs = cluster(vs.map(\.position) + [hs.map(\.start).min()!, hs.map(\.end).max()!])
        let ys = cluster(hs.map(\.position) + [vs.map(\.start).min()!, vs.map(\.end).max()!])
        let nc = xs.count - 1, nr = ys.count - 1
        guard nc >= 1, nr >= 1, nc <= 200, nr <= 2000 else { return nil }
        let t = tolerance
        func vEdge(_ i: Int, _ r: Int) -> Bool {
            i == 0 || i == nc || vs.contains { abs($0.position - xs[i]) <= t && $0.covers(ys[r], ys[r + 1], tolerance: t) }
        }
        func hEdge(_ j: Int, _ c: Int) -> Bool {
            j == 0 || j == nr || hs.contains { abs($0.position - ys[j]) <= t && $0.covers(xs[c], xs[c + 1], tolerance: t) }
        }
        var parent = Array(0..<(nr * nc))
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        func join(_ a: Int, _ b: Int) { let ra = find(a), rb = find(b); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        for r in 0..<nr {
            for c in 0..<nc {
                if c + 1 < nc, !vEdge(c + 1, r) { join(r * nc + c, r * nc + c + 1) }
                if r + 1 < nr, !hEdge(r + 1, c) { join(r * nc + c, (r + 1) * nc + c) }
            }
        }
        var members: [Int: [Int]] = [:]
        for i in 0..<(nr * nc) { members[find(i), default: []].append(i) }
        // Cells as rectangles of slots; a shape that is not a rectangle is split into its slots.
        var rects: [(r0: Int, r1: Int, c0: Int, c1: Int)] = []
        for (_, m) in members {
            let rs = m.map { $0 / nc }, cs = m.map { $0 % nc }
            let r0 = rs.min()!, r1 = rs.max()!, c0 = cs.min()!, c1 = cs.max()!
            if (r1 - r0 + 1) * (c1 - c0 + 1) == m.count { rects.append((r0, r1, c0, c1)) }
            else { for i in m { rects.append((i / nc, i / nc, i % nc, i % nc)) } }
        }
        let box = PageBox(x0: xs.first!, y0: ys.first!, x1: xs.last!, y1: ys.last!)
        // Each character goes to the cell holding its middle.
        var byCell: [[PDFGlyph]] = Array(repeating: [], count: rects.count)
        var slotCell = [Int](repeating: -1, count: nr * nc)
        for (k, q) in rects.enumerated() { for r in q.r0...q.r1 { for c in q.c0...q.c1 { slotCell[r * nc + c] = k } } }
        for (i, g) in page.glyphs.enumerated() where !used[i] {
            guard g.midX > box.x0, g.midX < box.x1, g.midY > box.y0, g.midY < box.y1 else { continue }
            guard let c = xs.lastIndex(where: { $0 <= g.midX }), let r = ys.lastIndex(where: { $0 <= g.midY }), c < nc, r < nr else { continue }
            used[i] = true
            byCell[slotCell[r * nc + c]].append(g)
        }
        var cells: [PDFTableRegion.Cell] = []
        for (k, q) in rects.enumerated() {
            let lines = PDFTextLine.lines(byCell[k])
            cells.append(PDFTableRegion.Cell(top: q.r0, bottom: q.r1 + 1,
                                             box: PageBox(x0: xs[q.c0], y0: ys[q.r0], x1: xs[q.c1 + 1], y1: ys[q.r1 + 1]),
                                             text: lines.map(\.text).joined(separator: "\n"),
                                             garbage: byCell[k].filter(\.isGarbage).count))
        }
        cells.sort { ($0.top, $0.box.x0) < ($1.top, $1.box.x0) }
        return PDFTableRegion(page: page.number, box: box, rowCount: nr, cells: cells, columnEdges: xs)
    }
}
