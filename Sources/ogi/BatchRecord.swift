import Foundation
import OGIReport

/// What one input of a batch gave: built by a worker, printed and logged in input order by the
/// main thread, then dropped (a batch never holds its reports).
struct BatchRecord: @unchecked Sendable {
    var path: String
    var status: FileStatus
    /// The exit status this input alone would give (0, 1 or 2).
    var exitCode: Int32
    var format: SourceFormat?
    var edition: Edition?
    var layout: SourceLayout?
    var cells = 0
    var diagnostics: [Diagnostic] = []
    /// Errors that are not diagnostics (I/O errors), one line each, printed to standard error.
    var messages: [String] = []
    /// Notes (a file skipped, the detected layout), printed unless `--quiet`.
    var notes: [String] = []
    /// What goes to standard output for this input (check's report, validate's lines).
    var output = ""
    /// A JSON object for a command's `--format json` output, when it has one.
    var json: Any?
    /// The report, kept only when the command writes it after checking (`check --embed`, one input).
    var report: Report?
    /// The output written, if any.
    var target: String?

    var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    var errors: Int { diagnostics.filter { $0.severity == .error }.count + messages.count }

    init(path: String, status: FileStatus = .ok, exitCode: Int32 = 0) {
        self.path = path; self.status = status; self.exitCode = exitCode
    }

    /// Takes the facts of a report read from this input.
    mutating func describe(_ report: Report?) {
        guard let report else { return }
        if format == nil { format = report.metadata.source?.format }
        layout = report.metadata.source?.layout
        edition = report.metadata.edition
        cells = report.tables.reduce(0) { $0 + $1.cells.count }
    }

    /// The status from the diagnostics (when it is not already worse).
    mutating func classify() {
        let s: FileStatus = diagnostics.contains { $0.severity == .error } ? .errors
            : diagnostics.contains { $0.severity == .warning } ? .warnings : .ok
        status = max(status, s)
    }

    /// The JSON-lines record (`--log`): stable keys.
    var logLine: String {
        var o: [String: Any] = ["path": path, "status": status.rawValue, "exit": Int(exitCode), "cells": cells,
                                "warnings": warnings, "errors": errors,
                                "diagnostics": diagnostics.map(\.jsonObject) + messages.map { ["severity": "error", "message": $0] }
                                    + notes.map { ["severity": "note", "message": $0] }]
        if let format { o["format"] = format.rawValue }
        if let edition { o["edition"] = edition.rawValue }
        if let layout { o["layout"] = layout.rawValue }
        if let target { o["output"] = target }
        let data = (try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
