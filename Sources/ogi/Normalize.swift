import ArgumentParser
import Foundation
import OGIReport

/// `ogi normalize INPUT [-o OUT]` and `ogi normalize --out-dir DIR INPUT_OR_FOLDER…`: submissions
/// in any readable format → canonical XML, validated against the schema before it is written;
/// with `--out-dir`, a batch on all cores (``BatchRunner``).
struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read submissions (text, HTML, PDF) and write canonical XML, one file or a batch.",
        discussion: """
            Reads each INPUT (standard input when none is given), detects its encoding, layout and table \
            edition, and writes the canonical XML: to standard output, to OUT (-o) for one input, or to \
            DIR/NAME.xml (--out-dir) for each input (folders walked, --files-from, paths after --; NAME-2.xml \
            for a second input of the same name; an output newer than its input is skipped unless --force; \
            all cores, -j N workers). Diagnostics go to standard error as FILE:LINE:COL: \
            severity: message. Exit status: 0 ok; 1 an error in an input (or a warning with --strict); \
            2 usage or I/O error, or output that fails its own schema (a bug in ogi).
            """
    )

    @Argument(help: "Text submissions (UTF-8, UTF-16 with BOM, GB18030). None or \"-\": standard input.")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Write the XML to this file (one input only).")
    var output: String?

    @Option(name: .customLong("out-dir"), help: "Write DIR/NAME.xml for each input.")
    var outDir: String?

    @Flag(help: "Treat warnings as findings (exit 1).")
    var strict = false

    @Flag(help: "Also print the detected layout, edition, encoding and line ending.")
    var verbose = false

    @Flag(help: "Re-read every input, also those whose output (--out-dir) is newer than the input.")
    var force = false

    @Option(name: .long, help: "Diagnostics on standard error as text (default) or json: one JSON object a line per input, as in --log (path, status, exit, format, edition, layout, counts, diagnostics).")
    var format: OutputFormat = .text

    @OptionGroup var batch: BatchOptions
    @OptionGroup var limits: LimitOptions

    func validate() throws {
        func usage(_ message: String) throws -> Never {
            CLIIO.err("ogi normalize: error: \(message) (see 'ogi normalize --help')")
            throw Exit.failure
        }
        if output != nil && outDir != nil { try usage("use either -o or --out-dir, not both") }
        let many = inputs.count + BatchPaths.terminated.count > 1 || batch.filesFrom != nil
            || inputs.contains { $0 != "-" && BatchPaths.isDirectory($0) }
        if many && outDir == nil { try usage("several inputs (or a folder, or --files-from) need --out-dir DIR") }
        if outDir != nil && (inputs.isEmpty && batch.filesFrom == nil && BatchPaths.terminated.isEmpty || inputs.contains("-")) {
            try usage("--out-dir needs named input files (standard input has no name)")
        }
        if batch.filesFrom == "-" && inputs.contains("-") { try usage("--files-from - and an input - cannot both be standard input") }
    }

    func run() throws {
        if let outDir { return try runBatch(outDir) }
        let given = inputs + BatchPaths.terminated
        let names = given.isEmpty ? ["-"] : given
        do {
            try OutputFile.refuseInputs(outputs: [output], inputs: names.map(Optional.some))
        } catch {
            CLIIO.err("\(error)")
            throw Exit.failure
        }
        let status = process(names[0], to: output)
        if status != 0 { throw ExitCode(status) }
    }

    /// `--out-dir`: every input (folders walked, `--files-from`, paths after `--`) to DIR/NAME.xml
    /// on all cores, in input order, with a summary when there are several.
    private func runBatch(_ dir: String) throws {
        let items = try BatchPaths.collect(inputs, filesFrom: batch.filesFrom, excluding: dir)
        if items.isEmpty {
            CLIIO.err("ogi normalize: error: no input file found (see 'ogi normalize --help')"); throw Exit.failure
        }
        let targets = OutputNames.assign(items.paths, in: dir)
        do {
            let n = targets.names.count
            // Each output path made in turn (no array of them), then the log.
            try OutputFile.refuseInputs(outputs: (0...n).lazy.map { $0 < n ? targets[$0] : batch.log }, inputs: items.paths.map(Optional.some))
        } catch {
            CLIIO.err("\(error)")
            throw Exit.failure
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw CLIError.io("\(dir): error: cannot create directory: \(error.localizedDescription)")
        }
        let isBatch = BatchPaths.isBatch(items, batch)
        let runner = BatchRunner(options: batch, command: "normalize", verbose: verbose || !isBatch)
        runner.summary = isBatch
        runner.jsonRecords = format == .json
        let job = UncheckedBox((self, targets))
        let status = try runner.run(items) { item in job.value.0.record(item, to: job.value.1[item.index]) }
        OutputFile.syncFolder(dir)
        if status != 0 { throw ExitCode(status) }
    }

    /// One input of a batch, on a worker thread: skipped when not a report (found in a folder)
    /// or up to date; otherwise read, written and described.
    private func record(_ item: BatchItem, to target: String) -> BatchRecord {
        var r = BatchRecord(path: item.path)
        if item.walked, let what = NotAReport.kind(ofFileAt: item.path) {
            r.status = .notAReport
            r.notes = ["\(item.path): note: skipped: \(what), not a report"]
            return r
        }
        if !force, UpToDate.isNewer(target, than: item.path) {
            r.status = .upToDate
            r.target = target
            if verbose { r.notes = ["\(item.path): note: skipped: \(target) is newer (--force re-reads it)"] }
            return r
        }
        r.target = target
        r.exitCode = process(item.path, to: target, into: &r, syncOnCommit: false)
        if r.exitCode == 1 && r.status < .errors { r.status = .errors }  // --strict warnings, nothing read
        return r
    }

    /// Normalizes one input to `target` (standard output when nil); returns its exit status and
    /// puts what it found into `r` (nothing is printed: the caller prints records in order). The
    /// output is opened (a temp file beside the target) before the input is read, and renamed into
    /// place only when all of it is written.
    /// With `printNow`, what was found is printed (and cleared from `r`) before the output is
    /// committed, so that a failed standard error leaves no output.
    /// `syncOnCommit: false` in a batch, which syncs its folder once (``OutputFile/syncFolder(_:)``).
    private func process(_ input: String, to target: String?, into r: inout BatchRecord, printNow: Bool = false,
                         syncOnCommit: Bool = true) -> Int32 {
        let out: OutputFile
        do { out = try OutputFile.open(target, syncOnCommit: syncOnCommit) } catch {
            r.messages.append("\(error)"); r.status = .unreadable; return 2
        }
        defer { out.abort() }
        let data: Data, name: String
        do { (data, name) = try CLIIO.read(input, limits: limits.readLimits) } catch {
            r.messages.append("\(error)"); r.status = .unreadable; return 2
        }
        r.format = FormatSniff.format(data)
        let result = Normalizer.normalize(data, fileName: name, limits: limits.readLimits)
        r.diagnostics = result.diagnostics
        r.describe(result.report)
        if result.report == nil { r.status = .unreadable }
        if verbose, let src = result.report?.metadata.source {
            let md = result.report!.metadata
            r.notes.append("\(name): note: layout \(src.layout.rawValue), edition \(md.edition?.rawValue ?? "none"), encoding \(src.encoding), line ending \(src.lineEnding)\(md.incomplete ? ", incomplete" : "")")
        }
        if !result.schemaErrors.isEmpty {
            r.messages.append("\(name): error: internal error: the canonical XML written for this input fails the schema (a bug in ogi); nothing written")
            r.diagnostics += result.schemaErrors
            r.classify()
            return 2
        }
        var status: Int32 = result.hasErrors || (strict && result.hasWarnings) ? 1 : 0
        if !result.hasErrors, let report = result.report, let nothing = NothingRead.diagnostic(report, fileName: name) {
            r.diagnostics.append(nothing)
            status = max(status, 1)
        }
        r.classify()
        guard let xml = result.xmlBytes else { return max(status, 1) }
        if printNow { Self.printRecord(&r) }
        do {
            try out.write(xml)
            try out.commit()
        } catch {
            r.messages.append("\(error)"); status = 2
        }
        return status
    }

    /// One input to `target` or standard output, its diagnostics printed as they come.
    private func process(_ input: String, to target: String?) -> Int32 {
        var r = BatchRecord(path: input)
        let status = process(input, to: target, into: &r, printNow: format == .text)
        if format == .json {
            // One JSON object, as a batch's --log line: status, counts, diagnostics.
            r.exitCode = status
            OutputFile.writeStandardError(r.logLine)
        } else {
            Self.printRecord(&r)
        }
        return status
    }

    /// Prints a record's messages, diagnostics and notes, and clears them.
    private static func printRecord(_ r: inout BatchRecord) {
        for m in r.messages { CLIIO.err(m) }
        CLIIO.report(r.diagnostics)
        for n in r.notes { CLIIO.err(n) }
        r.messages = []; r.diagnostics = []; r.notes = []
    }
}
