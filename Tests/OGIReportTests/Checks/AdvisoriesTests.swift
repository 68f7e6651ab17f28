import Foundation
import Testing
@testable import OGIReport

/// Advisories: narrative numbers against the tables, edition vs year, missing or empty parts.
@Suite struct AdvisoriesTests {
    /// Seed 000's narrative, broken across paragraphs as in the source ("不\n\n予处理").
    static let narrative000 = [
        "2023 年我局在办理依申请公开信息工作中，畅通依申请公开政府信息情况受理渠道、精准规范答复意见，提升依申请公开办理质量。全年收到信息公开申请 14 件，受理申请 14 件，其中予以公开 4 件、部分公开 0 件，不予公开 8 件，无法提供 1 件，不",
        "予处理 1 件。因政府信息公开申请引发行政复议 0 件；引发行政诉讼 0 件。",
    ]

    static func scan(_ texts: [String]) -> [NarrativeClaim] {
        NarrativeScanner.scan(texts.enumerated().map { (text: $1, line: 15 + 2 * $0) },
                              patterns: Advisories.narrativeTargets.map(\.pattern), year: 2023)
    }

    @Test func scannerFindsSeed000Statements() {
        let claims = Self.scan(Self.narrative000)
        let byKey = Dictionary(grouping: claims, by: \.key).mapValues { $0.map(\.number) }
        #expect(byKey["received"] == [14, 14])
        #expect(byKey["disclosed"] == [4])
        #expect(byKey["partlyDisclosed"] == [0])
        #expect(byKey["withheld"] == [8])
        #expect(byKey["unavailable"] == [1])
        #expect(byKey["notProcessed"] == [1])
        #expect(byKey["review"] == [0])
        #expect(byKey["litigation"] == [0])
        #expect(claims.count == 9)
        #expect(claims.first { $0.key == "notProcessed" }?.line == 17)
        #expect(claims.first { $0.key == "disclosed" }?.line == 15)
    }

    @Test func scannerVariants() {
        func keys(_ s: String) -> [String: [Int]] {
            Dictionary(grouping: Self.scan([s]), by: \.key).mapValues { $0.map(\.number) }
        }
        #expect(keys("2023年我局收到政府信息公开申请信件6条，已办理完结4条") == ["received": [6]])
        #expect(keys("在办理上，全年受理政府信息公开申请2件，均在规定的时间内依法进行办理。") == ["received": [2]])
        #expect(keys("予以公开４件") == ["disclosed": [4]])
        #expect(keys("不予以公开 3 件") == [:])
        #expect(keys("收到行政复议申请 2 件") == ["review": [2]])
        #expect(keys("发出收费通知0件，涉及收费金额0元") == [:])
        #expect(keys("予以公开、部分公开共 5 件") == ["partlyDisclosed": [5]])
        #expect(keys("结转下年度继续办理 1 件") == ["carriedForward": [1]])
        #expect(keys("予以公开 12 3件") == [:])
        #expect(keys("") == [:])
        #expect(keys("较去年收到申请10件增加4件") == [:])
        #expect(keys("全年收到申请14件，同比增加2件") == ["received": [14]])
        #expect(keys("2022年受理申请10件") == [:])
        #expect(keys("2023年受理申请10件") == ["received": [10]])
        #expect(keys("2023年以来累计受理申请100件") == [:])
        #expect(keys("予以公开") == [:])
        #expect(keys("予以公开 99999999999999999999 件") == [:])
    }

    /// Seed 000's tables and narrative: every statement agrees (no false alarm).
    static func seed000Like() -> Report {
        var v: [ConceptID: Int] = [:]
        for (row, n) in [("received", 14), ("disclosed", 4), ("withheld.internalAffairs", 7), ("withheld.enforcementFile", 1),
                         ("unavailable.notHeld", 1), ("notProcessed.repeated", 1), ("total", 14)] {
            v["t2.\(row).naturalPerson"] = n; v["t2.\(row).total"] = n
        }
        return ConsistentReport.report(.e2021, values: v, paragraphs: [.overview: narrative000])
    }

