import Foundation
import Testing
@testable import OGIReport

/// The CLI as users expect it: `--version`, one `--format text|json` vocabulary, one error
/// prefix style, reader diagnostics in JSON, advisories with their own status, the rule table
/// as JSON, the output format from `-o NAME.ext`, folders as inputs.
@Suite struct CLIConsistencyTests {
    @Test func versionNamesTheReleaseAndTheSchema() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("$OGI --version")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("ogi ") && r.stdout.contains("(canonical XML schema \(CanonicalXML.schemaVersion))"), "\(r.stdout)")
    }

    @Test func oneFormatVocabularyAcrossCommands() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let seed = "\"$SEED\""
        #expect(try sh.run("$OGI check --format text \(seed)").status == 0)
        #expect(try sh.run("$OGI check --format human \(seed)").status == 0, "check's earlier name is still accepted")
        #expect(try sh.run("$OGI normalize -q --out-dir x \(seed) && $OGI validate --format text x && $OGI validate --format json x").status == 0)
        #expect(try sh.run("$OGI normalize --format text \(seed) >/dev/null").status == 0)
        for command in ["check", "validate", "normalize"] {
            let bad = try sh.run("$OGI \(command) --format yaml \(seed)")
            #expect(bad.status == 2)
            #expect(bad.stderr.hasPrefix("ogi: error: The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'."),
                    "\(command): \(bad.stderr)")
        }
    }

    @Test func errorsHaveOnePrefixStyle() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let parser = try sh.run("$OGI check --bogus")
        #expect(parser.status == 2 && parser.stderr.hasPrefix("ogi: error: Unknown option '--bogus'"), "\(parser.stderr)")
        let check = try sh.run("$OGI check")
        #expect(check.status == 2 && check.stderr == "ogi check: error: no input file (see 'ogi check --help')\n", "\(check.stderr)")
        let template = try sh.run("$OGI template --format pdf")
        #expect(template.status == 2)
        #expect(template.stderr == "ogi template: error: unknown format 'pdf'; expected text, html, docx or xml (see 'ogi template --help')\n",
                "\(template.stderr)")
        let normalize = try sh.run("$OGI normalize \"$SEED\" \"$SEED\"")
        #expect(normalize.stderr.hasPrefix("ogi normalize: error: "), "\(normalize.stderr)")
        let missing = try sh.run("$OGI normalize no-such.txt")
        #expect(missing.stderr.hasPrefix("no-such.txt: error: "), "a file's error names the file: \(missing.stderr)")
    }

    @Test func normalizeGivesItsDiagnosticsAsJSON() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let one = try sh.run("$OGI normalize --format json \"$FIXTURES\"/bad/undecodable.txt")
        #expect(one.status == 1)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(one.stderr.utf8)) as? [String: Any], "\(one.stderr)")
        #expect(o["status"] as? String == "unreadable" && (o["exit"] as? NSNumber)?.intValue == 1)
        let diags = try #require(o["diagnostics"] as? [[String: Any]])
        #expect(diags.first?["severity"] as? String == "error" && diags.first?["code"] != nil, "\(diags)")
        // A batch: one object a line per input, in input order, and no text summary.
        let many = try sh.run("$OGI normalize --format json --out-dir out \"$FIXTURES\"/seeds/00[01]*.txt \"$FIXTURES\"/bad/undecodable.txt")
        let lines = many.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(many.stderr)")
        let paths = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["path"] as? String }
        #expect(paths.map { $0.map { URL(fileURLWithPath: $0).lastPathComponent } } == ["000_44f90c379b4f7fce.txt", "001_920faedf84c991f1.txt", "undecodable.txt"])
    }

    @Test func checkJSONCarriesTheReaderDiagnosticsAndAdvisoriesHaveTheirOwnStatus() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("$OGI check --format json \"$FIXTURES\"/seeds/002_a2c9da7275a0d61c.txt \"$FIXTURES\"/bad/undecodable.txt")
        let files = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stdout)")
        #expect(files.count == 2)
        let checked = files[0]
        #expect(checked["diagnostics"] is [[String: Any]], "the reader's diagnostics are in the JSON")
        let results = try #require(checked["results"] as? [[String: Any]])
        let advisories = results.filter { ($0["rule"] as? String)?.hasPrefix("OGI-A") == true && $0["status"] as? String != "PASS" }
        #expect(!advisories.isEmpty)
        #expect(advisories.allSatisfy { $0["status"] as? String == "ADVISORY" && $0["severity"] as? String == "warning" }, "\(advisories)")
        #expect(!results.contains { ($0["rule"] as? String)?.hasPrefix("OGI-A") == true && $0["status"] as? String == "FAIL" })
        // An unreadable input is in the JSON too, with why.
        #expect(files[1]["readable"] as? Bool == false)
        #expect(((files[1]["diagnostics"] as? [[String: Any]])?.first?["severity"] as? String) == "error")
    }

    @Test func ruleTableAsJSON() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("$OGI check --list-rules --format json")
        #expect(r.status == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.contains("OGI-R1") && ids.contains { $0.hasPrefix("OGI-A") })
        let r1 = try #require(rules.first { $0["id"] as? String == "OGI-R1" })
        #expect(r1["kind"] as? String == "rule" && r1["severity"] as? String == "error")
        #expect((r1["formulas"] as? [String: String])?["2021"]?.isEmpty == false)
        let text = try sh.run("$OGI check --list-rules")
        #expect(text.stdout.split(separator: "\n").filter { !$0.hasPrefix("\t") }.count == rules.count, "the same entries as the text table")
    }

    @Test func templateTakesItsFormatFromTheOutputName() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("""
            $OGI template --agency 某局 --year 2023 -o t.html && $OGI template --agency 某局 --year 2023 -o t.xml \
            && $OGI template --agency 某局 --year 2023 -o t.docx && $OGI template --agency 某局 --year 2023 -o t.txt \
            && $OGI validate t.xml
            """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: sh.url("t.html"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try String(contentsOf: sh.url("t.xml"), encoding: .utf8).contains("<report xmlns=\"urn:ogi:annual-report:1\""))
        #expect(try Data(contentsOf: sh.url("t.docx")).starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(try String(contentsOf: sh.url("t.txt"), encoding: .utf8).hasPrefix("某局2023年政府信息公开工作年度报告"))
        // --format still wins over the name.
        #expect(try sh.run("$OGI template --agency 某局 --year 2023 --format text -o u.html && head -c 3 u.html").stdout != "<!D")
    }

    @Test func aFolderAsInputIsWalkedOrRefusedClearly() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("mkdir in && cp \"$FIXTURES\"/seeds/00[01]*.txt in/ && $OGI check -q in && $OGI export -q --format jsonl in | wc -l")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2"))
        for script in ["$OGI normalize in", "$OGI template --from in", "$OGI check --embed -o x.xml in"] {
            let x = try sh.run(script)
            #expect(x.status == 2, "\(script)")
            #expect(!x.stderr.contains("NSCocoaErrorDomain") && !x.stderr.isEmpty, "\(script): \(x.stderr)")
        }
    }
}
