/// The glued-cells line layout: a table whose cells were concatenated with nothing between them
/// (what a crawler keeps of a portal page's table: "规章000规范性文件898989…"). Each line is cut
/// where text meets digits: text stretches are cells (labels, possibly several glued together),
/// runs of digits are value cells, and a space inside a run ("230 000023") ends a cell. A digit
/// that numbers the next label ("…00000002.其他法律…": the "2." of "2.其他…") or sits in brackets
/// ("(2)") stays with the text; a unit written right after digits ("13575394432.52元") and a minus
/// sign before or between them ("510-58452") stay with them.
///
/// The value cells still hold several table cells each; ``GluedCellRepair`` cuts the labels apart
/// and splits the runs by the table's shape and arithmetic. This layout only cuts text from digits.
enum GluedRowsLayout: LineLayout {
    static let layout = SourceLayout.gluedCells

    static func rows(_ lines: [SourceLine]) -> [GridRow] {
        lines.filter { !LineLayouts.isBlank($0.text) }.map { GridRow(cells: cells($0), lines: [$0.number]) }
    }

    /// A cell of a cut line: its scalar range (0-based, end exclusive) and whether it is digits.
    struct Span { var start: Int; var end: Int; var isValue: Bool }

    /// The line cut into text and value cells, with 1-based columns.
    static func cells(_ l: SourceLine) -> [GridCell] {
        let view = l.text.unicodeScalars
        let s = Array(view)
        // Cell texts are slices of the line (copied as bytes), not rebuilt scalar by scalar.
        let index = Array(view.indices) + [view.endIndex]
        return spans(s).map { GridCell(raw: String(view[index[$0.start]..<index[$0.end]]), line: l.number, column: $0.start + 1) }
    }

    /// An ASCII or full-width digit.
    static func isDigit(_ u: Unicode.Scalar) -> Bool { DocumentText.digit(u) != nil }

    static func isPoint(_ u: Unicode.Scalar) -> Bool { u == "." || u == "．" }

    /// A minus sign: "-", "－", "−".
    static func isMinus(_ u: Unicode.Scalar) -> Bool { u == "-" || u == "－" || u == "−" }

    /// The spans of a line. Spaces between two value cells are left out of both; spaces next to
    /// text stay in the text cell.
    static func spans(_ s: [Unicode.Scalar]) -> [Span] {
        var out: [Span] = []
        var textStart: Int? = nil
        var i = 0
        func closeText(_ end: Int) {
            if let t = textStart, t < end { out.append(Span(start: t, end: end, isValue: false)) }
            textStart = nil
        }
        while i < s.count {
            // A minus sign right before digits starts a value ("行政许可510-58452").
            let signed = isMinus(s[i]) && i + 1 < s.count && isDigit(s[i + 1])
            guard isDigit(s[i]) || signed else {
                if LabelText.isSpace(s[i].value), textStart == nil { i += 1; continue }  // between value cells
                if textStart == nil { textStart = i }
                i += 1
                continue
            }
            // A run of digits, with points between digits.
            var e = i + (signed ? 1 : 0)
            while e < s.count, isDigit(s[e]) || ((isPoint(s[e]) || isMinus(s[e])) && e + 1 < s.count && isDigit(s[e + 1]) && e > i) { e += 1 }
            var valueEnd = e
            // Numbering of the next label: one digit and a point or 、 before text ("2.其他").
            if e < s.count, isPoint(s[e]) || s[e] == "、", e + 1 < s.count, !isDigit(s[e + 1]), !LabelText.isSpace(s[e + 1].value) {
                valueEnd = e - 1
            }
            // A digit in brackets is text: "(2)", "（三）" has none.
            let opens: Set<Unicode.Scalar> = ["(", "（"], closes: Set<Unicode.Scalar> = [")", "）"]
            if i > 0, opens.contains(s[i - 1]), e < s.count, closes.contains(s[e]) { valueEnd = i }
            if valueEnd <= i {
                if textStart == nil { textStart = i }
                i = e
                continue
            }
            closeText(i)
            // A unit right after the digits belongs to them.
            var end = valueEnd
            if valueEnd == e {
                for u in GluedSplits.units {
                    let us = Array(u.unicodeScalars)
                    if e + us.count <= s.count, Array(s[e..<(e + us.count)]) == us { end = e + us.count; break }
                }
            }
            out.append(Span(start: i, end: end, isValue: true))
            if valueEnd < e { textStart = valueEnd; i = e } else { i = end }
        }
        closeText(s.count)
        return out
    }

    /// How strongly lines show table cells glued to text: the runs of digits written right after
    /// text, and whether one such run (or one starting a line) cannot be a single number (a
    /// leading zero: "000023", or ten digits or more without a point). Counting stops at `enough`.
    static func evidence(_ lines: [SourceLine], enough: Int = .max) -> (glued: Int, impossible: Bool) {
        var glued = 0
        for l in lines {
            let (n, impossible) = gluedRuns(l.text)
            if impossible { return (glued + n, true) }
            glued += n
            if glued >= enough { break }
        }
        return (glued, false)
    }

    /// True when lines show table cells glued to text: a run that cannot be one number, or at
    /// least four runs right after text and more of them than lines of spaced numbers
    /// (`spacedLines`: prose with a few numbers in a space-rows table stays space rows).
    static func isGlued(_ lines: [SourceLine], spacedLines: Int = 0) -> Bool {
        let e = evidence(lines, enough: max(4, spacedLines + 1))
        return e.impossible || (e.glued >= 4 && e.glued > spacedLines)
    }

    /// True when a line holds a whole table, labels and numbers in a row with spaces or nothing
    /// between them (a table of a page flattened onto one line): at least 200 characters, ten
    /// runs of digits and three stretches of text. Read as glued cells, a space stays a boundary.
    static func isFlattenedTable(_ text: String) -> Bool {
        guard text.utf8.count >= 200 else { return false }
        let s = Array(text.unicodeScalars)
        guard s.count >= 200 else { return false }
        var values = 0, texts = 0
        for sp in spans(s) { if sp.isValue { values += 1 } else { texts += 1 } }
        return values >= 10 && texts >= 3
    }

    /// True when a run of digits cannot be one number ("00", "000023", ten digits or more without a point).
    static func isImpossible(_ run: ArraySlice<Unicode.Scalar>) -> Bool {
        let digits = run.filter(isDigit)
        guard !run.contains(where: isPoint) else { return false }
        return (digits.count >= 2 && (digits.first == "0" || digits.first == "０")) || digits.count >= 10
    }

    /// The runs of digits right after text in a line, and whether one of them (or one starting the
    /// line) cannot be one number.
    static func gluedRuns(_ text: String) -> (count: Int, impossible: Bool) {
        // Cheap test first: a digit right after a multi-byte scalar (CJK text) somewhere, or a
        // line starting with two digits.
        var t = text
        let candidate = t.withUTF8 { b -> Bool in
            guard b.count > 1 else { return false }
            if b[0] >= 0x30 && b[0] <= 0x39 && b[1] >= 0x30 && b[1] <= 0x39 { return true }
            for k in 1..<b.count where b[k] >= 0x30 && b[k] <= 0x39 && b[k - 1] >= 0x80 { return true }
            return false
        }
        guard candidate else { return (0, false) }
        var glued = 0
        let s = Array(text.unicodeScalars)
        for sp in spans(s) where sp.isValue && (sp.start == 0 || !LabelText.isSpace(s[sp.start - 1].value)) {
            if sp.start > 0 { glued += 1 }
            if isImpossible(s[sp.start..<sp.end]) { return (glued, true) }
        }
        return (glued, false)
    }
}
