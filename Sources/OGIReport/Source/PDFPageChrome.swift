/// Page chrome of a PDF: page numbers (`- 5 -`, `第 3 页`, `第3页 共8页`, `3 / 8`, `5`) and running
/// headers or footers (the same text, digits aside, in the top or bottom margin of two or more
/// pages). They are left out of the units and counted.
enum PDFPageChrome {
    /// The share of the page height at the top and the bottom that counts as margin.
    static let margin = 0.1

    /// True when `text` is a page number in one of the usual forms.
    static func isPageNumber(_ text: String) -> Bool {
        var s = text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)
        guard !s.isEmpty, s.count <= 24 else { return false }
        let dashes: Set<Character> = ["-", "—", "–", "－", "·", "•"]
        while let f = s.first, dashes.contains(f) { s.removeFirst() }
        while let l = s.last, dashes.contains(l) { s.removeLast() }
        let t = String(s)
        func digits(_ x: Substring) -> Bool { !x.isEmpty && x.count <= 4 && x.allSatisfy { $0.isASCII && $0.isNumber } }
        if digits(Substring(t)) { return true }
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, digits(parts[0]), digits(parts[1]) { return true }
        // 第N页, 第N页共M页, 第N页/共M页, Page N, Page N of M
        var rest = Substring(t)
        if rest.hasPrefix("第") {
            rest = rest.dropFirst()
            let n = rest.prefix { $0.isASCII && $0.isNumber }
            guard digits(n) else { return false }
            rest = rest.dropFirst(n.count)
            guard rest.hasPrefix("页") else { return false }
            rest = rest.dropFirst()
            if rest.hasPrefix("/") || rest.hasPrefix("，") || rest.hasPrefix(",") { rest = rest.dropFirst() }
            if rest.isEmpty { return true }
            guard rest.hasPrefix("共") else { return false }
            rest = rest.dropFirst()
            let m = rest.prefix { $0.isASCII && $0.isNumber }
            return digits(m) && rest.dropFirst(m.count) == "页"
        }
        let lower = t.lowercased()
        if lower.hasPrefix("page") {
            let words = lower.dropFirst(4).split(separator: "of")
            return (words.count == 1 || words.count == 2) && words.allSatisfy { digits($0) }
        }
        return false
    }

    /// A line's text with its digits replaced, to compare running headers of different pages.
    static func shape(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map { ("0"..."9").contains($0) ? "#" : Character($0) })
    }
}
