import Foundation
import Testing
@testable import OGIReport

/// The streaming validation of normalize's own output (SchemaStream) refuses what the validation
/// with a tree refuses, with the same first diagnostic, and accepts what it accepts.
@Suite struct SchemaStreamTests {
    static func streamed(_ data: Data, _ name: String) -> [Diagnostic] {
        SchemaValidator.shared.validateOwnOutput(Array(data), fileName: name)
    }

    /// Every invalid canonical fixture fails with exactly its `.expected` first line, except the
    /// DOCTYPE ones: refusing a DOCTYPE is the pre-scan's and parser's guard for hostile input,
    /// which ogi's own output never needs (those must still fail).
    @Test func invalidFixturesFailTheSameWay() throws {
        let fixtures = try Fixtures.invalidCanonical()
        #expect(fixtures.count >= 12)
        for (name, data, expected) in fixtures {
            let diags = Self.streamed(data, name)
            #expect(diags.contains { $0.severity == .error }, "\(name) passed the streamed validation")
            if expected.contains("DOCTYPE") { continue }
            #expect(diags.first?.description == expected, "\(name)")
        }
    }

    /// Valid fixtures and every golden pass; so does the XML of random models of both editions.
    @Test func validDocumentsPass() throws {
        var urls = Fixtures.files(in: "canonical/valid", ext: "xml") + Fixtures.files(in: "golden", ext: "xml")
        urls += Fixtures.files(in: "html/golden", ext: "xml") + Fixtures.files(in: "pdf/golden", ext: "xml")
        #expect(urls.count >= 10)
        for url in urls {
            let diags = Self.streamed(try Data(contentsOf: url), url.lastPathComponent)
            #expect(diags.isEmpty, "\(url.lastPathComponent): \(diags.map(\.description))")
        }
        var gen = RandomReports(seed: 0x5EA3_2026)
        for i in 0..<100 {
            let xml = CanonicalXML.writeBytes(gen.report())
            let diags = SchemaValidator.shared.validateOwnOutput(xml, fileName: "case\(i).xml")
            #expect(diags.isEmpty, "case \(i): \(diags.map(\.description))")
        }
    }

    /// Broken copies of a valid document (a concept twice, one of the other table, a presence
    /// without its number, an element out of place) fail both ways with the same first line.
    @Test func editedDocumentsFailAsWithATree() throws {
        let xml = CanonicalXML.write(try CanonicalXML.read(try Fixtures.data("golden/000_44f90c379b4f7fce.xml")))
        let lines = xml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let cells = lines.indices.filter { lines[$0].contains("concept=\"t2.") }
        let t1 = try #require(lines.first { $0.contains("concept=\"t1.") })
        let edits: [(String, ([String]) -> [String])] = [
            ("duplicate", { var l = $0; l.insert(l[cells[0]], at: cells[0] + 1); return l }),
            ("other table", { var l = $0; l[cells[1]] = t1; return l }),
            ("value without number", { var l = $0; l[cells[2]] = l[cells[2]].replacingOccurrences(of: #" number="[0-9]+""#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "presence=\"zero\"", with: "presence=\"value\""); return l }),
            ("stray element", { var l = $0; l.insert("  <stray/>", at: 2); return l }),
            ("bad lines", { var l = $0; l[cells[3]] = l[cells[3]].replacingOccurrences(of: "/>", with: " lines=\"9-3\"/>"); return l }),
        ]
        for (what, edit) in edits {
            let data = Data(edit(lines).joined(separator: "\n").utf8)
            let tree = SchemaValidator.shared.validate(data, fileName: "x.xml")
            let stream = Self.streamed(data, "x.xml")
            #expect(!tree.isEmpty, "\(what): the tree validation passed")
            #expect(stream.first?.description == tree.first?.description, "\(what)")
        }
    }
}
