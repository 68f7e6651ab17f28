import Foundation

/// A ``ReadResult`` with the bookkeeping needed to account for every source unit (for text, every
/// line): the units, the lines read as metadata (title, date under the title) and the lines the table
/// readers consumed. Everything else is in the report's blocks, closing and fragments.
public struct TextReading: Sendable {
    /// The source document the report was recognised from (units, structured tables).
    public var document: SourceDocument?
    public var result: ReadResult
    /// The document's units as lines (for text: the decoded source lines).
    public var lines: [SourceLine]
    /// Lines read into ``Metadata`` only (the title lines and a date line under the title).
    public var metadataLines: Set<Int>
    /// Lines the table readers consumed.
    public var tableLines: Set<Int>
}
