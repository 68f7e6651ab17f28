import Foundation

/// The text front end: bytes of a text submission → ``SourceDocument`` of numbered lines.
///
/// Decodes (``TextDecoder``: UTF-8 ± BOM, UTF-16 with BOM, GB18030), splits lines, and cuts
/// word-processor artefacts ("[bookmark: _GoBack]") out of the lines, keeping each as a fragment
/// with a warning. Unit *n* is line *n*. Tables in the lines are found later by the line layouts.
public enum TextFrontEnd {
    /// - Throws: ``DiagnosticError`` when the bytes cannot be decoded as text at all.
    public static func read(_ data: Data, fileName: String = "-") throws -> SourceDocument {
        let decoded = try TextDecoder.decode(data, fileName: fileName)
        var diags: [Diagnostic] = []
        if decoded.encoding == "GB18030" {
            diags.append(Diagnostic(.note, "the input is not UTF-8; decoded as GB18030", code: "read.encoding", file: fileName, line: 1, column: 1))
        }
        let source = SourceInfo(fileName: SourceInfo.baseName(fileName), layout: .none, encoding: decoded.encoding,
                                sha256: SHA256.hex(data), lineEnding: decoded.lineEnding)
        var fragments: [Fragment] = []
        var units: [SourceUnit] = []
        units.reserveCapacity(decoded.lines.count)
        for line in decoded.lines {
            let (clean, artefacts) = removeArtefacts(line.text)
            for (a, col) in artefacts {
                fragments.append(Fragment(text: a, lines: LineRange(line: line.number), reason: "word-processor artefact"))
                diags.append(.warning("word-processor artefact \(a) removed from the text", code: "read.artefact",
                                      file: fileName, line: line.number, column: col))
            }
            units.append(SourceUnit(number: line.number, kind: .line, text: clean, range: LineRange(line: line.number)))
        }
        return SourceDocument(format: .text, info: source, units: units, diagnostics: diags, fragments: fragments,
                              byteCount: data.count, diagnosticsName: fileName)
    }

    /// Removes "[bookmark: …]" artefacts (Word bookmarks that leak into text exports); returns the
    /// cleaned line and each artefact with its 1-based column.
    static func removeArtefacts(_ line: String) -> (String, [(String, Int)]) {
        guard ByteSearch.contains(0x5B, in: line), DocumentText.count(of: "bookmark:", in: line.lowercased()) > 0 else { return (line, []) }
        var out = String.UnicodeScalarView()
        var found: [(String, Int)] = []
        let u = Array(line.unicodeScalars)
        var i = 0
        while i < u.count {
            if u[i] == "[", i + 10 <= u.count, String(String.UnicodeScalarView(u[i..<(i + 10)])).lowercased() == "[bookmark:",
               let close = u[i...].firstIndex(of: "]") {
                found.append((String(String.UnicodeScalarView(u[i...close])), i + 1))
                i = close + 1
                continue
            }
            out.append(u[i]); i += 1
        }
        return (String(out), found)
    }
}
