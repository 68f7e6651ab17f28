import ArgumentParser
import OGIReport

/// `ogi check` (not yet implemented).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not yet implemented.")

    func run() throws {
        throw ExitCode(2)
    }
}
