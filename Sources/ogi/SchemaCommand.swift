import ArgumentParser
import OGIReport

/// `ogi schema`: prints the XSD of the canonical XML, generated from the concept table.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the XSD 1.0 of the canonical XML (generated from the concept table).",
        discussion: "Regenerate the committed copy with: swift run ogi schema > Schema/ogi-report-1.xsd"
    )

    func run() throws {
        try CLIIO.write(SchemaGenerator.xsd, to: nil)
    }
}
