import Foundation
import Testing
@testable import OGIReport

/// The input limits (`Sources/OGIReport/Support/ReadLimits.swift`, issue 9 item 2) on the large
/// reproducers of `../shared/repro/generate.py`, generated here at sizes that show each limit in
/// well under a second.
@Suite struct ReadLimitsTests {
    static let seedName = "seeds/000_44f90c379b4f7fce.txt"

    /// The canonical XML of the seed, as `generate.py` starts from.
    static func seedXML() throws -> String {
        let result = Normalizer.normalize(try Fixtures.data(seedName), fileName: "seed.txt")
        return try #require(result.xml)
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t = Date(); try body(); return Date().timeIntervalSince(t)
    }

    @Test func attrs100kIsRefusedInMilliseconds() throws {
        let xml = try Self.seedXML()
        let attrs = (0..<100_000).map { " a\($0)=\"1\"" }.joined()
        let evil = Data(xml.replacingOccurrences(of: "<agency>", with: "<agency\(attrs)>").utf8)
        var diags: [Diagnostic] = []
        let t = Self.seconds { diags = SchemaValidator.shared.validate(evil, fileName: "attrs-100k.xml") }
        #expect(t < 0.5, "took \(t) s")
        #expect(diags.count == 1)
        let d = try #require(diags.first)
        #expect(d.code == "limit.attributes")
        #expect(d.line == xml.prefix(upTo: xml.range(of: "<agency>")!.lowerBound).filter { $0 == "\n" }.count + 1)
        #expect(d.message.contains("--max-attributes"), "\(d)")
        #expect(throws: DiagnosticError.self) { try CanonicalXML.read(evil, fileName: "attrs-100k.xml") }
        // nsdecl-100k: namespace declarations are attributes too.
        let ns = (0..<100_000).map { " xmlns:p\($0)=\"urn:x\($0)\"" }.joined()
        let nsEvil = Data(xml.replacingOccurrences(of: "<agency>", with: "<agency\(ns)>").utf8)
        #expect(SchemaValidator.shared.validate(nsEvil).first?.code == "limit.attributes")
        // Raised, the same document gets to the schema (which refuses the unknown attributes).
        let few = Data(xml.replacingOccurrences(of: "<agency>", with: "<agency " + (0..<9).map { "a\($0)='\($0)'" }.joined(separator: " ") + ">").utf8)
        #expect(SchemaValidator.shared.validate(few, limits: ReadLimits(maxAttributes: 8)).first?.line == d.line)
        #expect(SchemaValidator.shared.validate(few, limits: ReadLimits(maxAttributes: 9)).first?.code != "limit.attributes")
    }

    @Test func manyAttributesInHTMLAreRefusedBeforeParsing() throws {
        let page = try Fixtures.string("html/blank-cells-001.html")
        let attrs = (0..<100_000).map { " a\($0)=\"1\"" }.joined()
        let evil = Data(page.replacingOccurrences(of: "<body", with: "<body" + attrs).utf8)
        var result: NormalizeResult!
        let t = Self.seconds { result = Normalizer.normalize(evil, fileName: "attrs.html") }
        #expect(t < 0.5, "took \(t) s")
        #expect(result.diagnostics.first?.code == "limit.attributes", "\(result.diagnostics.prefix(2))")
        // Every HTML fixture passes the scan (unclosed tags, text after </html> and all).
        for url in Fixtures.files(in: "html", ext: "html") + Fixtures.files(in: "real", ext: "html") {
            #expect(XMLPreScan.check(try Data(contentsOf: url), limits: .default, fileName: "x", attributesOnly: true) == nil, "\(url.lastPathComponent)")
        }
    }

