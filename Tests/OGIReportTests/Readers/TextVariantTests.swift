import Foundation
import Testing
@testable import OGIReport

/// Variants generated from the seeds by tools/make-variants.py (CRLF, CR, BOM, GB18030, UTF-16LE/BE,
/// full-width digits in table values) must read to their original's metadata and table values.
@Suite struct TextVariantTests {
    static var variants: [URL] { Fixtures.files(in: "variants", ext: "txt") }

    /// The seed a variant was made from: "000_x.crlf.txt" → "seeds/000_x.txt".
    static func original(of url: URL) -> String {
        let name = url.lastPathComponent
        return "seeds/" + String(name.prefix { $0 != "." }) + ".txt"
    }

    @Test func everySeedHasItsVariants() {
        let kinds = ["crlf", "cr", "bom", "gb18030", "utf16le", "utf16be", "fullwidth"]
        for seed in Fixtures.files(in: "seeds", ext: "txt") {
            let stem = seed.deletingPathExtension().lastPathComponent
            for k in kinds {
                #expect(FileManager.default.fileExists(atPath: Fixtures.url("variants/\(stem).\(k).txt").path), "\(stem).\(k)")
            }
        }
    }

    @Test(arguments: variants)
    func sameValuesAsOriginal(_ url: URL) throws {
        let v = try TextReportReader.read(try Data(contentsOf: url), fileName: url.lastPathComponent)
        let o = try TextReportReader.read(try Fixtures.data(Self.original(of: url)), fileName: "orig")
        let vm = v.report.metadata, om = o.report.metadata
        #expect(vm.title == om.title)
        #expect(vm.agency == om.agency)
        #expect(vm.year == om.year)
        #expect(vm.publicationDate == om.publicationDate)
        #expect(vm.edition == om.edition)
        #expect(vm.incomplete == om.incomplete)
        #expect(vm.source?.layout == om.source?.layout)
        #expect(v.report.tables.map(\.id) == o.report.tables.map(\.id))
        for t in o.report.tables {
            let vt = v.report.table(t.id)
            #expect(vt?.cells.map(\.concept) == t.cells.map(\.concept))
            for c in t.cells {
                let vc = vt?.cell(c.concept)
                #expect(vc?.presence == c.presence && vc?.number == c.number && vc?.unit == c.unit,
                        "\(url.lastPathComponent) \(c.concept): \(String(describing: vc)) vs \(c)")
            }
        }
        // The narrative is identical too (same blocks, same line numbers).
        #expect(v.report.sections == o.report.sections)
        #expect(v.report.preamble == o.report.preamble)
        #expect(v.report.closing == o.report.closing)
    }

    @Test(arguments: variants)
    func encodingAndLineEndingDetected(_ url: URL) throws {
        let src = try #require(try TextReportReader.read(try Data(contentsOf: url), fileName: url.lastPathComponent).report.metadata.source)
        let kind = url.deletingPathExtension().pathExtension
        let expected: [String: (String, String)] = [
            "crlf": ("UTF-8", "CRLF"), "cr": ("UTF-8", "CR"), "bom": ("UTF-8 with BOM", "LF"), "gb18030": ("GB18030", "LF"),
            "utf16le": ("UTF-16LE", "LF"), "utf16be": ("UTF-16BE", "LF"), "fullwidth": ("UTF-8", "LF"),
        ]
        let e = try #require(expected[kind])
        #expect(src.encoding == e.0)
        #expect(src.lineEnding == e.1)
    }
}
