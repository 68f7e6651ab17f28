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

    enum Format: String, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "Output format: text or json.")
    var format: String = "text"

    @Argument(help: "Canonical XML files ('-' for standard input).")
    var files: [String] = []

    @OptionGroup var limits: LimitOptions

    func run() throws {
        guard let format = Format(rawValue: format) else {
            CLIIO.err("error: unknown --format '\(self.format)' (expected text or json)")
            throw Exit.failure
        }
        let paths: [String?] = files.isEmpty ? [nil] : files.map { $0 }
        do {
            try OutputFile.refuseInputs(outputs: [nil], inputs: paths)
        } catch {
            CLIIO.err("\(error)"); throw Exit.failure
        }
        var all: [Diagnostic] = []
        var ioFailed = false
        for path in paths {
            let input: (data: Data, name: String)
            if let p = path, p != "-", !FileManager.default.fileExists(atPath: p) {
                CLIIO.err("\(p): error: no such file")
                ioFailed = true
                continue
            }
            do {
                input = try CLIIO.read(path, limits: limits.readLimits)
            } catch {
                CLIIO.err("\(error)")
                ioFailed = true
                continue
            }
            all += SchemaValidator.shared.validate(input.data, fileName: input.name, limits: limits.readLimits)
        }
        switch format {
        case .text:
            let text = all.map { $0.description + "\n" }.joined()
            if !text.isEmpty { try CLIIO.write(text, to: nil) }
        case .json:
            try CLIIO.write(all.isEmpty ? "[]\n" : CLIIO.json(all), to: nil)
        }
        if ioFailed { throw Exit.failure }
        if all.contains(where: { $0.severity == .error }) { throw Exit.finding }
    }
}
