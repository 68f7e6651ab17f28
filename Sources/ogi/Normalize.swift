import ArgumentParser
import Foundation
import OGIReport

/// `ogi normalize INPUT… [-o OUT | --out-dir DIR] [--strict] [--verbose]`: text submissions →
/// canonical XML, validated against the schema before it is written.
struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read text submissions and write canonical XML.",
        discussion: """
            Reads each INPUT (standard input when none is given), detects its encoding, layout and table \
            edition, and writes the canonical XML: to standard output, to OUT (-o) for one input, or to \
            DIR/NAME.xml (--out-dir) for each input. Diagnostics go to standard error as FILE:LINE:COL: \
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

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        func usage(_ message: String) throws -> Never {
            CLIIO.err("ogi normalize: error: \(message) (see 'ogi normalize --help')")
            throw Exit.failure
        }
        if output != nil && outDir != nil { try usage("use either -o or --out-dir, not both") }
        if inputs.count > 1 && outDir == nil { try usage("several inputs need --out-dir DIR") }
        if outDir != nil && (inputs.isEmpty || inputs.contains("-")) {
            try usage("--out-dir needs named input files (standard input has no name)")
        }
        if outDir != nil {
            let names = inputs.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            if let dup = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
                try usage("two inputs would both be written to \(dup).xml in --out-dir")
            }
        }
    }

    func run() throws {
        let names = inputs.isEmpty ? ["-"] : inputs
        let targets: [String?] = names.map { target(for: $0) }
        do {
            try OutputFile.refuseInputs(outputs: targets, inputs: names)
        } catch {
            CLIIO.err("\(error)")
            throw Exit.failure
        }
        var status: Int32 = 0
        for (input, target) in zip(names, targets) {
            status = max(status, process(input, to: target))
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Where one input's XML goes: DIR/NAME.xml with --out-dir, else -o OUT or standard output (nil).
    private func target(for input: String) -> String? {
        guard let dir = outDir else { return output }
        let base = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
        return URL(fileURLWithPath: dir).appendingPathComponent(base + ".xml").path
    }

    /// Normalizes one input; returns its exit status. The output is opened (a temp file beside the
    /// target) before the input is read, and renamed into place only when all of it is written.
    private func process(_ input: String, to target: String?) -> Int32 {
        let out: OutputFile
        do {
            if let dir = outDir {
                do {
                    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                } catch {
                    throw CLIError.io("\(dir): error: cannot create directory: \(error.localizedDescription)")
                }
            }
            out = try OutputFile.open(target)
        } catch {
            CLIIO.err("\(error)"); return 2
        }
        defer { out.abort() }
        let data: Data, name: String
        do { (data, name) = try CLIIO.read(input, limits: limits.readLimits) } catch { CLIIO.err("\(error)"); return 2 }
        let result = Normalizer.normalize(data, fileName: name, limits: limits.readLimits)
        CLIIO.report(result.diagnostics)
        if verbose, let src = result.report?.metadata.source {
            let md = result.report!.metadata
            CLIIO.err("\(name): note: layout \(src.layout.rawValue), edition \(md.edition?.rawValue ?? "none"), encoding \(src.encoding), line ending \(src.lineEnding)\(md.incomplete ? ", incomplete" : "")")
        }
        if !result.schemaErrors.isEmpty {
            CLIIO.err("\(name): error: internal error: the canonical XML written for this input fails the schema (a bug in ogi); nothing written")
            CLIIO.report(result.schemaErrors)
            return 2
        }
        var status: Int32 = result.hasErrors || (strict && result.hasWarnings) ? 1 : 0
        if !result.hasErrors, let report = result.report, let nothing = NothingRead.diagnostic(report, fileName: name) {
            CLIIO.report([nothing])
            status = max(status, 1)
        }
        guard let xml = result.xml else { return max(status, 1) }
        do {
            try out.write(xml)
            try out.commit()
        } catch {
            CLIIO.err("\(error)"); status = 2
        }
        return status
    }
}
