import Foundation

/// The PDF front end: a PDF's text layer → ``SourceDocument``, on poppler-glib
/// (``PDFTextLayer``).
///
/// - Characters with their page and box → lines (``PDFTextLine``) → paragraphs: a line joins
///   the one before only when that one reaches the right margin, this one starts at the left
///   margin (not indented), the two are the same size and close, and this one does not start
///   with a heading's numbering (一、 （一） 1.).
/// - Ruled tables are built by geometry (``PDFTableBuilder``): ruling lines → grid bands →
///   cells with rowspan/colspan; a table continued on the next page is stitched into one
///   ``SourceTable`` and its repeated header rows are skipped (``PDFTableStitcher``). One unit
///   per table row, as for HTML. Lines outside ruled tables with wide gaps keep them as tabs.
/// - Page numbers and running headers/footers are left out and counted (``PDFPageChrome``).
/// - Places are ``SourceRange``s with `page` and `box` (points from the page's top left) and,
///   for rows and cells, `grid`.
/// - Errors (one line each): damaged or encrypted files, no text layer ("needs OCR"), limits;
///   characters without a Unicode mapping are shown as U+FFFD (so never read as numbers) and
///   reported per page.
public enum PDFFrontEnd {
    /// Bounds on the work one file can cause.
    public struct Limits: Sendable {
        public var maxBytes: Int
        public var maxPages: Int
        public var maxGlyphsPerPage: Int
        /// Largest page side in points (PDF's own limit is 14 400).
        public var maxPageSide: Double
        public init(maxBytes: Int = 64 << 20, maxPages: Int = 300, maxGlyphsPerPage: Int = 200_000, maxPageSide: Double = 14_400) {
            self.maxBytes = maxBytes; self.maxPages = maxPages; self.maxGlyphsPerPage = maxGlyphsPerPage; self.maxPageSide = maxPageSide
        }
    }

    /// One thing on a page in reading order.
    private enum Block { case line(PDFTextLine, page: Int), table(PDFTableRegion) }

