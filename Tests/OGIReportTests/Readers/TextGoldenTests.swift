import Foundation
import Testing
@testable import OGIReport

/// Each seed normalizes byte for byte to its golden canonical XML (Fixtures/golden/NAME.xml, made by
/// `tools/make-goldens.sh` and checked cell by cell against the source with
/// `tools/check-golden-cells.py`), and every golden validates against the schema.
@Suite struct TextGoldenTests {
    static var goldens: [URL] { Fixtures.files(in: "golden", ext: "xml") }

    @Test(arguments: goldens)
    func seedNormalizesToGolden(_ golden: URL) throws {
        let name = golden.deletingPathExtension().lastPathComponent + ".txt"
        let data = try Fixtures.data("seeds/" + name)
        let result = Normalizer.normalize(data, fileName: name)
        #expect(result.schemaErrors.isEmpty, "\(result.schemaErrors)")
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.xml == expected)
        #expect(!result.hasErrors)
    }

    @Test func everySeedHasAGolden() {
        let seeds = Fixtures.files(in: "seeds", ext: "txt").map { $0.deletingPathExtension().lastPathComponent }
        #expect(Self.goldens.map { $0.deletingPathExtension().lastPathComponent } == seeds)
    }

    @Test(arguments: goldens)
    func goldenValidates(_ golden: URL) throws {
        #expect(SchemaValidator.shared.validate(try Data(contentsOf: golden), fileName: golden.lastPathComponent).isEmpty)
    }
}
