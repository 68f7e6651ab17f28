import Foundation

/// Reads a text submission (any of its layouts) into a ``Report``: ``TextFrontEnd`` then
/// ``ReportRecognizer``.
public enum TextReportReader {
    /// Decodes the bytes, detects layout and edition, and builds the report.
    /// - Throws: ``DiagnosticError`` when the bytes cannot be decoded as text at all.
    public static func read(_ data: Data, fileName: String = "-") throws -> ReadResult {
        try readDetailed(data, fileName: fileName).result
    }

    /// ``read(_:fileName:)`` with the line bookkeeping.
    public static func readDetailed(_ data: Data, fileName: String = "-") throws -> TextReading {
        ReportRecognizer.recognize(try TextFrontEnd.read(data, fileName: fileName))
    }
}
