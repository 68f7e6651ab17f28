import CLibXML2
import Foundation

/// Walks a parsed HTML tree into the units and tables of a ``SourceDocument`` (see
/// ``HTMLFrontEnd`` for the rules).
struct HTMLWalker {
    var units: [SourceUnit] = []
    var tables: [SourceTable] = []
    var omitted = OmittedContent()
    private var flow = HTMLText()
    private var kind: SourceUnit.Kind = .paragraph
    /// Deeper than this, an element's content is read as inline text of its paragraph.
    static let maxDepth = 400

    static let blockElements: Set<String> = [
        "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "form", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "legend", "tbody", "thead", "tfoot", "tr", "td", "th",
    ]
    static let chromeElements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select", "option",
        "button", "input", "textarea", "nav", "footer", "aside", "header", "link", "meta", "map", "audio", "video",
        "source", "frameset", "frame", "base",
    ]
    static let chromeClasses: Set<String> = [
        "nav", "navbar", "menu", "breadcrumb", "crumb", "crumbs", "footer", "share", "bdshare", "sidebar", "toolbar",
        "copyright", "topbar", "header",
    ]

    mutating func walk(_ node: xmlNodePtr, depth: Int = 0) {
        var child = node.pointee.children
        while let c = child { visit(c, depth: depth + 1); child = c.pointee.next }
    }

    mutating func flush() {
        let (text, first, last) = flow.take()
        guard !text.isEmpty else { return }
        units.append(SourceUnit(number: units.count + 1, kind: kind, text: text, range: SourceRange(line: first, lastLine: last)))
    }

    private mutating func visit(_ n: xmlNodePtr, depth: Int) {
        switch n.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            flow.append(n.pointee.content, line: Int(xmlGetLineNo(n)))
        case XML_ELEMENT_NODE:
            let name = Self.name(n)
            if name == "head" { readHead(n); return }
            if isChrome(n, name) { omit(n, name); return }
            if depth > Self.maxDepth { HTMLText.appendAll(n, to: &flow); return }
            switch name {
            case "br": flow.lineBreak(); flush()
            case "table":
                flush()
                if isLayoutTable(n) { walk(n, depth: depth); flush() } else { dataTable(n) }
            case "h1", "h2", "h3", "h4", "h5", "h6":
                flush()
                let saved = kind
                kind = .heading(level: Int(name.dropFirst()) ?? 1)
                walk(n, depth: depth); flush()
                kind = saved
            default:
                if Self.blockElements.contains(name) { flush(); walk(n, depth: depth); flush() } else { walk(n, depth: depth) }
            }
        default:
            return  // comments, processing instructions, DTD nodes: not content
        }
    }

    /// Only the `<title>` of the head is read (a unit of its own); the rest is counted as chrome.
    private mutating func readHead(_ head: xmlNodePtr) {
        var child = head.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                if Self.name(c) == "title" {
                    flush(); HTMLText.appendAll(c, to: &flow); flush()
                } else if Self.name(c) != "meta" && Self.name(c) != "link" {
                    omit(c, Self.name(c))
                }
            }
            child = c.pointee.next
        }
    }

    private mutating func omit(_ n: xmlNodePtr, _ name: String) {
        omitted.elements += 1
        omitted.kinds[name, default: 0] += 1
        omitted.characters += Self.textLength(n)
    }

    private func isChrome(_ n: xmlNodePtr, _ name: String) -> Bool {
        if Self.chromeElements.contains(name) { return true }
        if n.pointee.properties == nil { return false }
        if Self.attribute(n, "hidden") != nil { return true }
        if let style = Self.attribute(n, "style") {
            let s = style.lowercased().filter { !$0.isWhitespace }
            if s.contains("display:none") || s.contains("visibility:hidden") { return true }
        }
        for a in ["class", "id"] {
            if let v = Self.attribute(n, a), v.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).contains(where: { Self.chromeClasses.contains(String($0)) }) {
                return true
            }
        }
        return false
    }

    /// A table used for layout, not data: it holds another table, or it has at most one column.
    private func isLayoutTable(_ table: xmlNodePtr) -> Bool {
        var maxCells = 0
        var nested = false
        func scan(_ node: xmlNodePtr, _ inCell: Bool, _ depth: Int) {
            var c = node.pointee.children
            while let n = c, !nested, depth < Self.maxDepth {
                if n.pointee.type == XML_ELEMENT_NODE {
                    let name = Self.name(n)
                    if name == "table" { if inCell { nested = true } }
                    else if name == "tr" {
                        var cells = 0
                        var k = n.pointee.children
                        while let x = k { if x.pointee.type == XML_ELEMENT_NODE, ["td", "th"].contains(Self.name(x)) { cells += 1 }; k = x.pointee.next }
                        maxCells = max(maxCells, cells)
                        scan(n, inCell, depth + 1)
                    } else { scan(n, inCell || name == "td" || name == "th", depth + 1) }
                }
                c = n.pointee.next
            }
        }
        scan(table, false, 0)
        return nested || maxCells <= 1
    }

    private mutating func dataTable(_ table: xmlNodePtr) {
        let number = tables.count + 1
        var rows: [SourceTable.Row] = []
        var trs: [xmlNodePtr] = []
        func collect(_ node: xmlNodePtr, _ depth: Int) {
            var c = node.pointee.children
            while let n = c {
                if n.pointee.type == XML_ELEMENT_NODE {
                    let name = Self.name(n)
                    if name == "tr" { trs.append(n) }
                    else if name == "caption" { flush(); HTMLText.appendAll(n, to: &flow); flush() }
                    else if ["thead", "tbody", "tfoot"].contains(name) || (!isChrome(n, name) && name != "table" && depth < 4) { collect(n, depth + 1) }
                }
                c = n.pointee.next
            }
        }
        collect(table, 0)
        for (r, tr) in trs.enumerated() {
            var cells: [SourceTable.Cell] = []
            var k = tr.pointee.children
            while let x = k {
                if x.pointee.type == XML_ELEMENT_NODE {
                    let name = Self.name(x)
                    if name == "td" || name == "th" {
                        var acc = HTMLText()
                        HTMLText.appendAll(x, to: &acc, breaks: true)
                        let (text, _, _) = acc.take()
                        cells.append(SourceTable.Cell(text: text, rowSpan: Self.span(x, "rowspan"), colSpan: Self.span(x, "colspan"),
                                                      isHeader: name == "th",
                                                      range: SourceRange(line: Int(xmlGetLineNo(x)), grid: GridLocation(table: number, row: r + 1, cell: cells.count + 1))))
                    }
                }
                k = x.pointee.next
            }
            let line = Int(xmlGetLineNo(tr))
            rows.append(SourceTable.Row(cells: cells, range: SourceRange(line: line, grid: GridLocation(table: number, row: r + 1))))
            let text = cells.map { ByteSearch.contains(0x0A, in: $0.text) ? String(decoding: $0.text.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self) : $0.text }
                .joined(separator: "\t")
            units.append(SourceUnit(number: units.count + 1, kind: .tableRow(table: number - 1, row: r), text: text,
                                    range: SourceRange(line: line, grid: GridLocation(table: number, row: r + 1))))
        }
        let first = rows.first?.range.first ?? Int(xmlGetLineNo(table))
        tables.append(SourceTable(number: number, rows: rows, range: SourceRange(line: first, lastLine: rows.last?.range.first)))
    }

    /// The element's name (libxml2's HTML parser gives tag names in lower case).
    static func name(_ n: xmlNodePtr) -> String {
        guard let p = n.pointee.name else { return "" }
        return String(cString: p)
    }

    static func attribute(_ n: xmlNodePtr, _ name: String) -> String? {
        var a = n.pointee.properties
        while let attr = a {
            if let an = attr.pointee.name, name.withCString({ strcmp(UnsafeRawPointer(an).assumingMemoryBound(to: CChar.self), $0) }) == 0 {
                var out = ""
                var c = attr.pointee.children
                while let t = c { if let content = t.pointee.content { out += String(cString: content) }; c = t.pointee.next }
                return out
            }
            a = attr.pointee.next
        }
        return nil
    }

    /// Unicode scalars of text under a node (for the chrome count).
    static func textLength(_ node: xmlNodePtr, depth: Int = 0) -> Int {
        var total = 0
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE, let content = n.pointee.content {
                total += String(cString: content).unicodeScalars.count
            } else if n.pointee.type == XML_ELEMENT_NODE, depth < maxDepth * 4 {
                total += textLength(n, depth: depth + 1)
            }
            c = n.pointee.next
        }
        return total
    }

    /// A rowspan/colspan: its leading digits, 1 when absent or not a number, at most ``SourceTable/maxSpan``.
    static func span(_ n: xmlNodePtr, _ name: String) -> Int {
        guard let v = attribute(n, name) else { return 1 }
        var n = 0, digits = 0
        for c in v.unicodeScalars.drop(while: { DocumentText.isSpace($0) }) {
            guard c.value >= 0x30, c.value <= 0x39, digits < 6 else { break }
            n = n * 10 + Int(c.value - 0x30); digits += 1
        }
        return digits == 0 ? 1 : min(max(n, 1), SourceTable.maxSpan)
    }
}

