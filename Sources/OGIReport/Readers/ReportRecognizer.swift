import Foundation

/// Report recognition: a ``SourceDocument`` → ``Report``. Knows the document model and the
/// concept table only, never a file format.
///
/// Steps: ``SectionSplitter`` (the six headings) over the units → ``MetadataReader`` (title,
/// agency, year, date) → ``TablesReader`` for the bodies of sections 二, 三, 四 (grids from the
/// line layouts or the document's structured tables) → ``NarrativeReader`` for the preamble, the
/// narrative sections and the prose left in table sections → the closing (agency signature and
/// date after section 六). Every non-blank unit ends up in the metadata, a block, a table, the
/// closing or a fragment (see ``TextReading``); unit-based places are then resolved to the
/// format's own coordinates (``SourceDocument/resolve(_:)``).
public enum ReportRecognizer {
    /// Recognises the report in a document.
    public static func recognize(_ document: SourceDocument) -> TextReading {
        let fileName = document.diagnosticsName
        var document = document
        var diags: [Diagnostic] = document.diagnostics
        if let (split, notes) = FlattenedText.split(document) { document = split; diags += notes }
        var report = Report(metadata: Metadata(source: document.info))
        report.unrecognised = document.fragments
        var lines = document.lines
        // Units of a structured format are whole paragraphs: never joined across units.
        let paragraphs = document.format != .text
        let chrome = document.mayHavePageChrome ? leadingChrome(lines, document) : 0
        if chrome > 0 {
            diags.append(Diagnostic(.note, "\(chrome) blocks of page chrome before the report's title left out (counted in the source entry)",
                                    code: "read.page-chrome", file: fileName, line: 1))
            report.metadata.source?.omittedBlocks += chrome
            lines = lines.map { $0.number <= chrome ? SourceLine(number: $0.number, text: "") : $0 }
        }

        guard lines.contains(where: { !DocumentText.isBlank($0.text) }) else {
            report.metadata.incomplete = true
            diags.append(.error(document.byteCount == 0 ? "empty input: the file holds no text" : "empty input: the file holds only blank lines",
                                code: "read.empty", file: fileName, line: 1, column: 1))
            return finish(TextReading(document: document, result: ReadResult(report: report, diagnostics: diags), lines: lines, metadataLines: [], tableLines: []))
        }

        let headings = SectionSplitter.headings(lines.lazy.map(\.text))
        let firstIndex = headings.first?.index ?? lines.count

        // Title block and preamble.
        let pre = firstIndex == lines.count ? lines : Array(lines[0..<firstIndex])  // shared when no heading
        let tb = MetadataReader.titleBlock(pre)
        var metadataLines = Set(tb.titleLines)
        if let d = tb.dateLine { metadataLines.insert(d) }
        // The title and date lines split the preamble: no paragraph runs across them. Each chunk
        // is copied once at its size (the whole preamble is shared when nothing splits it).
        var chunkStart = 0
        for k in pre.indices where metadataLines.contains(pre[k].number) {
            report.preamble += narrative(Array(pre[chunkStart..<k]), nil, &report, &diags, fileName, paragraphs: paragraphs)
            chunkStart = k + 1
        }
        report.preamble += narrative(chunkStart == 0 ? pre : Array(pre[chunkStart...]), nil, &report, &diags, fileName, paragraphs: paragraphs)

        // Sections.
        var bodies: [TableID: [SourceLine]] = [:]
        var sectionBodies: [(SectionHeading, [SourceLine])] = []
        for (i, h) in headings.enumerated() {
            let end = i + 1 < headings.count ? headings[i + 1].index : lines.count
            sectionBodies.append((h, Array(lines[h.bodyStart..<end])))
            if h.implicit {
                diags.append(.warning("section \(h.kind.heading) has no heading; its table starts here",
                                      code: "read.missing-heading", file: fileName, line: lines[h.index].number, column: 1))
            }
            if h.loose {
                diags.append(.warning("heading \"\(h.text)\" taken as section \(h.kind.heading) (not an exact title)",
                                      code: "read.heading-loose", file: fileName, line: lines[h.index].number, column: 1))
            }
            if let w = h.writtenNumber, w != h.kind.rawValue {
                diags.append(.warning("section heading numbered \(w) but titled as section \(h.kind.numeral) (\(h.kind.title))",
                                      code: "read.heading-number", file: fileName, line: lines[h.index].number, column: 1))
            }
        }

        // Closing: signature and date at the very end of the last narrative section.
        var closingDate: String?
        if var last = sectionBodies.last, last.0.kind.table == nil {
            let (body, closing) = splitClosing(last.1)
            last.1 = body
            sectionBodies[sectionBodies.count - 1] = last
            for line in closing {
                report.closing.append(Block(.paragraph, DocumentText.trim(line.text), lines: LineRange(line: line.number)))
                if closingDate == nil, let d = DocumentText.dateLine(line.text) { closingDate = d }
            }
        }

        for (h, body) in sectionBodies where h.kind.table != nil { bodies[h.kind.table!] = body }
        let tables = TablesReader.read(bodies: bodies, document: document, fileName: fileName)
        report.tables = tables.tables
        report.unrecognised += tables.fragments
        diags += tables.diagnostics
        var tableLines = tables.consumedLines
        let fragmentLines = Set(tables.fragments.flatMap { Array($0.lines.first...$0.lines.last) })

        for (h, body) in sectionBodies {
            let headLine = lines[h.index].number
            var section = Section(kind: h.kind, heading: h.text, line: h.implicit ? nil : headLine)
            if let table = h.kind.table {
                if let ib = h.inlineBody { section.blocks.append(Block(.paragraph, ib, lines: LineRange(line: headLine))) }
                // Prose lines the table did not take; an unfinished sentence is rejoined with the next
                // prose line when only blank lines come between (as in narrative sections).
                var open: Int?  // index in section.blocks of a paragraph whose sentence is unfinished
                for line in body where !DocumentText.isBlank(line.text) {
                    if tableLines.contains(line.number) || fragmentLines.contains(line.number) { open = nil; continue }
                    let t = DocumentText.trim(line.text)
                    if NarrativeReader.isProse(t) {
                        if let o = open {
                            section.blocks[o].text += t
                            section.blocks[o].lines = LineRange(section.blocks[o].lines?.first ?? line.number, line.number)
                        } else {
                            section.blocks.append(Block(.paragraph, t, lines: LineRange(line: line.number)))
                        }
                        open = paragraphs || DocumentText.endsSentence(t) ? nil : section.blocks.count - 1
                    } else {
                        open = nil
                        report.unrecognised.append(Fragment(text: t, lines: LineRange(line: line.number), reason: "unrecognised line in section \(h.kind.numeral)"))
                        diags.append(.warning("line not recognised as part of the table of section \(h.kind.numeral); kept as an unrecognised fragment",
                                              code: "read.unrecognised", file: fileName, line: line.number, column: 1))
                    }
                }
                if !report.tables.contains(where: { $0.id == table }) {
                    let range = headLine...(body.last?.number ?? headLine)
                    if !tables.diagnostics.contains(where: { $0.line.map(range.contains) ?? false }) {
                        diags.append(.warning("no table recognised in section \(h.kind.numeral) (\(h.kind.title))",
                                              code: "read.no-table", file: fileName, line: headLine, column: 1))
                    }
                }
            } else {
                section.blocks = narrative(body, h.inlineBody.map { ($0, headLine) }, &report, &diags, fileName, paragraphs: paragraphs)
            }
            report.sections.append(section)
        }
        // A row kept whole as a fragment is accounted for by the fragment, not as table content; a
        // row whose label cells alone became a fragment (its values read) stays a table row.
        for f in tables.fragments where f.lines.first == f.lines.last && !tables.partialRowLines.contains(f.lines.first) {
            let n = f.lines.first  // unit n is lines[n - 1]
            let unit = lines.indices.contains(n - 1) ? DocumentText.compactString(lines[n - 1].text) : ""
            if DocumentText.compactString(f.text) == unit || document.tableRow(ofUnit: f.lines.first) == nil {
                tableLines.remove(f.lines.first)
            }
        }
        for f in tables.fragments where f.lines.first != f.lines.last {
            tableLines.subtract(f.lines.first...f.lines.last)
        }

        // Missing sections.
        if headings.isEmpty {
            diags.append(.error("no section headings found (expected 一、\(SectionKind.overview.title) … 六、\(SectionKind.otherMatters.title)); no tables read",
                                code: "read.no-sections", file: fileName, line: 1, column: 1))
        } else {
            let found = Set(headings.map(\.kind))
            for kind in SectionKind.allCases where !found.contains(kind) {
                let next = headings.first { $0.kind.rawValue > kind.rawValue }
                let at = next.map { lines[$0.index].number } ?? (lines.last?.number ?? 1)
                diags.append(.warning("section \(kind.numeral)、\(kind.title) not found", code: "read.missing-section",
                                      file: fileName, line: at, column: 1))
            }
            if !headings.contains(where: { $0.kind.table != nil }) {
                diags.append(.error("no statistical tables: sections 二, 三 and 四 are missing", code: "read.no-tables",
                                    file: fileName, line: lines[headings[0].index].number, column: 1))
            }
        }

        // Metadata.
        var md = report.metadata
        md.title = tb.title
        md.agency = tb.agency
        md.year = tb.year
        md.publicationDate = tb.date ?? closingDate
        md.edition = tables.edition
        md.source?.layout = tables.layout
        md.incomplete = tables.incomplete || headings.last?.kind != .otherMatters
        let preTexts = report.preamble.map(\.text)
        let overview = report.section(.overview)?.blocks.map(\.text) ?? []
        let firstLine = pre.first { !DocumentText.isBlank($0.text) }?.number ?? 1
        if md.agency == nil {
            let closingAgency = report.closing.first { DocumentText.isAgencyLine($0.text) }?.text
            let fromPreamble = MetadataReader.inferAgency(preTexts + overview, candidatesFrom: preTexts)
            let fromBody = fromPreamble == nil ? MetadataReader.inferAgency(overview, candidatesFrom: overview) : nil
            if let a = fromPreamble ?? closingAgency ?? fromBody {
                md.agency = a
                let whence = a == fromPreamble ? "preamble" : a == closingAgency ? "signature" : "text of section 一"
                diags.append(.warning("agency \"\(a)\" inferred from the \(whence), not read from a title",
                                      code: "read.metadata-inferred", file: fileName, line: firstLine, column: 1))
            } else {
                diags.append(.warning("agency not found (no title line names it)", code: "read.metadata-missing", file: fileName, line: firstLine, column: 1))
            }
        }
        if md.year == nil {
            if let y = MetadataReader.inferYear(preTexts, overview) {
                md.year = y
                diags.append(.warning("report year \(y) inferred from the text, not read from a title",
                                      code: "read.metadata-inferred", file: fileName, line: firstLine, column: 1))
            } else {
                diags.append(.warning("report year not found", code: "read.metadata-missing", file: fileName, line: firstLine, column: 1))
            }
        }
        report.metadata = md
        report.unrecognised.sort { ($0.lines.first, $0.lines.last) < ($1.lines.first, $1.lines.last) }

        let sorted = diags.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        return finish(TextReading(document: document, result: ReadResult(report: report, diagnostics: sorted), lines: lines,
                           metadataLines: metadataLines, tableLines: tableLines))
    }

