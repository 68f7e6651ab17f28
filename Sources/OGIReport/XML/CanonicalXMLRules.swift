import CLibXML2
import Foundation

/// The rules of the canonical XML checked in code after schema validation, on every
/// ``SchemaValidator`` validation (so on every `CanonicalXML.read`, `ogi validate` and the check
/// of normalize's own output), reported like schema errors at the element's line:
/// - a cell's `concept` is a concept id of the concept table, of the report's edition, of the
///   table it is in, written with the element of its value kind (sets, once per cell);
/// - each concept at most once per table;
/// - a `ref`'s `concept` is a concept id of the concept table;
/// - the root's `edition` is the edition of the tables container;
/// - a cell's `number` agrees with its `presence`: `value` needs a number other than zero,
///   `zero` needs the number 0, `blank` and `not-applicable` have none (`text` may keep one);
/// - a `column` attribute comes with a `line`;
/// - in `lines="FIRST-LAST"`, FIRST ≤ LAST.
///
/// The first four were the XSD's enumerations and identity constraints (`xs:unique`,
/// `xs:keyref`) of the generated XSD until issue 13 moved them here: libxml2 spent about 80% of its
/// validation time on them. The last three are co-occurrence rules XSD 1.0 cannot express.
/// The checks are made element by element by ``CanonicalXMLRuleChecker``: fed from the tree here,
/// or from the parser's events when normalize validates its own output without building a tree.
enum CanonicalXMLRules {
    /// What this type enforces, for the XSD's documentation (``SchemaGenerator``) and Schema/README.md.
    static let documentation = [
        "Rules enforced in code, not by this XSD, on every read and validation by ogi (CanonicalXMLRules):",
        "- a cell's concept is a concept id of the concept table, of the report's edition, of the table it is in,",
        "  written with the element of its value kind (count, signedCount, amountWan, amountUnit);",
        "- each concept at most once in a table;",
        "- a ref's concept is a concept id of the concept table;",
        "- the root's edition is the edition of the tables container (tables2019 or tables2021);",
        "- a cell's number agrees with its presence (value: a number other than 0; zero: 0; blank and",
        "  not-applicable: none; text: either);",
        "- column comes with line; in lines=\"FIRST-LAST\", FIRST ≤ LAST.",
        "A document valid against this XSD alone may break these rules; `ogi validate` checks both.",
    ]

    /// Checks the tree under `root` (validation with a tree: ``SchemaValidator/validate(_:fileName:limits:)``):
    /// the elements are fed to a ``CanonicalXMLRuleChecker`` in document order.
    static func check(_ root: xmlNodePtr, sink: XMLErrorSink) {
        var checker = CanonicalXMLRuleChecker()
        var attributes: [CanonicalXMLRuleChecker.Attribute] = []
        func visit(_ el: xmlNodePtr) {
            attributes.removeAll(keepingCapacity: true)
            // A value of several nodes (entity references) is copied for the time of this element.
            var owned: [UnsafeMutableBufferPointer<UInt8>] = []
            defer { for p in owned { p.deallocate() } }
            var a = el.pointee.properties
            while let attr = a {
                if let name = attr.pointee.name {
                    if let c = attr.pointee.children, c.pointee.next == nil, let content = c.pointee.content {
                        attributes.append(.init(name: name, value: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))))
                    } else {
                        let bytes = Array(XMLNode.value(attr).utf8)
                        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
                        _ = copy.initialize(from: bytes)
                        owned.append(copy)
                        attributes.append(.init(name: name, value: UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count)))
                    }
                }
                a = attr.pointee.next
            }
            let descend = attributes.withUnsafeBufferPointer {
                checker.start(el.pointee.name, namespace: el.pointee.ns?.pointee.href, attributes: $0, line: XMLNode.line(el))
            }
            if descend { for child in XMLNode.elements(el) { visit(child) } }
            checker.end()
        }
        visit(root)
        for d in checker.diagnostics(fileName: sink.fileName) { sink.add(d) }
    }

    /// Parses `FIRST-LAST` or `LINE` (already checked against the pattern); nil when LAST < FIRST
    /// or the text does not parse.
    static func parseLines(_ s: String) -> LineRange? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let first = Int(parts[0]) else { return nil }
        let last = parts.count == 2 ? Int(parts[1]) : first
        guard let last, last >= first else { return nil }
        return LineRange(first, last)
    }
}
