import Foundation
import Testing
@testable import OGIReport

/// Inputs found by `tools/fuzz.py` that once crashed or misbehaved.
@Suite struct TextRobustnessTests {
    /// A line starting with a long run of digits once overflowed the numbering-marker parser.
    @Test func longDigitRunAtLineStartIsNoMarker() throws {
        let text = "某局2023年政府信息公开工作年度报告\n\n12345678901234567890、总体情况\n一、总体情况\n正文。\n"
        let r = try TextReportReader.read(Data(text.utf8), fileName: "digits.txt")
        #expect(r.report.section(.overview) != nil)
    }
}
