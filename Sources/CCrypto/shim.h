// OpenSSL's libcrypto (Debian libssl-dev), for SHA-256 only. The low-level SHA256_* calls use
// the CPU's SHA extensions where it has them, without the EVP fetch the one-shot SHA256() makes
// on every call (deprecated in OpenSSL 3, still supported: the deprecation is silenced here).
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <stddef.h>
#include <openssl/sha.h>

/// SHA-256 of `n` bytes at `d` into the 32 bytes at `md`.
static inline void ogi_sha256(const unsigned char *d, size_t n, unsigned char *md) {
    SHA256_CTX c;
    SHA256_Init(&c);
    SHA256_Update(&c, d, n);
    SHA256_Final(md, &c);
}
