import CLibXML2
import Foundation

/// Rewrites libxml2 messages for people: no trailing newline, the canonical namespace left out
/// of element names, long enumeration lists shortened.
enum XMLMessages {
    private static let nsPrefix = "{" + CanonicalXML.namespace + "}"

    /// What the schema's own simple types accept, for messages about refused values.
    private static let typeMeanings: [(String, String)] = [
        ("Count", "expected a non-negative integer, digits only"),
        ("SignedCount", "expected an integer: digits, '-' for a negative, no '+'"),
        ("Amount", "expected a non-negative decimal such as 282.1"),
        ("SignedDecimal", "expected a decimal such as -3.5"),
        ("Year", "expected a year 1000-9999"),
        ("Date", "expected a date yyyy-mm-dd"),
        ("SHA256", "expected 64 lowercase hex digits"),
        ("Position", "expected a line or column number from 1"),
        ("Lines", "expected FIRST-LAST or LINE"),
        ("SchemaVersion", "expected \(CanonicalXML.schemaVersion.split(separator: ".").first ?? "1").MINOR"),
    ]

    static func clean(_ message: String) -> String {
        var m = message.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " ")
        m = m.replacingOccurrences(of: nsPrefix, with: "")
        // "[facet 'enumeration'] The value 'x' is not an element of the set {'a', 'b', …}."
        if let r = m.range(of: " is not an element of the set {"),
           let end = m.range(of: "}", options: .backwards, range: r.upperBound..<m.endIndex) {
            let set = m[r.upperBound..<end.lowerBound]
            let count = set.components(separatedBy: "', '").count
            if count > 8 {
                m.replaceSubrange(r.lowerBound..<end.upperBound, with: " is not one of the \(count) allowed values")
            }
        }
        for (type, meaning) in typeMeanings where m.hasSuffix("of the atomic type '\(type)'.") {
            m.removeLast()
            m += " (\(meaning))."
            break
        }
        if m.hasPrefix("Element 'tables': This element is not expected") {
            m += " A report with tables must name its edition (root attribute edition, container tables2019 or tables2021)."
        }
        return m
    }

    /// Says why a cell's concept id is refused: unknown, of the other edition, of another
    /// table, or of another value kind (written with the wrong element). Used for the concept
    /// checks of ``CanonicalXMLRules`` and for the schema's "element not expected" (a cell
    /// element its table does not have).
    static func conceptProblem(_ node: xmlNodePtr) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE, let value = XMLNode.token(node, "concept") else { return nil }
        guard let table = node.pointee.parent, let container = table.pointee.parent,
              ["t1", "t2", "t3"].contains(XMLNode.name(table)) else { return nil }
        // Cell elements sit in t1/t2/t3 inside tables2019/tables2021.
        let edition = Edition(rawValue: String(XMLNode.name(container).dropFirst("tables".count)))
        return conceptProblem(value, element: XMLNode.name(node), table: XMLNode.name(table), edition: edition)
    }

    /// ``conceptProblem(_:)`` for the concept `value` of a cell element `element` in table
    /// `tableName` of the tables container of `edition`.
    static func conceptProblem(_ value: String, element: String, table tableName: String, edition: Edition?) -> String? {
        let head = "Element '\(element)', attribute 'concept': "
        guard let concept = ConceptTable.byID[value] else {
            return head + "'\(value)' is not a concept id of the concept table"
        }
        if let edition, !concept.editions.contains(edition) {
            let others = concept.editions.sorted().map(\.rawValue).joined(separator: ", ")
            return head + "'\(value)' is a concept of edition \(others), not of edition \(edition.rawValue)"
        }
        if concept.table.rawValue != tableName {
            return head + "'\(value)' belongs in table \(concept.table.rawValue), not in \(tableName)"
        }
        let expected = XMLName.cell(concept.kind)
        if expected != element {
            return head + "'\(value)' holds a \(concept.kind.rawValue) value: write it as <\(expected)>, not <\(element)>"
        }
        return nil
    }

    /// The root element must be `report` in the canonical namespace; said more clearly than the
    /// schema would (nil when it is).
    static func rootNamespaceProblem(element: String, namespace ns: String?) -> String? {
        guard ns != CanonicalXML.namespace else { return nil }
        let shown = ns.map { "'\($0)'" } ?? "no namespace"
        var msg = "Element '\(element)': namespace \(shown) is not the canonical namespace '\(CanonicalXML.namespace)'"
        let prefix = "urn:ogi:annual-report:"
        if let ns, ns.hasPrefix(prefix), ns != CanonicalXML.namespace {
            msg += " (schema major version \(ns.dropFirst(prefix.count)) is not supported)"
        }
        return msg
    }
}
