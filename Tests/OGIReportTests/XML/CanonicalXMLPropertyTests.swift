import Foundation
import Testing
@testable import OGIReport

@Suite struct CanonicalXMLPropertyTests {
    /// reader(writer(m)) == m over random canonical models of both editions.
    @Test func readerInvertsWriter() throws {
        var gen = RandomReports(seed: 0x0615_2021)
        for i in 0..<300 {
            let m = gen.report()
            let xml = CanonicalXML.write(m)
            do {
                let back = try CanonicalXML.read(Data(xml.utf8), fileName: "case\(i).xml")
                if back != m {
                    Issue.record("case \(i): round trip differs\n\(xml)")
                    return
                }
                #expect(CanonicalXML.write(back) == xml)
            } catch {
                Issue.record("case \(i): \(error)\n\(xml)")
                return
            }
        }
    }
}
