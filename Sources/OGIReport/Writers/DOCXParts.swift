/// The fixed parts of the DOCX template (content types, relationships, styles, settings, core
/// properties), written as text here — no binary template is kept in the repository.
///
/// Styles: 正文 仿宋 14 pt (`w:eastAsia` 仿宋, Latin Times New Roman), the title 宋体 bold 18 pt
/// centred, 标题 1 黑体 16 pt (outline level 1), 标题 2 楷体 14 pt (outline level 2), table text
/// 宋体 9 pt, the notes 仿宋 10.5 pt in a dashed box, closing lines right-aligned. Language zh-CN.
enum DOCXParts {
    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    </Types>

    """

    static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    </Relationships>

    """

    static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
    </Relationships>

    """

    static let settings = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
    <w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>\
    <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
    </w:settings>

    """

    /// Core properties: the title only (no author, no dates: the bytes depend on the report alone).
    static func core(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(MarkupEscaping.escape(title))</dc:title><dc:language>zh-CN</dc:language></cp:coreProperties>

        """
    }

    private static func fonts(_ eastAsia: String) -> String {
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"\(eastAsia)\" w:cs=\"Times New Roman\"/>"
    }

    private static func paragraphStyle(_ id: String, _ name: String, basedOn: String? = "Normal", pPr: String, rPr: String) -> String {
        "<w:style w:type=\"paragraph\" w:customStyle=\"\(id == "Normal" || id.hasPrefix("Heading") || id == "Title" ? 0 : 1)\" w:styleId=\"\(id)\">"
            + "<w:name w:val=\"\(name)\"/>" + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + "<w:qFormat/>"
            + "<w:pPr>\(pPr)</w:pPr><w:rPr>\(rPr)</w:rPr></w:style>"
    }

    static let styles: String = {
        var s = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\(fonts("仿宋"))<w:kern w:val="2"/><w:sz w:val="28"/><w:szCs w:val="28"/>\
        <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
        """
        s += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
            + "<w:pPr><w:spacing w:line=\"500\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"560\"/></w:pPr>"
            + "<w:rPr>\(fonts("仿宋"))<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
        s += paragraphStyle("Title", "Title", pPr: "<w:spacing w:before=\"240\" w:after=\"360\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                            rPr: fonts("宋体") + "<w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>")
        s += paragraphStyle("Heading1", "heading 1", pPr: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"0\"/>",
                            rPr: fonts("黑体") + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>")
        s += paragraphStyle("Heading2", "heading 2", pPr: "<w:keepNext/><w:outlineLvl w:val=\"1\"/>",
                            rPr: fonts("楷体") + "<w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
        s += paragraphStyle("Note", "ogi note", pPr: "<w:pBdr><w:top w:val=\"dashed\" w:sz=\"4\" w:space=\"4\" w:color=\"808080\"/><w:left w:val=\"dashed\" w:sz=\"4\" w:space=\"4\" w:color=\"808080\"/><w:bottom w:val=\"dashed\" w:sz=\"4\" w:space=\"4\" w:color=\"808080\"/><w:right w:val=\"dashed\" w:sz=\"4\" w:space=\"4\" w:color=\"808080\"/></w:pBdr><w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>",
                            rPr: "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>")
        s += paragraphStyle("Closing", "ogi closing", pPr: "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/>", rPr: "")
        s += paragraphStyle("TableText", "ogi table text", pPr: "<w:spacing w:line=\"260\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                            rPr: fonts("宋体") + "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
        s += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"57\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        s += "</w:styles>\n"
        return s
    }()
}
