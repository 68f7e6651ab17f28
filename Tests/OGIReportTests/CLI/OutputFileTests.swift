import Foundation
import Testing

/// The CLI's one way of writing output (`Sources/ogi/OutputFile.swift`), run through the built
/// binary: failed writes are one-line errors with exit 2 and leave no partial file, regular files
/// are replaced atomically with their mode kept, devices, FIFOs and symlinks are written through,
/// an output that is an input is refused before anything is read, and temp files do not survive
/// SIGTERM. Reproducers: `../shared/repro/stdout-write-failure-crash.sh`,
/// `output-overwrites-input.sh`, `temp-file-left-on-kill.sh`.
@Suite struct OutputFileTests {
    /// Expects exit 2 and exactly one line on standard error that contains `fragment` and no trap.
    private func expectOneLineError(_ r: CLIShell.Run, _ fragment: String, _ what: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 2, "\(what): exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n").filter { !$0.contains("note[") && !$0.contains("warning[") }
        #expect(lines.count == 1 && lines[0].contains(fragment), "\(what): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error"), "\(what): \(r.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: Failed writes

    @Test func everySubcommandReportsAFullStandardOutputWithExit2() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        for command in ["schema", "normalize \"$SEED\"", "check \"$SEED\"", "check --format json \"$SEED\"",
                        "check --list-rules", "validate \"$FIXTURES/canonical/valid/minimal.xml\" --format json",
                        "template --agency 某局 --year 2024", "--help", "normalize --help"] {
            let r = try sh.run("\"$OGI\" \(command) >/dev/full")
            expectOneLineError(r, "ogi: error: cannot write standard output: No space left on device", command)
        }
    }

    @Test func aClosedStandardOutputIsAnErrorNotATrap() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        for command in ["schema", "normalize \"$SEED\"", "check \"$SEED\""] {
            let r = try sh.run("\"$OGI\" \(command) >&-")
            expectOneLineError(r, "cannot write standard output: Bad file descriptor", command)
        }
        // A closed standard output does not lend its descriptor to the -o file.
        let r = try sh.run("\"$OGI\" normalize \"$SEED\" -o out.xml >&- 2>/dev/null")
        #expect(r.status == 0)
        #expect(try String(contentsOf: sh.url("out.xml"), encoding: .utf8).hasPrefix("<?xml"))
        let stdin = try sh.run("\"$OGI\" normalize - <&-")
        expectOneLineError(stdin, "-: error: cannot read standard input: Bad file descriptor", "stdin closed")
    }

    @Test func aFailedStandardErrorMakesExit2AndWritesNoOutput() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        // The seed gives notes on standard error; they cannot be written.
        #expect(try sh.run("\"$OGI\" normalize \"$SEED\" 2>/dev/full >/dev/null").status == 2)
        #expect(try sh.run("\"$OGI\" normalize \"$SEED\" -o out.xml 2>/dev/full").status == 2)
        #expect(sh.listing() == [])
        // Nothing to say on standard error: nothing fails.
        #expect(try sh.run("\"$OGI\" schema 2>/dev/full >/dev/null").status == 0)
    }

    @Test func anUnwritableTargetIsOneLineWithExit2AndCreatesNothing() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        try Data("x".utf8).write(to: sh.url("plain"))
        let cases: [(String, String)] = [
            ("-o missing/out.xml", "missing/out.xml: error: cannot write file: cannot create a temp file in"),
            ("-o plain/out.xml", "plain/out.xml: error: cannot write file: Not a directory"),
            ("-o .", ".: error: cannot write file: Is a directory"),
            ("-o /dev/full", "/dev/full: error: cannot write file: No space left on device"),
        ]
        for (option, message) in cases {
            let r = try sh.run("\"$OGI\" normalize \"$SEED\" \(option)")
            expectOneLineError(r, message, option)
        }
        #expect(sh.listing() == ["plain"])
        let embed = try sh.run("\"$OGI\" check \"$SEED\" --embed -o missing/out.xml >/dev/null")
        expectOneLineError(embed, "missing/out.xml: error: cannot write file", "check --embed")
        let template = try sh.run("\"$OGI\" template --agency 某局 --year 2024 -o plain/t.txt")
        expectOneLineError(template, "plain/t.txt: error: cannot write file: Not a directory", "template")
        #expect(sh.listing() == ["plain"])
    }

    @Test func aWriteThatFailsHalfwayLeavesTheOldFileAndNoTempFile() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        try Data("old\n".utf8).write(to: sh.url("out.xml"))
        // A 512-byte file size limit (SIGXFSZ ignored): the write fails with EFBIG like a full disk.
        let r = try sh.run("trap '' XFSZ; ulimit -f 1; \"$OGI\" normalize \"$SEED\" -o out.xml")
        expectOneLineError(r, "out.xml: error: cannot write file: File too large; the file was not changed", "ulimit -f 1")
        #expect(try String(contentsOf: sh.url("out.xml"), encoding: .utf8) == "old\n")
        #expect(sh.listing() == ["out.xml"])
    }

    // MARK: Replacing, writing through

    @Test func aRegularFileIsReplacedWholeWithItsModeKept() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let target = sh.url("out.xml")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        #expect(try sh.run("\"$OGI\" normalize \"$SEED\" -o out.xml").status == 0)
        let attrs = try FileManager.default.attributesOfItem(atPath: target.path)
        #expect((attrs[.posixPermissions] as? Int) == 0o640)
        #expect(try String(contentsOf: target, encoding: .utf8).hasSuffix("</report>\n"))
        // A failed run leaves the old file as it was and no temp file: an input read as nothing
        // (binary junk) and a failed write (of the diagnostics, to a full standard error).
        for run in ["\"$FIXTURES/bad/binary-junk.bin\" -o out.xml 2>/dev/null", "\"$SEED\" -o out.xml 2>/dev/full"] {
            try Data("old\n".utf8).write(to: target)
            #expect(try sh.run("\"$OGI\" normalize \(run)").status != 0)
            #expect(try String(contentsOf: target, encoding: .utf8) == "old\n", "\(run)")
            #expect(sh.listing() == ["out.xml"])
        }
        // A new file gets 0666 less the umask.
        #expect(try sh.run("umask 027; \"$OGI\" template --agency 某局 --year 2024 -o new.txt").status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: sh.url("new.txt").path)[.posixPermissions] as? Int) == 0o640)
    }

    @Test func aSymlinkIsFollowedAndKept() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        try FileManager.default.createSymbolicLink(atPath: sh.url("link.txt").path, withDestinationPath: "real.txt")
        #expect(try sh.run("\"$OGI\" template --agency 某局 --year 2024 -o link.txt").status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: sh.url("link.txt").path) == "real.txt")
        #expect(try String(contentsOf: sh.url("real.txt"), encoding: .utf8).hasPrefix("某局2024年"))
    }

    @Test func aDeviceOrFIFOIsWrittenThroughNeverReplaced() throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let null = try sh.run("\"$OGI\" normalize \"$SEED\" -o /dev/null 2>/dev/null; echo $?; test -c /dev/null && echo char")
        #expect(null.stdout == "0\nchar\n")
        let fifo = try sh.run("""
            mkfifo f && { cat f > got & } && "$OGI" normalize "$SEED" -o f 2>/dev/null; echo "rc=$?"; wait; test -p f && echo fifo; head -c 5 got
            """)
        #expect(fifo.stdout == "rc=0\nfifo\n<?xml", "\(fifo.stderr)")
    }

    // MARK: Output that is an input

    @Test(arguments: [
        ("cp \"$SEED\" in.txt", "normalize in.txt -o in.txt", "in.txt"),
        ("cp \"$SEED\" in.txt", "normalize in.txt -o ./in.txt", "in.txt"),
        ("cp \"$SEED\" in.txt && ln -s in.txt link.txt", "normalize in.txt -o link.txt", "in.txt"),
        ("cp \"$SEED\" in.txt && ln in.txt hard.txt", "normalize hard.txt -o in.txt", "in.txt"),
        ("cp \"$SEED\" in.txt", "normalize - -o in.txt < in.txt", "in.txt"),
        ("mkdir d && cp \"$SEED\" d/r.xml", "normalize d/r.xml --out-dir d", "d/r.xml"),
        ("cp \"$SEED\" in.txt", "check in.txt --embed -o ./in.txt", "in.txt"),
        ("cp \"$SEED\" in.txt", "check in.txt >> in.txt", "in.txt"),
        ("\"$OGI\" normalize \"$SEED\" -o r.xml 2>/dev/null", "template --from r.xml -o r.xml", "r.xml"),
        ("\"$OGI\" normalize \"$SEED\" -o r.xml 2>/dev/null", "template --agency 某局 --year 2024 --previous r.xml -o r.xml", "r.xml"),
        ("\"$OGI\" normalize \"$SEED\" -o r.xml 2>/dev/null", "validate r.xml >> r.xml", "r.xml"),
    ])
    func anOutputThatIsAnInputIsRefusedBeforeAnythingIsRead(setup: String, command: String, input: String) throws {
        let sh = try CLIShell(); defer { sh.remove() }
        #expect(try sh.run(setup).status == 0)
        let before = try Data(contentsOf: sh.url(input))
        let listing = sh.listing()
        let r = try sh.run("\"$OGI\" \(command)")
        expectOneLineError(r, "is the input", command)
        #expect(r.stderr.contains("(the same file); nothing read or written"), "\(r.stderr)")
        #expect(try Data(contentsOf: sh.url(input)) == before, "\(command) changed its input")
        #expect(sh.listing() == listing)
    }

    // MARK: Signals

    @Test(arguments: [SIGTERM, SIGINT])
    func aTempFileIsRemovedWhenTheRunIsKilled(signal: Int32) throws {
        let sh = try CLIShell(); defer { sh.remove() }
        let bin = try #require(CLITests.binary)
        let p = Process()
        p.executableURL = bin
        p.arguments = ["normalize", "-", "-o", sh.url("out.xml").path]
        let input = Pipe()
        p.standardInput = input
        p.standardError = FileHandle.nullDevice
        try p.run()
        // The temp file is created before the input is read; standard input stays open.
        let deadline = Date().addingTimeInterval(10)
        while !sh.listing().contains(where: { $0.hasPrefix(".out.xml.ogi-") }) && Date() < deadline {
            usleep(10_000)
        }
        #expect(sh.listing().contains { $0.hasPrefix(".out.xml.ogi-") })
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == signal)
        #expect(sh.listing() == [])
    }
}
