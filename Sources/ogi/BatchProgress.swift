import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// (never into a file or a pipe) and `--quiet` is not given; cleared before anything else is
/// printed there.
final class BatchProgress {
    private let total: Int
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var shown = false
    private var lastDraw: UInt64 = 0

    init(total: Int, quiet: Bool) {
        self.total = total
        enabled = !quiet && total > 1 && isatty(2) == 1
    }

    /// Redraws the bar for `done` files (at most ten times a second, and at the end).
    func update(_ done: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if done < total && now - lastDraw < 100_000_000 { return }
        lastDraw = now
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        OutputFile.writeStandardError("\r[\(bar)] \(done)/\(total) files, \(Int(rate))/s\u{1B}[K")
        shown = true
    }

    /// Clears the bar's line (before a diagnostic or the summary is printed).
    func clear() {
        guard shown else { return }
        OutputFile.writeStandardError("\r\u{1B}[K")
        shown = false
    }
}
