import Foundation

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case note
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool {
        let rank: [Severity: Int] = [.note: 0, .warning: 1, .error: 2]
        return rank[a]! < rank[b]!
    }
}

/// A located message about an input: the one diagnostics type shared by readers, the XML
/// layer, checks and writers. Printed compiler style: `FILE:LINE:COL: severity[code]: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    /// A stable code, e.g. "OGI-R1", "read.unknown-row", "xml.schema"; nil when none applies.
    public var code: String?
    public var message: String
    /// The file the diagnostic is about ("-" for standard input), if known.
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(_ severity: Severity, _ message: String, code: String? = nil, file: String? = nil,
                line: Int? = nil, column: Int? = nil) {
        self.severity = severity; self.message = message; self.code = code
        self.file = file; self.line = line; self.column = column
    }

    public static func error(_ message: String, code: String? = nil, file: String? = nil, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(.error, message, code: code, file: file, line: line, column: column)
    }

    public static func warning(_ message: String, code: String? = nil, file: String? = nil, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(.warning, message, code: code, file: file, line: line, column: column)
    }

    /// The same diagnostic attributed to a file.
    public func inFile(_ name: String) -> Diagnostic {
        var d = self
        if d.file == nil { d.file = name }
        return d
    }

    /// `FILE:LINE:COL: severity[code]: message`; parts that are unknown are left out.
    public var description: String {
        var loc = ""
        if let f = file {
            loc = f
            if let l = line {
                loc += ":\(l)"
                if let c = column { loc += ":\(c)" }
            }
            loc += ": "
        } else if let l = line {
            loc = "line \(l)" + (column.map { ":\($0)" } ?? "") + ": "
        }
        let tag = severity.rawValue + (code.map { "[\($0)]" } ?? "")
        return loc + tag + ": " + Diagnostic.oneLine(message)
    }

    /// The message on one line: line breaks quoted from the source (a wrapped cell) are shown
    /// as "⏎", so each diagnostic stays one line of output.
    static func oneLine(_ message: String) -> String {
        guard message.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return message }
        return message.replacingOccurrences(of: "\r\n", with: "⏎")
            .replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\r", with: "⏎")
    }

    /// A JSON object with the same fields (keys: severity, code, message, file, line, column).
    public var jsonObject: [String: Any] {
        var o: [String: Any] = ["severity": severity.rawValue, "message": message]
        if let code { o["code"] = code }
        if let file { o["file"] = file }
        if let line { o["line"] = line }
        if let column { o["column"] = column }
        return o
    }
}

/// An error that carries one or more diagnostics (e.g. a reader that had to give up).
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ d: Diagnostic) { self.diagnostics = [d] }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