    /// The blocks of a narrative region. Lines that look like table cells — a tab between two
    /// cells, or a bare number — are not prose: each becomes an unrecognised fragment with a
    /// warning, and no paragraph runs across it.
    private static func narrative(_ lines: [SourceLine], _ firstBody: (String, Int)?, _ report: inout Report,
                                  _ diags: inout [Diagnostic], _ fileName: String, paragraphs: Bool) -> [Block] {
        var blocks: [Block] = []
        var chunkStart = 0  // the prose lines since the last table-like line (shared when there is none)
        var first = firstBody.map { (text: $0.0, line: $0.1) }
        for (k, line) in lines.enumerated() where !DocumentText.isBlank(line.text) {
            let t = DocumentText.trim(line.text)
            if isTableLike(t) {
                blocks += NarrativeReader.blocks(Array(lines[chunkStart..<k]), firstBody: first, wholeParagraphs: paragraphs); chunkStart = k + 1; first = nil
                report.unrecognised.append(Fragment(text: t, lines: LineRange(line: line.number), reason: "table-like line outside a table section"))
                diags.append(.warning("table-like line outside sections 二, 三, 四; kept as an unrecognised fragment",
                                      code: "read.unrecognised", file: fileName, line: line.number, column: 1))
            }
        }
        return blocks + NarrativeReader.blocks(chunkStart == 0 ? lines : Array(lines[chunkStart...]), firstBody: first, wholeParagraphs: paragraphs)
    }

