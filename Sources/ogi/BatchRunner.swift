import Dispatch
import Foundation
import OGIReport

/// Runs one command over many inputs on a bounded pool of workers and prints the results in
/// input order.
///
/// Inputs are taken in windows of `workers × 16`: the workers (`DispatchQueue.concurrentPerform`
/// with one iteration per worker, each pulling the next input of the window) build a
/// ``BatchRecord`` per input; then the main thread prints the window's records in order (standard
/// error: errors always, warnings and notes with `--verbose`, notes unless `--quiet`; standard
/// output through the command's `emit`), appends them to the `--log`, counts them and drops
/// them. Memory is one window of records, whatever the number of inputs; a bad input is one
/// record, never the end of the batch.
final class BatchRunner {
    private let options: BatchOptions
    private let command: String
    private let verbose: Bool
    /// Print the closing summary (a batch of several inputs, unless `--quiet`).
    var summary = true
    /// Print the records' diagnostics to standard error (validate prints them on standard output).
    var printsDiagnostics = true

    init(options: BatchOptions, command: String, verbose: Bool) {
        self.options = options; self.command = command; self.verbose = verbose
    }

    /// Runs `work` on every item (on worker threads) and `emit` on every record (on this thread,
    /// in input order). Returns the worst exit status.
    /// - Throws: ``CLIError`` when the log cannot be opened or written, or when `emit` throws.
    func run(_ items: [BatchItem], work: @escaping @Sendable (BatchItem) -> BatchRecord,
             emit: (BatchRecord) throws -> Void = { _ in }) throws -> Int32 {
        let log: OutputFile? = try options.log.map { try OutputFile.open($0) }
        defer { log?.abort() }
        let progress = BatchProgress(total: items.count, quiet: options.quiet)
        var tally = BatchSummary()
        var worst: Int32 = 0
        let workers = options.workers
        let window = workers * 16
        var start = 0
        while start < items.count {
            let end = min(start + window, items.count)
            let records = Self.compute(Array(items[start..<end]), workers: workers, work: work)
            for record in records {
                if prints(record) { progress.clear() }
                print(record)
                try emit(record)
                try log?.write(record.logLine)
                tally.add(record)
                worst = max(worst, record.exitCode)
            }
            start = end
            progress.update(start)
            // Standard error lost: stop (the outputs of this window are written; no more).
            if OutputFile.standardErrorFailed { break }
        }
        progress.clear()
        try log?.commit()
        if summary && !options.quiet { CLIIO.err(tally.line(command: command)) }
        return worst
    }

    /// The records of one window, in its order, built by `workers` threads.
    private static func compute(_ items: [BatchItem], workers: Int, work: @escaping @Sendable (BatchItem) -> BatchRecord) -> [BatchRecord] {
        let slots = RecordSlots(items.count)
        if workers == 1 || items.count == 1 {
            for (i, item) in items.enumerated() { slots.put(i, work(item)) }
        } else {
            let next = NextIndex(items.count)
            let shared = UncheckedBox(items)
            DispatchQueue.concurrentPerform(iterations: min(workers, items.count)) { _ in
                while let i = next.take() { slots.put(i, work(shared.value[i])) }
            }
        }
        return slots.records
    }

    /// True when the record prints anything (on either stream: both may be the terminal).
    private func prints(_ r: BatchRecord) -> Bool {
        !r.messages.isEmpty || !r.output.isEmpty || (!options.quiet && !r.notes.isEmpty)
            || (printsDiagnostics && r.diagnostics.contains { verbose || $0.severity == .error })
    }

    /// Prints a record's lines to standard error.
    private func print(_ r: BatchRecord) {
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

/// The next input index of a window, taken under a lock by the workers.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var i = 0
    private let count: Int
    init(_ count: Int) { self.count = count }
    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        if i >= count { return nil }
        i += 1
        return i - 1
    }
}

/// One slot per input of a window, each written once by the worker that took it.
private final class RecordSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [BatchRecord?]
    init(_ count: Int) { slots = Array(repeating: nil, count: count) }
    func put(_ i: Int, _ r: BatchRecord) { lock.lock(); slots[i] = r; lock.unlock() }
    var records: [BatchRecord] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}