    /// - Throws: ``DiagnosticError`` (one line) when the file cannot be read as a PDF with text.
    public static func read(_ data: Data, fileName: String = "-", limits: Limits = Limits()) throws -> SourceDocument {
        guard data.count <= limits.maxBytes else {
            throw DiagnosticError(.error("PDF is \(data.count) bytes, more than the limit of \(limits.maxBytes)", code: "read.pdf.limit", file: fileName))
        }
        let (pages, _) = try PDFTextLayer.pages(data, fileName: fileName, limits: limits)
        var diags: [Diagnostic] = []
        let ink = pages.map { $0.glyphs.filter { !$0.isSpace }.count }
        guard ink.contains(where: { $0 > 0 }) else {
            throw DiagnosticError(.error("no text layer: needs OCR (the PDF's \(pages.count) page\(pages.count == 1 ? " is an image" : "s are images"), a scan)",
                                         code: "read.pdf.no-text", file: fileName))
        }
        let garbage = pages.map { $0.glyphs.filter(\.isGarbage).count }
        if garbage.reduce(0, +) * 2 > ink.reduce(0, +) {
            throw DiagnosticError(.error("no usable text layer: \(garbage.reduce(0, +)) of \(ink.reduce(0, +)) characters are glyph codes without a Unicode mapping (fonts without ToUnicode); needs OCR",
                                         code: "read.pdf.no-unicode", file: fileName))
        }
        for p in pages {
            if let why = p.rulingsSkipped {
                diags.append(.warning("page \(p.number): ruling lines not looked for: \(why); its tables are read by the positions of their words",
                                      code: "read.pdf.render-skipped", file: fileName))
            }
        }
        for (i, p) in pages.enumerated() {
            if ink[i] == 0 {
                diags.append(.warning("page \(p.number) has no text layer (an image, a scan?): nothing on it is read; it needs OCR", code: "read.pdf.no-text", file: fileName))
            } else if garbage[i] > 0 {
                diags.append(.warning("page \(p.number): \(garbage[i]) characters have no Unicode mapping (a font without ToUnicode); shown as U+FFFD and never read as numbers",
                                      code: "read.pdf.no-unicode", file: fileName))
            }
        }
        // Per page: tables and the lines outside them, top to bottom.
        var perPage: [[Block]] = []
        var carried: [ClosedRange<Double>] = []
        for p in pages {
            let (ruled, ruledUsed) = PDFTableBuilder.tables(p)
            var used = ruledUsed
            // Ruling lines of no ruled table (row rules, a frame) help the tables read by positions.
            let loose = p.rulings.filter { r in
                !ruled.contains { t in r.position >= t.box.y0 - 3 && r.position <= t.box.y1 + 3 && r.start >= t.box.x0 - 3 && r.end <= t.box.x1 + 3 }
            }
            let (byPositions, notes) = PDFPositionTableBuilder.tables(p, used: &used, rulings: loose, carried: carried)
            diags += notes.map { .warning("page \(p.number): \($0)", code: "read.pdf.table-position", file: fileName) }
            let tables = (ruled + byPositions).sorted { $0.box.y0 < $1.box.y0 }
            let free = p.glyphs.indices.filter { !used[$0] }.map { p.glyphs[$0] }
            var blocks: [(Double, Block)] = PDFTextLine.lines(free).map { ($0.box.y0, .line($0, page: p.number)) }
            blocks += tables.map { ($0.box.y0, .table($0)) }
            perPage.append(blocks.sorted { $0.0 < $1.0 }.map(\.1))
            // A table by positions that ends the page hands its columns to the next page's first one.
            if case .table(let t)? = perPage[perPage.count - 1].last(where: { if case .line(let l, _) = $0 { return !PDFPageChrome.isPageNumber(l.text) }; return true }), t.byPositions {
                carried = t.valueBands
            } else { carried = [] }
        }
        var omitted = OmittedContent()
        perPage = removeChrome(perPage, pages: pages, omitted: &omitted)
        // Units, with tables stitched over page breaks.
        var units: [SourceUnit] = []
        var tables: [SourceTable] = []
        var parts: [PDFTableRegion] = [], skip: [Int] = []
        func flushTable() {
            guard !parts.isEmpty else { return }
            let t = PDFTableStitcher.table(parts, skip: skip, number: tables.count + 1)
            if parts.contains(where: \.byPositions), !t.rows.isEmpty {
                diags.append(.warning("table read by the positions of its words, no ruling lines: a value may sit in a neighbouring column or row; check its cells against the PDF",
                                      code: "read.pdf.unruled-table", file: fileName, line: units.count + 1))
            }
            for (r, row) in t.rows.enumerated() {
                let text = row.cells.map { $0.text.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t")
                units.append(SourceUnit(number: units.count + 1, kind: .tableRow(table: tables.count, row: r), text: text, range: row.range))
            }
            tables.append(t)
            if skip.reduce(0, +) > 0 {
                omitted.elements += skip.reduce(0, +)
                omitted.kinds["repeated table header row", default: 0] += skip.reduce(0, +)
                omitted.characters += zip(parts, skip).reduce(0) { acc, ps in
                    acc + ps.0.rows.prefix(ps.1).joined().reduce(0) { $0 + $1.text.unicodeScalars.count }
                }
            }
            parts = []; skip = []
        }
        var paragraph: [PDFTextLine] = [], paragraphPage = 0
        func flushParagraph() {
            guard let first = paragraph.first else { return }
            var text = first.text
            for l in paragraph.dropFirst() {
                if let a = text.unicodeScalars.last, let b = l.text.unicodeScalars.first, !PDFTextLine.isWide(a), !PDFTextLine.isWide(b) { text += " " }
                text += l.text
            }
            let box = paragraph.dropFirst().reduce(first.box) { $0.union($1.box) }
            units.append(SourceUnit(number: units.count + 1, kind: .paragraph, text: text, range: SourceRange(page: paragraphPage, box: box.rounded)))
            paragraph = []
        }
        for (pi, blocks) in perPage.enumerated() {
            let lines = blocks.compactMap { b -> PDFTextLine? in if case .line(let l, _) = b { return l }; return nil }
            let left = lines.map(\.box.x0).min() ?? 0, right = lines.map(\.box.x1).max() ?? 0
            for (bi, b) in blocks.enumerated() {
                switch b {
                case .table(let t):
                    flushParagraph()
                    if bi == 0, let last = parts.last, PDFTableStitcher.continues(last, t) {
                        parts.append(t); skip.append(PDFTableStitcher.repeatedHeaderRows(parts[0], t))
                    } else {
                        flushTable(); parts = [t]; skip = [0]
                    }
                case .line(let l, let page):
                    flushTable()
                    if let prev = paragraph.last, page == paragraphPage, wraps(prev, into: l, left: left, right: right) {
                        paragraph.append(l)
                    } else {
                        flushParagraph(); paragraph = [l]; paragraphPage = page
                    }
                }
            }
            // A table that ends its page may continue on the next; anything else ends here.
            if case .table? = blocks.last {} else { flushTable() }
            flushParagraph()
            _ = pi
        }
        flushTable()
        if !omitted.isEmpty {
            let kinds = omitted.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            diags.append(Diagnostic(.note, "page chrome left out of the report: \(omitted.elements) pieces, \(omitted.characters) characters (\(kinds))",
                                    code: "read.page-chrome", file: fileName))
        }
        let info = SourceInfo(fileName: SourceInfo.baseName(fileName), layout: .none, encoding: "UTF-8", sha256: SHA256.hex(data),
                              lineEnding: "LF", format: .pdf, omittedBlocks: omitted.elements, omittedCharacters: omitted.characters)
        return SourceDocument(format: .pdf, info: info, units: units, tables: tables, diagnostics: diags, omitted: omitted,
                              mayHavePageChrome: false, byteCount: data.count, diagnosticsName: fileName)
    }

    /// True when `line` is the wrapped continuation of `prev` in a paragraph.
    static func wraps(_ prev: PDFTextLine, into line: PDFTextLine, left: Double, right: Double) -> Bool {
        let h = max(prev.height, 1)
        guard prev.box.x1 >= right - 1.5 * h, line.box.x0 <= left + 0.6 * h, abs(line.height - prev.height) <= 0.3 * h,
              line.box.y0 - prev.box.y1 <= 1.2 * h, line.box.y0 > prev.box.y0 else { return false }
        return !startsWithNumbering(line.text)
    }

    /// 一、 （一） (一) 1. 1、 at the start of a line: a heading or list item, never a wrapped line.
    static func startsWithNumbering(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars.prefix(8))
        guard let f = s.first else { return false }
        let cjkDigits: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if f == "（" || f == "(" { return s.count > 1 && (cjkDigits.contains(s[1]) || ("0"..."9").contains(s[1])) }
        var i = 0
        while i < s.count, cjkDigits.contains(s[i]) || ("0"..."9").contains(s[i]) { i += 1 }
        return i > 0 && i < s.count && ["、", ".", "．"].contains(s[i])
    }

