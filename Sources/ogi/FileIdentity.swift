import Foundation

/// A file's identity — device and inode, as `stat(2)` gives them — so that an output that is one
/// of the inputs is recognised whatever names (relative, `./x`, a symlink, a hard link, a
/// `/dev/fd/N`) the two are given.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    /// The identity of the file a path names, following symlinks; nil when it does not exist
    /// (or cannot be examined), or when it is a character device (a terminal, `/dev/null`), which
    /// can be read and written without clobbering anything.
    static func of(path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return make(st)
    }

    /// The identity of an open descriptor (standard input or output), with the same exceptions.
    static func of(descriptor fd: Int32) -> FileIdentity? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return make(st)
    }

    private static func make(_ st: stat) -> FileIdentity? {
        if (st.st_mode & S_IFMT) == S_IFCHR { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }
}
