import ArgumentParser
import Foundation
import OGIReport

/// Input and output helpers shared by the subcommands.
enum CLIIO {
    /// Reads a file, or standard input when the path is nil or "-". Returns the bytes and the
    /// name to use in diagnostics. A read error is a one-line ``CLIError``; so is an input larger
    /// than `limit` bytes or ``ReadLimits/maxInputBytes`` of `limits`: a file is refused from its
    /// size before it is read, standard input once more than the limit has arrived (never more
    /// than the limit plus 64 KB is held).
    static func read(_ path: String?, limit: Int? = nil, limits: ReadLimits = .default) throws -> (data: Data, name: String) {
        let flag = limit == nil || limits.maxInputBytes < limit! ? "--max-input-mb" : nil
        let limit = min(limit ?? Int.max, limits.maxInputBytes)
        guard let p = path, p != "-" else {
            let data = try readStandardInput(limit: limit)
            if data.count > limit { throw tooLarge("-", limit, flag) }
            return (data, "-")
        }
        let data = try readFile(p, refusingOver: limit) { tooLarge(p, limit, flag) }
        if data.count > limit { throw tooLarge(p, limit, flag) }
        return (data, p)
    }

    /// All of a file, with open(2)/fstat(2)/read(2) straight into one buffer of the file's size;
    /// a file larger than `limit` is refused from its size before it is read. (`Data(contentsOf:)`
    /// kept about 4 KB per file read; `FileManager.attributesOfItem`, used for the size before,
    /// read /etc/passwd and /etc/group and listed extended attributes for every input.)
    private static func readFile(_ p: String, refusingOver limit: Int, _ tooLarge: () -> CLIError) throws -> Data {
        func fail(_ code: Int32) -> CLIError {
            CLIError.io("\(p): error: cannot read file: \(String(cString: strerror(code)))")
        }
        let fd = Glibc.open(p, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw fail(errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw fail(errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw fail(EISDIR) }
        if (st.st_mode & S_IFMT) == S_IFREG && Int(st.st_size) > limit { throw tooLarge() }
        // One byte more than the size, so that the read that finds the end needs no growth.
        var data = Data(count: max(Int(st.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == data.count {
                // The size was a guess (a growing file, a device): read on in 64 KB steps.
                if data.count > limit { return data }
                data.count += 1 << 16
            }
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno)
            }
            if n == 0 { data.count = filled; return data }
            filled += n
        }
    }

    private static func tooLarge(_ name: String, _ limit: Int, _ flag: String?) -> CLIError {
        CLIError.io("\(name): error[limit.input-size]: larger than the \(limit >> 20) MB limit; not read"
                    + (flag.map { " (raise it with \($0))" } ?? ""))
    }

    /// All of standard input (read(2) in a loop: a closed or unreadable descriptor is an error,
    /// not a trap), or its first bytes past `limit` (the caller refuses it).
    private static func readStandardInput(limit: Int) throws -> Data {
        func fail(_ code: Int32) -> CLIError {
            CLIError.io("-: error: cannot read standard input: \(String(cString: strerror(code)))")
        }
        if OutputFile.wasClosedAtStart(0) { throw fail(EBADF) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno)
            }
            if n == 0 { return data }
            data.append(contentsOf: chunk[0..<n])
            if data.count > limit { return data }
        }
    }

    /// Writes text to standard output (nil or "-") or replaces a file, through ``OutputFile``.
    static func write(_ text: String, to path: String?) throws {
        let out = try OutputFile.open(path)
        defer { out.abort() }
        try out.write(text)
        try out.commit()
    }

    /// Prints a message to standard error, each of its lines with control characters escaped
    /// (``Diagnostic/oneLine(_:)``): paths and values in messages may come from anywhere.
    static func err(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        OutputFile.writeStandardError(lines.map { Diagnostic.oneLine(String($0)) }.joined(separator: "\n") + "\n")
    }

    /// Prints diagnostics to standard error, one a line, compiler style, with control characters
    /// escaped in the whole line (the file name too, see ``Diagnostic/oneLine(_:)``).
    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { err(Diagnostic.oneLine(d.description)) }
    }

    /// Diagnostics as a JSON array (stable key order).
    static func json(_ diagnostics: [Diagnostic]) -> String {
        let objs = diagnostics.map(\.jsonObject)
        let data = (try? JSONSerialization.data(withJSONObject: objs, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Errors the CLI reports with exit code 2 (usage or I/O).
enum CLIError: Error, CustomStringConvertible {
    case io(String)
    var description: String {
        switch self { case .io(let m): return m }
    }
}

/// Exit codes: 0 all good, 1 a finding (invalid document, failed rule, warning under --strict),
/// 2 usage or I/O error.
enum Exit {
    static let ok = ExitCode(0)
    static let finding = ExitCode(1)
    static let failure = ExitCode(2)
}
