import Foundation

/// A source document as a format front end read it — the model between front ends and report
/// recognition (pandoc's shape: a front end knows its format and this model only; recognition
/// knows this model and the concept table only).
///
/// The document is a sequence of numbered ``SourceUnit``s in reading order (lines, paragraphs,
/// headings, table rows) and the structured ``tables`` the row units belong to. Everything a
/// front end took out (page chrome, word-processor artefacts) is accounted for in ``fragments``
/// and ``omitted``: nothing the input said is lost silently.
public struct SourceDocument: Sendable {
    public var format: SourceFormat
    /// File name, encoding, digest, line ending (the layout is filled in by recognition).
    public var info: SourceInfo
    public var units: [SourceUnit]
    /// The structured tables, in document order (``SourceTable/number`` = index + 1).
    public var tables: [SourceTable]
    /// What the front end itself found (encoding notes, artefacts, chrome left out).
    public var diagnostics: [Diagnostic]
    /// Pieces the front end cut out of units and kept verbatim (e.g. "[bookmark: _GoBack]").
    public var fragments: [Fragment]
    /// Page chrome (navigation, scripts, styles, footers, share widgets) left out of the units.
    public var omitted: OmittedContent
    /// True when the format carries page chrome around the report (a web page): recognition then
    /// counts units before the report's title as chrome instead of preamble.
    public var mayHavePageChrome: Bool
    /// Size of the source in bytes.
    public var byteCount: Int

    public init(format: SourceFormat, info: SourceInfo, units: [SourceUnit] = [], tables: [SourceTable] = [],
                diagnostics: [Diagnostic] = [], fragments: [Fragment] = [], omitted: OmittedContent = OmittedContent(),
                mayHavePageChrome: Bool = false, byteCount: Int = 0, diagnosticsName: String? = nil) {
        self.diagnosticsName = diagnosticsName ?? info.fileName
        self.format = format; self.info = info; self.units = units; self.tables = tables
        self.diagnostics = diagnostics; self.fragments = fragments; self.omitted = omitted
        self.mayHavePageChrome = mayHavePageChrome; self.byteCount = byteCount
        self.unitsAreLines = format == .text
    }

    /// True when unit *n* is line *n* of the source and places need no resolving (a text file's
    /// lines; false once a line was split into pieces, see ``SourceLocator``).
    public var unitsAreLines: Bool

    /// The units as lines for the line-based recognisers (shared storage is not possible across
    /// the two types, so this is built once per reading).
    var lines: [SourceLine] { units.map(\.sourceLine) }

    /// The table row a unit is, if it is one.
    func tableRow(ofUnit number: Int) -> (table: Int, row: Int)? {
        guard number >= 1, number <= units.count, case .tableRow(let t, let r) = units[number - 1].kind else { return nil }
        return (t, r)
    }

    /// The name diagnostics use for the document: the path as given ("-" for standard input).
    public var diagnosticsName: String
}

/// Content a front end left out of the units (page chrome), counted so that it is accounted for.
public struct OmittedContent: Sendable, Hashable {
    /// Elements left out (scripts, styles, navigation …).
    public var elements: Int
    /// Characters of text in them.
    public var characters: Int
    /// The kinds left out with their counts, e.g. "script": 12.
    public var kinds: [String: Int]

    public init(elements: Int = 0, characters: Int = 0, kinds: [String: Int] = [:]) {
        self.elements = elements; self.characters = characters; self.kinds = kinds
    }

    public var isEmpty: Bool { elements == 0 }
}
