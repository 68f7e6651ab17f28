import Foundation
import Testing
@testable import OGIReport

/// The rule data: parsing, expansion per edition and the labelled formulas.
@Suite struct RuleSetTests {
    @Test func idsAreStableAndUnique() {
        #expect(RuleSet.rules.map(\.id) == ["OGI-R1", "OGI-R3", "OGI-R4", "OGI-R5"])
        #expect(RuleSet.rules.allSatisfy { $0.severity == .error })
        #expect(RuleSet.notCheckable.map(\.id) == ["OGI-R2"])
    }

    @Test func ruleListing() {
        let text = CheckReport.ruleListing()
        #expect(text.contains("OGI-R1\terror\tt2 each-column\treceived + carriedOver = total + carriedForward\n\tedition 2019: 一+二 = （七）总计+四\n"))
        #expect(text.contains("edition 2021: （七）总计 = （一）+（二）+Σ（三）+Σ（四）+Σ（五）+Σ（六）\n"))
        #expect(text.contains("OGI-R2\tnot checked"))
        #expect(text.contains("OGI-A5\twarning"))
    }

    @Test func equationParsing() {
        let p = Rule.parse("a + b - c = d")
        #expect(p?.0.map(\.key) == ["a", "b", "c"])
        #expect(p?.0.map(\.sign) == [1, 1, -1])
        #expect(p?.1.map(\.key) == ["d"])
        for bad in ["", "a", "a =", "= a", "a + = b", "a = b = c", "a b = c", "a + b", "一 = 二"] {
            #expect(Rule.parse(bad) == nil, "\(bad)")
        }
    }

    /// Every term of every rule names cells of the layout in both editions.
    @Test(arguments: Edition.allCases)
    func everyTermExpandsToCells(_ edition: Edition) {
        for rule in RuleSet.rules {
            let insts = rule.instances(edition)
            #expect(!insts.isEmpty)
            for i in insts {
                for t in i.left + i.right {
                    #expect(!t.concepts.isEmpty, "\(rule.id) \(i.instance) \(t.label)")
                    for c in t.concepts { #expect(ConceptTable.byID[c]?.editions.contains(edition) == true, "\(c)") }
                }
                #expect(i.instance.allSatisfy { $0.isASCII })
            }
        }
    }

    @Test func instanceCounts() {
        func count(_ id: String, _ e: Edition) -> Int { RuleSet.rule(id)!.instances(e).count }
        #expect(count("OGI-R1", .e2021) == 7 && count("OGI-R3", .e2019) == 7)
        #expect(count("OGI-R4", .e2019) == 23 && count("OGI-R4", .e2021) == 25)
        #expect(count("OGI-R5", .e2021) == 3)
    }

    @Test func formulasUseOfficialShortLabels() {
        let r1 = RuleSet.rule("OGI-R1")!.instances(.e2021)
        #expect(r1[0].instance == "column naturalPerson")
        #expect(r1[0].formula() == "一+二 = （七）总计+四 in column 自然人")
        #expect(r1[1].formula() == "一+二 = （七）总计+四 in column 商业企业")
        #expect(r1[5].formula().hasSuffix("in column 法人或其他组织·其他"))
        let r3_2019 = RuleSet.rule("OGI-R3")!.instances(.e2019)[6]
        #expect(r3_2019.formula() == "（七）总计 = （一）+（二）+Σ（三）+Σ（四）+Σ（五）+（六） in column 总计")
        #expect(r3_2019.right.last?.concepts == ["t2.otherProcessing.total"])
        let r3_2021 = RuleSet.rule("OGI-R3")!.instances(.e2021)[0]
        #expect(r3_2021.formula() == "（七）总计 = （一）+（二）+Σ（三）+Σ（四）+Σ（五）+Σ（六） in column 自然人")
        #expect(r3_2021.right.map(\.concepts.count) == [1, 1, 8, 3, 5, 3])
        let r4 = RuleSet.rule("OGI-R4")!.instances(.e2021)
        #expect(r4[0].formula() == "总计 = 自然人+商业企业+科研机构+社会公益组织+法律服务机构+法人或其他组织·其他 in row 一")
        let notHeld = r4.first { $0.instance == "row unavailable.notHeld" }
        #expect(notHeld?.place == "in row （四）1")
        #expect(r4.first { $0.instance == "row total" }?.place == "in row （七）总计")
        let r5 = RuleSet.rule("OGI-R5")!.instances(.e2021)
        #expect(r5.map(\.instance) == ["group review", "group suitDirect", "group suitAfterReview"])
        #expect(r5[1].formula() == "总计 = 结果维持+结果纠正+其他结果+尚未审结 in group 行政诉讼 未经复议直接起诉")
    }

    @Test func shortLabels() {
        #expect(ShortLabel.numbering("一、本年新收政府信息公开申请数量") == "一")
        #expect(ShortLabel.numbering("（三）不予公开") == "（三）")
        #expect(ShortLabel.numbering("(3)不予公开") == "（3）")
        #expect(ShortLabel.numbering("12.属于") == "12")
        #expect(ShortLabel.numbering("规章") == nil)
        #expect(ShortLabel.numbering("一") == nil)
        #expect(ShortLabel.concept("t2.withheld.stateSecret.total") == "（三）1 总计")
        #expect(ShortLabel.concept("t2.received.naturalPerson") == "一 自然人")
        #expect(ShortLabel.concept("t3.suitAfterReview.pending") == "行政诉讼 复议后起诉 尚未审结")
        #expect(ShortLabel.concept("t1.regulations.issued") == "规章 本年制发件数")
        #expect(ShortLabel.concept("t2.otherProcessing.total", edition: .e2019) == "（六） 总计")
        #expect(ShortLabel.concept("nonsense") == "nonsense")
    }

    /// The message of a failing R1 reads like the example.
    @Test func failMessage() {
        var values: [ConceptID: Int] = [:]
        values["t2.received.naturalPerson"] = 1
        let r = ConsistentReport.report(.e2019, values: values)
        let results = Checker.run(r)
        let r1 = results.first { $0.rule == "OGI-R1" && $0.instance == "column naturalPerson" }
        #expect(r1?.status == .fail)
        #expect(r1?.message == "一+二 ≠ （七）总计+四 in column 自然人: 1 + 0 = 1, but 0 + 0 = 0")
        #expect(r1?.formula == "一+二 = （七）总计+四 in column 自然人")
        #expect(r1?.left == 1 && r1?.right == 0 && r1?.difference == 1)
        #expect(r1?.cells.map(\.concept) == ["t2.received.naturalPerson", "t2.carriedOver.naturalPerson",
                                              "t2.total.naturalPerson", "t2.carriedForward.naturalPerson"])
        #expect(r1?.cells.allSatisfy { $0.position != nil } == true)
        let r4 = results.first { $0.rule == "OGI-R4" && $0.instance == "row received" }
        #expect(r4?.message == "总计 ≠ 自然人+商业企业+科研机构+社会公益组织+法律服务机构+法人或其他组织·其他 in row 一: 0, but 1 + 0 + 0 + 0 + 0 + 0 = 1")
        #expect(results.filter { Checker.isFailure($0) }.count == 2)
    }
}
