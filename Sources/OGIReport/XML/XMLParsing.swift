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
        if let node = e.node, (raw.contains("attribute 'concept'") && raw.contains("[facet 'enumeration']")) || raw.contains("This element is not expected"),
           let better = XMLMessages.conceptProblem(node.assumingMemoryBound(to: xmlNode.self)) {
            message = better
        }
        diagnostics.append(Diagnostic(severity, message, file: fileName, line: line))
    }
}

/// Rewrites libxml2 messages for people: no trailing newline, the canonical namespace left out
/// of element names, long enumeration lists shortened.
enum XMLMessages {
    private static let nsPrefix = "{" + CanonicalXML.namespace + "}"

    static func clean(_ message: String) -> String {
        var m = message.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " ")
        m = m.replacingOccurrences(of: nsPrefix, with: "")
        // "[facet 'enumeration'] The value 'x' is not an element of the set {'a', 'b', …}."
        if let r = m.range(of: " is not an element of the set {"),
           let end = m.range(of: "}", options: .backwards, range: r.upperBound..<m.endIndex) {
            let set = m[r.upperBound..<end.lowerBound]
            let count = set.components(separatedBy: "', '").count
            if count > 8 {
                m.replaceSubrange(r.lowerBound..<end.upperBound, with: " is not one of the \(count) allowed values")
            }
        }
        if m.hasPrefix("Element 'tables': This element is not expected") {
            m += " A report with tables must name its edition (root attribute edition, container tables2019 or tables2021)."
        }
        if m.contains("of keyref 'tablesEdition'") {
            m += " The root's edition attribute must be the edition of the tables container."
        }
        return m
    }

    /// Says why a cell's concept id is refused: unknown, of the other edition, of another
    /// table, or of another value kind (written with the wrong element).
    static func conceptProblem(_ node: xmlNodePtr) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE, let value = XMLNode.token(node, "concept") else { return nil }
        let element = XMLNode.name(node)
        guard let table = node.pointee.parent, let container = table.pointee.parent,
              ["t1", "t2", "t3"].contains(XMLNode.name(table)) else { return nil }
        let head = "Element '\(element)', attribute 'concept': "
        guard let concept = ConceptTable.byID[value] else {
            return head + "'\(value)' is not a concept id of the concept table"
        }
        // Cell elements sit in t1/t2/t3 inside tables2019/tables2021.
        let tableName = XMLNode.name(table)
        let edition = Edition(rawValue: String(XMLNode.name(container).dropFirst("tables".count)))
        if let edition, !concept.editions.contains(edition) {
            let others = concept.editions.sorted().map(\.rawValue).joined(separator: ", ")
            return head + "'\(value)' is a concept of edition \(others), not of edition \(edition.rawValue)"
        }
        if concept.table.rawValue != tableName {
            return head + "'\(value)' belongs in table \(concept.table.rawValue), not in \(tableName)"
        }
        let expected = XMLName.cell(concept.kind)
        if expected != element {
            return head + "'\(value)' holds a \(concept.kind.rawValue) value: write it as <\(expected)>, not <\(element)>"
        }
        return nil
    }
}

/// A parsed libxml2 document, freed when released.
final class ParsedXML {
    let doc: xmlDocPtr
    init(_ doc: xmlDocPtr) { self.doc = doc }
    deinit { xmlFreeDoc(doc) }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }
}

