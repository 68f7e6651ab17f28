import Foundation
import Testing
@testable import OGIReport

@Suite struct TableDebugTests {
    @Test func dumpSeeds() throws {
        for name in TableTestSupport.seedNames {
            let r = TableTestSupport.read(try TableTestSupport.seedText(name), fileName: name)
            print("==== \(name)\n" + TableTestSupport.dump(r))
        }
    }
}
