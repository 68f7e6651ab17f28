import Foundation
import Testing
@testable import OGIReport

/// Issue 3, "nothing lost": every non-blank input line of every fixture ends up in the
/// metadata (title, date), a section heading, a block, a table (lines the table readers consumed),
/// the closing, or an unrecognised fragment — and where it went into prose, its text is there.
@Suite struct TextNothingLostTests {
    static var fixtures: [URL] {
        Fixtures.files(in: "seeds", ext: "txt") + Fixtures.files(in: "variants", ext: "txt") + Fixtures.files(in: "bad", ext: "txt")
    }

    @Test(arguments: fixtures)
    func everyNonBlankLineIsAccountedFor(_ url: URL) throws {
        let reading: TextReading
        do { reading = try TextReportReader.readDetailed(try Data(contentsOf: url), fileName: url.lastPathComponent) } catch is DiagnosticError {
            return  // undecodable input: refused as a whole, with a located error (see TextBadInputTests)
        }
        let r = reading.result.report
        // Texts that cover each line, from the report itself.
        var texts: [Int: [String]] = [:]
        var covered = reading.metadataLines.union(reading.tableLines)
        func cover(_ range: LineRange?, _ text: String) {
            guard let range else { return }
            for n in range.first...range.last { covered.insert(n); texts[n, default: []].append(text) }
        }
        for b in r.preamble { cover(b.lines, b.text) }
        for s in r.sections {
            if let l = s.line { cover(LineRange(line: l), s.heading) }
            for b in s.blocks { cover(b.lines, b.text) }
        }
        for b in r.closing { cover(b.lines, b.text) }
        for f in r.unrecognised { cover(f.lines, f.text) }
        if let t = r.metadata.title { for n in reading.metadataLines { texts[n, default: []].append(t) } }

        for line in reading.lines where !DocumentText.isBlank(line.text) {
            #expect(covered.contains(line.number), "\(url.lastPathComponent):\(line.number) not accounted for: \(line.text)")
            if reading.tableLines.contains(line.number) { continue }
            // The line's text (spaces aside) is inside what covers it, in order.
            let joined = DocumentText.compactString((texts[line.number] ?? []).joined())
            let (clean, artefacts) = TextFrontEnd.removeArtefacts(line.text)
            let want = DocumentText.compactString(clean)
            if reading.metadataLines.contains(line.number), DocumentText.dateLine(line.text) != nil { continue }
            #expect(joined.contains(want), "\(url.lastPathComponent):\(line.number) text not kept: \(line.text)")
            for (a, _) in artefacts {
                #expect(r.unrecognised.contains { $0.text == a && $0.lines.first == line.number })
            }
        }
    }

    /// Blocks never claim lines beyond the input, and block texts are never empty.
    @Test(arguments: fixtures)
    func blocksAreWellFormed(_ url: URL) throws {
        guard let reading = try? TextReportReader.readDetailed(try Data(contentsOf: url), fileName: url.lastPathComponent) else { return }
        let r = reading.result.report
        let count = reading.lines.count
        for b in r.preamble + r.sections.flatMap(\.blocks) + r.closing {
            #expect(!b.text.isEmpty)
            #expect(b.lines.map { $0.first >= 1 && $0.last <= count } ?? false)
        }
    }
}
