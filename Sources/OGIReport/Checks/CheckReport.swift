import Foundation

/// Counts of check results by outcome.
public struct CheckSummary: Sendable, Hashable {
    public var passed = 0
    /// FAILs of error-severity rules (these make `ogi check` exit 1).
    public var failed = 0
    public var notAssessable = 0
    public var uncertain = 0
    /// FAILs of warning-severity advisories.
    public var warnings = 0

    public init(_ results: [CheckResult]) {
        for r in results {
            switch r.status {
            case .pass: passed += 1
            case .fail: if r.severity == .error { failed += 1 } else { warnings += 1 }
            case .notAssessable: notAssessable += 1
            case .uncertain: uncertain += 1
            }
        }
    }

    /// "N passed, N failed, N not assessable, N uncertain, N warnings".
    public var description: String {
        "\(passed) passed, \(failed) failed, \(notAssessable) not assessable, \(uncertain) uncertain, "
            + "\(warnings) warning" + (warnings == 1 ? "" : "s")
    }
}

/// Prints check results: compiler-style lines with source excerpts and carets, or JSON data.
public enum CheckReport {
    /// The position a result points at: that of its first cell (the evaluator lists the cell a
    /// result is about first), when known. A missing cell has none: then the result is not located.
    public static func position(of r: CheckResult) -> SourcePosition? {
        r.cells.first?.position
    }

    /// The severity a result is printed with: its rule's for FAIL, warning for UNCERTAIN, note otherwise.
    public static func displaySeverity(_ r: CheckResult) -> Severity {
        switch r.status {
        case .fail: return r.severity
        case .uncertain: return .warning
        case .pass, .notAssessable: return .note
        }
    }

    /// One result as a diagnostic located in `sourceName` (positions are positions in the
    /// source text; without a source name they are left out).
    public static func diagnostic(_ r: CheckResult, sourceName: String?, fallbackName: String) -> Diagnostic {
        let p = sourceName == nil ? nil : position(of: r)
        // A place without a line (a DOCX cell) is named in the message, as the locator does.
        let message = p.flatMap { $0.hasLine ? nil : $0.grid.map { "[\($0.description)] " } ?? $0.paragraph.map { "[paragraph \($0)] " } } ?? ""
        return Diagnostic(displaySeverity(r), message + r.message, code: r.rule, file: p == nil ? fallbackName : sourceName,
                          line: p.flatMap { $0.hasLine ? $0.line : nil }, column: p.flatMap { $0.column > 0 ? $0.column : nil })
    }

    /// Human output: one line per FAIL, UNCERTAIN and NOT_ASSESSABLE result (and PASS with
    /// `all`), each followed by an excerpt of the source line with a caret when the position and
    /// the source text are known, and the cells involved; then the summary line.
    /// - Parameters:
    ///   - sourceName: the name of the text the positions refer to (nil when unknown).
    ///   - fallbackName: the name for results without a position (the file checked).
    ///   - sourceLines: the decoded source text's lines, when at hand.
    public static func human(_ results: [CheckResult], sourceName: String?, fallbackName: String,
                             sourceLines: [String]?, edition: Edition?, all: Bool) -> String {
        var out = ""
        // A missing table makes every instance of its rules not assessable: one line per rule.
        var missingTable: [String: Int] = [:]
        for r in results where r.status == .notAssessable && r.message.hasSuffix(RuleEvaluator.missingTableSuffix(r)) {
            missingTable[r.rule, default: 0] += 1
        }
        var collapsed: Set<String> = []
        for r in results where all || r.status != .pass {
            if let n = missingTable[r.rule], r.status == .notAssessable, r.message.hasSuffix(RuleEvaluator.missingTableSuffix(r)) {
                guard collapsed.insert(r.rule).inserted else { continue }
                let tableWords = RuleEvaluator.missingTableSuffix(r).dropFirst(2)
                var d = diagnostic(r, sourceName: nil, fallbackName: fallbackName)
                d.message = "not assessable in \(n) instance\(n == 1 ? "" : "s"): \(tableWords)"
                out += d.description + "\n"
                continue
            }
            out += diagnostic(r, sourceName: sourceName, fallbackName: fallbackName).description + "\n"
            if sourceName != nil, let p = position(of: r), let lines = sourceLines, p.line >= 1, p.line <= lines.count {
                out += excerpt(lines[p.line - 1], column: p.column)
            }
            if r.status != .pass, r.cells.contains(where: { $0.position != nil }) {
                let cells = r.cells.map { c in
                    ShortLabel.concept(c.concept, edition: edition) + (c.position.map { " " + $0.description } ?? "")
                }
                out += "    cells: " + cells.joined(separator: ", ") + "\n"
            }
        }
        out += fallbackName + ": " + CheckSummary(results).description + "\n"
        return out
    }

