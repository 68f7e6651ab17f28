import ArgumentParser
import Foundation
import OGIReport

/// `ogi`: read, check and write annual reports on open government information work.
///
/// Exit codes for every subcommand: 0 all good; 1 a finding (an invalid document, a failed
/// rule, a warning under `--strict`); 2 usage or I/O errors.
@main
struct OGI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ogi",
        abstract: "Read, check and write annual reports on open government information work (政府信息公开工作年度报告).",
        subcommands: [Normalize.self, Validate.self, Check.self, Template.self, SchemaCommand.self]
    )

    /// Runs the command, mapping argument-parser usage errors (EX_USAGE, 64) to exit code 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
