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
    /// True when the bytes start (after a BOM and whitespace) with `<` — an XML declaration or a
    /// root element. Text submissions never start with markup.
    public static func isXML(_ data: Data) -> Bool {
        var i = data.startIndex
        if data.count >= 3, data[i] == 0xEF, data[i + 1] == 0xBB, data[i + 2] == 0xBF { i += 3 }
        while i < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[i]) { i += 1 }
        return i < data.endIndex && data[i] == UInt8(ascii: "<")
    }

    /// Reads the input.
    /// - Parameters:
    ///   - fileName: the name used in diagnostics (a path, or "-" for standard input); for XML,
    ///     the source file named in the metadata is looked for next to it, for excerpts.
    /// - Throws: ``DiagnosticError`` when the reader gives up (not XML-valid, not decodable).
    public static func load(_ data: Data, fileName: String) throws -> CheckInputFile {
        if isXML(data) {
            let report = try CanonicalXML.read(data, fileName: fileName)
            var lines: [String]?
            let source = report.metadata.source?.fileName
            if let s = source, s != "-", fileName != "-" {
                let dir = URL(fileURLWithPath: fileName).deletingLastPathComponent()
                let candidate = dir.appendingPathComponent((s as NSString).lastPathComponent)
                if let d = try? Data(contentsOf: candidate) { lines = self.lines(d) }
            }
            return CheckInputFile(report: report, diagnostics: [], isXML: true, sourceName: source == "-" ? nil : source,
                                  sourceLines: lines)
        }
        let result = try TextReportReader.read(data, fileName: fileName)
        return CheckInputFile(report: result.report, diagnostics: result.diagnostics, isXML: false,
                              sourceName: fileName, sourceLines: lines(data))
    }

    /// The lines of UTF-8 text (a BOM dropped; LF, CRLF and CR end lines), or nil when the
    /// bytes are not UTF-8 (then no excerpts are shown).
    public static func lines(_ data: Data) -> [String]? {
        guard String(data: data, encoding: .utf8) != nil else { return nil }
        let bytes = [UInt8](data)
        var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var out: [String] = []
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                out.append(String(decoding: bytes[start..<i], as: UTF8.self))
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { out.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self)) }
        return out
    }
}
