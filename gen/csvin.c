/* csvin.c - bytes -> records: encoding, delimiter, quoting, physical line numbers.
 *
 * A file is read in up to three streaming passes over 1 MiB chunks, so memory
 * stays flat whatever the size of the file:
 *   1. the byte order mark, then (unless it is UTF-16 or windows-1252 is forced)
 *      a UTF-8 validation of the whole file, because §11.1 decides the encoding
 *      per file; in auto mode it stops at the first invalid byte;
 *   2. delimiter detection over the first non-blank line (only when not set);
 *   3. decoding to UTF-8 and tokenizing with libcsv, one physical line at a time.
 *
 * libcsv runs in strict mode: its lenient mode keeps the closing quote and the
 * "quoted" state after `"abc"def`, so the rest of the file vanishes into one
 * field.  Each strict error is one of the §11.5 leniencies and is repaired in the
 * parser's public state before parsing goes on (see recover()).  Feeding one line
 * at a time tells where each record starts: a line that begins while the parser is
 * between records is where the next record starts. */
#include "csvin.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>

#include "util.h"

#define CHUNK_SIZE ((size_t)1 << 20)
#define CARRY_MAX 4                        /* bytes of a cut-off character */
#define PROGRESS_MIN_BYTES (8LL << 20)
#define PROGRESS_INTERVAL 0.25             /* seconds between progress updates */
#define PLAIN_LINE_MAX 4096                /* longest line split without libcsv */

static const char REPLACEMENT[] = "\xEF\xBF\xBD";   /* U+FFFD */

/* libcsv 3.0.3 keeps these values in csv_parser.pstate; the struct is public, the
 * names (libcsv.c) are not. */
enum {
	LIBCSV_ROW_NOT_BEGUN = 0,
	LIBCSV_FIELD_NOT_BEGUN = 1,
	LIBCSV_FIELD_BEGUN = 2,
	LIBCSV_FIELD_MIGHT_HAVE_ENDED = 3,
};

enum text_encoding {
	TEXT_UTF8,          /* valid UTF-8: passed on as read */
	TEXT_UTF8_REPAIR,   /* UTF-8 by its BOM, invalid bytes become U+FFFD */
	TEXT_WINDOWS1252,
	TEXT_UTF16LE,
	TEXT_UTF16BE,
};

/* ---- reading bytes ---------------------------------------------------------- */

struct reader {
	const char *name;
	FILE *err;
	int fd;                         /* -1: the bytes are mem[0..mem_len) */
	const unsigned char *mem;
	size_t mem_len, mem_pos;
	long long size;
	long long consumed;             /* bytes read in the current pass */
	unsigned char *chunk;           /* CARRY_MAX + chunk_size */
	size_t chunk_size;              /* CHUNK_SIZE, less for a small input */
	char *text;                     /* decoded chunk (not for TEXT_UTF8) */
	size_t text_cap;
	enum text_encoding enc;
	size_t bom_len;                 /* bytes skipped at the start of every pass */
	iconv_t cd;
};

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

/* Length of the valid UTF-8 prefix of s[0..n) (no overlongs, no surrogates,
 * nothing above U+10FFFF).  When it stops before n, *bad tells whether s[ret]
 * starts an invalid sequence (true) or a sequence cut off by the end (false). */
