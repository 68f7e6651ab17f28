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

#include <errno.h>
#include <poll.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/socket.h>

/// A child process that renders the pages of one document for their dark-pixel masks, one page
/// at a time on request, so that its memory is bounded and its font caches stay warm from page
/// to page. A damaged Type 3 font matrix makes the renderer rasterise a glyph thousands of points
/// large; in the child that only ends the child.
typedef struct {
    pid_t pid;
    int socket;          // the parent's end of a socket pair (requests out, statuses in)
    uint8_t *shared;     // the mask of the page rendered last, `capacity` bytes
    size_t capacity;
} ogi_renderer;

typedef struct { int index; int pw; int ph; double scale; } ogi_render_request;

/// The child: renders requested pages into `shared` until the parent closes its end.
static inline void ogi_renderer_serve(PopplerDocument *doc, int socket, uint8_t *shared, size_t capacity, size_t limit) {
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) { if (fscanf(f, "%ld %ld", &pages, &resident) != 2) pages = 0; fclose(f); }
    if (pages > 0) {
        struct rlimit r;
        r.rlim_cur = r.rlim_max = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + (rlim_t)limit;
        setrlimit(RLIMIT_AS, &r);
    }
    ogi_render_request q;
    for (;;) {
        ssize_t got = recv(socket, &q, sizeof q, MSG_WAITALL);
        if (got != (ssize_t)sizeof q) _exit(0);
        unsigned char status = 1;
        size_t n = (size_t)q.pw * (size_t)q.ph;
        PopplerPage *page = n > 0 && n <= capacity ? poppler_document_get_page(doc, q.index) : NULL;
        if (page) {
            cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, q.pw, q.ph);
            if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
                cairo_t *cr = cairo_create(surface);
                cairo_set_source_rgb(cr, 1, 1, 1);
                cairo_paint(cr);
                cairo_scale(cr, q.scale, q.scale);
                poppler_page_render(page, cr);
                int bad = cairo_status(cr) != CAIRO_STATUS_SUCCESS;
                cairo_destroy(cr);
                cairo_surface_flush(surface);
                unsigned char *data = cairo_image_surface_get_data(surface);
                if (!bad && data) {
                    int stride = cairo_image_surface_get_stride(surface);
                    for (int y = 0; y < q.ph; y++) {
                        const unsigned char *row = data + (size_t)y * (size_t)stride;
                        uint8_t *out = shared + (size_t)y * (size_t)q.pw;
                        for (int x = 0; x < q.pw; x++) out[x] = row[x * 4 + 1] < 190;
                    }
                    status = 0;
                }
            }
            cairo_surface_destroy(surface);
            g_object_unref(page);
        }
        if (send(socket, &status, 1, MSG_NOSIGNAL) != 1) _exit(0);
    }
}

/// Closes every file descriptor from `first` on (close_range(2); a loop over the descriptor
/// limit where the kernel has no close_range).
static inline void ogi_close_from(int first) {
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)first, ~0U, 0) == 0) return;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536) max = 65536;
    for (int fd = first; fd < max; fd++) close(fd);
}

/// Starts a renderer for `doc` whose masks may be up to `capacity` bytes and whose address space
/// may grow by `limit` bytes. Returns 0, or -1 when no child could be started (`r->pid` is 0).
static inline int ogi_renderer_start(ogi_renderer *r, PopplerDocument *doc, size_t capacity, size_t limit) {
    memset(r, 0, sizeof *r);
    if (capacity == 0) return -1;
    uint8_t *shared = mmap(NULL, capacity, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) return -1;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) { munmap(shared, capacity); return -1; }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) { close(sv[0]); close(sv[1]); munmap(shared, capacity); return -1; }
    if (pid == 0) {
        // The child only renders: what poppler or cairo print about a damaged font ("some font
        // thing failed") must not reach the user's terminal; its answers go over the socket.
        int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (null_fd >= 0) { dup2(null_fd, 2); close(null_fd); }
        // Keep only the own socket (as fd 3): a child that kept the parent's end of another
        // document's socket (forked while that document was being read on another thread) would
        // keep that document's child from ever seeing its socket close, and the parent waiting
        // for it would wait forever.
        if (sv[1] != 3 && dup2(sv[1], 3) < 0) _exit(1);
        ogi_close_from(4);
        ogi_renderer_serve(doc, 3, shared, capacity, limit); _exit(0);
    }
    close(sv[1]);
    r->pid = pid; r->socket = sv[0]; r->shared = shared; r->capacity = capacity;
    return 0;
}

/// Ends the child (it exits when its socket closes) and frees what the renderer holds.
static inline void ogi_renderer_stop(ogi_renderer *r) {
    if (r->pid > 0) {
        close(r->socket);
        int status;
        while (waitpid(r->pid, &status, 0) < 0 && errno == EINTR) {}
    }
    if (r->shared) munmap(r->shared, r->capacity);
    memset(r, 0, sizeof *r);
}

/// Renders page `index` (0-based) at `scale` px/pt into `mask` (pw * ph bytes: 1 where the page
/// is dark, green channel < 190). Returns 0 when the mask was written; 1 when the child ran out
/// of memory, crashed, failed or took longer than `timeout_ms` (the child is then ended: start
/// another for the next page); -1 when there is no child.
static inline int ogi_renderer_render(ogi_renderer *r, int index, double scale, int pw, int ph, int timeout_ms, uint8_t *mask) {
    if (r->pid <= 0) return -1;
    size_t n = (size_t)pw * (size_t)ph;
    if (n == 0 || n > r->capacity) return 1;
    ogi_render_request q = { index, pw, ph, scale };
    unsigned char status = 1;
    int ok = send(r->socket, &q, sizeof q, MSG_NOSIGNAL) == (ssize_t)sizeof q;
    if (ok) {
        struct pollfd p = { r->socket, POLLIN, 0 };
        int ready;
        do { ready = poll(&p, 1, timeout_ms); } while (ready < 0 && errno == EINTR);
        ok = ready == 1 && recv(r->socket, &status, 1, 0) == 1 && status == 0;
    }
    if (ok) { memcpy(mask, r->shared, n); return 0; }
    kill(r->pid, SIGKILL);
    size_t capacity = r->capacity;
    uint8_t *shared = r->shared;
    r->shared = NULL;
    ogi_renderer_stop(r);
    munmap(shared, capacity);
    return 1;
}
#endif
