import ArgumentParser
import Foundation
import OGIReport

/// Input and output helpers shared by the subcommands.
enum CLIIO {
    /// Reads a file, or standard input when the path is nil or "-". Returns the bytes and the
    /// name to use in diagnostics.
    static func read(_ path: String?) throws -> (data: Data, name: String) {
        if path == nil || path == "-" {
            return (FileHandle.standardInput.readDataToEndOfFile(), "-")
        }
        let p = path!
        do {
            return (try Data(contentsOf: URL(fileURLWithPath: p)), p)
        } catch {
            throw CLIError.io("\(p): error: cannot read file: \(ioReason(error))")
        }
    }

    /// Writes text to a file, or to standard output when the path is nil or "-".
    static func write(_ text: String, to path: String?) throws {
        if path == nil || path == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path!), options: .atomic)
        } catch {
            throw CLIError.io("\(path!): error: cannot write file: \(ioReason(error))")
        }
    }

    /// Prints one line to standard error.
    static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints diagnostics to standard error, one a line, compiler style.
    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { err(d.description) }
    }

    /// Diagnostics as a JSON array (stable key order).
    static func json(_ diagnostics: [Diagnostic]) -> String {
        let objs = diagnostics.map(\.jsonObject)
        let data = (try? JSONSerialization.data(withJSONObject: objs, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func ioReason(_ error: Error) -> String {
        let ns = error as NSError
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain,
           let s = strerror(Int32(u.code)) {
            return String(cString: s)
        }
        return ns.localizedDescription
    }
}

/// Errors the CLI reports with exit code 2 (usage or I/O).
enum CLIError: Error, CustomStringConvertible {
    case io(String)
    var description: String {
        switch self { case .io(let m): return m }
    }
}

/// Exit codes: 0 all good, 1 a finding (invalid document, failed rule, warning under --strict),
/// 2 usage or I/O error.
enum Exit {
    static let ok = ExitCode(0)
    static let finding = ExitCode(1)
    static let failure = ExitCode(2)
}
