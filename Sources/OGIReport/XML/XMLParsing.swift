import CLibXML2
import Foundation

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
    /// The input size and ``XMLPreScan``'s limits (attributes, depth, NUL, content after the root)
    /// are checked first, before libxml2 sees a byte.
    static func parse(_ data: Data, sink: XMLErrorSink, limits: ReadLimits = .default) -> ParsedXML? {
        _ = LibXML.initialised
        if data.isEmpty {
            sink.add(.error("Document is empty", file: sink.fileName, line: 1))
            return nil
        }
        if data.count > limits.maxInputBytes {
            sink.add(limits.inputTooLarge(data.count, file: sink.fileName))
            return nil
        }
        if let problem = XMLPreScan.check(data, limits: limits, fileName: sink.fileName) {
            sink.add(problem)
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

/// The parser context's structured error handler; libxml2 passes the context as user data.
let parserErrorHandler: xmlStructuredErrorFunc = { userData, error in
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
