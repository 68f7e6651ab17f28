import Foundation
import Testing
@testable import OGIReport

/// Golden canonical XML for every DOCX and PDF fixture (`Fixtures/docx`, `Fixtures/pdf`, the real
/// PDF in `Fixtures/real`). Set OGI_WRITE_FIXTURES=1 to regenerate (review the diff: goldens are
/// the reference and change only as a deliberate, explained correction).
@Suite struct StructuredGoldenTests {
    static let inputs: [String] = Fixtures.files(in: "docx", ext: "docx").map { "docx/" + $0.lastPathComponent }
        + Fixtures.files(in: "pdf", ext: "pdf").map { "pdf/" + $0.lastPathComponent }
        + ["real/r05-report.pdf"]

    @Test(arguments: inputs)
    func goldenXML(_ input: String) throws {
        let folder = (input as NSString).deletingLastPathComponent
        let name = ((input as NSString).lastPathComponent as NSString).deletingPathExtension + ".xml"
        let golden = folder + "/golden/" + name
        let result = Normalizer.normalize(try Fixtures.data(input), fileName: input)
        let xml = try #require(result.xml, "\(input): \(result.schemaErrors) \(result.diagnostics.filter { $0.severity == .error })")
        if ProcessInfo.processInfo.environment["OGI_WRITE_FIXTURES"] == "1" {
            try FileManager.default.createDirectory(at: Fixtures.url(folder + "/golden"), withIntermediateDirectories: true)
            try Data(xml.utf8).write(to: Fixtures.url(golden))
        }
        #expect(xml == (try Fixtures.string(golden)), "\(input) differs from \(golden)")
    }
}
