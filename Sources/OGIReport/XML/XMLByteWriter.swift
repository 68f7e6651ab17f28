/// An append-only UTF-8 buffer with XML escaping, for the canonical XML writer.
///
/// Escaping: `&`, `<`, `>` everywhere; `"` in attributes; a carriage return as `&#13;`
/// everywhere and tab/newline as `&#9;`/`&#10;` in attributes, so parsing gives back the same
/// characters. C0 controls other than tab, LF and CR, U+FFFE and U+FFFF (not allowed in XML 1.0)
/// become U+FFFD.
struct XMLByteWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends ASCII text that needs no escaping.
    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func indent(_ level: Int) {
        for _ in 0..<level { bytes.append(0x20); bytes.append(0x20) }
    }

    /// `  <name` (no `>`).
    mutating func start(_ level: Int, _ name: String) {
        indent(level)
        bytes.append(0x3C)
        raw(name)
    }

    /// `  <name>` and a newline.
    mutating func open(_ level: Int, _ name: String) {
        start(level, name)
        bytes.append(0x3E); bytes.append(0x0A)
    }

    /// `  </name>` and a newline.
    mutating func close(_ level: Int, _ name: String) {
        indent(level)
        bytes.append(0x3C); bytes.append(0x2F)
        raw(name)
        bytes.append(0x3E); bytes.append(0x0A)
    }

    /// ` name="value"` with the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        bytes.append(0x20)
        raw(name)
        bytes.append(0x3D); bytes.append(0x22)
        escaped(value, attribute: true)
        bytes.append(0x22)
    }

    /// `  <name>text</name>` and a newline.
    mutating func textElement(_ level: Int, _ name: String, _ text: String) {
        start(level, name)
        textElementBody(name, text)
    }

    /// After `<name` and its attributes: `>text</name>` and a newline (`/>` when text is empty).
    mutating func textElementBody(_ name: String, _ text: String) {
        if text.isEmpty {
            bytes.append(0x2F); bytes.append(0x3E); bytes.append(0x0A)
            return
        }
        bytes.append(0x3E)
        escaped(text, attribute: false)
        bytes.append(0x3C); bytes.append(0x2F)
        raw(name)
        bytes.append(0x3E); bytes.append(0x0A)
    }

    private static let amp: [UInt8] = Array("&amp;".utf8)
    private static let lt: [UInt8] = Array("&lt;".utf8)
    private static let gt: [UInt8] = Array("&gt;".utf8)
    private static let quot: [UInt8] = Array("&quot;".utf8)
    private static let tab: [UInt8] = Array("&#9;".utf8)
    private static let lf: [UInt8] = Array("&#10;".utf8)
    private static let cr: [UInt8] = Array("&#13;".utf8)
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Appends `s` escaped for element content or an attribute value.
    mutating func escaped(_ s: String, attribute: Bool) {
        var s = s
        s.withUTF8 { src in
            let n = src.count
            var runStart = 0
            var i = 0
            while i < n {
                let b = src[i]
                var rep: [UInt8]? = nil
                var width = 1
                switch b {
                case 0x26: rep = Self.amp
                case 0x3C: rep = Self.lt
                case 0x3E: rep = Self.gt
                case 0x22: if attribute { rep = Self.quot }
                case 0x09: if attribute { rep = Self.tab }
                case 0x0A: if attribute { rep = Self.lf }
                case 0x0D: rep = Self.cr
                case 0x00..<0x20: rep = Self.replacement
                case 0xEF:
                    if i + 2 < n, src[i + 1] == 0xBF, src[i + 2] == 0xBE || src[i + 2] == 0xBF {
                        rep = Self.replacement; width = 3
                    }
                default: break
                }
                if let rep {
                    if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<i])) }
                    bytes.append(contentsOf: rep)
                    i += width
                    runStart = i
                } else {
                    i += 1
                }
            }
            if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<n])) }
        }
    }
}
