import Foundation
import Testing

/// Sniffing by content and exit codes (issue 9 item 6) on the reproducers copied from
/// `../shared/repro` into `Fixtures/repro`: UTF-16 canonical XML is XML, a text submission that
/// starts with `<` is text, and bytes after the root element (a NUL and garbage) fail `validate`.
@Suite struct SniffingReproTests {
    @Test func utf16CanonicalXMLIsReadAsXML() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let f = "\"$FIXTURES/repro/check-utf16-xml-read-as-text.xml\""
        let v = try sh.run("\"$OGI\" validate \(f)")
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        // check reads it as canonical XML: no reader diagnostics about text lines or tables.
        let c = try sh.run("\"$OGI\" check --format json \(f)")
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stderr.isEmpty, "\(c.stderr)")
        #expect(c.stdout.contains("\"results\""), "\(c.stdout.prefix(300))")
        // normalize of canonical XML writes it again (UTF-8), identical to what validate accepted.
        let n = try sh.run("\"$OGI\" normalize \(f) -o n.xml && \"$OGI\" validate n.xml && head -c 5 n.xml")
        #expect(n.status == 0, "\(n.stderr)")
        #expect(n.stdout == "<?xml")
    }

    @Test func aTextSubmissionStartingWithLessThanIsText() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let f = "\"$FIXTURES/repro/text-starting-with-lt-check-refuses.txt\""
        let n = try sh.run("\"$OGI\" normalize \(f) >/dev/null")
        let c = try sh.run("\"$OGI\" check \(f) >/dev/null")
        #expect(n.status == 0, "\(n.stderr)")
        #expect(c.status == n.status, "\(c.stderr)")
        #expect(!c.stderr.contains("xml"), "\(c.stderr)")
        #expect(!c.stderr.contains("error"), "\(c.stderr)")
    }

    @Test func validateRefusesGarbageAfterTheRootElement() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let v = try sh.run("\"$OGI\" validate \"$FIXTURES/repro/validate-accepts-garbage-after-nul.xml\"")
        #expect(v.status == 1)
        #expect(v.stdout.contains("validate-accepts-garbage-after-nul.xml:241: error[xml.nul]: NUL character"), "\(v.stdout)")
        #expect(try sh.run("\"$OGI\" check \"$FIXTURES/repro/validate-accepts-garbage-after-nul.xml\"").status == 1)
        #expect(try sh.run("\"$OGI\" normalize \"$FIXTURES/repro/validate-accepts-garbage-after-nul.xml\" >/dev/null").status == 1)
        // Without the NUL, the garbage is still content after the root.
        let g = try sh.run("tr -d '\\000' < \"$FIXTURES/repro/validate-accepts-garbage-after-nul.xml\" > g.xml && \"$OGI\" validate g.xml")
        #expect(g.status == 1)
        #expect(g.stdout.contains("g.xml:241: error[xml.after-root]"), "\(g.stdout)")
    }
}
