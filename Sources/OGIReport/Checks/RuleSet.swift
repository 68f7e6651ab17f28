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
             summary: "一+二 = 三（七）总计+四 for every column of table 2 (the 勾稽关系 printed in the table)"),
        Rule(id: "OGI-R3", severity: .error, table: .t2, scope: .eachColumn,
             equation: "total = disclosed + partlyDisclosed + withheld + unavailable + notProcessed + otherProcessing",
             summary: "（七）总计 = （一）+（二）+Σ（三）+Σ（四）+Σ（五）+（六） for every column of table 2"),
        Rule(id: "OGI-R4", severity: .error, table: .t2, scope: .eachRow,
             equation: "total = naturalPerson + commercial + research + publicWelfare + legalService + otherOrg",
             summary: "总计 = the six applicant columns summed, for every row of table 2"),
        Rule(id: "OGI-R5", severity: .error, table: .t3, scope: .eachGroup,
             equation: "total = upheld + corrected + other + pending",
             summary: "总计 = 结果维持+结果纠正+其他结果+尚未审结 for each of table 3's three groups"),
    ]

    /// Rules of the format that the numbers cannot show, with the reason.
    public static let notCheckable: [(id: String, summary: String, reason: String)] = [
        ("OGI-R2", "each application has one outcome; 部分公开 counts only there",
         "a property of how applications are counted; a miscount is not visible in the published totals"),
    ]

    /// The rule with this id.
    public static func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
