import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A submission decoded to text: its lines (as UTF-8-backed strings), the encoding and the line
/// ending that were detected.
public struct DecodedText: Sendable {
    /// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" or "GB18030".
    public var encoding: String
    /// "LF", "CRLF", "CR" or "mixed" ("LF" when the text has a single line).
    public var lineEnding: String
    /// The lines, numbered from 1, without terminators and without the BOM.
    public var lines: [SourceLine]
}

/// Decodes the bytes of a submission.
///
/// Detection, in order: a UTF-8 BOM (EF BB BF), a UTF-16 BOM (FF FE little-endian, FE FF
/// big-endian), valid UTF-8, then GB18030 (a superset of GBK and GB2312) through the C library's
/// `iconv`. Bytes that are none of these are refused with their byte offset; so is a NUL byte
/// (binary data). Lines are split by scanning the UTF-8 bytes for LF, CRLF and CR.
public enum TextDecoder {
    /// Decodes `data` and splits it into lines.
    /// - Throws: ``DiagnosticError`` (code `read.encoding`) naming the byte offset of the first
    ///   byte that cannot be decoded.
    public static func decode(_ data: Data, fileName: String = "-") throws -> DecodedText {
        let bytes = [UInt8](data)
        let (utf8, encoding) = try toUTF8(bytes, fileName: fileName)
        let (lines, ending) = splitLines(utf8)
        return DecodedText(encoding: encoding, lineEnding: ending, lines: lines)
    }

