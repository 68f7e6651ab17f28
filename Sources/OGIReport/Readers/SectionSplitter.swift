/// A section heading found in the source.
struct SectionHeading: Sendable {
    var kind: SectionKind
    /// Index of the heading line in the line array (0-based).
    var index: Int
    /// The heading as written (trimmed; up to and including a trailing "：" or "。").
    var text: String
    /// Text following the heading on the same line ("六、其他需要报告的事项：无。" → "无。").
    var inlineBody: String?
    /// The number written in the heading, when it was numbered.
    var writtenNumber: Int?
    /// True when the heading was matched loosely (see ``SectionSplitter/looseHeading(_:index:kind:)``).
    var loose = false
    /// True when no heading line was found and the section was placed at its table's first line
    /// (see ``SectionSplitter/tableStart(_:index:kind:)``): `index` is then the first body line.
    var implicit = false

    /// Index of the first body line.
    var bodyStart: Int { implicit ? index : index + 1 }
}

/// Finds the six section headings.
///
/// A line is a section heading when, after trimming, it starts with a numbering marker
/// (一、 1、 1. （一） (1) …; full- and half-width punctuation alike, spaces tolerated) and the rest of
/// the line, spaces ignored, is one of the section's title variants (``SectionKind/titleVariants``),
/// optionally followed by "：" / "。" — and, after that punctuation only, by body text. A line that
/// merely starts with a title but goes on without such punctuation is a body sentence, not a heading.
/// Headings must come in increasing section order; a title seen again later is body text.
///
/// A second, looser pass looks for the sections still missing, only between the headings found
/// around them: a short line (at most 40 characters, no ， ；。) numbered with the section's own
/// number (一 for section 一 …) whose title shares at least 60% of a title variant's characters in
/// order (e.g. "三、收到和处理政府信息公开申请的情况"), or an unnumbered line that is exactly a title.
/// The reader warns about each loose match.
///
/// A third pass places a table section whose heading is still missing at its table's own first
/// line, taken from the concept table: table 1's first caption (第二十条第（一）项), table 2's
/// 勾稽关系 note, table 3's first header cell (行政复议) — each on a short line of its own, between
/// the neighbouring sections. Such a section has no heading line; the reader warns.
enum SectionSplitter {
    /// Compact title variants per section, longest first (so a longer variant wins).
    private static let titles: [(SectionKind, [Unicode.Scalar])] = {
        var out: [(SectionKind, [Unicode.Scalar])] = []
        for k in SectionKind.allCases {
            for v in k.titleVariants { out.append((k, DocumentText.compact(v))) }
        }
        return out.sorted { $0.1.count > $1.1.count }
    }()

    /// How many scalars of a line ``heading(_:index:)`` turns into scalars first.
    private static let prefixLength = 96
    /// The scalars a heading's decision reads besides spaces and digits: a Chinese numeral (3),
    /// brackets and separators (4), the longest title, the character after it and one more.
    private static let decidedWithin = 3 + 4 + (titles.map(\.1.count).max() ?? 0) + 2

