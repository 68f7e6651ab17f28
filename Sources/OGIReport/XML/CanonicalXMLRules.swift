import CLibXML2
import Foundation

/// The rules of the canonical XML that XSD 1.0 cannot express, checked after schema validation:
/// - a cell's `number` agrees with its `presence`: `value` needs a number other than zero,
///   `zero` needs the number 0, `blank` and `not-applicable` have none (`text` may keep one);
/// - a `column` attribute comes with a `line`;
/// - in `lines="FIRST-LAST"`, FIRST ≤ LAST.
///
/// (That the root's `edition` agrees with the tables container is enforced by the schema's
/// `xs:keyref`.)
enum CanonicalXMLRules {
    static func check(_ root: xmlNodePtr, sink: XMLErrorSink) {
        walk(root, sink: sink, cellsHere: false)
    }

    private static func walk(_ node: xmlNodePtr, sink: XMLErrorSink, cellsHere: Bool) {
        for el in XMLNode.elements(node) {
            if let lines = XMLNode.token(el, "lines"), parseLines(lines) == nil {
                sink.add(.error("Element '\(XMLNode.name(el))', attribute 'lines': '\(lines)' ends before it starts",
                                file: sink.fileName, line: XMLNode.line(el)))
            }
            if XMLNode.token(el, "column") != nil, XMLNode.token(el, "line") == nil {
                sink.add(.error("Element '\(XMLNode.name(el))': attribute 'column' without attribute 'line'",
                                file: sink.fileName, line: XMLNode.line(el)))
            }
            if cellsHere {
                checkCell(el, sink: sink)
            } else {
                let n = el.pointee.name
                let isTable = XMLNode.isNamed(n, "t1") || XMLNode.isNamed(n, "t2") || XMLNode.isNamed(n, "t3")
                walk(el, sink: sink, cellsHere: isTable)
            }
        }
    }

    private static func checkCell(_ el: xmlNodePtr, sink: XMLErrorSink) {
        guard let presenceText = XMLNode.token(el, "presence"), let presence = Presence(rawValue: presenceText) else { return }
        let numberText = XMLNode.token(el, "number")
        let number = numberText.flatMap { Decimal(string: $0, locale: nil) }
        let concept = XMLNode.token(el, "concept") ?? ""
        var problem: String?
        switch presence {
        case .value:
            if number == nil { problem = "presence 'value' requires a number" }
            else if number == 0 { problem = "presence 'value' requires a number other than 0 (use presence 'zero')" }
        case .zero:
            if number == nil { problem = "presence 'zero' requires number=\"0\"" }
            else if number != 0 { problem = "presence 'zero' requires number=\"0\", not '\(numberText ?? "")'" }
        case .blank, .notApplicable:
            if numberText != nil { problem = "presence '\(presence.rawValue)' must not have a number" }
        case .text:
            break
        }
        if let problem {
            sink.add(.error("Element '\(XMLNode.name(el))' (concept '\(concept)'): \(problem)",
                            file: sink.fileName, line: XMLNode.line(el)))
        }
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
