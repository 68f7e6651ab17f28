import Foundation
import Testing
@testable import OGIReport

/// FormatSniff's shortcuts give the answer of ReaderRegistry's decoding sniff (which sniff falls back to): on every fixture, on the
/// canonical XML ogi writes, and on prefixes and small edits of them.
@Suite struct FormatSniffTests {
    @Test func theShortcutAgreesWithSniff() throws {
        var inputs: [Data] = []
        let root = Fixtures.directory
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if let d = try? Data(contentsOf: url), !d.isEmpty { inputs.append(d) }
        }
        inputs.append(Data(CanonicalXML.write(BlankReport.make(agency: "某局", year: 2023)).utf8))
        let heads = ["", " ", "\r\n", "\u{FEFF}", "\u{FEFF} \n"]
        let bodies = ["<?xml version=\"1.0\"?><report xmlns=\"urn:ogi:annual-report:1\"/>", "<?XML version=\"1.0\"?>urn:ogi:annual-report",
                      "<?xml?><html>", "<html><body>", "<!-- x --><table>", "<p>表</p>", "<其他>", "一、总体情况", "%PDF-1.4", "PK\u{3}\u{4}word/",
                      "<?xmlurn:ogi:annual-report", "<?xm", "<!DOCTYPE html>", "\u{0}\u{0}<", "urn:ogi:annual-report"]
        for h in heads { for b in bodies { inputs.append(Data((h + b).utf8)) } }
        inputs.append(Data([0xFF, 0xFE, 0x3C, 0x00, 0x3F, 0x00]))
        inputs.append(Data([0xEF, 0xBB, 0xBF, 0x3C, 0x3F, 0x78, 0x6D, 0x6C]))
        var checked = 0
        for d in inputs {
            for cut in [d.count, min(d.count, 4096), min(d.count, 40), min(d.count, 5)] {
                let x = d.prefix(cut)
                if let q = FormatSniff.quick(x) {
                    #expect(q == ReaderRegistry.sniffByDecoding(x), "\(String(decoding: x.prefix(60), as: UTF8.self))")
                    checked += 1
                }
                #expect(FormatSniff.format(x) == ReaderRegistry.sniffByDecoding(x))
            }
        }
        #expect(checked > 100, "the shortcut answers for most inputs")
    }
}
