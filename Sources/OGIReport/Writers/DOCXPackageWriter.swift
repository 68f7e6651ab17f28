import Foundation
import ZIPFoundation

/// Writes the parts of a DOCX package into a ZIP archive in memory (ZIPFoundation), in the order
/// given, deflated, with a fixed timestamp (1980-01-01 00:00 UTC) and fixed permissions, so the
/// same parts give the same bytes.
enum DOCXPackageWriter {
    /// The timestamp of every entry: the earliest a ZIP (MS-DOS) date can say.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    /// - Throws: only if ZIPFoundation cannot write to memory (a programming error).
    static func package(_ parts: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return archive.data ?? Data()
    }
}
