/// One numbered piece of a source document, in reading order: a line of text, a paragraph or
/// heading of a structured format, or one row of a source table.
///
/// Recognition (sections, metadata, narrative, tables) addresses the document by unit number,
/// and accounts for every unit; ``SourceDocument/resolve(_:)`` turns unit-based places into the
/// format's own coordinates (for text, unit *n* is line *n* and nothing changes).
public struct SourceUnit: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A line of a text file.
        case line
        /// A paragraph-level element (HTML `<p>`, `<div>` text, a DOCX paragraph).
        case paragraph
        /// A heading element (`<h1>`…`<h6>`, a DOCX heading style) with its level.
        case heading(level: Int)
        /// Row `row` (0-based) of ``SourceDocument/tables``[`table`] (0-based).
        case tableRow(table: Int, row: Int)
    }

    /// 1-based unit number (its index in ``SourceDocument/units`` plus one).
    public var number: Int
    public var kind: Kind
    /// The text, verbatim; a table row's cells are joined with tabs (its verbatim form in fragments).
    public var text: String
    /// Where the unit is in the source.
    public var range: SourceRange

    public init(number: Int, kind: Kind, text: String, range: SourceRange) {
        self.number = number; self.kind = kind; self.text = text; self.range = range
    }

    /// The unit as a line for the line-based recognisers.
    var sourceLine: SourceLine { SourceLine(number: number, text: text) }
}
