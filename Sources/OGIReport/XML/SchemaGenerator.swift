/// Generates the XSD (an XSD 1.0 document; schema version ``CanonicalXML/schemaVersion``) of the canonical XML from ``ConceptTable``.
///
/// The section kinds, value kinds (one cell element per kind and table) and the other
/// enumerations are derived from the model, never typed by hand. Concept ids are a lean
/// `ConceptId` token: which ids a table of an edition holds, under which element, each once, and
/// that the root's edition is the tables container's, are checked in code against the concept
/// table (``CanonicalXMLRules``) on every read and validation — libxml2's enumerations and
/// identity constraints were about 80% of its validation time. The committed
/// `Schema/ogi-report-1.xsd` is this output (`swift run ogi schema > Schema/ogi-report-1.xsd`);
/// a test keeps the two identical.
public enum SchemaGenerator {
    /// The XSD text (UTF-8, LF, final newline). Deterministic.
    public static let xsd: String = generate()

    private static func generate() -> String {
        var x = XSDText()
        x.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        x.line(0, "<!-- Schema of the canonical XML of ogi (政府信息公开工作年度报告), version \(CanonicalXML.schemaVersion).")
        x.line(0, "     GENERATED from the concept table by SchemaGenerator: do not edit; regenerate with")
        x.line(0, "     `swift run ogi schema > Schema/ogi-report-1.xsd`. See Schema/README.md. -->")
        x.line(0, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:ogi=\"\(CanonicalXML.namespace)\"")
        x.line(0, "           targetNamespace=\"\(CanonicalXML.namespace)\" elementFormDefault=\"qualified\"")
        x.line(0, "           attributeFormDefault=\"unqualified\" version=\"\(CanonicalXML.schemaVersion)\">")
        root(&x)
        simpleTypes(&x)
        metadataTypes(&x)
        textTypes(&x)
        for e in Edition.allCases.sorted() { tableTypes(&x, e) }
        checkTypes(&x)
        x.line(0, "</xs:schema>")
        return x.text
    }

    // MARK: Root

    private static func root(_ x: inout XSDText) {
        let editions = Edition.allCases.sorted()
        x.line(1, "<xs:annotation><xs:documentation>")
        for l in CanonicalXMLRules.documentation { x.line(2, XSDText.escape(l)) }
        x.line(1, "</xs:documentation></xs:annotation>")
        x.line(1, "<xs:element name=\"\(XMLName.report)\" type=\"ogi:Report\"/>")
        x.line(1, "<xs:complexType name=\"Report\">")
        x.line(2, "<xs:sequence>")
        x.line(3, "<xs:element name=\"\(XMLName.metadata)\" type=\"ogi:Metadata\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.preamble)\" type=\"ogi:Blocks\" minOccurs=\"0\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.section)\" type=\"ogi:Section\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>")
        x.line(3, "<xs:choice minOccurs=\"0\">")
        for e in editions {
            x.line(4, "<xs:element name=\"\(XMLName.tables(e))\" type=\"ogi:Tables\(e.rawValue)\"/>")
        }
        x.line(3, "</xs:choice>")
        x.line(3, "<xs:element name=\"\(XMLName.closing)\" type=\"ogi:Blocks\" minOccurs=\"0\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.unrecognised)\" type=\"ogi:Unrecognised\" minOccurs=\"0\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.checks)\" type=\"ogi:Checks\" minOccurs=\"0\"/>")
        x.line(2, "</xs:sequence>")
        x.line(2, "<xs:attribute name=\"schemaVersion\" type=\"ogi:SchemaVersion\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"edition\" type=\"ogi:Edition\"/>")
        x.line(1, "</xs:complexType>")
    }

    // MARK: Simple types

    private static func enumeration(_ x: inout XSDText, _ name: String, _ values: [String], doc: String? = nil) {
        x.line(1, "<xs:simpleType name=\"\(name)\">")
        if let doc { x.line(2, "<xs:annotation><xs:documentation>\(XSDText.escape(doc))</xs:documentation></xs:annotation>") }
        x.line(2, "<xs:restriction base=\"xs:token\">")
        for v in values { x.line(3, "<xs:enumeration value=\"\(XSDText.escape(v))\"/>") }
        x.line(2, "</xs:restriction>")
        x.line(1, "</xs:simpleType>")
    }

    private static func restriction(_ x: inout XSDText, _ name: String, base: String, _ facets: [String], doc: String) {
        x.line(1, "<xs:simpleType name=\"\(name)\">")
        x.line(2, "<xs:annotation><xs:documentation>\(XSDText.escape(doc))</xs:documentation></xs:annotation>")
        x.line(2, "<xs:restriction base=\"\(base)\">")
        for f in facets { x.line(3, f) }
        x.line(2, "</xs:restriction>")
        x.line(1, "</xs:simpleType>")
    }

