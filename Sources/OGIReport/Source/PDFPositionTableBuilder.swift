/// Builds tables that have no full grid of ruling lines from the positions of their words: the
/// numbers of a table stand in columns, so a run of lines whose numbers line up is a table.
///
/// - A line is cut into segments where the gap between two characters is wider than ¾ of a
///   character (a cell's padding); a segment that is a number or a not-applicable mark is a value.
/// - A value line holds values after a label (or two or more values alone). Value lines close
///   together, with no paragraph between them, make a region; the header lines right above the
///   first value line and wrapped label lines right below the last belong to it.
/// - Column bands are the clusters of the values' middles (and header words over a column that
///   holds no value); everything left of the first band is the label area.
/// - Rows: each value line is a row; where horizontal rules cross the value area (three-line
///   tables, row separators, a frame), the bands between rules are the rows instead. Label
///   segments chain downwards into label blocks (left edges or middles aligned, line pitch kept,
///   the next one not starting with a numbering, not crossing a rule) and a block covers the
///   rows it overlaps (a rowspan). Lines with words over the value area but no values (header
///   and sub-header lines) are rows of their own.
/// - A value that belongs to no band alone (it overlaps two, or two values fall in one cell) is
///   left out of the table, stays text, and is reported.
enum PDFPositionTableBuilder {
    /// A run of characters of one line with no gap wider than ¾ of a character.
    struct Segment {
        var glyphs: [Int]
        var box: PageBox
        var text: String
        var line: Int
        var isValue: Bool
        var midX: Double { (box.x0 + box.x1) / 2 }
        var midY: Double { (box.y0 + box.y1) / 2 }
    }

    /// One line as segments, left to right.
    struct Line {
        var segments: [Segment]
        var box: PageBox
        var midY: Double
        var isValueLine = false
    }

    /// Tables found on `page` among the glyphs not `used` yet (set for the glyphs they take), and
    /// warnings about values left out of them. `rulings` are the page's lines that made no ruled table.
    /// `carried`: the value columns of the table that ended the page before (``PDFTableRegion/valueBands``):
    /// a table at the top of this page without header lines of its own whose values all stand in
    /// those columns is that table continued, and keeps its columns (a continuation's sparse rows
    /// alone would show only the columns that happen to hold values).
    static func tables(_ page: PDFPageContent, used: inout [Bool], rulings: [PDFRuling],
                       carried: [ClosedRange<Double>] = []) -> (tables: [PDFTableRegion], warnings: [String]) {
        let free = page.glyphs.indices.filter { !used[$0] }
        guard free.count >= 4 else { return ([], []) }
        let em = characterWidth(page.glyphs, free)
        var lines = PDFTextLine.lineIndices(page.glyphs, among: free).enumerated().compactMap { (k, ids) in line(ids, number: k, page.glyphs, em: em) }
        for i in lines.indices { lines[i].segments = lines[i].segments.map { var s = $0; s.line = i; return s } }
        guard !lines.isEmpty else { return ([], []) }
        let left = lines.map(\.box.x0).min()!, right = lines.map(\.box.x1).max()!
        for i in lines.indices { lines[i].isValueLine = isValueLine(lines[i]) }
        let hRules = rulings.filter(\.horizontal)
        var out: [PDFTableRegion] = [], warnings: [String] = []
        var i = 0
        while i < lines.count {
            guard lines[i].isValueLine else { i += 1; continue }
            // The run of value lines from i, with only table-like lines between them.
            var last = i, j = i + 1
            var valueStart = lines[i].segments.first(where: \.isValue)!.box.x0
            while j < lines.count {
                if isParagraph(lines[j], left: left, right: right, em: em) || lines[j].midY - lines[j - 1].midY > 6 * em
                    || isHeading(lines[j], valueStart: valueStart) { break }
                if lines[j].isValueLine { last = j; valueStart = min(valueStart, lines[j].segments.first(where: \.isValue)!.box.x0) }
                j += 1
            }
            let values = (i...last).filter { lines[$0].isValueLine }
            let numbers = values.reduce(0) { $0 + lines[$1].segments.filter(\.isValue).count }
            guard values.count >= 2 || numbers >= 3 else { i = last + 1; continue }
            // Header lines above, wrapped label lines below.
            var bandsX = bands(values.flatMap { lines[$0].segments.filter(\.isValue) }, em: em)
            guard !bandsX.isEmpty else { i = last + 1; continue }
            // Cells with little padding glue a label to its value (行政规范性文件 0) or header words of
            // neighbouring columns: cut them where a column starts.
            let starts = bandsX.map(\.x0)
            for k in max(0, i - 12)..<min(lines.count, j + 1) {
                let cut = recut(lines[k], at: starts, page.glyphs, em: em)
                if cut.segments.count != lines[k].segments.count { lines[k] = cut; lines[k].isValueLine = isValueLine(cut) }
            }
            last = (i..<min(lines.count, j)).last { lines[$0].isValueLine } ?? last
            let values2 = (i...last).filter { lines[$0].isValueLine }
            bandsX = bands(values2.flatMap { lines[$0].segments.filter(\.isValue) }, em: em)
            guard let firstBand = bandsX.first else { i = max(i + 1, j); continue }
            var top = i
            while top > 0, lines[top].midY - lines[top - 1].midY <= 3 * em, !isParagraph(lines[top - 1], left: left, right: right, em: em),
                  !isHeading(lines[top - 1], valueStart: firstBand.x0), !lines[top - 1].isValueLine { top -= 1 }
            var bottom = last
            while bottom + 1 < lines.count, lines[bottom + 1].midY - lines[bottom].midY <= 2.2 * em, !lines[bottom + 1].isValueLine,
                  !isParagraph(lines[bottom + 1], left: left, right: right, em: em),
                  lines[bottom + 1].box.x1 < firstBand.x0 - 0.25 * em { bottom += 1 }
            if out.isEmpty, !carried.isEmpty, !lines[top..<i].contains(where: { $0.segments.contains { $0.box.x0 > firstBand.x0 - 0.25 * em } }) {
                let vs = values2.flatMap { lines[$0].segments.filter(\.isValue) }
                if vs.allSatisfy({ v in carried.filter { $0.lowerBound <= v.box.x1 && $0.upperBound >= v.box.x0 }.count == 1 }) {
                    bandsX = carried.map { (x0: $0.lowerBound, x1: $0.upperBound, count: 2) }
                }
            }
            if let (region, notes) = region(Array(lines[top...bottom]), firstValue: i - top, bands: bandsX, page: page, hRules: hRules, em: em, used: &used) {
                out.append(region)
                warnings += notes
            }
            i = bottom + 1
        }
        return (out, warnings)
    }

