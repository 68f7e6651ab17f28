import Foundation

/// What `ogi template` was asked for, before validation.
public struct TemplateRequest: Sendable {
    /// `--agency`.
    public var agency: String?
    /// `--year`.
    public var year: Int?
    /// `--edition` as typed ("2021" or "2019").
    public var edition: String?
    /// The report given with `--from`, and its file name.
    public var from: Report?
    public var fromName: String
    /// Last year's report given with `--previous`, and its file name.
    public var previous: Report?
    public var previousName: String

    public init(agency: String? = nil, year: Int? = nil, edition: String? = nil,
                from: Report? = nil, fromName: String = "-", previous: Report? = nil, previousName: String = "-") {
        self.agency = agency; self.year = year; self.edition = edition
        self.from = from; self.fromName = fromName; self.previous = previous; self.previousName = previousName
    }
}

/// Turns a ``TemplateRequest`` into the report to print: a blank report, or the `--from`
/// report, with row 二 carried over from `--previous`.
///
/// Rules:
/// - `--edition` must be 2021 or 2019 (default 2021, or the `--from` report's own edition);
///   `--year` must be in 2008–2100; `--agency` must not be empty or whitespace.
/// - With `--from`, `--agency`/`--year`/`--edition` may fill what the report lacks but must not
///   contradict it (an error otherwise: the report's facts are never silently replaced).
/// - Without `--from`, the year is required; the agency comes from `--agency`, else from
///   `--previous` (carried over, with a note), else it is an error.
/// - `--previous` must be last year's report: its year must be this year − 1 (an error
///   otherwise; a warning when its year is unknown).
public enum TemplateBuilder {
    /// The report to print and the warnings to show.
    /// - Throws: ``DiagnosticError`` when the request is invalid; nothing should then be written.
    public static func build(_ request: TemplateRequest) throws -> (report: Report, warnings: [Diagnostic]) {
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        func fail(_ message: String, file: String? = nil) {
            errors.append(.error(message, code: "template", file: file))
        }

        var edition: Edition?
        if let raw = request.edition {
            edition = Edition(rawValue: raw.trimmingCharacters(in: .whitespaces))
            if edition == nil {
                fail("unknown edition '\(raw)'; expected one of: \(Edition.allCases.map(\.rawValue).sorted().joined(separator: ", "))")
            }
        }
        if let y = request.year, !BlankReport.years.contains(y) {
            fail("year \(y) is outside \(BlankReport.years.lowerBound)–\(BlankReport.years.upperBound)")
        }
        var agency: String?
        if let a = request.agency {
            let t = a.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { fail("agency is empty") } else { agency = t }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }

        var report: Report
        if var from = request.from {
            let m = from.metadata
            let own = TemplateWriter.edition(of: from)
            if let e = edition, m.edition != nil || !from.tables.isEmpty, e != own {
                fail("--edition \(e.rawValue) contradicts the report's edition \(own.rawValue)", file: request.fromName)
            }
            if let y = request.year, let ry = m.year, y != ry {
                fail("--year \(y) contradicts the report's year \(ry)", file: request.fromName)
            }
            if let a = agency, let ra = m.agency, a != ra {
                fail("--agency '\(a)' contradicts the report's agency '\(ra)'", file: request.fromName)
            }
            guard errors.isEmpty else { throw DiagnosticError(errors) }
            from.metadata.edition = m.edition ?? (from.tables.isEmpty ? (edition ?? own) : own)
            from.metadata.year = m.year ?? request.year
            from.metadata.agency = m.agency ?? agency
            report = from
        } else {
            guard let year = request.year else {
                throw DiagnosticError(.error("--year is required (or --from a report)", code: "template"))
            }
            guard let name = agency ?? request.previous?.metadata.agency?.trimmingCharacters(in: .whitespacesAndNewlines),
                  !name.isEmpty else {
                throw DiagnosticError(.error("--agency is required (or --from a report, or --previous a report that names its agency)", code: "template"))
            }
            report = BlankReport.make(agency: name, year: year, edition: edition ?? .e2021)
            if agency == nil {
                report.metadata.notes.append("注：机关名称“\(name)”沿用上年度报告。")
            }
        }

        if let previous = request.previous {
            let py = previous.metadata.year
            switch (py, report.metadata.year) {
            case let (p?, y?) where p != y - 1:
                throw DiagnosticError(.error("--previous is the \(p) report, but this report is for \(y): expected the \(y - 1) report",
                                             code: "template", file: request.previousName))
            case (nil, _), (_, nil):
                warnings.append(.warning("the year of --previous or of this report is unknown; carrying over without checking that it is last year's report",
                                         code: "template-carry-over", file: request.previousName))
            default:
                break
            }
            if request.from != nil, report.metadata.agency == nil, let pa = previous.metadata.agency {
                report.metadata.agency = pa
                report.metadata.notes.append("注：机关名称“\(pa)”沿用上年度报告。")
            }
            let outcome = CarryOver.apply(previous: previous, to: report, previousName: request.previousName)
            report = outcome.report
            warnings += outcome.warnings
        }
        return (report, warnings)
    }
}
