import CLibXML2
import Foundation

/// Walks the body of a parsed `word/document.xml` into the units and tables of a
/// ``SourceDocument`` (see ``DOCXFrontEnd`` for the rules). Elements are matched by local name
/// (`w:`, `m:`, `mc:`, `wps:` prefixes vary between producers; the names do not).
struct DOCXWalker {
    var units: [SourceUnit] = []
    var tables: [SourceTable] = []
    var fragments: [Fragment] = []
    var diagnostics: [Diagnostic] = []
    /// Every `w:p` seen so far, in reading order (body, cells and text boxes alike).
    private(set) var paragraphCount = 0
    /// Tracked changes: insertions kept, deletions dropped (with the deleted text's first words).
    private(set) var insertions = 0
    private(set) var deletions = 0
    private(set) var deletedSample = ""
    /// `w:altChunk` parts (imported foreign content), which are not read.
    private(set) var altChunks = 0
    /// Footnote and endnote references (the notes' text, in their own parts, is not read).
    private(set) var notes = 0
    var numbering: DOCXNumbering
    let styles: DOCXStyles
    let fileName: String
    /// Deeper than this, nested content is read as plain text of its paragraph.
    static let maxDepth = 120

    init(numbering: DOCXNumbering, styles: DOCXStyles, fileName: String) {
        self.numbering = numbering; self.styles = styles; self.fileName = fileName
    }

    /// The value of a `w:val` attribute.
    static func val(_ n: xmlNodePtr) -> String? { XMLNode.attribute(n, "val") }

    /// True for an on/off property that is on (`<w:b/>`, `w:val="1"`, `"true"`, `"on"`).
    static func isOn(_ n: xmlNodePtr) -> Bool {
        guard let v = val(n) else { return true }
        return !["0", "false", "off", "none"].contains(v.lowercased())
    }

    static func child(_ n: xmlNodePtr, _ name: String) -> xmlNodePtr? {
        XMLNode.elements(n).first { XMLNode.name($0) == name }
    }

    // MARK: Blocks

    /// Block-level content: paragraphs, tables, content controls, custom XML, block-level
    /// tracked changes.
    mutating func blocks(_ parent: xmlNodePtr, depth: Int = 0) {
        for n in XMLNode.elements(parent) { block(n, depth: depth + 1) }
    }

    private mutating func block(_ n: xmlNodePtr, depth: Int) {
        switch XMLNode.name(n) {
        case "p":
            // An empty paragraph is a blank unit: text pasted into Word keeps its blank lines,
            // which the line layouts of recognition (one cell per line) rely on.
            let p = paragraph(n, depth: depth)
            do {
                let kind: SourceUnit.Kind = p.heading.map { .heading(level: $0) } ?? .paragraph
                units.append(SourceUnit(number: units.count + 1, kind: kind, text: p.text, range: SourceRange(paragraph: p.number)))
            }
            for box in p.textBoxes { blocks(box, depth: depth) }
        case "tbl":
            table(n, depth: depth)
        case "sdt":
            if let c = Self.child(n, "sdtContent") { blocks(c, depth: depth) }
        case "customXml", "ins", "moveTo", "sdtContent", "txbxContent", "smartTag":
            if case "ins" = XMLNode.name(n) { insertions += 1 }
            blocks(n, depth: depth)
        case "del", "moveFrom":
            deleted(n)
        case "AlternateContent":
            if let c = Self.choice(n) { blocks(c, depth: depth) }
        case "altChunk":
            altChunks += 1
        default:
            return  // sectPr, bookmarks, comments ranges, proofing marks: not content
        }
    }

    /// An `mc:AlternateContent`'s one branch to read: its first `mc:Choice`, else `mc:Fallback`
    /// (never both: they are the same content twice).
    static func choice(_ n: xmlNodePtr) -> xmlNodePtr? {
        child(n, "Choice") ?? child(n, "Fallback")
    }

    /// A tracked deletion: counted, its text remembered for the note, not read.
    private mutating func deleted(_ n: xmlNodePtr) {
        deletions += 1
        if deletedSample.unicodeScalars.count < 40 {
            var t = ParagraphText()
            collectDeleted(n, into: &t, depth: 0)
            deletedSample += t.text
        }
    }

