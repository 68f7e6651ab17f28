import Foundation
import Testing
@testable import OGIReport

/// Issue 9's bar, "nothing lost", for the structured readers (HTML, DOCX, PDF), as
/// ``TextNothingLostTests`` states it for text: every non-blank unit a front end produced ends up in
/// the metadata (title, date), the table readers (rows they consumed), the counted page chrome, or
/// in the report's prose — a section heading, a block, the closing or an unrecognised fragment —
/// with its text there (spaces aside). Places are resolved to the format's coordinates after
/// recognition, so prose is matched by content, not by unit number.
///
/// For DOCX the property is also checked against the package itself: the text of every `w:p` that
/// is not tracked as deleted is in some unit or front-end fragment.
@Suite struct StructuredNothingLostTests {
    static let html: [String] = Fixtures.files(in: "html", ext: "html").map { "html/" + $0.lastPathComponent }
        + Fixtures.files(in: "real", ext: "html").map { "real/" + $0.lastPathComponent }
    static let docx: [String] = Fixtures.files(in: "docx", ext: "docx").map { "docx/" + $0.lastPathComponent }
    static let pdf: [String] = Fixtures.files(in: "pdf", ext: "pdf").map { "pdf/" + $0.lastPathComponent }

    @Test(arguments: html)
    func everyHTMLUnitIsAccountedFor(_ name: String) throws {
        try checkUnits(name) { try HTMLFrontEnd.read($0, fileName: name) }
    }

    @Test(arguments: docx)
    func everyDOCXUnitIsAccountedFor(_ name: String) throws {
        try checkUnits(name) { try DOCXFrontEnd.read($0, fileName: name) }
    }

    @Test(arguments: pdf)
    func everyPDFUnitIsAccountedFor(_ name: String) throws {
        try checkUnits(name) { try PDFFrontEnd.read($0, fileName: name) }
    }

    /// Every paragraph's text in `word/document.xml` (deleted runs aside) reaches the units or the
    /// front end's fragments: the DOCX walker drops nothing it does not say it drops.
    @Test(arguments: docx)
    func everyDOCXParagraphReachesTheUnits(_ name: String) throws {
        let data = try Fixtures.data(name)
        let document = try DOCXFrontEnd.read(data, fileName: name)
        let package = try DOCXPackage.open(data, fileName: name)
        let xml = String(decoding: package.document, as: UTF8.self)
        let have = DocumentText.compactString((document.units.map(\.text) + document.fragments.map(\.text)).joined())
        var checked = 0
        for paragraph in Self.paragraphTexts(xml) where !DocumentText.isBlank(paragraph) {
            checked += 1
            let want = DocumentText.compactString(paragraph)
            #expect(have.contains(want), "\(name): paragraph text not in any unit: \(paragraph.prefix(80))")
        }
        #expect(checked > 10, "\(name): only \(checked) paragraphs found")
    }

    /// The text of each `w:p` (innermost: a paragraph holding a text box counts its own runs only),
    /// with `w:del` / `w:moveFrom` content and field codes (`w:instrText`) left out, entities decoded.
    static func paragraphTexts(_ xml: String) -> [String] {
        var cleaned = xml
        for tag in ["w:del", "w:moveFrom"] {
            cleaned = cleaned.replacingOccurrences(of: "<\(tag)\\b[^>]*>.*?</\(tag)>", with: "", options: .regularExpression)
        }
        cleaned = cleaned.replacingOccurrences(of: "<w:instrText\\b[^>]*>.*?</w:instrText>", with: "", options: .regularExpression)
        var out: [String] = []
        let pattern = try! NSRegularExpression(pattern: "<w:p[ >](?:(?!<w:p[ >]).)*?</w:p>", options: [.dotMatchesLineSeparators])
        let runs = try! NSRegularExpression(pattern: "<w:t(?: [^>]*)?>([^<]*)</w:t>")
        let ns = cleaned as NSString
        for m in pattern.matches(in: cleaned, range: NSRange(location: 0, length: ns.length)) {
            let p = ns.substring(with: m.range) as NSString
            let text = runs.matches(in: p as String, range: NSRange(location: 0, length: p.length)).map { p.substring(with: $0.range(at: 1)) }.joined()
            out.append(text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&"))
        }
        return out
    }

    /// The unit-level property for one fixture read by `read`.
    func checkUnits(_ name: String, _ read: (Data) throws -> SourceDocument) throws {
        let document: SourceDocument
        do { document = try read(try Fixtures.data(name)) } catch is DiagnosticError {
            return  // refused as a whole with a located error (the front ends' own tests say which)
        }
        let reading = ReportRecognizer.recognize(document)
        let r = reading.result.report
        let chrome = document.mayHavePageChrome ? ReportRecognizer.leadingChrome(document.lines, document) : 0
        #expect((r.metadata.source?.omittedBlocks ?? 0) >= chrome, "\(name): page chrome not counted")
        var prose = r.preamble.map(\.text) + r.closing.map(\.text) + r.unrecognised.map(\.text)
        for s in r.sections { prose.append(s.heading); prose += s.blocks.map(\.text) }
        prose += [r.metadata.title, r.metadata.agency].compactMap { $0 }
        let have = DocumentText.compactString(prose.joined(separator: "\n"))
        var lost: [String] = []
        for unit in document.units where !DocumentText.isBlank(unit.text) {
            if unit.number <= chrome || reading.metadataLines.contains(unit.number) || reading.tableLines.contains(unit.number) { continue }
            let (clean, _) = TextFrontEnd.removeArtefacts(unit.text)
            if DocumentText.isBlank(clean) { continue }
            // A unit may be split across blocks (a heading with its inline body): each of its lines must be there.
            for piece in clean.split(separator: "\n") where !DocumentText.isBlank(String(piece)) {
                let want = DocumentText.compactString(String(piece))
                if !have.contains(want) { lost.append("unit \(unit.number): \(piece.prefix(60))") }
            }
        }
        #expect(lost.isEmpty, "\(name): \(lost.count) unit(s) not accounted for: \(lost.prefix(5).joined(separator: " | "))")
    }
}
