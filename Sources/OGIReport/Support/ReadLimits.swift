import Foundation

/// The limits every reader applies to untrusted input, each refused with a located one-line error
/// that names the limit and the `ogi` flag that raises it (code `limit.NAME`).
///
/// - ``maxInputBytes`` (`--max-input-mb`, 32 MB): the whole input; the CLI checks the file's size
///   before reading it and stops reading standard input past it.
/// - ``maxAttributes`` (`--max-attributes`, 64) and ``maxDepth`` (`--max-depth`, 64): attributes
///   on one element and element nesting in canonical XML, checked by a byte scan
///   (``XMLPreScan``) before libxml2 sees the document (its attribute handling is quadratic:
///   100,000 attributes took 24 s; now refused in about a millisecond).
/// - ``maxParagraphBytes`` (`--max-paragraph-kb`, 1024 KB): one line, paragraph or table cell of a
///   submission (libxml2 refuses text nodes over 10 MB, so a longer paragraph could never be written).
/// - ``maxRows`` (`--max-rows`, 10,000): rows of one table — a structured table's rows, or a run
///   of table-like lines in text.
/// - ``maxDiagnostics`` (`--max-diagnostics`, 1,000): diagnostics of one input kept; the rest are
///   summarised in one note ("… and N more warnings").
///
/// Memory, measured with `/usr/bin/time -v` (peak RSS of a release `ogi`, 2026-12-01, inputs of
/// ~10 MB made of the seed report plus many short paragraphs; an empty input takes 34 MB):
/// text `normalize` 10.0 MB → 454 MB (45× the input; 5.0 MB → 245 MB: linear, ~42 MB per MB),
/// HTML `normalize` 10.9 MB → 421 MB (39×), canonical XML `validate` 10.0 MB → 238 MB (24×),
/// `normalize`/`check` of it → 319 MB (32×). So the default 32 MB input limit bounds one input
/// at about 1.4 GB (text), where before a 19 MB text took 2 GB and a 1 GB XML more than 10 GB.
public struct ReadLimits: Sendable, Hashable {
    /// Bytes of one input.
    public var maxInputBytes: Int
    /// Attributes on one element of canonical XML.
    public var maxAttributes: Int
    /// Nesting depth of elements in canonical XML (the root is depth 1).
    public var maxDepth: Int
    /// UTF-8 bytes of one line, paragraph or cell of a submission.
    public var maxParagraphBytes: Int
    /// Rows of one table.
    public var maxRows: Int
    /// Diagnostics kept per input; more are summarised in one note.
    public var maxDiagnostics: Int

    /// The limits with their defaults (32 MB, 64 attributes, depth 64, 1024 KB, 10,000 rows, 1,000 diagnostics).
    public init(maxInputBytes: Int = 32 << 20, maxAttributes: Int = 64, maxDepth: Int = 64,
                maxParagraphBytes: Int = 1024 << 10, maxRows: Int = 10_000, maxDiagnostics: Int = 1_000) {
        self.maxInputBytes = maxInputBytes; self.maxAttributes = maxAttributes; self.maxDepth = maxDepth
        self.maxParagraphBytes = maxParagraphBytes; self.maxRows = maxRows; self.maxDiagnostics = maxDiagnostics
    }

    /// The defaults.
    public static let `default` = ReadLimits()

    /// The XML parts of a DOCX package: Word nests deeper than canonical XML (tables in tables,
    /// content controls around runs), so the depth allowed is libxml2's own default, 256.
    public static let docxParts = ReadLimits(maxDepth: 256)

    /// The one-line error for a limit exceeded: `what` says what was too large, `limit` the limit
    /// as the user sets it, `flag` the option that raises it.
    static func exceeded(_ what: String, limit: String, flag: String, name: String,
                         file: String, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        .error("\(what) (limit: \(limit); raise it with \(flag))", code: "limit.\(name)",
               file: file, line: line, column: column)
    }

