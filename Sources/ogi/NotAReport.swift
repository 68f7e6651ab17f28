import Foundation

/// Files found in a folder that are plainly not reports, told by their first bytes: images,
/// audio/video, archives other than ZIP/DOCX, executables, JSON, and other binary files (a NUL byte in
/// the first 4 KB without a UTF-16 byte-order mark). PDF, ZIP/DOCX, HTML, XML and text are
/// always read (the reader says what it makes of them).
enum NotAReport {
    /// What the file is when it is plainly not a report; nil when it should be read (or cannot
    /// be opened: the read reports that).
    static func kind(ofFileAt path: String) -> String? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        let head = [UInt8]((try? h.read(upToCount: 4096)) ?? Data())
        return kind(of: head)
    }

    /// What these first bytes are, when plainly not a report.
    static func kind(of head: [UInt8]) -> String? {
        let magics: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"), (Array("BM".utf8), "a BMP image"),
            ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"), ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
            ([0x00, 0x00, 0x01, 0x00], "an icon"), ([0x1F, 0x8B], "a gzip file"),
            (Array("7z".utf8) + [0xBC, 0xAF], "a 7-Zip archive"), (Array("Rar!".utf8), "a RAR archive"),
            ([0x7F, 0x45, 0x4C, 0x46], "an executable"), (Array("ID3".utf8), "an MP3 file"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Office (OLE) document; save it as DOCX, HTML or text"),
        ]
        for (magic, what) in magics where head.starts(with: magic) { return what }
        if head.count >= 12, head[0..<4] == [0x52, 0x49, 0x46, 0x46][...], head[8..<12] == Array("WEBP".utf8)[...] {
            return "a WebP image"
        }
        if head.count >= 8, head[4..<8] == Array("ftyp".utf8)[...] { return "a video or HEIC image" }
        if head.starts(with: Array("%PDF".utf8)) || head.starts(with: [0x50, 0x4B]) { return nil }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }
        if head.contains(0) { return "a binary file" }
        // JSON (an expected-cells file, a log): `{"` or `[{` / `["` after whitespace; no report starts so.
        let body = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        if let f = body.first, f == UInt8(ascii: "{") || f == UInt8(ascii: "[") {
            let next = body.dropFirst().first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
            if next == UInt8(ascii: "\"") || (f == UInt8(ascii: "[") && next == UInt8(ascii: "{")) { return "a JSON file" }
        }
        return nil
    }
}
