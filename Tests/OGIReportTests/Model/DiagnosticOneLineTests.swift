import Foundation
import Testing
@testable import OGIReport

/// ``Diagnostic/oneLine(_:)``: every diagnostic is one line and safe for a terminal — line breaks
/// as "⏎", control characters (C0 with tab, ESC and BEL, DEL, C1) and bidi controls as `\u{…}`.
/// Reproducer: `Fixtures/repro/terminal-escape-in-diagnostics.txt`.
@Suite struct DiagnosticOneLineTests {
    @Test func controlCharactersAreEscaped() {
        #expect(Diagnostic.oneLine("“\u{1B}]0;PWNED\u{07}\u{1B}[31m行政处罚X”") == "“\\u{1B}]0;PWNED\\u{7}\\u{1B}[31m行政处罚X”")
        #expect(Diagnostic.oneLine("a\u{0}b\u{7F}c\u{85}d\u{9F}e\tf") == "a\\u{0}b\\u{7F}c\\u{85}d\\u{9F}e\\u{9}f")
        #expect(Diagnostic.oneLine("x\u{202E}y\u{2066}z") == "x\\u{202E}y\\u{2066}z")
        // Invisible format characters a quoted cell may hold are shown too.
        #expect(Diagnostic.oneLine("“\u{200F}15” “1\u{AD}5” “\u{FEFF}1\u{200B}” \u{61C}\u{2060}") == "“\\u{200F}15” “1\\u{AD}5” “\\u{FEFF}1\\u{200B}” \\u{61C}\\u{2060}")
        #expect(Diagnostic.oneLine("内\r\n容\n尾\r末\u{2028}行") == "内⏎容⏎尾⏎末⏎行")
    }

    @Test func ordinaryTextIsUnchangedAndEscapingIsIdempotent() {
        for s in ["unknown row “内容” in table 1", "“—” — 12,901 ¥ © é ‰ … ① ‐ ′ ⁰ ﹏x ￥ ؛", ""] {
            #expect(Diagnostic.oneLine(s) == s)
        }
        let once = Diagnostic.oneLine("a\u{1B}b\n\u{85}")
        #expect(Diagnostic.oneLine(once) == once)
    }

    @Test func theWholeDescriptionIsOneLine() {
        let d = Diagnostic.warning("unknown row “\u{1B}[2J\r\nX”", code: "table.unknown-row", file: "a.txt", line: 40, column: 1)
        #expect(d.description == "a.txt:40:1: warning[table.unknown-row]: unknown row “\\u{1B}[2J⏎X”")
    }
}
