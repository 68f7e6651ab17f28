import ArgumentParser

/// The one `--format` vocabulary of the commands that report findings (`validate`, `check`,
/// `check --list-rules`, `normalize`'s diagnostics): `text` (compiler-style lines, the default)
/// or `json`. `human`, check's earlier name for `text`, is still accepted.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    init?(argument: String) {
        self.init(rawValue: argument == "human" ? "text" : argument)
    }

    static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
