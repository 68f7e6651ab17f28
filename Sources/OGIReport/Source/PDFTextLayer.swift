import CPoppler
import Foundation

/// The PDF library side of the PDF front end, on poppler-glib: opens a document from bytes and
/// gives each page's characters with their boxes (`poppler_page_get_text` +
/// `poppler_page_get_text_layout`, one box per character) and its ruling lines (the page
/// rendered with cairo at 2 px/pt in a child process of bounded memory — one per document, its
/// font caches warm from page to page —, the cores of characters
/// masked out, long thin dark runs kept). A page that cannot be rendered within the bound gets no
/// ruling lines and says why (``PDFPageContent/rulingsSkipped``).
///
/// Every failure is a ``DiagnosticError`` with one line: damaged, encrypted, too many pages.
struct PDFTextLayer {
    /// Pixels per point for ruling detection (a 0.5 pt border is one pixel).
    static let scale = 2.0

    /// Threads in poppler hold it shared; a thread starts a render child (`fork`) holding it
    /// alone, so no other thread is inside poppler, cairo or GLib then (a lock that thread held
    /// would stay locked in the child). Writers are preferred, so a fork waits for the documents
    /// being read, not for every later one. Documents are read in parallel otherwise.
    nonisolated(unsafe) private static let libraryLock: UnsafeMutablePointer<pthread_rwlock_t> = {
        let l = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        var attr = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attr)
        pthread_rwlockattr_setkind_np(&attr, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        pthread_rwlock_init(l, &attr)
        pthread_rwlockattr_destroy(&attr)
        return l
    }()

