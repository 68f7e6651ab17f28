/// A batch's inputs in order, held compactly: the UTF-8 bytes of every path one after another
/// in one buffer, where each ends, and whether it was found by walking a folder. About 9 bytes a
/// path besides its own bytes (a `[BatchItem]` of strings took about 112: a heap string and a
/// 32-byte element each), so 100,000 inputs cost a few MB however they were given.
///
/// Its elements are ``BatchItem``s, made as they are read (the path as a new string each time).
struct BatchItems: RandomAccessCollection, Sendable {
    private var bytes: [UInt8] = []
    /// End offset in `bytes` of each path.
    private var ends: [Int] = []
    private var walkedFlags: [Bool] = []

    init() {}

    /// The items of these paths, none walked.
    init<S: Sequence<String>>(paths: S) {
        for p in paths { append(p, walked: false) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(i: Int) -> BatchItem { BatchItem(path: path(i), walked: walkedFlags[i], index: i) }

    /// The path of item `i`.
    func path(_ i: Int) -> String {
        let start = i == 0 ? 0 : ends[i - 1]
        return String(decoding: bytes[start..<ends[i]], as: UTF8.self)
    }

    /// Every path, in order, made as it is read.
    var paths: LazyMapCollection<Range<Int>, String> { indices.lazy.map { path($0) } }

    /// True when any item was found by walking a folder.
    var anyWalked: Bool { walkedFlags.contains(true) }

    /// Adds an input at the end.
    mutating func append(_ path: String, walked: Bool) {
        bytes.append(contentsOf: path.utf8)
        ends.append(bytes.count)
        walkedFlags.append(walked)
    }

    /// Room for `n` more items of about `pathBytes` bytes each.
    mutating func reserveCapacity(_ n: Int, pathBytes: Int) {
        ends.reserveCapacity(ends.count + n)
        walkedFlags.reserveCapacity(walkedFlags.count + n)
        bytes.reserveCapacity(bytes.count + n * pathBytes)
    }
}
