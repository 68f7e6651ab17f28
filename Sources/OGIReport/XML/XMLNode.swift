import CLibXML2

/// Read access to libxml2 tree nodes without extra allocations where it matters.
enum XMLNode {
    /// The local name of an element or attribute.
    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// True when the node's local name is `s`.
    @inline(__always)
    static func isNamed(_ name: UnsafePointer<xmlChar>?, _ s: StaticString) -> Bool {
        guard let name else { return false }
        let p = s.utf8Start
        let n = s.utf8CodeUnitCount
        for i in 0..<n where name[i] != p[i] { return false }
        return name[n] == 0
    }

    /// The node's source line (1-based), or nil.
    static func line(_ node: xmlNodePtr) -> Int? {
        let l = xmlGetLineNo(node)
        return l > 0 ? Int(l) : nil
    }

    /// The element children of a node, in order.
    static func elements(_ node: xmlNodePtr) -> ElementSequence { ElementSequence(first: node.pointee.children) }

    /// The concatenated text content of an element's text children ("" when it has none).
    static func text(_ node: xmlNodePtr) -> String {
        var child = node.pointee.children
        if let c = child, c.pointee.next == nil, c.pointee.type == XML_TEXT_NODE {
            return c.pointee.content.map { String(cString: $0) } ?? ""
        }
        var bytes: [UInt8] = []
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                var p = content
                while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
            }
            child = c.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of an attribute's node (its text children).
    static func value(_ attr: xmlAttrPtr) -> String {
        var child = attr.pointee.children
        if let c = child, c.pointee.next == nil {
            return c.pointee.content.map { String(cString: $0) } ?? ""
        }
        var s = ""
        while let c = child {
            if let content = c.pointee.content { s += String(cString: content) }
            child = c.pointee.next
        }
        return s
    }

    /// Calls `body` with an attribute's value, without leading and trailing XML whitespace, in
    /// place — when the value is one text node (as libxml2 builds every attribute without entity
    /// references); nil otherwise (the caller falls back to ``value(_:)``).
    @inline(__always)
    static func withTrimmedValue<T>(_ attr: xmlAttrPtr, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard let c = attr.pointee.children, c.pointee.next == nil, let content = c.pointee.content else { return nil }
        var start = content, end = content + Int(xmlStrlen(content))
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while start < end, isSpace(start.pointee) { start += 1 }
        while end > start, isSpace((end - 1).pointee) { end -= 1 }
        return body(UnsafeBufferPointer(start: start, count: end - start))
    }

    /// Calls `body` with each byte of an attribute's value, in place (no string is made).
    @inline(__always)
    static func forEachValueByte(_ attr: xmlAttrPtr, _ body: (UInt8) -> Void) {
        var child = attr.pointee.children
        while let c = child {
            if var p = c.pointee.content {
                while p.pointee != 0 { body(p.pointee); p += 1 }
            }
            child = c.pointee.next
        }
    }

    /// The value of an attribute of a token, number or boolean type, with the leading and
    /// trailing XML whitespace removed that the schema's whitespace facet ignores.
    static func token(_ node: xmlNodePtr, _ name: StaticString) -> String? {
        attribute(node, name).map(trimXMLSpace)
    }

    /// `s` without leading and trailing XML whitespace (space, tab, LF, CR).
    static func trimXMLSpace(_ s: String) -> String {
        let u = s.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let f = u.first, let l = u.last, isSpace(f) || isSpace(l) else { return s }
        guard let start = u.firstIndex(where: { !isSpace($0) }), let end = u.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(s[start...end])
    }

    /// The value of the attribute with local name `name`, or nil.
    static func attribute(_ node: xmlNodePtr, _ name: StaticString) -> String? {
        var a = node.pointee.properties
        while let attr = a {
            if isNamed(attr.pointee.name, name) { return value(attr) }
            a = attr.pointee.next
        }
        return nil
    }
}

/// Iterates the element children of a node.
struct ElementSequence: Sequence, IteratorProtocol {
    var next_: xmlNodePtr?
    init(first: xmlNodePtr?) { next_ = first }

    mutating func next() -> xmlNodePtr? {
        while let n = next_ {
            next_ = n.pointee.next
            if n.pointee.type == XML_ELEMENT_NODE { return n }
        }
        return nil
    }
}
