import Testing
@testable import OGIReport

@Suite struct XMLByteWriterTests {
    /// The word-at-a-time test for bytes that need escaping agrees with a byte-by-byte test on
    /// random bytes (every position of a special byte in a word, every length).
    @Test func needsNoEscapingAgreesWithBytes() {
        var rng = SplitMix64(seed: 3)
        let special: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x26, 0x3C, 0x3E, 0x22, 0xEF]
        let plain: [UInt8] = [0x20, 0x21, 0x25, 0x27, 0x3B, 0x3D, 0x3F, 0x41, 0x7F, 0x80, 0xBF, 0xE4, 0xEE, 0xF0, 0xFF]
        for _ in 0..<5000 {
            let n = Int.random(in: 0...40, using: &rng)
            var b = (0..<n).map { _ in plain[Int.random(in: 0..<plain.count, using: &rng)] }
            if n > 0 && Bool.random(using: &rng) { b[Int.random(in: 0..<n, using: &rng)] = special[Int.random(in: 0..<special.count, using: &rng)] }
            let expected = !b.contains { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }
            #expect(b.withUnsafeBufferPointer(XMLByteWriter.needsNoEscaping) == expected, "\(b)")
        }
    }

    @Test func escapesAsBefore() {
        var w = XMLByteWriter(capacity: 16)
        w.escaped("a&b<c>d\"e\tf\ng\rh\u{1}i\u{FFFE}j中文", attribute: true)
        #expect(w.string == "a&amp;b&lt;c&gt;d&quot;e&#9;f&#10;g&#13;h\u{FFFD}i\u{FFFD}j中文")
        var t = XMLByteWriter(capacity: 16)
        t.escaped("a\"b\tc\nd&", attribute: false)
        #expect(t.string == "a\"b\tc\nd&amp;")
    }
}
