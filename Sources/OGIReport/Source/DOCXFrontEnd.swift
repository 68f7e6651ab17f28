import CLibXML2
import Foundation

/// The DOCX front end: a Word or WPS document (Office Open XML) → ``SourceDocument``.
///
/// - The package is opened in memory with ZIPFoundation under ``DOCXLimits`` (size, entry count,
///   compression ratio: a zip bomb is refused before it inflates); only the main document, its
///   relationships, `numbering.xml` and `styles.xml` are read. External relationships
///   (`TargetMode="External"`) are counted in a note and never followed; nothing outside the
///   package is opened.
/// - XML is parsed with ``XMLParsing`` (libxml2: no network, no DTD, no entities).
/// - Each `w:p` is a paragraph unit (an empty one a blank unit, as a blank line of text), a heading unit when
///   its style or `w:outlineLvl` makes it one; its text starts with the text of its automatic
///   number (``DOCXNumbering``: 一、, （一）, 1. …, followed by a space). `w:tab` is a tab,
///   `w:br`/`w:cr` a line break; a field shows its result, not its code; content controls,
///   hyperlinks, smart tags and custom XML are read through; tracked changes are read as
///   accepted (`w:ins` kept, `w:del` and `w:moveFrom` dropped, with a note); text boxes are read
///   after the paragraph they are anchored in (one branch of `mc:AlternateContent`, never both).
/// - Each data `w:tbl` is a ``SourceTable`` (`w:gridSpan` → colspan, `w:vMerge` restart/continue
///   → rowspan, a cell's paragraphs joined with "\n", `w:tblHeader` rows as header cells) with one
///   unit per row; a table holding another table, or one column only, is read as flow.
/// - Places: ``SourceRange/paragraph`` N for paragraphs (every `w:p` in reading order, cells and
///   text boxes included; no lines), ``SourceRange/grid`` table/row/cell for rows and cells.
public enum DOCXFrontEnd {
    /// - Throws: ``DiagnosticError`` (`read.docx`) when the package is damaged, over a limit, or
    ///   has no well-formed main document.
    public static func read(_ data: Data, fileName: String = "-", limits: DOCXLimits = .standard) throws -> SourceDocument {
        let package = try DOCXPackage.open(data, fileName: fileName, limits: limits)
        let sink = XMLErrorSink(fileName: fileName)
        guard let doc = XMLParsing.parse(package.document, sink: sink, limits: .docxParts), let root = doc.root else {
            let why = sink.diagnostics.first { $0.severity == .error }
            let at = why?.line.map { " line \($0)" } ?? ""
            throw DiagnosticError(.error("\(package.mainPart) is not well-formed XML (\(package.mainPart)\(at): \(why?.message ?? "unreadable"))",
                                         code: "read.docx", file: fileName))
        }
        guard XMLNode.name(root) == "document", let body = DOCXWalker.child(root, "body") else {
            throw DiagnosticError(.error("\(package.mainPart) is not a WordprocessingML document (no w:document/w:body)",
                                         code: "read.docx", file: fileName))
        }
        var walker = DOCXWalker(numbering: package.numbering.map(DOCXNumbering.init) ?? DOCXNumbering(),
                                styles: package.styles.map(DOCXStyles.init) ?? DOCXStyles(), fileName: fileName)
        walker.blocks(body)
        var diags = walker.diagnostics
        if walker.insertions > 0 || walker.deletions > 0 {
            let sample = walker.deletedSample.isEmpty ? "" : " (deleted text begins “\(walker.deletedSample.prefix(30))”)"
            diags.append(Diagnostic(.note, "tracked changes read as accepted: \(walker.insertions) insertion(s) kept, "
                                    + "\(walker.deletions) deletion(s) dropped\(sample)", code: "read.docx-tracked-changes", file: fileName))
        }
        if !package.externalRelationships.isEmpty {
            let first = package.externalRelationships.first.map { " (first: \($0.prefix(60)))" } ?? ""
            diags.append(Diagnostic(.note, "\(package.externalRelationships.count) external relationship(s) (links, linked files) "
                                    + "not followed\(first)", code: "read.docx-external", file: fileName))
        }
        if walker.altChunks > 0 {
            diags.append(.warning("\(walker.altChunks) imported chunk(s) (w:altChunk: foreign content embedded as a part) not read",
                                  code: "read.docx-altchunk", file: fileName))
        }
        if walker.notes > 0 {
            diags.append(.warning("\(walker.notes) footnote/endnote reference(s): the notes' text (footnotes.xml, endnotes.xml) is not read",
                                  code: "read.docx-notes", file: fileName))
        }
        let info = SourceInfo(fileName: SourceInfo.baseName(fileName), layout: .none, encoding: "UTF-8",
                              sha256: SHA256.hex(data), lineEnding: "LF", format: .docx)
        return SourceDocument(format: .docx, info: info, units: walker.units, tables: walker.tables, diagnostics: diags,
                              fragments: walker.fragments, byteCount: data.count, diagnosticsName: fileName)
    }
}
