import Foundation
@testable import OGIReport

/// Types values into the empty value cells of a DOCX template, the way Word saves a cell a person
/// typed into: the cell's empty paragraph gets runs (a number split into two runs, run properties
/// with an East Asian font hint, a proofing mark, a bookmark Word leaves behind).
enum DOCXTyping {
    /// The concepts of the value cells in the order the template prints them (row by row).
    static func valueConcepts(_ edition: Edition) -> [ConceptID] {
        [TableID.t1, .t2, .t3].flatMap { id in
            LayoutGrid(spec: ConceptTable.spec(id, edition)) { _ in "" }.rows.flatMap { $0 }.compactMap(\.cell.concept)
        }
    }

    /// The template with `values` typed into its empty value cells, in order.
    static func type(_ values: [String], into docx: Data) throws -> Data {
        let parts = try DOCXTestPackage.parts(docx)
        let xml = String(decoding: parts.first { $0.0 == "word/document.xml" }!.1, as: UTF8.self)
        // An empty value cell: a tc that is not a vMerge continuation, whose one paragraph has no run.
        let empty = "<w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>"
        var out = ""
        var rest = Substring(xml)
        var i = 0
        while let r = rest.range(of: empty) {
            let before = rest[..<r.lowerBound]
            let cellStart = before.range(of: "<w:tc>", options: .backwards)!.lowerBound
            let isContinuation = before[cellStart...].contains("<w:vMerge/>")
            out += before
            if isContinuation || i >= values.count {
                out += empty
            } else {
                out += "<w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>" + runs(values[i], variant: i) + "</w:p></w:tc>"
                i += 1
            }
            rest = rest[r.upperBound...]
        }
        out += rest
        precondition(i == values.count, "typed \(i) of \(values.count) values")
        return try DOCXTestPackage.replacing("word/document.xml", in: docx, with: out)
    }

    private static func runs(_ v: String, variant: Int) -> String {
        let rPr = "<w:rPr><w:rFonts w:hint=\"eastAsia\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr>"
        switch variant % 4 {
        case 0: return "<w:r><w:t>\(v)</w:t></w:r>"
        case 1 where v.count > 1:
            return "<w:r>\(rPr)<w:t>\(v.prefix(1))</w:t></w:r><w:r>\(rPr)<w:t>\(v.dropFirst())</w:t></w:r>"
        case 2: return "<w:proofErr w:type=\"gramStart\"/><w:r>\(rPr)<w:t>\(v)</w:t></w:r><w:proofErr w:type=\"gramEnd\"/>"
        default: return "<w:bookmarkStart w:id=\"\(variant)\" w:name=\"_GoBack\"/><w:r><w:t xml:space=\"preserve\">\(v)</w:t></w:r><w:bookmarkEnd w:id=\"\(variant)\"/>"
        }
    }
}
