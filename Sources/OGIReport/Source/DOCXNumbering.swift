import CLibXML2
import Foundation

/// The automatic numbering of a DOCX (`word/numbering.xml`) and the counters as the document is
/// read: a numbered paragraph gets the text Word shows before it — its level's `w:lvlText` with
/// each `%N` replaced by level N's counter in that level's `w:numFmt` ("一、", "（一）", "1.").
///
/// Counters belong to the abstract numbering, as in Word: lists (`w:num`) of the same abstract
/// numbering continue one another, and a list with a `w:lvlOverride/w:startOverride` restarts
/// the overridden levels where it is first used. Numbering a level advances its counter and
/// restarts the deeper levels; overriding `w:lvl`s are honoured.
struct DOCXNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        /// What follows the number: "tab" (default), "space" or "nothing".
        var suffix = "tab"
        /// `w:isLgl`: every level shown in decimal.
        var legal = false
    }

    /// abstractNumId → levels (index = ilvl).
    private var abstracts: [String: [Int: Level]] = [:]
    /// numId → (abstractNumId, overriding levels).
    private var lists: [String: (abstract: String, overrides: [Int: Level], starts: [Int: Int])] = [:]
    /// abstractNumId → counters of levels 0…8 (nil: not used yet, or restarted).
    private var counters: [String: [Int?]] = [:]
    /// Lists used so far (a list's start overrides apply at its first use).
    private var used: Set<String> = []

    init() {}

    init(_ data: Data) {
        let sink = XMLErrorSink(fileName: "numbering.xml")
        guard let doc = XMLParsing.parse(data, sink: sink, limits: .docxParts), let root = doc.root else { return }
        for n in XMLNode.elements(root) {
            switch XMLNode.name(n) {
            case "abstractNum":
                guard let id = XMLNode.attribute(n, "abstractNumId") else { continue }
                var levels: [Int: Level] = [:]
                for l in XMLNode.elements(n) where XMLNode.name(l) == "lvl" {
                    if let i = XMLNode.attribute(l, "ilvl").flatMap({ Int($0) }) { levels[i] = Self.level(l) }
                }
                abstracts[id] = levels
            case "num":
                guard let id = XMLNode.attribute(n, "numId") else { continue }
                var abstract = "", overrides: [Int: Level] = [:], starts: [Int: Int] = [:]
                for c in XMLNode.elements(n) {
                    if XMLNode.name(c) == "abstractNumId" { abstract = DOCXWalker.val(c) ?? "" }
                    if XMLNode.name(c) == "lvlOverride", let i = XMLNode.attribute(c, "ilvl").flatMap({ Int($0) }) {
                        for o in XMLNode.elements(c) {
                            if XMLNode.name(o) == "startOverride", let s = DOCXWalker.val(o).flatMap({ Int($0) }) { starts[i] = Self.clampStart(s) }
                            if XMLNode.name(o) == "lvl" { overrides[i] = Self.level(o) }
                        }
                    }
                }
                lists[id] = (abstract, overrides, starts)
            default: break
            }
        }
    }

    /// A start value within what Word allows (0…32767), so counters never overflow.
    static func clampStart(_ s: Int) -> Int { min(max(s, 0), 32767) }

    private static func level(_ l: xmlNodePtr) -> Level {
        var level = Level()
        for c in XMLNode.elements(l) {
            switch XMLNode.name(c) {
            case "start": level.start = Self.clampStart(DOCXWalker.val(c).flatMap { Int($0) } ?? 1)
            case "numFmt": level.format = DOCXWalker.val(c) ?? "decimal"
            case "lvlText": level.text = DOCXWalker.val(c) ?? ""
            case "suff": level.suffix = DOCXWalker.val(c) ?? "tab"
            case "isLgl": level.legal = DOCXWalker.val(c) != "0" && DOCXWalker.val(c) != "false"
            default: break
            }
        }
        return level
    }

    private func level(_ numId: String, _ ilvl: Int) -> Level? {
        guard let list = lists[numId] else { return nil }
        if let o = list.overrides[ilvl] { return o }
        guard var l = abstracts[list.abstract]?[ilvl] else { return nil }
        if let s = list.starts[ilvl] { l.start = s }
        return l
    }

    /// The number text of a paragraph of list `numId` at level `ilvl` (advancing the counters),
    /// with its suffix as a space (a tab suffix is a gap, not a table column); nil when the
    /// paragraph is not numbered (`numId` 0, an unknown list).
    mutating func next(numId: String, ilvl: Int) -> String? {
        guard numId != "0", (0...8).contains(ilvl), let lvl = level(numId, ilvl), let list = lists[numId] else { return nil }
        var c = counters[list.abstract] ?? Array(repeating: nil, count: 9)
        if used.insert(numId).inserted {
            for k in Set(list.starts.keys).union(list.overrides.keys) where (0...8).contains(k) { c[k] = nil }
        }
        c[ilvl] = min((c[ilvl] ?? (lvl.start - 1)) + 1, 1_000_000)
        for deeper in (ilvl + 1)..<9 { c[deeper] = nil }
        counters[list.abstract] = c
        var out = ""
        let u = Array(lvl.text.unicodeScalars)
        var i = 0
        while i < u.count {
            if u[i] == "%", i + 1 < u.count, let d = Int(String(u[i + 1])), (1...9).contains(d) {
                let k = d - 1
                let value = c[k] ?? level(numId, k)?.start ?? 1
                let fmt = lvl.legal && k != ilvl ? "decimal" : (level(numId, k)?.format ?? "decimal")
                out += DOCXNumberFormat.render(value, format: fmt)
                i += 2
            } else { out.unicodeScalars.append(u[i]); i += 1 }
        }
        if out.isEmpty { return nil }
        return lvl.suffix == "nothing" ? out : out + " "
    }
}
