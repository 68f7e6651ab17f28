import Foundation

/// Searching UTF-8 (or any) bytes for a byte or a byte sequence: the one byte search of the package.
enum ByteSearch {
    /// True when the UTF-8 of `s` holds the byte `b` (memchr over the string's storage; the
    /// generic `s.utf8.contains(b)` walks the view index by index, about 40 times slower).
    static func contains(_ b: UInt8, in s: String) -> Bool {
        var s = s
        return s.withUTF8 { u in u.count > 0 && memchr(u.baseAddress!, Int32(b), u.count) != nil }
    }

    /// The index in `hay` where the first occurrence of `needle` at or after `from` starts, or nil.
    static func firstIndex(of needle: [UInt8], in hay: ArraySlice<UInt8>, from: Int? = nil) -> Int? {
        guard let first = needle.first else { return from ?? hay.startIndex }
        var i = from ?? hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// True when `hay` holds `needle`.
    static func contains(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Bool { firstIndex(of: needle, in: hay) != nil }
}
