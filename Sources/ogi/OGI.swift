import ArgumentParser
import Foundation
import OGIReport

/// `ogi`: read, check and write annual reports on open government information work.
///
/// Exit codes for every subcommand: 0 all good; 1 a finding (an invalid document, a failed
/// rule, a warning under `--strict`); 2 usage or I/O errors.
@main
struct OGI: ParsableCommand {
    /// The release `ogi --version` names (with the canonical XML schema version it writes).
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "ogi",
        abstract: "Read, check and write annual reports on open government information work (政府信息公开工作年度报告).",
        version: "ogi \(version) (canonical XML schema \(CanonicalXML.schemaVersion))",
        subcommands: [Normalize.self, Validate.self, Check.self, Export.self, Template.self, SchemaCommand.self]
    )

    /// Runs the command. Usage errors (argument parser's EX_USAGE, 64) and I/O errors exit with
    /// 2; help goes to standard output through ``OutputFile`` like every other output, so a
    /// failed write is an error there too; a failed write to standard error makes the status 2.
    static func main() {
        OutputFile.prepareStandardDescriptors()
        var status: Int32 = 0
        do {
            var command = try parseAsRoot(BatchPaths.takeTerminated(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let e as CLIError {
            CLIIO.err(e.description)
            status = 2
        } catch let e as DiagnosticError {
            CLIIO.report(e.diagnostics)
            status = 2
        } catch {
            let code = exitCode(for: error)
            let message = Self.ogiStyle(fullMessage(for: error))
            status = code == .validationFailure ? 2 : code.rawValue
            if !message.isEmpty {
                if code == .success {
                    do { try OutputFile.writeStandardOutput(message + "\n") } catch {
                        CLIIO.err("\(error)"); status = 2
                    }
                } else {
                    CLIIO.err(message)
                }
            }
        }
        if OutputFile.standardErrorFailed { status = 2 }
        Foundation.exit(status)
    }

    /// The argument parser's usage errors in ogi's one error style, `ogi: error: MESSAGE` (the
    /// commands' own are `ogi COMMAND: error: MESSAGE`, a file's `FILE: error: MESSAGE`).
    static func ogiStyle(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "ogi: error: " + message.dropFirst("Error: ".count) : message
    }
}
