/// What the table readers found in a report's table sections.
public struct TablesReadResult: Sendable {
    /// The tables found (cells in canonical concept order).
    public var tables: [StatTable] = []
    /// The edition detected from the table headers/rows; nil when no table decided it.
    public var edition: Edition?
    /// The layout the tables were in.
    public var layout: SourceLayout = .none
    /// Numbers of the lines that the tables consumed (captions, headers, labels, values, notes).
    public var consumedLines: Set<Int> = []
    /// Lines inside a table that could not be mapped (unknown row, extra cells …), kept verbatim.
    public var fragments: [Fragment] = []
    /// Located diagnostics (file name already filled in).
    public var diagnostics: [Diagnostic] = []
    /// True when a table was cut off (the input ended mid-table).
    public var incomplete = false

    public init() {}
}

/// Reads the statistical tables of a submission, whatever their layout (tab rows, one cell per
/// line) and edition (2019 "2024-style" with the added columns, 2021).
///
/// STUB: the tables helper replaces the body; the signature is the contract with the
/// document reader (``TextReportReader``).
public enum TablesReader {
    /// - Parameters:
    ///   - bodies: for each table, the lines of its section body (after the section heading, up to
    ///     the next section heading), blank lines included.
    ///   - fileName: the name used in diagnostics.
    public static func read(bodies: [TableID: [SourceLine]], fileName: String) -> TablesReadResult {
        TablesReadResult()
    }
}
