import CLibXML2
import Foundation

/// Builds a ``Report`` from a validated canonical XML document (see ``CanonicalXML/read(_:fileName:)``).
enum CanonicalXMLReader {
    static func read(_ data: Data, fileName: String, limits: ReadLimits = .default) throws -> Report {
        let sink = XMLErrorSink(fileName: fileName)
        guard let parsed = SchemaValidator.shared.validatedDocument(data, sink: sink, limits: limits), let root = parsed.root else {
            var ds = sink.diagnostics.filter { $0.severity == .error }
            if ds.isEmpty { ds = [.error("Document is not valid canonical XML", file: fileName)] }
            throw DiagnosticError(ds)
        }
        var b = Builder(fileName: fileName)
        let report = b.report(root)
        if !b.problems.isEmpty { throw DiagnosticError(b.problems) }
        return report
    }

    /// Walks a document the schema has accepted. Anything unexpected is still reported, never
    /// trusted blindly.
    private struct Builder {
        let fileName: String
        var problems: [Diagnostic] = []

        mutating func fail(_ node: xmlNodePtr, _ message: String) {
            problems.append(.error("Element '\(XMLNode.name(node))': \(message)", file: fileName, line: XMLNode.line(node)))
        }

        mutating func report(_ root: xmlNodePtr) -> Report {
            var r = Report()
            if let e = XMLNode.token(root, "edition") {
                if let ed = Edition(rawValue: e) { r.metadata.edition = ed } else { fail(root, "unknown edition '\(e)'") }
            }
            for el in XMLNode.elements(root) {
                let n = el.pointee.name
                if XMLNode.isNamed(n, "metadata") {
                    let edition = r.metadata.edition
                    r.metadata = metadata(el)
                    r.metadata.edition = edition
                } else if XMLNode.isNamed(n, "preamble") {
                    r.preamble = blocks(el)
                } else if XMLNode.isNamed(n, "section") {
                    r.sections.append(section(el))
                } else if XMLNode.isNamed(n, "closing") {
                    r.closing = blocks(el)
                } else if XMLNode.isNamed(n, "unrecognised") {
                    r.unrecognised = XMLNode.elements(el).map { fragment($0) }
                } else if XMLNode.isNamed(n, "checks") {
                    r.checks = XMLNode.elements(el).map { check($0) }
                } else if XMLNode.name(el).hasPrefix("tables") {
                    r.tables = XMLNode.elements(el).map { table($0) }
                } else {
                    fail(el, "unexpected element")
                }
            }
            return r
        }

        mutating func metadata(_ node: xmlNodePtr) -> Metadata {
            var m = Metadata()
            if let inc = XMLNode.token(node, "incomplete") { m.incomplete = inc == "true" || inc == "1" }
            for el in XMLNode.elements(node) {
                let n = el.pointee.name
                if XMLNode.isNamed(n, "agency") { m.agency = XMLNode.text(el) }
                else if XMLNode.isNamed(n, "year") {
                    let t = XMLNode.text(el).trimmingCharacters(in: .whitespacesAndNewlines)
                    if let y = Int(t) { m.year = y } else { fail(el, "'\(t)' is not a year") }
                }
                else if XMLNode.isNamed(n, "title") { m.title = XMLNode.text(el) }
                else if XMLNode.isNamed(n, "publicationDate") { m.publicationDate = XMLNode.text(el).trimmingCharacters(in: .whitespacesAndNewlines) }
                else if XMLNode.isNamed(n, "source") { m.source = source(el) }
                else if XMLNode.isNamed(n, "note") { m.notes.append(XMLNode.text(el)) }
                else { fail(el, "unexpected element") }
            }
            return m
        }

        mutating func source(_ node: xmlNodePtr) -> SourceInfo {
            let layoutText = XMLNode.token(node, "layout") ?? ""
            let layout = SourceLayout(rawValue: layoutText) ?? .none
            if SourceLayout(rawValue: layoutText) == nil { fail(node, "unknown layout '\(layoutText)'") }
            return SourceInfo(fileName: XMLNode.attribute(node, "fileName") ?? "",
                              layout: layout,
                              encoding: XMLNode.attribute(node, "encoding") ?? "",
                              sha256: XMLNode.token(node, "sha256") ?? "",
                              lineEnding: XMLNode.token(node, "lineEnding") ?? "",
                              format: sourceFormat(node),
                              omittedBlocks: int(node, "omitted") ?? 0,
                              omittedCharacters: int(node, "omittedCharacters") ?? 0)
        }

        mutating func sourceFormat(_ node: xmlNodePtr) -> SourceFormat {
            guard let t = XMLNode.token(node, "format") else { return .text }
            guard let f = SourceFormat(rawValue: t) else { fail(node, "unknown source format '\(t)'"); return .text }
            return f
        }

        /// The schema-1.1 coordinates of a place (`grid`, `paragraph`, `page`, `box`) added to
        /// `base` (its lines or line and column); nil when there is neither.
        mutating func place(_ node: xmlNodePtr, _ base: SourceRange?) -> SourceRange? {
            var r = base ?? SourceRange(line: 0)
            var any = base != nil
            if let t = XMLNode.token(node, "grid") {
                if let g = GridLocation(token: t) { r.grid = g; any = true } else { fail(node, "bad grid '\(t)'") }
            }
            if let p = int(node, "paragraph") { r.paragraph = p; any = true }
            if let p = int(node, "page") { r.page = p; any = true }
            if let t = XMLNode.token(node, "box") {
                let v = t.split(separator: " ").compactMap { Double($0) }
                if v.count == 4 { r.box = PageBox(x0: v[0], y0: v[1], x1: v[2], y1: v[3]); any = true } else { fail(node, "bad box '\(t)'") }
            }
            return any ? r : nil
        }

