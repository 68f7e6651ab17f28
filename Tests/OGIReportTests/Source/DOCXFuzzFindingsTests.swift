import Foundation
import Testing
@testable import OGIReport

/// Inputs the `docx` and `docx-xml` libFuzzer targets (tools/ogi-fuzz) found, in Fixtures/fuzz/:
/// each is refused with one located line, or read, never a crash, hang or leak.
@Suite struct DOCXFuzzFindingsTests {
    /// The end-of-central-directory record says a 2,048-byte comment follows, but the archive ends
    /// right after the record. ZIPFoundation's reader then failed without closing its in-memory file
    /// (LeakSanitizer: the package's bytes leaked on every such input); the structure check now
    /// refuses the package before ZIPFoundation sees it.
    @Test func eocdCommentPastTheEndIsRefusedBeforeZIPFoundation() throws {
        let data = try Fixtures.data("fuzz/docx-eocd-comment-past-end.docx")
        #expect(DOCXZipCheck.problem([UInt8](data), maxEntries: DOCXLimits.standard.maxEntries)?.contains("comment runs past the end") == true)
        let error = try #require(throws: DiagnosticError.self) { try DOCXFrontEnd.read(data, fileName: "f.docx") }
        let line = error.diagnostics.map(\.description).joined(separator: "\n")
        #expect(line.hasPrefix("f.docx: error[read.docx]: the DOCX package is damaged or refused: the end of central directory record's comment"))
        #expect(!line.contains("\n"))
    }

    /// A comment that fits is still accepted (a real package with a trailing archive comment).
    @Test func eocdCommentThatFitsIsAccepted() throws {
        var bytes = [UInt8](try Fixtures.data("docx/ogi-prefilled-002.docx"))
        let comment = Array("made by a zip tool".utf8)
        bytes[bytes.count - 2] = UInt8(comment.count)
        bytes += comment
        #expect(DOCXZipCheck.problem(bytes, maxEntries: DOCXLimits.standard.maxEntries) == nil)
        _ = try DOCXFrontEnd.read(Data(bytes), fileName: "f.docx")
    }

    /// `word/document.xml` is marked stored (method 0) in the central directory, declaring 105,974 bytes
    /// uncompressed in 5,437 compressed, with a data descriptor flag: ZIPFoundation sought its
    /// descriptor at offset + the uncompressed size, past the end of the 8,760-byte package, and trapped
    /// ("Range requires lowerBound <= upperBound" in `MemoryFile.readData`). Now refused first.
    @Test func storedEntryWithDisagreeingSizesIsRefused() throws {
        let data = try Fixtures.data("fuzz/docx-stored-size-mismatch.docx")
        let error = try #require(throws: DiagnosticError.self) { try DOCXFrontEnd.read(data, fileName: "f.docx") }
        #expect(error.diagnostics.count == 1)
        #expect(error.description == "f.docx: error[read.docx]: the DOCX package is damaged or refused: "
                + "entry 4 is stored uncompressed but declares 105974 bytes in 5437: damaged")
    }

    /// The rule on a one-entry stored archive: equal sizes pass, unequal ones are refused.
    @Test func storedEntrySizesMustAgree() {
        var bytes = Self.storedArchive(path: "a.txt", content: Array("hello".utf8))
        #expect(DOCXZipCheck.problem(bytes, maxEntries: 100) == nil)
        bytes[bytes.count - 22 - 46 - 5 + 24] = 9  // the central directory's uncompressed size: 5 → 9
        #expect(DOCXZipCheck.problem(bytes, maxEntries: 100)?.contains("stored uncompressed but declares 9 bytes in 5") == true)
    }

    /// A one-entry stored ZIP archive (CRC left 0: only the structure is checked here).
    static func storedArchive(path: String, content: [UInt8]) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        let name = Array(path.utf8)
        let local = le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(0)
            + le32(content.count) + le32(content.count) + le16(name.count) + le16(0) + name + content
        let central = le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(0)
            + le32(content.count) + le32(content.count) + le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
            + le32(0) + name
        let eocd = le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(central.count) + le32(local.count) + le16(0)
        return local + central + eocd
    }
}
