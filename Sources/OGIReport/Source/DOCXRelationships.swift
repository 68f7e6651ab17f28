import CLibXML2
import Foundation

/// The relationships of an OPC part (`_rels/*.rels`): id, type, target and whether the target is
/// outside the package (`TargetMode="External"`). Parsed with the safe libxml2 settings; a damaged
/// relationships part gives no relationships (the parts are then found by their usual names).
enum DOCXRelationships {
    struct Relationship { var id: String; var type: String; var target: String; var external: Bool }

    static func parse(_ data: Data) -> [Relationship] {
        let sink = XMLErrorSink(fileName: "rels")
        guard let doc = XMLParsing.parse(data, sink: sink, limits: .docxParts), let root = doc.root else { return [] }
        var out: [Relationship] = []
        for n in XMLNode.elements(root) where XMLNode.name(n) == "Relationship" {
            out.append(Relationship(id: XMLNode.attribute(n, "Id") ?? "", type: XMLNode.attribute(n, "Type") ?? "",
                                    target: XMLNode.attribute(n, "Target") ?? "",
                                    external: XMLNode.attribute(n, "TargetMode")?.lowercased() == "external"))
        }
        return out
    }
}
