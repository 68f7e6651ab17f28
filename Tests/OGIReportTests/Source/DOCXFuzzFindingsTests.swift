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
}