        mutating func lines(_ node: xmlNodePtr) -> LineRange? {
            guard let s = XMLNode.token(node, "lines") else { return nil }
            guard let r = CanonicalXMLRules.parseLines(s) else { fail(node, "bad lines '\(s)'"); return nil }
            return r
        }

        mutating func int(_ node: xmlNodePtr, _ name: StaticString) -> Int? {
            guard let s = XMLNode.token(node, name) else { return nil }
            guard let i = Int(s) else { fail(node, "attribute '\(name)': '\(s)' is not an integer"); return nil }
            return i
        }

        mutating func position(_ node: xmlNodePtr) -> SourcePosition? {
            place(node, int(node, "line").map { SourcePosition(line: $0, column: int(node, "column") ?? 0) })
        }

        mutating func decimal(_ node: xmlNodePtr, _ name: StaticString) -> Decimal? {
            guard let s = XMLNode.token(node, name) else { return nil }
            guard let d = Decimal(string: s, locale: nil) else {
                fail(node, "attribute '\(name)': '\(s)' is not a number"); return nil
            }
            return d
        }

        mutating func blocks(_ node: xmlNodePtr) -> [Block] {
            var out: [Block] = []
            for el in XMLNode.elements(node) {
                let n = el.pointee.name
                let kind: Block.Kind
                if XMLNode.isNamed(n, "heading") { kind = .heading }
                else if XMLNode.isNamed(n, "paragraph") { kind = .paragraph }
                else { fail(el, "unexpected element"); continue }
                out.append(Block(kind, XMLNode.text(el), lines: place(el, lines(el))))
            }
            return out
        }

        mutating func section(_ node: xmlNodePtr) -> Section {
            let kindText = XMLNode.token(node, "kind") ?? ""
            let kind = SectionKind(id: kindText) ?? .overview
            if SectionKind(id: kindText) == nil { fail(node, "unknown section kind '\(kindText)'") }
            return Section(kind: kind, heading: XMLNode.attribute(node, "heading") ?? kind.heading,
                           line: int(node, "line"), blocks: blocks(node))
        }

        mutating func fragment(_ node: xmlNodePtr) -> Fragment {
            Fragment(text: XMLNode.text(node), lines: place(node, lines(node)) ?? LineRange(line: 1),
                     reason: XMLNode.attribute(node, "reason") ?? "")
        }

        mutating func table(_ node: xmlNodePtr) -> StatTable {
            let name = XMLNode.name(node)
            let id = TableID(rawValue: name) ?? .t1
            if TableID(rawValue: name) == nil { fail(node, "unexpected element") }
            var t = StatTable(id: id, lines: place(node, lines(node)))
            for el in XMLNode.elements(node) { t.cells.append(cell(el)) }
            return t
        }

        mutating func cell(_ node: xmlNodePtr) -> CellValue {
            var c = CellValue(concept: "", presence: .blank)
            var a = node.pointee.properties
            var line: Int?, column: Int?, hasPlace = false
            while let attr = a {
                let n = attr.pointee.name
                var v = XMLNode.value(attr)
                if !(XMLNode.isNamed(n, "raw") || XMLNode.isNamed(n, "unit")) { v = XMLNode.trimXMLSpace(v) }
                if XMLNode.isNamed(n, "concept") { c.concept = v }
                else if XMLNode.isNamed(n, "presence") {
                    if let p = Presence(rawValue: v) { c.presence = p } else { fail(node, "unknown presence '\(v)'") }
                }
                else if XMLNode.isNamed(n, "number") {
                    if let d = Decimal(string: v, locale: nil) { c.number = d } else { fail(node, "attribute 'number': '\(v)' is not a number") }
                }
                else if XMLNode.isNamed(n, "unit") { c.unit = v }
                else if XMLNode.isNamed(n, "uncertain") { c.uncertain = v == "true" || v == "1" }
                else if XMLNode.isNamed(n, "raw") { c.raw = v }
                else if XMLNode.isNamed(n, "line") {
                    if let i = Int(v) { line = i } else { fail(node, "attribute 'line': '\(v)' is not an integer") }
                }
                else if XMLNode.isNamed(n, "column") {
                    if let i = Int(v) { column = i } else { fail(node, "attribute 'column': '\(v)' is not an integer") }
                }
                else { hasPlace = true }
                a = attr.pointee.next
            }
            let base = line.map { SourcePosition(line: $0, column: column ?? 0) }
            c.position = hasPlace ? place(node, base) : base
            return c
        }

        mutating func check(_ node: xmlNodePtr) -> CheckResult {
            let severity = Severity(rawValue: XMLNode.token(node, "severity") ?? "") ?? .error
            let status = CheckStatus(rawValue: XMLNode.token(node, "status") ?? "") ?? .fail
            var formula = "", message = ""
            var cells: [CellRef] = []
            for el in XMLNode.elements(node) {
                let n = el.pointee.name
                if XMLNode.isNamed(n, "formula") { formula = XMLNode.text(el) }
                else if XMLNode.isNamed(n, "message") { message = XMLNode.text(el) }
                else if XMLNode.isNamed(n, "ref") {
                    cells.append(CellRef(concept: XMLNode.token(el, "concept") ?? "", position: position(el)))
                } else { fail(el, "unexpected element") }
            }
            return CheckResult(rule: XMLNode.attribute(node, "rule") ?? "", severity: severity, status: status,
                               instance: XMLNode.attribute(node, "instance") ?? "", formula: formula,
                               left: decimal(node, "left"), right: decimal(node, "right"), message: message, cells: cells)
        }
    }
}
