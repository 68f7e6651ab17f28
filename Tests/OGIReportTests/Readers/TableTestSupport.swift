import Foundation
@testable import OGIReport

/// Helpers for the table reader tests: split a report text into its table section bodies the way
/// the document reader does (heading line → body up to the next heading), without depending on it.
enum TableTestSupport {

    static let seedNames = ["000_44f90c379b4f7fce", "001_920faedf84c991f1", "002_a2c9da7275a0d61c",
                            "003_be85ec6c6b6a0b3c", "004_bbe5ed0d0ae48369"]

    static func seedText(_ name: String) throws -> String {
        try Fixtures.string("tables/seeds/\(name).txt")
    }

    /// The lines of a text (LF or CRLF), numbered from 1.
    static func lines(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var n = 0
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            var s = String(part)
            if s.hasSuffix("\r") { s.removeLast() }
            out.append(SourceLine(number: n, text: s))
        }
        return out
    }

    /// The section kind a line is the heading of, if any ("二、主动公开政府信息情况", "1、 总体情况").
    static func heading(_ line: String) -> SectionKind? {
        let n = LabelText.normalize(line)
        let split = LabelText.splitNumbering(n)
        guard split.number != nil else { return nil }
        for kind in SectionKind.allCases where kind.titleVariants.contains(where: { LabelText.normalize($0) == split.core }) {
            return kind
        }
        return nil
    }

    /// The bodies of the table sections of a text.
    static func bodies(_ text: String) -> [TableID: [SourceLine]] {
        var out: [TableID: [SourceLine]] = [:]
        var current: TableID?
        var hadHeading = false
        for l in lines(text) {
            if let kind = heading(l.text) {
                current = kind.table
                hadHeading = true
                if let c = current { out[c] = [] }
                continue
            }
            if hadHeading, let c = current { out[c]!.append(l) }
        }
        return out
    }

    static func read(_ text: String, fileName: String = "test.txt") -> TablesReadResult {
        TablesReader.read(bodies: bodies(text), fileName: fileName)
    }

    /// Dump of a result for debugging.
    static func dump(_ r: TablesReadResult) -> String {
        var s = "edition \(String(describing: r.edition)) layout \(r.layout) incomplete \(r.incomplete)\n"
        for t in r.tables {
            s += "\(t.id) lines \(String(describing: t.lines)) cells \(t.cells.count)\n"
            for c in t.cells {
                s += "  \(c.concept) \(c.presence) \(c.number.map { "\($0)" } ?? "-") raw=\(c.raw.map { "\($0.debugDescription)" } ?? "nil") @\(c.position.map { "\($0.line):\($0.column)" } ?? "-")\n"
            }
        }
        for f in r.fragments { s += "fragment \(f.lines) \(f.text.debugDescription) — \(f.reason)\n" }
        for d in r.diagnostics { s += "\(d)\n" }
        return s
    }
}

// MARK: Variants

extension TableTestSupport {
    /// Rewrites the table section bodies of a text (headings and other sections untouched).
    static func mapBodies(_ text: String, _ f: (TableID, [String]) -> [String]) -> String {
        var out: [String] = []
        var body: [String] = []
        var current: TableID?
        func flush() {
            if let c = current { out += f(c, body) } else { out += body }
            body = []
        }
        for l in lines(text) {
            if let kind = heading(l.text) {
                flush()
                current = kind.table
                out.append(l.text)
                continue
            }
            body.append(l.text)
        }
        flush()
        return out.joined(separator: "\n")
    }

    static func isBlankLine(_ s: String) -> Bool { s.allSatisfy { $0 == " " || $0 == "\u{3000}" } }

    /// Tab rows → one cell per line (each cell on a tab-led line, a blank line after each row).
    static func toCellPerLine(_ body: [String]) -> [String] {
        var out: [String] = []
        for l in body {
            if isBlankLine(l) || !l.contains("\t") { out.append(l); continue }
            for cell in l.split(separator: "\t", omittingEmptySubsequences: false) { out.append("\t" + cell) }
            out.append("")
        }
        return out
    }

    /// One cell per line → tab rows (wrapped cell lines joined, one line per row).
    static func toTabRows(_ body: [String]) -> [String] {
        var out: [String] = []
        var cells: [String] = []
        func flush() { if !cells.isEmpty { out.append(cells.joined(separator: "\t")) }; cells = [] }
        for l in body {
            if isBlankLine(l) { flush(); continue }
            if l.hasPrefix("\t") { cells.append(String(l.dropFirst())) }
            else if !cells.isEmpty { cells[cells.count - 1] += l }
            else { out.append(l) }
        }
        flush()
        return out
    }

    /// Maps each scalar of every body line.
    static func mapScalars(_ body: [String], _ f: (Character, Character?, Character?) -> String) -> [String] {
        body.map { line in
            let chars = Array(line)
            var s = ""
            for (i, c) in chars.enumerated() {
                s += f(c, i > 0 ? chars[i - 1] : nil, i + 1 < chars.count ? chars[i + 1] : nil)
            }
            return s
        }
    }

    static func fullWidthDigits(_ body: [String]) -> [String] {
        mapScalars(body) { c, _, _ in
            guard let a = c.asciiValue, a >= 0x30, a <= 0x39 else { return String(c) }
            return String(UnicodeScalar(0xFF10 + UInt32(a - 0x30))!)
        }
    }

