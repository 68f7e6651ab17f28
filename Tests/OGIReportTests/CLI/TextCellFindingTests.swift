import Foundation
import Testing

/// A value position holding text is said, and a rule it keeps from being assessed is a finding
/// (issue 9 item 3): `check` exits 1 and `normalize --strict` exits 1, where seed 000 itself is clean.
@Suite struct TextCellFindingTests {
    @Test func aTextCellThatBlocksARuleIsAFinding() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        var lines = try Fixtures.string("seeds/000_44f90c379b4f7fce.txt").components(separatedBy: "\n")
        lines[50] = lines[50].replacingOccurrences(of: "\t14\t0", with: "\t十四件\t0")  // 自然人 of row 一 as words
        try Data(lines.joined(separator: "\n").utf8).write(to: sh.url("t.txt"))
        let clean = try sh.run("\"$OGI\" check \"$FIXTURES/seeds/000_44f90c379b4f7fce.txt\" >/dev/null 2>&1")
        #expect(clean.status == 0)
        let check = try sh.run("\"$OGI\" check t.txt")
        #expect(check.status == 1, "\(check.stdout) \(check.stderr)")
        #expect(check.stderr.contains("warning[table.value-text]") || check.stdout.contains("warning[table.value-text]"), "\(check.stderr)")
        #expect(check.stdout.contains("not assessable") || check.stderr.contains("not assessable"))
        let strict = try sh.run("\"$OGI\" normalize --strict t.txt -o t.xml")
        #expect(strict.status == 1, "\(strict.stderr)")
        let plain = try sh.run("\"$OGI\" normalize t.txt -o t2.xml")
        #expect(plain.status == 0, "\(plain.stderr)")
    }
}
