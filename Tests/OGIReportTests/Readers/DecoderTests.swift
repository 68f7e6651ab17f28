import Foundation
import Testing
@testable import OGIReport

@Suite struct DecoderTests {
    @Test func utf8AndBOM() throws {
        let plain = try TextDecoder.decode(Data("一、总体情况\n正文".utf8))
        #expect(plain.encoding == "UTF-8")
        #expect(plain.lines.map(\.text) == ["一、总体情况", "正文"])
        let bom = try TextDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array("一、总体情况\n".utf8)))
        #expect(bom.encoding == "UTF-8 with BOM")
        #expect(bom.lines.map(\.text) == ["一、总体情况"])
    }

    @Test func utf16WithBOM() throws {
        let text = "年度报告\r\n𠀀二、"
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in text.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        let l = try TextDecoder.decode(Data(le)), b = try TextDecoder.decode(Data(be))
        #expect(l.encoding == "UTF-16LE")
        #expect(b.encoding == "UTF-16BE")
        #expect(l.lines.map(\.text) == ["年度报告", "𠀀二、"])
        #expect(b.lines.map(\.text) == l.lines.map(\.text))
        #expect(l.lineEnding == "CRLF")
    }

    @Test func gb18030() throws {
        // "中文\n" in GB18030.
        let d = try TextDecoder.decode(Data([0xD6, 0xD0, 0xCE, 0xC4, 0x0A]))
        #expect(d.encoding == "GB18030")
        #expect(d.lines.map(\.text) == ["中文"])
    }

    @Test func lineEndings() throws {
        #expect(try TextDecoder.decode(Data("a\nb\n".utf8)).lineEnding == "LF")
        #expect(try TextDecoder.decode(Data("a\r\nb\r\n".utf8)).lineEnding == "CRLF")
        #expect(try TextDecoder.decode(Data("a\rb\r".utf8)).lineEnding == "CR")
        let mixed = try TextDecoder.decode(Data("a\r\nb\nc\rd".utf8))
        #expect(mixed.lineEnding == "mixed")
        #expect(mixed.lines.map(\.text) == ["a", "b", "c", "d"])
        #expect(mixed.lines.map(\.number) == [1, 2, 3, 4])
        // Blank lines are kept and counted.
        #expect(try TextDecoder.decode(Data("\n\nx".utf8)).lines.map(\.text) == ["", "", "x"])
    }

    /// The line splitter (which counts the lines first, to allocate once) against a plain
    /// reference on random mixes of text, LF, CR and CRLF.
    @Test func lineSplitMatchesReference() {
        var rng = SeededRNG(seed: 11)
        let pieces = ["a", "中", "\n", "\r", "\r\n", "\n\n", ""]
        for _ in 0..<300 {
            let text = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            var expected: [String] = []
            var current = ""
            var it = Array(text.unicodeScalars)[...]
            while let c = it.popFirst() {
                if c == "\n" || c == "\r" {
                    expected.append(current); current = ""
                    if c == "\r", it.first == "\n" { it.removeFirst() }
                } else { current.unicodeScalars.append(c) }
            }
            if !current.isEmpty { expected.append(current) }
            let lines = TextDecoder.splitLines(Array(text.utf8)).lines
            #expect(lines.map(\.text) == expected, "\(text.debugDescription)")
            #expect(lines.map(\.number) == Array(stride(from: 1, through: expected.count, by: 1)))
        }
    }

    @Test func undecodableByteNamesItsOffset() throws {
        // A lone continuation byte inside ASCII is neither UTF-8 nor GB18030 (0x80 is invalid there).
        let bytes = Array("ab\ncd".utf8) + [0x80] + Array("ef".utf8)
        let e = #expect(throws: DiagnosticError.self) { try TextDecoder.decode(Data(bytes), fileName: "x.txt") }
        let d = try #require(e?.diagnostics.first)
        #expect(d.message.contains("byte offset 5"))
        #expect(d.line == 2 && d.column == 3)
        #expect(d.description.hasPrefix("x.txt:2:3: error[read.encoding]:"))
    }

    @Test func nulIsBinary() {
        let e = #expect(throws: DiagnosticError.self) { try TextDecoder.decode(Data([0x61, 0x00, 0x62, 0x00, 0x63, 0x00, 0x64, 0x00, 0x0A, 0x00])) }
        #expect(e?.diagnostics.first?.message.contains("NUL byte at byte offset 1") == true)
        #expect(e?.diagnostics.first?.message.contains("UTF-16 without a byte-order mark") == true)
    }

    @Test func truncatedUTF16() {
        #expect(throws: DiagnosticError.self) { try TextDecoder.decode(Data([0xFF, 0xFE, 0x41])) }
        #expect(throws: DiagnosticError.self) { try TextDecoder.decode(Data([0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00])) }
    }

    @Test func utf8Validator() {
        #expect(TextDecoder.firstInvalidUTF8(Array("中文 abc 𠀀".utf8)) == nil)
        #expect(TextDecoder.firstInvalidUTF8([0x41, 0xC0, 0x80]) == 1)        // overlong
        #expect(TextDecoder.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)        // surrogate
        #expect(TextDecoder.firstInvalidUTF8([0x41, 0xE4, 0xB8]) == 1)        // truncated
        #expect(TextDecoder.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)  // > U+10FFFF
    }

    /// The validator (which skips ASCII a word at a time) agrees with the standard library's UTF-8
    /// validation on random bytes mixing ASCII runs, CJK, 4-byte sequences and bad bytes, and
    /// points at a byte from which no valid prefix continues.
    @Test func utf8ValidatorAgreesWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 42)
        let pieces: [[UInt8]] = [Array("abcdefghij".utf8), Array("中文".utf8), Array("𠀀".utf8), [0x41], [0xE4, 0xB8],
                                 [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0x80], Array("12345678".utf8), [0xF4, 0x90, 0x80, 0x80]]
        for _ in 0..<3000 {
            var b: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &rng) { b += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let bad = TextDecoder.firstInvalidUTF8(b)
            #expect((bad == nil) == (String(validating: b, as: UTF8.self) != nil), "\(b)")
            if let bad {
                #expect(String(validating: b[..<bad], as: UTF8.self) != nil, "\(b)")
            }
        }
    }

    /// Random byte strings never crash the decoder: they decode or throw a located error.
    @Test func randomBytesNeverCrash() {
        var rng = SeededRNG(seed: 7)
        for _ in 0..<300 {
            let n = Int.random(in: 0..<64, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            do { _ = try TextReportReader.read(Data(bytes), fileName: "r") } catch let e as DiagnosticError {
                #expect(e.diagnostics.first?.line != nil)
            } catch { Issue.record("unexpected error \(error)") }
        }
    }
}

@Suite struct DecoderDamagedUTF8Tests {
    /// UTF-8 text with one stray byte that GB18030 would accept is refused, not mis-decoded.
    @Test func damagedUTF8IsNotTakenForGB18030() {
        let good = Array("一、总体情况，我局认真落实政府信息公开工作。".utf8)
        let bytes = Array(good[0..<12]) + [0x81, 0x41] + Array(good[12...])
        #expect(TextDecoder.mostlyUTF8(bytes))
        let e = #expect(throws: DiagnosticError.self) { try TextDecoder.decode(Data(bytes)) }
        #expect(e?.diagnostics.first?.message.contains("byte offset 12") == true)
    }

    @Test func gbVariantsStillDecode() throws {
        for url in Fixtures.files(in: "variants", ext: "txt") where url.lastPathComponent.contains("gb18030") {
            #expect(try TextDecoder.decode(try Data(contentsOf: url)).encoding == "GB18030")
        }
    }
}