    private func collectDeleted(_ n: xmlNodePtr, into t: inout ParagraphText, depth: Int) {
        for c in XMLNode.elements(n) where depth < Self.maxDepth {
            if XMLNode.name(c) == "delText" || XMLNode.name(c) == "t" { t.append(XMLNode.text(c)) } else { collectDeleted(c, into: &t, depth: depth + 1) }
        }
    }

    // MARK: Paragraphs

    struct Paragraph {
        var text: String
        var number: Int
        var heading: Int?
        var textBoxes: [xmlNodePtr]
    }

    /// A `w:p`: its automatic number, its runs' text, its heading level and the text boxes
    /// anchored in it (read after it).
    mutating func paragraph(_ p: xmlNodePtr, depth: Int) -> Paragraph {
        paragraphCount += 1
        let number = paragraphCount
        var style: String?, numId: String?, ilvl: Int?, outline: Int?
        if let pPr = Self.child(p, "pPr") {
            for c in XMLNode.elements(pPr) {
                switch XMLNode.name(c) {
                case "pStyle": style = Self.val(c)
                case "outlineLvl": outline = Self.val(c).flatMap { Int($0) }
                case "numPr":
                    for q in XMLNode.elements(c) {
                        if XMLNode.name(q) == "numId" { numId = Self.val(q) }
                        if XMLNode.name(q) == "ilvl" { ilvl = Self.val(q).flatMap { Int($0) } }
                    }
                default: break
                }
            }
        }
        var text = ParagraphText()
        let fromStyle = styles.numbering(style)
        if let id = numId ?? fromStyle?.numId, let label = numbering.next(numId: id, ilvl: ilvl ?? fromStyle?.ilvl ?? 0) {
            text.append(label)
        }
        var boxes: [xmlNodePtr] = []
        var fields: [Bool] = []  // per open field: true once its result has started
        inline(p, into: &text, boxes: &boxes, fields: &fields, depth: depth)
        let heading: Int? = outline.map { (0...8).contains($0) ? $0 + 1 : nil } ?? styles.headingLevel(style)
        return Paragraph(text: text.text, number: number, heading: heading, textBoxes: boxes)
    }

    /// Inline content of a paragraph, in order. A field's code (`w:instrText` and everything
    /// between `begin` and `separate`) is not text; its result is.
    private mutating func inline(_ n: xmlNodePtr, into t: inout ParagraphText, boxes: inout [xmlNodePtr], fields: inout [Bool], depth: Int) {
        let showing = { (fields: [Bool]) in fields.allSatisfy { $0 } }
        for c in XMLNode.elements(n) {
            let name = XMLNode.name(c)
            switch name {
            case "pPr", "rPr", "instrText", "delInstrText", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                 "commentReference", "proofErr", "lastRenderedPageBreak", "annotationRef", "permStart", "permEnd", "rubyPr":
                continue
            case "footnoteReference", "endnoteReference":
                notes += 1
            case "t":
                if showing(fields) { t.append(XMLNode.text(c)) }
            case "tab", "ptab":
                if showing(fields) { t.append("\t") }
            case "br", "cr":
                if showing(fields) { t.append("\n") }
            case "noBreakHyphen":
                if showing(fields) { t.append("-") }
            case "softHyphen":
                continue
            case "sym":
                if showing(fields), let hex = XMLNode.attribute(c, "char"), var v = UInt32(hex, radix: 16) {
                    if v >= 0xF000 && v <= 0xF0FF { v -= 0xF000 }  // symbol fonts' private-use alias
                    if let u = Unicode.Scalar(v), v >= 0x20 { t.append(String(u)) }
                }
            case "fldChar":
                switch XMLNode.attribute(c, "fldCharType") {
                case "begin": fields.append(false)
                case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
                case "end": if !fields.isEmpty { fields.removeLast() }
                default: break
                }
            case "del", "moveFrom":
                deleted(c)
            case "ins":
                insertions += 1
                inline(c, into: &t, boxes: &boxes, fields: &fields, depth: depth + 1)
            case "drawing", "pict", "object":
                Self.findTextBoxes(c, &boxes, depth: depth + 1)
            case "AlternateContent":
                if let b = Self.choice(c) {
                    if Self.containsRun(b) { inline(b, into: &t, boxes: &boxes, fields: &fields, depth: depth + 1) }
                    else { Self.findTextBoxes(b, &boxes, depth: depth + 1) }
                }
            case "txbxContent":
                boxes.append(c)
            default:
                // r, hyperlink, smartTag, customXml, sdt/sdtContent, fldSimple, moveTo, dir, bdo,
                // ruby/rt/rubyBase, math (m:r/m:t) …: read through.
                if depth < Self.maxDepth { inline(c, into: &t, boxes: &boxes, fields: &fields, depth: depth + 1) }
            }
        }
    }

