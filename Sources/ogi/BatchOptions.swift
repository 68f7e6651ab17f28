import ArgumentParser
import Foundation

/// The options every command that reads many files shares (`normalize`, `check`, `validate`,
/// `export`): where more paths come from, how many workers, what is printed and logged.
struct BatchOptions: ParsableArguments {
    /// The most workers `--jobs` may ask for (each holds one report and at most one temp file).
    static let maxJobs = 32

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Also read the paths in LIST, one a line (\"-\": standard input). For huge batches: positional paths are slow to parse.", valueName: "LIST"))
    var filesFrom: String?

    @Option(name: [.short, .customLong("jobs")], help: "Workers (default: all cores).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "No progress bar, notes or closing summary (errors are still printed).")
    var quiet = false

    @Option(name: .customLong("log"), help: ArgumentHelp("Write one JSON object per input file to LOG (JSON lines).", valueName: "LOG"))
    var log: String?

    /// The number of workers to run: `--jobs`, or the active cores.
    var workers: Int { min(max(jobs ?? ProcessInfo.processInfo.activeProcessorCount, 1), Self.maxJobs) }

    func validate() throws {
        if let jobs, jobs < 1 || jobs > Self.maxJobs {
            throw ValidationError("--jobs must be between 1 and \(Self.maxJobs)")
        }
    }
}
