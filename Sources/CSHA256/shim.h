// SHA-256 (FIPS 180-4) for the sources' fingerprints: the CPU's SHA extensions where it has them
// (x86-64 SHA-NI with SSSE3/SSE4.1, chosen at run time by CPUID), portable C otherwise. Header
// only, no library to load: linking OpenSSL's libcrypto for this cost 1.4 MB of resident memory
// in every process.
#ifndef OGI_CSHA256_SHIM_H
#define OGI_CSHA256_SHIM_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t ogi_sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t ogi_sha256_rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

/// Whole 64-byte blocks into the state, portable C.
static inline void ogi_sha256_blocks_portable(uint32_t h[8], const uint8_t *p, size_t blocks) {
    uint32_t w[64];
    for (; blocks > 0; blocks--, p += 64) {
        for (int t = 0; t < 16; t++)
            w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 | (uint32_t)p[4 * t + 2] << 8 | (uint32_t)p[4 * t + 3];
        for (int t = 16; t < 64; t++) {
            uint32_t s0 = ogi_sha256_rotr(w[t - 15], 7) ^ ogi_sha256_rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint32_t s1 = ogi_sha256_rotr(w[t - 2], 17) ^ ogi_sha256_rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 64; t++) {
            uint32_t s1 = ogi_sha256_rotr(e, 6) ^ ogi_sha256_rotr(e, 11) ^ ogi_sha256_rotr(e, 25);
            uint32_t ch = (e & f) ^ (~e & g);
            uint32_t t1 = hh + s1 + ch + ogi_sha256_k[t] + w[t];
            uint32_t s0 = ogi_sha256_rotr(a, 2) ^ ogi_sha256_rotr(a, 13) ^ ogi_sha256_rotr(a, 22);
            uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + s0 + maj;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
}

#if defined(__x86_64__)
/// Whole 64-byte blocks into the state with the SHA extensions (four rounds a step, the message
/// schedule in four registers).
__attribute__((target("sha,ssse3,sse4.1")))
static inline void ogi_sha256_blocks_shani(uint32_t h[8], const uint8_t *p, size_t blocks) {
    const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)&h[0]);
    __m128i s1 = _mm_loadu_si128((const __m128i *)&h[4]);
    tmp = _mm_shuffle_epi32(tmp, 0xB1);        // CDAB
    s1 = _mm_shuffle_epi32(s1, 0x1B);          // EFGH
    __m128i s0 = _mm_alignr_epi8(tmp, s1, 8);  // ABEF
    s1 = _mm_blend_epi16(s1, tmp, 0xF0);       // CDGH
    for (; blocks > 0; blocks--, p += 64) {
        __m128i abef = s0, cdgh = s1;
        __m128i m[4];
        for (int i = 0; i < 4; i++) m[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), mask);
        for (int g = 0; g < 16; g++) {
            __m128i msg = _mm_add_epi32(m[g & 3], _mm_loadu_si128((const __m128i *)&ogi_sha256_k[4 * g]));
            s1 = _mm_sha256rnds2_epu32(s1, s0, msg);
            if (g < 12) {
                // W[g+4] from W[g], W[g+1], W[g+2], W[g+3] (the last one computed a step ago).
                __m128i t = _mm_add_epi32(_mm_sha256msg1_epu32(m[g & 3], m[(g + 1) & 3]), _mm_alignr_epi8(m[(g + 3) & 3], m[(g + 2) & 3], 4));
                m[g & 3] = _mm_sha256msg2_epu32(t, m[(g + 3) & 3]);
            }
            s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(msg, 0x0E));
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
    }
    tmp = _mm_shuffle_epi32(s0, 0x1B);         // FEBA
    s1 = _mm_shuffle_epi32(s1, 0xB1);          // DCHG
    s0 = _mm_blend_epi16(tmp, s1, 0xF0);       // DCBA
    s1 = _mm_alignr_epi8(s1, tmp, 8);          // ABEF
    _mm_storeu_si128((__m128i *)&h[0], s0);
    _mm_storeu_si128((__m128i *)&h[4], s1);
}

/// 1 when the CPU has the SHA extensions, SSSE3 and SSE4.1.
static inline int ogi_sha256_cpu_has_shani(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!(c & (1u << 9)) || !(c & (1u << 19))) return 0;  // SSSE3, SSE4.1
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b >> 29) & 1;                                  // SHA
}
#endif

/// Whole blocks into the state: with the SHA extensions when `accelerated` and the CPU has them.
static inline void ogi_sha256_blocks(uint32_t h[8], const uint8_t *p, size_t blocks, int accelerated) {
#if defined(__x86_64__)
    static int has = -1;  // CPUID once (in a virtual machine it traps to the hypervisor)
    int v = __atomic_load_n(&has, __ATOMIC_RELAXED);
    if (v < 0) { v = ogi_sha256_cpu_has_shani(); __atomic_store_n(&has, v, __ATOMIC_RELAXED); }
    if (accelerated && v) { ogi_sha256_blocks_shani(h, p, blocks); return; }
#endif
    (void)accelerated;
    ogi_sha256_blocks_portable(h, p, blocks);
}

/// SHA-256 of `n` bytes at `d` into the 32 bytes at `md`; `accelerated` 0 forces the portable code
/// (the tests compare both).
static inline void ogi_sha256(const uint8_t *d, size_t n, uint8_t *md, int accelerated) {
    uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    size_t whole = n / 64;
    if (whole) ogi_sha256_blocks(h, d, whole, accelerated);
    uint8_t tail[128];
    size_t rest = n - whole * 64;
    memset(tail, 0, sizeof tail);
    if (rest) memcpy(tail, d + whole * 64, rest);
    tail[rest] = 0x80;
    size_t blocks = rest + 9 <= 64 ? 1 : 2;
    uint64_t bits = (uint64_t)n * 8;
    for (int i = 0; i < 8; i++) tail[blocks * 64 - 1 - i] = (uint8_t)(bits >> (8 * i));
    ogi_sha256_blocks(h, tail, blocks, accelerated);
    for (int i = 0; i < 8; i++) {
        md[4 * i] = (uint8_t)(h[i] >> 24); md[4 * i + 1] = (uint8_t)(h[i] >> 16);
        md[4 * i + 2] = (uint8_t)(h[i] >> 8); md[4 * i + 3] = (uint8_t)h[i];
    }
}
#endif
