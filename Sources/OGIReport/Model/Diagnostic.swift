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

    /// The message on one line and safe for a terminal. Line breaks quoted from the source (a
    /// wrapped cell: CR LF, LF, CR, U+2028, U+2029) are shown as "⏎", so each diagnostic stays one
    /// line of output; every other control character — C0 (U+0000–U+001F, tab and ESC/BEL
    /// included), DEL, C1 (U+0080–U+009F) — and the bidirectional controls (U+202A–U+202E,
    /// U+2066–U+2069), which could recolour, retitle or reorder a terminal, and the invisible format
    /// characters a quoted cell may hold (soft hyphen U+00AD, U+061C, U+200B–U+200F, U+2060–U+2064,
    /// U+FEFF), are written as a Swift escape with uppercase hex: `\u{1B}`, `\u{9}`, `\u{200F}`.
    /// Idempotent; the usual message (no such character) is returned as it is after a scan of its
    /// UTF-8 bytes.
    public static func oneLine(_ message: String) -> String {
        // Fast path over the UTF-8 bytes: C0 and DEL are single bytes, C1 and U+00AD are C2 80–9F
        // and C2 AD, U+061C is D8 9C, U+200B–U+200F is E2 80 8B–8F, U+2028–U+202E is E2 80 A8–AE,
        // U+2060–U+2069 is E2 81 A0–A9, U+FEFF is EF BB BF (“ ” are E2 80 9C/9D: no match).
        func needsEscaping(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = b.count
            var i = 0
            while i < n {
                let x = b[i]
                if x < 0x20 || x == 0x7F { return true }
                if x == 0xC2, i + 1 < n, b[i + 1] <= 0x9F || b[i + 1] == 0xAD { return true }
                if x == 0xD8, i + 1 < n, b[i + 1] == 0x9C { return true }
                if x == 0xE2, i + 2 < n {
                    let y = b[i + 1], z = b[i + 2]
                    if y == 0x80 && ((z >= 0x8B && z <= 0x8F) || (z >= 0xA8 && z <= 0xAE)) { return true }
                    if y == 0x81 && z >= 0xA0 && z <= 0xA9 { return true }
                }
                if x == 0xEF, i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return true }
                i += 1
            }
            return false
        }
        let escape = message.utf8.withContiguousStorageIfAvailable(needsEscaping)
            ?? Array(message.utf8).withUnsafeBufferPointer(needsEscaping)
        guard escape else { return message }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in message.unicodeScalars {
            let v = u.value
            defer { previousCR = v == 0x0D }
            switch v {
            case 0x0A where previousCR: continue  // CR LF: one ⏎
            case 0x0A, 0x0D, 0x2028, 0x2029: out.append("⏎")
            case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x61C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064,
                 0x2066...0x2069, 0xFEFF:
                out.append(contentsOf: "\\u{\(String(v, radix: 16, uppercase: true))}".unicodeScalars)
            default: out.append(u)
            }
        }
        return String(out)
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