/// Text gathered from HTML text nodes as a browser shows it: runs of whitespace collapse to one
/// space, a run holding a line break between two CJK characters disappears, and line breaks
/// asked for (`<br>`, block boundaries inside a cell) separate lines. Scans UTF-8 bytes.
struct HTMLText {
    private var lines: [String] = []
    private var current: [UInt8] = []
    var pendingSpace = false
    private var pendingBreak = false
    /// The scalar value of the last character appended to ``current``.
    private var last: UInt32 = 0
    private(set) var firstLine = 0
    private(set) var lastLine = 0

    mutating func append(_ content: UnsafePointer<xmlChar>?, line: Int) {
        guard var p = content else { return }
        var any = false
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D {
                pendingSpace = true
                if b == 0x0A || b == 0x0D { pendingBreak = true }
                p += 1; continue
            }
            if b == 0xC2 && p[1] == 0xA0 { pendingSpace = true; p += 2; continue }  // U+00A0
            // One character: its length from the lead byte, its scalar value for the CJK test.
            let n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            var k = 1
            while k < n && p[k] != 0 { k += 1 }
            var v = UInt32(b)
            if n == 2 { v = UInt32(b & 0x1F) << 6 | UInt32(p[1] & 0x3F) }
            else if n == 3 && k == 3 { v = UInt32(b & 0x0F) << 12 | UInt32(p[1] & 0x3F) << 6 | UInt32(p[2] & 0x3F) }
            else if n == 4 && k == 4 { v = 0x10000 }
            if pendingSpace, !current.isEmpty, !(pendingBreak && (Self.isWide(last) || Self.isWide(v))) { current.append(0x20) }
            pendingSpace = false; pendingBreak = false
            current.append(contentsOf: UnsafeBufferPointer(start: p, count: k))
            last = v; any = true
            p += k
        }
        if any {
            if firstLine == 0 { firstLine = line }
            lastLine = max(lastLine, line)
        }
    }

    /// Ends the current line (an empty one is dropped).
    mutating func lineBreak() {
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        pendingSpace = false; pendingBreak = false; last = 0
    }

    /// The text (lines joined with "\n") and its first and last source lines; resets.
    mutating func take() -> (String, Int, Int) {
        lineBreak()
        let out = (lines.count == 1 ? lines[0] : lines.joined(separator: "\n"), firstLine, lastLine)
        lines.removeAll(keepingCapacity: true); firstLine = 0; lastLine = 0
        return out
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFFEF).contains(v) || v >= 0x20000
    }


    /// All text under `node`, skipping scripts and styles; with `breaks`, block elements and
    /// `<br>` start new lines (a cell's paragraphs).
    static func appendAll(_ node: xmlNodePtr, to acc: inout HTMLText, breaks: Bool = false, depth: Int = 0) {
        var c = node.pointee.children
        while let n = c {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: acc.append(n.pointee.content, line: Int(xmlGetLineNo(n)))
            case XML_ELEMENT_NODE:
                let name = HTMLWalker.name(n)
                if ["script", "style", "noscript", "template"].contains(name) { break }
                if name == "br" { if breaks { acc.lineBreak() } else { acc.pendingSpace = true }; break }
                let block = breaks && HTMLWalker.blockElements.contains(name)
                if block { acc.lineBreak() }
                if depth < HTMLWalker.maxDepth * 4 { appendAll(n, to: &acc, breaks: breaks, depth: depth + 1) }
                if block { acc.lineBreak() }
            default: break
            }
            c = n.pointee.next
        }
    }
}
