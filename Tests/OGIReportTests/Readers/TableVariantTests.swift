import Foundation
import Testing
@testable import OGIReport

/// Variants of the seeds generated from their text must give the same values as the originals.
@Suite struct TableVariantTests {

    enum Variant: String, CaseIterable, CustomStringConvertible {
        case otherLayout, fullWidthDigits, swappedPunctuation, spacedLabels, wrappedCells, repeatedHeader
        case otherLayoutFullWidth, bareCells, bareWrappedCells, cellPerGroup, splitRows, wrappedTabLabels
        var description: String { rawValue }
        var splitsRows: Bool { self == .cellPerGroup || self == .splitRows || self == .wrappedTabLabels }

        func apply(_ text: String) -> String {
            switch self {
            case .otherLayout:
                return TableTestSupport.mapBodies(text) { _, body in
                    LineLayouts.detectLayout(body.enumerated().map { SourceLine(number: $0 + 1, text: $1) }) == .tabRows
                        ? TableTestSupport.toCellPerLine(body) : TableTestSupport.toTabRows(body)
                }
            case .fullWidthDigits: return TableTestSupport.mapBodies(text) { TableTestSupport.fullWidthDigits($1) }
            case .swappedPunctuation: return TableTestSupport.mapBodies(text) { TableTestSupport.swapPunctuation($1) }
            case .spacedLabels: return TableTestSupport.mapBodies(text) { TableTestSupport.spacedLabels($1) }
            case .wrappedCells:
                // Wrapping needs one cell per line: convert tab seeds first.
                return TableTestSupport.mapBodies(text) { _, body in
                    let cells = body.contains { $0.dropFirst().contains("\t") } ? TableTestSupport.toCellPerLine(body) : body
                    return TableTestSupport.wrapCells(cells)
                }
            case .repeatedHeader: return TableTestSupport.mapBodies(text) { TableTestSupport.repeatHeader($0, $1) }
            case .bareCells: return TableTestSupport.mapBodies(text) { TableTestSupport.bareCells($1) }
            case .bareWrappedCells:
                return TableTestSupport.mapBodies(text) { TableTestSupport.bareCells(TableTestSupport.wrapCells(TableTestSupport.asCellPerLine($1))) }
            case .cellPerGroup: return TableTestSupport.mapBodies(text) { TableTestSupport.cellPerGroup($1) }
            case .splitRows: return TableTestSupport.mapBodies(text) { TableTestSupport.splitRows($1) }
            case .wrappedTabLabels: return TableTestSupport.mapBodies(text) { TableTestSupport.wrappedTabLabels($1) }
            case .otherLayoutFullWidth:
                return Variant.fullWidthDigits.apply(Variant.swappedPunctuation.apply(Variant.otherLayout.apply(text)))
            }
        }
    }

    static let cases: [(String, Variant)] = SeedExpectation.all.flatMap { e in Variant.allCases.map { (e.name, $0) } }

    @Test(arguments: cases)
    func variantGivesTheSameValues(_ name: String, _ variant: Variant) throws {
        let e = try #require(SeedExpectation.all.first { $0.name == name })
        let text = try TableTestSupport.seedText(name)
        let varied = variant.apply(text)
        #expect(varied != text)
        let r = TableTestSupport.read(varied, fileName: "\(name)-\(variant)")
        #expect(TableSeedTests.problems(r, e) == [], "\(name) \(variant)")
        #expect(r.fragments.isEmpty, "\(name) \(variant)")
        #expect(r.incomplete == false)
        // Joining split rows is announced once per table; nothing else is worth a warning.
        let allowed: Set<String> = variant.splitsRows ? ["table.split-row"] : []
        #expect(r.diagnostics.filter { $0.severity >= .warning && !allowed.contains($0.code ?? "") }.map(\.description) == [])
        if variant.splitsRows { #expect(r.diagnostics.contains { $0.code == "table.split-row" }) }
        // Raw text and positions still point into the varied source.
        let lines = TableTestSupport.lines(varied)
        for t in r.tables {
            for c in t.cells {
                guard let p = c.position, let raw = c.raw else { Issue.record("\(c.concept) lacks position/raw"); continue }
                let line = lines[p.line - 1].text.unicodeScalars.dropFirst(p.column - 1)
                #expect(String(String.UnicodeScalarView(line.prefix(raw.unicodeScalars.count))) == raw)
            }
        }
        if variant == .otherLayout {
            #expect(r.layout == (e.layout == .tabRows ? .cellPerLine : .tabRows))
        }
    }
}
