import CLibXML2
import Foundation

/// ``CanonicalXMLRules`` checked element by element, as elements start: fed by a walk over a
/// parsed tree (``CanonicalXMLRules/check(_:sink:)``) or by the parser's events when normalize
/// validates its own output without building a tree (``SchemaValidator``'s streaming validation).
/// One implementation of the rules for both.
///
/// Per cell one walk over its attributes, the concept id looked up in place (``ConceptLookup``),
/// no string made and no number parsed (a string only for a message). The diagnostics are kept
/// until ``diagnostics(fileName:)``: a caller reports them only when the schema found nothing
/// (the schema's errors come first and may explain them).
struct CanonicalXMLRuleChecker {
    /// An attribute as the parser gives it: local name, value bytes (not trimmed, not NUL-terminated).
    struct Attribute {
        var name: UnsafePointer<xmlChar>
        var value: UnsafeBufferPointer<UInt8>
    }

    /// Where an element is.
    private enum Frame {
        /// The root: its children may be the tables container.
        case root
        /// Inside the tables container of an edition: its children are tables.
        case container(Edition)
        /// Inside a table (nil: an element that is no table, not checked further).
        case table(TableID?, Edition)
        /// Anywhere else: children are checked for lines, columns and refs.
        case other
        /// Under a cell or a ref, or a table-container child that is no table: not checked.
        case skip
    }

    private var stack: [Frame] = []
    private var rootEdition: String?
    private var seen = SeenConcepts()
    /// The index after the last cell's concept: where the next cell's is looked for first.
    private var nextConcept = 0
    private var found: [(message: String, line: Int?)] = []
    /// The root element's namespace is not the canonical one (the only finding then worth saying).
    private(set) var rootProblem: (message: String, line: Int?)?

    /// Starts an element; true when its children are to be fed too (false under cells and refs).
    mutating func start(_ name: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?,
                        attributes: UnsafeBufferPointer<Attribute>, line: Int?) -> Bool {
        guard let name else { stack.append(.skip); return false }
        guard let parent = stack.last else {
            let ns = namespace.map { String(cString: $0) }
            if let problem = XMLMessages.rootNamespaceProblem(element: String(cString: name), namespace: ns) { rootProblem = (problem, line) }
            rootEdition = Self.value(attributes, "edition").map(Self.string)
            stack.append(.root)
            return true
        }
        switch parent {
        case .root, .other:
            checkLinesAndColumn(name, attributes, line)
            if case .root = parent, let edition = Self.tablesEdition(name) {
                if rootEdition != edition.rawValue {
                    let shown = rootEdition.map { "'\($0)'" } ?? "none"
                    add("Element '\(String(cString: name))': the root's edition attribute (\(shown)) must be the edition of the tables container (\(edition.rawValue))", line)
                }
                stack.append(.container(edition))
            } else if XMLNode.isNamed(name, "ref") {
                if let v = Self.value(attributes, "concept"), ConceptLookup.shared.index(v) == nil {
                    add("Element 'ref', attribute 'concept': '\(Self.string(v))' is not a concept id of the concept table", line)
                }
                stack.append(.skip)
            } else {
                stack.append(.other)
            }
        case .container(let edition):
            checkLinesAndColumn(name, attributes, line)
            let id = TableID(rawValue: String(cString: name))
            if id != nil { seen.nextTable() }
            stack.append(.table(id, edition))
        case .table(let id?, let edition):
            checkCell(name, attributes, line, table: id, edition: edition)
            stack.append(.skip)
        case .table(nil, _), .skip:
            stack.append(.skip)
        }
        if case .skip = stack.last! { return false }
        if case .table(nil, _) = stack.last! { return false }
        return true
    }

    /// Ends the element started last.
    mutating func end() { _ = stack.popLast() }

    /// What the rules found, in document order.
    func diagnostics(fileName: String) -> [Diagnostic] {
        found.map { .error($0.message, file: fileName, line: $0.line) }
    }

    private mutating func add(_ message: String, _ line: Int?) { found.append((message, line)) }

    /// The edition of a tables container's element name (`tables2019`, `tables2021`), or nil.
    private static func tablesEdition(_ name: UnsafePointer<xmlChar>) -> Edition? {
        if XMLNode.isNamed(name, "tables2021") { return .e2021 }
        if XMLNode.isNamed(name, "tables2019") { return .e2019 }
        return nil
    }

    /// The value of the attribute `name`, without leading and trailing XML whitespace.
    private static func value(_ attributes: UnsafeBufferPointer<Attribute>, _ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        for a in attributes where XMLNode.isNamed(a.name, name) { return trimmed(a.value) }
        return nil
    }

