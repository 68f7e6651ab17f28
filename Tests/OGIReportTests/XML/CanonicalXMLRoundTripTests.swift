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
        #expect(back != m, "the sample is not in canonical order")
        #expect(back == CanonicalXML.canonicalOrder(m))
    }
}
