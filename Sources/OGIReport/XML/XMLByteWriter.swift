/// An append-only UTF-8 buffer with XML escaping, for the canonical XML writer.
///
/// Escaping: `&`, `<`, `>` everywhere; `"` in attributes; a carriage return as `&#13;`
/// everywhere and tab/newline as `&#9;`/`&#10;` in attributes, so parsing gives back the same
/// characters. C0 controls other than tab, LF and CR, U+FFFE and U+FFFF (not allowed in XML 1.0)
/// become U+FFFD.
struct XMLByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far, as a String.
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity {
            var c = capacity * 2
            while count + n > c { c *= 2 }
            let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
            nb.update(from: base, count: count)
            base.deallocate()
            base = nb
            capacity = c
        }
    }

    @inline(__always)
    private mutating func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always)
    private mutating func append(_ p: UnsafeRawBufferPointer) {
        guard let src = p.baseAddress, p.count > 0 else { return }
        reserve(p.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: src, byteCount: p.count)
        count += p.count
    }

    @inline(__always)
    private mutating func append(_ p: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(p)) }

    @inline(__always)
    private mutating func append(_ a: [UInt8]) { a.withUnsafeBytes { append($0) } }

    /// Appends ASCII text that needs no escaping.
    mutating func raw(_ s: String) {
        // In place (no copy of the string, so no retain and release of its storage), unless the
        // string is not contiguous UTF-8.
        if s.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        var s = s
        s.withUTF8 { append($0) }
    }

    mutating func indent(_ level: Int) {
        for _ in 0..<level { append(0x20); append(0x20) }
    }

    /// `  <name` (no `>`).
    mutating func start(_ level: Int, _ name: String) {
        indent(level)
        append(0x3C)
        raw(name)
    }

    /// `  <name>` and a newline.
    mutating func open(_ level: Int, _ name: String) {
        start(level, name)
        append(0x3E); append(0x0A)
    }

    /// `  </name>` and a newline.
    mutating func close(_ level: Int, _ name: String) {
        indent(level)
        append(0x3C); append(0x2F)
        raw(name)
        append(0x3E); append(0x0A)
    }

    /// ` name="value"` with the value escaped. `name` may also be given as ` name="`.
    mutating func attribute(_ name: String, _ value: String) {
        attributeStart(name)
        escaped(value, attribute: true)
        append(0x22)
    }

    /// ` name="N"` for an integer, its digits written in place (no string made).
    mutating func attribute(_ name: String, _ value: Int) {
        attributeStart(name)
        integer(value)
        append(0x22)
    }

    /// ` name="T.R.C"` (or `T.R`) for a place in a source's tables.
    mutating func attribute(_ name: String, _ grid: GridLocation) {
        attributeStart(name)
        integer(grid.table); append(0x2E); integer(grid.row)
        if grid.cell > 0 { append(0x2E); integer(grid.cell) }
        append(0x22)
    }

    /// ` name="` (`name` may be given as ` name="` already).
    @inline(__always)
    private mutating func attributeStart(_ name: String) {
        if name.utf8.first == 0x20 {
            raw(name)
        } else {
            append(0x20)
            raw(name)
            append(0x3D); append(0x22)
        }
    }

    /// The decimal digits of `v` (and a minus sign).
    mutating func integer(_ v: Int) {
        if v < 0 { append(0x2D) }
        var x = v.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[19 - n] = UInt8(0x30 + x % 10); x /= 10; n += 1 } while x > 0
            append(UnsafeRawBufferPointer(rebasing: d[(20 - n)...]))
        }
    }

    /// `  <name>text</name>` and a newline.
    mutating func textElement(_ level: Int, _ name: String, _ text: String) {
        start(level, name)
        textElementBody(name, text)
    }

    /// After `<name` and its attributes: `>text</name>` and a newline (`/>` when text is empty).
    mutating func textElementBody(_ name: String, _ text: String) {
        if text.isEmpty {
            append(0x2F); append(0x3E); append(0x0A)
            return
        }
        append(0x3E)
        escaped(text, attribute: false)
        append(0x3C); append(0x2F)
        raw(name)
        append(0x3E); append(0x0A)
    }

    private static let amp: [UInt8] = Array("&amp;".utf8)
    private static let lt: [UInt8] = Array("&lt;".utf8)
    private static let gt: [UInt8] = Array("&gt;".utf8)
    private static let quot: [UInt8] = Array("&quot;".utf8)
    private static let tab: [UInt8] = Array("&#9;".utf8)
    private static let lf: [UInt8] = Array("&#10;".utf8)
    private static let cr: [UInt8] = Array("&#13;".utf8)
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Per byte: 0 copy, 1 escape in text and attributes, 2 escape in attributes only,
    /// 3 forbidden control (U+FFFD), 4 lead byte of a possible U+FFFE/U+FFFF.
    private static let byteClass: [UInt8] = (0..<256).map { b -> UInt8 in
        switch b {
        case 0x26, 0x3C, 0x3E, 0x0D: return 1
        case 0x22, 0x09, 0x0A: return 2
        case 0x00..<0x20: return 3
        case 0xEF: return 4
        default: return 0
        }
    }

    /// True when no byte of `src` is below 0x20, `&`, `<`, `>`, `"` or 0xEF (the lead byte of
    /// U+FFFE/U+FFFF): eight bytes at a time, each test exact for "any byte of the word" (the
    /// usual has-zero-byte and has-less-than tricks).
    @inline(__always)
    static func needsNoEscaping(_ src: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = src.baseAddress else { return true }
        let n = src.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func has(_ w: UInt64, _ b: UInt64) -> UInt64 { let x = w ^ (ones &* b); return (x &- ones) & ~x }
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let hits = (w &- ones &* 0x20) & ~w | has(w, 0x26) | has(w, 0x3C) | has(w, 0x3E) | has(w, 0x22) | has(w, 0xEF)
            if hits & highs != 0 { return false }
            i += 8
        }
        while i < n {
            let b = p[i]
            if b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0xEF { return false }
            i += 1
        }
        return true
    }

    /// Appends `s` escaped for element content or an attribute value.
    mutating func escaped(_ s: String, attribute: Bool) {
        // Most values (ids, numbers, Chinese text) need nothing: one pass, then one copy, in place.
        let clean = s.utf8.withContiguousStorageIfAvailable { src -> Bool in
            guard Self.needsNoEscaping(src) else { return false }
            append(src)
            return true
        }
        if clean == true { return }
        var s = s
        Self.byteClass.withUnsafeBufferPointer { table in
            s.withUTF8 { src in
                let n = src.count
                var runStart = 0
                var i = 0
                while i < n {
                    let b = src[i]
                    let cls = table[Int(b)]
                    if cls == 0 || (cls == 2 && !attribute) { i += 1; continue }
                    var rep: [UInt8]
                    var width = 1
                    switch cls {
                    case 1, 2:
                        switch b {
                        case 0x26: rep = Self.amp
                        case 0x3C: rep = Self.lt
                        case 0x3E: rep = Self.gt
                        case 0x0D: rep = Self.cr
                        case 0x22: rep = Self.quot
                        case 0x09: rep = Self.tab
                        default: rep = Self.lf
                        }
                    case 3:
                        rep = Self.replacement
                    default:
                        if i + 2 < n, src[i + 1] == 0xBF, src[i + 2] == 0xBE || src[i + 2] == 0xBF {
                            rep = Self.replacement; width = 3
                        } else {
                            i += 1; continue
                        }
                    }
                    if runStart < i { append(UnsafeBufferPointer(rebasing: src[runStart..<i])) }
                    append(rep)
                    i += width
                    runStart = i
                }
                if runStart < n { append(UnsafeBufferPointer(rebasing: src[runStart..<n])) }
            }
        }
    }
}
