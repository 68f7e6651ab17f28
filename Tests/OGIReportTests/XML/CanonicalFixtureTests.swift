import Foundation
import Testing
@testable import OGIReport

/// The canonical XML fixtures: valid ones validate, read and re-write byte for byte; invalid ones
/// fail with exactly their `.expected` first diagnostic line.
@Suite struct CanonicalFixtureTests {
    /// Set OGI_WRITE_FIXTURES=1 to regenerate the valid fixtures from ``SampleReports``.
    @Test func validFixturesMatchTheirModels() throws {
        let regenerate = ProcessInfo.processInfo.environment["OGI_WRITE_FIXTURES"] == "1"
        for (name, model) in SampleReports.validFixtures {
            let url = Fixtures.url("canonical/valid/" + name)
            let xml = CanonicalXML.write(model)
            if regenerate { try Data(xml.utf8).write(to: url) }
            let onDisk = try Fixtures.string("canonical/valid/" + name)
            #expect(onDisk == xml, "\(name) differs from the writer's output")
            #expect(try CanonicalXML.read(Data(onDisk.utf8), fileName: name) == model, "\(name)")
        }
    }

    @Test func everyValidFixtureValidatesAndReadsBack() throws {
        let files = Fixtures.files(in: "canonical/valid", ext: "xml")
        #expect(files.count >= 4)
        for url in files {
            let data = try Data(contentsOf: url)
            let diags = SchemaValidator.shared.validate(data, fileName: url.lastPathComponent)
            #expect(diags.isEmpty, "\(url.lastPathComponent): \(diags.map(\.description))")
            let report = try CanonicalXML.read(data, fileName: url.lastPathComponent)
            #expect(CanonicalXML.write(report) == String(decoding: data, as: UTF8.self), "\(url.lastPathComponent) is not canonical")
        }
    }

    @Test func everyInvalidFixtureFailsWithItsExpectedLine() throws {
        let fixtures = try Fixtures.invalidCanonical()
        #expect(fixtures.count >= 12)
        for (name, data, expected) in fixtures {
            let sink = XMLErrorSink(fileName: name)
            #expect(SchemaValidator.shared.validatedDocument(data, sink: sink) == nil, "\(name) validated")
            #expect(sink.diagnostics.first?.description == expected)
            #expect(sink.fallbackErrors == 0, "\(name): an error escaped the per-context handlers")
            #expect(sink.genericErrors == 0, "\(name): libxml2 used its generic error channel")
            #expect(SchemaValidator.shared.validate(data, fileName: name).first?.description == expected)
            do {
                _ = try CanonicalXML.read(data, fileName: name)
                Issue.record("\(name) was read")
            } catch let e as DiagnosticError {
                #expect(e.diagnostics.first?.description == expected)
            }
        }
    }

    @Test func hostileDocumentsReadNothingFromOutside() throws {
        let before = ExternalLoadCounter.count
        for name in ["doctype-external-entity.xml", "billion-laughs.xml"] {
            let data = try Fixtures.data("canonical/invalid/" + name)
            let diags = SchemaValidator.shared.validate(data, fileName: name)
            #expect(diags.count == 1)
            #expect(diags.first?.message.hasPrefix("DOCTYPE 'report' refused") == true)
        }
        // An external entity referenced from the document body, after an internal subset.
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE report SYSTEM "file:///nonexistent/ogi.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <report xmlns="\(CanonicalXML.namespace)" schemaVersion="1.0"><metadata><agency>&x;</agency></metadata></report>
            """
        #expect(SchemaValidator.shared.validate(Data(xxe.utf8), fileName: "x").first?.message.hasPrefix("DOCTYPE") == true)
        #expect(ExternalLoadCounter.count == before)
    }
}

/// Schemas 1.1 and 1.2 are minor versions: documents written as 1.0 or 1.1 stay valid and read to the same model.
@Suite struct SchemaVersionCompatibilityTests {
    @Test func version10DocumentsStayValid() throws {
        let files = Fixtures.files(in: "canonical/version-1.0", ext: "xml")
        #expect(files.count == 2)
        for url in files {
            let data = try Data(contentsOf: url)
            #expect(String(decoding: data, as: UTF8.self).contains("schemaVersion=\"1.0\""))
            let diags = SchemaValidator.shared.validate(data, fileName: url.lastPathComponent)
            #expect(diags.isEmpty, "\(url.lastPathComponent): \(diags.map(\.description))")
            let report = try CanonicalXML.read(data, fileName: url.lastPathComponent)
            let current = try Data(contentsOf: Fixtures.url("canonical/valid/" + url.lastPathComponent))
            #expect(report == (try CanonicalXML.read(current, fileName: url.lastPathComponent)))
        }
    }

    /// Documents written as 1.1 (HTML grid places, DOCX paragraphs, PDF pages and boxes, the
    /// space-rows layout) stay valid under 1.2 and write back the same apart from the version.
    @Test func version11DocumentsStayValid() throws {
        let files = Fixtures.files(in: "canonical/version-1.1", ext: "xml")
        #expect(files.count == 4)
        for url in files {
            let data = try Data(contentsOf: url)
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("schemaVersion=\"1.1\""))
            let diags = SchemaValidator.shared.validate(data, fileName: url.lastPathComponent)
            #expect(diags.isEmpty, "\(url.lastPathComponent): \(diags.map(\.description))")
            let report = try CanonicalXML.read(data, fileName: url.lastPathComponent)
            let again = CanonicalXML.write(report)
            #expect(again == text.replacingOccurrences(of: "schemaVersion=\"1.1\"", with: "schemaVersion=\"\(CanonicalXML.schemaVersion)\""),
                    "\(url.lastPathComponent) does not write back the same")
        }
    }

    /// The 1.1 places (grid cell, paragraph, page and box) and source format round-trip.
    @Test func placesOfStructuredFormatsRoundTrip() throws {
        var r = SampleReports.allBlank2021()
        r.metadata.source = SourceInfo(fileName: "a.html", layout: .grid, encoding: "UTF-8", sha256: String(repeating: "0", count: 64),
                                       format: .html, omittedBlocks: 12, omittedCharacters: 3456)
        r.tables[0].cells[0].position = SourceRange(line: 40, grid: GridLocation(table: 1, row: 3, cell: 2))
        r.tables[0].cells[1].position = SourceRange(paragraph: 7)
        r.tables[0].cells[2].position = SourceRange(page: 3, box: PageBox(x0: 10.5, y0: 20, x1: 30.25, y1: 40))
        r.preamble = [Block(.paragraph, "段落", lines: SourceRange(paragraph: 2))]
        r.unrecognised = [Fragment(text: "x", lines: SourceRange(line: 5, grid: GridLocation(table: 2, row: 1)), reason: "test")]
        let xml = CanonicalXML.write(r)
        #expect(xml.contains("grid=\"1.3.2\"") && xml.contains("paragraph=\"7\"") && xml.contains("box=\"10.5 20 30.25 40\""))
        #expect(SchemaValidator.shared.validate(Data(xml.utf8)).isEmpty, "\(SchemaValidator.shared.validate(Data(xml.utf8)))")
        #expect(try CanonicalXML.read(Data(xml.utf8)) == r)
    }
}
