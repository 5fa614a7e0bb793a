/* util.c - memory, buffers, the string map and diagnostics. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool quiet;

static void out_of_memory(void)
{
	fputs("aireport: out of memory\n", stderr);
	exit(EXIT_IO);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void grow_array(void **items, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t ncap = *cap ? *cap : 8;
	while (ncap < need)
		ncap *= 2;
	*items = xrealloc(*items, ncap * elem);
	*cap = ncap;
}

void buf_reserve(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap *= 2;
	b->data = xrealloc(b->data, ncap);
	b->cap = ncap;
}

void buf_append(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap, again;
	buf_reserve(b, 64);
	va_start(ap, fmt);
	va_copy(again, ap);
	int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n >= b->cap - b->len) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	if (n > 0)
		b->len += (size_t)n;
}

void buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* FNV-1a, 64 bit: keys are short ids and names. */
uint64_t hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void strmap_rehash(struct strmap *m, size_t nslots)
{
	free(m->slots);
	m->slots = xcalloc(nslots, sizeof(*m->slots));
	m->nslots = nslots;
	for (size_t i = 0; i < m->count; i++) {
		size_t s = m->hashes[i] & (nslots - 1);
		while (m->slots[s])
			s = (s + 1) & (nslots - 1);
		m->slots[s] = (uint32_t)(i + 1);
	}
}

static size_t strmap_slot(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t s = h & (m->nslots - 1);
	for (;;) {
		uint32_t v = m->slots[s];
		if (!v)
			return s;
		size_t i = v - 1;
		if (m->hashes[i] == h && m->key_lens[i] == len && memcmp(m->keys[i], key, len) == 0)
			return s;
		s = (s + 1) & (m->nslots - 1);
	}
}

size_t strmap_find(const struct strmap *m, const char *key, size_t len)
{
	if (!m->nslots)
		return SIZE_MAX;
	uint32_t v = m->slots[strmap_slot(m, key, len, hash_bytes(key, len))];
	return v ? v - 1 : SIZE_MAX;
}

size_t strmap_intern(struct strmap *m, const char *key, size_t len, bool *inserted)
{
	if ((m->count + 1) * 2 > m->nslots)
		strmap_rehash(m, m->nslots ? m->nslots * 2 : 64);
	uint64_t h = hash_bytes(key, len);
	size_t s = strmap_slot(m, key, len, h);
	if (m->slots[s]) {
		if (inserted)
			*inserted = false;
		return m->slots[s] - 1;
	}
	if (m->count == m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 16;
		m->keys = xrealloc(m->keys, ncap * sizeof(*m->keys));
		m->key_lens = xrealloc(m->key_lens, ncap * sizeof(*m->key_lens));
		m->hashes = xrealloc(m->hashes, ncap * sizeof(*m->hashes));
		m->cap = ncap;
	}
	size_t i = m->count++;
	m->keys[i] = xstrndup(key, len);
	m->key_lens[i] = len;
	m->hashes[i] = h;
	m->slots[s] = (uint32_t)(i + 1);
	if (inserted)
		*inserted = true;
	return i;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->count; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->key_lens);
	free(m->hashes);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

void set_quiet(bool q)
{
	quiet = q;
}

bool is_quiet(void)
{
	return quiet;
}

int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int ascii_casecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	while (*x && ascii_lower(*x) == ascii_lower(*y)) {
		x++;
		y++;
	}
	return ascii_lower(*x) - ascii_lower(*y);
}

int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	for (size_t i = 0; i < n; i++) {
		int d = ascii_lower(x[i]) - ascii_lower(y[i]);
		if (d || !x[i])
			return d;
	}
	return 0;
}

size_t utf8_length(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

bool utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		uint32_t cp;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (i + len > n)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			return false;
		i += len;
	}
	return true;
}

void format_decimal(char *out, size_t outsz, double v, int decimals)
{
	snprintf(out, outsz, "%.*f", decimals, v);
	for (char *p = out; *p; p++)
		if (*p == ',')
			*p = '.';   /* never expected: the program stays in the C locale */
	char *dot = strchr(out, '.');
	if (dot) {
		char *end = out + strlen(out) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	if (strcmp(out, "-0") == 0)
		strcpy(out, "0");
}

/* Levenshtein distance ignoring ASCII case; short strings only (one line at most). */
size_t edit_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	size_t *row = xmalloc((nb + 1) * sizeof(*row));
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t above = row[j];
			size_t cost = ascii_lower(a[i - 1]) != ascii_lower(b[j - 1]);
			size_t best = diagonal + cost;
			if (above + 1 < best)
				best = above + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = above;
		}
	}
	size_t d = row[nb];
	free(row);
	return d;
}

bool skip_folded(const char *s, size_t n, size_t *i, const char *word)
{
	size_t len = strlen(word);
	if (n - *i < len)
		return false;
	for (size_t k = 0; k < len; k++)
		if (ascii_lower(s[*i + k]) != ascii_lower(word[k]))
			return false;
	*i += len;
	return true;
}
