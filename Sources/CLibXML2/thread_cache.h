// Per-thread caches of small blocks for libxml2's own allocations, installed with xmlMemSetup
// before libxml2 is initialised (`ogi_xml_install_thread_caches`).
//
// Why: validating a report in a stream makes about 3,800 libxml2 allocations (a copy of every
// attribute value, a value object for every typed one, …), each freed moments later. In a
// process with several threads glibc takes its arena lock for every one of them that its own
// small per-thread cache (seven blocks a size) cannot serve; a one-thread process skips the
// lock. These caches keep up to OGI_XC_DEPTH freed blocks of each size class (16, 32, … 512
// bytes) per thread, so the blocks a validation frees are the next validation's, without a
// lock or an atomic operation.
//
// Every block carries a 16-byte header (size class and a magic number). A block that lacks the
// header (allocated by the C library before the caches were installed) is given back to the C
// library. A block freed on another thread than the one that allocated it joins that thread's
// cache (the header says its class). A thread's cache is given back when the thread ends
// (a pthread key's destructor); the main thread's lasts until the process exits.
#ifndef OGI_CLIBXML2_THREAD_CACHE_H
#define OGI_CLIBXML2_THREAD_CACHE_H
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define OGI_XC_CLASSES 32u               /* payload sizes 16, 32, …, 512 bytes */
#define OGI_XC_DEPTH 32u                 /* freed blocks kept per class and thread */
#define OGI_XC_LARGE 0xFFFFFFFFu         /* class of a block larger than the largest class */
#define OGI_XC_MAGIC 0x6F67692D78633231ull /* "ogi-xc21" */

typedef struct {
    uint32_t cls;      /* size class, or OGI_XC_LARGE */
    uint32_t unused;
    uint64_t magic;    /* OGI_XC_MAGIC */
} ogi_xc_header;

typedef struct {
    void *head[OGI_XC_CLASSES];
    uint32_t count[OGI_XC_CLASSES];
    int registered;
} ogi_xc_cache;

// The state lives in function-local statics: Swift's importer emits the header's functions but
// not its file-scope variables.

/// This thread's cache.
static inline ogi_xc_cache *ogi_xc_local(void) {
    static __thread ogi_xc_cache cache;
    return &cache;
}

/// The key whose destructor gives a thread's cache back.
static inline pthread_key_t *ogi_xc_key(void) {
    static pthread_key_t key;
    return &key;
}

/// Gives a thread's cached blocks back to the C library (the key's destructor, at thread end).
static void ogi_xc_drain(void *cache) {
    ogi_xc_cache *c = (ogi_xc_cache *)cache;
    for (unsigned k = 0; k < OGI_XC_CLASSES; k++) {
        void *p = c->head[k];
        while (p) {
            void *next = *(void **)p;
            free((ogi_xc_header *)p - 1);
            p = next;
        }
        c->head[k] = NULL;
        c->count[k] = 0;
    }
    /* A block freed by a later destructor registers the cache again (the C library then runs the
       destructors once more). */
    c->registered = 0;
}

static void ogi_xc_make_key(void) { (void)pthread_key_create(ogi_xc_key(), ogi_xc_drain); }

/// Registers this thread's cache with the key, once a thread.
static void ogi_xc_register(ogi_xc_cache *c) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    (void)pthread_once(&once, ogi_xc_make_key);
    (void)pthread_setspecific(*ogi_xc_key(), c);
    c->registered = 1;
}

static inline ogi_xc_header *ogi_xc_header_of(void *p) { return (ogi_xc_header *)p - 1; }

static void *ogi_xc_malloc(size_t size) {
    if (size <= 16u * OGI_XC_CLASSES) {
        unsigned k = size == 0 ? 0 : (unsigned)((size - 1) >> 4);
        ogi_xc_cache *c = ogi_xc_local();
        void *p = c->head[k];
        if (p) {
            c->head[k] = *(void **)p;
            c->count[k]--;
            return p;
        }
        ogi_xc_header *h = (ogi_xc_header *)malloc(sizeof(ogi_xc_header) + ((size_t)(k + 1) << 4));
        if (!h) return NULL;
        h->cls = k; h->unused = 0; h->magic = OGI_XC_MAGIC;
        return h + 1;
    }
    if (size > SIZE_MAX - sizeof(ogi_xc_header)) return NULL;
    ogi_xc_header *h = (ogi_xc_header *)malloc(sizeof(ogi_xc_header) + size);
    if (!h) return NULL;
    h->cls = OGI_XC_LARGE; h->unused = 0; h->magic = OGI_XC_MAGIC;
    return h + 1;
}

static void ogi_xc_free(void *p) {
    if (!p) return;
    ogi_xc_header *h = ogi_xc_header_of(p);
    if (h->magic != OGI_XC_MAGIC) { free(p); return; }  /* the C library's own block */
    unsigned k = h->cls;
    ogi_xc_cache *c = ogi_xc_local();
    if (k < OGI_XC_CLASSES && c->count[k] < OGI_XC_DEPTH) {
        if (!c->registered) ogi_xc_register(c);
        *(void **)p = c->head[k];
        c->head[k] = p;
        c->count[k]++;
        return;
    }
    h->magic = 0;
    free(h);
}

static void *ogi_xc_realloc(void *p, size_t size) {
    if (!p) return ogi_xc_malloc(size);
    ogi_xc_header *h = ogi_xc_header_of(p);
    if (h->magic != OGI_XC_MAGIC) return realloc(p, size);  /* the C library's own block */
    if (h->cls < OGI_XC_CLASSES) {
        size_t capacity = (size_t)(h->cls + 1) << 4;
        if (size <= capacity) return p;
        void *q = ogi_xc_malloc(size);
        if (!q) return NULL;
        memcpy(q, p, capacity);
        ogi_xc_free(p);
        return q;
    }
    if (size > SIZE_MAX - sizeof(ogi_xc_header)) return NULL;
    ogi_xc_header *n = (ogi_xc_header *)realloc(h, sizeof(ogi_xc_header) + size);
    return n ? n + 1 : NULL;
}

static char *ogi_xc_strdup(const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *d = (char *)ogi_xc_malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

/// Routes libxml2's allocations through the caches. Call once, before any other libxml2 call.
/// Returns xmlMemSetup's result (0 on success).
static inline int ogi_xml_install_thread_caches(void) {
    return xmlMemSetup(ogi_xc_free, ogi_xc_malloc, ogi_xc_realloc, ogi_xc_strdup);
}

/// The cache's functions, for tests.
static inline void *ogi_xc_test_malloc(size_t size) { return ogi_xc_malloc(size); }
static inline void *ogi_xc_test_realloc(void *p, size_t size) { return ogi_xc_realloc(p, size); }
static inline void ogi_xc_test_free(void *p) { ogi_xc_free(p); }
static inline unsigned ogi_xc_test_cached(unsigned sizeClass) {
    return sizeClass < OGI_XC_CLASSES ? ogi_xc_local()->count[sizeClass] : 0;
}
#endif
