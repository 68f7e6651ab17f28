import Foundation

/// The temp files ``OutputFile`` has created and not yet renamed into place, removed by a signal
/// handler on SIGINT, SIGTERM, SIGHUP and SIGPIPE (unblocked when the first is registered) before the signal is re-raised with its default
/// action (so the exit status still tells that the process was killed). SIGKILL cannot be caught:
/// a `kill -9` during a write can still leave a `.NAME.ogi-XXXXXX` file beside the target.
///
/// The handler only calls `unlink(2)`, `signal(2)` and `raise(3)` (async-signal-safe) on C strings
/// held in a fixed table, so it never allocates or takes a lock.
enum TempFileRegistry {
    /// At most this many temp files at once (one per batch worker; ``BatchOptions`` caps
    /// `--jobs` below it).
    static let capacity = 64

    /// Serialises ``register(_:)`` and ``unregister(_:)`` between batch workers (the signal
    /// handler never takes it: it only reads the slots).
    private static let lock = NSLock()

    /// Slots of `strdup`ed paths; nil when free.
    nonisolated(unsafe) fileprivate static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()
    nonisolated(unsafe) private static var installed = false

    /// Registers a path (a `mkstemp` template is fine: `mkstemp` may fill in the returned buffer
    /// in place, so that the file is registered before it exists). Returns the slot and the
    /// buffer, nil when the table is full.
    static func register(_ path: String) -> (slot: Int, buffer: UnsafeMutablePointer<CChar>)? {
        lock.lock(); defer { lock.unlock() }
        installHandlers()
        guard let buffer = strdup(path) else { return nil }
        for k in 0..<capacity where slots[k] == nil {
            slots[k] = buffer
            return (k, buffer)
        }
        free(buffer)
        return nil
    }

    /// Forgets a slot (after its file was renamed into place or removed).
    static func unregister(_ slot: Int) {
        lock.lock(); defer { lock.unlock() }
        let buffer = slots[slot]
        slots[slot] = nil
        free(buffer)
    }

    private static func installHandlers() {
        if installed { return }
        installed = true
        _ = slots  // initialised before any handler can run
        // Unblock them too: a parent may spawn ogi with them blocked (a process started from a
        // libdispatch thread inherits its mask), and a blocked SIGTERM would never clean up.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] {
            // Keep an inherited "ignore" (e.g. nohup's SIGHUP, a shell's SIGPIPE): do not start
            // dying from a signal the caller asked to ignore.
            let previous = signal(sig, removeTempFilesAndReraise)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(sig, SIG_IGN) }
        }
    }
}

/// The signal handler: unlinks every registered temp file, restores the default action and
/// re-raises the signal.
private func removeTempFilesAndReraise(_ sig: Int32) {
    let slots = TempFileRegistry.slots
    for k in 0..<TempFileRegistry.capacity {
        if let p = slots[k] { unlink(p) }
    }
    signal(sig, SIG_DFL)
    raise(sig)
}
