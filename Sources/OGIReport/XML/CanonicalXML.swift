import Foundation

/// The canonical XML form of a ``Report`` (see `Schema/README.md`).
///
/// The XML is described by an XSD 1.0 (``SchemaGenerator/xsd``) generated from ``ConceptTable``;
/// ``write(_:)`` produces it deterministically and ``read(_:fileName:)`` validates it with libxml2
/// before building the model, so `read(write(m)) == m` for every canonical model `m`
/// (cells in ``ConceptTable/order``, tables in ``TableID`` order, text without characters XML 1.0
/// forbids).
public enum CanonicalXML {
    /// The schema version written in the root's `schemaVersion` attribute (`MAJOR.MINOR`).
    /// Minor versions only add optional things; the major version is in ``namespace``.
    public static let schemaVersion = "1.2"
    /// The target namespace; it carries the schema's major version.
    public static let namespace = "urn:ogi:annual-report:1"

    /// Writes a report as canonical XML: deterministic (byte-identical for equal models), UTF-8,
    /// LF line ends, 2-space indent, an XML declaration and a final newline.
    ///
    /// Cells are written in ``ConceptTable/order`` and tables in ``TableID`` order, so two models
    /// that differ only in that order give the same bytes. Text is escaped; a carriage return is
    /// written as `&#13;` (and tab/newline in attributes as `&#9;`/`&#10;`) so it survives parsing.
    /// Characters that XML 1.0 does not allow at all (C0 controls other than tab, LF and CR;
    /// U+FFFE; U+FFFF) cannot be represented and are written as U+FFFD REPLACEMENT CHARACTER.
    /// A report whose tables are present but whose ``Metadata/edition`` is nil, or whose values
    /// break the schema (a negative count, an unknown concept …), is still written, and the
    /// result fails validation, naming the problem.
    public static func write(_ report: Report) -> String {
        String(decoding: writeBytes(report), as: UTF8.self)
    }

    /// ``write(_:)``'s UTF-8 bytes, without making a String of them.
    public static func writeBytes(_ report: Report) -> [UInt8] {
        CanonicalXMLWriter.write(report)
    }

    /// The report in canonical order, as ``read(_:fileName:)`` gives it back after ``write(_:)``:
    /// tables in ``TableID`` order, cells in ``ConceptTable/order`` (both stable).
    public static func canonicalOrder(_ report: Report) -> Report {
        var r = report
        r.tables = CanonicalXMLWriter.sortedTables(r.tables)
        for i in r.tables.indices { r.tables[i].cells = CanonicalXMLWriter.sortedCells(r.tables[i].cells) }
        return r
    }

    /// Parses and validates canonical XML, then builds the report.
    ///
    /// The document is parsed by libxml2 without network access, entity substitution or DTD
    /// loading; any DOCTYPE is refused. It must be valid against the schema and its semantic
    /// rules (see ``SchemaValidator``).
    /// - Throws: ``DiagnosticError`` with located diagnostics (file, line, element) when the
    ///   document is not well-formed or not valid.
    ///   `limits` (input size, attributes, depth) are checked before the document is parsed.
    public static func read(_ data: Data, fileName: String = "-", limits: ReadLimits = .default) throws -> Report {
        try CanonicalXMLReader.read(data, fileName: fileName, limits: limits)
    }
}

/// Element and attribute names of the canonical XML, shared by the schema generator, the writer,
/// the reader and the semantic checks.
enum XMLName {
    static let report = "report"
    static let metadata = "metadata"
    static let agency = "agency"
    static let year = "year"
    static let title = "title"
    static let publicationDate = "publicationDate"
    static let source = "source"
    static let note = "note"
    static let preamble = "preamble"
    static let section = "section"
    static let closing = "closing"
    static let unrecognised = "unrecognised"
    static let fragment = "fragment"
    static let checks = "checks"
    static let check = "check"
    static let formula = "formula"
    static let message = "message"
    static let ref = "ref"

    /// The element holding the tables of one edition, e.g. `tables2021`.
    static func tables(_ edition: Edition) -> String { "tables" + edition.rawValue }
    /// The element of one table (`t1`, `t2`, `t3`).
    static func table(_ id: TableID) -> String { id.rawValue }
    /// The element of a block kind (`heading`, `paragraph`).
    static func block(_ kind: Block.Kind) -> String { kind.rawValue }

    /// The element of a cell of a given value kind.
    static func cell(_ kind: ValueKind) -> String { cellElement(kind).description }

    /// The element of a cell of a given value kind, for comparing with libxml2's names in place
    /// (``XMLNode/isNamed(_:_:)``).
    static func cellElement(_ kind: ValueKind) -> StaticString {
        switch kind {
        case .count: return "count"
        case .signedCount: return "signedCount"
        case .amountWan: return "amountWan"
        case .amountWithUnit: return "amountUnit"
        }
    }

    /// Every cell element name with its kind.
    static let cellKinds: [(String, ValueKind)] = [ValueKind.count, .signedCount, .amountWan, .amountWithUnit]
        .map { (cell($0), $0) }
}
