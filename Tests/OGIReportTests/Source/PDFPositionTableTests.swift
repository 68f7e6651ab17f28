import Foundation
import Testing
@testable import OGIReport

/// ``PDFPositionTableBuilder`` on synthetic pages (characters placed by hand): columns from where
/// the numbers stand, wrapped labels joined to their row, header lines as rows, and a number out of
/// line left out of the grid with a warning and kept as text.
@Suite struct PDFPositionTableTests {
    /// Characters of `text` from x, 10 pt wide CJK / 5 pt other, on the line whose middle is y.
    static func glyphs(_ text: String, x: Double, y: Double) -> [PDFGlyph] {
        var out: [PDFGlyph] = [], x = x
        for s in text.unicodeScalars {
            let w = PDFTextLine.isWide(s) ? 10.0 : 5.0
            out.append(PDFGlyph(scalar: s, box: PageBox(x0: x, y0: y - 5, x1: x + w, y1: y + 5)))
            x += w
        }
        return out
    }

    static func page(_ parts: [(String, Double, Double)]) -> PDFPageContent {
        PDFPageContent(number: 1, width: 600, height: 800, glyphs: parts.flatMap { glyphs($0.0, x: $0.1, y: $0.2) }, rulings: [])
    }

    /// Four rows under a header, one label wrapped onto a second line.
    static let rows: [(String, Double, Double)] = [
        ("申请人", 100, 90), ("总计", 300, 90),
        ("甲项", 20, 110), ("1", 100, 110), ("2", 200, 110), ("3", 300, 110),
        ("乙项很长的", 20, 130), ("4", 100, 130), ("5", 200, 130), ("6", 300, 130),
        ("名称", 20, 144),
        ("丙项", 20, 160), ("7", 100, 160), ("8", 200, 160), ("9", 300, 160),
        ("丁项", 20, 180), ("0", 100, 180), ("0", 200, 180), ("0", 300, 180),
    ]

    @Test func columnsFromNumbersAndWrappedLabels() throws {
        let p = Self.page(Self.rows)
        var used = [Bool](repeating: false, count: p.glyphs.count)
        let (tables, warnings) = PDFPositionTableBuilder.tables(p, used: &used, rulings: [])
        let t = try #require(tables.first)
        #expect(tables.count == 1 && warnings.isEmpty && t.byPositions)
        let texts = t.rows.map { $0.map(\.text) }
        #expect(texts.first?.contains("申请人") == true)
        #expect(texts.contains(["甲项", "1", "2", "3"]))
        #expect(texts.contains(["乙项很长的\n名称", "4", "5", "6"]), "\(texts)")
        #expect(texts.contains(["丁项", "0", "0", "0"]))
        #expect(used.allSatisfy { $0 }, "every character is in a cell")
    }

    @Test func aNumberOutOfLineIsLeftOutAndSaid() throws {
        var parts = Self.rows
        // 丙项's middle value stands halfway between two columns.
        parts[parts.firstIndex { $0.0 == "8" }!] = ("8", 150, 160)
        let p = Self.page(parts)
        var used = [Bool](repeating: false, count: p.glyphs.count)
        let (tables, warnings) = PDFPositionTableBuilder.tables(p, used: &used, rulings: [])
        let t = try #require(tables.first)
        #expect(!t.cells.contains { $0.text == "8" })
        #expect(warnings.contains { $0.contains("\"8\"") && $0.contains("between two columns") }, "\(warnings)")
        // Not lost: the character stays free, so it goes to the page's text lines.
        let eight = try #require(p.glyphs.firstIndex { $0.scalar == "8" })
        #expect(!used[eight])
        // Its row keeps its other values in their columns, the middle one blank.
        #expect(t.rows.map { $0.map(\.text) }.contains(["丙项", "7", "", "9"]))
    }

    @Test func runningTextIsNoTable() {
        let p = Self.page([("二〇二三年，本机关共收到申请十二件，办结十二件。", 20, 100), ("全年公开信息三百件，其中规范性文件五件。", 20, 120)])
        var used = [Bool](repeating: false, count: p.glyphs.count)
        #expect(PDFPositionTableBuilder.tables(p, used: &used, rulings: []).tables.isEmpty)
    }

    @Test func valueTokens() {
        for s in ["0", "12", "1,234", "3.5", "-58", "12%", "/", "—", "－"] { #expect(PDFPositionTableBuilder.isValueToken(s), "\(s)") }
        for s in ["1.", "第一", "2023年", "abc", "1.属于"] { #expect(!PDFPositionTableBuilder.isValueToken(s), "\(s)") }
        #expect(PDFPositionTableBuilder.isAmount("0万元") && !PDFPositionTableBuilder.isAmount("万元"))
    }
}
