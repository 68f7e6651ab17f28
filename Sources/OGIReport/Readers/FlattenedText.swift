/// Splits units that hold a whole report flattened into one long line (what a crawler stores of
/// a portal page: every paragraph, heading and table cell joined) back into pieces at the
/// report's section headings, so that sections, narrative and tables are found as usual.
///
/// A unit is flattened when it holds at least three of the six numbered section headings
/// ("二、主动公开政府信息情况" …) in order, inside the line (a heading at the very start of a line
/// is an ordinary heading line). It is cut before each such heading and right after the
/// heading's title, and after a title-like opening ("…年度报告" followed by a space) before the
/// first heading. Each piece is a unit of its own, located at its line and the column where it
/// starts; nothing is dropped (the spaces at a cut stay with the piece before it).
enum FlattenedText {
    /// Units at least this long (in Unicode scalars) are looked at.
    static let minimumLength = 400

    /// The document with its flattened units split, and a note per split unit (nil when no unit
    /// was flattened: the document is returned unchanged).
    static func split(_ document: SourceDocument) -> (document: SourceDocument, notes: [Diagnostic])? {
        var cutsByUnit: [Int: [Int]] = [:]
        for (i, unit) in document.units.enumerated() {
            guard case .line = unit.kind, unit.text.utf8.count >= minimumLength else { continue }
            let scalars = Array(unit.text.unicodeScalars)
            guard scalars.count >= minimumLength else { continue }
            let cuts = self.cuts(scalars)
            if !cuts.isEmpty { cutsByUnit[i] = cuts }
        }
        guard !cutsByUnit.isEmpty else { return nil }
        var out = document
        out.units = []
        out.units.reserveCapacity(document.units.count + cutsByUnit.values.reduce(0) { $0 + $1.count })
        var notes: [Diagnostic] = []
        for (i, unit) in document.units.enumerated() {
            guard let cuts = cutsByUnit[i] else {
                var u = unit; u.number = out.units.count + 1; out.units.append(u); continue
            }
            let view = unit.text.unicodeScalars
            let index = Array(view.indices) + [view.endIndex]
            let scalarCount = index.count - 1
            let bounds = [0] + cuts + [scalarCount]
            for k in 0..<(bounds.count - 1) where bounds[k] < bounds[k + 1] {
                let text = String(view[index[bounds[k]]..<index[bounds[k + 1]]])
                var range = unit.range
                range.column = (unit.range.column > 0 ? unit.range.column - 1 : 0) + bounds[k] + 1
                out.units.append(SourceUnit(number: out.units.count + 1, kind: .line, text: text, range: range))
            }
            notes.append(Diagnostic(.note, "line of \(scalarCount) characters holds the whole report flattened "
                                    + "(headings, paragraphs and table cells joined); split into \(cuts.count + 1) pieces at its section headings",
                                    code: "read.flattened", file: document.diagnosticsName, line: unit.range.first, column: 1))
        }
        out.unitsAreLines = false
        return (out, notes)
    }

    /// Cut positions (scalar offsets) in a flattened line; empty when it is not one.
    static func cuts(_ s: [Unicode.Scalar]) -> [Int] {
        var found: [(start: Int, end: Int)] = []
        var from = 0
        for kind in SectionKind.allCases {
            guard let h = heading(kind, in: s, from: from) else { continue }
            found.append(h)
            from = h.end
        }
        // A heading at the very start is an ordinary heading line; inside the line they must be several.
        guard found.filter({ $0.start > 0 }).count >= 3 else { return [] }
        var cuts: [Int] = []
        if let first = found.first, let t = titleEnd(s, before: first.start) { cuts.append(t) }
        for h in found {
            if h.start > 0, cuts.last.map({ $0 < h.start }) ?? true { cuts.append(h.start) }
            // Spaces after the title stay with the heading piece.
            var e = h.end
            while e < s.count, LabelText.isSpace(s[e].value) { e += 1 }
            if e < s.count, cuts.last.map({ $0 < e }) ?? true { cuts.append(e) }
        }
        return cuts
    }

    /// The numbered heading of a section ("三、" + a title variant, "、" or "." after the numeral,
    /// spaces allowed around them) at or after `from`: its start and the end of its title.
    static func heading(_ kind: SectionKind, in s: [Unicode.Scalar], from: Int) -> (start: Int, end: Int)? {
        let numeral = kind.numeral.unicodeScalars.first!
        let variants = kind.titleVariants.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        var i = from
        while i < s.count {
            defer { i += 1 }
            guard s[i] == numeral else { continue }
            // Not part of a longer numeral or a word: "十二、", "第二、" (a digit before it is a table's value).
            if i > 0, (LabelText.isNumeral(s[i - 1].value) && !GluedSplits.isDigit(s[i - 1])) || s[i - 1] == "第" { continue }
            var j = i + 1
            while j < s.count, LabelText.isSpace(s[j].value) { j += 1 }
            guard j < s.count, s[j] == "、" || s[j] == "." || s[j] == "．" else { continue }
            j += 1
            while j < s.count, LabelText.isSpace(s[j].value) { j += 1 }
            for v in variants where j + v.count <= s.count && s[j..<(j + v.count)].elementsEqual(v) {
                return (i, j + v.count)
            }
        }
        return nil
    }

    /// The end of a title-like opening before the first heading: "…年度报告" or "…年报" within the
    /// first 80 characters, followed by a space (the crawler's join of the title and the text).
    static func titleEnd(_ s: [Unicode.Scalar], before limit: Int) -> Int? {
        let end = min(limit, 80)
        guard end > 2 else { return nil }
        for i in 1..<end where LabelText.isSpace(s[i].value) {
            let head = String(String.UnicodeScalarView(s[0..<i]))
            if head.hasSuffix("报告") || head.hasSuffix("年报") { return i + 1 }
            return nil
        }
        return nil
    }
}
