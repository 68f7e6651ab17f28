import Foundation
import OGIReport

/// The one way ogi writes output: standard output, standard error or a file named with `-o` /
/// `--out-dir`. Every subcommand goes through it.
///
/// - Every failed write (a full disk, `/dev/full`, a closed descriptor, an unwritable target) is a
///   ``CLIError`` — one line, exit status 2 — never a trap.
/// - A regular-file target (or a path that does not exist yet) is written to a temp file in the
///   same folder (`.NAME.ogi-XXXXXX`), given the old file's mode (a new file gets 0666 less the
///   umask), synced and renamed over the target only by ``commit()``: the target is either the old
///   file or the complete new one, never partial. ``abort()`` (or any failure) removes the temp
///   file; so does SIGINT, SIGTERM, SIGHUP or SIGPIPE (see ``TempFileRegistry``).
/// - A symlink is followed: what it points to is replaced, the link is kept.
/// - A device, FIFO or socket target (`-o /dev/null`, a named pipe) is opened and written through,
///   never replaced; a directory is refused.
/// - ``refuseInputs(outputs:inputs:)`` refuses, before anything is read or written, an output that
///   is one of the inputs (same device and inode, whatever the names).
/// - Once standard error has failed, nothing more is written and the exit status is 2 (the
///   diagnostics a user relies on were lost).
final class OutputFile {
    private enum Kind {
        case standardOutput
        /// A temp file renamed over `target` on commit.
        case replacing(temp: UnsafeMutablePointer<CChar>, slot: Int, target: String)
        /// A device, FIFO or socket, written in place.
        case through
    }

    /// How the output is named in messages: the path, or "standard output".
    let name: String
    private let fd: Int32
    private let kind: Kind
    private var finished = false
    /// Sync a replaced file to disk before the rename (see ``open(_:syncOnCommit:)``).
    private var syncOnCommit = true

    private init(name: String, fd: Int32, kind: Kind) {
        self.name = name; self.fd = fd; self.kind = kind
    }

    deinit { abort() }

    // MARK: - Standard descriptors

    /// Standard descriptors (0, 1, 2) that were closed when ogi started. Each is filled with
    /// `/dev/null` so that no file ogi opens later gets its number (and receives what was meant
    /// for standard output), but writing to or reading from it still fails with EBADF.
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// True once a write to standard error has failed: the exit status becomes 2.
    nonisolated(unsafe) private(set) static var standardErrorFailed = false

