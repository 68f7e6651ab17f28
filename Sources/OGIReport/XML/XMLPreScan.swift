import Foundation

/// A cheap linear scan of XML bytes before libxml2 parses them, so that the inputs that take
/// libxml2 quadratic time or unbounded stack are refused in milliseconds with a located error:
/// more attributes on one element than ``ReadLimits/maxAttributes``, elements nested deeper than
/// ``ReadLimits/maxDepth``; and what libxml2 would silently accept or misread: a NUL character
/// anywhere, content after the root element's end tag (only whitespace, comments and processing
/// instructions may follow it).
///
/// Works on UTF-8 (± BOM) and on UTF-16 (with a BOM, or starting `<?` without one) code units;
/// markup is ASCII in both. Comments, processing instructions and CDATA sections are skipped; a
/// DOCTYPE is left to the parser, which refuses it.
///
/// For HTML (`attributesOnly`), only the attribute count is checked: libxml2's HTML parser is
/// quadratic in attributes too (30,000 on `<body>`: 3 s), while unclosed tags and text after
/// `</html>` are normal there.
enum XMLPreScan {
    /// The first problem, or nil.
    static func check(_ data: Data, limits: ReadLimits, fileName: String, attributesOnly: Bool = false) -> Diagnostic? {
        let b = [UInt8](data.prefix(4))
        func units16(bigEndian: Bool, skip: Int) -> [UInt16] {
            var out = [UInt16](); out.reserveCapacity(data.count / 2)
            data.withUnsafeBytes { (p: UnsafeRawBufferPointer) in
                var i = skip
                while i + 1 < p.count {
                    out.append(bigEndian ? UInt16(p[i]) << 8 | UInt16(p[i + 1]) : UInt16(p[i]) | UInt16(p[i + 1]) << 8)
                    i += 2
                }
            }
            return out
        }
        if b.starts(with: [0xFF, 0xFE]) { return scan(units16(bigEndian: false, skip: 2), limits, fileName, attributesOnly) }
        if b.starts(with: [0xFE, 0xFF]) { return scan(units16(bigEndian: true, skip: 2), limits, fileName, attributesOnly) }
        if b == [0x3C, 0, 0x3F, 0] { return scan(units16(bigEndian: false, skip: 0), limits, fileName, attributesOnly) }
        if b == [0, 0x3C, 0, 0x3F] { return scan(units16(bigEndian: true, skip: 0), limits, fileName, attributesOnly) }
        return data.withUnsafeBytes { scan($0.bindMemory(to: UInt8.self), limits, fileName, attributesOnly) }
    }

    private static func scan<C: RandomAccessCollection>(_ u: C, _ limits: ReadLimits, _ file: String, _ attributesOnly: Bool) -> Diagnostic?
    where C.Element: FixedWidthInteger, C.Index == Int {
        @inline(__always) func at(_ i: Int) -> UInt32 { i < u.endIndex ? UInt32(truncatingIfNeeded: u[i]) : 0xFFFF_FFFF }
        func starts(_ i: Int, _ s: String) -> Bool {
            var k = i
            for c in s.utf8 { if at(k) != UInt32(c) { return false }; k += 1 }
            return true
        }
        /// Index after the first occurrence of `end` at or after `i` (counting lines), or endIndex.
        func skip(_ i: inout Int, past end: String, line: inout Int) {
            let first = UInt32(end.utf8.first!)
            while i < u.endIndex {
                let c = at(i)
                if c == 10 { line += 1 }
                if c == first, starts(i, end) { i += end.utf8.count; return }
                i += 1
            }
        }
        var i = u.startIndex, line = 1, depth = 0, rootClosed = false
        while i < u.endIndex {
            let c = at(i)
            if c == 0, !attributesOnly {
                return .error("NUL character in the document (canonical XML is text)", code: "xml.nul", file: file, line: line)
            }
            if c == 10 { line += 1; i += 1; continue }
            if c != 0x3C {  // '<'
                if rootClosed, !attributesOnly, c != 0x20, c != 0x09, c != 0x0D {
                    return .error("content after the end of the root element", code: "xml.after-root", file: file, line: line)
                }
                i += 1
                // HTML text: nothing but the next tag or line matters.
                if attributesOnly { while i < u.endIndex, u[i] != 0x3C, u[i] != 0x0A { i += 1 } }
                continue
            }
            if starts(i, "<!--") { i += 4; skip(&i, past: "-->", line: &line); continue }
            if starts(i, "<?") { i += 2; skip(&i, past: "?>", line: &line); continue }
            if starts(i, "<![CDATA[") { i += 9; skip(&i, past: "]]>", line: &line); continue }
            if starts(i, "<!") {
                if !attributesOnly { return nil }  // DOCTYPE: the parser refuses it
                i += 2; continue
            }
            if attributesOnly { rootClosed = false; depth = 0 }
            if rootClosed {
                return .error("content after the end of the root element", code: "xml.after-root", file: file, line: line)
            }
            let tagLine = line
            if at(i + 1) == 0x2F {  // '</'
                i += 2
                while i < u.endIndex, at(i) != 0x3E { if at(i) == 10 { line += 1 }; i += 1 }
                i += 1
                depth -= 1
                if depth <= 0 { rootClosed = true }
                continue
            }
            // A start tag: its name, attributes (an '=' outside quotes each) and its end.
            var nameEnd = i + 1
            while nameEnd < u.endIndex, nameEnd - i < 200 {
                let d = at(nameEnd)
                if d == 0x20 || d == 0x09 || d == 0x0A || d == 0x0D || d == 0x3E || d == 0x2F || d == 0 { break }
                nameEnd += 1
            }
            // The name is made only for a message, not for every start tag.
            let nameRange = i + 1..<nameEnd
            var name: String { String(decoding: nameRange.map { UInt8(truncatingIfNeeded: at($0)) }, as: UTF8.self) }
            var attributes = 0, quote: UInt32 = 0, selfClosing = false
            i = nameEnd
            while i < u.endIndex {
                let d = at(i)
                if d == 0 { break }
                if d == 10 { line += 1 }
                if quote != 0 {
                    if d == quote { quote = 0 }
                } else if d == 0x22 || d == 0x27 {
                    quote = d
                } else if d == 0x3D {
                    attributes += 1
                    if attributes > limits.maxAttributes {
                        return ReadLimits.exceeded("element <\(name)> has more than \(limits.maxAttributes) attributes",
                                                   limit: "\(limits.maxAttributes) attributes per element",
                                                   flag: "--max-attributes", name: "attributes", file: file, line: tagLine)
                    }
                } else if d == 0x3E {
                    selfClosing = at(i - 1) == 0x2F
                    i += 1
                    break
                }
                i += 1
            }
            if selfClosing {
                if depth == 0 { rootClosed = true }
                continue
            }
            depth += 1
            if depth > limits.maxDepth {
                return ReadLimits.exceeded("element <\(name)> is nested \(depth) deep",
                                           limit: "depth \(limits.maxDepth)", flag: "--max-depth", name: "depth",
                                           file: file, line: tagLine)
            }
        }
        return nil
    }
}
