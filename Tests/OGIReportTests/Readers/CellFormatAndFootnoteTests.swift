import Foundation
import Testing
@testable import OGIReport

/// Invisible format characters and footnote markers in number cells (``CellValueParser``, issue 9
/// item 3). Reproducers: `Fixtures/repro/invisible-rlm-masks-R4-failure.txt` (a U+200F before
/// "15" hid a wrong total: R4 must fail as in `invisible-rlm-control-fails-R4.txt`) and
/// `footnote-marker-cell-becomes-text.txt` ("353①").
@Suite struct CellFormatAndFootnoteTests {
    @Test(arguments: ["\u{200F}15", "1\u{200F}5", "15\u{200E}", "1\u{AD}5", "\u{FEFF}15", "1\u{200B}5", "\u{202E}15\u{202C}",
                      "1\u{2060}5", "1\u{2066}5\u{2069}", "\u{200D}１５", "1\u{E0031}5"])
    func formatCharactersAreRemovedAndNoted(_ raw: String) {
        let p = CellValueParser.parse(raw, kind: .count)
        #expect(p.presence == .value && p.number == 15 && !p.uncertain, "\(raw.debugDescription)")
        #expect(p.formatCharactersRemoved, "\(raw.debugDescription)")
        #expect(p.footnoteMarkerLength == 0)
    }

    @Test func cellsWithoutFormatCharactersAreNotFlagged() {
        for raw in ["15", "1 5", "12,901", "2560万元", "0"] {
            #expect(!CellValueParser.parse(raw).formatCharactersRemoved, "\(raw)")
        }
        // Only a number is flagged: blank, not-applicable and text cells stay the plain readings.
        #expect(CellValueParser.parse("\u{200F}") == .blank)
        #expect(CellValueParser.parse("\u{200F}/") == .notApplicable)
        #expect(CellValueParser.parse("无\u{AD}数据") == .text)
    }

    @Test(arguments: [
        ("353①", "①"), ("353⑳", "⑳"), ("353*", "*"), ("353＊", "＊"), ("353**", "**"), ("353[1]", "[1]"),
        ("353［12］", "［12］"), ("353¹", "¹"), ("353²³", "²³"), ("353 ①", "①"), ("353†", "†"), ("353※", "※"),
        ("353件①", "①"), ("353⑴", "⑴"), ("353❶", "❶"), ("3\u{200F}53①", "①"),
    ])
    func aFootnoteMarkerIsSplitOffTheNumber(_ raw: String, marker: String) {
        let p = CellValueParser.parse(raw, kind: .count)
        #expect(p.presence == .value && p.number == 353 && !p.uncertain, "\(raw)")
        #expect(p.footnoteMarker(in: raw) == marker, "\(raw)")
    }

    @Test(arguments: ["①", "*", "[1]", "353①abc", "353[]", "353[1234]", "353]", "353[a]", "1*2", "353①件", "(1)", "35③3", "353(1)"])
    func whatIsNotANumberWithAMarkerStaysText(_ raw: String) {
        let p = CellValueParser.parse(raw, kind: .count)
        #expect(p.presence == .text, "\(raw) read as \(String(describing: p.number))")
        #expect(p.footnoteMarkerLength == 0)
    }

    @Test func aMarkKeepsTheOtherDoubts() {
        let p = CellValueParser.parse("增3①", kind: .signedCount)
        #expect(p.number == 3 && p.uncertain && p.footnoteMarkerLength == 1)
        #expect(CellValueParser.parse("0*").presence == .zero)
    }

    // MARK: The reproducers

    private func read(_ name: String) throws -> ReadResult {
        try TextReportReader.read(try Fixtures.data("repro/" + name), fileName: name)
    }

    private func r4Failures(_ r: ReadResult) -> [CheckResult] {
        Checker.run(r.report).filter { $0.rule == "OGI-R4" && $0.status == .fail }
    }

    @Test func anInvisibleMarkNoLongerMasksTheR4Failure() throws {
        let control = try read("invisible-rlm-control-fails-R4.txt")
        let masked = try read("invisible-rlm-masks-R4-failure.txt")
        #expect(!r4Failures(control).isEmpty)
        #expect(r4Failures(masked).map(\.instance) == r4Failures(control).map(\.instance))
        #expect(r4Failures(masked).map(\.message) == r4Failures(control).map(\.message))
        // The raw text is kept verbatim, the mark included.
        let cells = masked.report.tables.flatMap(\.cells)
        #expect(cells.contains { $0.raw == "\u{200F}15" && $0.number == 15 && !$0.uncertain })
    }

    @Test func aFootnoteMarkedCellIsReadAsItsNumber() throws {
        let r = try read("footnote-marker-cell-becomes-text.txt")
        let cell = try #require(r.report.tables.flatMap(\.cells).first { $0.raw == "353①" })
        #expect(cell.presence == .value && cell.number == 353 && !cell.uncertain)
        #expect(cell.position?.line == 40)
    }

    /// The table reader says what it did: a note for removed format characters, a warning for a
    /// footnote marker split off.
    @Test func theReadersSayWhatTheyDid() throws {
        let masked = try read("invisible-rlm-masks-R4-failure.txt")
        let note = try #require(masked.diagnostics.first { $0.code == "table.format-characters" })
        #expect(note.severity == .note && note.line == 51 && note.column != nil)
        let marked = try read("footnote-marker-cell-becomes-text.txt")
        let warning = try #require(marked.diagnostics.first { $0.code == "table.footnote-marker" })
        #expect(warning.severity == .warning && warning.line == 40 && warning.message.contains("“①”"))
    }
}
