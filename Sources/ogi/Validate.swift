import ArgumentParser
import OGIReport

/// `ogi validate` (not yet implemented).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not yet implemented.")

    func run() throws {
        throw ExitCode(2)
    }
}