    /// The headings in the lines, in order.
    static func headings<Lines: RandomAccessCollection<String>>(_ lines: Lines) -> [SectionHeading] where Lines.Index == Int {
        // Blank lines are never headings nor a table's first line: skipped in every pass.
        var candidates: [SectionHeading] = []
        for (i, line) in zip(lines.indices, lines) where !DocumentText.isBlank(line) {
            if let h = heading(line, index: i) { candidates.append(h) }
        }
        var found: [SectionHeading] = []
        var last = 0
        for (k, h) in candidates.enumerated() where h.kind.rawValue > last {
            // A heading numbered for another section ("（一）主动公开政府信息情况", a sub-heading of
            // 一) gives way to a later heading of the same section with its own number, before
            // any heading of a later section.
            if let w = h.writtenNumber, w != h.kind.rawValue,
               let later = candidates[(k + 1)...].first(where: { $0.kind.rawValue >= h.kind.rawValue }),
               later.kind == h.kind, later.writtenNumber == nil || later.writtenNumber == later.kind.rawValue {
                continue
            }
            found.append(h)
            last = h.kind.rawValue
        }
        // Loose pass for the sections still missing, between their found neighbours.
        for kind in SectionKind.allCases where !found.contains(where: { $0.kind == kind }) {
            let lo = found.last { $0.kind.rawValue < kind.rawValue }?.index ?? -1
            let hi = found.first { $0.kind.rawValue > kind.rawValue }?.index ?? lines.count
            guard lo + 1 < hi else { continue }
            for i in (lo + 1)..<hi where !DocumentText.isBlank(lines[i]) {
                if let h = looseHeading(lines[i], index: i, kind: kind) {
                    found.append(h)
                    found.sort { $0.index < $1.index }
                    break
                }
            }
        }
        // Table sections without any heading: found by their table's first line.
        for kind in SectionKind.allCases where kind.table != nil && !found.contains(where: { $0.kind == kind }) {
            let lo = found.last { $0.kind.rawValue < kind.rawValue }?.bodyStart ?? 0
            let hi = found.first { $0.kind.rawValue > kind.rawValue }?.index ?? lines.count
            guard lo < hi else { continue }
            for i in lo..<hi where !DocumentText.isBlank(lines[i]) && tableStart(lines[i], kind: kind) {
                found.append(SectionHeading(kind: kind, index: i, text: kind.heading, writtenNumber: nil, implicit: true))
                found.sort { $0.index < $1.index }
                break
            }
        }
        return found
    }

    /// Compact first lines of each table, from the concept table (both editions).
    private static let tableAnchors: [TableID: [[Unicode.Scalar]]] = {
        var out: [TableID: [[Unicode.Scalar]]] = [:]
        for e in Edition.allCases {
            for id in TableID.allCases {
                let spec = ConceptTable.spec(id, e)
                var anchors: [String] = []
                if let c = spec.blocks.first?.caption { anchors.append(c) }
                if let n = spec.note { anchors.append(n) }
                if id == .t3, let p = spec.blocks.first?.columns.first?.parents.first { anchors.append(p) }
                for a in anchors where !(out[id] ?? []).contains(DocumentText.compact(a)) {
                    out[id, default: []].append(DocumentText.compact(a))
                }
            }
        }
        return out
    }()

    /// True when the line, spaces ignored, is (or, in a tab row, starts with) the first line of
    /// `kind`'s table, with at most a few characters more (the rest of a tab row's header).
    static func tableStart(_ line: String, kind: SectionKind) -> Bool {
        guard let table = kind.table, let anchors = tableAnchors[table] else { return false }
        var c = DocumentText.compact(line)
        guard !c.isEmpty, c.count <= 80 else { return false }
        while let f = c.first, f == "(" || f == ")" { c.removeFirst() }
        while let l = c.last, l == "(" || l == ")" { c.removeLast() }
        for a in anchors {
            var t = a[...]
            while let f = t.first, f == "(" || f == ")" { t = t.dropFirst() }
            while let l = t.last, l == "(" || l == ")" { t = t.dropLast() }
            guard c.count >= t.count, c[0..<t.count].elementsEqual(t) else { continue }
            let rest = c[t.count...]
            // The anchor alone, or followed by other header cells (no sentence punctuation).
            if rest.isEmpty || (ByteSearch.contains(0x09, in: line) && !rest.contains(where: { DocumentText.clausePunctuation.contains($0) })) { return true }
        }
        return false
    }

