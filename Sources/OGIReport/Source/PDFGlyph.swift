/// One character of a PDF page's text layer with its box (PDF points, origin top left), as the
/// PDF library reported it.
struct PDFGlyph: Sendable, Hashable {
    var scalar: Unicode.Scalar
    var box: PageBox

    var midX: Double { (box.x0 + box.x1) / 2 }
    var midY: Double { (box.y0 + box.y1) / 2 }
    var height: Double { box.y1 - box.y0 }
    var isSpace: Bool { scalar.properties.isWhitespace }

    /// A code that no font with a Unicode map produces: C0/C1 controls, U+FFFD, private use.
    var isGarbage: Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v) || v == 0xFFFD
            || (0xE000...0xF8FF).contains(v) || v >= 0xF0000
    }
}

extension PageBox {
    /// The smallest box holding both.
    func union(_ o: PageBox) -> PageBox {
        PageBox(x0: min(x0, o.x0), y0: min(y0, o.y0), x1: max(x1, o.x1), y1: max(y1, o.y1))
    }
    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
    /// The box rounded to 0.1 pt (stable output).
    var rounded: PageBox {
        func r(_ v: Double) -> Double { (v * 10).rounded() / 10 }
        return PageBox(x0: r(x0), y0: r(y0), x1: r(x1), y1: r(y1))
    }
}