    /// A tab between two cells, or a short bare number ("0", "12901", "-58", "０").
    static func isTableLike(_ trimmed: String) -> Bool {
        if ByteSearch.contains(0x09, in: trimmed) { return true }
        // One pass over the compact (folded, spaces dropped) text, stopping at its 13th scalar or
        // at the first that is not part of a number: long prose costs nothing.
        var count = 0, digit = false
        for u in trimmed.unicodeScalars {
            let f = DocumentText.fold(u)
            if DocumentText.isSpace(f) { continue }
            count += 1
            guard count <= 12 else { return false }
            if DocumentText.digit(f) != nil { digit = true; continue }
            guard f == "-" || f == "+" || f == "." || f == "," else { return false }
        }
        return digit
    }

    /// Splits the trailing signature lines (agency name, date) off a section body: at most three
    /// non-blank lines at the very end, each of them a whole-line date or a short unpunctuated
    /// line ending like an agency name (without 的/是/了/在/为). Anything else stops the scan, so prose
    /// is never taken. Without a date line, the agency line must stand apart after a blank line.
    static func splitClosing(_ body: [SourceLine]) -> (body: [SourceLine], closing: [SourceLine]) {
        var cut = body.count
        var taken = 0, dated = false
        var i = body.count - 1
        while i >= 0, taken < 3 {
            let t = body[i].text
            if DocumentText.isBlank(t) { i -= 1; continue }
            let isDate = DocumentText.dateLine(t) != nil
            guard isDate || DocumentText.isAgencyLine(t) else { break }
            dated = dated || isDate
            cut = i; taken += 1; i -= 1
        }
        if taken > 0, !dated, cut > 0, !DocumentText.isBlank(body[cut - 1].text) { return (body, []) }
        // Keep at least one content line in the section when the only lines are "closing" ones.
        if taken > 0, !body[0..<cut].contains(where: { !DocumentText.isBlank($0.text) }) {
            let onlyAgency = body[cut...].allSatisfy { DocumentText.isBlank($0.text) || DocumentText.dateLine($0.text) == nil }
            if onlyAgency { return (body, []) }
        }
        return (Array(body[0..<cut]), body[cut...].filter { !DocumentText.isBlank($0.text) })
    }

