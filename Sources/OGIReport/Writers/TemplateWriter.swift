/// Writes a report (blank or prefilled) in the official layout.
///
/// STUB: the template helper replaces the body; the signature is the contract.
public enum TemplateWriter {
    public enum Format: String, Sendable, CaseIterable { case text, html }

    /// The report as a clean tab-table text submission or a printable HTML page.
    public static func write(_ report: Report, format: Format) -> String {
        fatalError("TemplateWriter not implemented yet")
    }
}
