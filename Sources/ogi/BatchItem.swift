/// One input of a batch: a path as given (or found by walking a folder), in input order.
struct BatchItem: Sendable {
    /// The path ("-" for standard input).
    var path: String
    /// True when the file was found by walking a folder (not named by the user): a file that is
    /// plainly not a report (an image, a binary) is then skipped with a note instead of read.
    var walked: Bool
    /// Its place in the batch (0-based, input order).
    var index = 0
}