    /// The median width of the page's wide (CJK) characters, else the median height of its characters.
    static func characterWidth(_ glyphs: [PDFGlyph], _ ids: [Int]) -> Double {
        var wide: [Double] = [], heights: [Double] = []
        for i in ids where !glyphs[i].isSpace {
            heights.append(glyphs[i].height)
            if PDFTextLine.isWide(glyphs[i].scalar) { wide.append(glyphs[i].box.width) }
        }
        let pick = wide.count >= 8 ? wide : heights
        guard !pick.isEmpty else { return 10 }
        let v = pick.sorted()[pick.count / 2]
        return v > 0.5 ? v : 10
    }

    /// A line cut into segments at gaps wider than ¾ of a character.
    static func line(_ ids: [Int], number: Int, _ glyphs: [PDFGlyph], em: Double) -> Line? {
        let ink = ids.filter { !glyphs[$0].isSpace }.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
        guard !ink.isEmpty else { return nil }
        var pieces: [[Int]] = [[ink[0]]]
        var reach = glyphs[ink[0]].box.x1
        // A character's own width unit: a wide (CJK) one's width, another's height (text layers
        // give CJK glyphs tall boxes but true widths), so a small table font is cut at its own gaps.
        func unit(_ g: PDFGlyph) -> Double { min(em, PDFTextLine.isWide(g.scalar) ? g.box.width : g.height) }
        var prev = glyphs[ink[0]]
        for k in ink.dropFirst() {
            let g = glyphs[k]
            if g.box.x0 - reach > 0.75 * max(0.5, min(unit(prev), unit(g))) { pieces.append([k]) } else { pieces[pieces.count - 1].append(k) }
            reach = max(reach, g.box.x1)
            prev = g
        }
        // Spaces go with the segment they sit in.
        let segments: [Segment] = pieces.map { p in
            let box = p.dropFirst().reduce(glyphs[p[0]].box) { $0.union(glyphs[$1].box) }
            let all = ids.filter { let g = glyphs[$0]; return p.contains($0) || (g.isSpace && g.midX > box.x0 && g.midX < box.x1) }
            let text = PDFTextLine.make(all.map { glyphs[$0] })?.text ?? ""
            return Segment(glyphs: all, box: box, text: text, line: number, isValue: isValueToken(text) || isAmount(text))
        }
        let box = segments.dropFirst().reduce(segments[0].box) { $0.union($1.box) }
        let mids = ink.map { glyphs[$0].midY }.sorted()
        return Line(segments: segments, box: box, midY: mids[mids.count / 2])
    }

