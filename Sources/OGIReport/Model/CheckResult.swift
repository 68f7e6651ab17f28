import Foundation

/// The outcome of one consistency rule on one instance (a column, a row or a group).
public enum CheckStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case pass = "PASS"
    case fail = "FAIL"
    /// A needed cell is blank, a not-applicable mark or text: neither pass nor fail.
    case notAssessable = "NOT_ASSESSABLE"
    /// A needed value was read from a doubtful cell.
    case uncertain = "UNCERTAIN"
}

/// A cell a check result refers to.
public struct CellRef: Sendable, Hashable {
    public var concept: ConceptID
    public var position: SourcePosition?

    public init(concept: ConceptID, position: SourcePosition? = nil) {
        self.concept = concept; self.position = position
    }
}

/// One result of a consistency rule (勾稽关系 R1–R5) or an advisory.
public struct CheckResult: Sendable, Hashable {
    /// Stable rule id, e.g. "OGI-R1".
    public var rule: String
    /// How serious a failure of this rule is (errors for R1–R5, warnings for advisories).
    public var severity: Severity
    public var status: CheckStatus
    /// What the rule was applied to, e.g. "column naturalPerson" (ASCII, stable).
    public var instance: String
    /// The formula written with official labels, e.g. "一+二 = （七）总计+四 in column 自然人".
    public var formula: String
    public var left: Decimal?
    public var right: Decimal?
    /// A human sentence saying what was found.
    public var message: String
    /// Every cell involved, with its source position.
    public var cells: [CellRef]

    public init(rule: String, severity: Severity, status: CheckStatus, instance: String, formula: String,
                left: Decimal? = nil, right: Decimal? = nil, message: String, cells: [CellRef] = []) {
        self.rule = rule; self.severity = severity; self.status = status; self.instance = instance
        self.formula = formula; self.left = left; self.right = right; self.message = message; self.cells = cells
    }

    /// left − right, when both are known.
    public var difference: Decimal? {
        guard let l = left, let r = right else { return nil }
        return l - r
    }
}
