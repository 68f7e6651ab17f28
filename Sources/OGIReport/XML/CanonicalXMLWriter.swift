import Foundation

/// Writes the canonical XML of a report into a byte buffer (see ``CanonicalXML/write(_:)``).
enum CanonicalXMLWriter {
    static func write(_ report: Report) -> [UInt8] {
        var w = XMLByteWriter(capacity: 4096 + report.tables.reduce(0) { $0 + $1.cells.count * 120 })
        w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report")
        w.attribute("xmlns", CanonicalXML.namespace)
        w.attribute("schemaVersion", CanonicalXML.schemaVersion)
        if let e = report.metadata.edition { w.attribute("edition", e.rawValue) }
        w.raw(">\n")
        metadata(&w, report.metadata)
        blocks(&w, XMLName.preamble, report.preamble)
        for s in report.sections { section(&w, s) }
        tables(&w, report)
        blocks(&w, XMLName.closing, report.closing)
        if !report.unrecognised.isEmpty {
            w.open(1, XMLName.unrecognised)
            for f in report.unrecognised {
                w.start(2, XMLName.fragment)
                if f.lines.hasLine { w.attribute("lines", lines(f.lines)) }
                place(&w, f.lines)
                w.attribute("reason", f.reason)
                w.textElementBody(XMLName.fragment, f.text)
            }
            w.close(1, XMLName.unrecognised)
        }
        if !report.checks.isEmpty {
            w.open(1, XMLName.checks)
            for c in report.checks { check(&w, c) }
            w.close(1, XMLName.checks)
        }
        w.raw("</report>\n")
        return w.bytes
    }

    private static func lines(_ r: LineRange) -> String {
        r.first == r.last ? String(r.first) : String(r.first) + "-" + String(r.last)
    }

    /// The coordinates of a place beyond lines and columns (schema 1.1): `grid="T.R.C"`,
    /// `paragraph`, `page`, `box="x0 y0 x1 y1"`.
    private static func place(_ w: inout XMLByteWriter, _ r: SourceRange) {
        if let g = r.grid { w.attribute("grid", g) }
        if let p = r.paragraph { w.attribute("paragraph", p) }
        if let p = r.page { w.attribute("page", p) }
        if let b = r.box { w.attribute("box", [b.x0, b.y0, b.x1, b.y1].map { DecimalText.format(Decimal($0)) }.joined(separator: " ")) }
    }

    private static func metadata(_ w: inout XMLByteWriter, _ m: Metadata) {
        w.start(1, XMLName.metadata)
        if m.incomplete { w.attribute("incomplete", "true") }
        let empty = m.agency == nil && m.year == nil && m.title == nil && m.publicationDate == nil
            && m.source == nil && m.notes.isEmpty
        if empty { w.raw("/>\n"); return }
        w.raw(">\n")
        if let a = m.agency { w.textElement(2, XMLName.agency, a) }
        if let y = m.year { w.textElement(2, XMLName.year, String(y)) }
        if let t = m.title { w.textElement(2, XMLName.title, t) }
        if let d = m.publicationDate { w.textElement(2, XMLName.publicationDate, d) }
        if let s = m.source {
            w.start(2, XMLName.source)
            w.attribute("fileName", s.fileName)
            w.attribute("layout", s.layout.rawValue)
            w.attribute("encoding", s.encoding)
            w.attribute("sha256", s.sha256)
            w.attribute("lineEnding", s.lineEnding)
            if s.format != .text { w.attribute("format", s.format.rawValue) }
            if s.omittedBlocks > 0 { w.attribute("omitted", String(s.omittedBlocks)) }
            if s.omittedCharacters > 0 { w.attribute("omittedCharacters", String(s.omittedCharacters)) }
            w.raw("/>\n")
        }
        for n in m.notes { w.textElement(2, XMLName.note, n) }
        w.close(1, XMLName.metadata)
    }

    private static func blockList(_ w: inout XMLByteWriter, _ level: Int, _ list: [Block]) {
        for b in list {
            let name = XMLName.block(b.kind)
            w.start(level, name)
            if let l = b.lines {
                if l.hasLine { w.attribute("lines", lines(l)) }
                place(&w, l)
            }
            w.textElementBody(name, b.text)
        }
    }

    private static func blocks(_ w: inout XMLByteWriter, _ name: String, _ list: [Block]) {
        guard !list.isEmpty else { return }
        w.open(1, name)
        blockList(&w, 2, list)
        w.close(1, name)
    }

    private static func section(_ w: inout XMLByteWriter, _ s: Section) {
        w.start(1, XMLName.section)
        w.attribute("kind", s.kind.id)
        w.attribute("heading", s.heading)
        if let l = s.line { w.attribute("line", String(l)) }
        if s.blocks.isEmpty { w.raw("/>\n"); return }
        w.raw(">\n")
        blockList(&w, 2, s.blocks)
        w.close(1, XMLName.section)
    }

    private static let tableRank: [TableID: Int] = Dictionary(uniqueKeysWithValues: TableID.allCases.enumerated().map { ($1, $0) })

