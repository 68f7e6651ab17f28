import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), computed by the header-only C of the `CSHA256` module (the CPU's SHA
/// extensions where it has them, portable C otherwise).
///
/// Used to fingerprint submissions (``SourceInfo/sha256``).
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        if let d = bytes.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) { return d }
        return Array(bytes).withUnsafeBytes { digest($0) }
    }

    /// The digest of `data` (read in place).
    public static func digest(_ data: Data) -> [UInt8] { data.withUnsafeBytes { digest($0) } }

    /// The digest of the bytes at `message`; `accelerated: false` forces the portable code.
    static func digest(_ message: UnsafeRawBufferPointer, accelerated: Bool = true) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var none: UInt8 = 0  // an address for the empty message
        out.withUnsafeMutableBufferPointer { o in
            if let base = message.baseAddress, message.count > 0 {
                ogi_sha256(base.assumingMemoryBound(to: UInt8.self), message.count, o.baseAddress!, accelerated ? 1 : 0)
            } else {
                ogi_sha256(&none, 0, o.baseAddress!, accelerated ? 1 : 0)
            }
        }
        return out
    }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 { hex(digest: digest(bytes)) }

    /// The digest of `data` as 64 lowercase hex digits.
    public static func hex(_ data: Data) -> String { hex(digest: digest(data)) }

    private static func hex(digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
