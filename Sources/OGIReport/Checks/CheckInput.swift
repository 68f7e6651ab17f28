import Foundation

/// A file to check, loaded: its report and what is known about the source text the cell
/// positions refer to.
public struct CheckInputFile: Sendable {
    public var report: Report
    /// Diagnostics from reading a text submission (none for canonical XML).
    public var diagnostics: [Diagnostic]
    /// True when the input was canonical XML.
    public var isXML: Bool
    /// The name of the text the cell positions refer to: the submission itself, or for XML the
    /// source named in its metadata (nil when unknown).
    public var sourceName: String?
    /// That text's lines, when at hand (for excerpts).
    public var sourceLines: [String]?
}

/// Loads the input of `ogi check`: canonical XML or a raw text submission, told apart by
/// content (an XML declaration or a root element), never by file extension.
public enum CheckInput {
    /// True when the bytes are canonical XML (sniffed by content, ``ReaderRegistry/sniff(_:)``:
    /// UTF-8 or UTF-16, with or without a BOM); HTML and text starting with `<` are not.
    public static func isXML(_ data: Data) -> Bool { ReaderRegistry.sniff(data) == .canonicalXML }

    /// Reads the input.
    /// - Parameters:
    ///   - fileName: the name used in diagnostics (a path, or "-" for standard input). For XML no
    ///     other file is ever opened (not even the source its metadata names): excerpts need the
    ///     source text the user names, see ``CheckSource/attach(_:name:to:)``.
    ///   - limits: the input limits (``ReadLimits``).
    /// - Throws: ``DiagnosticError`` when the reader gives up (not XML-valid, not decodable, over a limit).
    public static func load(_ data: Data, fileName: String, limits: ReadLimits = .default) throws -> CheckInputFile {
        if isXML(data) {
            let report = try CanonicalXML.read(data, fileName: fileName, limits: limits)
            let source = report.metadata.source?.fileName
            return CheckInputFile(report: report, diagnostics: [], isXML: true, sourceName: source == "-" ? nil : source,
                                  sourceLines: nil)
        }
        let reading = try ReaderRegistry.read(data, fileName: fileName, limits: limits)
        return CheckInputFile(report: reading.result.report, diagnostics: reading.result.diagnostics, isXML: false,
                              sourceName: fileName, sourceLines: numbered(reading.lines))
    }

    /// The decoded lines of a submission in any encoding the readers accept, or nil.
    static func decodedLines(_ data: Data) -> [String]? {
        guard let d = try? TextDecoder.decode(data) else { return nil }
        return numbered(d.lines)
    }

    /// Lines placed at their numbers (line n at index n − 1).
    static func numbered(_ lines: [SourceLine]) -> [String] {
        var out: [String] = []
        for l in lines where l.number >= 1 {
            while out.count < l.number - 1 { out.append("") }
            if out.count == l.number - 1 { out.append(l.text) }
        }
        return out
    }
}
