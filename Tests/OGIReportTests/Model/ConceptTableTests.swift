import Testing
@testable import OGIReport

@Suite struct ConceptTableTests {
    @Test func idsAreUniqueASCII() {
        let ids = ConceptTable.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }, "\(id)") }
    }

    @Test func table2HasOfficialRowCounts() {
        #expect(ConceptTable.spec(.t2, .e2019).blocks[0].rows.count == 23)
        #expect(ConceptTable.spec(.t2, .e2021).blocks[0].rows.count == 25)
        #expect(ConceptTable.concepts(.t2, .e2021).count == 25 * 7)
        #expect(ConceptTable.concepts(.t3, .e2019).count == 15)
    }

    @Test func table1Blocks() {
        #expect(ConceptTable.concepts(.t1, .e2021).count == 6 + 1 + 2 + 1)
        #expect(ConceptTable.concepts(.t1, .e2019).count == 6 + 6 + 6 + 2 + 2)
        #expect(ConceptTable.byID["t1.change" ] == nil)
        #expect(ConceptTable.byID["t1.licensing.change"]?.kind == .signedCount)
        #expect(ConceptTable.byID["t1.licensing.decisions"]?.editions == [.e2019, .e2021])
        #expect(ConceptTable.byID["t1.procurement.amount"]?.kind == .amountWithUnit)
        #expect(ConceptTable.byID["t3.suitDirect.total"] != nil)
    }
}

@Suite struct ConceptOrderTests {
    /// The canonical cell order keeps each edition's reading order.
    @Test(arguments: Edition.allCases) func readingOrderIsASubsequence(_ edition: Edition) {
        let positions = ConceptTable.concepts(edition).map { ConceptTable.order[$0.id]! }
        #expect(positions == positions.sorted())
        #expect(ConceptTable.all.count == Set(ConceptTable.concepts(.e2019).map(\.id)).union(ConceptTable.concepts(.e2021).map(\.id)).count)
    }
}

@Suite struct DiagnosticTests {
    @Test func descriptionIsCompilerStyleAndOneLine() {
        let d = Diagnostic.warning("unknown row “内\n容” in table 1", code: "table.unknown-row", file: "a.txt", line: 3, column: 2)
        #expect(d.description == "a.txt:3:2: warning[table.unknown-row]: unknown row “内⏎容” in table 1")
        #expect(Diagnostic.error("x\r\ny").description == "error: x⏎y")
    }
}
