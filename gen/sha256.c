/* sha256.c - SHA-256 (FIPS 180-4 §6.2) and HMAC-SHA-256 (RFC 2104). */
#include "sha256.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const uint32_t round_constants[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void compress(uint32_t state[8], const unsigned char block[64])
{
	uint32_t w[64];
	for (int t = 0; t < 16; t++)
		w[t] = (uint32_t)block[4 * t] << 24 | (uint32_t)block[4 * t + 1] << 16 |
		       (uint32_t)block[4 * t + 2] << 8 | (uint32_t)block[4 * t + 3];
	for (int t = 16; t < 64; t++) {
		uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
		uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
		w[t] = w[t - 16] + s0 + w[t - 7] + s1;
	}
	uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
	uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
	for (int t = 0; t < 64; t++) {
		uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) +
		              round_constants[t] + w[t];
		uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
	state[4] += e;
	state[5] += f;
	state[6] += g;
	state[7] += h;
}

/* The same compression with the SHA extensions of x86-64 (Goldmont, Zen and
 * later): about five times the speed, which matters for the history's digest
 * of a timesheet of hundreds of megabytes.  Used when the processor has them
 * (CPUID), else the portable code above. */
#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define SHA256_ACCEL 1

/* Four rounds on the message words in a (g-th group of four); a becomes the
 * words four groups on (FIPS 180-4 §6.2.2 step 1), from a, b, c and d. */
#define SHA_QUAD(g, a, b, c, d)                                                                  \
	do {                                                                                     \
		__m128i k = _mm_add_epi32(a, _mm_loadu_si128(                                     \
		                                 (const __m128i *)&round_constants[4 * (g)]));    \
		cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k);                                      \
		abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(k, 0x0E));             \
		if ((g) < 12)                                                                    \
			a = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(a, b),         \
			                                       _mm_alignr_epi8(d, c, 4)), d);      \
	} while (0)

__attribute__((target("sha,sse4.1,ssse3")))
static void compress_blocks_accel(uint32_t state[8], const unsigned char *p, size_t blocks)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	/* The instructions keep the state as ABEF and CDGH. */
	__m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);
	__m128i hgfe = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);
	__m128i abef = _mm_alignr_epi8(dcba, hgfe, 8);
	__m128i cdgh = _mm_blend_epi16(hgfe, dcba, 0xF0);
	for (; blocks; blocks--, p += 64) {
		__m128i abef0 = abef, cdgh0 = cdgh;
		__m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 0)), swap);
		__m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), swap);
		__m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), swap);
		__m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), swap);
		SHA_QUAD(0, m0, m1, m2, m3);
		SHA_QUAD(1, m1, m2, m3, m0);
		SHA_QUAD(2, m2, m3, m0, m1);
		SHA_QUAD(3, m3, m0, m1, m2);
		SHA_QUAD(4, m0, m1, m2, m3);
		SHA_QUAD(5, m1, m2, m3, m0);
		SHA_QUAD(6, m2, m3, m0, m1);
		SHA_QUAD(7, m3, m0, m1, m2);
		SHA_QUAD(8, m0, m1, m2, m3);
		SHA_QUAD(9, m1, m2, m3, m0);
		SHA_QUAD(10, m2, m3, m0, m1);
		SHA_QUAD(11, m3, m0, m1, m2);
		SHA_QUAD(12, m0, m1, m2, m3);
		SHA_QUAD(13, m1, m2, m3, m0);
		SHA_QUAD(14, m2, m3, m0, m1);
		SHA_QUAD(15, m3, m0, m1, m2);
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	__m128i feba = _mm_shuffle_epi32(abef, 0x1B);
	__m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
	_mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
	_mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

static bool accel_available(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
		return false;
	return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29)) != 0;
}
#endif

/* 1: the SHA extensions, 0: the portable code, -1: not yet asked (CPUID is
 * slow under a hypervisor, so it is asked once). */
static int accel = -1;

bool sha256_accelerate(bool on)
{
#ifdef SHA256_ACCEL
	bool can = accel_available();
#else
	bool can = false;
#endif
	__atomic_store_n(&accel, on && can, __ATOMIC_RELAXED);
	return can;
}

