import Foundation

/// The re-run rule of `normalize --out-dir`: an input whose output is newer than it (by
/// modification time, to the nanosecond) is not read again unless `--force` is given. An empty
/// output is never up to date: batch outputs are not synced one by one
/// (``OutputFile/open(_:syncOnCommit:)``), and an empty file is what a power loss can leave.
enum UpToDate {
    /// True when `output` exists, is not empty and was modified after `input`.
    static func isNewer(_ output: String, than input: String) -> Bool {
        var o = stat(), i = stat()
        guard stat(output, &o) == 0, o.st_size > 0, stat(input, &i) == 0 else { return false }
        if o.st_mtim.tv_sec != i.st_mtim.tv_sec { return o.st_mtim.tv_sec > i.st_mtim.tv_sec }
        return o.st_mtim.tv_nsec > i.st_mtim.tv_nsec
    }
}
