import Foundation
import Testing
@testable import OGIReport

/// Marker-based tests: each fixture in `Fixtures/checks/` marks the spot every diagnostic must
/// point at (see ``MarkedFixture``). `tab-*.txt` are small tab-layout reports (both editions);
/// `cell-per-line-2021.txt` is seed 003 with markers, a "/" and a table 3 value changed.
@Suite struct MarkerTests {
    static let fixtures = Fixtures.files(in: "checks", ext: "txt").map(\.lastPathComponent)

    @Test func markerParsing() throws {
        let f = try MarkedFixture("a\t⟪R1⟫15\t⟪R3:NA,R4:NA⟫/\n\t⟪A1⟫4\n")
        #expect(f.text == "a\t15\t/\n\t4\n")
        #expect(f.markers.map(\.description) == ["OGI-R1 FAIL at 1:3", "OGI-R3 NOT_ASSESSABLE at 1:6",
                                                 "OGI-R4 NOT_ASSESSABLE at 1:6", "OGI-A1 FAIL at 2:2"])
        #expect(throws: MarkedFixture.ParseError.self) { try MarkedFixture("⟪R1") }
        #expect(throws: MarkedFixture.ParseError.self) { try MarkedFixture("⟪R1:X⟫") }
    }

    @Test func fixturesExist() {
        #expect(Self.fixtures.count >= 3)
    }

    /// The fixtures at the model level (a test-only reading of their regular layout): the
    /// markers and the checks agree before the real reader is merged.
    @Test(arguments: fixtures.filter { $0.hasPrefix("tab-") })
    func markersAtModelLevel(_ name: String) throws {
        let fixture = try MarkedFixture(try Fixtures.string("checks/" + name))
        let results = Checker.run(FixtureModel.report(fixture.text))
        let found = MarkedFixture.found(results)
        #expect(Set(found) == Set(fixture.markers), "\(name): expected \(fixture.markers), found \(found)")
        #expect(found.count == fixture.markers.count, "\(name): \(found)")
    }

    @Test(.enabled(if: Availability.textReader, "needs the text reader"), arguments: fixtures)
    func diagnosticsPointAtMarkers(_ name: String) throws {
        let fixture = try MarkedFixture(try Fixtures.string("checks/" + name))
        #expect(!fixture.markers.isEmpty)
        let read = try TextReportReader.read(Data(fixture.text.utf8), fileName: name)
        let results = Checker.run(read.report)
        let found = MarkedFixture.found(results)
        #expect(Set(found) == Set(fixture.markers), "\(name): expected \(fixture.markers), found \(found)")
        #expect(found.count == fixture.markers.count, "\(name): \(found)")
        // Every FAIL and NOT_ASSESSABLE of a rule is located.
        for r in results where r.rule.hasPrefix("OGI-R") && r.status != .pass {
            #expect(CheckReport.position(of: r) != nil, "\(r.message)")
            #expect(r.cells.allSatisfy { $0.position != nil }, "\(r.message)")
        }
    }
}
