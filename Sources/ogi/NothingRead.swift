import OGIReport

/// The rule that "nothing read" is never success: a report from which no statistics table was
/// read (markdown, a portal page, an empty file, canonical XML without tables) gets one located
/// error (unless the reader already gave one, e.g. for an empty input), and `normalize` and `check`
/// both exit 1 for it.
enum NothingRead {
    /// The diagnostic for a report with no table, nil when at least one table was read.
    static func diagnostic(_ report: Report, fileName: String) -> Diagnostic? {
        guard report.tables.isEmpty else { return nil }
        return .error("no statistics table was read from this input (is it the text of an annual report?)",
                      code: "read.no-tables", file: fileName, line: 1)
    }
}
