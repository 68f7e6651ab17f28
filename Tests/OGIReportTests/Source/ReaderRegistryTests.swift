import Foundation
import Testing
@testable import OGIReport

/// Sniffing by content, and one clear line for formats without a reader yet.
@Suite struct ReaderRegistryTests {
    static func utf16(_ s: String, little: Bool) -> Data {
        var d = Data(little ? [0xFF, 0xFE] : [0xFE, 0xFF])
        for u in s.utf16 { d.append(contentsOf: little ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)]) }
        return d
    }

    @Test func sniffsByContent() throws {
        let xml = try Fixtures.string("canonical/valid/minimal.xml")
        #expect(ReaderRegistry.sniff(Data(xml.utf8)) == .canonicalXML)
        #expect(ReaderRegistry.sniff(Self.utf16(xml, little: true)) == .canonicalXML)
        #expect(ReaderRegistry.sniff(Self.utf16(xml, little: false)) == .canonicalXML)
        #expect(ReaderRegistry.sniff(Data(("\u{FEFF}" + xml).utf8)) == .canonicalXML)
        #expect(ReaderRegistry.sniff(Data("%PDF-1.7\n…".utf8)) == .pdf)
        #expect(ReaderRegistry.sniff(Data([0x50, 0x4B, 0x03, 0x04] + Array("....word/document.xml".utf8))) == .docx)
        #expect(ReaderRegistry.sniff(Data([0x50, 0x4B, 0x03, 0x04, 0, 0])) == .zip)
        #expect(ReaderRegistry.sniff(Data("<!DOCTYPE html><html><body><p>x</p>".utf8)) == .html)
        #expect(ReaderRegistry.sniff(Data("\n  <html lang=zh>".utf8)) == .html)
        #expect(ReaderRegistry.sniff(Data("<p>一、总体情况</p>".utf8)) == .html)
        #expect(ReaderRegistry.sniff(Data("<2023年>政府信息公开工作年度报告\n一、总体情况".utf8)) == .text)
        #expect(ReaderRegistry.sniff(Data("<pre-text>年度报告".utf8)) == .text)
        #expect(ReaderRegistry.sniff(try Fixtures.data("seeds/000_44f90c379b4f7fce.txt")) == .text)
        // A page that starts with Windows blank lines (as many portal pages do) is still HTML.
        #expect(ReaderRegistry.sniff(Data("\r\n\r\n<!DOCTYPE html><html>".utf8)) == .html)
        #expect(ReaderRegistry.sniff(Self.utf16("\r\n<html><body>", little: true)) == .html)
        #expect(ReaderRegistry.sniff(Data("\r\n一、总体情况".utf8)) == .text)
        #expect(ReaderRegistry.sniff(Data("<P>表</P>".utf8)) == .html)
        #expect(ReaderRegistry.sniff(Data("<p中>".utf8)) == .text)
        #expect(ReaderRegistry.sniff(Data("<p\u{3000}>".utf8)) == .text)
        #expect(ReaderRegistry.sniff(Data("<!-- 注释 --><TABLE>".utf8)) == .html)
    }

    @Test func formatsWithoutAReaderGetOneClearLine() {
        for (bytes, word) in [(Data([0x50, 0x4B, 0x03, 0x04] + Array("xl/workbook.xml".utf8)), "ZIP")] {
            do {
                _ = try ReaderRegistry.read(bytes, fileName: "x")
                Issue.record("\(word) was read")
            } catch let e as DiagnosticError {
                #expect(e.diagnostics.count == 1)
                #expect(e.diagnostics[0].code == "read.unsupported-format")
                #expect(e.diagnostics[0].message.contains(word), "\(e)")
                #expect(!e.description.contains("undecodable"))
            } catch { Issue.record("\(error)") }
        }
    }

    /// DOCX is read now: a stub that only looks like one is a damaged package, in one line.
    @Test func aDamagedDOCXGetsOneClearLine() {
        do {
            _ = try ReaderRegistry.read(Data([0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8)), fileName: "x")
            Issue.record("the stub was read")
        } catch let e as DiagnosticError {
            #expect(e.diagnostics.count == 1 && e.diagnostics[0].code == "read.docx")
            #expect(e.diagnostics[0].message.contains("DOCX") && !e.description.contains("\n"), "\(e)")
        } catch { Issue.record("\(error)") }
    }

    @Test func aBinaryWordDocumentGetsOneClearLine() {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        do {
            _ = try ReaderRegistry.read(ole, fileName: "old.doc")
            Issue.record("read")
        } catch let e as DiagnosticError {
            #expect(e.diagnostics.count == 1 && e.diagnostics[0].code == "read.unsupported-format")
            #expect(e.diagnostics[0].message.contains(".doc") && e.diagnostics[0].message.contains("save it as .docx"))
        } catch { Issue.record("\(error)") }
    }

    @Test func normalizeReadsHTMLAndCanonicalXML() throws {
        let html = Normalizer.normalize(try Fixtures.data("real/r01-portal-clean.html"), fileName: "r01.html")
        #expect(html.xml != nil && html.report?.tables.count == 3)
        let xml = Normalizer.normalize(try Fixtures.data("golden/000_44f90c379b4f7fce.xml"), fileName: "000.xml")
        #expect(xml.xml == (try Fixtures.string("golden/000_44f90c379b4f7fce.xml")))
    }
}
