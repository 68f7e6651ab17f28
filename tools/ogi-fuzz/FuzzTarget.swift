import Foundation
import OGIReport

/// libFuzzer targets (built only with `OGI_FUZZ=1`, by `tools/fuzz.sh`). The target is chosen by
/// the environment variable `OGI_FUZZ_TARGET`: `text`, `xml`, `html` or `pdf`.
///
/// Each one: bytes → that front end (or the canonical XML reader) → recognition → `CanonicalXML.write`
/// → schema validation, which must pass; a failed validation, a crash, a hang or a leak is a finding.
enum FuzzTarget: String {
    case text, xml, html, pdf

    /// The target named by `OGI_FUZZ_TARGET` (the process stops with a message when it is missing).
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["OGI_FUZZ_TARGET"] ?? ""
        guard let t = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("ogi-fuzz: set OGI_FUZZ_TARGET to text, xml, html or pdf\n".utf8))
            exit(2)
        }
        return t
    }()

    /// Runs one input through the target; traps when our own output fails the schema.
    func run(_ data: Data) {
        let report: Report
        do {
            switch self {
            case .text: report = ReportRecognizer.recognize(try TextFrontEnd.read(data, fileName: "fuzz")).result.report
            case .html: report = ReportRecognizer.recognize(try HTMLFrontEnd.read(data, fileName: "fuzz")).result.report
            case .pdf: report = ReportRecognizer.recognize(try PDFFrontEnd.read(data, fileName: "fuzz")).result.report
            case .xml: report = try CanonicalXML.read(data, fileName: "fuzz")
            }
        } catch {
            return  // refused with diagnostics: fine
        }
        let xml = CanonicalXML.write(report)
        let errors = SchemaValidator.shared.validate(Data(xml.utf8), fileName: "fuzz.xml").filter { $0.severity == .error }
        if !errors.isEmpty {
            FileHandle.standardError.write(Data("ogi-fuzz: output fails the schema: \(errors.map(\.description).joined(separator: "; "))\n".utf8))
            abort()
        }
    }
}