    /// The input-size error for `count` bytes.
    public func inputTooLarge(_ count: Int, file: String) -> Diagnostic {
        Self.exceeded("the input has \(count) bytes", limit: "\(maxInputBytes >> 20) MB",
                      flag: "--max-input-mb", name: "input-size", file: file, line: 1)
    }

    /// The first limit a source document exceeds: a unit (line, paragraph, row) or a cell longer
    /// than ``maxParagraphBytes``, a structured table with more than ``maxRows`` rows, or a run of
    /// more than ``maxRows`` consecutive table-like lines (tab rows, bare numbers) in text.
    func violation(in document: SourceDocument) -> Diagnostic? {
        let file = document.diagnosticsName
        for unit in document.units where unit.text.utf8.count > maxParagraphBytes {
            let what: String
            switch unit.kind {
            case .line: what = "line"
            case .paragraph: what = "paragraph"
            case .heading: what = "heading"
            case .tableRow: what = "table row"
            }
            return Self.exceeded("\(what) \(unit.number) has \(unit.text.utf8.count) bytes",
                                 limit: "\(maxParagraphBytes >> 10) KB", flag: "--max-paragraph-kb", name: "paragraph",
                                 file: file, line: unit.number, column: 1)
        }
        for table in document.tables {
            if table.rows.count > maxRows {
                let unit = document.units.first { if case .tableRow(let t, let r) = $0.kind { return t == table.number - 1 && r == maxRows } else { return false } }
                return Self.exceeded("table \(table.number) has \(table.rows.count) rows", limit: "\(maxRows) rows",
                                     flag: "--max-rows", name: "rows", file: file, line: unit?.number)
            }
            for row in table.rows {
                if let cell = row.cells.first(where: { $0.text.utf8.count > maxParagraphBytes }) {
                    return Self.exceeded("a cell of table \(table.number) has \(cell.text.utf8.count) bytes",
                                         limit: "\(maxParagraphBytes >> 10) KB", flag: "--max-paragraph-kb",
                                         name: "paragraph", file: file)
                }
            }
        }
        if document.tables.isEmpty {
            var run = 0
            for unit in document.units {
                if DocumentText.isBlank(unit.text) { continue }
                run = ReportRecognizer.isTableLike(DocumentText.trim(unit.text)) ? run + 1 : 0
                if run > maxRows {
                    return Self.exceeded("a table runs past \(maxRows) rows at line \(unit.number)",
                                         limit: "\(maxRows) rows", flag: "--max-rows", name: "rows",
                                         file: file, line: unit.number, column: 1)
                }
            }
        }
        return nil
    }

    /// `diagnostics` with at most ``maxDiagnostics`` kept (errors first, then in order) and, when
    /// some were dropped, one note saying how many of each severity ("… and 999000 more warnings").
    public func capped(_ diagnostics: [Diagnostic], file: String) -> [Diagnostic] {
        guard diagnostics.count > maxDiagnostics else { return diagnostics }
        let errors = diagnostics.indices.filter { diagnostics[$0].severity == .error }
        var keep = Set(errors.prefix(maxDiagnostics))
        for i in diagnostics.indices where keep.count < maxDiagnostics { keep.insert(i) }
        var dropped: [Severity: Int] = [:]
        var kept: [Diagnostic] = []
        for (i, d) in diagnostics.enumerated() {
            if keep.contains(i) { kept.append(d) } else { dropped[d.severity, default: 0] += 1 }
        }
        let parts = dropped.sorted { $0.key > $1.key }.map { "\($0.value) more \($0.key.rawValue)\($0.value == 1 ? "" : "s")" }
        kept.append(Diagnostic(.note, "… and " + parts.joined(separator: ", ") + " (the limit is \(maxDiagnostics) diagnostics per input; raise it with --max-diagnostics)",
                               code: "limit.diagnostics", file: file))
        return kept
    }
}
