import Foundation

/// The records of a batch between its workers and its printer: a ring of `capacity` slots,
/// indexed by input number. Workers ``take()`` the next input number (waiting while they are a
/// whole ring ahead of the printer) and ``put(_:_:)`` its record; the printer ``get(_:)``s the
/// records in input order (waiting for the one it needs). ``cancel()`` ends the takes.
///
/// Wake-ups are few, so a busy batch makes almost no thread switches (two conditions on one
/// mutex): the printer sleeps only when the record it needs is not there yet, and is woken once
/// that record is there and half the ring is ready to print (or every input has been handed
/// out), then prints what is ready in one go; a worker sleeps only when the ring is full, and the
/// printer wakes one when it frees a slot. Before, the printer woke for every record: two thread
/// switches a report on cores the workers keep busy.
final class OrderedRecords: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// The printer waits here for the record `waitedFor`.
    private let recordReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Workers wait here for a free slot.
    private let slotFree = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var slots: [BatchRecord?]
    private let count: Int
    private var next = 0
    private var printed = 0
    private var cancelled = false
    private var waitedFor = -1
    private var waitingWorkers = 0
    /// Records put and not yet got.
    private var ready = 0

    init(count: Int, capacity: Int) {
        self.count = count
        slots = Array(repeating: nil, count: max(capacity, 1))
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(recordReady, nil)
        pthread_cond_init(slotFree, nil)
    }

    deinit {
        pthread_cond_destroy(slotFree); slotFree.deallocate()
        pthread_cond_destroy(recordReady); recordReady.deallocate()
        pthread_mutex_destroy(mutex); mutex.deallocate()
    }

    /// The next input to work on, or nil when there is none (or the batch was cancelled).
    func take() -> Int? {
        pthread_mutex_lock(mutex); defer { pthread_mutex_unlock(mutex) }
        while next < count && next - printed >= slots.count && !cancelled {
            waitingWorkers += 1
            pthread_cond_wait(slotFree, mutex)
            waitingWorkers -= 1
        }
        if cancelled || next >= count { return nil }
        next += 1
        return next - 1
    }

    /// Stores the record of input `i`.
    func put(_ i: Int, _ record: BatchRecord) {
        pthread_mutex_lock(mutex); defer { pthread_mutex_unlock(mutex) }
        slots[i % slots.count] = record
        ready += 1
        if waitedFor >= 0, slots[waitedFor % slots.count] != nil, ready * 2 >= slots.count || next >= count {
            pthread_cond_signal(recordReady)
        }
    }

    /// The record of input `i` (the inputs are got in order), once a worker has put it.
    func get(_ i: Int) -> BatchRecord {
        pthread_mutex_lock(mutex); defer { pthread_mutex_unlock(mutex) }
        while slots[i % slots.count] == nil {
            waitedFor = i
            pthread_cond_wait(recordReady, mutex)
        }
        waitedFor = -1
        let r = slots[i % slots.count]!
        slots[i % slots.count] = nil
        ready -= 1
        printed = i + 1
        if waitingWorkers > 0 { pthread_cond_signal(slotFree) }
        return r
    }

    /// No more takes: workers finish the input they are on and stop.
    func cancel() {
        pthread_mutex_lock(mutex); defer { pthread_mutex_unlock(mutex) }
        cancelled = true
        pthread_cond_broadcast(slotFree)
        pthread_cond_broadcast(recordReady)
    }
}
