import Foundation
import OGIReport

/// libFuzzer targets (built only with `OGI_FUZZ=1`, by `tools/fuzz.sh`). The target is chosen by
/// the environment variable `OGI_FUZZ_TARGET`: `text`, `xml`, `html`, `docx`, `docx-xml` or `pdf`.
///
/// Each one: bytes → that front end (or the canonical XML reader) → recognition → `CanonicalXML.write`
/// → ``OutputCheck`` (cheap structural checks on every output, schema validation on a deterministic
/// sample and on every output a cheap check doubts); a failed validation, a crash, a hang or a leak is
/// a finding. A refusal with a ``DiagnosticError`` is a correct outcome.
///
/// `docx` fuzzes the package bytes (the ZIP layer and what is behind it); `docx-xml` fuzzes the
/// XML parts: the input is `word/document.xml`, optionally followed by a NUL and `word/styles.xml`,
/// and another NUL and `word/numbering.xml` (NUL never occurs in well-formed XML), wrapped into a
/// valid stored ZIP package (``StoredZip``) before the DOCX front end reads it.
enum FuzzTarget: String, CaseIterable {
    case text, xml, html, docx, docxXML = "docx-xml", pdf

    /// The target named by `OGI_FUZZ_TARGET` (the process stops with a message when it is missing).
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["OGI_FUZZ_TARGET"] ?? ""
        guard let t = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("ogi-fuzz: set OGI_FUZZ_TARGET to one of \(names)\n".utf8))
            exit(2)
        }
        return t
    }()

    /// Runs one input through the target; aborts when our own output fails the schema.
    func run(_ data: Data) {
        let report: Report
        do {
            switch self {
            case .text: report = ReportRecognizer.recognize(try TextFrontEnd.read(data, fileName: "fuzz")).result.report
            case .html: report = ReportRecognizer.recognize(try HTMLFrontEnd.read(data, fileName: "fuzz")).result.report
            case .docx: report = ReportRecognizer.recognize(try DOCXFrontEnd.read(data, fileName: "fuzz")).result.report
            case .docxXML:
                let package = StoredZip.archive(Self.docxParts(data))
                report = ReportRecognizer.recognize(try DOCXFrontEnd.read(package, fileName: "fuzz")).result.report
            case .pdf: report = ReportRecognizer.recognize(try PDFFrontEnd.read(data, fileName: "fuzz")).result.report
            case .xml: report = try CanonicalXML.read(data, fileName: "fuzz")
            }
        } catch {
            return  // refused with diagnostics: fine
        }
        OutputCheck.check(report, input: data)
    }

    /// The parts of a `docx-xml` input: document, then styles and numbering when there are NULs.
    static func docxParts(_ data: Data) -> [(path: String, data: Data)] {
        let names = ["word/document.xml", "word/styles.xml", "word/numbering.xml"]
        var parts: [(path: String, data: Data)] = []
        var rest = data[...]
        while parts.count < names.count - 1, let nul = rest.firstIndex(of: 0) {
            parts.append((names[parts.count], Data(rest[..<nul])))
            rest = rest[rest.index(after: nul)...]
        }
        parts.append((names[parts.count], Data(rest)))
        return parts
    }
}
