import Foundation

/// What a reader produced: the report and the located diagnostics about the source.
public struct ReadResult: Sendable {
    public var report: Report
    public var diagnostics: [Diagnostic]

    public init(report: Report, diagnostics: [Diagnostic] = []) {
        self.report = report; self.diagnostics = diagnostics
    }
}