    @Test func seed000NarrativeAgrees() {
        let results = Checker.run(Self.seed000Like())
        #expect(results.filter { $0.status != .pass }.isEmpty, "\(results.filter { $0.status != .pass }.map(\.message))")
        let a1 = results.filter { $0.rule == "OGI-A1" }
        #expect(a1.count == 9)
        #expect(a1.allSatisfy { $0.severity == .warning })
        let withheld = a1.first { $0.instance == "narrative withheld line 2010" }
        #expect(withheld?.message == "the narrative says \"不予公开8件\" (line 2010), and table 2 Σ（三） 总计 is 8")
        #expect(withheld?.cells.count == 8)
    }

    @Test func contradictingNarrativeWarns() {
        var r = Self.seed000Like()
        ConsistentReport.set(&r, "t2.disclosed.total") { $0 = .number($0.concept, 3, position: $0.position) }
        let results = Checker.run(r)
        let a1 = results.first { $0.rule == "OGI-A1" && $0.instance.hasPrefix("narrative disclosed") }
        #expect(a1?.status == .fail)
        #expect(a1?.severity == .warning)
        #expect(a1?.message == "the narrative says \"予以公开4件\" (line 2010), but table 2 （一） 总计 is 3")
        #expect(a1?.left == 4 && a1?.right == 3)
        #expect(!Checker.isFailure(a1!))
        // Blank cell: not assessable, never a warning.
        ConsistentReport.set(&r, "t2.disclosed.total") { $0 = .blank($0.concept, position: $0.position) }
        let b = Checker.run(r).first { $0.rule == "OGI-A1" && $0.instance.hasPrefix("narrative disclosed") }
        #expect(b?.status == .notAssessable)
    }

    /// "受理 N 件" may count 一 or 一+二; either agrees.
    @Test func receivedMayIncludeCarriedOver() {
        var v: [ConceptID: Int] = [:]
        for (row, n) in [("received", 2), ("carriedOver", 1), ("disclosed", 3), ("total", 3)] {
            v["t2.\(row).naturalPerson"] = n; v["t2.\(row).total"] = n
        }
        let r = ConsistentReport.report(.e2021, values: v, paragraphs: [.overview: ["全年受理政府信息公开申请3件。"]])
        let a1 = Checker.run(r).filter { $0.rule == "OGI-A1" }
        #expect(a1.count == 1)
        #expect(a1.first?.status == .pass)
        #expect(a1.first?.message.contains("一+二 总计 = 3") == true)
    }

    @Test func editionYear() {
        var rng = SeededRNG(seed: 1)
        let old = ConsistentReport.make(.e2019, rng: &rng, year: 2024)
        let a2 = Checker.run(old).filter { $0.rule == "OGI-A2" }
        #expect(a2.count == 1 && a2[0].severity == .warning && a2[0].status == .fail)
        #expect(Checker.run(ConsistentReport.make(.e2019, rng: &rng, year: 2021)).allSatisfy { $0.rule != "OGI-A2" })
        #expect(Checker.run(ConsistentReport.make(.e2021, rng: &rng, year: 2024)).allSatisfy { $0.rule != "OGI-A2" })
    }

    @Test func missingAndEmptyParts() {
        var rng = SeededRNG(seed: 2)
        var r = ConsistentReport.make(.e2021, rng: &rng)
        r.sections.removeAll { $0.kind == .problems }
        r.sections[0].blocks = [Block(.paragraph, "  \n")]
        r.tables.removeAll { $0.id == .t3 }
        r.sections[3].blocks = []  // section 四 without its table and text
        let adv = Checker.run(r).filter { $0.rule.hasPrefix("OGI-A") }
        #expect(adv.map(\.rule) == ["OGI-A3", "OGI-A4", "OGI-A5", "OGI-A5"])
        #expect(adv.map(\.instance) == ["table t3", "section problems", "section overview", "section review-litigation"])
        #expect(adv[1].message == "section 五、存在的主要问题及改进情况 is missing")
        #expect(adv[2].message == "section 一、总体情况 (line 1001) is empty")
        #expect(adv.allSatisfy { $0.severity == .warning && !Checker.isFailure($0) })
    }
}
