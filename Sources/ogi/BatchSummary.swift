import Foundation

/// The counts a batch prints when it ends: files per status, cells read, reports per second.
struct BatchSummary {
    private(set) var counts: [FileStatus: Int] = [:]
    private(set) var cells = 0
    private(set) var files = 0
    private let start = DispatchTime.now().uptimeNanoseconds

    mutating func add(_ record: BatchRecord) {
        counts[record.status, default: 0] += 1
        cells += record.cells
        files += 1
    }

    /// Reports read (not skipped).
    var read: Int { files - (counts[.upToDate] ?? 0) - (counts[.notAReport] ?? 0) }

    /// One line, e.g. `ogi normalize: 12 files: 10 ok, 1 with warnings, 1 with errors, 0 unreadable;
    /// 2,100 cells; 0.31 s, 38.7 reports/s`, with the skipped counts when there are any.
    func line(command: String) -> String {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let n = { (s: FileStatus) in counts[s] ?? 0 }
        var parts = ["\(n(.ok)) ok", "\(n(.warnings)) with warnings", "\(n(.errors)) with errors", "\(n(.unreadable)) unreadable"]
        if n(.upToDate) > 0 { parts.append("\(n(.upToDate)) up to date (skipped; --force re-reads)") }
        if n(.notAReport) > 0 { parts.append("\(n(.notAReport)) not reports (skipped)") }
        let rate = seconds > 0 ? Double(read) / seconds : 0
        return "ogi \(command): \(files) files: " + parts.joined(separator: ", ")
            + String(format: "; %d cells; %.2f s, %.1f reports/s", cells, seconds, rate)
    }
}