static void compress_blocks(uint32_t state[8], const unsigned char *p, size_t blocks)
{
#ifdef SHA256_ACCEL
	int use = __atomic_load_n(&accel, __ATOMIC_RELAXED);
	if (use < 0) {
		use = accel_available();
		__atomic_store_n(&accel, use, __ATOMIC_RELAXED);
	}
	if (use) {
		compress_blocks_accel(state, p, blocks);
		return;
	}
#endif
	for (; blocks; blocks--, p += 64)
		compress(state, p);
}

void sha256_init(struct sha256 *s)
{
	static const uint32_t initial[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	memcpy(s->state, initial, sizeof(initial));
	s->length = 0;
	s->used = 0;
}

void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	const unsigned char *p = data;
	s->length += n;
	if (s->used) {
		size_t take = 64 - s->used < n ? 64 - s->used : n;
		memcpy(s->block + s->used, p, take);
		s->used += take;
		p += take;
		n -= take;
		if (s->used < 64)
			return;
		compress_blocks(s->state, s->block, 1);
		s->used = 0;
	}
	compress_blocks(s->state, p, n / 64);
	p += n / 64 * 64;
	n %= 64;
	memcpy(s->block, p, n);
	s->used = n;
}

void sha256_final(struct sha256 *s, unsigned char out[SHA256_SIZE])
{
	uint64_t bits = s->length * 8;
	s->block[s->used++] = 0x80;
	if (s->used > 56) {
		memset(s->block + s->used, 0, 64 - s->used);
		compress_blocks(s->state, s->block, 1);
		s->used = 0;
	}
	memset(s->block + s->used, 0, 56 - s->used);
	for (int i = 0; i < 8; i++)
		s->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	compress_blocks(s->state, s->block, 1);
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(s->state[i] >> 24);
		out[4 * i + 1] = (unsigned char)(s->state[i] >> 16);
		out[4 * i + 2] = (unsigned char)(s->state[i] >> 8);
		out[4 * i + 3] = (unsigned char)s->state[i];
	}
}

void sha256(const void *data, size_t n, unsigned char out[SHA256_SIZE])
{
	struct sha256 s;
	sha256_init(&s);
	sha256_update(&s, data, n);
	sha256_final(&s, out);
}

void hmac_sha256(const void *key, size_t key_len, const void *data, size_t n,
                 unsigned char out[SHA256_SIZE])
{
	unsigned char k[64] = { 0 }, pad[64], inner[SHA256_SIZE];
	if (key_len > 64)
		sha256(key, key_len, k);   /* a long key is hashed first (RFC 2104 §2) */
	else if (key_len)
		memcpy(k, key, key_len);
	struct sha256 s;
	for (int i = 0; i < 64; i++)
		pad[i] = k[i] ^ 0x36;
	sha256_init(&s);
	sha256_update(&s, pad, 64);
	sha256_update(&s, data, n);
	sha256_final(&s, inner);
	for (int i = 0; i < 64; i++)
		pad[i] = k[i] ^ 0x5c;
	sha256_init(&s);
	sha256_update(&s, pad, 64);
	sha256_update(&s, inner, sizeof(inner));
	sha256_final(&s, out);
}

void sha256_hex(const unsigned char digest[SHA256_SIZE], char out[SHA256_HEX_SIZE])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_SIZE; i++) {
		out[2 * i] = digits[digest[i] >> 4];
		out[2 * i + 1] = digits[digest[i] & 15];
	}
	out[2 * SHA256_SIZE] = 0;
}

int sha256_file_until(const char *path, char out[SHA256_HEX_SIZE], const int *stop)
{
	out[0] = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct sha256 s;
	sha256_init(&s);
	unsigned char chunk[65536];
	size_t n;
	bool stopped = false;
	while (!(stopped = stop && __atomic_load_n(stop, __ATOMIC_RELAXED)) &&
	       (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sha256_update(&s, chunk, n);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed || stopped) {
		errno = stopped ? ECANCELED : saved ? saved : EIO;
		return -1;
	}
	unsigned char digest[SHA256_SIZE];
	sha256_final(&s, digest);
	sha256_hex(digest, out);
	return 0;
}

int sha256_file(const char *path, char out[SHA256_HEX_SIZE])
{
	return sha256_file_until(path, out, NULL);
}
