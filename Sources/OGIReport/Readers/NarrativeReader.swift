/// Turns the prose lines of a region (preamble, a narrative section, prose left in a table
/// section) into ``Block``s.
///
/// Rules, applied the same way everywhere:
/// - **Text is verbatim** except that each line's leading and trailing spaces (including
///   full-width spaces and indentation tabs) are trimmed, and the lines of one paragraph are joined
///   with nothing between them (Chinese text has no spaces between words).
/// - **Sub-headings**: a line starting with a numbering marker (（一） (1) （1） 1. 1、 一、 …) whose
///   text after the marker is a short title (at most ``maxHeadingLength`` characters, no ， ； ！ ？)
///   is a `.heading` block. When the title ends with "。" or "：" and body text follows on the same
///   line ("（1） 主动公开。我局门户网站…"), the line is split there: the heading keeps the text up to
///   and including that punctuation, the rest starts a paragraph — the two joined give the line back.
///   A marker followed by a long or punctuated sentence is an ordinary paragraph.
/// - **Paragraphs and rejoining**: a paragraph ends at a line that ends with sentence-final
///   punctuation (。！？；：… possibly followed by a closing quote or bracket), before a heading,
///   or at the end of the region. Otherwise the next non-blank line continues it, whether or not
///   blank lines come between — so "…不\n\n予处理…" is one paragraph again. Blank lines alone
///   never end a paragraph whose sentence is unfinished, and never join finished ones.
enum NarrativeReader {
    /// Longest sub-heading title (in characters, spaces excluded).
    static let maxHeadingLength = 30

    /// A sub-heading split from a line.
    struct SubHeading {
        var heading: String
        var body: String?
    }

    /// The blocks of the lines (already cleaned of artefacts); `firstBody` is text that follows
    /// the section heading on its own line (it starts a paragraph at that line).
    /// - Parameter wholeParagraphs: each line is a whole paragraph (units of a structured format:
    ///   HTML `<p>`, DOCX paragraphs), never joined with the next.
    static func blocks(_ lines: [SourceLine], firstBody: (text: String, line: Int)? = nil, wholeParagraphs: Bool = false) -> [Block] {
        var blocks: [Block] = []
        var para: (text: String, first: Int, last: Int)?
        func flush() {
            if let p = para { blocks.append(Block(.paragraph, p.text, lines: LineRange(p.first, p.last))) }
            para = nil
        }
        func add(_ text: String, _ n: Int) {
            if para != nil { para!.text += text; para!.last = n } else { para = (text, n, n) }
            if wholeParagraphs || DocumentText.endsSentence(text) { flush() }
        }
        if let fb = firstBody { add(DocumentText.trim(fb.text), fb.line) }
        for line in lines {
            let t = DocumentText.trim(line.text)
            if t.isEmpty { continue }
            if let sub = subHeading(t) {
                flush()
                blocks.append(Block(.heading, sub.heading, lines: LineRange(line: line.number)))
                if let body = sub.body { add(body, line.number) }
            } else {
                add(t, line.number)
            }
        }
        flush()
        return blocks
    }

    /// The sub-heading on a trimmed line, if it is one (see the type's rules).
    static func subHeading(_ trimmed: String) -> SubHeading? {
        guard DocumentText.mayStartMarker(trimmed) else { return nil }
        let orig = Array(trimmed.unicodeScalars)
        let s = orig.map(DocumentText.fold)
        guard let m = DocumentText.marker(s), m.end < s.count else { return nil }
        var j = m.end, count = 0
        while j < s.count, s[j] != "。", s[j] != ":" {
            if [",", "，", ";", "!", "?"].contains(s[j]) { return nil }
            if !DocumentText.isSpace(s[j]) { count += 1 }
            j += 1
        }
        guard count >= 1, count <= maxHeadingLength else { return nil }
        if j == s.count { return SubHeading(heading: trimmed, body: nil) }
        let headEnd = j + 1
        var k = headEnd
        while k < s.count, DocumentText.isSpace(s[k]) { k += 1 }
        let head = String(String.UnicodeScalarView(orig[0..<headEnd]))
        if k == s.count { return SubHeading(heading: trimmed, body: nil) }
        return SubHeading(heading: head, body: String(String.UnicodeScalarView(orig[k...])))
    }

    /// True when a leftover line of a table section reads as prose rather than a stray cell:
    /// no tab inside, some Chinese text, and a sentence (sentence punctuation, sentence-final
    /// punctuation such as a lead-in's colon "本年度数据如下：", or at least 15 characters).
    static func isProse(_ trimmed: String) -> Bool {
        let s = DocumentText.compact(trimmed)
        guard !ByteSearch.contains(0x09, in: trimmed), s.contains(where: DocumentText.isHan) else { return false }
        return s.contains { DocumentText.clausePunctuation.contains($0) } || s.count >= 15 || DocumentText.endsSentence(trimmed)
    }
}
