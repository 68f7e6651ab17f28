// poppler-glib (GPL-2.0-or-later, Debian package libpoppler-glib-dev) for Swift: the PDF front
// end's text layer (characters with their boxes) and cairo rendering (ruling lines).
// Small inline helpers keep GObject casts and GError handling on the C side.
#ifndef OGI_CPOPPLER_SHIM_H
#define OGI_CPOPPLER_SHIM_H
#include <poppler.h>
#include <cairo.h>

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
#endif
