import Foundation
import Testing
@testable import OGIReport

/// normalize(template(x)) == x with the template's tables rewritten in the PDF-text layouts:
/// markdown pipe rows (`| a | b |`, a rule under the first row of each table) and ` | ` rows.
@Suite struct LayoutRoundTripTests {
    /// Each tab row as a pipe row; with `markdown`, outer pipes and a `|---|` rule after a table's first row.
    static func pipeRows(_ text: String, markdown: Bool) -> String {
        var out: [String] = []
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.contains("\t") else { out.append(String(line)); inTable = false; continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.isEmpty ? " " : String($0) }
            out.append(markdown ? "| " + cells.joined(separator: " | ") + " |" : cells.joined(separator: " | "))
            if markdown && !inTable { out.append("|" + cells.map { _ in "---" }.joined(separator: "|") + "|") }
            inTable = true
        }
        return out.joined(separator: "\n")
    }

    @Test(arguments: [(Edition.e2021, true), (.e2021, false), (.e2019, true), (.e2019, false)])
    func randomReportsRoundTripAsPipeRows(_ edition: Edition, _ markdown: Bool) throws {
        var g = SeededRNG(seed: markdown ? 7021 : 7022)
        for i in 0..<30 {
            let x = WriterRandomReports.make(edition, using: &g)
            let text = Self.pipeRows(TemplateWriter.write(x, format: .text), markdown: markdown)
            let read = try ReaderRegistry.read(Data(text.utf8), fileName: "pipe-\(i).md")
            #expect(read.result.report.metadata.source?.layout == .pipeRows)
            let d = RoundTrip.differences(x, read.result.report)
            #expect(d.isEmpty, "case \(i): \(d.prefix(5).joined(separator: "; "))")
            if !d.isEmpty { return }
        }
    }
}