    /// Reads every page of `data`. `limits` bound the work a hostile file can cause.
    static func pages(_ data: Data, fileName: String, limits: PDFFrontEnd.Limits) throws -> (pages: [PDFPageContent], title: String?) {
        pthread_rwlock_rdlock(libraryLock)
        defer { pthread_rwlock_unlock(libraryLock) }
        return try data.withUnsafeBytes { raw -> ([PDFPageContent], String?) in
            guard let base = raw.baseAddress, raw.count > 0 else {
                throw DiagnosticError(.error("damaged PDF: the file is empty", code: "read.pdf.damaged", file: fileName))
            }
            var error: UnsafeMutablePointer<GError>?
            guard let doc = ogi_poppler_open(base, raw.count, &error) else {
                defer { ogi_poppler_error_free(error) }
                if ogi_poppler_error_is_poppler(error) != 0, ogi_poppler_error_code(error) == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                    throw DiagnosticError(.error("encrypted PDF: it cannot be opened without its password; ask the agency for an unprotected copy",
                                                 code: "read.pdf.encrypted", file: fileName))
                }
                let why = String(cString: ogi_poppler_error_message(error))
                throw DiagnosticError(.error("damaged PDF: the library could not open it (\(why.isEmpty ? "unknown error" : why))",
                                             code: "read.pdf.damaged", file: fileName))
            }
            defer { ogi_poppler_unref(UnsafeMutableRawPointer(doc)) }
            let count = Int(poppler_document_get_n_pages(doc))
            guard count > 0 else {
                throw DiagnosticError(.error("damaged PDF: it has no pages", code: "read.pdf.damaged", file: fileName))
            }
            guard count <= limits.maxPages else {
                throw DiagnosticError(.error("PDF has \(count) pages, more than the limit of \(limits.maxPages) for an annual report",
                                             code: "read.pdf.limit", file: fileName))
            }
            var title: String?
            if let t = poppler_document_get_title(doc) { title = String(cString: t); ogi_poppler_free(t) }
            // Page sizes first: the renderer's shared mask is as large as the largest page needs.
            var sizes: [(Double, Double)] = []
            for i in 0..<count {
                guard let page = poppler_document_get_page(doc, Int32(i)) else {
                    throw DiagnosticError(.error("damaged PDF: page \(i + 1) cannot be loaded", code: "read.pdf.damaged", file: fileName))
                }
                defer { ogi_poppler_unref(UnsafeMutableRawPointer(page)) }
                var w = 0.0, h = 0.0
                poppler_page_get_size(page, &w, &h)
                guard w.isFinite, h.isFinite, w > 1, h > 1, w <= limits.maxPageSide, h <= limits.maxPageSide else {
                    throw DiagnosticError(.error("PDF page \(i + 1) has an unusable size (\(Int(w)) × \(Int(h)) pt)", code: "read.pdf.limit", file: fileName))
                }
                sizes.append((w, h))
            }
            let capacity = sizes.map { Self.pixels($0.0) * Self.pixels($0.1) }.max() ?? 0
            var renderer = ogi_renderer()
            var noChild = false  // no child process could be started: pages are rendered in process
            defer { ogi_renderer_stop(&renderer) }
            var out: [PDFPageContent] = []
            for i in 0..<count {
                guard let page = poppler_document_get_page(doc, Int32(i)) else {
                    throw DiagnosticError(.error("damaged PDF: page \(i + 1) cannot be loaded", code: "read.pdf.damaged", file: fileName))
                }
                defer { ogi_poppler_unref(UnsafeMutableRawPointer(page)) }
                let (w, h) = sizes[i]
                let glyphs = try Self.glyphs(page, number: i + 1, fileName: fileName, limits: limits)
                var skipped = glyphs.isEmpty ? nil : Self.renderHazard(glyphs, width: w, height: h)
                var rulings: [PDFRuling] = []
                if !glyphs.isEmpty, skipped == nil {
                    // One child renders the pages in turn; a page that ends it gets a new one for the next.
                    if renderer.pid <= 0, !noChild {
                        pthread_rwlock_unlock(libraryLock)
                        pthread_rwlock_wrlock(libraryLock)
                        noChild = ogi_renderer_start(&renderer, doc, capacity, renderLimit) != 0
                        pthread_rwlock_unlock(libraryLock)
                        pthread_rwlock_rdlock(libraryLock)
                    }
                    (rulings, skipped) = Self.rulings(page, index: i, width: w, height: h, glyphs: glyphs, renderer: &renderer)
                }
                out.append(PDFPageContent(number: i + 1, width: w, height: h, glyphs: glyphs, rulings: rulings, rulingsSkipped: skipped))
            }
            return (out, title)
        }
    }

    /// The page's characters with their boxes; line breaks the library inserted are left out.
    private static func glyphs(_ page: OpaquePointer, number: Int, fileName: String, limits: PDFFrontEnd.Limits) throws -> [PDFGlyph] {
        guard let text = poppler_page_get_text(page) else { return [] }
        defer { ogi_poppler_free(text) }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var n: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &n) != 0, let rects else { return [] }
        defer { ogi_poppler_free(rects) }
        guard Int(n) <= limits.maxGlyphsPerPage else {
            throw DiagnosticError(.error("PDF page \(number) has \(n) characters, more than the limit of \(limits.maxGlyphsPerPage)",
                                         code: "read.pdf.limit", file: fileName))
        }
        let scalars = String(cString: text).unicodeScalars
        var out: [PDFGlyph] = []
        out.reserveCapacity(Int(n))
        var k = 0
        for s in scalars {
            guard k < Int(n) else { break }
            let r = rects[k]
            k += 1
            if s == "\n" || s == "\r" { continue }
            let box = PageBox(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2))
            guard box.x0.isFinite, box.y0.isFinite, box.x1.isFinite, box.y1.isFinite else { continue }
            out.append(PDFGlyph(scalar: s, box: box))
        }
        return out
    }

    /// Why rendering the page to find its ruling lines could cost unbounded memory, as the text
    /// layer shows it, or nil: the renderer rasterises each glyph at its drawn size (a Type 3
    /// glyph through its font matrix), so a character bigger than the page or glyphs that together
    /// cover many times the page need glyph images far larger than the page image. (The text
    /// layer leaves out characters drawn off the page — the fuzzed Type 3 glyph of
    /// 12 000 × 31 000 pt in Fixtures/fuzz — which the render's memory bound catches instead.)
    static func renderHazard(_ glyphs: [PDFGlyph], width: Double, height: Double) -> String? {
        let side = max(width, height)
        var area = 0.0, largest = 0.0
        for g in glyphs where !g.isSpace {
            let w = g.box.width, h = g.box.height
            largest = max(largest, w, h)
            area += w * h
        }
        if largest > side {
            return "a character is drawn \(Int(largest)) pt large, bigger than the page (a damaged font matrix?), and rendering it would take unbounded memory"
        }
        if area > 16 * width * height {
            return "its characters together cover \(Int(area / (width * height))) times the page (damaged font matrices?), and rendering them would take unbounded memory"
        }
        return nil
    }

    /// Memory the rendering of one page may take (the page image itself is at most ~4 MB a
    /// square metre of page at ``scale``); a page whose drawing needs more is not rendered.
    static let renderLimit = 128 << 20

    /// The page's ruling lines: rendered at ``scale`` px/pt on white (by the document's render
    /// child, whose memory is bounded by ``renderLimit``, see `ogi_renderer` in the CPoppler shim), the characters' boxes
    /// painted white, then horizontal and vertical runs of dark pixels at least 6 pt long and at
    /// most 3 pt thick (thicker runs are fills, not lines). When the page cannot be rendered within
    /// the bound, no rulings and why.
    private static func rulings(_ page: OpaquePointer, index: Int, width: Double, height: Double, glyphs: [PDFGlyph],
                                renderer: inout ogi_renderer) -> ([PDFRuling], String?) {
        let pw = pixels(width), ph = pixels(height)
        var mask = [UInt8](repeating: 0, count: pw * ph)
        let status = mask.withUnsafeMutableBufferPointer { m in
            ogi_renderer_render(&renderer, Int32(index), scale, Int32(pw), Int32(ph), 20_000, m.baseAddress)
        }
        if status == 1 {
            return ([], "rendering it needed more than \(renderLimit >> 20) MB or failed (a damaged font or drawing?)")
        }
        if status != 0, !renderInProcess(page, pw: pw, ph: ph, mask: &mask) { return ([], nil) }
        for g in glyphs where !g.isSpace {
            // The glyph's core only: a tight cell's borders may pass through the edges of its box.
            let inset = g.box.height * 0.3, side = g.box.width * 0.15
            let x0 = max(0, Int(((g.box.x0 + side) * scale).rounded(.down))), x1 = min(pw, Int(((g.box.x1 - side) * scale).rounded(.up)))
            let y0 = max(0, Int(((g.box.y0 + inset) * scale).rounded(.down))), y1 = min(ph, Int(((g.box.y1 - inset) * scale).rounded(.up)))
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 { for x in x0..<x1 { mask[y * pw + x] = 0 } }
        }
        return (RulingScanner.scan(mask, width: pw, height: ph, scale: scale), nil)
    }

    /// Pixels along a page side of `points` at ``scale``.
    static func pixels(_ points: Double) -> Int { Int((points * scale).rounded(.up)) }

    /// The dark-pixel mask rendered in this process (when no child process can be started).
    private static func renderInProcess(_ page: OpaquePointer, pw: Int, ph: Int, mask: inout [UInt8]) -> Bool {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph)) else { return false }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return false }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return false }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<ph {
            let row = data + y * stride
            for x in 0..<pw where row[x * 4 + 1] < 190 { mask[y * pw + x] = 1 }
        }
        return true
    }
}
