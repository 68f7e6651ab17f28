// poppler-glib (GPL-2.0-or-later, Debian package libpoppler-glib-dev) for Swift: the PDF front
// end's text layer (characters with their boxes) and cairo rendering (ruling lines).
// Small inline helpers keep GObject casts and GError handling on the C side.
#ifndef OGI_CPOPPLER_SHIM_H
#define OGI_CPOPPLER_SHIM_H
#include <poppler.h>
#include <cairo.h>
#include <string.h>

/// The error of a failed open: its code (PopplerError) and message, freed.
static inline int ogi_poppler_error_code(GError *e) { return e ? e->code : -1; }
static inline int ogi_poppler_error_is_poppler(GError *e) { return e && e->domain == POPPLER_ERROR; }
static inline const char *ogi_poppler_error_message(GError *e) { return e && e->message ? e->message : ""; }
static inline void ogi_poppler_error_free(GError *e) { if (e) g_error_free(e); }
static inline void ogi_poppler_unref(void *object) { if (object) g_object_unref(object); }
static inline void ogi_poppler_free(void *p) { g_free(p); }

/// Opens a document from bytes that stay alive as long as it does (GBytes does not copy).
static inline PopplerDocument *ogi_poppler_open(const void *bytes, size_t count, GError **error) {
    GBytes *b = g_bytes_new_static(bytes, count);
    PopplerDocument *d = poppler_document_new_from_bytes(b, NULL, error);
    g_bytes_unref(b);
    return d;
}

#include <stdint.h>
#include <stdio.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>

/// Renders `page` at `scale` px/pt on white into `pw` × `ph` pixels and writes, for each pixel,
/// 1 where it is dark (green channel < 190) into `mask` (pw * ph bytes). The rendering runs in a
/// child process whose address space may grow by at most `limit` bytes and that is killed after
/// `timeout_ms`: a page whose drawing needs more (a damaged Type 3 font matrix makes the renderer
/// rasterise a glyph thousands of points large) cannot take the reader's memory.
/// Returns 0 when the mask was written, 1 when the child ran out of memory, crashed or was killed,
/// -1 when no child could be started (the caller may render in process).
static inline int ogi_render_dark_mask(PopplerPage *page, double scale, int pw, int ph, size_t limit, int timeout_ms, uint8_t *mask) {
    size_t n = (size_t)pw * (size_t)ph;
    if (n == 0) return 1;
    uint8_t *shared = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) { munmap(shared, n); return -1; }
    if (pid == 0) {
        long pages = 0, resident = 0;
        FILE *f = fopen("/proc/self/statm", "r");
        if (f) { if (fscanf(f, "%ld %ld", &pages, &resident) != 2) pages = 0; fclose(f); }
        if (pages > 0) {
            struct rlimit r;
            r.rlim_cur = r.rlim_max = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + (rlim_t)limit;
            setrlimit(RLIMIT_AS, &r);
        }
        cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
        if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) _exit(3);
        cairo_t *cr = cairo_create(surface);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, scale, scale);
        poppler_page_render(page, cr);
        int bad = cairo_status(cr) != CAIRO_STATUS_SUCCESS;
        cairo_destroy(cr);
        cairo_surface_flush(surface);
        unsigned char *data = cairo_image_surface_get_data(surface);
        if (bad || !data) _exit(4);
        int stride = cairo_image_surface_get_stride(surface);
        for (int y = 0; y < ph; y++) {
            const unsigned char *row = data + (size_t)y * (size_t)stride;
            uint8_t *out = shared + (size_t)y * (size_t)pw;
            for (int x = 0; x < pw; x++) out[x] = row[x * 4 + 1] < 190;
        }
        _exit(0);
    }
    int status = 0, waited = 0;
    struct timespec step = {0, 2000000};
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (r < 0) { status = -1; break; }
        if (waited >= timeout_ms) { kill(pid, SIGKILL); waitpid(pid, &status, 0); status = -1; break; }
        nanosleep(&step, NULL);
        waited += 2;
    }
    int ok = status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (ok) memcpy(mask, shared, n);
    munmap(shared, n);
    return ok ? 0 : 1;
}
#endif