    /// Converts the source bytes to UTF-8 (without BOM) and names the encoding detected.
    public static func toUTF8(_ bytes: [UInt8], fileName: String = "-") throws -> (utf8: [UInt8], encoding: String) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let body = Array(bytes[3...])
            if let bad = firstInvalidUTF8(body) {
                throw undecodable(bytes, offset: bad + 3, expected: "UTF-8 (the file starts with a UTF-8 BOM)", fileName: fileName)
            }
            try refuseNUL(bytes, from: 3, fileName: fileName)
            return (body, "UTF-8 with BOM")
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let little = bytes[0] == 0xFF
            return (try utf16ToUTF8(bytes, littleEndian: little, fileName: fileName), little ? "UTF-16LE" : "UTF-16BE")
        }
        guard let bad = firstInvalidUTF8(bytes) else {
            try refuseNUL(bytes, from: 0, fileName: fileName)
            return (bytes, "UTF-8")
        }
        if !mostlyUTF8(bytes), let gb = iconvToUTF8(bytes, from: "GB18030") {
            try refuseNUL(bytes, from: 0, fileName: fileName)
            return (gb, "GB18030")
        }
        throw undecodable(bytes, offset: bad, expected: "UTF-8, UTF-16 (with BOM) or GB18030", fileName: fileName)
    }

    /// Splits UTF-8 bytes into lines at LF, CRLF and CR, and names the line ending seen.
    public static func splitLines(_ utf8: [UInt8]) -> (lines: [SourceLine], lineEnding: String) {
        var lines: [SourceLine] = []
        var lf = 0, crlf = 0, cr = 0
        var start = 0, i = 0
        let n = utf8.count
        // The exact line count first: the array is allocated once (no growth copies, no spare
        // capacity: a file of blank lines costs one SourceLine a line).
        var count = 0
        for k in 0..<n where utf8[k] == 0x0A || (utf8[k] == 0x0D && (k + 1 == n || utf8[k + 1] != 0x0A)) { count += 1 }
        if n > 0 && utf8[n - 1] != 0x0A && utf8[n - 1] != 0x0D { count += 1 }
        lines.reserveCapacity(count)
        while i < n {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                lines.append(SourceLine(number: lines.count + 1, text: String(decoding: utf8[start..<i], as: UTF8.self)))
                if b == 0x0D, i + 1 < n, utf8[i + 1] == 0x0A { crlf += 1; i += 2 } else {
                    if b == 0x0A { lf += 1 } else { cr += 1 }
                    i += 1
                }
                start = i
            } else {
                i += 1
            }
        }
        if start < n { lines.append(SourceLine(number: lines.count + 1, text: String(decoding: utf8[start..<n], as: UTF8.self))) }
        let kinds = [(lf, "LF"), (crlf, "CRLF"), (cr, "CR")].filter { $0.0 > 0 }
        let ending = kinds.count > 1 ? "mixed" : (kinds.first?.1 ?? "LF")
        return (lines, ending)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence (overlongs,
    /// surrogates and values above U+10FFFF are invalid), or nil when all bytes are valid.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            guard let p = b.baseAddress else { return nil }
            let n = b.count
            var i = 0
            while i < n {
                // ASCII eight bytes at a time.
                while i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < n else { break }
                let c = p[i]
                if c < 0x80 { i += 1; continue }
                var need = 0
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; hi = 0x9F
                case 0xF0: need = 3; lo = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; hi = 0x8F
                default: return i
                }
                guard i + 1 < n, p[i + 1] >= lo, p[i + 1] <= hi else { return i }
                var k = 2
                while k <= need {
                    guard i + k < n, p[i + k] >= 0x80, p[i + k] <= 0xBF else { return i }
                    k += 1
                }
                i += need + 1
            }
            return nil
        }
    }

    /// True when the bytes are UTF-8 with a few bad bytes (at least 8 valid multi-byte sequences per
    /// invalid byte): such a file is damaged UTF-8, and decoding it as GB18030 would only hide
    /// the damage behind wrong characters.
    static func mostlyUTF8(_ b: [UInt8]) -> Bool {
        var valid = 0, invalid = 0, i = 0
        while i < b.count {
            if b[i] < 0x80 { i += 1; continue }
            let rest = Array(b[i..<min(b.count, i + 4)])
            if let bad = firstInvalidUTF8(rest), bad == 0 {
                invalid += 1; i += 1
            } else {
                let lead = b[i]
                let len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                if i + len <= b.count, firstInvalidUTF8(Array(b[i..<(i + len)])) == nil { valid += 1; i += len } else { invalid += 1; i += 1 }
            }
        }
        return invalid > 0 && valid >= 8 * invalid
    }

    // MARK: - Private

    private static func refuseNUL(_ bytes: [UInt8], from: Int, fileName: String) throws {
        guard let z = ByteSearch.firstIndex(of: 0, in: bytes, from: from) else { return }
        var note = ""
        let sample = bytes.prefix(64)
        let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        if max(oddZeros, evenZeros) * 4 >= sample.count && sample.count >= 8 {
            note = " (it looks like UTF-16 without a byte-order mark; save it as UTF-8 or with a BOM)"
        }
        throw DiagnosticError(located(bytes, offset: z, message: "binary data: NUL byte at byte offset \(z)\(note)", fileName: fileName))
    }

    private static func undecodable(_ bytes: [UInt8], offset: Int, expected: String, fileName: String) -> DiagnosticError {
        let hex = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "end of data"
        return DiagnosticError(located(bytes, offset: offset,
            message: "undecodable byte \(hex) at byte offset \(offset): the text is not \(expected)", fileName: fileName))
    }

    /// A diagnostic at the line and column of a byte offset (lines counted by LF/CR bytes,
    /// columns in UTF-8 scalars up to the offset).
    private static func located(_ bytes: [UInt8], offset: Int, message: String, fileName: String) -> Diagnostic {
        var line = 1, lineStart = 0, i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
                line += 1; lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        for j in lineStart..<end where bytes[j] & 0xC0 != 0x80 { column += 1 }
        return .error(message, code: "read.encoding", file: fileName, line: line, column: column)
    }

    private static func utf16ToUTF8(_ bytes: [UInt8], littleEndian: Bool, fileName: String) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        var i = 2
        func unit(_ at: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 : UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
        }
        let encName = littleEndian ? "UTF-16LE" : "UTF-16BE"
        while i < bytes.count {
            guard i + 1 < bytes.count else {
                throw undecodable(bytes, offset: i, expected: "\(encName) (odd number of bytes)", fileName: fileName)
            }
            var scalar = unit(i)
            var width = 2
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard i + 3 < bytes.count else {
                    throw undecodable(bytes, offset: i, expected: "\(encName) (truncated surrogate pair)", fileName: fileName)
                }
                let low = unit(i + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw undecodable(bytes, offset: i, expected: "\(encName) (unpaired surrogate)", fileName: fileName)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                width = 4
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw undecodable(bytes, offset: i, expected: "\(encName) (unpaired surrogate)", fileName: fileName)
            }
            if scalar == 0 {
                throw DiagnosticError(.error("binary data: NUL character at byte offset \(i)", code: "read.encoding", file: fileName))
            }
            appendUTF8(scalar, to: &out)
            i += width
        }
        return out
    }

    private static func appendUTF8(_ s: UInt32, to out: inout [UInt8]) {
        switch s {
        case 0..<0x80: out.append(UInt8(s))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (s >> 6))); out.append(UInt8(0x80 | (s & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (s >> 12))); out.append(UInt8(0x80 | ((s >> 6) & 0x3F))); out.append(UInt8(0x80 | (s & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (s >> 18))); out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F))); out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }

    /// Converts with iconv; nil when the converter is unavailable or any byte is invalid or
    /// the input ends inside a character.
    static func iconvToUTF8(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var produced = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return bytes.isEmpty }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
                return r != -1 && inLeft == 0
            }
        }
        return ok ? Array(output[0..<produced]) : nil
    }
}
