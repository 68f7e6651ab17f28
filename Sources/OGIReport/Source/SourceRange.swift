/// Where something is in a source document: the one location type of ogi, used by cells,
/// blocks, fragments, tables and diagnostics alike.
///
/// A range always has the coordinates its format can give, and only those:
/// - text and HTML: source lines ``first``…``last`` (1-based, inclusive) and, for text, the
///   1-based column (Unicode scalars) of the first character in ``first``;
/// - structured tables (HTML, DOCX): ``grid`` — table T, row R, cell C of the source's own
///   tables, counted in document order;
/// - DOCX: ``paragraph`` N (1-based, body paragraphs in document order), with no lines;
/// - PDF: ``page`` P and the ``box`` on it.
///
/// `first == 0` means "no line" (a format without lines); `column == 0` means "no column".
/// ``SourcePosition`` (a point) and ``LineRange`` (lines) are the same type, named for how a
/// place is used.
public struct SourceRange: Sendable, Hashable, Codable, Comparable {
    /// First source line, 1-based (0: the format has no lines).
    public var first: Int
    /// Last source line, inclusive (≥ ``first``).
    public var last: Int
    /// 1-based column of the first character in line ``first`` (0: not known).
    public var column: Int
    /// Table / row / cell in the source's own table grids (HTML, DOCX, PDF), when the place is a cell or a row.
    public var grid: GridLocation?
    /// Paragraph number (DOCX: body paragraphs in document order), when the format counts paragraphs.
    public var paragraph: Int?
    /// Page number (PDF), 1-based.
    public var page: Int?
    /// The box on ``page`` (PDF points, origin top left).
    public var box: PageBox?

    /// Lines `first`…`last` (a range of lines, no column).
    public init(_ first: Int, _ last: Int) {
        self.first = first; self.last = max(first, last); self.column = 0
    }

    /// One line, optionally a column in it.
    public init(line: Int, column: Int = 0) {
        self.first = line; self.last = line; self.column = column
    }

    /// A place with the coordinates of a structured format (no line when `line` is 0).
    public init(line: Int = 0, lastLine: Int? = nil, column: Int = 0, grid: GridLocation? = nil,
                paragraph: Int? = nil, page: Int? = nil, box: PageBox? = nil) {
        self.first = line; self.last = max(line, lastLine ?? line); self.column = column
        self.grid = grid; self.paragraph = paragraph; self.page = page; self.box = box
    }

    /// The first line (the point's line).
    public var line: Int { first }

    /// True when the range has a line.
    public var hasLine: Bool { first > 0 }

    /// The smallest range holding both (lines joined; the other coordinates of `self` kept).
    public func union(_ other: SourceRange) -> SourceRange {
        guard hasLine else { return other }
        guard other.hasLine else { return self }
        var r = self
        if other.first < first { r.first = other.first; r.column = other.column }
        r.last = max(last, other.last)
        return r
    }

    public static func < (a: SourceRange, b: SourceRange) -> Bool {
        (a.first, a.column) < (b.first, b.column)
    }

    /// A short human form: `12:5`, `12-14`, `table 2 row 5 cell 3`, `paragraph 7`, `page 3`.
    public var description: String {
        var parts: [String] = []
        if hasLine { parts.append(last > first ? "\(first)-\(last)" : column > 0 ? "\(first):\(column)" : "\(first)") }
        if let p = paragraph { parts.append("paragraph \(p)") }
        if let g = grid { parts.append(g.description) }
        if let p = page { parts.append("page \(p)") }
        return parts.joined(separator: " ")
    }
}

/// A point in a source text (line, column): a ``SourceRange`` of one line.
public typealias SourcePosition = SourceRange

/// A range of source lines: a ``SourceRange`` without a column.
public typealias LineRange = SourceRange

/// Table T, row R, cell C (all 1-based) of a source document's own tables, in document order;
/// R and C count the rows and cells as the source wrote them (a spanning cell is one cell).
public struct GridLocation: Sendable, Hashable, Codable {
    public var table: Int
    public var row: Int
    /// 0 for a whole row.
    public var cell: Int

    public init(table: Int, row: Int, cell: Int = 0) { self.table = table; self.row = row; self.cell = cell }

    /// `table 2 row 5 cell 3`, or `table 2 row 5` for a row.
    public var description: String { "table \(table) row \(row)" + (cell > 0 ? " cell \(cell)" : "") }

    /// The XML form: `T.R.C` or `T.R`.
    public var token: String { "\(table).\(row)" + (cell > 0 ? ".\(cell)" : "") }

    /// Parses ``token``.
    public init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        table = parts[0]!; row = parts[1]!; cell = parts.count == 3 ? parts[2]! : 0
    }
}

/// A box on a PDF page, in points from the top left corner.
public struct PageBox: Sendable, Hashable, Codable {
    public var x0: Double, y0: Double, x1: Double, y1: Double
    public init(x0: Double, y0: Double, x1: Double, y1: Double) { self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1 }
}
