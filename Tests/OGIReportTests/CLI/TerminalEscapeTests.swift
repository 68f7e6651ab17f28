import Foundation
import Testing

/// Control characters from an input never reach the terminal raw (issue 9 item 5): the
/// reproducer `Fixtures/repro/terminal-escape-in-diagnostics.txt` has ESC ] 0 ; … BEL (retitle
/// the terminal) and ESC [ 31 m (red) in a row label.
@Suite struct TerminalEscapeTests {
    /// True when the text holds a control character other than the line feed ending each line.
    private func hasRawControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test func diagnosticsAndExcerptsEscapeControlCharacters() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let f = "\"$FIXTURES/repro/terminal-escape-in-diagnostics.txt\""
        // (Excerpts of other lines show their tabs as \u{9}; `CheckReportTests` tests the escaping
        // of an excerpt itself.)
        for command in ["normalize \(f) -o out.xml", "check \(f)", "check --all \(f)", "check --format json \(f)"] {
            let r = try sh.run("\"$OGI\" \(command)")
            #expect(!hasRawControl(r.stdout) && !hasRawControl(r.stderr), "\(command)")
            #expect(r.status != 2, "\(command): \(r.stderr)")
        }
        let n = try sh.run("\"$OGI\" normalize \(f) >/dev/null")
        let line = try #require(n.stderr.split(separator: "\n").first { $0.contains("table.unknown-row") })
        #expect(line.hasSuffix(":40:1: warning[table.unknown-row]: unknown row “\\u{1B}]0;PWNED\\u{7}\\u{1B}[31m行政处罚X” in table 1"))
    }

    @Test func aFileNameWithControlCharactersIsEscapedToo() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("cp \"$FIXTURES/bad/empty.txt\" \"$(printf 'e\\033[2Jx.txt')\" && \"$OGI\" normalize e*x.txt >/dev/null")
        #expect(r.stderr.hasPrefix("e\\u{1B}[2Jx.txt:1:1: error[read.empty]"), "\(r.stderr)")
        let missing = try sh.run("\"$OGI\" check \"$(printf 'no\\007such')\"")
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("no\\u{7}such: error: cannot read file"), "\(missing.stderr)")
        #expect(!hasRawControl(missing.stderr))
    }
}
