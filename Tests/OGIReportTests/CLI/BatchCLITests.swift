import Foundation
import Testing

/// `normalize --out-dir`, `check`, `validate` and `export` over many files: folders walked,
/// `--files-from`, paths after `--`, names, order, skipping, the log, the summary, exit codes.
@Suite struct BatchCLITests {
    /// A folder `in` with the seeds, two HTML pages, a second copy of a seed under `sub` (same
    /// name), a PNG, an undecodable text and a hidden file.
    private func corpus(_ sh: CLIShell) throws {
        let r = try sh.run("""
            mkdir -p in/sub && cp "$FIXTURES"/seeds/*.txt in/ && cp "$FIXTURES"/html/gbk-002.html "$FIXTURES"/html/one-line-001.html in/sub/ \
            && cp "$SEED" in/sub/ && printf '\\211PNG\\r\\n\\032\\nxxxx' > in/sub/pic.png \
            && cp "$FIXTURES"/bad/undecodable.txt in/ && cp "$SEED" in/.hidden.txt
            """)
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func normalizeWalksAFolderInOrderAndNamesCollisionsDeterministically() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        try corpus(sh)
        let r = try sh.run("$OGI normalize --out-dir out in --log log.jsonl")
        #expect(r.status == 1, "\(r.stderr)")  // undecodable.txt: the worst status
        let out = try FileManager.default.contentsOfDirectory(atPath: sh.url("out").path).sorted()
        #expect(out.contains("000_44f90c379b4f7fce.xml") && out.contains("000_44f90c379b4f7fce-2.xml"), "\(out)")
        #expect(out.contains("gbk-002.xml") && !out.contains { $0.hasPrefix("pic") || $0.hasPrefix(".") })
        #expect(r.stderr.contains("in/sub/pic.png: note: skipped: a PNG image, not a report"))
        #expect(r.stderr.contains("in/undecodable.txt:"))
        let summary = try #require(r.stderr.split(separator: "\n").last)
        #expect(summary.hasPrefix("ogi normalize: 10 files: "), "\(summary)")
        #expect(summary.contains("1 unreadable") && summary.contains("1 not reports") && summary.contains("reports/s"))
        // The log: one JSON object per file, in input order (each folder sorted by name: in/000…,
        // in/004…, in/sub/…, in/undecodable.txt).
        let log = try String(contentsOf: sh.url("log.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(log.count == 10)
        let records = try log.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let paths = records.map { $0["path"] as? String ?? "" }
        #expect(paths.first == "in/000_44f90c379b4f7fce.txt" && paths[8] == "in/sub/pic.png" && paths.last == "in/undecodable.txt", "\(paths)")
        let first = records[0]
        #expect(first["status"] as? String == "ok" && first["edition"] as? String == "2021" && first["format"] as? String == "text")
        #expect((first["cells"] as? Int ?? 0) > 100 && first["layout"] as? String == "tab-rows")
        #expect(records.first { $0["path"] as? String == "in/undecodable.txt" }?["status"] as? String == "unreadable")
        #expect(records.first { $0["path"] as? String == "in/sub/000_44f90c379b4f7fce.txt" }?["output"] as? String == "out/000_44f90c379b4f7fce-2.xml")
        // Every output (8: no XML for the undecodable input) is valid canonical XML.
        let v = try sh.run("$OGI validate out")
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stderr.contains("ogi validate: 8 files: 8 ok"))
    }

    @Test func aReRunSkipsUpToDateOutputsUnlessForced() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        #expect(try sh.run("mkdir in && cp \"$FIXTURES\"/seeds/00[01]*.txt in/").status == 0)
        #expect(try sh.run("$OGI normalize --out-dir out in").status == 0)
        let again = try sh.run("$OGI normalize --out-dir out in --log log.jsonl")
        #expect(again.status == 0)
        #expect(again.stderr.contains("2 up to date"), "\(again.stderr)")
        #expect(try String(contentsOf: sh.url("log.jsonl"), encoding: .utf8).contains("\"status\":\"up-to-date\""))
        #expect(try sh.run("touch in/000_44f90c379b4f7fce.txt").status == 0)
        let touched = try sh.run("$OGI normalize --out-dir out in")
        #expect(touched.stderr.contains("1 ok") && touched.stderr.contains("1 up to date"), "\(touched.stderr)")
        let forced = try sh.run("$OGI normalize --out-dir out in --force")
        #expect(forced.stderr.contains("2 ok") && !forced.stderr.contains("up to date"), "\(forced.stderr)")
        // An empty output (what a power loss can leave of an unsynced batch output) is read again.
        #expect(try sh.run(": > out/000_44f90c379b4f7fce.xml").status == 0)
        let emptied = try sh.run("$OGI normalize --out-dir out in")
        #expect(emptied.stderr.contains("1 ok") && emptied.stderr.contains("1 up to date"), "\(emptied.stderr)")
        #expect(try Data(contentsOf: sh.url("out/000_44f90c379b4f7fce.xml")).count > 1000)
    }

