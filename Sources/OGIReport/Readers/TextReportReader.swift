import Foundation

/// What a reader produced: the report and the located diagnostics about the source.
public struct ReadResult: Sendable {
    public var report: Report
    public var diagnostics: [Diagnostic]

    public init(report: Report, diagnostics: [Diagnostic] = []) {
        self.report = report; self.diagnostics = diagnostics
    }
}

/// Reads a text submission (any of the three layouts) into a ``Report``.
///
/// STUB: the readers helper replaces the body; the signature is the contract.
public enum TextReportReader {
    /// Decodes the bytes, detects layout and edition, and builds the report.
    /// - Throws: ``DiagnosticError`` when the bytes cannot be decoded as text at all.
    public static func read(_ data: Data, fileName: String = "-") throws -> ReadResult {
        throw DiagnosticError(.error("text reader not implemented yet", file: fileName))
    }
}