    private static func trimmed(_ v: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var start = 0, end = v.count
        while start < end, isSpace(v[start]) { start += 1 }
        while end > start, isSpace(v[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: v[start..<end])
    }

    private static func string(_ v: UnsafeBufferPointer<UInt8>) -> String { String(decoding: v, as: UTF8.self) }

    private mutating func checkLinesAndColumn(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeBufferPointer<Attribute>, _ line: Int?) {
        var lines: UnsafeBufferPointer<UInt8>?, hasLine = false, hasColumn = false
        for a in attributes {
            if XMLNode.isNamed(a.name, "lines") { lines = Self.trimmed(a.value) }
            else if XMLNode.isNamed(a.name, "line") { hasLine = true }
            else if XMLNode.isNamed(a.name, "column") { hasColumn = true }
        }
        if let lines {
            let text = Self.string(lines)
            if CanonicalXMLRules.parseLines(text) == nil {
                add("Element '\(String(cString: name))', attribute 'lines': '\(text)' ends before it starts", line)
            }
        }
        if hasColumn && !hasLine { add("Element '\(String(cString: name))': attribute 'column' without attribute 'line'", line) }
    }

    private mutating func checkCell(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeBufferPointer<Attribute>, _ line: Int?,
                                    table: TableID, edition: Edition) {
        var concept: UnsafeBufferPointer<UInt8>?, presenceValue: UnsafeBufferPointer<UInt8>?, number: UnsafeBufferPointer<UInt8>?
        var hasLine = false, hasColumn = false
        for a in attributes {
            if XMLNode.isNamed(a.name, "concept") { concept = Self.trimmed(a.value) }
            else if XMLNode.isNamed(a.name, "presence") { presenceValue = Self.trimmed(a.value) }
            else if XMLNode.isNamed(a.name, "number") { number = a.value }
            else if XMLNode.isNamed(a.name, "line") { hasLine = true }
            else if XMLNode.isNamed(a.name, "column") { hasColumn = true }
        }
        let element = { String(cString: name) }
        if hasColumn && !hasLine { add("Element '\(element())': attribute 'column' without attribute 'line'", line) }
        // The concept: known, of this edition and table, under its kind's element; each once.
        // Looked up in place; a string is made only for a message.
        var conceptText: String { concept.map(Self.string) ?? "" }
        if let concept, let i = ConceptLookup.shared.index(concept, from: nextConcept) {
            nextConcept = i + 1
            let c = ConceptLookup.shared.facts[i]
            if !c.has(edition) || c.table != table || !XMLNode.isNamed(name, XMLName.cellElement(c.kind)) {
                reportConcept(conceptText, element: element(), table: table, edition: edition, line)
            } else if let first = seen.insert(i, line: line ?? 0) {
                let at = first > 0 ? " (first on line \(first))" : ""
                add("Element '\(element())', attribute 'concept': '\(conceptText)' appears more than once in table \(table.rawValue)\(at)", line)
            }
        } else {
            reportConcept(conceptText, element: element(), table: table, edition: edition, line)
        }
        guard let presenceValue, let presence = Self.presence(presenceValue) else { return }
        let zero = number.map(Self.isZero)
        var problem: String?
        switch presence {
        case .value:
            if zero == nil { problem = "presence 'value' requires a number" }
            else if zero == true { problem = "presence 'value' requires a number other than 0 (use presence 'zero')" }
        case .zero:
            if zero == nil { problem = "presence 'zero' requires number=\"0\"" }
            else if zero == false { problem = "presence 'zero' requires number=\"0\", not '\(number.map { Self.string(Self.trimmed($0)) } ?? "")'" }
        case .blank, .notApplicable:
            if number != nil { problem = "presence '\(presence.rawValue)' must not have a number" }
        case .text:
            break
        }
        if let problem { add("Element '\(element())' (concept '\(conceptText)'): \(problem)", line) }
    }

    /// The presences with their spellings' bytes.
    private static let presences: [(Presence, [UInt8])] = Presence.allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// The presence spelled by `v`, compared in place.
    private static func presence(_ v: UnsafeBufferPointer<UInt8>) -> Presence? {
        guard let base = v.baseAddress else { return nil }
        for (p, raw) in presences where raw.count == v.count {
            if raw.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, raw.count) }) == 0 { return p }
        }
        return nil
    }

    /// A refused concept id, said as precisely as ``XMLMessages/conceptProblem(_:element:table:edition:)`` can.
    private mutating func reportConcept(_ concept: String, element: String, table: TableID, edition: Edition, _ line: Int?) {
        add(XMLMessages.conceptProblem(concept, element: element, table: table.rawValue, edition: edition)
            ?? "Element '\(element)', attribute 'concept': '\(concept)' is not allowed here", line)
    }

    /// True when a number the schema has accepted (plain digits, an optional `-` and fraction)
    /// is zero: only `0` digits.
    private static func isZero(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        var allZero = true, any = false
        for b in v {
            switch b {
            case UInt8(ascii: "0"): any = true
            case UInt8(ascii: "-"), UInt8(ascii: "."), 0x20, 0x09, 0x0A, 0x0D: break
            default: allZero = false
            }
        }
        return any && allZero
    }
}
