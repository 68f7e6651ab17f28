import CLibXML2
import Foundation

/// Streaming validation of XML ogi has just written itself (``SchemaValidator/validateOwnOutput(_:fileName:)``):
/// libxml2's schema validation plugged into the parser's events (`xmlSchemaSAXPlug`) and
/// ``CanonicalXMLRuleChecker`` fed from the same events, so no tree is built or freed. The
/// same schema, the same rules and the same messages as a validation with a tree; the
/// pre-scan for hostile input (DOCTYPE, depth and attribute limits) is not made, since the
/// bytes are ogi's own.
enum SchemaStream {
    /// What the parser's events need: the checker and the parser (for each element's line).
    /// Kept behind a pointer (the events' user data), so the events pay no exclusivity checks.
    fileprivate struct State {
        var checker = CanonicalXMLRuleChecker()
        var parser: xmlParserCtxtPtr?
    }

    /// Validates `bytes` against `schema`; errors go to `sink`, as a validation with a tree
    /// gives them: the parser's errors alone when the bytes are not well-formed, else a wrong
    /// root namespace alone, else the schema's errors, else the rules'.
    static func validate(_ bytes: [UInt8], schema: xmlSchemaPtr, sink: XMLErrorSink) {
        _ = LibXML.initialised
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else {
            sink.add(.error(bytes.isEmpty ? "Document is empty" : "Document is too large (\(bytes.count) bytes)", file: sink.fileName, line: 1))
            return
        }
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        defer { state.deinitialize(count: 1); state.deallocate() }
        let schemaErrors = XMLErrorSink(fileName: sink.fileName)
        var wellFormed = false, valid = false
        // The parser's errors reach `sink` through the thread-local fallback handler (the
        // plugged handler has no error callback); the validation's go to `schemaErrors`.
        XMLParsing.withFallbackErrors(sink) {
            guard let vctxt = xmlSchemaNewValidCtxt(schema) else {
                sink.add(.error("cannot create a schema validation context", file: sink.fileName))
                return
            }
            defer { xmlSchemaFreeValidCtxt(vctxt) }
            xmlSchemaSetValidStructuredErrors(vctxt, validityErrorHandler, schemaErrors.opaque)
            // The handler and the two pointers the plug rewrites (and restores on unplug) live
            // until the unplug.
            let handler = UnsafeMutablePointer<xmlSAXHandler>.allocate(capacity: 1)
            handler.initialize(to: xmlSAXHandler())
            handler.pointee.initialized = XML_SAX2_MAGIC
            handler.pointee.startElementNs = streamStartElement
            handler.pointee.endElementNs = streamEndElement
            let saxSlot = UnsafeMutablePointer<UnsafeMutablePointer<xmlSAXHandler>?>.allocate(capacity: 1)
            saxSlot.initialize(to: handler)
            let userSlot = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 1)
            userSlot.initialize(to: UnsafeMutableRawPointer(state))
            defer {
                handler.deinitialize(count: 1); handler.deallocate()
                saxSlot.deinitialize(count: 1); saxSlot.deallocate()
                userSlot.deinitialize(count: 1); userSlot.deallocate()
            }
            bytes.withUnsafeBufferPointer { buf in
                let base = UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
                // A pull parser over the bytes (as xmlCtxtReadMemory), its SAX handler swapped for
                // the plugged one for the parse and put back before it is freed.
                guard let pctxt = xmlCreateMemoryParserCtxt(base, Int32(buf.count)) else {
                    sink.add(.error("cannot create an XML parser", file: sink.fileName))
                    return
                }
                defer { xmlFreeParserCtxt(pctxt) }
                _ = xmlCtxtUseOptions(pctxt, XMLParsing.options)
                guard let plug = xmlSchemaSAXPlug(vctxt, saxSlot, userSlot) else {
                    sink.add(.error("cannot plug the schema validation into the parser", file: sink.fileName))
                    return
                }
                let ownSAX = pctxt.pointee.sax, ownUser = pctxt.pointee.userData
                pctxt.pointee.sax = saxSlot.pointee
                pctxt.pointee.userData = userSlot.pointee
                state.pointee.parser = pctxt
                xmlSchemaValidateSetLocator(vctxt, streamLocator, UnsafeMutableRawPointer(pctxt))
                _ = xmlParseDocument(pctxt)
                wellFormed = pctxt.pointee.wellFormed != 0
                xmlSchemaValidateSetLocator(vctxt, nil, nil)
                state.pointee.parser = nil
                pctxt.pointee.sax = ownSAX
                pctxt.pointee.userData = ownUser
                _ = xmlSchemaSAXUnplug(plug)
                valid = xmlSchemaIsValid(vctxt) == 1
            }
        }
        if sink.diagnostics.contains(where: { $0.severity == .error }) { return }
        if !wellFormed {
            sink.add(.error("Document is not well-formed", file: sink.fileName))
        } else if let root = state.pointee.checker.rootProblem {
            sink.add(.error(root.message, file: sink.fileName, line: root.line))
        } else if !valid || schemaErrors.diagnostics.contains(where: { $0.severity == .error }) {
            for d in schemaErrors.diagnostics { sink.add(d) }
            if !sink.diagnostics.contains(where: { $0.severity == .error }) {
                sink.add(.error("schema validation failed", file: sink.fileName))
            }
        } else {
            for d in state.pointee.checker.diagnostics(fileName: sink.fileName) { sink.add(d) }
        }
    }

    /// One element's start: its attributes (five pointers each: local name, prefix, URI, value
    /// start, value end) as the checker's, in a buffer on the stack.
    fileprivate static func start(_ state: UnsafeMutablePointer<State>, _ name: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?,
                                  count: Int, _ raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let line = state.pointee.parser?.pointee.input.map { Int($0.pointee.line) }.flatMap { $0 > 0 ? $0 : nil }
        withUnsafeTemporaryAllocation(of: CanonicalXMLRuleChecker.Attribute.self, capacity: max(count, 1)) { buf in
            var n = 0
            if let raw {
                for i in 0..<count {
                    guard let name = raw[i * 5], let v = raw[i * 5 + 3], let e = raw[i * 5 + 4] else { continue }
                    (buf.baseAddress! + n).initialize(to: .init(name: name, value: UnsafeBufferPointer(start: v, count: e - v)))
                    n += 1
                }
            }
            _ = state.pointee.checker.start(name, namespace: namespace, attributes: UnsafeBufferPointer(rebasing: buf[0..<n]), line: line)
            buf.baseAddress!.deinitialize(count: n)
        }
    }
}

/// The parser's start-element event (the plug passes the user data given to it: the stream).
private let streamStartElement: startElementNsSAX2Func = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
    guard let ctx else { return }
    SchemaStream.start(ctx.assumingMemoryBound(to: SchemaStream.State.self), localname, namespace: uri, count: Int(nbAttributes), attributes)
}

private let streamEndElement: endElementNsSAX2Func = { ctx, _, _, _ in
    guard let ctx else { return }
    ctx.assumingMemoryBound(to: SchemaStream.State.self).pointee.checker.end()
}

/// The validation's locator: the parser's current line (no tree nodes to take it from).
private let streamLocator: xmlSchemaValidityLocatorFunc = { ctx, file, line in
    file?.pointee = nil
    line?.pointee = 0
    guard let ctx else { return -1 }
    let parser = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let input = parser.pointee.input else { return -1 }
    line?.pointee = UInt(max(0, input.pointee.line))
    return 0
}
