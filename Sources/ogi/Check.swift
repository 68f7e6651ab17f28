import ArgumentParser
import Foundation
import OGIReport

/// `ogi check FILE…`: runs the consistency rules (勾稽关系) and advisories.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the arithmetic (勾稽关系 R1, R3–R5) and advisories of reports.",
        discussion: """
        Each FILE is canonical XML or a raw text submission (told apart by content). No other file is \
        opened: excerpts for canonical XML need its source text named with --source. Text output \
        prints one line per FAIL, UNCERTAIN and NOT_ASSESSABLE result, compiler style, with an \
        excerpt of the source line and a caret when the position is known, then a summary line. \
        Exit status: 0 when no rule fails; 1 when a rule fails, an input cannot be read as a report, \
        has an error (as normalize reports it) or no table was read from it (advisories are warnings \
        and never fail); 2 for usage or I/O errors.
        """)

    @Argument(help: "Reports to check: canonical XML or submissions, or folders of them (\"-\" for standard input).")
    var files: [String] = []

    @Option(name: .long, help: "Output format: text or json (the results, with the reader's diagnostics, as one JSON array of files).")
    var format: OutputFormat = .text

    @Flag(name: [.customLong("verbose"), .customLong("all")], help: "Also print the rules that pass.")
    var all = false

    @Flag(name: .long, help: "Write the canonical XML with the results in a checks element (needs -o and one FILE).")
    var embed = false

    @Option(name: .shortAndLong, help: "Where --embed writes the canonical XML.")
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The source text of the one canonical XML FILE, for excerpts (at most 32 MB; must match the SHA-256 the report records).", valueName: "FILE"))
    var source: String?

    @Flag(name: .long, help: "Print the rule table (the rules as data; --format json for JSON) and exit.")
    var listRules = false

    @OptionGroup var batch: BatchOptions
    @OptionGroup var limits: LimitOptions

    func run() throws {
        if listRules {
            return try CLIIO.write(format == .json ? CheckReport.json(CheckReport.ruleTable()) : CheckReport.ruleListing(), to: nil)
        }
        let items = try BatchPaths.collect(files, filesFrom: batch.filesFrom)
        if items.isEmpty { return try usage("no input file") }
        let single = items.count == 1 && !items[0].walked
        if embed && (output == nil || !single) { return try usage("--embed needs -o OUT.xml and exactly one FILE") }
        if !embed && output != nil { return try usage("-o is only used with --embed") }
        if source != nil && !single { return try usage("--source needs exactly one FILE") }
        if source == "-" && files == ["-"] { return try usage("--source and FILE cannot both be standard input") }

        do {
            let n = items.count
            // The inputs, then the --source file when there is one.
            try OutputFile.refuseInputs(outputs: [nil, output, batch.log],
                                        inputs: (0..<(source == nil ? n : n + 1)).lazy.map { $0 < n ? items.path($0) : source })
        } catch {
            CLIIO.err("\(error)"); throw Exit.failure
        }
        // --embed's output is opened before the input is read (an unwritable target fails first);
        // it replaces its target only once all of it is written.
        let embedded: OutputFile? = embed ? try OutputFile.open(output) : nil
        defer { embedded?.abort() }

        let runner = BatchRunner(options: batch, command: "check", verbose: all || !BatchPaths.isBatch(items, batch))
        runner.summary = BatchPaths.isBatch(items, batch)
        var jsonFiles: [Any] = []
        let me = UncheckedBox(self)
        let worst = try runner.run(items, work: { me.value.record($0) }) { r in
            switch format {
            case .text: if !r.output.isEmpty { try CLIIO.write(r.output, to: nil) }
            case .json: if let j = r.json ?? Self.unreadableJSON(r) { jsonFiles.append(j) }
            }
            if let embedded, let report = r.report {
                try embedded.write(CanonicalXML.write(report))
                try embedded.commit()
            }
        }
        if format == .json { try CLIIO.write(CheckReport.json(jsonFiles), to: nil) }
        if worst != 0 { throw ExitCode(worst) }
    }

    /// Checks one input (on a worker thread): reads it, runs the rules, formats the results.
    private func record(_ item: BatchItem) -> BatchRecord {
        let path = item.path
        var r = BatchRecord(path: path)
        if item.walked, let what = NotAReport.kind(ofFileAt: path) {
            r.status = .notAReport
            r.notes = ["\(path): note: skipped: \(what), not a report"]
            return r
        }
        var loaded: CheckInputFile
        do {
            let (data, name) = try CLIIO.read(path, limits: limits.readLimits)
            r.format = FormatSniff.format(data)
            loaded = try CheckInput.load(data, fileName: name, limits: limits.readLimits)
        } catch let e as DiagnosticError {
            // An input that cannot be read as a report (undecodable text, invalid XML) is a
            // finding, as in normalize and validate.
            r.diagnostics = e.diagnostics; r.status = .unreadable; r.exitCode = 1; return r
        } catch {
            r.messages = ["\(error)"]; r.status = .unreadable; r.exitCode = 2; return r
        }
        r.diagnostics = loaded.diagnostics
        if let source {
            do {
                let (data, name) = try CLIIO.read(source, limit: CheckSource.sizeLimit)
                if let warning = CheckSource.attach(data, name: name, to: &loaded) { r.diagnostics.append(warning) }
            } catch {
                r.messages.append("\(error)"); r.exitCode = 2; r.status = .unreadable; return r
            }
        }
        r.describe(loaded.report)
        let name = path
        // The same status as normalize for the same input: an error while reading it, or no
        // table read at all, is a finding.
        if loaded.diagnostics.contains(where: { $0.severity == .error }) {
            r.exitCode = 1
        } else if let nothing = NothingRead.diagnostic(loaded.report, fileName: name) {
            r.diagnostics.append(nothing)
            r.exitCode = 1
        }
        let results = Checker.run(loaded.report)
        let edition = Checker.edition(of: loaded.report)
        switch format {
        case .text:
            r.output = CheckReport.human(results, sourceName: loaded.sourceName, fallbackName: name,
                                         sourceLines: loaded.sourceLines, edition: edition, all: all)
        case .json:
            var j = CheckReport.jsonObject(results, file: name, sourceName: loaded.sourceName, edition: edition)
            j["diagnostics"] = r.diagnostics.map(\.jsonObject)
            r.json = j
        }
        if embed {
            var report = loaded.report
            report.checks = results
            r.report = report
        }
        if results.contains(where: { Checker.isFailure($0) || Checker.isBlockedByText($0, in: loaded.report) }) {
            r.exitCode = max(r.exitCode, 1)
        }
        r.classify()
        if r.exitCode == 1 { r.status = max(r.status, .errors) }
        return r
    }

    /// An input that could not be read as a report, in the JSON output: its file and why.
    private static func unreadableJSON(_ r: BatchRecord) -> [String: Any]? {
        guard r.status == .unreadable else { return nil }
        return ["file": r.path, "readable": false,
                "diagnostics": r.diagnostics.map(\.jsonObject) + r.messages.map { ["severity": "error", "message": $0] }]
    }

    private func usage(_ message: String) throws {
        CLIIO.err("ogi check: error: \(message) (see 'ogi check --help')")
        throw Exit.failure
    }
}
