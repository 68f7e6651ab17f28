import Foundation

/// Prints a template document as a DOCX package (Word 2007+ / WPS): A4 portrait, the title,
/// notes, headings (styles with outline levels, so Word's navigation pane shows them), the
/// paragraphs and the three tables in the official layout from ``LayoutGrid`` — merged cells as
/// `w:gridSpan` and `w:vMerge`, the header rows repeated on each page (`w:tblHeader`; table 1's
/// captioned blocks instead keep each caption and header with their rows), rows kept
/// whole (`w:cantSplit`), every value cell an empty paragraph ready to type in — and the closing
/// lines. East Asian fonts are set in the styles (``DOCXParts``). The bytes are deterministic.
enum DOCXReportWriter {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// Text width of A4 portrait with 3.17 cm side margins, in twentieths of a point.
    static let textWidth = 11906 - 2 * 1701

    static func write(_ items: [TemplateWriter.Item]) throws -> Data {
        var title = ""
        var w = XMLByteWriter(capacity: 64 << 10)
        w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"\(namespace)\"><w:body>\n")
        var last: TemplateWriter.Item?
        for item in items {
            switch item {
            case .title(let s): title = s; paragraph(&w, s, style: "Title")
            case .note(let s): paragraph(&w, s, style: "Note")
            case .heading(let s, let level): paragraph(&w, s, style: level <= 1 ? "Heading1" : "Heading2")
            case .paragraph(let s): paragraph(&w, s, style: nil)
            case .table(let id, let grid):
                if case .table = last { paragraph(&w, "", style: nil) }  // two tables never touch (Word would join them)
                table(&w, id, grid)
            case .closing(let s): paragraph(&w, s, style: "Closing")
            }
            last = item
        }
        if case .table = last { paragraph(&w, "", style: nil) }
        w.raw("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
              + "<w:pgMar w:top=\"1440\" w:right=\"1701\" w:bottom=\"1440\" w:left=\"1701\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
              + "<w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>\n</w:body></w:document>\n")
        let document = w.string
        let parts: [(String, String)] = [
            ("[Content_Types].xml", DOCXParts.contentTypes),
            ("_rels/.rels", DOCXParts.packageRelationships),
            ("docProps/core.xml", DOCXParts.core(title: title)),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", DOCXParts.documentRelationships),
            ("word/styles.xml", DOCXParts.styles),
            ("word/settings.xml", DOCXParts.settings),
        ]
        return try DOCXPackageWriter.package(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A paragraph of one run; "\n" in the text is a line break, "\t" a tab.
    static func paragraph(_ w: inout XMLByteWriter, _ text: String, style: String?, pPr extra: String = "") {
        w.raw("<w:p>")
        if style != nil || !extra.isEmpty {
            w.raw("<w:pPr>")
            if let style { w.raw("<w:pStyle w:val=\"\(style)\"/>") }
            w.raw(extra + "</w:pPr>")
        }
        run(&w, text)
        w.raw("</w:p>\n")
    }

    /// The runs of a text: one `w:r` with `w:t` pieces, `w:br` and `w:tab` between them.
    static func run(_ w: inout XMLByteWriter, _ text: String) {
        guard !text.isEmpty else { return }
        w.raw("<w:r>")
        var piece = ""
        func flush(_ w: inout XMLByteWriter) {
            guard !piece.isEmpty else { return }
            w.raw("<w:t xml:space=\"preserve\">")
            w.escaped(piece, attribute: false)
            w.raw("</w:t>")
            piece = ""
        }
        for ch in text {
            if ch == "\n" || ch == "\r\n" || ch == "\r" { flush(&w); w.raw("<w:br/>") }
            else if ch == "\t" { flush(&w); w.raw("<w:tab/>") }
            else { piece.append(ch) }
        }
        flush(&w)
        w.raw("</w:r>")
    }

    /// Column widths: the label columns share the label area (table 1 half the width, table 2
    /// 46 %, its innermost label column — the longest labels — the widest), the value columns
    /// share the rest; table 3 (no labels) is even.
    static func columnWidths(_ grid: LayoutGrid) -> [Int] {
        let labels = grid.rows.flatMap { $0 }.filter { $0.cell.role == .value }.map(\.column).min() ?? 0
        guard grid.width > 0 else { return [] }
        guard labels > 0, labels < grid.width else { return Array(repeating: textWidth / grid.width, count: grid.width) }
        let labelArea = labels >= 2 ? textWidth * 46 / 100 : textWidth / 2
        let valueWidth = (textWidth - labelArea) / (grid.width - labels)
        let weights = (0..<labels).map { $0 == labels - 1 && labels > 1 ? labels + 1 : 2 }
        let total = weights.reduce(0, +)
        return weights.map { labelArea * $0 / total } + Array(repeating: valueWidth, count: grid.width - labels)
    }

    static func table(_ w: inout XMLByteWriter, _ id: TableID, _ grid: LayoutGrid) {
        let widths = columnWidths(grid)
        // Which cell starts at, or covers, each position (row, column).
        var origin: [[(row: Int, column: Int)?]] = Array(repeating: Array(repeating: nil, count: grid.width), count: grid.rows.count)
        var byStart: [Int: [Int: LayoutGrid.Cell]] = [:]
        for (r, line) in grid.rows.enumerated() {
            for (c, cell) in line {
                byStart[r, default: [:]][c] = cell
                for dr in 0..<cell.rowspan where r + dr < grid.rows.count {
                    for dc in 0..<cell.colspan where c + dc < grid.width { origin[r + dr][c + dc] = (r, c) }
                }
            }
        }
        // Leading rows without values or row labels are the header repeated on each page.
        // Not in a table of several captioned blocks (table 1): the first block's header would
        // head a page of another block; there each caption and header keeps with its rows instead.
        let leading = grid.rows.prefix { line in line.allSatisfy { $0.cell.role != .value && $0.cell.role != .rowLabel } }.count
        let headerRows = grid.rows.dropFirst(leading).contains { $0.contains { $0.cell.role == .caption } } ? 0 : leading
        let borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
        w.raw("<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
              + "<w:tblBorders>\(borders)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
              + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>")
        w.raw("<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>\n")
        for r in grid.rows.indices {
            // A caption or header row (of any block) stays on the page of the row after it; a row
            // of values is at least 0.7 cm high, room to type in.
            let keep = grid.rows[r].allSatisfy { $0.cell.role != .value && $0.cell.role != .rowLabel }
            w.raw("<w:tr><w:trPr><w:cantSplit/>" + (keep ? "" : "<w:trHeight w:val=\"397\"/>") + (r < headerRows ? "<w:tblHeader/>" : "") + "</w:trPr>")
            var c = 0
            while c < grid.width {
                guard let o = origin[r][c], let cell = byStart[o.row]?[o.column] else {
                    cellXML(&w, width: widths[c], span: 1, vMerge: nil, cell: nil, keepNext: keep); c += 1; continue
                }
                let span = min(cell.colspan, grid.width - c)
                let width = widths[c..<(c + span)].reduce(0, +)
                if o.row == r {
                    cellXML(&w, width: width, span: span, vMerge: cell.rowspan > 1 ? "restart" : nil, cell: cell, keepNext: keep)
                } else {
                    cellXML(&w, width: width, span: span, vMerge: "continue", cell: nil, keepNext: keep)
                }
                c += span
            }
            w.raw("</w:tr>\n")
        }
        w.raw("</w:tbl>\n")
    }

    private static func cellXML(_ w: inout XMLByteWriter, width: Int, span: Int, vMerge: String?, cell: LayoutGrid.Cell?, keepNext: Bool) {
        w.raw("<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>")
        if span > 1 { w.raw("<w:gridSpan w:val=\"\(span)\"/>") }
        if let v = vMerge { w.raw(v == "restart" ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>") }
        if cell?.role == .caption { w.raw("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/>") }
        w.raw("<w:vAlign w:val=\"center\"/></w:tcPr>")
        let align: String
        switch cell?.role {
        case .caption?, .rowLabel?: align = "<w:jc w:val=\"left\"/>"
        default: align = ""
        }
        let bold = cell?.role == .caption
        w.raw("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>" + (keepNext ? "<w:keepNext/>" : "") + "\(align)</w:pPr>")
        if let text = cell?.text, !text.isEmpty {
            if bold {
                w.raw("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"); w.escaped(text, attribute: false); w.raw("</w:t></w:r>")
            } else { run(&w, text) }
        }
        w.raw("</w:p></w:tc>")
    }
}
