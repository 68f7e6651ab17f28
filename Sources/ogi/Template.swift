import ArgumentParser
import Foundation
import OGIReport

/// `ogi template`: a blank or prefilled report in the official layout, as tab-table text, a
/// printable HTML page or a Word document (DOCX) to fill in.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a blank or prefilled annual report in the official layout (text, HTML or DOCX).",
        discussion: """
        Blank: --agency and --year (edition 2021 unless --edition 2019).
        Prefilled: --from a canonical XML report (its own edition, year and agency are kept; options may only fill \
        what it lacks). --previous last year's canonical XML: row 二 (上年结转) is prefilled from its row 四 \
        (结转下年度继续办理), and its agency is used when none is given; its year must be this year − 1.
        --format docx (the default for -o NAME.docx) writes a Word document with the official merged cells, \
        empty cells ready to type in; it is never written to a terminal. --format html (the default for \
        -o NAME.html) a printable page; --format xml (the default for -o NAME.xml) the report as canonical XML.
        Exit codes: 0 written, 2 bad option, unreadable or invalid input (nothing written).
        """)

    @Option(help: "The agency publishing the report.") var agency: String?
    @Option(help: "The year the report covers (2008–2100).") var year: String?
    @Option(help: "Table edition: 2021 (default) or 2019.") var edition: String?
    @Option(help: "Prefill from this canonical XML report.") var from: String?
    @Option(help: "Last year's canonical XML report, for the carry-over of row 二.") var previous: String?
    @Option(help: "Output format: text (default), html, docx or xml (canonical XML); by default the -o file's extension (.html, .htm, .docx, .xml) chooses.") var format: String?
    @Option(name: [.short, .customLong("output")], help: "Output file (default: standard output).") var output: String?
    @OptionGroup var limits: LimitOptions

    func run() throws {
        do {
            let chosen = format ?? Self.format(ofOutput: output)
            let fmt = TemplateWriter.Format(rawValue: chosen)
            guard fmt != nil || chosen == "xml" else {
                throw DiagnosticError(.error("unknown format '\(chosen)'; expected text, html, docx or xml", code: "template"))
            }
            var yearNumber: Int?
            if let y = year {
                guard let n = Int(y.trimmingCharacters(in: .whitespaces)) else {
                    throw DiagnosticError(.error("year '\(y)' is not a number", code: "template"))
                }
                yearNumber = n
            }
            try OutputFile.refuseInputs(outputs: [output], inputs: [from, previous].filter { $0 != nil })
            let out = try OutputFile.open(output)
            defer { out.abort() }
            if fmt == .docx, out.isTerminal {
                throw DiagnosticError(.error("a DOCX file is not written to a terminal; use -o NAME.docx or redirect standard output", code: "template"))
            }
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
            if let fmt { try out.write(try TemplateWriter.data(report, format: fmt)) } else { try out.write(CanonicalXML.write(report)) }
            try out.commit()
        } catch let e as DiagnosticError {
            // Option errors (no file) in the commands' style; a file's diagnostics as they are.
            for d in e.diagnostics {
                if d.file == nil { CLIIO.err("ogi template: \(d.severity.rawValue): \(d.message) (see 'ogi template --help')") } else { CLIIO.report([d]) }
            }
            throw Exit.failure
        } catch let e as CLIError {
            CLIIO.err(e.description)
            throw Exit.failure
        }
    }

    /// The format an output file's extension asks for: docx, html (.html, .htm), xml, else text.
    static func format(ofOutput path: String?) -> String {
        switch path.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "docx": return "docx"
        case "html", "htm": return "html"
        case "xml": return "xml"
        default: return "text"
        }
    }
}