    @Test func deepNestingIsRefusedBeforeParsing() throws {
        let xml = try Self.seedXML()
        let deep = String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000)
        let evil = Data(xml.replacingOccurrences(of: "<agency>", with: "<agency>" + deep).utf8)
        let d = try #require(SchemaValidator.shared.validate(evil, fileName: "deep.xml").first)
        #expect(d.code == "limit.depth")
        #expect(d.message.contains("--max-depth"))
        // The seed itself is well within the default depth and attribute limits.
        #expect(SchemaValidator.shared.validate(Data(xml.utf8)).isEmpty)
    }

    @Test func contentAfterTheRootElementIsAnError() throws {
        let garbage = try Fixtures.data("repro/validate-accepts-garbage-after-nul.xml")
        let d = try #require(SchemaValidator.shared.validate(garbage, fileName: "g.xml").first)
        #expect(d.severity == .error)
        #expect(d.code == "xml.nul")
        let xml = try Self.seedXML()
        let after = SchemaValidator.shared.validate(Data((xml + "<evil/>\n").utf8))
        #expect(after.first?.code == "xml.after-root")
        // Whitespace, comments and processing instructions after the root are fine.
        #expect(SchemaValidator.shared.validate(Data((xml + "\n<!-- a > b -->\n<?pi x?>\n").utf8)).isEmpty)
        // A UTF-16 document is scanned as UTF-16 (its zero bytes are no NULs).
        #expect(SchemaValidator.shared.validate(try Fixtures.data("repro/check-utf16-xml-read-as-text.xml")).isEmpty)
    }

    @Test func aLongParagraphIsALocatedErrorNamingTheLimit() throws {
        let seed = try Fixtures.string(Self.seedName)
        let i = try #require(seed.range(of: "认真落实主动公开"))
        let line = seed[..<i.lowerBound].filter { $0 == "\n" }.count + 1
        // generate.py's para-10.1M at 1.1 MB, just over the default 1024 KB.
        let long = String(seed[..<i.lowerBound]) + String(repeating: "公开", count: 1_100_000 / 6) + String(seed[i.lowerBound...])
        var result: NormalizeResult!
        let t = Self.seconds { result = Normalizer.normalize(Data(long.utf8), fileName: "para.txt") }
        // A guard against the quadratic path the limit cuts off (minutes), not a speed measurement:
        // loose enough for a debug build on a loaded machine.
        #expect(t < 5, "took \(t) s")
        #expect(result.schemaErrors.isEmpty)
        #expect(result.xml == nil)
        let d = try #require(result.diagnostics.first)
        #expect(d.code == "limit.paragraph")
        #expect(d.line == line)
        #expect(d.description.hasPrefix("para.txt:\(line):1: error[limit.paragraph]: line \(line) has "), "\(d)")
        #expect(d.message.contains("1024 KB") && d.message.contains("--max-paragraph-kb"))
        // Raised, a paragraph over the limit is read (a smaller one here: the read itself takes time in a debug build).
        let medium = String(seed[..<i.lowerBound]) + String(repeating: "公开", count: 10_000) + String(seed[i.lowerBound...])
        #expect(Normalizer.normalize(Data(medium.utf8), limits: ReadLimits(maxParagraphBytes: 100 << 10)).xml != nil)
        #expect(Normalizer.normalize(Data(medium.utf8), limits: ReadLimits(maxParagraphBytes: 100 << 9)).diagnostics.first?.code == "limit.paragraph")
    }

    static func seedWithRows(_ n: Int) throws -> Data {
        let seed = try Fixtures.string(seedName)
        let row = "行政处罚\t353\t\t\n"
        let j = try #require(seed.range(of: row)).upperBound
        return Data((String(seed[..<j]) + String(repeating: row, count: n) + String(seed[j...])).utf8)
    }

    @Test func tooManyRowsInATableAreRefused() throws {
        let data = try Self.seedWithRows(10_500)  // rows-1M-dup, 10,500 rows (200 KB)
        var result: NormalizeResult!
        let t = Self.seconds { result = Normalizer.normalize(data, fileName: "rows.txt") }
        // A guard against the quadratic path the limit cuts off (minutes), not a speed measurement:
        // loose enough for a debug build on a loaded machine.
        #expect(t < 5, "took \(t) s")
        let d = try #require(result.diagnostics.first)
        #expect(d.code == "limit.rows")
        #expect(d.line != nil)
        #expect(d.message.contains("10000 rows") && d.message.contains("--max-rows"), "\(d)")
        #expect(result.xml == nil)
    }

    @Test func diagnosticsPastTheCapAreSummarised() throws {
        let data = try Self.seedWithRows(300)
        let all = Normalizer.normalize(data, fileName: "rows.txt").diagnostics
        #expect(all.count > 300)
        let capped = Normalizer.normalize(data, fileName: "rows.txt", limits: ReadLimits(maxDiagnostics: 10)).diagnostics
        #expect(capped.count == 11)
        #expect(Array(capped.prefix(10)) == Array(all.prefix(10)))
        let last = try #require(capped.last)
        #expect(last.code == "limit.diagnostics")
        let counts = last.message.split(separator: " ").compactMap { Int($0) }
        #expect(counts.dropLast().reduce(0, +) == all.count - 10, "\(last)")
        #expect(last.message.contains("--max-diagnostics"))
        // Errors are kept first.
        let mixed = [Diagnostic.warning("w1"), .warning("w2"), .error("e1"), Diagnostic(.note, "n1")]
        let kept = ReadLimits(maxDiagnostics: 1).capped(mixed, file: "f")
        #expect(kept.map(\.message).first == "e1")
        #expect(kept.last?.message.hasPrefix("… and 2 more warnings, 1 more note") == true, "\(kept)")
    }

    @Test func theInputSizeLimitHoldsInTheLibraryToo() throws {
        let seed = try Fixtures.data(Self.seedName)
        let small = ReadLimits(maxInputBytes: 1000)
        let d = try #require(Normalizer.normalize(seed, fileName: "s.txt", limits: small).diagnostics.first)
        #expect(d.code == "limit.input-size")
        #expect(d.message.contains("--max-input-mb"))
        let xml = Data(try Self.seedXML().utf8)
        #expect(SchemaValidator.shared.validate(xml, limits: small).first?.code == "limit.input-size")
    }
}