    @Test func pathsComeFromFilesFromStandardInputAndAfterTheTerminator() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("ls \"$FIXTURES\"/seeds/*.txt | $OGI normalize -q --out-dir a --files-from - && $OGI normalize -q --out-dir b -- \"$FIXTURES\"/seeds/*.txt && ls a | wc -l && diff -r a b && echo same")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "--quiet: \(r.stderr)")
        #expect(r.stdout.contains("same"))
        // Several inputs without --out-dir, or a folder, is a usage error.
        #expect(try sh.run("$OGI normalize \"$SEED\" \"$SEED\"").status == 2)
        #expect(try sh.run("$OGI normalize \"$FIXTURES\"/seeds").status == 2)
        #expect(try sh.run("$OGI normalize --out-dir o --files-from missing-list").status == 2)
    }

    /// A list with CRLF and LF lines, blank lines, no newline at the end, a Chinese name and a
    /// folder: every path kept as written, in order (the folder walked in its place), each once.
    @Test func filesFromListsKeepEveryPathAsWritten() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("mkdir -p in/子目录 && cp \"$FIXTURES\"/seeds/000_*.txt in/子目录/ && cp \"$SEED\" '甲 报告.txt' && "
                           + "printf 'missing-1.xml\\r\\n\\r\\n甲 报告.txt\\n\\nin\\r\\nmissing-2.xml' > list && "
                           + "$OGI normalize -q --out-dir o --log log.jsonl --files-from list; echo \"exit $?\"; "
                           + "sed 's/.*\"path\":\"\\([^\"]*\\)\".*/\\1/' log.jsonl; ls o")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "exit 2", "\(r.stdout)\(r.stderr)")
        #expect(Array(lines.dropFirst().prefix(4)) == ["missing-1.xml", "甲 报告.txt", "in/子目录/000_44f90c379b4f7fce.txt", "missing-2.xml"],
                "\(r.stdout)")
        #expect(lines.contains("甲 报告.xml") && lines.contains("000_44f90c379b4f7fce.xml"), "\(r.stdout)")
    }

    @Test func allWorkersWriteTheSameFilesAsOne() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        try corpus(sh)
        // PDF too (poppler on several threads, a render child per document). Three runs at -j 4:
        // render children forked on one thread while another document's child ran once hung
        // about one run in three (a child kept the other's socket open).
        let r = try sh.run("cp \"$FIXTURES\"/pdf/*.pdf in/sub/ && $OGI normalize -q -j 1 --out-dir one in; "
                           + "for k in 1 2 3; do rm -rf four; $OGI normalize -q -j 4 --out-dir four in; diff -r one four || exit 8; done; "
                           + "ls four | grep -c . && echo same")
        #expect(r.stdout.contains("same"), "\(r.status) \(r.stdout)\(r.stderr)")
    }

    @Test func checkAndValidatePrintResultsInInputOrder() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let one = try sh.run("for f in \"$FIXTURES\"/seeds/*.txt; do $OGI check \"$f\"; done")
        let many = try sh.run("$OGI check -j 3 \"$FIXTURES\"/seeds")
        #expect(many.status == 1)  // two seeds fail a rule
        #expect(many.stdout == one.stdout)
        #expect(many.stderr.contains("ogi check: 5 files: "), "\(many.stderr)")
        let json = try sh.run("$OGI check -q --format json \"$FIXTURES\"/seeds")
        let files = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(files.map { ($0["file"] as? String ?? "").hasSuffix(".txt") } == Array(repeating: true, count: 5))
        let v = try sh.run("$OGI validate -q \"$FIXTURES\"/canonical/invalid")
        #expect(v.status == 1)
        #expect(v.stdout.split(separator: "\n").count >= 5)
    }

    @Test func exportWritesExcelReadyCSV() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("$OGI export -q -o long.csv \"$SEED\" \"$FIXTURES\"/html/gbk-002.html && $OGI export -q --format csv-wide --labels zh \"$FIXTURES\"/seeds > wide.csv")
        #expect(r.status == 0, "\(r.stderr)")
        let long = try Data(contentsOf: sh.url("long.csv"))
        #expect(long.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: long.dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        #expect(rows[0] == "file,agency,year,edition,table,concept,row,column,value,presence,unit,raw,line")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(rows.contains { $0.contains(",t2.received.total,") || $0.contains(",t2.") })
        #expect(rows.dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix("/") }, "the file column is the path as given")
        let wide = String(decoding: try Data(contentsOf: sh.url("wide.csv")).dropFirst(3), as: UTF8.self)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(wide.count == 6, "a header and one row per seed")
        #expect(wide[0].hasPrefix("file,agency,year,edition,format,表一 "))
        // The same inputs give the same bytes.
        let again = try sh.run("$OGI export -q -o long2.csv \"$SEED\" \"$FIXTURES\"/html/gbk-002.html && cmp long.csv long2.csv && echo same")
        #expect(again.stdout.contains("same"))
    }

    @Test func exportWritesJSONLines() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let r = try sh.run("$OGI export -q --format jsonl \"$FIXTURES\"/seeds \"$FIXTURES\"/html/gbk-002.html > out.jsonl")
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: sh.url("out.jsonl"))
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]), "no BOM")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 6, "one line per report")
        for line in lines {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(o["edition"] as? String == "2021" || o["edition"] as? String == "2019")
            let cells = try #require(o["cells"] as? [String: Any])
            #expect(cells["t2.received.total"] is NSNumber || cells["t2.received.total"] is String)
        }
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines[5].utf8)) as? [String: Any])
        #expect(last["format"] as? String == "html")
        #expect((last["file"] as? String)?.hasSuffix("html/gbk-002.html") == true)
    }

    @Test func manyPathsNeverStopTheBatchAndTheWorstStatusIsTheExitStatus() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        // 3,000 paths that do not exist, after -- and in a list: every one reported, exit 2.
        let r = try sh.run("seq -f 'missing-%g.xml' 3000 > list && $OGI validate --log log.jsonl -- $(cat list) 2>err; echo $?; grep -c 'error: no such file' err; wc -l < log.jsonl; $OGI validate --files-from list 2>&1 | tail -1")
        let lines = r.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.prefix(3) == ["2", "3000", "3000"], "\(r.stdout)\(r.stderr)")
        #expect(lines.last?.hasPrefix("ogi validate: 3000 files: 0 ok, 0 with warnings, 0 with errors, 3000 unreadable") == true, "\(r.stdout)")
        // A good file among bad ones is still read and written.
        let mixed = try sh.run("$OGI normalize -q --out-dir out missing.txt \"$FIXTURES\"/bad/binary-junk.bin \"$SEED\"; echo $?; ls out")
        #expect(mixed.stdout.hasPrefix("2\n") && mixed.stdout.contains("000_44f90c379b4f7fce.xml"), "\(mixed.stdout)")
        #expect(try sh.run("$OGI normalize -j 0 --out-dir out \"$SEED\"").status == 2)
    }

    @Test func aProgressBarOnlyOnATerminal() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        #expect(try sh.run("mkdir in && cp \"$FIXTURES\"/seeds/*.txt in/").status == 0)
        let piped = try sh.run("$OGI normalize --out-dir a in")
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("\u{1B}"), "\(piped.stderr)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        // script(1) gives ogi a terminal: the bar is drawn there and cleared before the summary.
        let tty = try sh.run("script -qc \"$OGI normalize --out-dir b in\" /dev/null")
        #expect(tty.stdout.contains("] 5/5 files") && tty.stdout.contains("\r\u{1B}[K"), "\(tty.stdout)")
        let quiet = try sh.run("script -qc \"$OGI normalize -q --force --out-dir b in\" /dev/null")
        #expect(!quiet.stdout.contains("files"), "\(quiet.stdout)")
    }
}
