import Foundation

/// A minimal ZIP writer for the `docx-xml` fuzz target: entries stored (no compression), CRC-32
/// filled in, no extra fields, one central directory. Cheap enough to run on every input, so the
/// fuzzer mutates the XML parts of a package instead of its ZIP bytes (where almost any mutation
/// breaks a CRC or an offset and the package is refused before any XML is read).
enum StoredZip {
    /// The archive holding `entries` (path, bytes) in that order.
    static func archive(_ entries: [(path: String, data: Data)]) -> Data {
        var out = Data()
        var central = Data()
        for (path, data) in entries {
            let name = Array(path.utf8)
            let crc = crc32(data)
            let offset = UInt32(out.count)
            put32(&out, 0x0403_4B50); put16(&out, 20); put16(&out, 0); put16(&out, 0)  // signature, version, flags, stored
            put16(&out, 0); put16(&out, 0x21)                                            // time, date (1980-01-01)
            put32(&out, crc); put32(&out, UInt32(data.count)); put32(&out, UInt32(data.count))
            put16(&out, UInt16(name.count)); put16(&out, 0)
            out.append(contentsOf: name); out.append(data)
            put32(&central, 0x0201_4B50); put16(&central, 20); put16(&central, 20); put16(&central, 0); put16(&central, 0)
            put16(&central, 0); put16(&central, 0x21)
            put32(&central, crc); put32(&central, UInt32(data.count)); put32(&central, UInt32(data.count))
            put16(&central, UInt16(name.count)); put16(&central, 0); put16(&central, 0)  // name, extra, comment lengths
            put16(&central, 0); put16(&central, 0); put32(&central, 0)                   // disk, internal, external attributes
            put32(&central, offset); central.append(contentsOf: name)
        }
        let cdOffset = UInt32(out.count)
        out.append(central)
        put32(&out, 0x0605_4B50); put16(&out, 0); put16(&out, 0)
        put16(&out, UInt16(entries.count)); put16(&out, UInt16(entries.count))
        put32(&out, UInt32(central.count)); put32(&out, cdOffset); put16(&out, 0)
        return out
    }

    private static func put16(_ d: inout Data, _ v: UInt16) { d.append(UInt8(v & 0xFF)); d.append(UInt8(v >> 8)) }
    private static func put32(_ d: inout Data, _ v: UInt32) { put16(&d, UInt16(v & 0xFFFF)); put16(&d, UInt16(v >> 16)) }

    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (ISO-HDLC), as ZIP uses it.
    static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        data.withUnsafeBytes { raw in
            for b in raw.bindMemory(to: UInt8.self) { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFF_FFFF
    }
}
