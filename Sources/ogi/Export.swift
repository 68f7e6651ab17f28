import ArgumentParser
import Foundation
import OGIReport

/// `ogi export --format csv|csv-wide|jsonl [-o OUT] INPUT…`: many reports as one CSV table for
/// Excel and WPS, or as JSON lines for scripts.
///
/// A command of its own, not `normalize --format csv`: normalize writes one validated XML file
/// per input, while a CSV is one table over all the inputs (one stream, one header), and it
/// takes canonical XML as well as submissions — the usual flow is normalize a folder once, then
/// export the XML folder as often as needed.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export reports as one CSV table for Excel and WPS, or as JSON lines.",
        discussion: """
            Reads each INPUT (canonical XML or a submission in any readable format; folders are walked) \
            and writes one CSV: --format csv has one row per cell (file, agency, year, edition, table, \
            concept, the official row and column labels of the edition, value, presence, unit, raw, \
            line); --format csv-wide one row per report and one column per concept (--edition to keep \
            one edition's concepts, --labels zh for Chinese headers). UTF-8 with a BOM, CRLF, RFC 4180 \
            quoting; a text field starting with = + - @ TAB or CR gets a leading ' (plain numbers such as \
            -5 stay numbers). --format jsonl: one JSON object a line per report (file, agency, year, \
            edition, format, and cells keyed by concept id: a number, null when blank, or the cell as \
            printed), UTF-8 without BOM, LF. Exit status: 0 ok; 1 an input with errors or not readable as a report; \
            2 usage or I/O error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case csvWide = "csv-wide"
        case jsonl
    }

    enum Labels: String, ExpressibleByArgument, CaseIterable {
        case id, zh
    }

    @Argument(help: "Reports: canonical XML or submissions, or folders of them.")
    var inputs: [String] = []

    @Option(name: .long, help: "csv (one row per cell), csv-wide (one row per report) or jsonl (one JSON object per report).")
    var format: Format = .csv

    @Option(name: [.short, .customLong("output")], help: "Write the CSV to this file (default: standard output).")
    var output: String?

    @Option(name: .long, help: "csv-wide: the columns of this edition only (2021 or 2019; default both).")
    var edition: String?

    @Option(name: .long, help: "csv-wide headers: id (concept ids) or zh (official Chinese labels).")
    var labels: Labels = .id

    @Flag(help: "Print every diagnostic (warnings and notes too).")
    var verbose = false

    @OptionGroup var batch: BatchOptions

    @OptionGroup var limits: LimitOptions

    func run() throws {
        var wideEdition: Edition?
        if let edition {
            guard let e = Edition(rawValue: edition) else {
                CLIIO.err("ogi export: error: unknown --edition '\(edition)' (expected 2021 or 2019)"); throw Exit.failure
            }
            wideEdition = e
        }
        let items = try BatchPaths.collect(inputs, filesFrom: batch.filesFrom)
        if items.isEmpty { CLIIO.err("ogi export: error: no input file (see 'ogi export --help')"); throw Exit.failure }
        do {
            try OutputFile.refuseInputs(outputs: [output, batch.log], inputs: items.paths.map(Optional.some))
        } catch {
            CLIIO.err("\(error)"); throw Exit.failure
        }
        let out = try OutputFile.open(output)
        defer { out.abort() }
        let concepts = CSVWriter.wideConcepts(wideEdition)
        switch format {
        case .csv: try out.write(CSVWriter.byteOrderMark + CSVWriter.longHeader())
        case .csvWide: try out.write(CSVWriter.byteOrderMark + CSVWriter.wideHeader(concepts, labels: labels == .zh))
        case .jsonl: break
        }
        let runner = BatchRunner(options: batch, command: "export", verbose: verbose || !BatchPaths.isBatch(items, batch))
        runner.summary = BatchPaths.isBatch(items, batch)
        let job = UncheckedBox((format, concepts))
        let readLimits = limits.readLimits
        let worst = try runner.run(items, work: { Self.record($0, format: job.value.0, concepts: job.value.1, limits: readLimits) }) { r in
            if !r.output.isEmpty { try out.write(r.output) }
        }
        try out.commit()
        if worst != 0 { throw ExitCode(worst) }
    }

    /// Reads one input (on a worker thread) and formats its rows.
    private static func record(_ item: BatchItem, format: Format, concepts: [Concept], limits: ReadLimits) -> BatchRecord {
        var r = BatchRecord(path: item.path)
        if item.walked, let what = NotAReport.kind(ofFileAt: item.path) {
            r.status = .notAReport
            r.notes = ["\(item.path): note: skipped: \(what), not a report"]
            return r
        }
        let loaded: CheckInputFile
        do {
            let (data, name) = try CLIIO.read(item.path, limits: limits)
            r.format = FormatSniff.format(data)
            loaded = try CheckInput.load(data, fileName: name, limits: limits)
        } catch let e as DiagnosticError {
            r.diagnostics = e.diagnostics; r.status = .unreadable; r.exitCode = 1; return r
        } catch {
            r.messages = ["\(error)"]; r.status = .unreadable; r.exitCode = 2; return r
        }
        r.diagnostics = loaded.diagnostics
        if !r.diagnostics.contains(where: { $0.severity == .error }),
           let nothing = NothingRead.diagnostic(loaded.report, fileName: item.path) {
            r.diagnostics.append(nothing)
        }
        r.describe(loaded.report)
        r.classify()
        if r.status == .errors { r.exitCode = 1 }
        switch format {
        case .csv: r.output = CSVWriter.longRows(loaded.report, file: item.path)
        case .csvWide: r.output = CSVWriter.wideRow(loaded.report, file: item.path, concepts: concepts)
        case .jsonl: r.output = JSONLWriter.line(loaded.report, file: item.path)
        }
        return r
    }
}