    private static func simpleTypes(_ x: inout XSDText) {
        let major = CanonicalXML.schemaVersion.split(separator: ".").first.map(String.init) ?? "1"
        restriction(&x, "SchemaVersion", base: "xs:token", ["<xs:pattern value=\"\(major)\\.[0-9]+\"/>"],
                    doc: "MAJOR.MINOR; the major version is also in the namespace.")
        enumeration(&x, "Edition", Edition.allCases.sorted().map(\.rawValue), doc: "Table edition (国办公开办函〔2019〕60号 or 〔2021〕30号).")
        for e in Edition.allCases.sorted() {
            enumeration(&x, "Edition\(e.rawValue)", [e.rawValue])
        }
        enumeration(&x, "Presence", Presence.allCases.map(\.rawValue),
                    doc: "How a value was present: value (a number other than zero), zero, blank, not-applicable (/, —, 无 …), text.")
        enumeration(&x, "SectionKind", SectionKind.allCases.map(\.id))
        enumeration(&x, "Layout", SourceLayout.allCases.map(\.rawValue))
        enumeration(&x, "LineEnding", ["LF", "CRLF", "CR", "mixed"])
        enumeration(&x, "Severity", Severity.allCases.map(\.rawValue))
        enumeration(&x, "CheckStatus", CheckStatus.allCases.map(\.rawValue))
        restriction(&x, "Lines", base: "xs:token", ["<xs:pattern value=\"[1-9][0-9]{0,9}(-[1-9][0-9]{0,9})?\"/>"],
                    doc: "Source lines FIRST-LAST, or one LINE (1-based, inclusive; FIRST <= LAST).")
        restriction(&x, "Count", base: "xs:nonNegativeInteger", ["<xs:pattern value=\"0|[1-9][0-9]*\"/>"],
                    doc: "A count: a non-negative integer.")
        restriction(&x, "SignedCount", base: "xs:integer", ["<xs:pattern value=\"0|-?[1-9][0-9]*\"/>"],
                    doc: "A signed integer (本年增/减).")
        restriction(&x, "Amount", base: "xs:decimal",
                    ["<xs:minInclusive value=\"0\"/>", "<xs:pattern value=\"(0|[1-9][0-9]*)(\\.[0-9]+)?\"/>"],
                    doc: "A non-negative decimal amount.")
        restriction(&x, "SignedDecimal", base: "xs:decimal", ["<xs:pattern value=\"-?(0|[1-9][0-9]*)(\\.[0-9]+)?\"/>"],
                    doc: "A decimal number.")
        restriction(&x, "Year", base: "xs:int", ["<xs:minInclusive value=\"1000\"/>", "<xs:maxInclusive value=\"9999\"/>"],
                    doc: "A calendar year.")
        restriction(&x, "Date", base: "xs:date", ["<xs:pattern value=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"/>"],
                    doc: "An ISO 8601 date yyyy-mm-dd.")
        restriction(&x, "SHA256", base: "xs:token", ["<xs:pattern value=\"[0-9a-f]{64}\"/>"],
                    doc: "SHA-256, lowercase hex.")
        restriction(&x, "Position", base: "xs:int", ["<xs:minInclusive value=\"1\"/>"],
                    doc: "A 1-based line or column.")
        enumeration(&x, "SourceFormat", SourceFormat.allCases.map(\.rawValue), doc: "The format the source was read as (1.1).")
        restriction(&x, "GridPlace", base: "xs:token", ["<xs:pattern value=\"[1-9][0-9]*\\.[1-9][0-9]*(\\.[1-9][0-9]*)?\"/>"],
                    doc: "TABLE.ROW.CELL (or TABLE.ROW) of the source's own tables, 1-based, in document order (1.1).")
        restriction(&x, "Box", base: "xs:token", ["<xs:pattern value=\"-?[0-9]+(\\.[0-9]+)?( -?[0-9]+(\\.[0-9]+)?){3}\"/>"],
                    doc: "x0 y0 x1 y1 in PDF points from the page's top left (1.1).")
        restriction(&x, "ConceptId", base: "xs:token", [],
                    doc: "A concept id of the concept table (t2.withheld.stateSecret.naturalPerson …); which ids a table of an edition holds, under which element, each once, is checked in code (see the schema's documentation).")
    }

    // MARK: Metadata and text

    private static func metadataTypes(_ x: inout XSDText) {
        x.line(1, "<xs:complexType name=\"Metadata\">")
        x.line(2, "<xs:sequence>")
        x.line(3, "<xs:element name=\"\(XMLName.agency)\" type=\"xs:string\" minOccurs=\"0\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.year)\" type=\"ogi:Year\" minOccurs=\"0\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.title)\" type=\"xs:string\" minOccurs=\"0\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.publicationDate)\" type=\"ogi:Date\" minOccurs=\"0\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.source)\" type=\"ogi:Source\" minOccurs=\"0\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.note)\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>")
        x.line(2, "</xs:sequence>")
        x.line(2, "<xs:attribute name=\"incomplete\" type=\"xs:boolean\"/>")
        x.line(1, "</xs:complexType>")
        x.line(1, "<xs:complexType name=\"Source\">")
        x.line(2, "<xs:attribute name=\"fileName\" type=\"xs:string\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"layout\" type=\"ogi:Layout\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"encoding\" type=\"xs:string\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"sha256\" type=\"ogi:SHA256\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"lineEnding\" type=\"ogi:LineEnding\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"format\" type=\"ogi:SourceFormat\"/>")
        x.line(2, "<xs:attribute name=\"omitted\" type=\"xs:nonNegativeInteger\"/>")
        x.line(2, "<xs:attribute name=\"omittedCharacters\" type=\"xs:nonNegativeInteger\"/>")
        x.line(1, "</xs:complexType>")
        x.line(1, "<xs:attributeGroup name=\"Place\">")
        x.line(2, "<xs:annotation><xs:documentation>Where a thing is beyond lines and columns (1.1): a cell or row of the source's own tables, a paragraph, a page and box.</xs:documentation></xs:annotation>")
        x.line(2, "<xs:attribute name=\"grid\" type=\"ogi:GridPlace\"/>")
        x.line(2, "<xs:attribute name=\"paragraph\" type=\"ogi:Position\"/>")
        x.line(2, "<xs:attribute name=\"page\" type=\"ogi:Position\"/>")
        x.line(2, "<xs:attribute name=\"box\" type=\"ogi:Box\"/>")
        x.line(1, "</xs:attributeGroup>")
    }

    private static func textTypes(_ x: inout XSDText) {
        x.line(1, "<xs:complexType name=\"Block\">")
        x.line(2, "<xs:simpleContent>")
        x.line(3, "<xs:extension base=\"xs:string\"><xs:attribute name=\"lines\" type=\"ogi:Lines\"/><xs:attributeGroup ref=\"ogi:Place\"/></xs:extension>")
        x.line(2, "</xs:simpleContent>")
        x.line(1, "</xs:complexType>")
        x.line(1, "<xs:group name=\"BlockChoice\">")
        x.line(2, "<xs:choice>")
        x.line(3, "<xs:element name=\"\(XMLName.block(.heading))\" type=\"ogi:Block\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.block(.paragraph))\" type=\"ogi:Block\"/>")
        x.line(2, "</xs:choice>")
        x.line(1, "</xs:group>")
        x.line(1, "<xs:complexType name=\"Blocks\">")
        x.line(2, "<xs:group ref=\"ogi:BlockChoice\" maxOccurs=\"unbounded\"/>")
        x.line(1, "</xs:complexType>")
        x.line(1, "<xs:complexType name=\"Section\">")
        x.line(2, "<xs:group ref=\"ogi:BlockChoice\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>")
        x.line(2, "<xs:attribute name=\"kind\" type=\"ogi:SectionKind\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"heading\" type=\"xs:string\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"line\" type=\"ogi:Position\"/>")
        x.line(1, "</xs:complexType>")
        x.line(1, "<xs:complexType name=\"Unrecognised\">")
        x.line(2, "<xs:sequence>")
        x.line(3, "<xs:element name=\"\(XMLName.fragment)\" maxOccurs=\"unbounded\">")
        x.line(4, "<xs:complexType><xs:simpleContent><xs:extension base=\"xs:string\">")
        x.line(5, "<xs:attribute name=\"lines\" type=\"ogi:Lines\"/>")
        x.line(5, "<xs:attribute name=\"reason\" type=\"xs:string\" use=\"required\"/>")
        x.line(5, "<xs:attributeGroup ref=\"ogi:Place\"/>")
        x.line(4, "</xs:extension></xs:simpleContent></xs:complexType>")
        x.line(3, "</xs:element>")
        x.line(2, "</xs:sequence>")
        x.line(1, "</xs:complexType>")
    }

    // MARK: Tables

    /// The value kinds used by a table in an edition, in first-use order.
    static func kinds(_ t: TableID, _ e: Edition) -> [ValueKind] {
        var seen: [ValueKind] = []
        for c in ConceptTable.concepts(t, e) where !seen.contains(c.kind) { seen.append(c.kind) }
        return seen
    }

    private static func numberType(_ k: ValueKind) -> String {
        switch k {
        case .count: return "ogi:Count"
        case .signedCount: return "ogi:SignedCount"
        case .amountWan, .amountWithUnit: return "ogi:Amount"
        }
    }

    private static func tableTypes(_ x: inout XSDText, _ e: Edition) {
        x.line(1, "<xs:complexType name=\"Tables\(e.rawValue)\">")
        x.line(2, "<xs:sequence>")
        for t in TableID.allCases {
            x.line(3, "<xs:element name=\"\(XMLName.table(t))\" type=\"ogi:Table\(t.rawValue.uppercased())E\(e.rawValue)\" minOccurs=\"0\"/>")
        }
        x.line(2, "</xs:sequence>")
        x.line(2, "<xs:attribute name=\"edition\" type=\"ogi:Edition\(e.rawValue)\" use=\"required\"/>")
        x.line(1, "</xs:complexType>")
        for t in TableID.allCases {
            let kinds = kinds(t, e)
            x.line(1, "<xs:complexType name=\"Table\(t.rawValue.uppercased())E\(e.rawValue)\">")
            x.line(2, "<xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">")
            for k in kinds {
                x.line(3, "<xs:element name=\"\(XMLName.cell(k))\">")
                x.line(4, "<xs:complexType>")
                x.line(5, "<xs:attribute name=\"concept\" type=\"ogi:ConceptId\" use=\"required\"/>")
                x.line(5, "<xs:attribute name=\"presence\" type=\"ogi:Presence\" use=\"required\"/>")
                x.line(5, "<xs:attribute name=\"number\" type=\"\(numberType(k))\"/>")
                x.line(5, "<xs:attribute name=\"unit\" type=\"xs:string\"/>")
                x.line(5, "<xs:attribute name=\"uncertain\" type=\"xs:boolean\"/>")
                x.line(5, "<xs:attribute name=\"raw\" type=\"xs:string\"/>")
                x.line(5, "<xs:attribute name=\"line\" type=\"ogi:Position\"/>")
                x.line(5, "<xs:attribute name=\"column\" type=\"ogi:Position\"/>")
                x.line(5, "<xs:attributeGroup ref=\"ogi:Place\"/>")
                x.line(4, "</xs:complexType>")
                x.line(3, "</xs:element>")
            }
            x.line(2, "</xs:choice>")
            x.line(2, "<xs:attribute name=\"lines\" type=\"ogi:Lines\"/>")
            x.line(2, "<xs:attributeGroup ref=\"ogi:Place\"/>")
            x.line(1, "</xs:complexType>")
        }
    }

    // MARK: Checks

    private static func checkTypes(_ x: inout XSDText) {
        x.line(1, "<xs:complexType name=\"Checks\">")
        x.line(2, "<xs:sequence>")
        x.line(3, "<xs:element name=\"\(XMLName.check)\" type=\"ogi:Check\" maxOccurs=\"unbounded\"/>")
        x.line(2, "</xs:sequence>")
        x.line(1, "</xs:complexType>")
        x.line(1, "<xs:complexType name=\"Check\">")
        x.line(2, "<xs:sequence>")
        x.line(3, "<xs:element name=\"\(XMLName.formula)\" type=\"xs:string\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.message)\" type=\"xs:string\"/>")
        x.line(3, "<xs:element name=\"\(XMLName.ref)\" minOccurs=\"0\" maxOccurs=\"unbounded\">")
        x.line(4, "<xs:complexType>")
        x.line(5, "<xs:attribute name=\"concept\" type=\"ogi:ConceptId\" use=\"required\"/>")
        x.line(5, "<xs:attribute name=\"line\" type=\"ogi:Position\"/>")
        x.line(5, "<xs:attribute name=\"column\" type=\"ogi:Position\"/>")
        x.line(5, "<xs:attributeGroup ref=\"ogi:Place\"/>")
        x.line(4, "</xs:complexType>")
        x.line(3, "</xs:element>")
        x.line(2, "</xs:sequence>")
        x.line(2, "<xs:attribute name=\"rule\" type=\"xs:string\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"severity\" type=\"ogi:Severity\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"status\" type=\"ogi:CheckStatus\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"instance\" type=\"xs:string\" use=\"required\"/>")
        x.line(2, "<xs:attribute name=\"left\" type=\"ogi:SignedDecimal\"/>")
        x.line(2, "<xs:attribute name=\"right\" type=\"ogi:SignedDecimal\"/>")
        x.line(1, "</xs:complexType>")
    }
}

/// Line-by-line XSD text with 2-space indentation.
private struct XSDText {
    var text = ""

    mutating func line(_ level: Int, _ s: String) {
        text += String(repeating: "  ", count: level) + s + "\n"
    }

    static func escape(_ s: String) -> String { MarkupEscaping.escape(s) }
}
