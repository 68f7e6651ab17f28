import Foundation

/// The format of an input for a batch record: ``ReaderRegistry/sniff(_:)``'s answer, with two
/// shortcuts that give the same answer without copying and lowercasing the first 4 KB:
/// - ogi's own canonical XML: optional ASCII whitespace, `<?xml` (any case), and the canonical
///   namespace's `urn:ogi:annual-report` in the first 4 KB (sniff: canonical XML);
/// - a text that, after optional UTF-8 BOM and ASCII whitespace, does not start with `<` and has
///   no PDF, ZIP or UTF-16 signature (sniff: text — every other answer needs a `<` or a signature).
/// Anything else goes to sniff.
public enum FormatSniff {
    /// The input's format, as ``ReaderRegistry/sniff(_:)`` says.
    public static func format(_ data: Data) -> SourceFormat {
        quick(data) ?? ReaderRegistry.sniff(data)
    }

    /// The shortcut's answer, or nil when sniff must decide.
    public static func quick(_ data: Data) -> SourceFormat? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> SourceFormat? in
            let b = raw.bindMemory(to: UInt8.self)
            let n = min(b.count, 4096)
            guard n >= 4 else { return nil }
            if b[0] == 0x25 && b[1] == 0x50 && b[2] == 0x44 && b[3] == 0x46 { return nil }  // %PDF
            if b[0] == 0x50 && b[1] == 0x4B { return nil }  // PK
            if (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) { return nil }  // UTF-16
            var i = b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            let bom = i == 3
            while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
            guard i < n else { return nil }
            if b[i] != UInt8(ascii: "<") { return .text }
            guard !bom, i + 5 <= n else { return nil }
            let xml: [UInt8] = Array("<?xml".utf8)
            for k in 0..<5 where b[i + k] | (k >= 2 ? 0x20 : 0) != xml[k] { return nil }
            let ns = Array("urn:ogi:annual-report".utf8)
            var j = i + 5
            while j + ns.count <= n {
                if b[j] == ns[0] && (0..<ns.count).allSatisfy({ b[j + $0] == ns[$0] }) { return .canonicalXML }
                j += 1
            }
            return nil
        }
    }
}
