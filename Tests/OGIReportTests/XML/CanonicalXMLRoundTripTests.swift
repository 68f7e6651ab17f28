import Foundation
import Testing
@testable import OGIReport

@Suite struct CanonicalXMLRoundTripTests {
    @Test func fullReportRoundTrips() throws {
        let m = SampleReports.full2021()
        let xml = CanonicalXML.write(m)
        let diags = SchemaValidator.shared.validate(Data(xml.utf8), fileName: "full.xml")
        #expect(diags.isEmpty, "\(diags.map(\.description))")
        let back = try CanonicalXML.read(Data(xml.utf8), fileName: "full.xml")
        #expect(back == m)
    }

    @Test func report2019RoundTrips() throws {
        let m = SampleReports.report2019()
        let xml = CanonicalXML.write(m)
        let back = try CanonicalXML.read(Data(xml.utf8), fileName: "2019.xml")
        // The sample is built in the 2019 reading order, which the canonical order keeps.
        #expect(back == m)
        #expect(back == CanonicalXML.canonicalOrder(m))
    }
}
