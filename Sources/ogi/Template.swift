import ArgumentParser
import OGIReport

/// `ogi template` (not yet implemented).
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not yet implemented.")

    func run() throws {
        throw ExitCode(2)
    }
}