    /// Page numbers and running headers/footers in the top or bottom margin, left out and counted.
    private static func removeChrome(_ perPage: [[Block]], pages: [PDFPageContent], omitted: inout OmittedContent) -> [[Block]] {
        func inMargin(_ l: PDFTextLine, _ p: PDFPageContent) -> Bool {
            l.box.y1 <= p.height * PDFPageChrome.margin || l.box.y0 >= p.height * (1 - PDFPageChrome.margin)
        }
        var shapes: [String: Set<Int>] = [:]
        for (i, blocks) in perPage.enumerated() {
            for b in blocks { if case .line(let l, _) = b, inMargin(l, pages[i]) { shapes[PDFPageChrome.shape(l.text), default: []].insert(i) } }
        }
        return perPage.enumerated().map { (i, blocks) in
            blocks.filter { b in
                guard case .line(let l, _) = b, inMargin(l, pages[i]) else { return true }
                let kind: String
                if PDFPageChrome.isPageNumber(l.text) { kind = "page number" }
                else if (shapes[PDFPageChrome.shape(l.text)]?.count ?? 0) >= 2 && pages.count >= 2 { kind = "running header or footer" }
                else { return true }
                omitted.elements += 1
                omitted.kinds[kind, default: 0] += 1
                omitted.characters += l.text.unicodeScalars.count
                return false
            }
        }
    }
}
