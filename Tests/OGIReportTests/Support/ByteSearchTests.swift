import Foundation
import Testing
@testable import OGIReport

@Suite struct ByteSearchTests {
    @Test func rangeOfFindsTheFirstOccurrence() throws {
        let s = "某某区人民政府关于2023年政府信息公开工作年度报告关于"
        let r = try #require(ByteSearch.range(of: "关于", in: s))
        #expect(String(s[..<r.lowerBound]) == "某某区人民政府")
        #expect(String(s[r]) == "关于")
        let last = try #require(ByteSearch.range(of: "年度报告关于", in: s))
        #expect(last.upperBound == s.endIndex)
    }

    @Test func rangeOfEdgeCases() {
        #expect(ByteSearch.range(of: "", in: "abc") == "abc".startIndex..<"abc".startIndex)
        #expect(ByteSearch.range(of: "abcd", in: "abc") == nil)
        #expect(ByteSearch.range(of: "x", in: "") == nil)
        #expect(ByteSearch.range(of: "告", in: "报告")?.lowerBound == "报告".unicodeScalars.index(after: "报告".startIndex))
        // Bytes of a later scalar never match inside an earlier one.
        #expect(ByteSearch.range(of: "\u{8BF7}", in: "\u{8BF8}\u{8BF7}") != nil)
        #expect(ByteSearch.range(of: "ab", in: "aab")?.lowerBound == "aab".utf8.index(after: "aab".startIndex))
    }

    /// The same answer as Foundation's search on text without canonical equivalents.
    @Test func agreesWithFoundationOnPlainText() {
        let hays = ["政府信息公开工作年度报告", "关于印发2023年度报告的通知", "abc关于def关于", "", "年度报告"]
        for h in hays {
            for n in ["关于", "政府信息公开", "年度报告", "报告", "x"] {
                #expect(ByteSearch.range(of: n, in: h) == h.range(of: n), "\(n) in \(h)")
            }
        }
    }
}
