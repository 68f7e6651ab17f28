import Foundation
import Testing
@testable import OGIReport

@Suite struct CanonicalXMLWriterTests {
    @Test func outputIsDeterministicAndCanonicalInShape() {
        let m = SampleReports.full2021()
        let a = CanonicalXML.write(m), b = CanonicalXML.write(m)
        #expect(a == b)
        #expect(a.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xmlns=\"\(CanonicalXML.namespace)\" schemaVersion=\"\(CanonicalXML.schemaVersion)\" edition=\"2021\">\n"))
        #expect(a.hasSuffix("</report>\n"))
        #expect(!a.contains("\r"))
        // Indentation is two spaces a level, outside text.
        #expect(a.contains("\n  <metadata incomplete=\"true\">\n    <agency>"))
    }

    @Test func cellAndTableOrderDoNotMatter() {
        let m = SampleReports.full2021()
        var shuffled = m
        var rng = SeededRNG(seed: 7)
        shuffled.tables.shuffle(using: &rng)
        for i in shuffled.tables.indices { shuffled.tables[i].cells.shuffle(using: &rng) }
        #expect(CanonicalXML.write(shuffled) == CanonicalXML.write(m))
    }

    @Test func optionalThingsAreOmittedWhenNil() {
        let xml = CanonicalXML.write(Report())
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <report xmlns="\(CanonicalXML.namespace)" schemaVersion="\(CanonicalXML.schemaVersion)">
              <metadata/>
            </report>

            """)
        #expect(SchemaValidator.shared.validate(Data(xml.utf8)).isEmpty)
        let cell = CanonicalXML.write(Report(metadata: Metadata(edition: .e2021),
                                             tables: [StatTable(id: .t3, cells: [.blank("t3.review.total")])]))
        #expect(cell.contains("<count concept=\"t3.review.total\" presence=\"blank\"/>"))
    }

    @Test func textIsEscapedAndSurvivesParsing() throws {
        let tricky = " <a href=\"x\">&amp;</a> ]]> 'q'\t\n\r\n\r end "
        var m = Report(metadata: Metadata(agency: tricky, title: "", edition: .e2021))
        m.tables = [StatTable(id: .t3, cells: [CellValue(concept: "t3.review.total", presence: .text, raw: tricky)])]
        m.unrecognised = [Fragment(text: tricky, lines: LineRange(1, 2), reason: tricky)]
        let xml = CanonicalXML.write(m)
        #expect(xml.contains("raw=\" &lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt; ]]&gt; 'q'&#9;&#10;&#13;&#10;&#13; end \""))
        #expect(xml.contains("<agency> &lt;a href=\"x\"&gt;&amp;amp;&lt;/a&gt; ]]&gt; 'q'\t\n&#13;\n&#13; end </agency>"))
        #expect(try CanonicalXML.read(Data(xml.utf8)) == m)
    }

    /// Characters XML 1.0 forbids are written as U+FFFD (documented on `write`).
    @Test func forbiddenCharactersBecomeReplacementCharacters() throws {
        let bad = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{FFFE}h\u{FFFF}i\u{7F}j"
        let m = Report(metadata: Metadata(agency: bad))
        let xml = CanonicalXML.write(m)
        #expect(SchemaValidator.shared.validate(Data(xml.utf8)).isEmpty)
        let back = try CanonicalXML.read(Data(xml.utf8))
        #expect(back.metadata.agency == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h\u{FFFD}i\u{7F}j")
    }

    @Test func decimalsAreWrittenPlainly() {
        #expect(DecimalText.format(Decimal(string: "282.10")!) == "282.1")
        #expect(DecimalText.format(-58) == "-58")
        #expect(DecimalText.format(0) == "0")
        #expect(DecimalText.format(Decimal(string: "1e20")!) == "100000000000000000000")
        #expect(DecimalText.format(Decimal(string: "0.0005")!) == "0.0005")
        #expect(DecimalText.format(Decimal(string: "-0.5")!) == "-0.5")
    }
}

@Suite struct CanonicalXMLReaderTests {
    @Test func errorsNameFileLineAndElement() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <report xmlns="\(CanonicalXML.namespace)" schemaVersion="1.0">
              <metadata>
                <year>twenty</year>
              </metadata>
            </report>
            """
        do {
            _ = try CanonicalXML.read(Data(xml.utf8), fileName: "r.xml")
            Issue.record("read an invalid document")
        } catch let e as DiagnosticError {
            let d = e.diagnostics.first
            #expect(d?.file == "r.xml")
            #expect(d?.line == 4)
            #expect(d?.message.contains("Element 'year'") == true)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func schemaVersionMajorIsInTheNamespace() {
        let xml = "<report xmlns=\"urn:ogi:annual-report:2\" schemaVersion=\"2.0\"><metadata/></report>"
        let d = SchemaValidator.shared.validate(Data(xml.utf8), fileName: "v.xml")
        #expect(d.first?.description == "v.xml:1: error: Element 'report': namespace 'urn:ogi:annual-report:2' is not the canonical namespace 'urn:ogi:annual-report:1' (schema major version 2 is not supported)")
        let minor = "<report xmlns=\"\(CanonicalXML.namespace)\" schemaVersion=\"1.7\"><metadata/></report>"
        #expect(SchemaValidator.shared.validate(Data(minor.utf8)).isEmpty)
        let wrong = "<report xmlns=\"\(CanonicalXML.namespace)\" schemaVersion=\"2.0\"><metadata/></report>"
        #expect(!SchemaValidator.shared.validate(Data(wrong.utf8)).isEmpty)
    }

    /// The schema ignores whitespace around token, decimal and boolean values; so does the reader.
    /// (libxml2 2.9 refuses it around values of types derived from xs:int.)
    @Test func whitespaceAroundTokensIsIgnored() throws {
        let canonical = """
            <report xmlns="\(CanonicalXML.namespace)" schemaVersion="1.0" edition="2021"><metadata incomplete="true">\
            <year>2023</year></metadata><section kind="overview" heading=" h " line="3"/>\
            <tables2021 edition="2021"><t3 lines="5-6"><count concept="t3.review.total" presence="value" number="3" \
            uncertain="true" raw=" 3 " unit=" 件 " line="5" column="2"/></t3></tables2021></report>
            """
        let padded = """
            <report xmlns="\(CanonicalXML.namespace)" schemaVersion=" 1.0 " edition="&#9;2021 "><metadata incomplete=" true ">\
            <year>2023</year></metadata><section kind=" overview " heading=" h " line="3"/>\
            <tables2021 edition=" 2021"><t3 lines=" 5-6 "><count concept=" t3.review.total " presence=" value " number=" 3 " \
            uncertain=" true" raw=" 3 " unit=" 件 " line="5" column="2"/></t3></tables2021></report>
            """
        let a = try CanonicalXML.read(Data(canonical.utf8))
        #expect(a.tables.first?.cells.first?.position == SourcePosition(line: 5, column: 2))
        #expect(a.tables.first?.cells.first?.unit == " 件 ")
        #expect(try CanonicalXML.read(Data(padded.utf8)) == a)
    }

    @Test func commentsAndProcessingInstructionsAreIgnored() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!-- c -->\n<report xmlns=\"\(CanonicalXML.namespace)\" schemaVersion=\"1.0\"><?pi x?><metadata><!-- c --><agency>A<!-- c -->B</agency></metadata></report>"
        #expect(try CanonicalXML.read(Data(xml.utf8)).metadata.agency == "AB")
    }

