import CLibXML2
import Foundation

/// The HTML front end: an HTML page (a portal page, Word "Save as HTML", an exported report) →
/// ``SourceDocument``, on libxml2's own HTML parser.
///
/// - Charset from a BOM, `<meta charset>` or `http-equiv` in the first 4 KB; pages labelled
///   GB2312/GBK/GB18030 are decoded as GB18030 (portals label GBK bytes as gb2312); unlabelled
///   bytes that are not UTF-8 are tried as GB18030, with a note. The parser gets UTF-8 and
///   ignores the page's own encoding hints.
/// - Parsing: `HTML_PARSE_NONET`, recover, no error output (errors to a structured handler only);
///   the HTML parser loads no DTD and substitutes only HTML's predefined entities.
/// - Paragraph-level elements (`p`, `div`, `li`, `h1`…`h6`, `br` …) become units; inline markup
///   (`span`, `b`, `font`, Word's `o:p` …) is text of its paragraph. Whitespace collapses as a
///   browser shows it, and a line break between two CJK characters is dropped.
/// - Data tables become ``SourceTable``s with their rowspan/colspan, one unit per row; a layout
///   table (one that holds another table, or a single column) is read as flow.
/// - Page chrome (`script`, `style`, `nav`, `header`, `footer`, `aside`, forms' controls, hidden
///   elements, navigation/share/footer classes) is left out and counted in ``OmittedContent``.
public enum HTMLFrontEnd {
    /// - Throws: ``DiagnosticError`` when the bytes cannot be decoded or parsed at all.
    public static func read(_ data: Data, fileName: String = "-") throws -> SourceDocument {
        let bytes = [UInt8](data)
        var diags: [Diagnostic] = []
        let (utf8, encoding) = try decode(bytes, fileName: fileName, diagnostics: &diags)
        let sink = XMLErrorSink(fileName: fileName)
        _ = LibXML.initialised
        guard utf8.count < Int(Int32.max) else {
            throw DiagnosticError(.error("HTML document is too large (\(utf8.count) bytes)", code: "read.html", file: fileName))
        }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed: ParsedXML? = XMLParsing.withFallbackErrors(sink) {
            utf8.withUnsafeBufferPointer { buf -> ParsedXML? in
                guard let ctxt = htmlNewParserCtxt() else { return nil }
                defer { htmlFreeParserCtxt(ctxt) }
                ctxt.pointee._private = sink.opaque
                if let sax = ctxt.pointee.sax { sax.pointee.serror = parserErrorHandler }
                let base = UnsafeRawPointer(buf.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
                return htmlCtxtReadMemory(ctxt, base, Int32(buf.count), nil, "UTF-8", options).map(ParsedXML.init)
            }
        }
        guard let doc = parsed, let root = doc.root else {
            throw DiagnosticError(.error("the HTML document could not be parsed", code: "read.html", file: fileName, line: 1))
        }
        var walker = HTMLWalker()
        walker.walk(root)
        walker.flush()
        let info = SourceInfo(fileName: SourceInfo.baseName(fileName), layout: .none, encoding: encoding,
                              sha256: SHA256.hex(data), lineEnding: lineEnding(utf8), format: .html,
                              omittedBlocks: walker.omitted.elements, omittedCharacters: walker.omitted.characters)
        if !walker.omitted.isEmpty {
            let kinds = walker.omitted.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            diags.append(Diagnostic(.note, "page chrome left out of the report: \(walker.omitted.elements) elements, "
                                    + "\(walker.omitted.characters) characters (\(kinds))", code: "read.page-chrome", file: fileName, line: 1))
        }
        return SourceDocument(format: .html, info: info, units: walker.units, tables: walker.tables, diagnostics: diags,
                              omitted: walker.omitted, mayHavePageChrome: true, byteCount: data.count, diagnosticsName: fileName)
    }

    /// The page's bytes as UTF-8 and the name of the encoding they were in.
    static func decode(_ bytes: [UInt8], fileName: String, diagnostics: inout [Diagnostic]) throws -> ([UInt8], String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try TextDecoder.toUTF8(bytes, fileName: fileName)
        }
        let label = declaredCharset(bytes)
        let gbLabels: Set<String> = ["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn", "hz-gb-2312", "csgb2312"]
        if let l = label, gbLabels.contains(l) {
            if let out = TextDecoder.iconvToUTF8(bytes, from: "GB18030") {
                if l != "gb18030" {
                    diagnostics.append(Diagnostic(.note, "the page is labelled \(l); decoded as GB18030 (its superset)",
                                                  code: "read.encoding", file: fileName, line: 1))
                }
                return (out, "GB18030")
            }
            throw DiagnosticError(.error("the page is labelled \(l) but its bytes are not GB18030", code: "read.encoding", file: fileName, line: 1))
        }
        if TextDecoder.firstInvalidUTF8(bytes) == nil { return (bytes, "UTF-8") }
        if let out = TextDecoder.iconvToUTF8(bytes, from: "GB18030") {
            diagnostics.append(Diagnostic(.note, "the page is not UTF-8" + (label.map { " (labelled \($0))" } ?? "") + "; decoded as GB18030",
                                          code: "read.encoding", file: fileName, line: 1))
            return (out, "GB18030")
        }
        return try TextDecoder.toUTF8(bytes, fileName: fileName)
    }

    /// The charset a `<meta>` in the first 4 KB declares, lowercased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let needle = Array("charset".utf8)
        var i = 0
        while i + needle.count < head.count {
            if head[i] == needle[0], Array(head[i..<(i + needle.count)]) == needle {
                var j = i + needle.count
                while j < head.count, head[j] == 0x20 { j += 1 }
                if j < head.count, head[j] == 0x3D {  // =
                    j += 1
                    while j < head.count, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
                    var k = j
                    while k < head.count, (head[k] >= 0x61 && head[k] <= 0x7A) || (head[k] >= 0x30 && head[k] <= 0x39) || head[k] == 0x2D || head[k] == 0x5F { k += 1 }
                    if k > j { return String(decoding: head[j..<k], as: UTF8.self) }
                }
            }
            i += 1
        }
        return nil
    }

    private static func lineEnding(_ utf8: [UInt8]) -> String {
        var lf = 0, crlf = 0, cr = 0
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0x0D { if i + 1 < utf8.count, utf8[i + 1] == 0x0A { crlf += 1; i += 1 } else { cr += 1 } }
            else if utf8[i] == 0x0A { lf += 1 }
            i += 1
        }
        let kinds = [(lf, "LF"), (crlf, "CRLF"), (cr, "CR")].filter { $0.0 > 0 }
        return kinds.count > 1 ? "mixed" : kinds.first?.1 ?? "LF"
    }
}
