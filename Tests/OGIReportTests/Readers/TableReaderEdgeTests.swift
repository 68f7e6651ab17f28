import Foundation
import Testing
@testable import OGIReport

/// Bad and unusual input for the table readers: unknown, duplicated, short and over-long rows,
/// cut-off tables, mixed editions, marks instead of numbers, prose around tables, garbage.
@Suite struct TableReaderEdgeTests {

    static let s000 = "000_44f90c379b4f7fce", s001 = "001_920faedf84c991f1", s002 = "002_a2c9da7275a0d61c"
    static let s003 = "003_be85ec6c6b6a0b3c"

    /// The seed text with 1-based line `n` replaced by `lines` (empty: deleted).
    static func edit(_ name: String, _ edits: [Int: [String]]) throws -> String {
        var out: [String] = []
        for l in TableTestSupport.lines(try TableTestSupport.seedText(name)) {
            if let r = edits[l.number] { out += r } else { out.append(l.text) }
        }
        return out.joined(separator: "\n")
    }

    static func seedLine(_ name: String, _ n: Int) throws -> String {
        TableTestSupport.lines(try TableTestSupport.seedText(name))[n - 1].text
    }

    static func warnings(_ r: TablesReadResult, _ code: String) -> [Diagnostic] {
        r.diagnostics.filter { $0.code == code && $0.severity >= .warning }
    }

    static func expectation(_ name: String) -> SeedExpectation { SeedExpectation.all.first { $0.name == name }! }

