import Foundation

/// The re-run rule of `normalize --out-dir`: an input whose output is newer than it (by
/// modification time, to the nanosecond) is not read again unless `--force` is given.
enum UpToDate {
    /// True when `output` exists and was modified after `input`.
    static func isNewer(_ output: String, than input: String) -> Bool {
        var o = stat(), i = stat()
        guard stat(output, &o) == 0, stat(input, &i) == 0 else { return false }
        if o.st_mtim.tv_sec != i.st_mtim.tv_sec { return o.st_mtim.tv_sec > i.st_mtim.tv_sec }
        return o.st_mtim.tv_nsec > i.st_mtim.tv_nsec
    }
}
