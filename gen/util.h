/* util.h - memory, growable buffers, a string hash map and error reporting.
 *
 * Allocation failures are fatal: aireport is a batch tool, and a report built on a
 * half-allocated table would be worse than no report.  x* functions never return
 * NULL. */
#ifndef AIREPORT_UTIL_H
#define AIREPORT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Exit statuses of SPEC §1. */
enum exit_status {
	EXIT_OK = 0,
	EXIT_DATA = 1,   /* input data unusable */
	EXIT_USAGE = 2,  /* usage or rules error */
	EXIT_IO = 3,     /* unreadable input, unwritable output */
};

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *items (of *cap elements of size elem) so that it holds at least need
 * elements; returns nothing, updates both in place. */
void grow_array(void **items, size_t *cap, size_t need, size_t elem);
#define GROW(arr, cap, need) grow_array((void **)&(arr), &(cap), (need), sizeof(*(arr)))

/* One growable byte buffer, always NUL-terminated after buf_* calls. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_clear(struct buf *b);
void buf_free(struct buf *b);

/* strmap: byte-string keys -> dense indexes 0..count-1 in insertion order.  The map
 * copies the keys it stores; strmap_key() returns the stored copy. */
struct strmap {
	uint32_t *slots;   /* index + 1, 0 = empty */
	size_t nslots;
	char **keys;
	size_t *key_lens;
	uint64_t *hashes;
	size_t count;
	size_t cap;
};
/* Returns the index of key, inserting it when absent (*inserted tells, may be NULL). */
size_t strmap_intern(struct strmap *m, const char *key, size_t len, bool *inserted);
/* Returns the index of key or SIZE_MAX. */
size_t strmap_find(const struct strmap *m, const char *key, size_t len);
static inline const char *strmap_key(const struct strmap *m, size_t i) { return m->keys[i]; }
void strmap_free(struct strmap *m);

uint64_t hash_bytes(const void *p, size_t n);

/* Whether warnings and progress are off (-q). */
void set_quiet(bool quiet);
bool is_quiet(void);

/* c in lower case when it is an ASCII capital, else c. */
int ascii_lower(int c);
/* Whether s[*i..n) starts with word, ASCII case folded on both sides; *i moves
 * past it when it does. */
bool skip_folded(const char *s, size_t n, size_t *i, const char *word);

/* Case-insensitive comparison of ASCII letters only (§11.14). */
int ascii_casecmp(const char *a, const char *b);
int ascii_ncasecmp(const char *a, const char *b, size_t n);

/* Levenshtein distance between a and b, ignoring ASCII letter case. */
size_t edit_distance(const char *a, const char *b);

/* Number of Unicode code points in valid UTF-8 s[0..n). */
size_t utf8_length(const char *s, size_t n);
/* true when s[0..n) is well-formed UTF-8. */
bool utf8_valid(const char *s, size_t n);

/* Locale-independent "%.*f"-like formatting: writes v with at most `decimals`
 * decimals, trailing zeros and a trailing '.' removed, "-0" written "0" (§11.26). */
void format_decimal(char *out, size_t outsz, double v, int decimals);

#endif
