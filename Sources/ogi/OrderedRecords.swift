import Foundation

/// The records of a batch between its workers and its printer: a ring of `capacity` slots,
/// indexed by input number. Workers ``take()`` the next input number (waiting while they are a
/// whole ring ahead of the printer) and ``put(_:_:)`` its record; the printer ``get(_:)``s the
/// records in input order (waiting for the one it needs). ``cancel()`` ends the takes.
final class OrderedRecords: @unchecked Sendable {
    private let lock = NSCondition()
    private var slots: [BatchRecord?]
    private let count: Int
    private var next = 0
    private var printed = 0
    private var cancelled = false

    init(count: Int, capacity: Int) {
        self.count = count
        slots = Array(repeating: nil, count: max(capacity, 1))
    }

    /// The next input to work on, or nil when there is none (or the batch was cancelled).
    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        while next < count && next - printed >= slots.count && !cancelled { lock.wait() }
        if cancelled || next >= count { return nil }
        next += 1
        return next - 1
    }

    /// Stores the record of input `i`.
    func put(_ i: Int, _ record: BatchRecord) {
        lock.lock(); defer { lock.unlock() }
        slots[i % slots.count] = record
        lock.broadcast()
    }

    /// The record of input `i` (the inputs are got in order), once a worker has put it.
    func get(_ i: Int) -> BatchRecord {
        lock.lock(); defer { lock.unlock() }
        while slots[i % slots.count] == nil { lock.wait() }
        let r = slots[i % slots.count]!
        slots[i % slots.count] = nil
        printed = i + 1
        lock.broadcast()
        return r
    }

    /// No more takes: workers finish the input they are on and stop.
    func cancel() {
        lock.lock(); defer { lock.unlock() }
        cancelled = true
        lock.broadcast()
    }
}
