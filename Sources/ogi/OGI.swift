import ArgumentParser
import OGIReport

/// `ogi`: read, check and write annual reports on open government information work.
@main
struct OGI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ogi",
        abstract: "Read, check and write annual reports on open government information work (政府信息公开工作年度报告).",
        subcommands: [Normalize.self, Validate.self, Check.self, Template.self, SchemaCommand.self]
    )
}
