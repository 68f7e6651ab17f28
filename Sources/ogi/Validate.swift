import ArgumentParser
import Foundation
import OGIReport

/// `ogi validate FILE…`: validates canonical XML against the bundled schema.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate canonical XML files against the schema (standard input when no file is given).",
        discussion: """
            Prints every problem one a line, compiler style (FILE:LINE: error: MESSAGE), or a JSON array
            with --format json. Exit status: 0 all valid, 1 any invalid, 2 usage or I/O error.
            """
    )

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "Canonical XML files or folders of them ('-' for standard input).")
    var files: [String] = []

    @OptionGroup var batch: BatchOptions
    @OptionGroup var limits: LimitOptions

    func run() throws {
        var items = try BatchPaths.collect(files, filesFrom: batch.filesFrom)
        if items.isEmpty { items = BatchItems(paths: ["-"]) }
        do {
            try OutputFile.refuseInputs(outputs: [nil, batch.log], inputs: items.paths.map(Optional.some))
        } catch {
            CLIIO.err("\(error)"); throw Exit.failure
        }
        let runner = BatchRunner(options: batch, command: "validate", verbose: true)
        runner.summary = BatchPaths.isBatch(items, batch)
        runner.printsDiagnostics = false
        var all: [Diagnostic] = []
        let readLimits = limits.readLimits
        let worst = try runner.run(items, work: { Self.record($0, limits: readLimits) }) { r in
            switch format {
            case .text:
                let text = r.diagnostics.map { $0.description + "\n" }.joined()
                if !text.isEmpty { try CLIIO.write(text, to: nil) }
            case .json:
                all += r.diagnostics
            }
        }
        if format == .json { try CLIIO.write(all.isEmpty ? "[]\n" : CLIIO.json(all), to: nil) }
        if worst != 0 { throw ExitCode(worst) }
    }

    /// Validates one file (on a worker thread). In a walked folder, only canonical XML is read.
    private static func record(_ item: BatchItem, limits: ReadLimits) -> BatchRecord {
        var r = BatchRecord(path: item.path)
        if item.path != "-", !FileManager.default.fileExists(atPath: item.path) {
            r.messages = ["\(item.path): error: no such file"]; r.status = .unreadable; r.exitCode = 2; return r
        }
        let input: (data: Data, name: String)
        do { input = try CLIIO.read(item.path, limits: limits) } catch {
            r.messages = ["\(error)"]; r.status = .unreadable; r.exitCode = 2; return r
        }
        r.format = FormatSniff.format(input.data)
        if item.walked && r.format != .canonicalXML {
            r.status = .notAReport
            r.notes = ["\(item.path): note: skipped: not canonical XML (\(r.format!.displayName))"]
            return r
        }
        r.diagnostics = SchemaValidator.shared.validate(input.data, fileName: input.name, limits: limits)
        r.classify()
        if r.status == .errors { r.exitCode = 1 }
        return r
    }
}
