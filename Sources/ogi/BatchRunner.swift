import Dispatch
import Foundation
import OGIReport

/// Runs one command over many inputs on a bounded pool of workers and prints the results in
/// input order.
///
/// The workers (`-j N` threads) take the next input as soon as they are free and put its
/// ``BatchRecord`` into a ring of `workers × 16` slots (``OrderedRecords``); the main thread,
/// meanwhile, takes the records out in input order, prints them (standard error: errors always,
/// warnings and notes with `--verbose`, notes unless `--quiet`; standard output through the
/// command's `emit`), appends them to the `--log`, counts them and drops them. A worker never
/// runs more than the ring ahead of the printer, so memory is the ring, whatever the number of
/// inputs; no worker waits for a slow input of another (there are no windows to finish); a bad
/// input is one record, never the end of the batch.
final class BatchRunner {
    private let options: BatchOptions
    private let command: String
    private let verbose: Bool
    /// Print the closing summary (a batch of several inputs, unless `--quiet`).
    var summary = true
    /// Print the records' diagnostics to standard error (validate prints them on standard output).
    var printsDiagnostics = true
    /// Print each record to standard error as one JSON object a line (its `--log` line) instead
    /// of text lines, and no summary (`normalize --format json`).
    var jsonRecords = false

    init(options: BatchOptions, command: String, verbose: Bool) {
        self.options = options; self.command = command; self.verbose = verbose
    }

    /// Runs `work` on every item (on worker threads) and `emit` on every record (on this thread,
    /// in input order). Returns the worst exit status.
    /// - Throws: ``CLIError`` when the log cannot be opened or written, or when `emit` throws.
    func run(_ items: BatchItems, work: @escaping @Sendable (BatchItem) -> BatchRecord,
             emit: (BatchRecord) throws -> Void = { _ in }) throws -> Int32 {
        let log: OutputFile? = try options.log.map { try OutputFile.open($0) }
        defer { log?.abort() }
        let progress = BatchProgress(total: items.count, quiet: options.quiet || jsonRecords)
        var tally = BatchSummary()
        var worst: Int32 = 0
        let workers = min(options.workers, max(items.count, 1))
        let records = OrderedRecords(count: items.count, capacity: workers * 16)
        let group = DispatchGroup()
        if workers > 1 {
            let shared = UncheckedBox(items)
            for _ in 0..<workers {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    while let i = records.take() { records.put(i, work(shared.value[i])) }
                }
            }
        }
        defer {
            records.cancel()
            group.wait()
        }
        for i in items.indices {
            let record: BatchRecord
            if workers > 1 { record = records.get(i) } else { record = work(items[i]) }
            if prints(record) { progress.clear() }
            print(record)
            try emit(record)
            try log?.write(record.logLine)
            tally.add(record)
            worst = max(worst, record.exitCode)
            progress.update(i + 1)
            // Standard error lost: stop (the outputs already written stay; no more).
            if OutputFile.standardErrorFailed { break }
        }
        progress.clear()
        try log?.commit()
        if summary && !options.quiet && !jsonRecords { CLIIO.err(tally.line(command: command)) }
        return worst
    }

    /// True when the record prints anything (on either stream: both may be the terminal).
    private func prints(_ r: BatchRecord) -> Bool {
        !r.messages.isEmpty || !r.output.isEmpty || (!options.quiet && !r.notes.isEmpty)
            || (printsDiagnostics && r.diagnostics.contains { verbose || $0.severity == .error })
    }

    /// Prints a record's lines to standard error.
    private func print(_ r: BatchRecord) {
        if jsonRecords { OutputFile.writeStandardError(r.logLine); return }
        for m in r.messages { CLIIO.err(m) }
        if printsDiagnostics { CLIIO.report(verbose ? r.diagnostics : r.diagnostics.filter { $0.severity == .error }) }
        if !options.quiet { for n in r.notes { CLIIO.err(n) } }
    }
}

/// A value handed to worker threads that only read it.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
