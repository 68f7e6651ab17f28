import Foundation
import ZIPFoundation
@testable import OGIReport

/// Builds small DOCX packages for tests: a body of WordprocessingML, optional numbering and
/// styles parts, extra parts and relationships.
enum DOCXTestPackage {
    static let ns = """
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
    xmlns:v="urn:schemas-microsoft-com:vml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"
    """

    /// The document.xml for `body`.
    static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(ns)><w:body>\(body)<w:sectPr/></w:body></w:document>"
    }

    /// A package; `parts` are extra (path, text) entries, `documentRels` the main part's relationships.
    static func make(body: String, numbering: String? = nil, styles: String? = nil, documentRels: String? = nil,
                     parts: [(String, String)] = [], document: String? = nil) throws -> Data {
        var all: [(String, String)] = [
            ("[Content_Types].xml", DOCXParts.contentTypes),
            ("_rels/.rels", DOCXParts.packageRelationships),
            ("word/document.xml", document ?? Self.document(body)),
        ]
        if let n = numbering {
            all.append(("word/numbering.xml", "<?xml version=\"1.0\"?><w:numbering \(ns)>\(n)</w:numbering>"))
        }
        if let s = styles { all.append(("word/styles.xml", "<?xml version=\"1.0\"?><w:styles \(ns)>\(s)</w:styles>")) }
        if let r = documentRels {
            all.append(("word/_rels/document.xml.rels",
                        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(r)</Relationships>"))
        }
        all += parts
        return try DOCXPackageWriter.package(all.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A paragraph of plain text, with optional paragraph properties.
    static func p(_ text: String, pPr: String = "") -> String {
        "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">\(MarkupEscaping.escape(text))</w:t></w:r></w:p>"
    }

    /// A table cell with the given properties and paragraphs.
    static func tc(_ paragraphs: [String], tcPr: String = "") -> String {
        "<w:tc>" + (tcPr.isEmpty ? "" : "<w:tcPr>\(tcPr)</w:tcPr>") + (paragraphs.isEmpty ? "<w:p/>" : paragraphs.map { p($0) }.joined()) + "</w:tc>"
    }

    /// The parts of a package, by path.
    static func parts(_ data: Data) throws -> [(String, Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [(String, Data)] = []
        for e in archive {
            var d = Data()
            _ = try archive.extract(e) { d.append($0) }
            out.append((e.path, d))
        }
        return out
    }

    /// The package with one part replaced (the others kept, in order).
    static func replacing(_ path: String, in data: Data, with text: String) throws -> Data {
        try DOCXPackageWriter.package(try parts(data).map { $0.0 == path ? ($0.0, Data(text.utf8)) : $0 })
    }
}