    @Test func unknownExtraRowBecomesAFragment() throws {
        let extra = "\t\t(八) 其他情形\t0\t0\t0\t0\t0\t0\t0"
        let text = try Self.edit(Self.s000, [78: [try Self.seedLine(Self.s000, 78), extra]])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s000)) == [])
        let w = Self.warnings(r, "table.unknown-row")
        #expect(w.count == 1 && w.first?.line == 79 && w.first?.column == 3 && w.first?.file == "test.txt")
        #expect(r.fragments.map(\.text) == [extra])
        #expect(r.fragments.first?.lines == LineRange(line: 79))
        #expect(r.consumedLines.contains(79))
    }

    @Test func unknownSubRowInAGroupIsNotGuessed() throws {
        let extra = "\t\t9. 属于其他不予公开情形\t0\t0\t0\t0\t0\t0\t0"
        let text = try Self.edit(Self.s000, [62: [try Self.seedLine(Self.s000, 62), extra]])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s000)) == [])
        #expect(Self.warnings(r, "table.unknown-row").map(\.line) == [63])
    }

    @Test func duplicatedRowKeepsTheFirst() throws {
        let original = try Self.seedLine(Self.s000, 67)  // →→2. 重复申请→1→0→0→0→0→0→1
        let text = try Self.edit(Self.s000, [67: [original, "\t\t2. 重复申请\t9\t9\t9\t9\t9\t9\t54"]])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s000)) == [])
        #expect(Self.warnings(r, "table.duplicate-row").map(\.line) == [68])
        #expect(r.fragments.count == 1 && r.fragments[0].lines == LineRange(line: 68))
    }

    @Test func cutOffTableIsIncompleteWithoutPadding() throws {
        // Seed 003 ends after line 300: （六）1's first two values, then nothing.
        let lines = TableTestSupport.lines(try TableTestSupport.seedText(Self.s003)).prefix(300)
        let r = TableTestSupport.read(lines.map(\.text).joined(separator: "\n"))
        #expect(r.incomplete)
        let w = Self.warnings(r, "table.truncated")
        #expect(w.count == 1 && w.first?.line == 300)
        let t2 = try #require(r.tables.first { $0.id == .t2 })
        #expect(t2.cell("t2.otherProcessing.noCorrection.naturalPerson")?.position?.line == 299)
        #expect(t2.cell("t2.otherProcessing.noCorrection.commercial")?.position?.line == 300)
        #expect(t2.cell("t2.otherProcessing.noCorrection.research") == nil)
        #expect(t2.cell("t2.carriedForward.total") == nil)
        #expect(t2.cell("t2.notProcessed.confirmation.total")?.presence == .zero)
        #expect(r.diagnostics.filter { $0.severity >= .warning }.count == 1)
        #expect(r.tables.map(\.id) == [.t1, .t2])
    }

    @Test func cutOffTabTable() throws {
        let lines = TableTestSupport.lines(try TableTestSupport.seedText(Self.s000)).prefix(66)
        let r = TableTestSupport.read(lines.map(\.text).joined(separator: "\n"))
        #expect(r.incomplete)
        #expect(Self.warnings(r, "table.truncated").map(\.line) == [66])
        let t2 = try #require(r.tables.first { $0.id == .t2 })
        #expect(t2.cell("t2.notProcessed.petition.total")?.presence == .zero)
        #expect(t2.cell("t2.notProcessed.repeated.total") == nil)
    }

    @Test func shortRowGetsBlanksAndAWarning() throws {
        let text = try Self.edit(Self.s000, [77: ["\t\t3. 其他\t0\t2"]])
        let r = TableTestSupport.read(text)
        let t2 = try #require(r.tables.first { $0.id == .t2 })
        #expect(t2.cell("t2.otherProcessing.other.naturalPerson")?.presence == .zero)
        #expect(t2.cell("t2.otherProcessing.other.commercial")?.number == 2)
        for col in ["research", "publicWelfare", "legalService", "otherOrg", "total"] {
            let c = try #require(t2.cell("t2.otherProcessing.other.\(col)"))
            #expect(c.presence == .blank && c.position == nil && c.raw == nil)
        }
        #expect(Self.warnings(r, "table.short-row").map(\.line) == [77])
        #expect(r.incomplete == false)
    }

    @Test func cellsBeyondTheHeaderBecomeAFragment() throws {
        let text = try Self.edit(Self.s000, [77: ["\t\t3. 其他\t0\t0\t0\t0\t0\t0\t0\t5\t6\t"]])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s000)) == [])
        #expect(r.fragments.map(\.text) == ["5\t6"])
        let w = Self.warnings(r, "table.extra-cells")
        #expect(w.count == 1 && w.first?.line == 77 && w.first?.column == 23)
    }

    @Test func marksAreNotZeros() throws {
        let text = try Self.edit(Self.s000, [51: ["一、本年新收政府信息公开申请数量\t\t14\t/\t—\t-\t无\t\t14\t"]])
        let r = TableTestSupport.read(text)
        let t2 = try #require(r.tables.first { $0.id == .t2 })
        #expect(t2.cell("t2.received.naturalPerson")?.number == 14)
        for col in ["commercial", "research", "publicWelfare", "legalService"] {
            #expect(t2.cell("t2.received.\(col)")?.presence == .notApplicable)
        }
        let blank = try #require(t2.cell("t2.received.otherOrg"))
        #expect(blank.presence == .blank && blank.number == nil && blank.raw == "" && blank.position?.line == 51)
        #expect(t2.cell("t2.received.total")?.number == 14)
    }

    @Test func textValueIsKeptWithItsRaw() throws {
        let text = try Self.edit(Self.s001, [41: ["行政许可\t约292件"]])
        let r = TableTestSupport.read(text)
        let c = try #require(r.tables.first { $0.id == .t1 }?.cell("t1.licensing.decisions"))
        #expect(c.presence == .text && c.raw == "约292件" && c.number == nil)
    }

    @Test func proseAroundTablesIsLeftAlone() throws {
        let text = try Self.edit(Self.s001, [34: ["", "单位：件", ""], 50: ["", "注：以上数据统计截至2023年12月31日。", ""]])
        // Lines shift: 单位：件 is line 35, the note after table 1 is line 54.
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s001)) == [])
        #expect(!r.consumedLines.contains(35) && !r.consumedLines.contains(54))
        #expect(r.fragments.isEmpty)
        #expect(r.diagnostics.filter { $0.severity >= .warning }.isEmpty)
        #expect(r.tables.first { $0.id == .t1 }?.lines == LineRange(37, 51))
    }

    @Test func editionsThatDisagree() throws {
        // Seed 003 (2021 tables) with seed 002's 2019 table 1: table 1 wins, 2021 rows of table 2 become fragments.
        let t1of002 = TableTestSupport.lines(try TableTestSupport.seedText(Self.s002))[17...89].map(\.text)
        let lines003 = TableTestSupport.lines(try TableTestSupport.seedText(Self.s003)).map(\.text)
        let text = (Array(lines003[0..<16]) + t1of002 + Array(lines003[60...])).joined(separator: "\n")
        let r = TableTestSupport.read(text)
        #expect(r.edition == .e2019)
        #expect(r.tableEditions == [.t1: .e2019, .t2: .e2021])
        #expect(!Self.warnings(r, "table.edition-mix").isEmpty)
        let t2 = try #require(r.tables.first { $0.id == .t2 })
        #expect(t2.cells.allSatisfy { ConceptTable.byID[$0.concept]!.editions.contains(.e2019) })
        #expect(t2.cell("t2.otherProcessing.total") == nil)
        #expect(r.fragments.count == 3)
        #expect(Self.warnings(r, "table.missing-row").count == 1)
        #expect(t2.cell("t2.total.total")?.number == 2)
    }

    @Test func table1ColumnsAreMatchedByLabel() throws {
        // Header columns in another order: values follow their header.
        let text = try Self.edit(Self.s003, [20: ["\t现行有效件数"], 22: ["\t本年制发件数"], 30: ["\t7"], 32: ["\t2"]])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s003)) == [])
        let t1 = try #require(r.tables.first { $0.id == .t1 })
        #expect(t1.cell("t1.normativeDocs.inForce")?.position?.line == 30)
    }

    @Test func edition2019OtherProcessingRowInTabLayoutWithBlanks() throws {
        // Seed 002 as tab rows, （六）其他处理 row with empty cells only: still the 2019 row (blank cells).
        let text = TableTestSupport.mapBodies(try TableTestSupport.seedText(Self.s002)) { _, body in
            TableTestSupport.toTabRows(body).map { $0.hasPrefix("\t（六）其他处理") ? "\t（六）其他处理\t\t\t\t\t\t\t" : $0 }
        }
        let r = TableTestSupport.read(text)
        #expect(r.edition == .e2019)
        let t2 = try #require(r.tables.first { $0.id == .t2 })
        #expect(t2.cell("t2.otherProcessing.naturalPerson")?.presence == .blank)
        #expect(t2.cell("t2.otherProcessing.total")?.presence == .blank)
        #expect(t2.cell("t2.total.total")?.presence == .zero)
    }

    @Test func unknownBlockCaption() throws {
        let text = try Self.edit(Self.s001, [42: ["第二十条第（七）项\t\t\t"]])
        let r = TableTestSupport.read(text)
        #expect(Self.warnings(r, "table.unknown-block").map(\.line) == [42])
        // Rows are found by their own labels, so the values are still read.
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s001)) == [])
    }

    @Test func noTableInASection() {
        let body = [SourceLine(number: 10, text: "本年度未产生相关数据。")]
        let r = TablesReader.read(bodies: [.t3: body], fileName: "x.txt")
        #expect(r.tables.isEmpty && r.layout == .none && r.consumedLines.isEmpty)
        #expect(r.diagnostics.map(\.code) == ["table.not-found"])
        #expect(r.diagnostics.first?.line == 10)
    }

    @Test func table3WithoutHeader() {
        let body = [SourceLine(number: 5, text: String(repeating: "0\t", count: 14) + "1")]
        let r = TablesReader.read(bodies: [.t3: body], fileName: "x.txt")
        #expect(r.tables.first?.cells.count == 15)
        #expect(r.tables.first?.cell("t3.suitAfterReview.total")?.number == 1)
        #expect(!Self.warnings(r, "table.missing-header").isEmpty)
    }

    @Test func rowSplitOverTwoGroupsIsJoinedWithAWarning() throws {
        // Seed 003, row （四）1: a blank line between its label and its values.
        let text = try Self.edit(Self.s003, [210: [try Self.seedLine(Self.s003, 210), ""]])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s003)) == [])
        let w = Self.warnings(r, "table.split-row")
        #expect(w.count == 1 && w.first?.line == 212)
        #expect(r.fragments.isEmpty)
    }

    @Test func wrappedTable1LabelInTabRows() throws {
        // "行政规范性文件" wrapped: "行政规" on one line, "范性文件" with the values on the next.
        let text = try Self.edit(Self.s001, [38: ["行政规", "范性文件\t0\t0\t0"]])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s001)) == [])
        #expect(r.fragments.isEmpty)
        #expect(r.diagnostics.filter { $0.severity >= .warning }.isEmpty)
        #expect(r.consumedLines.isSuperset(of: [38, 39]))
    }

    @Test func table1HeaderWithoutCaptions() throws {
        // Seed 003 without its 第二十条 captions: rows still land on their blocks, columns by the headers.
        let text = try Self.edit(Self.s003, [17: [], 34: [], 42: [], 53: []])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s003)) == [])
        #expect(r.diagnostics.filter { $0.severity >= .warning }.map(\.description) == [])
    }

    @Test func proseIsNoTable() {
        let body = ["", "本年度，本机关未发生因政府信息公开引起的行政复议、行政诉讼。", "", "2023", "", "特此报告。"]
            .enumerated().map { SourceLine(number: 40 + $0.offset, text: $0.element) }
        #expect(LineLayouts.detectLayout(body) == .none)
        let r = TablesReader.read(bodies: [.t3: body], fileName: "x.txt")
        #expect(r.tables.isEmpty && r.consumedLines.isEmpty)
        #expect(r.diagnostics.map(\.code) == ["table.not-found"])
    }

    @Test func table3ValuesOverTwoRows() throws {
        // Seed 001's table 3 values split after the 7th cell (a page break inside the row).
        let values = try Self.seedLine(Self.s001, 88).split(separator: "\t", omittingEmptySubsequences: false)
        let text = try Self.edit(Self.s001, [88: [values[..<7].joined(separator: "\t"), values[7...].joined(separator: "\t")]])
        let r = TableTestSupport.read(text)
        #expect(TableSeedTests.problems(r, Self.expectation(Self.s001)) == [])
        #expect(Self.warnings(r, "table.split-row").count == 1)
        #expect(r.tables.first { $0.id == .t3 }?.cell("t3.suitAfterReview.total")?.position?.line == 89)
    }

    @Test func uncertainSignedValue() throws {
        let text = try Self.edit(Self.s002, [46: ["\t增72"]])
        let r = TableTestSupport.read(text)
        let c = try #require(r.tables.first { $0.id == .t1 }?.cell("t1.licensing.change"))
        #expect(c.number == 72 && c.uncertain && c.raw == "增72" && c.presence == .value)
    }

    /// Random garbage made of table-ish pieces: never a crash or a hang, and the result is sane.
    @Test func garbageNeverCrashes() {
        var rng = SeededRNG(seed: 2024)
        let pieces = ["", "\t", "\t\t", "0", "12", "-5", "/", "无", "第二十条第（一）项", "信息内容", "本年制发件数", "规章",
                      "行政许可", "（三）不予公开", "1.属于国家秘密", "（六）其他处理", "3.其他", "（七）总计", "总计", "其他",
                      "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理", "申请人情况", "结果维持", "行政复议",
                      "本年增/减", "上一年项目数量", "商业", "企业", "garbage", "（本列数据的勾稽关系为：…）", "\u{A0}", "２５６０万元"]
        for _ in 0..<150 {
            var bodies: [TableID: [SourceLine]] = [:]
            var n = 1
            for id in TableID.allCases {
                var lines: [SourceLine] = []
                for _ in 0..<Int(rng.next() % 25) {
                    let cells = (0..<Int(rng.next() % 5)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                    let text = (rng.next() % 2 == 0 ? "\t" : "") + cells.joined(separator: rng.next() % 3 == 0 ? "\t" : "")
                    lines.append(SourceLine(number: n, text: text)); n += 1
                }
                bodies[id] = lines
            }
            let r = TablesReader.read(bodies: bodies, fileName: "fuzz")
            let all = Set(bodies.values.flatMap { $0.map(\.number) })
            #expect(r.consumedLines.isSubset(of: all))
            for f in r.fragments { #expect(r.consumedLines.contains(f.lines.first)) }
            for t in r.tables {
                let concepts = t.cells.map(\.concept)
                #expect(Set(concepts).count == concepts.count)
                #expect(concepts.allSatisfy { ConceptTable.byID[$0]?.table == t.id })
            }
            #expect(r.diagnostics.allSatisfy { $0.file == "fuzz" })
        }
    }
}
