import Foundation
import Testing
@testable import OGIReport

/// The issue's expectations on the five seeds (`Fixtures/seeds/`), and the same results from a
/// text submission and from its canonical XML. Enabled once the readers (and the XML layer)
/// are merged.
@Suite struct SeedCheckTests {
    struct Expected: Sendable {
        /// Failing rule instances: rule, instance, left, right.
        let fails: [(String, String, Decimal, Decimal)]
        /// Failing advisories: rule, instance.
        let warnings: [(String, String)]
    }

    static let expected: [String: Expected] = [
        "000": Expected(fails: [], warnings: []),
        "001": Expected(fails: [], warnings: []),
        "002": Expected(fails: [("OGI-R1", "column naturalPerson", 1, 0),
                                ("OGI-R3", "column naturalPerson", 0, 1),
                                ("OGI-R4", "row received", 0, 1),
                                ("OGI-R4", "row unavailable.notHeld", 0, 1)],
                        warnings: [("OGI-A2", "report")]),
        "003": Expected(fails: [("OGI-R1", "column naturalPerson", 1, 2),
                                ("OGI-R1", "column commercial", 1, 0)],
                        warnings: []),
        "004": Expected(fails: [], warnings: []),
    ]

    static func seed(_ prefix: String) -> URL? {
        Fixtures.files(in: "seeds", ext: "txt").first { $0.lastPathComponent.hasPrefix(prefix) }
    }

    static let ready = Availability.textReader && Availability.seeds

    @Test(.enabled(if: ready, "needs the text reader and Fixtures/seeds"), arguments: expected.keys.sorted())
    func seedExpectations(_ prefix: String) throws {
        let url = try #require(Self.seed(prefix))
        let read = try TextReportReader.read(try Data(contentsOf: url), fileName: url.lastPathComponent)
        let results = Checker.run(read.report)
        let exp = try #require(Self.expected[prefix])
        let rules = results.filter { $0.rule.hasPrefix("OGI-R") }
        #expect(rules.count == 7 + 7 + (Checker.edition(of: read.report) == .e2019 ? 23 : 25) + 3)
        let fails = rules.filter { $0.status != .pass }
        #expect(fails.map { "\($0.rule) \($0.instance)" }.sorted() == exp.fails.map { "\($0.0) \($0.1)" }.sorted(),
                "\(prefix): \(fails.map(\.message))")
        for (rule, instance, l, r) in exp.fails {
            let f = fails.first { $0.rule == rule && $0.instance == instance }
            #expect(f?.status == .fail && f?.left == l && f?.right == r, "\(prefix) \(rule) \(instance): \(f?.message ?? "-")")
            // Every FAIL names its cells, each with its source line.
            #expect(f.map { !$0.cells.isEmpty && $0.cells.allSatisfy { $0.position != nil } } == true)
        }
        let warnings = results.filter { !$0.rule.hasPrefix("OGI-R") && $0.status != .pass }
        #expect(warnings.map { "\($0.rule) \($0.instance)" }.sorted() == exp.warnings.map { "\($0.0) \($0.1)" }.sorted(),
                "\(prefix): \(warnings.map(\.message))")
    }

    /// The human output of `ogi check` on the two failing seeds, as golden files
    /// (`Fixtures/checks/golden/NNN.out`; regenerate with `cd Fixtures/seeds && ogi check FILE`).
    @Test(.enabled(if: ready, "needs the text reader and Fixtures/seeds"), arguments: ["002", "003"])
    func humanOutputGolden(_ prefix: String) throws {
        let url = try #require(Self.seed(prefix))
        let name = url.lastPathComponent
        let input = try CheckInput.load(try Data(contentsOf: url), fileName: name)
        let text = CheckReport.human(Checker.run(input.report), sourceName: input.sourceName, fallbackName: name,
                                     sourceLines: input.sourceLines, edition: Checker.edition(of: input.report), all: false)
        #expect(text == (try Fixtures.string("checks/golden/\(prefix).out")))
    }

    /// `ogi check` on a text submission and on its canonical XML give the same results.
    @Test(.enabled(if: ready && Availability.canonicalXML, "needs the readers and the XML layer"),
          arguments: expected.keys.sorted())
    func textAndCanonicalXMLAgree(_ prefix: String) throws {
        let url = try #require(Self.seed(prefix))
        let name = url.lastPathComponent
        let data = try Data(contentsOf: url)
        let fromText = try CheckInput.load(data, fileName: name)
        #expect(!fromText.isXML)
        let xml = CanonicalXML.write(fromText.report)
        let fromXML = try CheckInput.load(Data(xml.utf8), fileName: "report.xml")
        #expect(fromXML.isXML)
        #expect(Checker.run(fromText.report) == Checker.run(fromXML.report))
        // Embedded results survive the round trip.
        var embedded = fromText.report
        embedded.checks = Checker.run(embedded)
        let back = try CanonicalXML.read(Data(CanonicalXML.write(embedded).utf8), fileName: "embedded.xml")
        #expect(back.checks == embedded.checks)
    }
}