    /// Encoding errors reach libxml2's thread-local handler in 2.9, not a context's: they are
    /// still collected, one a line, and nothing is printed.
    @Test func encodingErrorsAreCollected() {
        let gb = Data("<?xml version=\"1.0\" encoding=\"GB18030\"?><report xmlns=\"\(CanonicalXML.namespace)\" schemaVersion=\"1.0\"><metadata><agency>".utf8)
            + Data([0x81, 0x30]) + Data("</agency></metadata></report>".utf8)
        let d = SchemaValidator.shared.validate(gb, fileName: "gb.xml")
        #expect(d.first?.description.hasPrefix("gb.xml: error: input conversion failed") == true, "\(d)")
        let utf8 = Data("<r>".utf8) + Data([0xFF, 0xFE]) + Data("</r>".utf8)
        let d2 = SchemaValidator.shared.validate(utf8, fileName: "u.xml")
        #expect(d2.first?.description.hasPrefix("u.xml:1: error: Input is not proper UTF-8") == true, "\(d2)")
        #expect(d2.allSatisfy { !$0.message.contains("\n") })
    }

    @Test func garbageNeverCrashes() {
        var rng = SeededRNG(seed: 99)
        let base = Array(CanonicalXML.write(SampleReports.withChecks()).utf8)
        for _ in 0..<100 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng))) }
            let sink = XMLErrorSink(fileName: "g")
            if SchemaValidator.shared.validatedDocument(Data(bytes), sink: sink) == nil {
                #expect(sink.diagnostics.contains { $0.severity == .error })
            }
            _ = try? CanonicalXML.read(Data(bytes))
        }
    }
}
