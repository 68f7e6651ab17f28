import Foundation

/// Collects a batch's inputs, linear in their number: positional paths, the paths after `--`
/// (taken out of the arguments before swift-argument-parser sees them, see ``takeTerminated(_:)``),
/// `--files-from LIST` and folders walked recursively (sorted by name at each level, hidden
/// files and folders left out, the output folder too).
enum BatchPaths {
    /// The paths after a `--` on the command line, set by ``takeTerminated(_:)`` in `main`.
    nonisolated(unsafe) private(set) static var terminated: [String] = []

    /// Subcommands whose paths after `--` are taken out of the arguments.
    static let batchCommands: Set<String> = ["normalize", "check", "validate", "export"]

    /// Takes every argument after the first `--` out of `arguments` (the subcommand's positional
    /// paths, by POSIX convention) and keeps them for ``collect(_:filesFrom:excluding:)``.
    /// swift-argument-parser's handling of positional values is quadratic in their number (every
    /// value copies the array gathered so far; measured 5.5 s for 10,000 and 20 s for 20,000 in a
    /// release build whatever the parsing strategy), so a huge list never goes through it.
    static func takeTerminated(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, batchCommands.contains(command),
              let dash = arguments.firstIndex(of: "--") else { return arguments }
        terminated = Array(arguments[(dash + 1)...])
        return Array(arguments[..<dash])
    }

    /// The inputs in order: `positional`, then the paths after `--`, then those in `filesFrom`
    /// (one a line, read straight from its bytes). A folder is replaced by the files under it.
    /// `excluding` (an output folder) is never walked.
    /// - Throws: ``CLIError`` when LIST cannot be read or a folder cannot be listed.
    static func collect(_ positional: [String], filesFrom: String?, excluding: String? = nil) throws -> BatchItems {
        let skip = excluding.flatMap { FileIdentity.of(path: $0) }
        var items = BatchItems()
        var visited = Set<FileIdentity>()
        func add(_ p: String) throws {
            if p != "-", isDirectory(p) {
                try walk(p, skip: skip, visited: &visited, into: &items)
            } else {
                items.append(p, walked: false)
            }
        }
        for p in positional { try add(p) }
        for p in terminated { try add(p) }
        if let filesFrom {
            let (data, _) = try CLIIO.read(filesFrom)
            items.reserveCapacity(data.count / 40, pathBytes: 40)
            var start = data.startIndex
            while start < data.endIndex {
                let newline = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
                // A line ends at LF; CRLF's CR goes with it, and one more CR before it (as before).
                var end = newline
                if newline < data.endIndex, end > start, data[end - 1] == 0x0D { end -= 1 }
                if end > start && data[end - 1] == 0x0D { end -= 1 }
                if end > start { try add(String(decoding: data[start..<end], as: UTF8.self)) }
                start = newline + 1
            }
        }
        return items
    }

    /// True when the inputs make a batch that ends with a summary: a folder walked, `--files-from`,
    /// paths after `--` or a `--log`. A plain list of files prints what it always printed.
    static func isBatch(_ items: BatchItems, _ options: BatchOptions) -> Bool {
        options.filesFrom != nil || options.log != nil || !terminated.isEmpty || items.anyWalked
    }

    /// True when `path` is a folder (symlinks followed).
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Appends the regular files under `dir`; a folder already walked (a symlink loop, a folder
    /// given twice) is not walked again.
    private static func walk(_ dir: String, skip: FileIdentity?, visited: inout Set<FileIdentity>,
                             into items: inout BatchItems) throws {
        guard let id = FileIdentity.of(path: dir), id != skip, visited.insert(id).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir)
        } catch {
            throw CLIError.io("\(dir): error: cannot list folder: \((error as NSError).localizedDescription)")
        }
        let base = dir.hasSuffix("/") ? dir : dir + "/"
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = base + name
            var st = stat()
            guard stat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: try walk(path, skip: skip, visited: &visited, into: &items)
            case S_IFREG: items.append(path, walked: true)
            default: continue
            }
        }
    }
}
