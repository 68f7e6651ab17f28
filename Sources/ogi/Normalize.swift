import ArgumentParser
import OGIReport

/// `ogi normalize` (not yet implemented).
struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not yet implemented.")

    func run() throws {
        throw ExitCode(2)
    }
}
