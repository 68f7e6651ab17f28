/// Checks the structure of a ZIP archive before ZIPFoundation reads it: the end-of-central-
/// directory record, every central directory entry and every local header must lie inside the
/// bytes, with each entry's data too, and no ZIP64 records. ZIPFoundation trusts these offsets
/// (a damaged offset past the end traps in its in-memory reader), so a package that fails here
/// is refused with one line instead.
enum DOCXZipCheck {
    /// The problem, or nil when the structure is sound; `maxEntries` is enforced here, before any
    /// entry is looked at.
    static func problem(_ bytes: [UInt8], maxEntries: Int) -> String? {
        let n = bytes.count
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard n >= 22 else { return "too short to be a ZIP archive (\(n) bytes)" }
        // The last end-of-central-directory signature, as ZIPFoundation finds it (it scans back from the end).
        var eocd = -1
        var i = n - 22
        while i >= 0 {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { return "no end of central directory record: the archive is truncated or damaged" }
        // ZIPFoundation reads the record's comment too, and when it runs past the end it fails without
        // closing its in-memory file, leaking the archive's bytes (found by the `docx` fuzz target).
        guard eocd + 22 + u16(eocd + 20) <= n else {
            return "the end of central directory record's comment runs past the end of the archive: truncated or damaged"
        }
        if eocd >= 20, bytes[eocd - 20] == 0x50, bytes[eocd - 19] == 0x4B, bytes[eocd - 18] == 0x06, bytes[eocd - 17] == 0x07 {
            return "a ZIP64 archive, which a DOCX never needs"
        }
        let entriesHere = u16(eocd + 8), entries = u16(eocd + 10), cdSize = u32(eocd + 12), cdOffset = u32(eocd + 16)
        guard u16(eocd + 4) == 0, u16(eocd + 6) == 0, entriesHere == entries else { return "a multi-disk archive" }
        guard entries != 0xFFFF, cdSize != 0xFFFF_FFFF, cdOffset != 0xFFFF_FFFF else { return "a ZIP64 archive, which a DOCX never needs" }
        guard entries <= maxEntries else { return "more than \(maxEntries) entries; refused" }
        guard cdOffset + cdSize <= eocd else { return "the central directory lies outside the archive: truncated or damaged" }
        var p = cdOffset
        let cdEnd = cdOffset + cdSize
        for k in 0..<entries {
            guard p + 46 <= cdEnd, u32(p) == 0x0201_4B50 else { return "central directory entry \(k + 1) is damaged" }
            let packed = u32(p + 20), size = u32(p + 24), local = u32(p + 42)
            guard packed != 0xFFFF_FFFF, size != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { return "a ZIP64 archive, which a DOCX never needs" }
            let next = p + 46 + u16(p + 28) + u16(p + 30) + u16(p + 32)
            guard next <= cdEnd else { return "central directory entry \(k + 1) is damaged" }
            guard local + 30 <= n, u32(local) == 0x0403_4B50 else { return "the local header of entry \(k + 1) is missing or damaged" }
            let dataOffset = local + 30 + u16(local + 26) + u16(local + 28)
            let localPacked = u32(local + 18)
            guard dataOffset + packed <= n, dataOffset + (localPacked == 0xFFFF_FFFF ? 0 : localPacked) <= n else {
                return "the data of entry \(k + 1) lies outside the archive: truncated or damaged"
            }
            // A stored entry is read for its uncompressed size, which ZIP requires to equal the compressed
            // one; ZIPFoundation trusts it and trapped reading past the end (found by the docx fuzz target).
            guard u16(p + 10) != 0 || packed == size else {
                return "entry \(k + 1) is stored uncompressed but declares \(size) bytes in \(packed): damaged"
            }
            p = next
        }
        return nil
    }
}