    /// Half-width ↔ full-width parentheses, commas and colons; "1." ↔ "1、".
    static func swapPunctuation(_ body: [String]) -> [String] {
        mapScalars(body) { c, prev, next in
            switch c {
            case "(": return "（"
            case "（": return "("
            case ")": return "）"
            case "）": return ")"
            case ",": return "，"
            case "，": return ","
            case "：": return ":"
            case ".":
                if let p = prev, p.isASCII, p.isNumber, !(next?.isNumber ?? false) { return "、" }
                return "."
            default: return String(c)
            }
        }
    }

    static func isCJK(_ c: Character) -> Bool { c.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }

    /// Inserts a space after every third character of each cell that has Chinese text.
    static func spacedLabels(_ body: [String]) -> [String] {
        body.map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { cell -> String in
                guard cell.contains(where: isCJK) else { return String(cell) }
                var s = ""
                for (i, c) in cell.enumerated() { s.append(c); if i % 3 == 2 { s.append(" ") } }
                return s
            }.joined(separator: "\t")
        }
    }

    /// One cell per line: wraps every Chinese cell of 4+ characters over two lines.
    static func wrapCells(_ body: [String]) -> [String] {
        var out: [String] = []
        for l in body {
            guard l.hasPrefix("\t"), !l.dropFirst().contains("\t") else { out.append(l); continue }
            let cell = Array(l.dropFirst())
            guard cell.count >= 4, cell.contains(where: isCJK) else { out.append(l); continue }
            let half = cell.count / 2
            out.append("\t" + String(cell[..<half]))
            out.append(String(cell[half...]))
        }
        return out
    }

    /// Repeats table 2's header in the middle of the table (as after a page break).
    static func repeatHeader(_ table: TableID, _ body: [String]) -> [String] {
        guard table == .t2 else { return body }
        // Rows: blank-line separated groups (cell per line) or lines (tab rows).
        let tabRows = body.contains { $0.dropFirst().contains("\t") }
        var rows: [[String]] = []
        var group: [String] = []
        for l in body {
            if tabRows {
                if !isBlankLine(l) { rows.append([l]) }
            } else if isBlankLine(l) {
                if !group.isEmpty { rows.append(group + [""]) }; group = []
            } else {
                group.append(l)
            }
        }
        if !group.isEmpty { rows.append(group + [""]) }
        guard rows.count > 16 else { return body }
        let header = rows[0..<3].flatMap { $0 }
        return rows[0..<12].flatMap { $0 } + header + rows[12...].flatMap { $0 }
    }
}

extension TableTestSupport {
    /// The body as one cell per line (tab rows converted).
    static func asCellPerLine(_ body: [String]) -> [String] {
        body.contains { $0.dropFirst().contains("\t") } ? toCellPerLine(body) : body
    }

    /// One cell per line without the leading tabs (empty cells, which bare lines cannot show, dropped).
    static func bareCells(_ body: [String]) -> [String] {
        asCellPerLine(body).compactMap { l in
            guard l.hasPrefix("\t") else { return l }
            let cell = String(l.dropFirst())
            return isBlankLine(cell) ? nil : cell
        }
    }

    /// One cell per line with every cell in a group of its own (a blank line after each cell).
    static func cellPerGroup(_ body: [String]) -> [String] {
        var out: [String] = []
        for l in asCellPerLine(body) where !isBlankLine(l) {
            if l.hasPrefix("\t") { out.append(l); out.append("") } else {
                if out.last == "" { out.removeLast() }
                out.append(l); out.append("")
            }
        }
        return out
    }

    /// One cell per line with a blank line between each row's labels and its values.
    static func splitRows(_ body: [String]) -> [String] {
        var out: [String] = []
        var inValues = false
        for l in asCellPerLine(body) {
            if isBlankLine(l) { inValues = false; out.append(l); continue }
            let cell = l.hasPrefix("\t") ? String(l.dropFirst()) : l
            let isNumber = !cell.isEmpty && cell.allSatisfy { $0.isNumber || $0 == "-" || $0 == " " || $0 == "\u{A0}" }
            if isNumber && !inValues, let last = out.last, !isBlankLine(last) { out.append("") }
            inValues = isNumber
            out.append(l)
        }
        return out
    }

    /// Tab rows with long row labels (15+ characters) wrapped: the rest of the label and the
    /// values go to the next line.
    static func wrappedTabLabels(_ body: [String]) -> [String] {
        let rows = body.contains { $0.dropFirst().contains("\t") } ? body : toTabRows(body)
        var out: [String] = []
        for l in rows {
            var cells = l.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let i = cells.firstIndex(where: { $0.count >= 15 && $0.contains(where: isCJK) }),
                  cells[(i + 1)...].contains(where: { $0.contains(where: \.isNumber) }) else { out.append(l); continue }
            let label = Array(cells[i])
            let half = label.count / 2
            cells[i] = String(label[..<half])
            out.append(cells[...i].joined(separator: "\t"))
            out.append(([String(label[half...])] + cells[(i + 1)...]).joined(separator: "\t"))
        }
        return out
    }
}
