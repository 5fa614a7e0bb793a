/* csvdecode.c - bytes -> UTF-8 text: reading, the encoding (§11.1), decoding and
 * the delimiter (§11.3); see csvdecode.h.
 *
 * A file is read in up to three streaming passes over 1 MiB chunks, so memory
 * stays flat whatever the size of the file:
 *   1. the byte order mark, then (unless it is UTF-16 or windows-1252 is forced)
 *      a UTF-8 validation of the whole file, because §11.1 decides the encoding
 *      per file; in auto mode it stops at the first invalid byte;
 *   2. delimiter detection over the first non-blank line (only when not set);
 *   3. decoding to UTF-8 for the tokenizer (csvin.c).
 * Valid UTF-8 in memory (csvin_read_buffer) goes to the tokenizer as it is. */
#include "csvdecode.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util.h"

#define CHUNK_SIZE ((size_t)1 << 20)

const char CSV_REPLACEMENT[] = "\xEF\xBF\xBD";   /* U+FFFD */

/* ---- reading bytes ---------------------------------------------------------- */

static int read_failed(struct reader *r)
{
	fprintf(r->err, "aireport: %s: cannot read: %s\n", r->name, strerror(errno));
	return EXIT_IO;
}

static int reader_rewind(struct reader *r)
{
	r->consumed = 0;
	if (r->fd < 0) {
		r->mem_pos = 0;
		return 0;
	}
	return lseek(r->fd, 0, SEEK_SET) == (off_t)-1 ? -1 : 0;
}

/* Reads up to max bytes into dst; 0 at the end, -1 on error (errno set). */
static long reader_read(struct reader *r, unsigned char *dst, size_t max)
{
	if (r->fd < 0) {
		size_t n = r->mem_len - r->mem_pos;
		if (n > max)
			n = max;
		memcpy(dst, r->mem + r->mem_pos, n);
		r->mem_pos += n;
		r->consumed += (long long)n;
		return (long)n;
	}
	for (;;) {
		ssize_t n = read(r->fd, dst, max);
		if (n < 0 && errno == EINTR)
			continue;
		if (n > 0)
			r->consumed += n;
		return (long)n;
	}
}

/* Reads the first (up to) n bytes of the input into dst; returns how many, or -1. */
static long reader_head(struct reader *r, unsigned char *dst, size_t n)
{
	if (reader_rewind(r) != 0)
		return -1;
	size_t got = 0;
	while (got < n) {
		long k = reader_read(r, dst + got, n - got);
		if (k < 0)
			return -1;
		if (k == 0)
			break;
		got += (size_t)k;
	}
	return (long)got;
}

/* ---- UTF-8 and windows-1252 -------------------------------------------------- */

size_t utf8_prefix(const unsigned char *s, size_t n, bool *bad)
{
	size_t i = 0;
	*bad = false;
	while (i < n) {
#ifdef __SSE2__
		while (i + 32 <= n) {   /* ASCII runs, 32 bytes at a time */
			__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
			if (_mm_movemask_epi8(_mm_or_si128(a, b)))
				break;
			i += 32;
		}
#endif
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i == n)
			break;
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t need;
		unsigned lo = 0x80, hi = 0xBF;     /* range of the second byte */
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else {
			*bad = true;
			return i;
		}
		for (size_t k = 1; k <= need; k++) {
			if (i + k >= n)
				return i;
			unsigned d = s[i + k];
			if (k == 1 ? d < lo || d > hi : (d & 0xC0) != 0x80) {
				*bad = true;
				return i;
			}
		}
		i += need + 1;
	}
	return i;
}

/* Windows-1252 0x80-0x9F; the five undefined bytes keep their C1 code point. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* Converts n windows-1252 bytes to UTF-8 at out (room for 3 * n); returns the
 * length written. */
static size_t cp1252_to_utf8(const unsigned char *s, size_t n, char *out)
{
	char *o = out;
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c < 0x80) {
			*o++ = (char)c;
			continue;
		}
		unsigned u = c < 0xA0 ? cp1252_high[c - 0x80] : c;
		if (u < 0x800) {
			*o++ = (char)(0xC0 | u >> 6);
		} else {
			*o++ = (char)(0xE0 | u >> 12);
			*o++ = (char)(0x80 | (u >> 6 & 0x3F));
		}
		*o++ = (char)(0x80 | (u & 0x3F));
	}
	return (size_t)(o - out);
}