    /// The source line and a caret under `column` (1-based, in Unicode scalars of the source
    /// line). Control characters are escaped as in diagnostics (``Diagnostic/oneLine(_:)``: ESC →
    /// `\u{1B}`, a tab → `\u{9}`, so the empty cells of a tab row show), and the caret counts the
    /// escapes' width and two columns for wide (CJK) characters, so it lines up in a terminal.
    public static func excerpt(_ line: String, column: Int) -> String {
        let shown = Diagnostic.oneLine(line)
        var before = String.UnicodeScalarView()
        for (i, s) in line.unicodeScalars.enumerated() where i < column - 1 { before.append(s) }
        var pad = ""
        for s in Diagnostic.oneLine(String(before)).unicodeScalars {
            pad += isWide(s) ? "  " : " "
        }
        return "    " + shown + "\n    " + pad + "^\n"
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// The status a result is reported with: its own, except that a failed advisory (a
    /// warning-severity rule, which never fails a check) is `ADVISORY`, not `FAIL`. (Canonical
    /// XML's `check/@status` keeps FAIL with severity warning: the schema's CheckStatus.)
    public static func displayStatus(_ r: CheckResult) -> String {
        r.status == .fail && r.severity != .error ? "ADVISORY" : r.status.rawValue
    }

    /// One result as a JSON-ready object (keys: rule, severity, status (``displayStatus(_:)``),
    /// instance, formula, message, left, right, difference, file, line, column,
    /// cells[{concept, label, line, column}]).
    public static func jsonObject(_ r: CheckResult, sourceName: String?, edition: Edition?) -> [String: Any] {
        var o: [String: Any] = ["rule": r.rule, "severity": r.severity.rawValue, "status": displayStatus(r),
                                "instance": r.instance, "formula": r.formula, "message": r.message]
        if let l = r.left { o["left"] = NSDecimalNumber(decimal: l) }
        if let v = r.right { o["right"] = NSDecimalNumber(decimal: v) }
        if let d = r.difference { o["difference"] = NSDecimalNumber(decimal: d) }
        if let p = position(of: r) {
            if let s = sourceName { o["file"] = s }
            if p.hasLine { o["line"] = p.line }
            if p.column > 0 { o["column"] = p.column }
            if let g = p.grid { o["grid"] = g.token }
        }
        o["cells"] = r.cells.map { c -> [String: Any] in
            var co: [String: Any] = ["concept": c.concept, "label": ShortLabel.concept(c.concept, edition: edition)]
            if let p = c.position {
                if p.hasLine { co["line"] = p.line }
                if p.column > 0 { co["column"] = p.column }
                if let g = p.grid { co["grid"] = g.token }
                if let pg = p.page { co["page"] = pg }
            }
            return co
        }
        return o
    }

    /// The results of one checked file as a JSON-ready object (keys: file, source, edition,
    /// results, summary).
    public static func jsonObject(_ results: [CheckResult], file: String, sourceName: String?, edition: Edition?) -> [String: Any] {
        let s = CheckSummary(results)
        var o: [String: Any] = [
            "file": file,
            "results": results.map { jsonObject($0, sourceName: sourceName, edition: edition) },
            "summary": ["passed": s.passed, "failed": s.failed, "notAssessable": s.notAssessable,
                        "uncertain": s.uncertain, "warnings": s.warnings],
        ]
        if let e = edition { o["edition"] = e.rawValue }
        if let s = sourceName { o["source"] = s }
        return o
    }

    /// The rule table as JSON-ready data (`check --list-rules --format json`): one object per
    /// rule (id, severity, table, scope, equation, summary, formulas per edition), per rule that
    /// cannot be checked (id, status "not-checked", summary, reason) and per advisory (id,
    /// severity warning, summary) — the same entries as ``ruleListing()``.
    public static func ruleTable() -> [[String: Any]] {
        var out: [[String: Any]] = []
        for r in RuleSet.rules {
            var formulas: [String: String] = [:]
            for e in Edition.allCases {
                if let i = r.instances(e).first { formulas[e.rawValue] = i.formula(place: false) }
            }
            out.append(["id": r.id, "kind": "rule", "severity": r.severity.rawValue, "table": r.table.rawValue,
                        "scope": r.scope.rawValue, "equation": r.equation, "summary": r.summary, "formulas": formulas])
        }
        for r in RuleSet.notCheckable {
            out.append(["id": r.id, "kind": "not-checked", "summary": r.summary, "reason": r.reason])
        }
        for (id, text) in Advisories.descriptions {
            out.append(["id": id, "kind": "advisory", "severity": Severity.warning.rawValue, "summary": text])
        }
        return out
    }

    /// The rule table as text: one line per rule (id, severity, table, scope, equation over
    /// concept keys, summary), then the rules that cannot be checked and the advisories.
    public static func ruleListing() -> String {
        var out = ""
        for r in RuleSet.rules {
            out += "\(r.id)\t\(r.severity.rawValue)\t\(r.table.rawValue) \(r.scope.rawValue)\t\(r.equation)\n"
            for e in Edition.allCases {
                if let i = r.instances(e).first { out += "\tedition \(e.rawValue): \(i.formula(place: false))\n" }
            }
            out += "\t\(r.summary)\n"
        }
        for r in RuleSet.notCheckable {
            out += "\(r.id)\tnot checked\t\(r.summary)\n\t\(r.reason)\n"
        }
        for (id, text) in Advisories.descriptions {
            out += "\(id)\twarning\t\(text)\n"
        }
        return out
    }

    /// Pretty-printed JSON with sorted keys and a final newline.
    public static func json(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