    /// The number of leading units that are page chrome: those before the report's title, taken
    /// as the last title-like paragraph (with 报告 or 年报, short, no sentence punctuation, not a
    /// table row) before the first section heading; a short agency line right before it is part
    /// of the title. 0 when there is no such title.
    static func leadingChrome(_ lines: [SourceLine], _ document: SourceDocument) -> Int {
        let headings = SectionSplitter.headings(lines.lazy.map(\.text))
        let end = headings.first?.index ?? lines.count
        var title: Int?
        for k in 0..<end where !DocumentText.isBlank(lines[k].text) && document.tableRow(ofUnit: lines[k].number) == nil {
            let c = DocumentText.compactString(lines[k].text)
            if c.unicodeScalars.count <= 60, c.contains("报告") || c.contains("年报"),
               !c.unicodeScalars.contains(where: { "。；;，,：:".unicodeScalars.contains($0) }) {
                title = k
            }
        }
        guard var t = title else { return 0 }
        var p = t - 1
        while p >= 0, DocumentText.isBlank(lines[p].text) { p -= 1 }
        if p >= 0, document.tableRow(ofUnit: lines[p].number) == nil, DocumentText.isAgencyLine(lines[p].text),
           DocumentText.compactString(lines[p].text).unicodeScalars.count <= 40 {
            t = p
        }
        return t  // units 1…t are before the title (unit k+1 is at index k)
    }

    /// Resolves every unit-based place of the reading to the format's own coordinates.
    static func finish(_ reading: TextReading) -> TextReading {
        guard let doc = reading.document, !doc.unitsAreLines else { return reading }
        var r = reading
        let locator = SourceLocator(doc)
        r.result.report.mapLocations(locator.resolve)
        r.result.diagnostics = r.result.diagnostics.map(locator.resolve)
        return r
    }
}
