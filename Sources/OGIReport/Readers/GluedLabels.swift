/// The labels of one table (both editions), for cutting text in which a table's header cells and
/// row labels were glued together ("信息内容本年新制作数量…规章") back into one cell per label.
/// Everything comes from ``ConceptTable``.
struct GluedLabels {
    /// What a label is in its table.
    enum Role: Hashable {
        /// A value row's label; `counts` is its number of value columns per edition.
        case row(key: String, counts: [Edition: Int])
        /// A caption or group row above value rows (第二十条第（一）项, （三）不予公开, 三、本年度办理结果) or the 勾稽 note.
        case rowGroup
        /// A column label, a column group, or the header's first cell (信息内容).
        case column
    }

    struct Entry {
        var role: Role
        /// The editions whose tables have this wording.
        var editions: Set<Edition>
    }

    let table: TableID
    /// Normalised label (as scalars) → entry.
    private var entries: [[Unicode.Scalar]: Entry] = [:]
    /// The labels per first scalar, longest first (compared in place, no key built per place).
    private var byFirst: [Unicode.Scalar: [([Unicode.Scalar], Entry)]] = [:]

    init(_ table: TableID) {
        self.table = table
        for e in Edition.allCases {
            let spec = ConceptTable.spec(table, e)
            if let n = spec.note { add(n, .rowGroup, e) }
            for b in spec.blocks {
                if let c = b.caption { add(c, .rowGroup, e) }
                if let h = b.headerLabel { add(h, .column, e) }
                for c in b.columns {
                    for l in [c.label] + c.variants { add(l, .column, e) }
                    for p in c.parents { add(p, .column, e) }
                }
                for r in b.rows where !r.label.isEmpty {
                    for l in [r.label] + r.variants { add(l, .row(key: r.key, counts: [e: b.columns.count]), e) }
                    for p in r.parents { add(p, .rowGroup, e) }
                }
            }
        }
        for (key, entry) in entries { byFirst[key[0], default: []].append((key, entry)) }
        for k in byFirst.keys { byFirst[k]!.sort { $0.0.count > $1.0.count } }
    }

    private mutating func add(_ label: String, _ role: Role, _ edition: Edition) {
        let key = Array(LabelText.normalize(label).unicodeScalars)
        guard !key.isEmpty else { return }
        if var old = entries[key] {
            old.editions.insert(edition)
            if case .row(let k, var counts) = old.role, case .row(_, let more) = role {
                counts.merge(more) { a, _ in a }
                old.role = .row(key: k, counts: counts)
            }
            entries[key] = old
        } else {
            entries[key] = Entry(role: role, editions: [edition])
        }
    }

    /// A piece of glued text: a label with its entry, or text that is no label (`entry` nil).
    struct Piece {
        /// The text as written (raw scalars of the source).
        var raw: String
        /// 0-based scalar offset in the text cut.
        var offset: Int
        var entry: Entry?
    }

    /// Cuts text into labels, longest label first at each place, on the normalised text (spaces,
    /// quote marks and width ignored, as in every label match); the stretches between labels are
    /// kept verbatim as pieces without an entry.
    func cut(_ text: String) -> [Piece] {
        let view = text.unicodeScalars
        let raw = Array(view)
        let index = Array(view.indices) + [view.endIndex]
        func slice(_ a: Int, _ b: Int) -> String { String(view[index[a]..<index[b]]) }
        // Normalised scalars with the raw index each comes from.
        var norm: [Unicode.Scalar] = []
        var from: [Int] = []
        var previousWasDigit = false
        for (i, u) in raw.enumerated() {
            let v = u.value
            if LabelText.isSpace(v) || LabelText.isQuote(v) { continue }
            var f = LabelText.fold(v)
            if f == 0x3001 && previousWasDigit { f = 0x2E }
            previousWasDigit = f >= 0x30 && f <= 0x39
            guard let s = Unicode.Scalar(f) else { continue }
            norm.append(s); from.append(i)
        }
        var pieces: [Piece] = []
        var otherStart: Int?  // raw index where text that is no label began
        func rawIndex(_ n: Int) -> Int { n < from.count ? from[n] : raw.count }
        func flushOther(until end: Int) {
            guard let s = otherStart, s < end else { otherStart = nil; return }
            pieces.append(Piece(raw: slice(s, end), offset: s, entry: nil))
            otherStart = nil
        }
        var n = 0
        while n < norm.count {
            var matched: (Int, Entry)?
            for (key, e) in byFirst[norm[n]] ?? [] where n + key.count <= norm.count && norm[n..<(n + key.count)].elementsEqual(key) {
                matched = (key.count, e); break
            }
            guard let (len, entry) = matched else {
                if otherStart == nil { otherStart = n == 0 ? 0 : rawIndex(n) }
                n += 1
                continue
            }
            let start = n == 0 && otherStart == nil ? 0 : rawIndex(n)
            flushOther(until: start)
            let end = n + len < norm.count ? rawIndex(n + len) : raw.count
            // Spaces and quotes between this label and the next stay with this one.
            pieces.append(Piece(raw: slice(start, end), offset: start, entry: entry))
            n += len
        }
        flushOther(until: raw.count)
        return pieces
    }
}
