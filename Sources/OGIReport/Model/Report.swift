import Foundation

/// One annual report on open government information work, in canonical form.
///
/// Readers build it, the canonical XML writer and reader round-trip it, checks read it and
/// template writers print it. Nothing the source said is lost: what no reader understood is
/// kept verbatim in ``unrecognised``.
public struct Report: Sendable, Hashable {
    public var metadata: Metadata
    /// Paragraphs before section 一 (a preamble), verbatim.
    public var preamble: [Block]
    /// The sections found, in source order (normally the six, 一 … 六).
    public var sections: [Section]
    /// The statistical tables found.
    public var tables: [StatTable]
    /// Lines after the last section that close the report (signature, date), verbatim.
    public var closing: [Block]
    /// Source fragments no reader understood, verbatim with their line ranges.
    public var unrecognised: [Fragment]
    /// Consistency-check results, when they are embedded in the canonical XML.
    public var checks: [CheckResult]

    public init(metadata: Metadata = Metadata(), preamble: [Block] = [], sections: [Section] = [],
                tables: [StatTable] = [], closing: [Block] = [], unrecognised: [Fragment] = [],
                checks: [CheckResult] = []) {
        self.metadata = metadata; self.preamble = preamble; self.sections = sections; self.tables = tables
        self.closing = closing; self.unrecognised = unrecognised; self.checks = checks
    }

    /// The table with this id, if present.
    public func table(_ id: TableID) -> StatTable? { tables.first { $0.id == id } }

    /// The cell of a concept, if its table is present and has it.
    public func cell(_ concept: ConceptID) -> CellValue? {
        guard let c = ConceptTable.byID[concept] else { return nil }
        return table(c.table)?.cell(concept)
    }

    /// The section of this kind, if present.
    public func section(_ kind: SectionKind) -> Section? { sections.first { $0.kind == kind } }

    /// Applies `f` to every source place in the report (blocks, sections, tables, cells,
    /// fragments, check references).
    public mutating func mapLocations(_ f: (SourceRange) -> SourceRange) {
        func blocks(_ list: inout [Block]) { for i in list.indices { list[i].lines = list[i].lines.map(f) } }
        blocks(&preamble); blocks(&closing)
        for s in sections.indices {
            blocks(&sections[s].blocks)
            // A format without lines (DOCX: paragraphs) leaves the section without a line.
            sections[s].line = sections[s].line.flatMap { let r = f(SourceRange(line: $0)); return r.hasLine ? r.first : nil }
        }
        for t in tables.indices {
            tables[t].lines = tables[t].lines.map(f)
            for c in tables[t].cells.indices { tables[t].cells[c].position = tables[t].cells[c].position.map(f) }
        }
        for i in unrecognised.indices { unrecognised[i].lines = f(unrecognised[i].lines) }
        for i in checks.indices {
            for c in checks[i].cells.indices { checks[i].cells[c].position = checks[i].cells[c].position.map(f) }
        }
    }
}

/// Facts about the report and its source.
public struct Metadata: Sendable, Hashable {
    /// The agency that publishes the report, e.g. "番禺区卫生健康局".
    public var agency: String?
    /// The calendar year the report covers.
    public var year: Int?
    /// The title as written (lines of a split title joined), verbatim.
    public var title: String?
    /// Publication date, ISO 8601 (yyyy-mm-dd).
    public var publicationDate: String?
    /// The table edition (detected from the table headers).
    public var edition: Edition?
    /// Where the report came from, when it was read from a submission.
    public var source: SourceInfo?
    /// True when the source ended before the report did (a partial report).
    public var incomplete: Bool
    /// What a writer prefilled rather than read (e.g. carry-over from last year's report).
    public var notes: [String]

    public init(agency: String? = nil, year: Int? = nil, title: String? = nil, publicationDate: String? = nil,
                edition: Edition? = nil, source: SourceInfo? = nil, incomplete: Bool = false, notes: [String] = []) {
        self.agency = agency; self.year = year; self.title = title; self.publicationDate = publicationDate
        self.edition = edition; self.source = source; self.incomplete = incomplete; self.notes = notes
    }
}

