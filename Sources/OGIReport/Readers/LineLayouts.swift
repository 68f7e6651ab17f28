import Foundation

/// A line layout turns a run of text lines into table rows × cells. Text front ends give lines;
/// the layouts are how recognition sees tables in them. New layouts (space-separated numbers,
/// pipe tables, column-major cells) plug in by conforming and being listed in ``LineLayouts``.
protocol LineLayout {
    /// The layout's name in the canonical XML.
    static var layout: SourceLayout { get }
    /// The rows of a run of lines (blank lines included in `lines`).
    static func rows(_ lines: [SourceLine]) -> [GridRow]
}

/// The registry of line layouts and their detection.
enum LineLayouts {
    /// The layouts, by name.
    static let all: [SourceLayout: any LineLayout.Type] = [.tabRows: TabRowsLayout.self, .cellPerLine: CellPerLineLayout.self,
                                                           .spaceRows: SpaceRowsLayout.self, .pipeRows: PipeRowsLayout.self,
                                                           .gluedCells: GluedRowsLayout.self]

    /// The rows of `lines` in the layout detected for them (`.none`: no rows).
    static func grid(_ lines: [SourceLine]) -> (layout: SourceLayout, rows: [GridRow]) {
        let layout = detectLayout(lines)
        guard let l = all[layout] else { return (.none, []) }
        return (layout, l.rows(lines))
    }

    /// Pipe rows when at least three lines are `|` rows. Tab rows when more lines carry a tab after
    /// their first cell than lines that are a single tab-led cell; one cell per line otherwise.
    /// Without tabs: glued cells when the lines show them more than spaced numbers
    /// (``GluedRowsLayout/isGlued(_:spacedLines:)``), space
    /// rows when lines end in spaced numbers, one cell per line when many lines are a bare value,
    /// else `.none`.
    static func detectLayout(_ lines: [SourceLine]) -> SourceLayout {
        var tabRowLines = 0, cellLines = 0, pipeLines = 0
        for l in lines where PipeRowsLayout.isPipeRow(l.text) { pipeLines += 1 }
        if pipeLines >= 3 { return .pipeRows }
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
            // Without tabs: cells glued together (a crawler's text of a web table) — checked first,
            // since such a line may also end in spaced numbers —, rows whose numbers are separated by spaces, or one cell per line (many
            // lines that are just a number).
            var valueLines = 0, spacedLines = 0, nonBlank = 0, longest = 0
            for l in lines where !isBlank(l.text) {
                nonBlank += 1
                let n = SpaceRowsLayout.trailingValues(l.text)
                longest = max(longest, n)
                if n >= 2 { spacedLines += 1 } else if CellValueParser.isValueLike(l.text) { valueLines += 1 }
            }
            if GluedRowsLayout.isGlued(lines, spacedLines: spacedLines) { return .gluedCells }
            // A whole table on one line (a flattened page), its cells a space apart or glued.
            if spacedLines <= 2, lines.contains(where: { GluedRowsLayout.isFlattenedTable($0.text) }) { return .gluedCells }
            if (spacedLines >= 3 || longest >= 5) && spacedLines >= valueLines { return .spaceRows }
            return valueLines >= 3 && valueLines * 8 >= nonBlank ? .cellPerLine : .none
        }
        return tabRowLines > cellLines ? .tabRows : .cellPerLine
    }

    /// True when a line has nothing but whitespace and no tab (a row separator).
    static func isBlank(_ s: String) -> Bool {
        for u in s.unicodeScalars where !(LabelText.isSpace(u.value) && u.value != 0x09) { return false }
        return true
    }
}
