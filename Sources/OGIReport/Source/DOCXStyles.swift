import CLibXML2
import Foundation

/// The paragraph styles of a DOCX (`word/styles.xml`) as far as reading needs them: the heading
/// level a style gives (`w:outlineLvl`, or a name such as "heading 2" / "标题 2", through the
/// `w:basedOn` chain) and the numbering it carries (`w:numPr`).
struct DOCXStyles {
    struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numId: String?
        var ilvl: Int?
    }

    private var styles: [String: Style] = [:]
    /// The default paragraph style's id.
    private(set) var defaultParagraph: String?

    init() {}

    init(_ data: Data) {
        let sink = XMLErrorSink(fileName: "styles.xml")
        guard let doc = XMLParsing.parse(data, sink: sink, limits: .docxParts), let root = doc.root else { return }
        for s in XMLNode.elements(root) where XMLNode.name(s) == "style" {
            guard XMLNode.attribute(s, "type") ?? "paragraph" == "paragraph", let id = XMLNode.attribute(s, "styleId") else { continue }
            var style = Style()
            for c in XMLNode.elements(s) {
                switch XMLNode.name(c) {
                case "name": style.name = DOCXWalker.val(c) ?? ""
                case "basedOn": style.basedOn = DOCXWalker.val(c)
                case "pPr":
                    for p in XMLNode.elements(c) {
                        if XMLNode.name(p) == "outlineLvl" { style.outlineLevel = DOCXWalker.val(p).flatMap { Int($0) } }
                        if XMLNode.name(p) == "numPr" {
                            for q in XMLNode.elements(p) {
                                if XMLNode.name(q) == "numId" { style.numId = DOCXWalker.val(q) }
                                if XMLNode.name(q) == "ilvl" { style.ilvl = DOCXWalker.val(q).flatMap { Int($0) } }
                            }
                        }
                    }
                default: break
                }
            }
            if let d = XMLNode.attribute(s, "default"), d == "1" || d == "true" { defaultParagraph = id }
            styles[id] = style
        }
    }

    /// The heading level (1-based) a style gives, or nil for a body style.
    func headingLevel(_ id: String?) -> Int? {
        var current = id ?? defaultParagraph
        for _ in 0..<20 {
            guard let c = current, let s = styles[c] else { return nil }
            if let o = s.outlineLevel { return (0...8).contains(o) ? o + 1 : nil }
            let name = s.name.lowercased()
            for prefix in ["heading ", "标题 ", "标题"] where name.hasPrefix(prefix) {
                if let n = Int(name.dropFirst(prefix.count)), (1...9).contains(n) { return n }
            }
            current = s.basedOn
        }
        return nil
    }

    /// The numbering a style carries (numId, ilvl), through its `basedOn` chain.
    func numbering(_ id: String?) -> (numId: String, ilvl: Int?)? {
        var current = id ?? defaultParagraph
        for _ in 0..<20 {
            guard let c = current, let s = styles[c] else { return nil }
            if let n = s.numId { return (n, s.ilvl) }
            current = s.basedOn
        }
        return nil
    }
}