    private static func tables(_ w: inout XMLByteWriter, _ report: Report) {
        guard !report.tables.isEmpty else { return }
        // A report with tables but no edition cannot be valid; "tables" names the problem.
        let container = report.metadata.edition.map(XMLName.tables) ?? "tables"
        w.start(1, container)
        if let e = report.metadata.edition { w.attribute("edition", e.rawValue) }
        w.raw(">\n")
        for t in sortedTables(report.tables) {
            let name = XMLName.table(t.id)
            w.start(2, name)
            if let l = t.lines {
                if l.hasLine { w.attribute("lines", lines(l)) }
                place(&w, l)
            }
            if t.cells.isEmpty { w.raw("/>\n"); continue }
            w.raw(">\n")
            writeCells(&w, t.cells)
            w.close(2, name)
        }
        w.close(1, container)
    }

    /// Tables in ``TableID`` order, stable.
    static func sortedTables(_ tables: [StatTable]) -> [StatTable] {
        tables.enumerated().sorted {
            (tableRank[$0.element.id] ?? 0, $0.offset) < (tableRank[$1.element.id] ?? 0, $1.offset)
        }.map(\.element)
    }

    /// What the writer needs to know about a concept, found with one lookup.
    private struct CellInfo {
        let order: Int
        let element: String
    }

    private static let cellInfo: [ConceptID: CellInfo] = Dictionary(uniqueKeysWithValues: ConceptTable.all.map {
        ($0.id, CellInfo(order: ConceptTable.order[$0.id] ?? Int.max, element: XMLName.cell($0.kind)))
    })

    /// ``cellInfo`` in ``ConceptTable/all`` order (the canonical cell order).
    private static let infoInOrder: [(id: ConceptID, info: CellInfo)] = ConceptTable.all.map { ($0.id, cellInfo[$0.id] ?? unknownCell) }

    /// The writer's information for each cell. Cells almost always come in canonical order, and
    /// their ids are the concept table's own strings, so a walk along the table finds each one in a
    /// step or two (equal strings that share storage compare in one instruction); a cell the walk
    /// does not find within a few steps is looked up by id.
    private static func infos(_ cells: [CellValue]) -> [CellInfo] {
        var out: [CellInfo] = []
        out.reserveCapacity(cells.count)
        let table = infoInOrder
        var k = 0
        for c in cells {
            var found: CellInfo?
            var j = k
            let limit = min(table.count, k + 4)
            while j < limit {
                if table[j].id == c.concept { found = table[j].info; k = j + 1; break }
                j += 1
            }
            if found == nil {
                found = cellInfo[c.concept] ?? unknownCell
                if let o = found?.order, o < table.count { k = o + 1 }
            }
            out.append(found!)
        }
        return out
    }

    /// Unknown concepts sort last and are written as `count` (and fail validation).
    private static let unknownCell = CellInfo(order: Int.max, element: XMLName.cell(.count))

    /// Cells in ``ConceptTable/order`` (unknown concepts last), stable.
    static func sortedCells(_ cells: [CellValue]) -> [CellValue] {
        let infos = infos(cells)
        return sorted(cells, infos).map(\.0)
    }

    private static func sorted(_ cells: [CellValue], _ infos: [CellInfo]) -> [(CellValue, CellInfo)] {
        var pairs = Array(zip(cells, infos))
        var isSorted = true
        for i in pairs.indices.dropFirst() where pairs[i - 1].1.order > pairs[i].1.order { isSorted = false; break }
        if !isSorted {
            pairs = pairs.enumerated().sorted { ($0.element.1.order, $0.offset) < ($1.element.1.order, $1.offset) }.map(\.element)
        }
        return pairs
    }

    private static func writeCells(_ w: inout XMLByteWriter, _ cells: [CellValue]) {
        let infos = infos(cells)
        var isSorted = true
        for i in infos.indices.dropFirst() where infos[i - 1].order > infos[i].order { isSorted = false; break }
        if isSorted {
            for i in cells.indices { cell(&w, cells[i], infos[i].element) }
        } else {
            for (c, info) in sorted(cells, infos) { cell(&w, c, info.element) }
        }
    }

    private static func cell(_ w: inout XMLByteWriter, _ c: CellValue, _ element: String) {
        w.start(3, element)
        w.attribute(" concept=\"", c.concept)
        w.attribute(" presence=\"", c.presence.rawValue)
        if let n = c.number { w.attribute(" number=\"", DecimalText.format(n)) }
        if let u = c.unit { w.attribute(" unit=\"", u) }
        if c.uncertain { w.raw(" uncertain=\"true\"") }
        if let r = c.raw { w.attribute(" raw=\"", r) }
        if let p = c.position {
            if p.hasLine { w.attribute(" line=\"", p.line) }
            if p.column > 0 { w.attribute(" column=\"", p.column) }
            place(&w, p)
        }
        w.raw("/>\n")
    }

    private static func check(_ w: inout XMLByteWriter, _ c: CheckResult) {
        w.start(2, XMLName.check)
        w.attribute("rule", c.rule)
        w.attribute("severity", c.severity.rawValue)
        w.attribute("status", c.status.rawValue)
        w.attribute("instance", c.instance)
        if let l = c.left { w.attribute("left", DecimalText.format(l)) }
        if let r = c.right { w.attribute("right", DecimalText.format(r)) }
        w.raw(">\n")
        w.textElement(3, XMLName.formula, c.formula)
        w.textElement(3, XMLName.message, c.message)
        for ref in c.cells {
            w.start(3, XMLName.ref)
            w.attribute("concept", ref.concept)
            if let p = ref.position {
                if p.hasLine { w.attribute("line", p.line) }
                if p.column > 0 { w.attribute("column", p.column) }
                place(&w, p)
            }
            w.raw("/>\n")
        }
        w.close(2, XMLName.check)
    }
}