    /// A loose match of `kind`'s heading on this line (see the type's doc comment).
    static func looseHeading(_ line: String, index: Int, kind: SectionKind) -> SectionHeading? {
        let trimmed = DocumentText.trim(line)
        let s = trimmed.unicodeScalars.map(DocumentText.fold)
        var rest = s[...]
        var number: Int?
        if let m = DocumentText.marker(s) {
            guard m.value == kind.rawValue else { return nil }
            rest = s[m.end...]
            number = m.value
        }
        var compact = rest.filter { !DocumentText.isSpace($0) }
        while let l = compact.last, l == ":" || l == "。" { compact.removeLast() }
        guard !compact.isEmpty, compact.count <= 40,
              !compact.contains(where: { $0 == "," || $0 == ";" || $0 == "；" || $0 == "。" }) else { return nil }
        for v in kind.titleVariants {
            let t = DocumentText.compact(v)
            if number == nil {
                if t == compact { return SectionHeading(kind: kind, index: index, text: trimmed, writtenNumber: nil, loose: true) }
                continue
            }
            if lcs(compact, t) * 10 >= t.count * 6 && lcs(compact, t) * 10 >= compact.count * 6 {
                return SectionHeading(kind: kind, index: index, text: trimmed, writtenNumber: number, loose: true)
            }
        }
        return nil
    }

    /// Length of the longest common subsequence.
    static func lcs(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var prev = [Int](repeating: 0, count: b.count + 1), cur = prev
        for x in a {
            for (j, y) in b.enumerated() { cur[j + 1] = x == y ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// The heading on this line, if it is one.
    static func heading(_ line: String, index: Int) -> SectionHeading? {
        guard DocumentText.mayStartMarker(line) else { return nil }
        let trimmed = DocumentText.trim(line)
        // Only the line's start decides: its marker, its title and the character after them. The
        // scalars read past the marker's and title's own characters are spaces and digits (a long
        // run of digits is read to its end), so when the first `prefixLength` scalars hold too few
        // of those to reach the end, the rest of a long paragraph line is never made into scalars.
        var orig: [Unicode.Scalar] = []
        orig.reserveCapacity(prefixLength)
        var skippable = 0
        var truncated = false
        for u in trimmed.unicodeScalars {
            if orig.count == prefixLength { truncated = true; break }
            orig.append(u)
            let f = DocumentText.fold(u)
            if DocumentText.isSpace(f) || DocumentText.digit(f) != nil { skippable += 1 }
        }
        if truncated && skippable + decidedWithin >= prefixLength {
            orig = Array(trimmed.unicodeScalars)
            truncated = false
        }
        let s = orig.map(DocumentText.fold)
        guard let m = DocumentText.marker(s) else { return nil }
        for (kind, title) in titles {
            guard let end = matchSkippingSpaces(s, from: m.end, title) else { continue }
            var j = end
            while j < s.count, DocumentText.isSpace(s[j]) { j += 1 }
            if j == s.count {
                return SectionHeading(kind: kind, index: index, text: trimmed, inlineBody: nil, writtenNumber: m.value)
            }
            guard s[j] == ":" || s[j] == "。" || s[j] == "." else { return nil }
            let headEnd = j + 1
            var k = headEnd
            while k < s.count, DocumentText.isSpace(s[k]) { k += 1 }
            let head = String(String.UnicodeScalarView(orig[0..<headEnd]))
            let body: String?
            if truncated {
                let scalars = trimmed.unicodeScalars
                body = String(scalars[scalars.index(scalars.startIndex, offsetBy: k)...])
            } else {
                body = k < s.count ? String(String.UnicodeScalarView(orig[k...])) : nil
            }
            return SectionHeading(kind: kind, index: index, text: head, inlineBody: body, writtenNumber: m.value)
        }
        return nil
    }

    /// Matches `target` (compact) in `s` from `i`, skipping spaces in `s`; the end index or nil.
    static func matchSkippingSpaces(_ s: [Unicode.Scalar], from i: Int, _ target: [Unicode.Scalar]) -> Int? {
        var j = i, t = 0
        while t < target.count {
            while j < s.count, DocumentText.isSpace(s[j]) { j += 1 }
            guard j < s.count, s[j] == target[t] else { return nil }
            j += 1; t += 1
        }
        return j
    }
}