/// The layout a submission's tables were in.
public enum SourceLayout: String, Sendable, Hashable, CaseIterable, Codable {
    /// One table row per line, cells separated by tabs.
    case tabRows = "tab-rows"
    /// One cell per line; a blank line ends a row.
    case cellPerLine = "cell-per-line"
    /// One table row per line, cells separated by spaces: a label, then the row's numbers (what
    /// PDF text extractors such as pdfplumber or `pdftotext` give).
    case spaceRows = "space-rows"
    /// One table row per line, cells between `|` (markdown pipe tables, `a | b | c` copies);
    /// `|---|` rule lines are row breaks.
    case pipeRows = "pipe-rows"
    /// Cells concatenated with nothing between them ("规章000规范性文件898989", a crawler's text of
    /// a web table): labels cut apart by the concept table, runs of digits split by the table's
    /// shape and arithmetic where exactly one split fits (see the `table.glued-*` diagnostics).
    case gluedCells = "glued-cells"
    /// Cells of a structured table (HTML `<table>`, DOCX `w:tbl`): rows and spans as the format wrote them.
    case grid
    /// Tables in more than one layout.
    case mixed
    /// No table was found.
    case none
}

/// The submission a report was read from.
public struct SourceInfo: Sendable, Hashable {
    /// The file name (last path component), or "-" for standard input.
    public var fileName: String
    public var layout: SourceLayout
    /// The detected text encoding: "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "GB18030".
    public var encoding: String
    /// SHA-256 of the source bytes, lowercase hex.
    public var sha256: String
    /// Line ending seen: "LF", "CRLF", "CR" or "mixed".
    public var lineEnding: String
    /// The format the source was read as (schema 1.1; text when absent).
    public var format: SourceFormat
    /// Page chrome the reader left out: elements (scripts, navigation, footers …) and blocks
    /// before the report's title, counted so that nothing is dropped silently (schema 1.1).
    public var omittedBlocks: Int
    /// Characters of text in ``omittedBlocks``.
    public var omittedCharacters: Int

    public init(fileName: String, layout: SourceLayout, encoding: String, sha256: String, lineEnding: String = "LF",
                format: SourceFormat = .text, omittedBlocks: Int = 0, omittedCharacters: Int = 0) {
        self.fileName = fileName; self.layout = layout; self.encoding = encoding; self.sha256 = sha256
        self.lineEnding = lineEnding; self.format = format
        self.omittedBlocks = omittedBlocks; self.omittedCharacters = omittedCharacters
    }

    /// The last path component of a file name ("-" for standard input).
    public static func baseName(_ fileName: String) -> String {
        fileName == "-" ? "-" : PathName.lastComponent(fileName)
    }
}

/// One of the six sections.
public struct Section: Sendable, Hashable {
    public var kind: SectionKind
    /// The heading as written in the source (e.g. "1、 总体情况"), or the official one.
    public var heading: String
    /// Source line of the heading.
    public var line: Int?
    /// Sub-headings and paragraphs, in order. Tables are in ``Report/tables``.
    public var blocks: [Block]

    public init(kind: SectionKind, heading: String? = nil, line: Int? = nil, blocks: [Block] = []) {
        self.kind = kind; self.heading = heading ?? kind.heading; self.line = line; self.blocks = blocks
    }
}

/// A sub-heading or a paragraph of prose, verbatim.
public struct Block: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A sub-heading such as "（一）主动公开".
        case heading
        case paragraph
    }
    public var kind: Kind
    public var text: String
    /// The source lines the block came from.
    public var lines: LineRange?

    public init(_ kind: Kind, _ text: String, lines: LineRange? = nil) {
        self.kind = kind; self.text = text; self.lines = lines
    }
}

/// A source fragment no reader understood, kept verbatim.
public struct Fragment: Sendable, Hashable {
    public var text: String
    public var lines: LineRange
    /// Why it was not understood.
    public var reason: String

    public init(text: String, lines: LineRange, reason: String) {
        self.text = text; self.lines = lines; self.reason = reason
    }
}

/// One statistical table: the cells of its concepts, in canonical concept order.
public struct StatTable: Sendable, Hashable {
    public var id: TableID
    /// The source lines the table spanned.
    public var lines: LineRange?
    public var cells: [CellValue]

    public init(id: TableID, lines: LineRange? = nil, cells: [CellValue] = []) {
        self.id = id; self.lines = lines; self.cells = cells
    }

    /// The cell of a concept.
    public func cell(_ concept: ConceptID) -> CellValue? { cells.first { $0.concept == concept } }

    /// Sorts cells into canonical concept order.
    public mutating func sortCells() {
        cells.sort { (ConceptTable.order[$0.concept] ?? .max) < (ConceptTable.order[$1.concept] ?? .max) }
    }
}
