import ArgumentParser
import OGIReport

/// The input limits (``ReadLimits``) as options, shared by normalize, check, validate and template.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-input-mb"), help: "Largest input read, in MB (refused before it is read).")
    var maxInputMB: Int = ReadLimits.default.maxInputBytes >> 20

    @Option(name: .customLong("max-attributes"), help: "Most attributes on one element of canonical XML.")
    var maxAttributes: Int = ReadLimits.default.maxAttributes

    @Option(name: .customLong("max-depth"), help: "Deepest element nesting in canonical XML.")
    var maxDepth: Int = ReadLimits.default.maxDepth

    @Option(name: .customLong("max-paragraph-kb"), help: "Longest line, paragraph or cell of a submission, in KB.")
    var maxParagraphKB: Int = ReadLimits.default.maxParagraphBytes >> 10

    @Option(name: .customLong("max-rows"), help: "Most rows in one table of a submission.")
    var maxRows: Int = ReadLimits.default.maxRows

    @Option(name: .customLong("max-diagnostics"), help: "Most diagnostics printed per input; the rest are counted in one note.")
    var maxDiagnostics: Int = ReadLimits.default.maxDiagnostics

    func validate() throws {
        let all = [("--max-input-mb", maxInputMB), ("--max-attributes", maxAttributes), ("--max-depth", maxDepth),
                   ("--max-paragraph-kb", maxParagraphKB), ("--max-rows", maxRows), ("--max-diagnostics", maxDiagnostics)]
        if let (flag, _) = all.first(where: { $0.1 < 1 || $0.1 > 1 << 30 }) {
            throw ValidationError("\(flag) must be between 1 and \(1 << 30)")
        }
        if maxInputMB > 1 << 20 { throw ValidationError("--max-input-mb must be at most \(1 << 20)") }
    }

    /// The limits these options set.
    var readLimits: ReadLimits {
        ReadLimits(maxInputBytes: maxInputMB << 20, maxAttributes: maxAttributes, maxDepth: maxDepth,
                   maxParagraphBytes: maxParagraphKB << 10, maxRows: maxRows, maxDiagnostics: maxDiagnostics)
    }
}