/* Line number of byte offset `at` (1-based; LF, CRLF and a lone CR end a line). */
static long line_of_offset(struct reader *r, long long at)
{
	long line = 1;
	bool after_cr = false;
	long long pos = 0;
	if (reader_rewind(r) != 0)
		return 0;
	while (pos < at) {
		long n = reader_read(r, r->chunk, r->chunk_size);
		if (n <= 0)
			break;
		for (long i = 0; i < n && pos < at; i++, pos++) {
			unsigned char c = r->chunk[i];
			if (c == '\r' || (c == '\n' && !after_cr))
				line++;
			after_cr = c == '\r';
		}
	}
	return line;
}

/* Pass 1 over a buffer in memory, without a copy. */
static int validate_utf8_mem(struct reader *r, long long *bad_at)
{
	size_t pos = 0;
	while (pos < r->mem_len) {
		size_t n = r->mem_len - pos < CHUNK_SIZE ? r->mem_len - pos : CHUNK_SIZE;
		bool last = pos + n == r->mem_len, bad;
		size_t ok = utf8_prefix(r->mem + pos, n, &bad);
		if (bad || (last && ok < n)) {
			*bad_at = (long long)(pos + ok);
			return 1;
		}
		pos += ok;   /* a character cut off by the piece's end starts the next */
	}
	return 0;
}

/* Pass 1: is the whole input valid UTF-8?  Returns 0 yes, 1 no (offset of the
 * first invalid byte in *bad_at), EXIT_IO on a read error. */
static int validate_utf8(struct reader *r, long long *bad_at)
{
	if (r->fd < 0)
		return validate_utf8_mem(r, bad_at);
	if (reader_rewind(r) != 0)
		return read_failed(r);
	size_t carry = 0;
	long long base = 0;
	for (;;) {
		long n = reader_read(r, r->chunk + carry, r->chunk_size);
		if (n < 0)
			return read_failed(r);
		size_t avail = carry + (size_t)n;
		bool bad;
		size_t ok = utf8_prefix(r->chunk, avail, &bad);
		if (bad || (n == 0 && ok < avail)) {
			*bad_at = base + (long long)ok;
			return 1;
		}
		if (n == 0)
			return 0;
		carry = avail - ok;
		memmove(r->chunk, r->chunk + ok, carry);
		base += (long long)ok;
	}
}

/* ---- decoding passes ---------------------------------------------------------- */


/* Decodes data[0..n) and passes the text on; *used = bytes consumed (the rest is
 * a character cut off by the end of the chunk, carried to the next one). */
static int decode(struct reader *r, unsigned char *data, size_t n, bool eof, size_t *used,
                  text_sink sink, void *ctx)
{
	char *o = r->text;
	size_t i = 0;

	switch (r->enc) {
	case TEXT_UTF8:
		*used = n;
		return n ? sink(ctx, (const char *)data, n) : 0;
	case TEXT_WINDOWS1252:
		*used = n;
		return n ? sink(ctx, r->text, cp1252_to_utf8(data, n, r->text)) : 0;
	case TEXT_UTF8_REPAIR:
		while (i < n) {
			bool bad;
			size_t k = utf8_prefix(data + i, n - i, &bad);
			memcpy(o, data + i, k);
			o += k;
			i += k;
			if (i == n || (!bad && !eof))
				break;
			memcpy(o, CSV_REPLACEMENT, 3);
			o += 3;
			i++;
		}
		break;
	case TEXT_UTF16LE:
	case TEXT_UTF16BE: {
		char *in = (char *)data;
		size_t inleft = n, outleft = r->text_cap;
		while (inleft > 0) {
			if (iconv(r->cd, &in, &inleft, &o, &outleft) != (size_t)-1)
				break;
			if (errno == EINVAL && !eof)
				break;                  /* cut-off character: carry it */
			if (errno == E2BIG) {       /* cannot happen with text_cap; be safe */
				int rc = sink(ctx, r->text, (size_t)(o - r->text));
				if (rc)
					return rc;
				o = r->text;
				outleft = r->text_cap;
				continue;
			}
			/* unpaired surrogate, or an odd byte / lone surrogate at the end */
			size_t skip = inleft < 2 ? inleft : 2;
			in += skip;
			inleft -= skip;
			if (outleft < 3) {
				int rc = sink(ctx, r->text, (size_t)(o - r->text));
				if (rc)
					return rc;
				o = r->text;
				outleft = r->text_cap;
			}
			memcpy(o, CSV_REPLACEMENT, 3);
			o += 3;
			outleft -= 3;
		}
		i = n - inleft;
		break;
	}
	}
	*used = i;
	return o > r->text ? sink(ctx, r->text, (size_t)(o - r->text)) : 0;
}

