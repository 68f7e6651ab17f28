import ArgumentParser
import Foundation
import OGIReport

/// `ogi template`: a blank or prefilled report in the official layout, as tab-table text or a
/// printable HTML page.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a blank or prefilled annual report in the official layout (text or HTML).",
        discussion: """
        Blank: --agency and --year (edition 2021 unless --edition 2019).
        Prefilled: --from a canonical XML report (its own edition, year and agency are kept; options may only fill \
        what it lacks). --previous last year's canonical XML: row 二 (上年结转) is prefilled from its row 四 \
        (结转下年度继续办理), and its agency is used when none is given; its year must be this year − 1.
        Exit codes: 0 written, 2 bad option, unreadable or invalid input (nothing written).
        """)

    @Option(help: "The agency publishing the report.") var agency: String?
    @Option(help: "The year the report covers (2008–2100).") var year: String?
    @Option(help: "Table edition: 2021 (default) or 2019.") var edition: String?
    @Option(help: "Prefill from this canonical XML report.") var from: String?
    @Option(help: "Last year's canonical XML report, for the carry-over of row 二.") var previous: String?
    @Option(help: "Output format: text (default) or html.") var format: String = "text"
    @Option(name: [.short, .customLong("output")], help: "Output file (default: standard output).") var output: String?
    @OptionGroup var limits: LimitOptions

    func run() throws {
        do {
            guard let fmt = TemplateWriter.Format(rawValue: format) else {
                throw DiagnosticError(.error("unknown format '\(format)'; expected text or html", code: "template"))
            }
            var yearNumber: Int?
            if let y = year {
                guard let n = Int(y.trimmingCharacters(in: .whitespaces)) else {
                    throw DiagnosticError(.error("year '\(y)' is not a number", code: "template"))
                }
                yearNumber = n
            }
            try OutputFile.refuseInputs(outputs: [output], inputs: [from, previous].compactMap { $0 })
            let out = try OutputFile.open(output)
            defer { out.abort() }
            var request = TemplateRequest(agency: agency, year: yearNumber, edition: edition)
            if let path = from {
                let (data, name) = try CLIIO.read(path, limits: limits.readLimits)
                request.from = try ReaderRegistry.readReport(data, fileName: name, limits: limits.readLimits).report
                request.fromName = name
            }
            if let path = previous {
                let (data, name) = try CLIIO.read(path, limits: limits.readLimits)
                request.previous = try ReaderRegistry.readReport(data, fileName: name, limits: limits.readLimits).report
                request.previousName = name
            }
            let (report, warnings) = try TemplateBuilder.build(request)
            CLIIO.report(warnings + TemplateWriter.omissions(report, fileName: request.fromName))
            try out.write(TemplateWriter.write(report, format: fmt))
            try out.commit()
        } catch let e as DiagnosticError {
            CLIIO.report(e.diagnostics)
            throw Exit.failure
        } catch let e as CLIError {
            CLIIO.err(e.description)
            throw Exit.failure
        }
    }
}
