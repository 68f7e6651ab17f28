import Foundation

/// Searching UTF-8 (or any) bytes for a byte or a byte sequence: the one byte search of the package.
enum ByteSearch {
    /// True when the UTF-8 of `s` holds the byte `b` (memchr over the string's storage; the
    /// generic `s.utf8.contains(b)` walks the view index by index, about 40 times slower).
    static func contains(_ b: UInt8, in s: String) -> Bool {
        var s = s
        return s.withUTF8 { u in u.count > 0 && memchr(u.baseAddress!, Int32(b), u.count) != nil }
    }

    /// The index of the first byte `b` in `bytes` at or after `from` (memchr), or nil.
    static func firstIndex(of b: UInt8, in bytes: [UInt8], from: Int = 0) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { p in
            memchr(p.baseAddress! + from, Int32(b), p.count - from).map { from + p.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
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

    /// The range of the first occurrence of `needle` in `s`, compared as UTF-8 bytes (so a match
    /// starts and ends on scalar boundaries; no canonical equivalence, unlike Foundation's
    /// `range(of:)`, which costs some twenty times more).
    static func range(of needle: String, in s: String) -> Range<String.Index>? {
        var s = s, needle = needle
        let at: Int? = s.withUTF8 { hb in
            needle.withUTF8 { nb -> Int? in
                if nb.isEmpty { return 0 }
                guard let n0 = nb.baseAddress, let h0 = hb.baseAddress else { return nil }
                var i = 0
                let last = hb.count - nb.count
                while i <= last {
                    guard let p = memchr(h0 + i, Int32(nb[0]), last - i + 1) else { return nil }
                    let k = h0.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if memcmp(h0 + k, n0, nb.count) == 0 { return k }
                    i = k + 1
                }
                return nil
            }
        }
        guard let at else { return nil }
        let u = s.utf8
        let a = u.index(u.startIndex, offsetBy: at)
        return a..<u.index(a, offsetBy: needle.utf8.count)
    }

    /// True when `hay` holds `needle`.
    static func contains(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Bool { firstIndex(of: needle, in: hay) != nil }
}