/// Parsing untrusted XML with libxml2: no network, no entity substitution, no DTD loading, no
/// DOCTYPE at all, libxml2's default size limits (never `XML_PARSE_HUGE`).
enum XMLParsing {
    /// `XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES`; deliberately without
    /// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`, `XML_PARSE_DTDVALID`,
    /// `XML_PARSE_XINCLUDE` and `XML_PARSE_HUGE`.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Parses a document; on failure the diagnostics say why (a refused DOCTYPE is the only one).
    static func parse(_ data: Data, sink: XMLErrorSink) -> ParsedXML? {
        _ = LibXML.initialised
        if data.isEmpty {
            sink.add(.error("Document is empty", file: sink.fileName, line: 1))
            return nil
        }
        guard data.count < Int(Int32.max) else {
            sink.add(.error("Document is too large (\(data.count) bytes)", file: sink.fileName))
            return nil
        }
        return withFallbackErrors(sink) {
            data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) -> ParsedXML? in
                guard let base = buf.baseAddress, let ctxt = xmlNewParserCtxt() else {
                    sink.add(.error("cannot create an XML parser", file: sink.fileName))
                    return nil
                }
                defer { xmlFreeParserCtxt(ctxt) }
                ctxt.pointee._private = sink.opaque
                if let sax = ctxt.pointee.sax {
                    sax.pointee.serror = parserErrorHandler
                    sax.pointee.internalSubset = doctypeHandler
                }
                let doc = xmlCtxtReadMemory(ctxt, base.assumingMemoryBound(to: CChar.self), Int32(buf.count),
                                            nil, nil, options)
                let parsed = doc.map(ParsedXML.init)
                if let dt = sink.doctype {
                    // Refused before its declarations were read; later errors are consequences.
                    sink.replaceAll(with: .error(
                        "DOCTYPE '\(dt.name)' refused: canonical XML has no DTD, entities or external resources",
                        file: sink.fileName, line: dt.line))
                    return nil
                }
                if ctxt.pointee.wellFormed == 0 || parsed == nil {
                    if !sink.diagnostics.contains(where: { $0.severity == .error }) {
                        sink.add(.error("Document is not well-formed", file: sink.fileName))
                    }
                    return nil
                }
                return parsed
            }
        }
    }

    /// Runs `body` with a thread-local structured error handler that sends any error not caught
    /// by a per-context handler to `sink`, restoring the previous handler afterwards. libxml2's
    /// error handler globals are per thread, so this does not affect other threads.
    ///
    /// The generic (printf-style) handler, which a few libxml2 code paths call directly, is
    /// replaced the same way, so nothing reaches standard error.
    static func withFallbackErrors<T>(_ sink: XMLErrorSink, _ body: () -> T) -> T {
        let previousHandler = __xmlStructuredError().pointee
        let previousContext = __xmlStructuredErrorContext().pointee
        let previousGeneric = __xmlGenericError().pointee
        let previousGenericContext = __xmlGenericErrorContext().pointee
        xmlSetStructuredErrorFunc(sink.opaque, fallbackErrorHandler)
        xmlSetGenericErrorFunc(sink.opaque, genericErrorHandler)
        defer {
            xmlSetStructuredErrorFunc(previousContext, previousHandler)
            xmlSetGenericErrorFunc(previousGenericContext, previousGeneric)
        }
        return body()
    }
}

extension XMLErrorSink {
    func replaceAll(with d: Diagnostic) { diagnostics = [d] }
}

/// The parser context's structured error handler; libxml2 passes the context as user data.
private let parserErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let sink = ctxt.pointee._private else { return }
    let s = XMLErrorSink.from(sink)
    if s.doctype != nil { return }
    s.add(error)
}

/// Called by the parser at `<!DOCTYPE name …`: records it and stops the parser before the
/// internal subset (entity declarations) or any external subset is read.
private let doctypeHandler: internalSubsetSAXFunc = { userData, name, _, _ in
    guard let userData else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    if let sink = ctxt.pointee._private {
        let s = XMLErrorSink.from(sink)
        let line = ctxt.pointee.input.map { Int($0.pointee.line) } ?? 1
        s.doctype = (name.map { String(cString: $0) } ?? "", max(line, 1))
    }
    xmlStopParser(ctxt)
}

/// Thread-local fallback: errors that no per-context handler caught.
private let fallbackErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    XMLErrorSink.from(userData).add(error, fallback: true)
}

/// libxml2's generic handler type is variadic (`void (*)(void *ctx, const char *msg, ...)`), which
/// Swift imports as an opaque pointer. This handler reads only the two fixed arguments, which
/// the C calling conventions pass the same way for variadic and fixed-argument functions; the
/// format string is recorded unformatted.
private let genericErrorFunction: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { ctx, msg in
    guard let ctx else { return }
    XMLErrorSink.from(ctx).addGeneric(msg.map { String(cString: $0) } ?? "")
}

nonisolated(unsafe) private let genericErrorHandler: OpaquePointer = unsafeBitCast(genericErrorFunction, to: OpaquePointer.self)

extension XMLErrorSink {
    /// A message that came through libxml2's generic (printf-style) error channel.
    func addGeneric(_ format: String) {
        let m = format.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !m.isEmpty else { return }
        genericErrors += 1
        add(.error("libxml2: " + m, file: fileName))
    }
}
