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
/// One pass over the tree; per cell one walk over its attributes, the concept id looked up in
/// place (``ConceptLookup``), no string made and no number parsed (a string only for a message).
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

    static func check(_ root: xmlNodePtr, sink: XMLErrorSink) {
        var seen = SeenConcepts()
        walk(root, root: root, sink: sink, seen: &seen)
    }

    private static func walk(_ node: xmlNodePtr, root: xmlNodePtr, sink: XMLErrorSink, seen: inout SeenConcepts) {
        for el in XMLNode.elements(node) {
            checkLinesAndColumn(el, sink: sink)
            let n = el.pointee.name
            if node == root, let edition = tablesEdition(n) {
                checkRootEdition(root, container: el, edition: edition, sink: sink)
                for table in XMLNode.elements(el) {
                    checkLinesAndColumn(table, sink: sink)
                    guard let id = TableID(rawValue: XMLNode.name(table)) else { continue }
                    seen.nextTable()
                    for cell in XMLNode.elements(table) { checkCell(cell, table: id, edition: edition, seen: &seen, sink: sink) }
                }
            } else if XMLNode.isNamed(n, "ref") {
                if let concept = XMLNode.token(el, "concept"), ConceptTable.order[concept] == nil {
                    sink.add(.error("Element 'ref', attribute 'concept': '\(concept)' is not a concept id of the concept table",
                                    file: sink.fileName, line: XMLNode.line(el)))
                }
            } else {
                walk(el, root: root, sink: sink, seen: &seen)
            }
        }
    }

    /// The edition of a tables container's element name (`tables2019`, `tables2021`), or nil.
    private static func tablesEdition(_ name: UnsafePointer<xmlChar>?) -> Edition? {
        if XMLNode.isNamed(name, "tables2021") { return .e2021 }
        if XMLNode.isNamed(name, "tables2019") { return .e2019 }
        return nil
    }

    private static func checkRootEdition(_ root: xmlNodePtr, container: xmlNodePtr, edition: Edition, sink: XMLErrorSink) {
        let rootEdition = XMLNode.token(root, "edition")
        guard rootEdition != edition.rawValue else { return }
        let shown = rootEdition.map { "'\($0)'" } ?? "none"
        sink.add(.error("Element '\(XMLNode.name(container))': the root's edition attribute (\(shown)) must be the edition of the tables container (\(edition.rawValue))",
                        file: sink.fileName, line: XMLNode.line(container)))
    }

    private static func checkLinesAndColumn(_ el: xmlNodePtr, sink: XMLErrorSink) {
        var lines: xmlAttrPtr?, hasLine = false, hasColumn = false
        var a = el.pointee.properties
        while let attr = a {
            let n = attr.pointee.name
            if XMLNode.isNamed(n, "lines") { lines = attr }
            else if XMLNode.isNamed(n, "line") { hasLine = true }
            else if XMLNode.isNamed(n, "column") { hasColumn = true }
            a = attr.pointee.next
        }
        if let lines {
            let text = XMLNode.trimXMLSpace(XMLNode.value(lines))
            if parseLines(text) == nil {
                sink.add(.error("Element '\(XMLNode.name(el))', attribute 'lines': '\(text)' ends before it starts",
                                file: sink.fileName, line: XMLNode.line(el)))
            }
        }
        if hasColumn && !hasLine {
            sink.add(.error("Element '\(XMLNode.name(el))': attribute 'column' without attribute 'line'",
                            file: sink.fileName, line: XMLNode.line(el)))
        }
    }

    private static func checkCell(_ el: xmlNodePtr, table: TableID, edition: Edition, seen: inout SeenConcepts, sink: XMLErrorSink) {
        var conceptAttr: xmlAttrPtr?, presenceAttr: xmlAttrPtr?, numberAttr: xmlAttrPtr?
        var hasLine = false, hasColumn = false
        var a = el.pointee.properties
        while let attr = a {
            let n = attr.pointee.name
            if XMLNode.isNamed(n, "concept") { conceptAttr = attr }
            else if XMLNode.isNamed(n, "presence") { presenceAttr = attr }
            else if XMLNode.isNamed(n, "number") { numberAttr = attr }
            else if XMLNode.isNamed(n, "line") { hasLine = true }
            else if XMLNode.isNamed(n, "column") { hasColumn = true }
            a = attr.pointee.next
        }
        if hasColumn && !hasLine {
            sink.add(.error("Element '\(XMLNode.name(el))': attribute 'column' without attribute 'line'",
                            file: sink.fileName, line: XMLNode.line(el)))
        }
        // The concept: known, of this edition and table, under its kind's element; each once.
        // Looked up in place; a string is made only for a message.
        let found: Int?? = conceptAttr.flatMap { attr in XMLNode.withTrimmedValue(attr) { ConceptLookup.shared.index($0) } }
        var concept: String { conceptAttr.map { XMLNode.trimXMLSpace(XMLNode.value($0)) } ?? "" }
        if let i = found ?? ConceptTable.order[concept] {
            let c = ConceptLookup.shared.facts[i]
            if !c.has(edition) || c.table != table || !XMLNode.isNamed(el.pointee.name, XMLName.cellElement(c.kind)) {
                reportConcept(el, concept, sink: sink)
            } else if let first = seen.insert(i, line: XMLNode.line(el) ?? 0) {
                let at = first > 0 ? " (first on line \(first))" : ""
                sink.add(.error("Element '\(XMLNode.name(el))', attribute 'concept': '\(concept)' appears more than once in table \(table.rawValue)\(at)",
                                file: sink.fileName, line: XMLNode.line(el)))
            }
        } else {
            reportConcept(el, concept, sink: sink)
        }
        guard let presenceAttr, let presence = XMLNode.withTrimmedValue(presenceAttr, Self.presence)
                ?? Presence(rawValue: XMLNode.trimXMLSpace(XMLNode.value(presenceAttr))) else { return }
        let zero = numberAttr.map(isZero)
        var problem: String?
        switch presence {
        case .value:
            if zero == nil { problem = "presence 'value' requires a number" }
            else if zero == true { problem = "presence 'value' requires a number other than 0 (use presence 'zero')" }
        case .zero:
            if zero == nil { problem = "presence 'zero' requires number=\"0\"" }
            else if zero == false {
                problem = "presence 'zero' requires number=\"0\", not '\(numberAttr.map { XMLNode.trimXMLSpace(XMLNode.value($0)) } ?? "")'"
            }
        case .blank, .notApplicable:
            if numberAttr != nil { problem = "presence '\(presence.rawValue)' must not have a number" }
        case .text:
            break
        }
        if let problem {
            sink.add(.error("Element '\(XMLNode.name(el))' (concept '\(concept)'): \(problem)",
                            file: sink.fileName, line: XMLNode.line(el)))
        }
    }

    /// The presence spelled by `v`, compared in place.
    private static func presence(_ v: UnsafeBufferPointer<UInt8>) -> Presence? {
        for p in Presence.allCases {
            let raw = p.rawValue.utf8
            if raw.count == v.count, raw.elementsEqual(v) { return p }
        }
        return nil
    }

    /// A refused concept id, said as precisely as ``XMLMessages/conceptProblem(_:)`` can.
    private static func reportConcept(_ el: xmlNodePtr, _ concept: String, sink: XMLErrorSink) {
        let message = XMLMessages.conceptProblem(el)
            ?? "Element '\(XMLNode.name(el))', attribute 'concept': '\(concept)' is not allowed here"
        sink.add(.error(message, file: sink.fileName, line: XMLNode.line(el)))
    }

    /// True when a number the schema has accepted (plain digits, an optional `-` and fraction)
    /// is zero: only `0` digits. Read in place, without making a string or a `Decimal`.
    private static func isZero(_ attr: xmlAttrPtr) -> Bool {
        var allZero = true, any = false
        XMLNode.forEachValueByte(attr) { b in
            switch b {
            case UInt8(ascii: "0"): any = true
            case UInt8(ascii: "-"), UInt8(ascii: "."), 0x20, 0x09, 0x0A, 0x0D: break
            default: allZero = false
            }
        }
        return any && allZero
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
