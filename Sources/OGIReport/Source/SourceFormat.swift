/// The format of a source document, as the reader registry sniffed it from its content.
public enum SourceFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// A text submission (tab rows, one cell per line …): UTF-8, UTF-16, GB18030.
    case text
    /// An HTML page (a portal page, Word "Save as HTML", an exported report).
    case html
    /// ogi's canonical XML.
    case canonicalXML = "canonical-xml"
    /// A Word/WPS document (Office Open XML, a ZIP package).
    case docx
    /// A PDF file.
    case pdf
    /// Another ZIP package (not a DOCX).
    case zip

    /// The name used in messages.
    public var displayName: String {
        switch self {
        case .text: return "text"
        case .html: return "HTML"
        case .canonicalXML: return "canonical XML"
        case .docx: return "DOCX (Word/WPS)"
        case .pdf: return "PDF"
        case .zip: return "ZIP"
        }
    }
}
