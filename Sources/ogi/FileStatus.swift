/// How one input of a batch came out, worst last; the batch's exit status is the worst file's.
enum FileStatus: String, Sendable, Comparable, CaseIterable {
    /// Not read: its output is newer than it (re-run without `--force`).
    case upToDate = "up-to-date"
    /// Not read: found in a folder and plainly not a report (an image, a binary file).
    case notAReport = "not-a-report"
    /// Read, no warning or error.
    case ok
    /// Read with warnings.
    case warnings
    /// Read with errors (or no table read, or a failed rule in `check`, an invalid document in `validate`).
    case errors
    /// Could not be read as a report: an I/O error, bytes that do not decode, a format ogi does not read.
    case unreadable

    static func < (a: FileStatus, b: FileStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