    /// `l` with segments cut where a column starting at one of `starts` begins inside them: when
    /// what follows the cut is a value (a label glued to its value), or when the characters at the
    /// cut stand apart (two header words of neighbouring columns, a cell's padding between them).
    static func recut(_ l: Line, at starts: [Double], _ glyphs: [PDFGlyph], em: Double) -> Line {
        var out: [Segment] = []
        for s in l.segments {
            let inks = s.glyphs.filter { !glyphs[$0].isSpace }.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
            var pieces: [[Int]] = [[]]
            for (n, g) in inks.enumerated() {
                if n > 0, !pieces[pieces.count - 1].isEmpty {
                    let p = glyphs[inks[n - 1]], c = glyphs[g]
                    if let cut = starts.first(where: { $0 - 0.3 * em > p.midX && $0 - 0.3 * em <= c.midX }) {
                        let rest = inks[n...].filter { glyphs[$0].midX < (starts.first { $0 > cut } ?? .infinity) - 0.3 * em }
                        let tail = String(String.UnicodeScalarView(rest.map { glyphs[$0].scalar }))
                        // A header word that starts where a column starts (left-aligned cells) is
                        // cut at every column start it reaches over.
                        let leftAligned = !l.isValueLine && starts.contains { abs($0 - glyphs[inks[0]].box.x0) <= 0.5 * em }
                        if isValueToken(tail) || isAmount(tail) || c.box.x0 - p.box.x1 >= 1 || leftAligned { pieces.append([]) }
                    }
                }
                pieces[pieces.count - 1].append(g)
            }
            guard pieces.count > 1 else { out.append(s); continue }
            for p in pieces where !p.isEmpty {
                let box = p.dropFirst().reduce(glyphs[p[0]].box) { $0.union(glyphs[$1].box) }
                let all = p + s.glyphs.filter { glyphs[$0].isSpace && glyphs[$0].midX > box.x0 && glyphs[$0].midX < box.x1 }
                let text = PDFTextLine.make(all.map { glyphs[$0] })?.text ?? ""
                out.append(Segment(glyphs: all, box: box, text: text, line: s.line, isValue: isValueToken(text) || isAmount(text)))
            }
        }
        var l = l
        l.segments = out
        return l
    }

    /// Scalars of a not-applicable mark as a value token may be written (built once: this runs for
    /// every segment of every line). Words such as 无 are not tokens here, unlike in
    /// ``CellValueParser``: on a page a word beside the numbers is a label.
    private static let markScalars: Set<Unicode.Scalar> = ["/", "／", "—", "-", "－", "–", "×", "*", "＊", "\u{2015}", "\u{2012}"]

    /// A number (digits with , . % and a sign) or a not-applicable mark (/ — - ×), as a value cell holds it.
    static func isValueToken(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        guard !s.isEmpty, s.count <= 24 else { return false }
        if s.allSatisfy({ markScalars.contains($0) }) { return s.count <= 3 }
        var digits = 0
        for (k, c) in s.enumerated() {
            if ("0"..."9").contains(c) || ("０"..."９").contains(c) { digits += 1; continue }
            if c == "," || c == "." || c == "，" || c == "．" { continue }
            if c == "%" || c == "％", k == s.count - 1 { continue }
            if (c == "-" || c == "－" || c == "+"), k == 0 { continue }
            return false
        }
        return digits > 0 && !(s.last == "." || s.last == "．")
    }