static int run_pass_read(struct reader *r, text_sink sink, void *ctx)
{
	if (reader_rewind(r) != 0)
		return read_failed(r);
	if (r->cd != (iconv_t)-1)
		iconv(r->cd, NULL, NULL, NULL, NULL);
	size_t carry = 0, skip = r->bom_len;
	for (;;) {
		long n = reader_read(r, r->chunk + carry, r->chunk_size);
		if (n < 0)
			return read_failed(r);
		bool eof = n == 0;
		size_t avail = carry + (size_t)n;
		unsigned char *data = r->chunk;
		if (skip) {
			size_t k = skip < avail ? skip : avail;
			data += k;
			avail -= k;
			skip -= k;
		}
		size_t used = 0;
		int rc = decode(r, data, avail, eof, &used, sink, ctx);
		if (rc)
			return rc;
		if (eof)
			return 0;
		carry = avail - used;
		assert(carry <= CARRY_MAX);
		memmove(r->chunk, data + used, carry);
	}
}

/* Valid UTF-8 in memory goes to the sink as it is, a piece at a time. */
static int run_pass_mem(struct reader *r, text_sink sink, void *ctx)
{
	size_t pos = r->bom_len < r->mem_len ? r->bom_len : r->mem_len;
	r->consumed = (long long)pos;
	while (pos < r->mem_len) {
		size_t n = r->mem_len - pos < CHUNK_SIZE ? r->mem_len - pos : CHUNK_SIZE;
		r->consumed += (long long)n;
		int rc = sink(ctx, (const char *)r->mem + pos, n);
		if (rc)
			return rc;
		pos += n;
	}
	return 0;
}

int run_pass(struct reader *r, text_sink sink, void *ctx)
{
	if (r->fd < 0 && r->enc == TEXT_UTF8)
		return run_pass_mem(r, sink, ctx);
	return run_pass_read(r, sink, ctx);
}

/* ---- delimiter detection (§11.3) ---------------------------------------------- */

enum { D_FIELD_START, D_UNQUOTED, D_QUOTED, D_QUOTE_IN_QUOTED };

struct detect {
	int state;
	bool nonblank;
	long count[3];                  /* ',' ';' TAB outside quotes */
};

/* Follows the quoting rules of the parser closely enough to tell which of the
 * candidate delimiters stand outside quotes on the first non-blank line. */
static int detect_text(void *vctx, const char *s, size_t n)
{
	struct detect *d = vctx;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n' || c == '\r') {
			if (d->nonblank)
				return 1;
			memset(d, 0, sizeof(*d));
			continue;
		}
		if (c != ' ' && c != '\t')
			d->nonblank = true;
		if (d->state == D_QUOTED) {
			if (c == '"')
				d->state = D_QUOTE_IN_QUOTED;
			continue;
		}
		if (d->state == D_QUOTE_IN_QUOTED && c == '"') {
			d->state = D_QUOTED;
			continue;
		}
		int k = c == ',' ? 0 : c == ';' ? 1 : c == '\t' ? 2 : -1;
		if (k >= 0) {
			d->count[k]++;
			d->state = D_FIELD_START;
		} else if (c == '"' && d->state == D_FIELD_START) {
			d->state = D_QUOTED;
		} else if (c != ' ' || d->state != D_FIELD_START) {
			d->state = D_UNQUOTED;
		}
	}
	return 0;
}

static char detect_pick(const struct detect *d)
{
	static const char cand[3] = { ',', ';', '\t' };
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (d->count[k] > d->count[best])
			best = k;
	return cand[best];
}

/* ---- the whole file ------------------------------------------------------------ */

/* Decides the encoding (pass 1) and sets r->enc, r->bom_len, info->encoding.
 * Returns 0, EXIT_DATA (forced utf-8, invalid) or EXIT_IO. */
static int choose_encoding(struct reader *r, enum encoding_mode mode,
                           struct csvin_info *info)
{
	unsigned char head[3];
	long nh = reader_head(r, head, sizeof(head));
	if (nh < 0)
		return read_failed(r);
	if (nh >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) {
		bool le = head[0] == 0xFF;
		r->enc = le ? TEXT_UTF16LE : TEXT_UTF16BE;
		info->encoding = le ? CSV_UTF16LE : CSV_UTF16BE;
		r->bom_len = 2;
		return 0;
	}
	bool bom = nh == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
	r->bom_len = bom ? 3 : 0;
	if (mode == ENCODING_WINDOWS1252) {
		r->enc = TEXT_WINDOWS1252;
		info->encoding = CSV_WINDOWS1252;
		return 0;
	}
	long long bad_at = 0;
	int rc = validate_utf8(r, &bad_at);
	if (rc == EXIT_IO)
		return rc;
	if (rc == 0) {
		r->enc = TEXT_UTF8;
		info->encoding = bom ? CSV_UTF8_BOM : CSV_UTF8;
		return 0;
	}
	if (mode == ENCODING_UTF8) {
		fprintf(r->err, "aireport: %s:%ld: not valid UTF-8 (encoding = utf-8 is set in the rules)\n",
		        r->name, line_of_offset(r, bad_at));
		return EXIT_DATA;
	}
	if (bom) {
		fprintf(r->err, "aireport: warning: %s:%ld: not valid UTF-8 although the file starts with a UTF-8 "
		        "byte order mark; invalid bytes are read as U+FFFD\n",
		        r->name, line_of_offset(r, bad_at));
		r->enc = TEXT_UTF8_REPAIR;
		info->encoding = CSV_UTF8_BOM;
		return 0;
	}
	r->enc = TEXT_WINDOWS1252;
	info->encoding = CSV_WINDOWS1252;
	return 0;
}

