/// How a rule is expanded into instances over a table's layout.
public enum RuleScope: String, Sendable, Hashable, Codable {
    /// One instance per column of the table; the formula's terms are row keys.
    case eachColumn = "each-column"
    /// One instance per value row of the table; the formula's terms are column keys.
    case eachRow = "each-row"
    /// One instance per column group of the table (table 3: 行政复议, 未经复议直接起诉, 复议后起诉);
    /// the formula's terms are the last part of the column keys (`total`, `upheld` …).
    case eachGroup = "each-group"
}

/// One term of a rule formula: a signed key.
///
/// A row key also names its sub-rows: in an `eachColumn` rule, `withheld` stands for every row
/// whose key is `withheld` or starts with `withheld.` (（三）1–8), and `otherProcessing` for the
/// one row of edition 2019 or the three sub-rows of edition 2021.
public struct RuleTerm: Sendable, Hashable {
    /// +1 or −1.
    public let sign: Int
    public let key: String

    public init(sign: Int = 1, key: String) { self.sign = sign < 0 ? -1 : 1; self.key = key }
}

/// A consistency rule: an equation of two signed sums over concept keys, expanded per column,
/// row or group of one table.
///
/// Rules are data: see ``RuleSet/rules``. The formula is written with row or column keys of
/// ``ConceptTable`` (`"received + carriedOver = total + carriedForward"`); labels shown to
/// people are derived from the concept table.
public struct Rule: Sendable, Hashable {
    /// Stable id, e.g. "OGI-R1".
    public let id: String
    /// How serious a failure is.
    public let severity: Severity
    public let table: TableID
    public let scope: RuleScope
    /// The equation over keys, e.g. "received + carriedOver = total + carriedForward".
    public let equation: String
    /// A one-line description (with the official wording where there is one).
    public let summary: String
    /// Terms of the left side; the first one is the cell a failure points at.
    public let left: [RuleTerm]
    /// Terms of the right side.
    public let right: [RuleTerm]

    /// Builds a rule from its equation text.
    /// - Precondition: `equation` is `TERM (± TERM)* = TERM (± TERM)*` (checked by the tests for
    ///   every rule of ``RuleSet``; rules are program data, not input).
    public init(id: String, severity: Severity, table: TableID, scope: RuleScope, equation: String, summary: String) {
        guard let (l, r) = Rule.parse(equation) else {
            preconditionFailure("rule \(id): malformed equation \(equation)")
        }
        self.id = id; self.severity = severity; self.table = table; self.scope = scope
        self.equation = equation; self.summary = summary; self.left = l; self.right = r
    }

    /// Parses `a + b - c = d + e`; nil when malformed.
    public static func parse(_ equation: String) -> ([RuleTerm], [RuleTerm])? {
        let tokens = equation.split(whereSeparator: { $0 == " " }).map(String.init)
        var sides: [[RuleTerm]] = [[]]
        var sign = 1
        var expectTerm = true
        for t in tokens {
            switch t {
            case "+", "-":
                if expectTerm { return nil }
                sign = t == "-" ? -1 : 1; expectTerm = true
            case "=":
                if expectTerm || sides.count == 2 { return nil }
                sides.append([]); sign = 1; expectTerm = true
            default:
                guard expectTerm, t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }) else { return nil }
                sides[sides.count - 1].append(RuleTerm(sign: sign, key: t)); expectTerm = false
            }
        }
        guard sides.count == 2, !expectTerm, !sides[0].isEmpty, !sides[1].isEmpty else { return nil }
        return (sides[0], sides[1])
    }
}
