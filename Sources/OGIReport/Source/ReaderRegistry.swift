import Foundation

/// The one entry point for reading a submission in any format: sniffs the format from the
/// content (not the file name), runs that format's front end and report recognition.
///
/// Sniffing: `%PDF` → PDF; `PK\x03\x04` → DOCX when the package has `word/document.xml`, else
/// ZIP; after a BOM (UTF-8 or UTF-16) and whitespace, `<?xml` or `<report` with ogi's namespace →
/// canonical XML; an HTML doctype or a known HTML tag → HTML; anything else → text (a text
/// submission may start with `<`).
public enum ReaderRegistry {
    /// The format of `data`: ``FormatSniff/quick(_:)``'s byte-level answer where it has one (ogi's
    /// canonical XML, text not starting with `<`), else ``sniffByDecoding(_:)``.
    public static func sniff(_ data: Data) -> SourceFormat {
        FormatSniff.quick(data) ?? sniffByDecoding(data)
    }

    /// The format of `data` from its first 4 KB: signatures (PDF, ZIP/DOCX), XML and HTML starts,
    /// else text. The head is scanned as bytes (UTF-16 code units after a UTF-16 BOM): ASCII is
    /// lowercased, anything else is one non-ASCII byte that is part of no pattern; leading ASCII
    /// whitespace (CR included, so a page that starts with a Windows blank line is still HTML) is
    /// skipped.
    static func sniffByDecoding(_ data: Data) -> SourceFormat {
        let head = [UInt8](data.prefix(4096))
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return data.range(of: Data("word/document.xml".utf8)) != nil || data.range(of: Data("word/".utf8)) != nil ? .docx : .zip
        }
        let all = loweredASCII(head)
        var start = 0
        while start < all.count, all[start] == 0x20 || all[start] == 0x09 || all[start] == 0x0A || all[start] == 0x0D { start += 1 }
        let lower = all[start...]
        func has(_ p: String) -> Bool { lower.starts(with: p.utf8) }
        func contains(_ p: String) -> Bool { ByteSearch.contains(Array(p.utf8), in: lower) }
        if has("<?xml") || has("<report") || has("<!--") {
            if contains("urn:ogi:annual-report") { return .canonicalXML }
            if contains("<html") || contains("<!doctype html") { return .html }
            if has("<?xml") { return .canonicalXML }  // other XML: the XML reader says what it is
        }
        if has("<!doctype html") || has("<html") { return .html }
        if has("<") {
            // A tag name: ASCII letters and digits, and any non-ASCII (a letter or not, it is in no tag name).
            var end = lower.startIndex + 1
            while end < lower.endIndex, lower[end] >= 0x80 || (lower[end] >= 0x61 && lower[end] <= 0x7A) || (lower[end] >= 0x30 && lower[end] <= 0x39) { end += 1 }
            let name = String(decoding: lower[(lower.startIndex + 1)..<end], as: UTF8.self)
            let after: UInt8? = end < lower.endIndex ? lower[end] : nil
            if Self.htmlStartTags.contains(name), after == nil || after == 0x3E || after == 0x20 || after == 0x2F || after == 0x0A || after == 0x09 { return .html }
            if has("<!--"), contains("<html") || contains("<body") || contains("<table") { return .html }
        }
        return .text
    }

    /// Tags an HTML page or fragment may start with.
    private static let htmlStartTags: Set<String> = ["head", "body", "meta", "title", "div", "p", "table", "span", "br", "h1", "h2", "h3",
                                                     "h4", "h5", "h6", "style", "script", "link", "center", "font", "section", "article"]

    /// `head` as bytes for sniffing: after a UTF-16 BOM its code units, after a UTF-8 BOM the rest;
    /// ASCII lowercased, every other unit or byte 0x80.
    static func loweredASCII(_ head: [UInt8]) -> [UInt8] {
        func lowered(_ v: UInt32) -> UInt8 { v >= 0x80 ? 0x80 : (v >= 0x41 && v <= 0x5A ? UInt8(v) | 0x20 : UInt8(v)) }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            let little = head[0] == 0xFF
            var out: [UInt8] = []
            out.reserveCapacity(head.count / 2)
            var i = 2
            while i + 1 < head.count {
                out.append(lowered(little ? UInt32(head[i]) | UInt32(head[i + 1]) << 8 : UInt32(head[i]) << 8 | UInt32(head[i + 1])))
                i += 2
            }
            return out
        }
        return (head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]).map { lowered(UInt32($0)) }
    }

    /// Reads a report from a submission in a format ogi reads into a report (text, HTML, DOCX, PDF).
    /// - Throws: ``DiagnosticError`` for a format without a reader yet (one line naming it), or
    ///   when the front end gives up (undecodable bytes).
    ///   `limits`: the input's size, paragraph length and rows per table are checked on the source
    ///   document before recognition; the diagnostics are capped at ``ReadLimits/maxDiagnostics``.
    public static func read(_ data: Data, fileName: String = "-", limits: ReadLimits = .default) throws -> TextReading {
        var reading = ReportRecognizer.recognize(try document(data, fileName: fileName, limits: limits))
        reading.result.diagnostics = limits.capped(reading.result.diagnostics, file: fileName)
        return reading
    }

    /// The report of any input ogi reads: canonical XML as it is, anything else through its front
    /// end and recognition (e.g. `template --from`).
    /// - Throws: ``DiagnosticError`` when the input cannot be read, or when its reading found errors.
    public static func readReport(_ data: Data, fileName: String = "-", limits: ReadLimits = .default) throws -> ReadResult {
        if sniff(data) == .canonicalXML { return ReadResult(report: try CanonicalXML.read(data, fileName: fileName, limits: limits)) }
        let result = try read(data, fileName: fileName, limits: limits).result
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticError(errors) }
        return result
    }

    /// The source document of a submission (front end only), refused when it exceeds `limits`.
    public static func document(_ data: Data, fileName: String = "-", limits: ReadLimits = .default) throws -> SourceDocument {
        if data.count > limits.maxInputBytes { throw DiagnosticError(limits.inputTooLarge(data.count, file: fileName)) }
        if sniff(data) == .html, let problem = XMLPreScan.check(data, limits: limits, fileName: fileName, attributesOnly: true) {
            throw DiagnosticError(problem)
        }
        let document = try frontEnd(data, fileName: fileName)
        if let problem = limits.violation(in: document) { throw DiagnosticError(problem) }
        return document
    }

    /// The front end's document for the sniffed format.
    static func frontEnd(_ data: Data, fileName: String) throws -> SourceDocument {
        let format = sniff(data)
        switch format {
        case .text:
            // A Word 97–2003 .doc or a WPS .wps is an OLE compound file, not text: say so in one line.
            if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                throw DiagnosticError(.error("the input is a Word 97–2003 (.doc) or WPS (.wps) binary document: ogi reads DOCX; save it as .docx",
                                             code: "read.unsupported-format", file: fileName))
            }
            return try TextFrontEnd.read(data, fileName: fileName)
        case .html: return try HTMLFrontEnd.read(data, fileName: fileName)
        case .canonicalXML:
            throw DiagnosticError(.error("this is canonical XML, not a submission: read it with CanonicalXML.read", code: "read.format", file: fileName, line: 1))
        case .docx: return try DOCXFrontEnd.read(data, fileName: fileName)
        case .pdf: return try PDFFrontEnd.read(data, fileName: fileName)
        case .zip:
            throw DiagnosticError(unsupported(format, fileName: fileName))
        }
    }

    /// The one-line error for a format that has no reader yet.
    static func unsupported(_ format: SourceFormat, fileName: String) -> Diagnostic {
        let what: String
        switch format {
        case .zip: what = "a ZIP archive that is not a Word document; unpack it and give the report inside"
        default: what = "a \(format.displayName) file ogi cannot read"
        }
        return .error("the input is " + what, code: "read.unsupported-format", file: fileName)
    }
}