    /// A number followed by an amount's unit (0万元, 12.5元).
    static func isAmount(_ text: String) -> Bool {
        for unit in ["万元", "元"] where text.hasSuffix(unit) {
            let head = String(text.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            if !head.isEmpty, head.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "," }) { return true }
        }
        return false
    }

    /// Values after a label, or two or more values alone; nothing but values after the first value.
    static func isValueLine(_ l: Line) -> Bool {
        guard let f = l.segments.firstIndex(where: \.isValue) else { return false }
        // After the first value only values and short marks (无, 不涉及's kin) that a cell may hold.
        guard l.segments[f...].allSatisfy({ $0.isValue || $0.text.unicodeScalars.count <= 2 }) else { return false }
        return f > 0 || l.segments.count >= 2
    }

    /// A line of running text: one segment over most of the text width, or ending a sentence.
    static func isParagraph(_ l: Line, left: Double, right: Double, em: Double) -> Bool {
        guard l.segments.count == 1 else { return false }
        let t = l.segments[0].text
        if let e = t.unicodeScalars.last, e == "。" || e == "；" || e == "：" && l.box.width > 0.5 * (right - left) { return true }
        return l.box.width >= 0.8 * (right - left)
    }

    /// A numbered heading (四、 （二）) alone on its line and reaching over the value columns (that
    /// start at `valueStart`), so no row label.
    static func isHeading(_ l: Line, valueStart: Double) -> Bool {
        guard !l.isValueLine, l.segments.count == 1, PDFFrontEnd.startsWithNumbering(l.segments[0].text) else { return false }
        // Or a section heading's length (一、 and twelve characters or more) alone on its line: a
        // row label that long on a line without its values is rare, a section title between two tables is not.
        let t = Array(l.segments[0].text.unicodeScalars)
        let major = t.count >= 12 && t.count > 1 && t[1] == "、" && !("0"..."9").contains(t[0])
        return l.box.x1 > valueStart || major
    }

    /// Column bands: values clustered by their middles (gaps wider than ¾ of a character between
    /// neighbouring middles part columns), each band the joint x-range of its values, overlapping bands merged.
    static func bands(_ values: [Segment], em: Double) -> [(x0: Double, x1: Double, count: Int)] {
        var out: [(x0: Double, x1: Double, count: Int)] = []
        var lastMid = -Double.infinity
        for v in values.sorted(by: { $0.midX < $1.midX }) {
            if let l = out.last, v.midX - lastMid <= 0.75 * em || v.box.x0 < l.x1 {
                out[out.count - 1] = (min(l.x0, v.box.x0), max(l.x1, v.box.x1), l.count + 1)
            } else {
                out.append((v.box.x0, v.box.x1, 1))
            }
            lastMid = v.midX
        }
        return out
    }

    /// `bands` with the columns that header words (lines without values) stand over where no value
    /// does: the lowest words first (closest to the values: the leaf columns); a word over one
    /// already taken is a wrapped part or a group header above it; a column is added only where
    /// no value would fall between two of them.
    static func withHeaderColumns(_ bands: [(x0: Double, x1: Double)], headers: [Line], em: Double) -> [(x0: Double, x1: Double)] {
        guard let first = bands.first else { return bands }
        var extra: [(x0: Double, x1: Double)] = []
        for l in headers.reversed() {
            for s in l.segments where s.box.x0 > first.x1 && s.box.width <= 6 * em {
                let hits = bands.filter { $0.x1 >= s.box.x0 - 0.25 * em && $0.x0 <= s.box.x1 + 0.25 * em }
                guard hits.isEmpty, !extra.contains(where: { $0.x1 >= s.box.x0 && $0.x0 <= s.box.x1 }) else { continue }
                extra.append((s.box.x0, s.box.x1))
            }
        }
        let out = bands + extra.filter { e in !extra.contains { $0 != e && $0.x1 >= e.x0 && $0.x0 <= e.x1 } && !bands.contains { $0.x1 >= e.x0 && $0.x0 <= e.x1 } }
        return out.sorted { $0.x0 < $1.x0 }
    }

    /// Label cells without padding glue a row's labels of neighbouring label columns together
    /// (（四）无1.本机关不掌握…): a label segment is cut where a label column starts — where the
    /// first label of a value line starts on another line — when what follows starts with a
    /// numbering (1. （一） 一、).
    static func splitLabels(_ lines: [Line], firstValue: Int, labelEnd: Double, _ glyphs: [PDFGlyph], em: Double) -> [Line] {
        var starts: [Double] = []
        for x in lines.filter(\.isValueLine).compactMap({ $0.segments.first { !$0.isValue }?.box.x0 }).sorted() {
            if let l = starts.last, x - l <= 0.75 * em { continue }
            starts.append(x)
        }
        guard starts.count >= 2 else { return lines }
        return lines.enumerated().map { (k, l) in
            guard k >= firstValue else { return l }
            var out: [Segment] = []
            for s in l.segments {
                guard !s.isValue, s.box.x1 <= labelEnd + 0.25 * em else { out.append(s); continue }
                let inks = s.glyphs.filter { !glyphs[$0].isSpace }.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
                var cuts: [Int] = []
                for c in starts where c > s.box.x0 + 0.75 * em && c < s.box.x1 - 0.5 * em {
                    guard let n = inks.firstIndex(where: { glyphs[$0].box.x0 >= c - 0.3 * em }), n > 0,
                          abs(glyphs[inks[n]].box.x0 - c) <= 0.3 * em else { continue }
                    let tail = String(String.UnicodeScalarView(inks[n...].prefix(8).map { glyphs[$0].scalar }))
                    if PDFFrontEnd.startsWithNumbering(tail) { cuts.append(n) }
                }
                guard !cuts.isEmpty else { out.append(s); continue }
                var from = 0
                for n in cuts + [inks.count] where n > from {
                    out.append(segment(Array(inks[from..<n]), spaces: s.glyphs, line: s.line, glyphs))
                    from = n
                }
            }
            var l = l
            l.segments = out
            return l
        }
    }

    /// A segment of the ink glyphs `ink`, with the spaces among `spaces` that sit inside it.
    static func segment(_ ink: [Int], spaces: [Int], line: Int, _ glyphs: [PDFGlyph]) -> Segment {
        let box = ink.dropFirst().reduce(glyphs[ink[0]].box) { $0.union(glyphs[$1].box) }
        let all = ink + spaces.filter { glyphs[$0].isSpace && glyphs[$0].midX > box.x0 && glyphs[$0].midX < box.x1 }
        let text = PDFTextLine.make(all.map { glyphs[$0] })?.text ?? ""
        return Segment(glyphs: all, box: box, text: text, line: line, isValue: isValueToken(text) || isAmount(text))
    }

    /// `bands` less the strays: a column of one value between two columns of several values each,
    /// with no header word over it, is a value out of line (between two columns, or a cell's
    /// content pushed aside), not a column. Its value then falls in no column, is left out of the
    /// table and said (a value that is not where its column is must not be read as that column's).
    static func withoutStrays(_ bands: [(x0: Double, x1: Double, count: Int)], headers: [Line]) -> [(x0: Double, x1: Double)] {
        bands.indices.filter { k in
            guard bands[k].count == 1, k > 0, k + 1 < bands.count, bands[k - 1].count >= 2, bands[k + 1].count >= 2 else { return true }
            return headers.contains { l in l.segments.contains { $0.box.x0 < bands[k].x1 && $0.box.x1 > bands[k].x0 } }
        }.map { (x0: bands[$0].x0, x1: bands[$0].x1) }
    }

    /// A label block: label segments of consecutive lines, one under the other.
    struct Block { var segments: [Segment]; var x0: Double; var x1: Double; var hasValueLine: Bool }

    private static func region(_ pageLines: [Line], firstValue: Int, bands initial: [(x0: Double, x1: Double, count: Int)], page: PDFPageContent,
                               hRules: [PDFRuling], em: Double, used: inout [Bool]) -> (PDFTableRegion, [String])? {
        guard pageLines.contains(where: \.isValueLine), !initial.isEmpty else { return nil }
        // Segments numbered by their line in the region.
        var lines = pageLines.enumerated().map { (k, l) in
            var l = l
            l.segments = l.segments.map { var s = $0; s.line = k; return s }
            return l
        }
        lines = splitLabels(lines, firstValue: firstValue, labelEnd: initial[0].x0 - 0.25 * em, page.glyphs, em: em)
        let bands = withHeaderColumns(withoutStrays(initial, headers: lines.filter { !$0.isValueLine }), headers: lines.filter { !$0.isValueLine }, em: em)
        let labelEnd = bands[0].x0 - 0.25 * em
        let x0 = lines.flatMap(\.segments).map(\.box.x0).min()!, x1 = max(lines.flatMap(\.segments).map(\.box.x1).max()!, bands.last!.x1)
        // Rules across the value area part rows.
        let valueX0 = bands[0].x0, valueX1 = bands.last!.x1
        let yTop = lines.first!.box.y0 - 0.5 * em, yBottom = lines.last!.box.y1 + 0.5 * em
        let across = PDFTableBuilder.cluster(hRules.filter { $0.position > yTop && $0.position < yBottom && $0.start <= valueX0 + em && $0.end >= valueX1 - em }.map(\.position))
        // Rules part rows only where they stand between value lines (row separators); a frame or
        // the rules of a three-line table (above and below the header, below the body) do not.
        let valueMids = lines.filter(\.isValueLine).map(\.midY)
        let interior = across.filter { r in r > valueMids.first! && r < valueMids.last! }
        let rules = !interior.isEmpty && interior.count * 2 >= valueMids.count - 1 ? across : []
        func ruleBetween(_ a: Double, _ b: Double, x0 rx0: Double, x1 rx1: Double) -> Bool {
            hRules.contains { $0.position > min(a, b) && $0.position < max(a, b) && $0.start <= rx0 + em && $0.end >= rx1 - em }
        }
        // Anchors: the value rows and the lines of their own (header, sub-header).
        enum Anchor { case values([Int]), own([Int]) }
        // A line of its own continues the one right above when each of its words stands under one
        // of that line's words (a wrapped header: 本年制发 over 件数).
        func continuesOwn(_ k: Int) -> Bool {
            guard let prev = anchors.last, case .own(let ks) = prev.anchor, ks.last == k - 1,
                  lines[k].midY - lines[k - 1].midY <= 2.2 * em else { return false }
            return lines[k].segments.allSatisfy { s in lines[k - 1].segments.contains { $0.box.x0 < s.box.x1 && $0.box.x1 > s.box.x0 } }
        }
        // Sub-header lines inside the label area (第二十条第（六）项 centred over a sub-table whose
        // only value column is far right): one word, no value, standing neither where the row labels
        // start nor under or over a label of the lines around it. Rows of their own, not labels.
        let rowLabels = lines.filter(\.isValueLine).compactMap { $0.segments.first { !$0.isValue } }
        let labelStart = rowLabels.map(\.box.x0).min() ?? 0
        func aligned(_ a: Segment, _ b: Segment) -> Bool { abs(a.box.x0 - b.box.x0) <= 0.75 * em || abs(a.midX - b.midX) <= 0.75 * em }
        func isSubHeader(_ k: Int) -> Bool {
            let l = lines[k]
            guard k >= firstValue, !l.isValueLine, l.segments.count == 1, let s = l.segments.first, s.box.x0 >= labelStart + 2 * em,
                  !rowLabels.contains(where: { aligned($0, s) }) else { return false }
            let around = [k - 1, k + 1].filter { lines.indices.contains($0) }.flatMap { lines[$0].segments.filter { !$0.isValue } }
            return !around.contains { aligned($0, s) }
        }
        var anchors: [(anchor: Anchor, midY: Double)] = []
        for (k, l) in lines.enumerated() {
            if k < firstValue || (!l.isValueLine && l.segments.contains(where: { $0.box.x1 > labelEnd })) || isSubHeader(k) {
                if continuesOwn(k), case .own(let ks) = anchors[anchors.count - 1].anchor {
                    anchors[anchors.count - 1].anchor = .own(ks + [k])
                } else {
                    anchors.append((.own([k]), l.midY))
                }
                continue
            }
            if l.isValueLine {
                // With rules, value lines between the same two rules are one row.
                if !rules.isEmpty, let prev = anchors.last, case .values(let ks) = prev.anchor,
                   !rules.contains(where: { $0 > lines[ks.last!].midY && $0 < l.midY }) {
                    anchors[anchors.count - 1] = (.values(ks + [k]), prev.midY)
                } else {
                    anchors.append((.values([k]), l.midY))
                }
            }
        }
        let rowOfLine: [Int: Int] = {
            var m: [Int: Int] = [:]
            for (r, a) in anchors.enumerated() {
                switch a.anchor { case .values(let ks), .own(let ks): for k in ks { m[k] = r } }
            }
            return m
        }()
        // Label blocks from the lines from the first value line on (label segments only).
        var blocks: [Block] = []
        var open: [Int] = []  // blocks that may continue on the next line
        for (k, l) in lines.enumerated() where k >= firstValue {
            if let r = rowOfLine[k], case .own = anchors[r].anchor { open = []; continue }
            var next: [Int] = []
            for s in l.segments where s.box.x1 <= labelEnd + 0.25 * em && !s.isValue {
                let isValueLine = l.isValueLine
                let join = open.first { b in
                    let last = blocks[b].segments.last!
                    let pitchOK = s.midY - last.midY <= 2.2 * em && last.line < s.line
                    let aligned = abs(last.box.x0 - s.box.x0) <= 0.75 * em || abs(last.midX - s.midX) <= 0.75 * em
                    return pitchOK && aligned && !(isValueLine && blocks[b].hasValueLine) && !PDFFrontEnd.startsWithNumbering(s.text)
                        && !ruleBetween(last.midY, s.midY, x0: min(last.box.x0, s.box.x0), x1: max(last.box.x1, s.box.x1))
                }
                if let b = join {
                    blocks[b].segments.append(s); blocks[b].x0 = min(blocks[b].x0, s.box.x0); blocks[b].x1 = max(blocks[b].x1, s.box.x1)
                    blocks[b].hasValueLine = blocks[b].hasValueLine || isValueLine
                    next.append(b)
                } else {
                    blocks.append(Block(segments: [s], x0: s.box.x0, x1: s.box.x1, hasValueLine: isValueLine))
                    next.append(blocks.count - 1)
                }
            }
            // A block not continued on this line stays open one more line only if this line had no label at its place.
            open = next + open.filter { b in !next.contains(b) && !l.segments.contains { $0.box.x0 < blocks[b].x1 && $0.box.x1 > blocks[b].x0 } }
        }
        // Rows each block covers.
        let nr = anchors.count
        func rows(of b: Block) -> ClosedRange<Int> {
            var covered: [Int] = []
            for (r, a) in anchors.enumerated() {
                guard case .values(let ks) = a.anchor else { continue }
                if b.segments.contains(where: { ks.contains($0.line) }) { covered.append(r); continue }
                let y0 = b.segments.first!.midY - 0.4 * em, y1 = b.segments.last!.midY + 0.4 * em
                if ks.contains(where: { lines[$0].midY >= y0 && lines[$0].midY <= y1 }), !b.hasValueLine || rules.isEmpty == false { covered.append(r) }
            }
            if let f = covered.first, let l = covered.last { return f...l }
            // No value row: the nearest row by y.
            let my = (b.segments.first!.midY + b.segments.last!.midY) / 2
            let r = anchors.indices.min { abs(anchors[$0].midY - my) < abs(anchors[$1].midY - my) }!
            return r...r
        }
        // Label columns: the blocks' left edges clustered.
        // No label at all (table 3's value row under its headers): no label column either.
        var labelCols: [Double] = []
        for x in blocks.map(\.x0).sorted() { if let l = labelCols.last, x - l <= 0.75 * em { continue }; labelCols.append(x) }
        // Value rows in groups: the rows after each run of lines of their own. A group under header
        // lines of its own has its own columns (the sub-tables of table 1: three columns, then two
        // wide ones); the others share the table's.
        var groupBands: [[(x0: Double, x1: Double)]] = [bands]
        var groupOf = [Int](repeating: 0, count: anchors.count)
        var headerRun: [Int] = []
        var current = 0
        for (r, a) in anchors.enumerated() {
            switch a.anchor {
            case .own(let ks): headerRun += ks
            case .values:
                if !headerRun.isEmpty {
                    let rowsOfGroup = anchors.indices.dropFirst(r).prefix { if case .values = anchors[$0].anchor { return true }; return false }
                    let segs = rowsOfGroup.flatMap { rr -> [Segment] in
                        guard case .values(let ks) = anchors[rr].anchor else { return [] }
                        return ks.flatMap { lines[$0].segments.filter(\.isValue) }
                    }
                    let heads = headerRun.map { lines[$0] }
                    let own = withHeaderColumns(withoutStrays(Self.bands(segs, em: em), headers: heads), headers: heads, em: em)
                    if own.isEmpty || own.first!.x0 < labelEnd { current = 0 } else { groupBands.append(own); current = groupBands.count - 1 }
                    headerRun = []
                }
                groupOf[r] = current
            }
        }
        let nl = labelCols.count
        var edges: [Double]
        if nl > 0 {
            labelCols[0] = min(labelCols[0], x0)
            edges = labelCols
            edges.append(max(edges.last! + 0.1, min(blocks.map(\.x1).max()! + 0.1, valueX0 - 0.1)))
        } else {
            edges = [min(x0, valueX0 - 0.1)]
        }
        let right = max(x1, valueX1, edges.last!) + 0.1
        // Each group's boundaries between its columns; the table's columns are all of them.
        func inner(_ b: [(x0: Double, x1: Double)]) -> [Double] { b.indices.dropFirst().map { (b[$0 - 1].x1 + b[$0].x0) / 2 } }
        var cuts: [Double] = []
        for x in groupBands.flatMap(inner).sorted() { if let l = cuts.last, x - l <= 0.75 * em { continue }; cuts.append(x) }
        edges += cuts
        edges.append(right)
        let nc = edges.count - 1
        guard nc > nl else { return nil }
        func column(_ x: Double) -> Int { max(0, min(nc - 1, (edges.lastIndex { $0 <= x } ?? 0))) }
        /// The table columns band `j` of group `g` covers.
        func groupSpan(_ g: Int, _ j: Int) -> (Int, Int) {
            let bounds = [edges[nl]] + inner(groupBands[g]) + [right]
            func nearest(_ x: Double) -> Int { edges.indices.dropFirst(nl).min { abs(edges[$0] - x) < abs(edges[$1] - x) }! }
            let a = min(nearest(bounds[j]), nc - 1)
            return (a, max(a, nearest(bounds[j + 1]) - 1))
        }
        // Cells.
        var grid = Array(repeating: Array(repeating: -1, count: nc), count: nr)  // owner cell index
        var cells: [(top: Int, bottom: Int, c0: Int, c1: Int, segs: [Segment])] = []
        var notes: [String] = []
        func place(_ top: Int, _ bottom: Int, _ c0: Int, _ c1: Int, _ segs: [Segment]) {
            var c1 = c1
            while c1 > c0, (top...bottom).contains(where: { grid[$0][c1] >= 0 }) { c1 -= 1 }
            if (top...bottom).contains(where: { grid[$0][c0] >= 0 }) {
                // Taken: join the owner's text.
                let o = grid[top][c0]
                cells[o].segs += segs
                return
            }
            cells.append((top, bottom, c0, c1, segs))
            for r in top...bottom { for c in c0...c1 { grid[r][c] = cells.count - 1 } }
        }
        for b in blocks.sorted(by: { ($0.segments.first!.midY, $0.x0) < ($1.segments.first!.midY, $1.x0) }) {
            let rr = rows(of: b)
            let c0 = column(b.x0)
            var c1 = c0
            while c1 + 1 < nl, labelCols[c1 + 1] < b.x1 - 0.75 * em { c1 += 1 }
            place(rr.lowerBound, rr.upperBound, min(c0, nl - 1), min(c1, nl - 1), b.segments)
        }
        // A label reaches over the label columns right of it that nothing else fills in its rows
        // (（七）总计 over the columns of its sub-rows' labels).
        for k in cells.indices where cells[k].c1 < nl {
            while cells[k].c1 + 1 < nl, (cells[k].top...cells[k].bottom).allSatisfy({ grid[$0][cells[k].c1 + 1] < 0 }) {
                cells[k].c1 += 1
                for r in cells[k].top...cells[k].bottom { grid[r][cells[k].c1] = k }
            }
        }
        for (r, a) in anchors.enumerated() {
            switch a.anchor {
            case .own(let ks):
                // Each word at the column of its middle, spanning the free columns it reaches over;
                // over the value columns, the columns of the group of rows it heads.
                let g = anchors.indices.dropFirst(r).first { if case .values = anchors[$0].anchor { return true }; return false }.map { groupOf[$0] } ?? 0
                for s in ks.flatMap({ lines[$0].segments }) {
                    let hits = groupBands[g].indices.filter { groupBands[g][$0].x1 > s.box.x0 + 0.25 * em && groupBands[g][$0].x0 < s.box.x1 - 0.25 * em }
                    if s.box.x0 > labelEnd, let a = hits.first, let b = hits.last {
                        let c0 = groupSpan(g, a).0, c1 = groupSpan(g, b).1
                        if !(c0...c1).contains(where: { grid[r][$0] >= 0 }) { place(r, r, c0, c1, [s]); continue }
                    }
                    var c0 = column(s.midX), c1 = c0
                    func centre(_ c: Int) -> Double { (edges[c] + edges[c + 1]) / 2 }
                    while c0 > 0, centre(c0 - 1) >= s.box.x0, grid[r][c0 - 1] < 0 { c0 -= 1 }
                    while c1 + 1 < nc, centre(c1 + 1) <= s.box.x1, grid[r][c1 + 1] < 0 { c1 += 1 }
                    place(r, r, c0, c1, [s])
                }
            case .values(let ks):
                let bands = groupBands[groupOf[r]]
                func span(_ j: Int) -> (Int, Int) { groupSpan(groupOf[r], j) }
                var perBand: [Int: [Segment]] = [:]
                for k in ks {
                    let f = lines[k].segments.firstIndex(where: \.isValue) ?? lines[k].segments.count
                    for s in lines[k].segments[f...] {
                        let hits = bands.indices.filter { bands[$0].x0 <= s.box.x1 && bands[$0].x1 >= s.box.x0 }
                        if hits.count == 1 { perBand[hits[0], default: []].append(s) }
                        else { notes.append("a value \"\(s.text)\" at \(Int(s.box.x0)),\(Int(s.box.y0)) lies between two columns of the table; it is left out of the table and kept as text") }
                    }
                    // Labels on a value line that no block took are in blocks already (every label segment is).
                }
                for band in bands.indices {
                    let segs = perBand[band] ?? []
                    if segs.count > 1 {
                        notes.append("two values \(segs.map { "\"\($0.text)\"" }.joined(separator: " and ")) at \(Int(segs[0].box.x0)),\(Int(segs[0].box.y0)) fall in one cell of the table; they are left out of it and kept as text")
                    }
                    // A blank value cell spans its column's width as a written one does.
                    let (c0, c1) = span(band)
                    if (c0...c1).contains(where: { grid[r][$0] >= 0 }) {
                        // Never joined to another cell's text: left out, said, kept as text.
                        if segs.count == 1 { notes.append("a value \"\(segs[0].text)\" at \(Int(segs[0].box.x0)),\(Int(segs[0].box.y0)) falls where another cell of the table is; it is left out of the table and kept as text") }
                        continue
                    }
                    place(r, r, c0, c1, segs.count == 1 ? segs : [])
                }
            }
        }
        // Rows' vertical extents: halfway between neighbouring anchors (or at rules).
        var rowY: [Double] = [lines.first!.box.y0]
        for r in 1..<max(1, nr) where nr > 1 {
            let a = anchors[r - 1].midY, b = anchors[r].midY
            rowY.append(rules.first { $0 > a && $0 < b } ?? (a + b) / 2)
        }
        rowY.append(max(lines.last!.box.y1, rowY.last! + 0.1))
        var regionCells: [PDFTableRegion.Cell] = []
        var taken = Set<Int>()
        for c in cells {
            let gs = c.segs.flatMap(\.glyphs)
            for g in gs { taken.insert(g) }
            let ls = PDFTextLine.lines(gs.map { page.glyphs[$0] })
            regionCells.append(PDFTableRegion.Cell(top: c.top, bottom: c.bottom + 1,
                                                   box: PageBox(x0: edges[c.c0], y0: rowY[c.top], x1: edges[c.c1 + 1], y1: rowY[c.bottom + 1]),
                                                   text: ls.map(\.text).joined(separator: "\n"), garbage: gs.filter { page.glyphs[$0].isGarbage }.count))
        }
        // Empty cells where nothing stands (blank value cells, empty labels).
        for r in 0..<nr { for c in 0..<nc where grid[r][c] < 0 {
            regionCells.append(PDFTableRegion.Cell(top: r, bottom: r + 1, box: PageBox(x0: edges[c], y0: rowY[r], x1: edges[c + 1], y1: rowY[r + 1]), text: "", garbage: 0))
        } }
        for g in taken { used[g] = true }
        regionCells.sort { ($0.top, $0.box.x0) < ($1.top, $1.box.x0) }
        let box = PageBox(x0: edges.first!, y0: rowY.first!, x1: edges.last!, y1: rowY.last!)
        return (PDFTableRegion(page: page.number, box: box, rowCount: nr, cells: regionCells, columnEdges: edges, byPositions: true,
                               valueBands: groupBands[groupOf.last ?? 0].map { $0.x0...$0.x1 }), notes)
    }
}