static FILE *spool(int fd, long long *size)
{
	FILE *tmp = tmpfile();
	if (!tmp)
		return NULL;
	char *block = xmalloc(CHUNK_SIZE);
	*size = 0;
	for (;;) {
		ssize_t n = read(fd, block, CHUNK_SIZE);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (n > 0 && fwrite(block, 1, (size_t)n, tmp) != (size_t)n)) {
			int e = errno;
			free(block);
			fclose(tmp);
			errno = e;
			return NULL;
		}
		if (n == 0)
			break;
		*size += n;
	}
	free(block);
	if (fflush(tmp) != 0) {
		int e = errno;
		fclose(tmp);
		errno = e;
		return NULL;
	}
	return tmp;
}

int reader_open(struct reader *r, enum encoding_mode mode, struct csvin_info *info)
{
	r->cd = (iconv_t)-1;
	/* one byte more than a small input, so its first read already sees the end */
	r->chunk_size = r->size >= 0 && r->size < (long long)CHUNK_SIZE ? (size_t)r->size + 1
	                                                              : CHUNK_SIZE;
	r->chunk = xmalloc(CARRY_MAX + r->chunk_size);
	r->text = NULL;
	int status = choose_encoding(r, mode, info);
	if (status)
		return status;
	if (r->enc != TEXT_UTF8) {
		r->text_cap = 3 * (CARRY_MAX + r->chunk_size) + 16;
		r->text = xmalloc(r->text_cap);
	}
	if (r->enc == TEXT_UTF16LE || r->enc == TEXT_UTF16BE) {
		r->cd = iconv_open("UTF-8", r->enc == TEXT_UTF16LE ? "UTF-16LE" : "UTF-16BE");
		if (r->cd == (iconv_t)-1) {
			fprintf(r->err, "aireport: %s: cannot convert from UTF-16: %s\n", r->name,
			        strerror(errno));
			return EXIT_IO;
		}
	}
	return 0;
}

void reader_close(struct reader *r)
{
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	r->cd = (iconv_t)-1;
	free(r->chunk);
	free(r->text);
	r->chunk = NULL;
	r->text = NULL;
}

int detect_delimiter(struct reader *r, char *delimiter)
{
	struct detect d = { 0 };
	int status = run_pass(r, detect_text, &d);
	*delimiter = detect_pick(&d);
	return status == EXIT_IO ? EXIT_IO : 0;
}

int input_open(struct input *in, const char *path, FILE *err)
{
	struct stat st;
	*in = (struct input){ .fd = -1, .own_fd = -1 };
	int fd = open(path, O_RDONLY);
	int e = fd < 0 || fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
	if (e) {
		fprintf(err, "aireport: %s: cannot open: %s\n", path, strerror(e));
		if (fd >= 0)
			close(fd);
		return EXIT_IO;
	}
	in->fd = in->own_fd = fd;
	in->size = (long long)st.st_size;
	if (!S_ISREG(st.st_mode)) {
		in->tmp = spool(fd, &in->size);
		if (!in->tmp) {
			fprintf(err, "aireport: %s: cannot read: %s\n", path, strerror(errno));
			input_close(in);
			return EXIT_IO;
		}
		in->fd = fileno(in->tmp);
	}
	return 0;
}

void input_close(struct input *in)
{
	if (in->tmp)
		fclose(in->tmp);
	if (in->own_fd >= 0)
		close(in->own_fd);
	*in = (struct input){ .fd = -1, .own_fd = -1 };
}

const char *source_read(const struct text_source *src, char *buf, size_t pos, size_t want,
                        size_t *got)
{
	if (pos >= src->len) {
		*got = 0;
		return buf;
	}
	if (want > src->len - pos)
		want = src->len - pos;
	if (src->mem) {
		*got = want;
		return src->mem + pos;
	}
	size_t have = 0;
	while (have < want) {
		ssize_t n = pread(src->fd, buf + have, want - have, (off_t)(pos + have));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;      /* an error, or the file is shorter now: *got tells */
		have += (size_t)n;
	}
	*got = have;
	return buf;
}
