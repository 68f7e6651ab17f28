import Foundation

/// The result of normalizing one submission (`ogi normalize`).
public struct NormalizeResult: Sendable {
    /// The report read (nil when the bytes could not be decoded at all).
    public var report: Report?
    /// The canonical XML's UTF-8 bytes, when a report was read and the XML passed the schema.
    public var xmlBytes: [UInt8]?
    /// ``xmlBytes`` as a String.
    public var xml: String? { xmlBytes.map { String(decoding: $0, as: UTF8.self) } }
    /// Diagnostics about the source (reader warnings and errors).
    public var diagnostics: [Diagnostic]
    /// Schema errors in our own output: non-empty means a bug in ogi, and `xml` is nil.
    public var schemaErrors: [Diagnostic]

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// True when any diagnostic is a warning.
    public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }
}

/// A submission in any readable format (``ReaderRegistry``) → canonical XML, validated against the schema before it is handed out.
public enum Normalizer {
    /// Reads `data`, writes the report as canonical XML and validates that XML.
    /// `limits` apply to the input (``ReadLimits``).
    public static func normalize(_ data: Data, fileName: String = "-", limits: ReadLimits = .default) -> NormalizeResult {
        let read: ReadResult
        do {
            if ReaderRegistry.sniff(data) == .canonicalXML {
                read = ReadResult(report: try CanonicalXML.read(data, fileName: fileName, limits: limits))
            } else {
                read = try ReaderRegistry.read(data, fileName: fileName, limits: limits).result
            }
        } catch let e as DiagnosticError {
            return NormalizeResult(report: nil, xmlBytes: nil, diagnostics: e.diagnostics, schemaErrors: [])
        } catch {
            return NormalizeResult(report: nil, xmlBytes: nil, diagnostics: [.error("\(error)", file: fileName)], schemaErrors: [])
        }
        let xml = CanonicalXML.writeBytes(read.report)
        let outName = fileName == "-" ? "-" : PathName.stem(fileName) + ".xml"
        let schema = SchemaValidator.shared.validateOwnOutput(xml, fileName: outName)
        let failed = schema.filter { $0.severity == .error }
        return NormalizeResult(report: read.report, xmlBytes: failed.isEmpty ? xml : nil, diagnostics: read.diagnostics, schemaErrors: failed)
    }
}