    private static func containsRun(_ n: xmlNodePtr) -> Bool {
        XMLNode.elements(n).contains { ["r", "t", "ins", "hyperlink"].contains(XMLNode.name($0)) }
    }

    /// The text boxes under a drawing, in order; a text box's own nested boxes are found when it is read.
    static func findTextBoxes(_ n: xmlNodePtr, _ out: inout [xmlNodePtr], depth: Int) {
        guard depth < maxDepth else { return }
        for c in XMLNode.elements(n) {
            switch XMLNode.name(c) {
            case "txbxContent": out.append(c)
            case "AlternateContent": if let b = choice(c) { findTextBoxes(b, &out, depth: depth + 1) }
            default: findTextBoxes(c, &out, depth: depth + 1)
            }
        }
    }

    // MARK: Tables

    /// The rows of a table, through content controls, custom XML and row insertions; deleted rows dropped.
    private mutating func rows(_ n: xmlNodePtr, depth: Int = 0) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        for c in XMLNode.elements(n) where depth < 8 {
            switch XMLNode.name(c) {
            case "tr":
                if let trPr = Self.child(c, "trPr"), Self.child(trPr, "del") != nil { deleted(c); continue }
                out.append(c)
            case "sdt": if let s = Self.child(c, "sdtContent") { out += rows(s, depth: depth + 1) }
            case "customXml", "ins", "moveTo": out += rows(c, depth: depth + 1)
            default: break
            }
        }
        return out
    }

    /// The cells of a row, through content controls and custom XML.
    private static func cells(_ n: xmlNodePtr, depth: Int = 0) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        for c in XMLNode.elements(n) where depth < 8 {
            switch XMLNode.name(c) {
            case "tc": out.append(c)
            case "sdt": if let s = child(c, "sdtContent") { out += cells(s, depth: depth + 1) }
            case "customXml": out += cells(c, depth: depth + 1)
            default: break
            }
        }
        return out
    }

    private static func containsTable(_ n: xmlNodePtr, depth: Int = 0) -> Bool {
        guard depth < maxDepth else { return false }
        return XMLNode.elements(n).contains { XMLNode.name($0) == "tbl" || containsTable($0, depth: depth + 1) }
    }

    /// A `w:tbl`: a data table becomes a ``SourceTable`` with one unit per row; a layout table
    /// (one holding another table, or one column only) is read as flow, cell by cell.
    private mutating func table(_ tbl: xmlNodePtr, depth: Int) {
        let trs = rows(tbl)
        let cellsByRow = trs.map { Self.cells($0) }
        let layout = (cellsByRow.map(\.count).max() ?? 0) <= 1 || cellsByRow.joined().contains { Self.containsTable($0) }
        if layout || depth > Self.maxDepth {
            for row in cellsByRow { for tc in row { blocks(tc, depth: depth) } }
            return
        }
        let number = tables.count + 1
        tables.append(SourceTable(number: number, rows: [], range: SourceRange(grid: GridLocation(table: number, row: 1))))
        var rows: [SourceTable.Row] = []
        /// grid column → (row index, cell index) of a vertical merge still open there.
        var open: [Int: (row: Int, cell: Int, span: Int)] = [:]
        for (r, tr) in trs.enumerated() {
            var gridBefore = 0, header = false
            if let trPr = Self.child(tr, "trPr") {
                for c in XMLNode.elements(trPr) {
                    if XMLNode.name(c) == "gridBefore" { gridBefore = min(max(Self.val(c).flatMap { Int($0) } ?? 0, 0), SourceTable.maxSpan) }
                    if XMLNode.name(c) == "tblHeader" { header = Self.isOn(c) }
                }
            }
            var cells: [SourceTable.Cell] = []
            var col = gridBefore
            var seen: Set<Int> = []
            for tc in cellsByRow[r] {
                var span = 1
                var vMerge: String?  // "restart", "continue" or nil
                var hContinue = false
                if let tcPr = Self.child(tc, "tcPr") {
                    for c in XMLNode.elements(tcPr) {
                        switch XMLNode.name(c) {
                        case "gridSpan": span = min(max(Self.val(c).flatMap { Int($0) } ?? 1, 1), SourceTable.maxSpan)
                        case "vMerge": vMerge = Self.val(c) == "restart" ? "restart" : "continue"
                        case "hMerge": hContinue = Self.val(c) != "restart"
                        default: break
                        }
                    }
                }
                let text = cellText(tc, depth: depth)
                let here = GridLocation(table: number, row: r + 1, cell: cells.count + 1)
                defer { col += span }
                if hContinue, !cells.isEmpty {
                    cells[cells.count - 1].colSpan += span
                    keep(text, at: here, reason: "text in a horizontally merged cell (w:hMerge)")
                    continue
                }
                if vMerge == "continue", let o = open[col], o.span == span, rows[o.row].cells[o.cell].rowSpan == r - o.row {
                    rows[o.row].cells[o.cell].rowSpan += 1
                    seen.insert(col)
                    keep(text, at: here, reason: "text in a vertically merged cell (w:vMerge continue)")
                    continue
                }
                for c in col..<(col + span) { open[c] = nil }
                if vMerge != nil { open[col] = (rows.count, cells.count, span); seen.insert(col) }
                cells.append(SourceTable.Cell(text: text, colSpan: span, isHeader: header,
                                              range: SourceRange(grid: GridLocation(table: number, row: r + 1, cell: cells.count + 1))))
            }
            for c in open.keys where !seen.contains(c) { open[c] = nil }
            rows.append(SourceTable.Row(cells: cells, range: SourceRange(grid: GridLocation(table: number, row: r + 1))))
            let unitText = cells.map { ByteSearch.contains(0x0A, in: $0.text) ? String(decoding: $0.text.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self) : $0.text }
                .joined(separator: "\t")
            units.append(SourceUnit(number: units.count + 1, kind: .tableRow(table: number - 1, row: r), text: unitText,
                                    range: SourceRange(grid: GridLocation(table: number, row: r + 1))))
        }
        tables[number - 1].rows = rows
    }

    /// Text in a merged-away cell is not shown by Word but is kept: a fragment with a warning.
    private mutating func keep(_ text: String, at place: GridLocation, reason: String) {
        guard !DocumentText.isBlank(text) else { return }
        fragments.append(Fragment(text: text, lines: SourceRange(grid: place), reason: reason))
        diagnostics.append(.warning("[\(place.description)] \(reason) kept as an unrecognised fragment: “\(text.prefix(40))”",
                                    code: "read.docx-merged-text", file: fileName))
    }

    /// A cell's text: its paragraphs (and the paragraphs of text boxes in it) joined with "\n",
    /// empty paragraphs left out.
    private mutating func cellText(_ tc: xmlNodePtr, depth: Int) -> String {
        var lines: [String] = []
        collectCell(tc, into: &lines, depth: depth)
        return lines.joined(separator: "\n")
    }

    private mutating func collectCell(_ n: xmlNodePtr, into lines: inout [String], depth: Int) {
        for c in XMLNode.elements(n) where depth < Self.maxDepth {
            switch XMLNode.name(c) {
            case "p":
                let p = paragraph(c, depth: depth + 1)
                if !p.text.isEmpty { lines.append(p.text) }
                for box in p.textBoxes { collectCell(box, into: &lines, depth: depth + 1) }
            case "sdt": if let s = Self.child(c, "sdtContent") { collectCell(s, into: &lines, depth: depth + 1) }
            case "customXml", "ins", "moveTo", "smartTag":
                if XMLNode.name(c) == "ins" { insertions += 1 }
                collectCell(c, into: &lines, depth: depth + 1)
            case "del", "moveFrom": deleted(c)
            case "AlternateContent": if let b = Self.choice(c) { collectCell(b, into: &lines, depth: depth + 1) }
            default: break
            }
        }
    }
}

/// Text of one paragraph as it is gathered (UTF-8 appended in order).
struct ParagraphText {
    private(set) var text = ""
    mutating func append(_ s: String) { text += s }
}
