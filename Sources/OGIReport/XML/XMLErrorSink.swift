import CLibXML2
import Foundation

/// Collects libxml2's errors for one operation (one parse, one validation) as diagnostics.
///
/// It is handed to libxml2 as the user data of per-context structured error handlers (the
/// parser context's `sax->serror`, `xmlSchemaSetValidStructuredErrors`), so errors never reach
/// libxml2's default handlers, which print to standard error.
final class XMLErrorSink {
    let fileName: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Line of a DOCTYPE declaration, when the document has one (parsing stops there).
    var doctype: (name: String, line: Int)?
    /// Errors that reached the thread-local fallback handler instead of a per-context one.
    private(set) var fallbackErrors = 0
    /// Messages that came through libxml2's generic error channel (thread-local handler).
    fileprivate(set) var genericErrors = 0

    init(fileName: String) { self.fileName = fileName }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ p: UnsafeMutableRawPointer) -> XMLErrorSink {
        Unmanaged<XMLErrorSink>.fromOpaque(p).takeUnretainedValue()
    }

    func add(_ d: Diagnostic) { diagnostics.append(d) }

    func add(_ error: UnsafePointer<xmlError>, fallback: Bool = false) {
        if fallback { fallbackErrors += 1 }
        let e = error.pointee
        let severity: Severity = e.level == XML_ERR_WARNING ? .warning : .error
        var line: Int? = e.line > 0 ? Int(e.line) : nil
        if line == nil, let node = e.node {
            let l = xmlGetLineNo(node.assumingMemoryBound(to: xmlNode.self))
            if l > 0 { line = Int(l) }
        }
        let raw = e.message.map { String(cString: $0) } ?? "unknown libxml2 error (domain \(e.domain), code \(e.code))"
        // libxml2 2.9 follows a failed facet with this internal note; it adds nothing.
        if raw.contains("No precomputed value available") { return }
        var message = XMLMessages.clean(raw)
        if let node = e.node, raw.contains("This element is not expected"),
           let better = XMLMessages.conceptProblem(node.assumingMemoryBound(to: xmlNode.self)) {
            message = better
        }
        diagnostics.append(Diagnostic(severity, message, file: fileName, line: line))
    }
}

extension XMLErrorSink {
    func replaceAll(with d: Diagnostic) { diagnostics = [d] }
}

/// libxml2's generic handler type is variadic (`void (*)(void *ctx, const char *msg, ...)`), which
/// Swift imports as an opaque pointer. This handler reads only the two fixed arguments, which
/// the C calling conventions pass the same way for variadic and fixed-argument functions; the
/// format string is recorded unformatted.
private let genericErrorFunction: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { ctx, msg in
    guard let ctx else { return }
    XMLErrorSink.from(ctx).addGeneric(msg.map { String(cString: $0) } ?? "")
}

nonisolated(unsafe) let genericErrorHandler: OpaquePointer = unsafeBitCast(genericErrorFunction, to: OpaquePointer.self)

extension XMLErrorSink {
    /// A message that came through libxml2's generic (printf-style) error channel.
    func addGeneric(_ format: String) {
        let m = format.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !m.isEmpty else { return }
        genericErrors += 1
        add(.error("libxml2: " + m, file: fileName))
    }
}
