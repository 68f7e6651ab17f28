import Foundation
import Testing

/// A document never makes ogi open another file (issue 9 item 4): `check` of canonical XML does
/// not read the file its `<source fileName=…>` names beside it; excerpts need `--source FILE`,
/// which is size-capped and must be the very source (SHA-256). Reproducer:
/// `Fixtures/repro/check-reads-sibling/evil.xml` (its source entry names "../../big.bin"; its
/// SHA-256 is the one of seed 000).
@Suite struct CheckSourceTests {
    /// A scratch folder holding evil.xml and, as big.bin, the seed it was read from.
    private func setUp() throws -> CLIShell {
        let sh = try CLIShell()
        #expect(try sh.run("cp \"$FIXTURES/repro/check-reads-sibling/evil.xml\" . && cp \"$SEED\" big.bin").status == 0)
        return sh
    }

    /// The excerpt lines of human output (a source line is printed indented by four spaces).
    private func excerpts(_ out: String) -> [Substring] {
        out.split(separator: "\n").filter { $0.hasPrefix("    ") && !$0.hasPrefix("    cells:") }
    }

    @Test func theFileADocumentNamesIsNeverOpened() throws {
        let sh = try setUp(); defer { sh.remove() }
        // big.bin is the very source (same SHA-256): were it opened, its lines would be excerpted.
        let r = try sh.run("\"$OGI\" check --all evil.xml")
        #expect(r.status == 1, "\(r.stderr)")  // evil.xml's numbers fail R1
        #expect(excerpts(r.stdout).isEmpty, "\(r.stdout)")
        #expect(r.stdout.hasPrefix("../../big.bin:51:19: error[OGI-R1]"))
    }

    @Test func sourceGivesExcerptsNamedByTheUsersPath() throws {
        let sh = try setUp(); defer { sh.remove() }
        let r = try sh.run("\"$OGI\" check --source big.bin evil.xml")
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("big.bin:51:19: error[OGI-R1]"), "\(r.stdout)")
        #expect(!excerpts(r.stdout).isEmpty)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func aSourceThatIsTooLargeIsRefusedBeforeItIsRead() throws {
        let sh = try setUp(); defer { sh.remove() }
        let r = try sh.run("truncate -s 33M huge && \"$OGI\" check --source huge evil.xml")
        #expect(r.status == 2)
        #expect(r.stderr == "huge: error[limit.input-size]: larger than the 32 MB limit; not read\n")
    }

    @Test func aWrongSourceOrATextFileGetsAWarningAndNoExcerpts() throws {
        let sh = try setUp(); defer { sh.remove() }
        let wrong = try sh.run("cp \"$FIXTURES/seeds/001_920faedf84c991f1.txt\" other.txt && \"$OGI\" check --all --source other.txt evil.xml")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.hasPrefix("other.txt: warning[check.source]: not the source the report was read from"), "\(wrong.stderr)")
        #expect(excerpts(wrong.stdout).isEmpty)
        let text = try sh.run("\"$OGI\" check --source big.bin \"$SEED\" >/dev/null")
        #expect(text.status == 0)
        #expect(text.stderr.contains("big.bin: warning[check.source]: --source is only used with canonical XML"), "\(text.stderr)")
    }

    @Test func sourceNeedsExactlyOneFile() throws {
        let sh = try setUp(); defer { sh.remove() }
        #expect(try sh.run("\"$OGI\" check --source big.bin evil.xml evil.xml 2>/dev/null").status == 2)
        #expect(try sh.run("\"$OGI\" check --source - - 2>/dev/null").status == 2)
        // The source may not be the -o of --embed either.
        let r = try sh.run("\"$OGI\" check --source big.bin evil.xml --embed -o big.bin >/dev/null")
        #expect(r.status == 2 && r.stderr.contains("is the input"), "\(r.stderr)")
    }
}
