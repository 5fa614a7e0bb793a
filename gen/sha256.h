/* sha256.h - SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), for the history:
 * the fingerprints of the input files and the keyed pseudonyms of employee ids.
 * Written here rather than linked from a crypto library: two small pure
 * functions, tested against the standards' vectors, and one dependency fewer. */
#ifndef AIREPORT_SHA256_H
#define AIREPORT_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SHA256_SIZE 32
#define SHA256_HEX_SIZE 65          /* 64 hex digits and a NUL */

struct sha256 {
	uint32_t state[8];
	uint64_t length;                /* bytes hashed so far */
	unsigned char block[64];
	size_t used;                    /* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* Writes the digest to out; s must be initialised again before further use. */
void sha256_final(struct sha256 *s, unsigned char out[SHA256_SIZE]);

/* One-call digest of data[0..n). */
void sha256(const void *data, size_t n, unsigned char out[SHA256_SIZE]);
/* HMAC-SHA-256 of data[0..n) under key[0..key_len) (any length). */
void hmac_sha256(const void *key, size_t key_len, const void *data, size_t n,
                 unsigned char out[SHA256_SIZE]);

/* Lower-case hex of a digest: 64 digits and a NUL. */
void sha256_hex(const unsigned char digest[SHA256_SIZE], char out[SHA256_HEX_SIZE]);

/* Whether the processor's SHA extensions are used (the default where it has
 * them; off: the portable code, for the tests to compare both).  Returns
 * whether it has them. */
bool sha256_accelerate(bool on);
/* SHA-256 of the file at path, as hex.  Returns 0, or -1 with errno set when the
 * file cannot be read (out is then empty). */
int sha256_file(const char *path, char out[SHA256_HEX_SIZE]);
/* The same, giving up (-1, errno ECANCELED) as soon as *stop is set (by another
 * thread; stop may be NULL). */
int sha256_file_until(const char *path, char out[SHA256_HEX_SIZE], const int *stop);

#endif
