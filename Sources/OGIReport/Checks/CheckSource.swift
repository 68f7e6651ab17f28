import Foundation

/// The source text of a canonical XML report, named by the user (`ogi check --source FILE`), for
/// the excerpts of `check`'s results. A document never makes ogi open a file: the file its own
/// `<source fileName=…>` names is not looked for (issue 9 item 4).
public enum CheckSource {
    /// The most bytes `check --source` reads (the file is refused, before it is read, when larger).
    public static let sizeLimit = 32 << 20

    /// Attaches the bytes of the source text the user named to a loaded XML input: its lines give
    /// the excerpts and `name` names it in diagnostics. Nothing is attached, and a warning naming
    /// `name` is returned, when the input is not XML (a text submission has its own lines), when
    /// the bytes are not the source the XML was read from (the document's SHA-256 differs) or
    /// cannot be decoded.
    public static func attach(_ data: Data, name: String, to input: inout CheckInputFile) -> Diagnostic? {
        guard input.isXML else {
            return .warning("--source is only used with canonical XML (the text submission checked has its own lines); ignored",
                            code: "check.source", file: name)
        }
        let expected = input.report.metadata.source?.sha256 ?? ""
        if !expected.isEmpty && expected != SHA256.hex(data) {
            return .warning("not the source the report was read from (its SHA-256 differs from the one the report records); no excerpts",
                            code: "check.source", file: name)
        }
        guard let lines = CheckInput.decodedLines(data) else {
            return .warning("cannot be decoded as a text submission; no excerpts", code: "check.source", file: name)
        }
        input.sourceLines = lines
        input.sourceName = name
        return nil
    }
}