static size_t utf8_prefix(const unsigned char *s, size_t n, bool *bad)
{
	size_t i = 0;
	*bad = false;
	while (i < n) {
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

/* Pass 1: is the whole input valid UTF-8?  Returns 0 yes, 1 no (offset of the
 * first invalid byte in *bad_at), EXIT_IO on a read error. */
static int validate_utf8(struct reader *r, long long *bad_at)
{
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

/* Receives decoded UTF-8 text in pieces of any size; returns non-zero to stop. */
typedef int (*text_sink)(void *ctx, const char *s, size_t n);

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
			memcpy(o, REPLACEMENT, 3);
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
			memcpy(o, REPLACEMENT, 3);
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

/* Runs one pass over the whole input.  Returns 0 at the end, the sink's non-zero
 * value when it stopped, EXIT_IO (message printed) on a read error; a sink must
 * therefore stop with a value other than EXIT_IO (csvin uses 1). */
static int run_pass(struct reader *r, text_sink sink, void *ctx)
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

/* ---- tokenizing ---------------------------------------------------------------- */

struct parse {
	struct csv_parser parser;
	const char *name;
	FILE *err;
	struct reader *reader;
	csv_record_fn fn;
	void *fn_ctx;
	char delim;

	long line;                      /* physical line being fed */
	long record_line;               /* line where the current record starts */
	bool at_line_start;
	bool pending_cr;                /* a CR ended the last piece; LF may follow */

	bool cur_quoted;                /* quotedness of a field ended by the next byte */
	bool tail_after_quote;          /* current field: text after its closing quote */

	struct buf text;                /* fields of the record, each NUL-terminated */
	struct csv_field *fields;
	size_t nfields, fields_cap;

	long records;
	bool done;                      /* stopped by fn or by an error */
	int status;

	bool progress;
	double progress_start, progress_last;
	int progress_width;
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_show(struct parse *ps)
{
	double t = now_seconds();
	if (t - ps->progress_last < PROGRESS_INTERVAL)
		return;
	ps->progress_last = t;
	double elapsed = t - ps->progress_start;
	int w = fprintf(stderr, "\r%s: %.1f / %.1f MB, %.0f rows/s ", ps->name,
	                (double)ps->reader->consumed / 1e6, (double)ps->reader->size / 1e6,
	                elapsed > 0 ? (double)ps->records / elapsed : 0.0);
	if (w > ps->progress_width)
		ps->progress_width = w;
}

static void progress_clear(struct parse *ps)
{
	if (ps->progress_width > 0)
		fprintf(stderr, "\r%*s\r", ps->progress_width, "");
}

static void parse_fail(struct parse *ps, const char *what)
{
	if (ps->done)
		return;
	if (ps->progress) {
		progress_clear(ps);
		ps->progress = false;
	}
	fprintf(ps->err, "aireport: %s:%ld: %s\n", ps->name, ps->record_line, what);
	ps->status = EXIT_DATA;
	ps->done = true;
}

static void field_cb(void *data, size_t len, void *vctx)
{
	struct parse *ps = vctx;
	bool quoted = ps->cur_quoted;
	ps->tail_after_quote = false;
	if (ps->done)
		return;
	if (ps->nfields == CSVIN_MAX_FIELDS) {
		char msg[96];
		snprintf(msg, sizeof(msg), "record has more than %d fields", CSVIN_MAX_FIELDS);
		parse_fail(ps, msg);
		return;
	}
	/* called for every field: grow only when full, without a call otherwise */
	if (ps->nfields == ps->fields_cap)
		GROW(ps->fields, ps->fields_cap, ps->nfields + 1);
	if (ps->text.len + len + 1 >= ps->text.cap)
		buf_reserve(&ps->text, len + 1);
	char *dst = ps->text.data + ps->text.len;
	if (len)
		memcpy(dst, data, len);
	dst[len] = '\0';
	ps->text.len += len + 1;
	struct csv_field *f = &ps->fields[ps->nfields++];
	f->data = NULL;
	f->len = len;
	f->quoted = quoted;
}

static void record_cb(int c, void *vctx)
{
	struct parse *ps = vctx;
	(void)c;
	if (ps->done)
		return;
	/* the text buffer may have moved while fields were added */
	const char *d = ps->text.data;
	for (size_t i = 0; i < ps->nfields; i++) {
		ps->fields[i].data = d;
		d += ps->fields[i].len + 1;
	}
	struct csv_record rec = { .line = ps->record_line, .count = ps->nfields,
	                          .fields = ps->fields };
	ps->records++;
	if (ps->fn(&rec, ps->fn_ctx) != 0)
		ps->done = true;
	ps->nfields = 0;
	ps->text.len = 0;
}

/* A strict-mode error is one of the leniencies of §11.5; c is the byte libcsv
 * refused, and csv_parse made room for one more byte before it looked at it. */
static void recover(struct parse *ps, unsigned char c)
{
	struct csv_parser *p = &ps->parser;
	assert(p->entry_pos < p->entry_size);
	if (p->pstate == LIBCSV_FIELD_MIGHT_HAVE_ENDED) {
		/* Text after a closing quote: the entry ends with that quote and
		 * p->spaces spaces.  Drop the quote, keep the spaces, and go on with
		 * the field as unquoted text (trailing blanks trimmed, quotes plain). */
		unsigned char *q = p->entry_buf + p->entry_pos - p->spaces - 1;
		memmove(q, q + 1, p->spaces);
		p->entry_pos--;
		p->pstate = LIBCSV_FIELD_BEGUN;
		p->quoted = 0;
		ps->tail_after_quote = true;
	} else {
		/* a quote inside an unquoted field is an ordinary character */
		assert(p->pstate == LIBCSV_FIELD_BEGUN && !p->quoted && c == '"');
	}
	p->entry_buf[p->entry_pos++] = c;
	p->spaces = 0;
	p->status = CSV_SUCCESS;
}

static void feed(struct parse *ps, const char *s, size_t n)
{
	struct csv_parser *p = &ps->parser;
	while (n > 0 && !ps->done) {
		/* grow libcsv's field buffer geometrically, not by a fixed block */
		if (p->entry_size > p->blk_size)
			csv_set_blk_size(p, p->entry_size);
		size_t used = csv_parse(p, s, n, field_cb, record_cb, ps);
		if (ps->text.len + p->entry_pos > CSVIN_MAX_RECORD_BYTES) {
			char msg[96];
			snprintf(msg, sizeof(msg), "record longer than %zu MiB (unclosed quote?)",
			         CSVIN_MAX_RECORD_BYTES >> 20);
			parse_fail(ps, msg);
			return;
		}
		if (used == n)
			return;
		if (csv_error(p) != CSV_EPARSE) {
			parse_fail(ps, csv_strerror(csv_error(p)));
			return;
		}
		recover(ps, (unsigned char)s[used]);
		s += used + 1;
		n -= used + 1;
	}
}

/* Feeds text without line breaks.  libcsv does not say whether the field it
 * hands over was quoted, so the quotedness is read from the parser just before
 * each byte that can end a field; without any quote around, no field is. */
static void feed_text(struct parse *ps, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (!ps->parser.quoted && !ps->tail_after_quote && !memchr(s, '"', n)) {
		ps->cur_quoted = false;
		feed(ps, s, n);
		return;
	}
	const char *end = s + n;
	while (s < end && !ps->done) {
		ps->cur_quoted = ps->parser.quoted || ps->tail_after_quote;
		const char *d = s + 1 < end ? memchr(s + 1, ps->delim, (size_t)(end - s - 1)) : NULL;
		const char *stop = d ? d : end;
		feed(ps, s, (size_t)(stop - s));
		s = stop;
	}
}

/* The common line of an export: complete in s..end, no quote, no lone CR, not
 * blank, short.  Splitting it at the delimiter and trimming spaces and tabs gives
 * exactly what libcsv gives, at a fraction of the cost, so such lines skip it.
 * Returns false (nothing done) for any other line. */
static bool plain_line(struct parse *ps, const char *s, const char *end, const char **next)
{
	size_t avail = (size_t)(end - s);
	const char *nl = memchr(s, '\n', avail < PLAIN_LINE_MAX ? avail : PLAIN_LINE_MAX);
	if (!nl)
		return false;
	const char *eol = nl > s && nl[-1] == '\r' ? nl - 1 : nl;
	size_t n = (size_t)(eol - s);
	if (memchr(s, '"', n) || memchr(s, '\r', n))
		return false;
	size_t k = 0;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k == n)
		return false;   /* blank: libcsv's business */
	ps->record_line = ps->line;
	ps->cur_quoted = false;
	const char *p = s;
	for (;;) {
		const char *d = memchr(p, ps->delim, (size_t)(eol - p));
		const char *a = p, *b = d ? d : eol;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		field_cb((void *)a, (size_t)(b - a), ps);
		if (!d)
			break;
		p = d + 1;
	}
	record_cb(0, ps);
	ps->line++;
	*next = nl + 1;
	return true;
}

static void line_break(struct parse *ps)
{
	ps->cur_quoted = ps->parser.quoted || ps->tail_after_quote;
	feed(ps, "\n", 1);
	ps->line++;
	ps->at_line_start = true;
}

/* Splits text (no NUL bytes) into physical lines and feeds them. */
static void parse_lines(struct parse *ps, const char *s, size_t n)
{
	const char *end = s + n;
	if (ps->pending_cr && s < end) {
		ps->pending_cr = false;
		if (*s == '\n')
			s++;
		line_break(ps);
	}
	while (s < end && !ps->done) {
		if (ps->at_line_start) {
			if (ps->parser.pstate == LIBCSV_ROW_NOT_BEGUN && ps->nfields == 0 &&
			    plain_line(ps, s, end, &s))
				continue;
			ps->at_line_start = false;
			if (ps->parser.pstate == LIBCSV_ROW_NOT_BEGUN)
				ps->record_line = ps->line;
		}
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *eol = nl ? nl : end;
		const char *cr = memchr(s, '\r', (size_t)(eol - s));
		if (cr) {
			feed_text(ps, s, (size_t)(cr - s));
			if (cr + 1 == end) {
				ps->pending_cr = true;
				return;
			}
			s = cr + 1 + (cr[1] == '\n');
			line_break(ps);
		} else if (nl) {
			feed_text(ps, s, (size_t)(nl - s));
			line_break(ps);
			s = nl + 1;
		} else {
			feed_text(ps, s, (size_t)(end - s));
			s = end;
		}
	}
}

/* Pass 3 sink.  A NUL byte becomes U+FFFD (see csvin.h). */
static int parse_text(void *vctx, const char *s, size_t n)
{
	struct parse *ps = vctx;
	const char *end = s + n;
	while (s < end && !ps->done) {
		const char *z = memchr(s, '\0', (size_t)(end - s));
		parse_lines(ps, s, (size_t)((z ? z : end) - s));
		if (!z)
			break;
		parse_lines(ps, REPLACEMENT, 3);
		s = z + 1;
	}
	if (ps->progress)
		progress_show(ps);
	return ps->done ? 1 : 0;
}

static void parse_finish(struct parse *ps)
{
	if (ps->done)
		return;
	if (ps->pending_cr) {
		ps->pending_cr = false;
		line_break(ps);
	}
	if (ps->done)
		return;
	ps->cur_quoted = ps->parser.quoted || ps->tail_after_quote;
	csv_fini(&ps->parser, field_cb, record_cb, ps);
	if (ps->text.len > CSVIN_MAX_RECORD_BYTES) {
		char msg[96];
		snprintf(msg, sizeof(msg), "record longer than %zu MiB (unclosed quote?)",
		         CSVIN_MAX_RECORD_BYTES >> 20);
		parse_fail(ps, msg);
	}
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

static int read_input(struct reader *r, const struct csvin_options *opt, csv_record_fn fn,
                      void *ctx, struct csvin_info *info_out, bool progress)
{
	static const struct csvin_options defaults = { .encoding = ENCODING_AUTO };
	struct csvin_info info = { .delimiter = ',', .encoding = CSV_UTF8, .bytes = r->size };
	struct parse ps = { .name = r->name, .err = r->err, .reader = r, .fn = fn,
	                    .fn_ctx = ctx, .line = 1, .record_line = 1, .at_line_start = true };
	int status;

	if (!opt)
		opt = &defaults;
	assert(fn);
	assert(opt->delimiter != '"' && opt->delimiter != ' ' && opt->delimiter != '\r' &&
	       opt->delimiter != '\n');
	r->cd = (iconv_t)-1;
	/* one byte more than a small input, so its first read already sees the end */
	r->chunk_size = r->size >= 0 && r->size < (long long)CHUNK_SIZE ? (size_t)r->size + 1
	                                                              : CHUNK_SIZE;
	r->chunk = xmalloc(CARRY_MAX + r->chunk_size);
	r->text = NULL;

	status = choose_encoding(r, opt->encoding, &info);
	if (status)
		goto done;
	if (r->enc != TEXT_UTF8) {
		r->text_cap = 3 * (CARRY_MAX + r->chunk_size) + 16;
		r->text = xmalloc(r->text_cap);
	}
	if (r->enc == TEXT_UTF16LE || r->enc == TEXT_UTF16BE) {
		r->cd = iconv_open("UTF-8", r->enc == TEXT_UTF16LE ? "UTF-16LE" : "UTF-16BE");
		if (r->cd == (iconv_t)-1) {
			fprintf(r->err, "aireport: %s: cannot convert from UTF-16: %s\n", r->name, strerror(errno));
			status = EXIT_IO;
			goto done;
		}
	}

	if (opt->delimiter) {
		info.delimiter = opt->delimiter;
	} else {
		struct detect d = { 0 };
		status = run_pass(r, detect_text, &d);
		if (status == EXIT_IO)
			goto done;
		status = 0;
		info.delimiter = detect_pick(&d);
	}

	ps.delim = info.delimiter;
	if (csv_init(&ps.parser, CSV_STRICT) != 0) {
		fprintf(r->err, "aireport: %s: cannot start the CSV parser\n", r->name);
		status = EXIT_IO;
		goto done;
	}
	csv_set_delim(&ps.parser, (unsigned char)ps.delim);
	csv_set_realloc_func(&ps.parser, xrealloc);
	csv_set_blk_size(&ps.parser, 64 * 1024);
	ps.progress = progress && r->size > PROGRESS_MIN_BYTES && isatty(STDERR_FILENO);
	if (ps.progress)
		ps.progress_start = ps.progress_last = now_seconds();

	status = run_pass(r, parse_text, &ps);
	if (status != EXIT_IO) {
		parse_finish(&ps);
		status = ps.status;
	}
	if (ps.progress)
		progress_clear(&ps);
	info.records = ps.records;
	csv_free(&ps.parser);
	buf_free(&ps.text);
	free(ps.fields);

done:
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	free(r->chunk);
	free(r->text);
	if (info_out)
		*info_out = info;
	return status;
}

int csvin_read_buffer(const char *name, const char *data, size_t len,
                      const struct csvin_options *opt, csv_record_fn fn, void *ctx,
                      struct csvin_info *info, FILE *err)
{
	struct reader r = { .name = name, .err = err ? err : stderr, .fd = -1,
	                    .mem = (const unsigned char *)data, .mem_len = len,
	                    .size = (long long)len };
	return read_input(&r, opt, fn, ctx, info, false);
}

/* Copies a pipe or other stream into an unnamed temporary file, so it can be read
 * more than once.  Returns the FILE (its size in *size) or NULL (errno set). */
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

int csvin_read(const char *path, const struct csvin_options *opt, csv_record_fn fn,
               void *ctx, struct csvin_info *info, FILE *err)
{
	struct reader r = { .name = path, .err = err ? err : stderr, .fd = -1 };
	FILE *tmp = NULL;
	struct stat st;
	int status;

	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		fprintf(r.err, "aireport: %s: cannot open: %s\n", path, strerror(errno));
		return EXIT_IO;
	}
	if (fstat(fd, &st) != 0) {
		fprintf(r.err, "aireport: %s: cannot open: %s\n", path, strerror(errno));
		close(fd);
		return EXIT_IO;
	}
	if (S_ISDIR(st.st_mode)) {
		fprintf(r.err, "aireport: %s: cannot open: %s\n", path, strerror(EISDIR));
		close(fd);
		return EXIT_IO;
	}
	r.fd = fd;
	r.size = (long long)st.st_size;
	if (!S_ISREG(st.st_mode)) {
		tmp = spool(fd, &r.size);
		if (!tmp) {
			fprintf(r.err, "aireport: %s: cannot read: %s\n", path, strerror(errno));
			close(fd);
			return EXIT_IO;
		}
		r.fd = fileno(tmp);
	}
	status = read_input(&r, opt, fn, ctx, info,
	                    opt && opt->progress);
	if (tmp)
		fclose(tmp);
	close(fd);
	return status;
}
