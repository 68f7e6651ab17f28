/// Finds straight lines in a binary page image (1 = dark): runs of dark pixels along rows
/// (horizontal lines) and columns (vertical lines), grouped over neighbouring rows or columns.
enum RulingScanner {
    /// Lines at least `minLength` points long and at most `maxThickness` points thick.
    static func scan(_ mask: [UInt8], width: Int, height: Int, scale: Double,
                     minLength: Double = 6, maxThickness: Double = 3) -> [PDFRuling] {
        let minRun = Int(minLength * scale)
        var out: [PDFRuling] = []
        mask.withUnsafeBufferPointer { m in
            out += groups(lines: height, length: width, minRun: minRun) { line, i in m[line * width + i] }
                .compactMap { ruling($0, horizontal: true, scale: scale, maxThickness: maxThickness) }
            out += groups(lines: width, length: height, minRun: minRun) { line, i in m[i * width + line] }
                .compactMap { ruling($0, horizontal: false, scale: scale, maxThickness: maxThickness) }
        }
        return out
    }

    /// A run group: first and last line index, and the run's extent.
    struct Group { var firstLine: Int; var lastLine: Int; var start: Int; var end: Int }

    private static func ruling(_ g: Group, horizontal: Bool, scale: Double, maxThickness: Double) -> PDFRuling? {
        let thickness = Double(g.lastLine - g.firstLine + 1) / scale
        guard thickness <= maxThickness else { return nil }
        return PDFRuling(horizontal: horizontal, position: (Double(g.firstLine + g.lastLine) / 2 + 0.5) / scale,
                         start: Double(g.start) / scale, end: Double(g.end + 1) / scale)
    }

    /// Runs of at least `minRun` dark pixels in each line, joined with a run of the previous line
    /// that overlaps it by at least half of the shorter one.
    private static func groups(lines: Int, length: Int, minRun: Int, pixel: (Int, Int) -> UInt8) -> [Group] {
        var done: [Group] = []
        var active: [Group] = []
        for line in 0..<lines {
            var next: [Group] = []
            var i = 0
            while i < length {
                guard pixel(line, i) != 0 else { i += 1; continue }
                let s = i
                while i < length, pixel(line, i) != 0 { i += 1 }
                let e = i - 1
                guard e - s + 1 >= minRun else { continue }
                if let k = active.firstIndex(where: { g in
                    let overlap = min(g.end, e) - max(g.start, s)
                    return overlap * 2 >= min(g.end - g.start, e - s)
                }) {
                    var g = active.remove(at: k)
                    g.lastLine = line; g.start = min(g.start, s); g.end = max(g.end, e)
                    next.append(g)
                } else {
                    next.append(Group(firstLine: line, lastLine: line, start: s, end: e))
                }
            }
            done += active
            active = next
        }
        return done + active
    }
}