    /// Call first thing in `main`: records closed standard descriptors and plugs them.
    static func prepareStandardDescriptors() {
        for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            closedAtStart.insert(fd)
            let null = Glibc.open("/dev/null", O_RDWR)
            if null >= 0 && null != fd { dup2(null, fd); close(null) }
        }
    }

    /// True when descriptor `fd` (0–2) was closed when ogi started.
    static func wasClosedAtStart(_ fd: Int32) -> Bool { closedAtStart.contains(fd) }

    /// Writes to standard error; a failure is remembered (``standardErrorFailed``), as there is
    /// nowhere left to report it.
    static func writeStandardError(_ text: String) {
        if standardErrorFailed { return }
        if closedAtStart.contains(2) || writeAll(2, text) != nil { standardErrorFailed = true }
    }

    /// Writes to standard output, or throws a one-line ``CLIError``.
    static func writeStandardOutput(_ text: String) throws {
        let out = standardOutput()
        try out.write(text)
        try out.commit()
    }

    /// Standard output as an output.
    static func standardOutput() -> OutputFile {
        OutputFile(name: "standard output", fd: 1, kind: .standardOutput)
    }

    // MARK: - Identity

    /// Throws when an output (nil or "-": standard output) is the same file as an input (nil or
    /// "-": standard input). Call before reading or writing anything. Inputs that do not exist are
    /// left for the read to report; character devices (terminals, `/dev/null`) are never refused.
    /// The inputs are walked twice (their identities, then the name of one found again), so a
    /// batch's paths can be made as they are needed.
    static func refuseInputs<Outputs: Sequence<String?>, Inputs: Collection<String?>>(outputs: Outputs, inputs: Inputs) throws {
        var byIdentity: [FileIdentity: Inputs.Index] = [:]
        for i in inputs.indices {
            let input = inputs[i]
            let isStdin = input == nil || input == "-"
            let id = isStdin ? (closedAtStart.contains(0) ? nil : FileIdentity.of(descriptor: 0))
                             : FileIdentity.of(path: input!)
            if let id, byIdentity[id] == nil { byIdentity[id] = i }
        }
        if byIdentity.isEmpty { return }
        for output in outputs {
            let isStdout = output == nil || output == "-"
            let id = isStdout ? (closedAtStart.contains(1) ? nil : FileIdentity.of(descriptor: 1))
                              : FileIdentity.of(path: output!)
            if let id, let at = byIdentity[id] {
                let input = inputs[at].flatMap { $0 == "-" ? nil : $0 } ?? "standard input"
                let what = isStdout ? "standard output" : output!
                throw CLIError.io("\(what): error: the output is the input \(input) (the same file); nothing read or written")
            }
        }
    }

    // MARK: - Opening

    /// Opens an output: standard output for nil or "-", else the file (see the type's comment).
    /// Open it before reading the input, so that an unwritable target fails before any work.
    /// `syncOnCommit: false` (batch outputs) leaves out the `fsync` before the rename — still
    /// atomic for every reader, but a power loss may leave a renamed empty file; the batch syncs
    /// its output folder once at the end (``syncFolder(_:)``) and the re-run rule treats an
    /// empty output as missing (``UpToDate``). Per file, the fsync was most of a batch's time
    /// on a disk (1,000 files: 2–3× the wall time of the same batch on tmpfs).
    static func open(_ path: String?, syncOnCommit: Bool = true) throws -> OutputFile {
        let file = try open(path)
        file.syncOnCommit = syncOnCommit
        return file
    }

    /// Flushes every file written under `dir` (its file system) to disk: the batch's one sync.
    /// Linux's `syncfs(2)` (looked up at run time: Swift's Glibc module does not declare it), or
    /// `sync(2)` where there is none.
    static func syncFolder(_ dir: String) {
        let fd = Glibc.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { sync(); return }
        defer { close(fd) }
        typealias SyncFS = @convention(c) (Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") {
            _ = unsafeBitCast(symbol, to: SyncFS.self)(fd)
        } else {
            sync()
        }
    }

    private static func open(_ path: String?) throws -> OutputFile {
        guard let path, path != "-" else { return standardOutput() }
        func fail(_ what: String, _ code: Int32) -> CLIError {
            CLIError.io("\(path): error: cannot write file: \(what)\(String(cString: strerror(code)))")
        }
        let target = try resolveSymlinks(path)
        var st = stat()
        let exists = stat(target, &st) == 0
        if !exists && errno != ENOENT { throw fail("", errno) }
        if exists && (st.st_mode & S_IFMT) == S_IFDIR { throw fail("", EISDIR) }
        if exists && (st.st_mode & S_IFMT) != S_IFREG {
            let fd = Glibc.open(target, O_WRONLY | O_CLOEXEC)
            if fd < 0 { throw fail("", errno) }
            return OutputFile(name: path, fd: fd, kind: .through)
        }
        let dir = PathName.directory(target)
        let template = (dir.hasSuffix("/") ? dir : dir + "/") + "." + PathName.lastComponent(target) + ".ogi-XXXXXX"
        guard let (slot, buffer) = TempFileRegistry.register(template) else { throw fail("", EMFILE) }
        let fd = mkstemp(buffer)
        if fd < 0 {
            let e = errno
            TempFileRegistry.unregister(slot)
            throw fail("cannot create a temp file in \(dir): ", e)
        }
        let file = OutputFile(name: path, fd: fd, kind: .replacing(temp: buffer, slot: slot, target: target))
        let mode: mode_t
        if exists {
            mode = st.st_mode & 0o7777
            if geteuid() == 0 { _ = fchown(fd, st.st_uid, st.st_gid) }
        } else {
            mode = 0o666 & ~processUmask
        }
        if fchmod(fd, mode) != 0 { let e = errno; file.abort(); throw fail("", e) }
        return file
    }

    /// The umask, read once: `umask(2)` can only be read by setting it, which batch workers opening
    /// outputs at the same time must not race on.
    private static let processUmask: mode_t = { let m = umask(0); umask(m); return m }()

    /// The path a symlink chain ends at (which may not exist yet); the path itself when it is
    /// not a symlink.
    private static func resolveSymlinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buf, buf.count - 1)
            if n < 0 { return current }
            let dest = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = dest.hasPrefix("/") ? dest
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(dest).path
        }
        throw CLIError.io("\(path): error: cannot write file: \(String(cString: strerror(ELOOP)))")
    }

    // MARK: - Writing

    /// Appends text; on failure the output is abandoned (temp file removed) and a one-line
    /// ``CLIError`` thrown.
    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends bytes (a binary format such as DOCX); failures as for text.
    func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Appends bytes (UTF-8 text already encoded, e.g. canonical XML); failures as for text.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        if finished { throw CLIError.io("\(name): error: internal error: written after it was finished (a bug in ogi)") }
        if Self.standardErrorFailed { abort(); throw CLIError.io("ogi: error: cannot write standard error") }
        if case .standardOutput = kind, Self.closedAtStart.contains(1) { throw failure(EBADF) }
        if let e = Self.writeAll(fd, bytes) { throw failure(e) }
    }

    /// True when the output is a terminal (binary output is refused there).
    var isTerminal: Bool { isatty(fd) == 1 }

    /// Finishes the output: for a replaced file, syncs the temp file and renames it over the
    /// target. Throws (and removes the temp file) on failure.
    func commit() throws {
        if finished { return }
        if Self.standardErrorFailed { abort(); throw CLIError.io("ogi: error: cannot write standard error") }
        switch kind {
        case .standardOutput:
            finished = true
        case .through:
            finished = true
            if close(fd) != 0 && errno != EINTR { throw failureAfterClose(errno) }
        case .replacing(let temp, let slot, let target):
            if syncOnCommit, fsync(fd) != 0 && errno != EINVAL { throw failure(errno) }
            finished = true
            if close(fd) != 0 && errno != EINTR {
                let e = errno; unlink(temp); TempFileRegistry.unregister(slot); throw failureAfterClose(e)
            }
            if rename(temp, target) != 0 {
                let e = errno; unlink(temp); TempFileRegistry.unregister(slot); throw failureAfterClose(e)
            }
            TempFileRegistry.unregister(slot)
        }
    }

    /// Abandons the output: a temp file is removed, the target left as it was. Does nothing after
    /// ``commit()``.
    func abort() {
        if finished { return }
        finished = true
        switch kind {
        case .standardOutput: break
        case .through: close(fd)
        case .replacing(let temp, let slot, _):
            close(fd)
            unlink(temp)
            TempFileRegistry.unregister(slot)
        }
    }

    private func failure(_ code: Int32) -> CLIError {
        abort()
        return failureAfterClose(code)
    }

    private func failureAfterClose(_ code: Int32) -> CLIError {
        let reason = String(cString: strerror(code))
        switch kind {
        case .standardOutput: return CLIError.io("ogi: error: cannot write standard output: \(reason)")
        case .through: return CLIError.io("\(name): error: cannot write file: \(reason)")
        case .replacing: return CLIError.io("\(name): error: cannot write file: \(reason); the file was not changed")
        }
    }

    /// Writes all of `text` to `fd`, retrying on EINTR and short writes; returns errno on failure.
    private static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    }

    /// Writes all of `buf` to `fd`, retrying on EINTR and short writes; returns errno on failure.
    private static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Int32? {
        guard let base = buf.baseAddress else { return nil }
        var offset = 0
        while offset < buf.count {
            let n = Glibc.write(fd, base + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            offset += n
        }
        return nil
    }
}
