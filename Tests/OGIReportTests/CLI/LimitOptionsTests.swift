import Foundation
import Testing

/// The limit flags (`Sources/ogi/LimitOptions.swift`) on the built `ogi`: each limit's one-line
/// error names its flag, the flag raises it, and input size is refused before the input is read
/// (a file by its size, standard input once the cap has arrived).
@Suite struct LimitOptionsTests {
    @Test func anInputOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        // A sparse 40 MB file: over the default 32 MB, refused by its size without reading it.
        let r = try sh.run("truncate -s 40M big.txt && \"$OGI\" normalize big.txt")
        #expect(r.status == 2)
        #expect(r.stderr == "big.txt: error[limit.input-size]: larger than the 32 MB limit; not read (raise it with --max-input-mb)\n", "\(r.stderr)")
        for command in ["check", "validate"] {
            let c = try sh.run("\"$OGI\" \(command) --max-input-mb 1 \"$SEED\" big.txt >/dev/null")
            #expect(c.status == 2, "\(command)")
            #expect(c.stderr.contains("big.txt: error[limit.input-size]: larger than the 1 MB limit"), "\(command): \(c.stderr)")
        }
        let t = try sh.run("\"$OGI\" template --max-input-mb 1 --from big.txt")
        #expect(t.status == 2)
        #expect(t.stderr.contains("big.txt: error[limit.input-size]"), "\(t.stderr)")
        // Standard input: reading stops past the cap (head gets SIGPIPE, so 10 GB never flows).
        let s = try sh.run("head -c 10000000000 /dev/zero | \"$OGI\" normalize --max-input-mb 1")
        #expect(s.status == 2)
        #expect(s.stderr == "-: error[limit.input-size]: larger than the 1 MB limit; not read (raise it with --max-input-mb)\n", "\(s.stderr)")
        #expect(try sh.run("\"$OGI\" normalize --max-input-mb 1 \"$SEED\" >/dev/null").status == 0)
        #expect(try sh.run("\"$OGI\" normalize --max-input-mb 0 \"$SEED\"").status != 0)
    }

    @Test func eachLimitFlagRaisesItsLimit() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        #expect(try sh.run("\"$OGI\" normalize \"$SEED\" -o s.xml").status == 0)
        // 200 attributes on <agency>: over the default 64.
        let attrs = (0..<200).map { " a\($0)=\"1\"" }.joined()
        let v = try sh.run("sed 's/<agency>/<agency\(attrs)>/' s.xml > a.xml && \"$OGI\" validate a.xml")
        #expect(v.status == 1)
        #expect(v.stdout.contains("a.xml:") && v.stdout.contains("error[limit.attributes]: element <agency> has more than 64 attributes"), "\(v.stdout)")
        #expect(v.stdout.contains("(limit: 64 attributes per element; raise it with --max-attributes)"))
        let raised = try sh.run("\"$OGI\" validate --max-attributes 300 a.xml")
        #expect(raised.status == 1)
        #expect(!raised.stdout.contains("limit.attributes") && raised.stdout.contains("a0"), "\(raised.stdout)")
        let check = try sh.run("\"$OGI\" check a.xml")
        #expect(check.status == 1)
        #expect(check.stderr.contains("error[limit.attributes]"), "\(check.stderr)")
        let depth = try sh.run("\"$OGI\" validate --max-depth 2 s.xml")
        #expect(depth.status == 1)
        #expect(depth.stdout.contains("error[limit.depth]") && depth.stdout.contains("--max-depth"), "\(depth.stdout)")
        let para = try sh.run("awk 'NR==9{for(i=0;i<400;i++) printf \"公开\"} {print}' \"$SEED\" > p.txt && \"$OGI\" normalize --max-paragraph-kb 1 p.txt")
        #expect(para.status == 1)
        #expect(para.stderr.hasPrefix("p.txt:9:1: error[limit.paragraph]: line 9 has ") && para.stderr.contains("(limit: 1 KB; raise it with --max-paragraph-kb)"), "\(para.stderr)")
        #expect(para.stdout.isEmpty)
        let rows = try sh.run("\"$OGI\" check --max-rows 3 \"$SEED\"")
        #expect(rows.status == 1)
        #expect(rows.stderr.contains("error[limit.rows]") && rows.stderr.contains("--max-rows"), "\(rows.stderr)")
        let diags = try sh.run("\"$OGI\" normalize --max-diagnostics 1 \"$FIXTURES/bad/unknown-row.txt\" >/dev/null")
        let lines = diags.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(diags.stderr)")
        #expect(lines.last?.contains("note[limit.diagnostics]: … and ") == true, "\(diags.stderr)")
    }
}
