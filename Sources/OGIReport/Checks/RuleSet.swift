/// The consistency rules (勾稽关系) of the national format, as data, in one place.
///
/// Keys are ``ConceptTable`` row keys (`eachColumn`), column keys (`eachRow`) or the last part
/// of table 3's column keys (`eachGroup`); see ``RuleTerm`` for how a row key names its
/// sub-rows. Expansion to instances uses ``ConceptTable/spec(_:_:)``, so every rule works in
/// both editions.
///
/// **R2** ("each application has one outcome; 部分公开 counts only there") is not checkable
/// from the numbers: it constrains how an agency counts an application, and a miscount leaves
/// no trace in the totals that R1, R3 and R4 do not already see. It has no entry here; see
/// ``RuleSet/notCheckable``.
public enum RuleSet {
    /// Every checkable rule, in report order.
    public static let rules: [Rule] = [
        Rule(id: "OGI-R1", severity: .error, table: .t2, scope: .eachColumn,
             equation: "received + carriedOver = total + carriedForward",
             summary: "the 勾稽关系 printed in table 2's header note (ConceptTable.t2Note), for every column"),
        Rule(id: "OGI-R3", severity: .error, table: .t2, scope: .eachColumn,
             equation: "total = disclosed + partlyDisclosed + withheld + unavailable + notProcessed + otherProcessing",
             summary: "the outcome total equals the outcome rows summed (sub-rows of a group counted once each), for every column"),
        Rule(id: "OGI-R4", severity: .error, table: .t2, scope: .eachRow,
             equation: "total = naturalPerson + commercial + research + publicWelfare + legalService + otherOrg",
             summary: "the total column equals the six applicant columns summed, for every row"),
        Rule(id: "OGI-R5", severity: .error, table: .t3, scope: .eachGroup,
             equation: "total = upheld + corrected + other + pending",
             summary: "each group's total equals its four outcomes summed, for each of table 3's three groups"),
    ]

    /// Rules of the format that the numbers cannot show, with the reason.
    public static let notCheckable: [(id: String, summary: String, reason: String)] = [
        ("OGI-R2", "each application has one outcome; 部分公开 counts only there",
         "a property of how applications are counted; a miscount is not visible in the published totals"),
    ]

    /// Every rule expanded for an edition, in order (computed once per edition).
    public static func instances(_ edition: Edition) -> [RuleInstance] {
        switch edition {
        case .e2019: return instances2019
        case .e2021: return instances2021
        }
    }

    private static let instances2019 = rules.flatMap { $0.instances(.e2019) }
    private static let instances2021 = rules.flatMap { $0.instances(.e2021) }

    /// The rule with this id.
    public static func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
