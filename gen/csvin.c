/* csvin.c - UTF-8 text -> records: RFC 4180 quoting with the §11.5 leniencies,
 * blank lines and physical line numbers.  The bytes, their encoding and the
 * delimiter are csvdecode.c's business.
 *
 * libcsv runs in strict mode: its lenient mode keeps the closing quote and the
 * "quoted" state after `"abc"def`, so the rest of the file vanishes into one
 * field.  Each strict error is one of the §11.5 leniencies and is repaired in the
 * parser's public state before parsing goes on (see recover()).  Feeding one line
 * at a time tells where each record starts: a line that begins while the parser is
 * between records is where the next record starts. */
#include "csvin.h"

#include <assert.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "csvdecode.h"
#include "csvtok.h"
#include "progress.h"
#include "util.h"

#define PLAIN_LINE_MAX 4096                /* longest line split without libcsv */
#define TOK_PIECE ((size_t)1 << 20)        /* text fed at a time by csvtok_range */

/* libcsv 3.0.3 keeps these values in csv_parser.pstate; the struct is public, the
 * names (libcsv.c) are not. */
enum {
	LIBCSV_ROW_NOT_BEGUN = 0,
	LIBCSV_FIELD_NOT_BEGUN = 1,
	LIBCSV_FIELD_BEGUN = 2,
	LIBCSV_FIELD_MIGHT_HAVE_ENDED = 3,
};

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
	uint16_t dpos[PLAIN_LINE_MAX];  /* delimiters of a plain line */
	struct csv_field *fields;
	size_t nfields, fields_cap;

	long records;
	bool done;                      /* stopped by fn or by an error */
	int status;

	struct progress progress;

	/* reading a stretch of a larger text (csvtok_range) */
	size_t text_off;                /* offset of the piece parse_text is given */
	size_t piece_off;               /* offset of the piece parse_lines is given */
	size_t stop_at;                 /* stop at the first record start at or after */
	size_t stop_pos;                /* where it stopped */
	bool at_stop;                   /* stopped at stop_pos */
	bool split;                     /* fn may return CSVIN_SPLIT */
	bool keep_fail;                 /* keep a failure in fail[] instead of printing */
	long fail_line;
	char fail[128];
};

static void parse_fail(struct parse *ps, const char *what)
{
	if (ps->done)
		return;
	progress_end(&ps->progress);
	if (ps->keep_fail) {
		ps->fail_line = ps->record_line;
		snprintf(ps->fail, sizeof(ps->fail), "%s", what);
	} else {
		fprintf(ps->err, "aireport: %s:%ld: %s\n", ps->name, ps->record_line, what);
	}
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

/* Hands the record in ps->fields to fn. */
static void deliver(struct parse *ps)
{
	struct csv_record rec = { .line = ps->record_line, .count = ps->nfields,
	                          .fields = ps->fields };
	ps->records++;
	int rc = ps->fn(&rec, ps->fn_ctx);
	if (rc == CSVIN_SPLIT && ps->split)
		ps->stop_at = 0;   /* the rest goes in chunks from the next record on */
	else if (rc != 0 && rc != CSVIN_SPLIT)
		ps->done = true;
	ps->nfields = 0;
	ps->text.len = 0;
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
	deliver(ps);
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

#ifndef __SSE2__
/* 0x80 in each byte of w that equals the byte in every byte of pattern. */
static inline uint64_t bytes_equal(uint64_t w, uint64_t pattern)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t x = w ^ pattern;
	return ~(((x & low7) + low7) | x | low7);
}

/* Where the delimiters of s[0..n) are (ps->dpos), 8 bytes at a time; false when
 * it holds a quote or a CR. */
static bool plain_delimiters(struct parse *ps, const char *s, size_t n, size_t *count)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t quote = ones * '"', cr = ones * '\r', delim = ones * (unsigned char)ps->delim;
	size_t i = 0, nd = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (bytes_equal(w, quote) | bytes_equal(w, cr))
			return false;
		for (uint64_t m = bytes_equal(w, delim); m; m &= m - 1)
			ps->dpos[nd++] = (uint16_t)(i + (size_t)__builtin_ctzll(m) / 8);
	}
	for (; i < n; i++) {
		if (s[i] == '"' || s[i] == '\r')
			return false;
		if (s[i] == ps->delim)
			ps->dpos[nd++] = (uint16_t)i;
	}
	*count = nd;
	return true;
}
#endif

#ifdef __SSE2__
/* The line at s (within limit bytes): its length without the line break (*len),
 * where its delimiters are (ps->dpos, *count) and whether it holds a space or a
 * tab (*blanks), 16 bytes at a time in one pass; false when no line break is
 * within limit, or a quote or a CR that is not followed by LF comes before it.
 * *next: past the LF. */
static bool plain_scan(struct parse *ps, const char *s, size_t limit, size_t *len,
                       size_t *count, bool *blanks, const char **next)
{
	const __m128i quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r');
	const __m128i lf = _mm_set1_epi8('\n'), delim = _mm_set1_epi8(ps->delim);
	const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
	size_t i = 0, nd = 0;
	unsigned seen = 0;
	for (;;) {
		unsigned ends, quotes, delims, blank;
		if (i + 16 <= limit) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			ends = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, lf),
			                                                _mm_cmpeq_epi8(v, cr)));
			quotes = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote));
			delims = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, delim));
			blank = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, space),
			                                                 _mm_cmpeq_epi8(v, tab)));
		} else if (i < limit) {   /* the last bytes, one at a time */
			ends = quotes = delims = blank = 0;
			for (size_t j = 0; i + j < limit; j++) {
				char c = s[i + j];
				ends |= (unsigned)(c == '\n' || c == '\r') << j;
				quotes |= (unsigned)(c == '"') << j;
				delims |= (unsigned)(c == ps->delim) << j;
				blank |= (unsigned)(c == ' ' || c == '\t') << j;
			}
		} else {
			return false;
		}
		if (ends) {
			unsigned e = (unsigned)__builtin_ctz(ends);
			unsigned before = (1u << e) - 1;
			if (quotes & before)
				return false;
			*blanks = (seen | (blank & before)) != 0;
			size_t at = i + e;
			if (s[at] == '\r') {   /* only as the CR of a CRLF */
				if (at + 1 >= limit || s[at + 1] != '\n')
					return false;
				*next = s + at + 2;
			} else {
				*next = s + at + 1;
			}
			for (unsigned m = delims & before; m; m &= m - 1)
				ps->dpos[nd++] = (uint16_t)(i + (size_t)__builtin_ctz(m));
			*len = at;
			*count = nd;
			return true;
		}
		if (quotes)
			return false;
		seen |= blank;
		for (unsigned m = delims; m; m &= m - 1)
			ps->dpos[nd++] = (uint16_t)(i + (size_t)__builtin_ctz(m));
		i += 16;
	}
}
#endif

/* The common line of an export: complete in s..end, no quote, no lone CR, not
 * blank, short.  Splitting it at the delimiter and trimming spaces and tabs gives
 * exactly what libcsv gives, at a fraction of the cost, so such lines skip it:
 * the line is copied once and each field ends where its delimiter was.
 * Returns false (nothing done) for any other line. */
static bool plain_line(struct parse *ps, const char *s, const char *end, const char **next)
{
	size_t avail = (size_t)(end - s);
	size_t limit = avail < PLAIN_LINE_MAX ? avail : PLAIN_LINE_MAX;
	size_t n, nd;
	const char *after;
	bool blanks = true;
#ifdef __SSE2__
	if (!plain_scan(ps, s, limit, &n, &nd, &blanks, &after))
		return false;   /* no line end in reach, or quoted */
	size_t k = 0;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k == n)
		return false;   /* blank: libcsv's business */
#else
	const char *nl = memchr(s, '\n', limit);
	if (!nl)
		return false;
	const char *eol = nl > s && nl[-1] == '\r' ? nl - 1 : nl;
	n = (size_t)(eol - s);
	after = nl + 1;
	size_t k = 0;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k == n || !plain_delimiters(ps, s, n, &nd))
		return false;   /* blank (libcsv's business), or quoted */
#endif
	ps->record_line = ps->line;
	/* a line of PLAIN_LINE_MAX bytes has fewer than CSVIN_MAX_FIELDS fields */
	if (nd + 1 > ps->fields_cap)
		GROW(ps->fields, ps->fields_cap, nd + 1);
	buf_reserve(&ps->text, n + 1);
	char *t = ps->text.data;
	memcpy(t, s, n);
	t[n] = '\0';
	/* locals: a store to the text could change ps's members, for all the
	 * compiler knows, and it would load them again after each */
	struct csv_field *fields = ps->fields;
	const uint16_t *dpos = ps->dpos;
	if (!blanks) {   /* nothing to trim: each field ends at its delimiter */
		size_t from = 0;
		for (size_t f = 0; f < nd; f++) {
			size_t to = dpos[f];
			t[to] = '\0';
			fields[f] = (struct csv_field){ .data = t + from, .len = to - from };
			from = to + 1;
		}
		fields[nd] = (struct csv_field){ .data = t + from, .len = n - from };
	} else {
		for (size_t f = 0, from = 0; f <= nd; f++) {
			size_t to = f < nd ? dpos[f] : n;
			char *a = t + from, *b = t + to;
			while (a < b && (*a == ' ' || *a == '\t'))
				a++;
			while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
				b--;
			*b = '\0';
			fields[f] = (struct csv_field){ .data = a, .len = (size_t)(b - a) };
			from = to + 1;
		}
	}
	ps->nfields = nd + 1;
	deliver(ps);
	ps->line++;
	*next = after;
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
	const char *start = s, *end = s + n;
	if (ps->pending_cr && s < end) {
		ps->pending_cr = false;
		if (*s == '\n')
			s++;
		line_break(ps);
	}
	while (s < end && !ps->done) {
		if (ps->at_line_start) {
			bool between = ps->parser.pstate == LIBCSV_ROW_NOT_BEGUN && ps->nfields == 0;
			if (between && ps->piece_off + (size_t)(s - start) >= ps->stop_at) {
				ps->stop_pos = ps->piece_off + (size_t)(s - start);
				ps->at_stop = ps->done = true;
				return;
			}
			if (between && plain_line(ps, s, end, &s))
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
	const char *begin = s;
	while (s < end && !ps->done) {
		const char *z = memchr(s, '\0', (size_t)(end - s));
		ps->piece_off = ps->text_off + (size_t)(s - begin);
		parse_lines(ps, s, (size_t)((z ? z : end) - s));
		if (!z || ps->done)
			break;
		ps->piece_off = ps->text_off + (size_t)(z - begin);
		parse_lines(ps, CSV_REPLACEMENT, 3);
		s = z + 1;
	}
	if (ps->reader)
		progress_show(&ps->progress, ps->reader->consumed, ps->reader->size, ps->records);
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

/* Starts ps over a fresh parser; returns 0 or EXIT_IO after one line on ps->err. */
static int parse_begin(struct parse *ps)
{
	if (csv_init(&ps->parser, CSV_STRICT) != 0) {
		fprintf(ps->err ? ps->err : stderr, "aireport: %s: cannot start the CSV parser\n",
		        ps->name);
		return EXIT_IO;
	}
	csv_set_delim(&ps->parser, (unsigned char)ps->delim);
	csv_set_realloc_func(&ps->parser, xrealloc);
	csv_set_blk_size(&ps->parser, 64 * 1024);
	return 0;
}

static void parse_end(struct parse *ps)
{
	progress_end(&ps->progress);
	csv_free(&ps->parser);
	buf_free(&ps->text);
	free(ps->fields);
}

static int read_input(struct reader *r, const struct csvin_options *opt, csv_record_fn fn,
                      void *ctx, struct csvin_info *info_out, bool progress)
{
	static const struct csvin_options defaults = { .encoding = ENCODING_AUTO };
	struct csvin_info info = { .delimiter = ',', .encoding = CSV_UTF8, .bytes = r->size };
	struct parse ps = { .name = r->name, .err = r->err, .reader = r, .fn = fn,
	                    .fn_ctx = ctx, .line = 1, .record_line = 1, .at_line_start = true,
	                    .stop_at = SIZE_MAX };

	if (!opt)
		opt = &defaults;
	assert(fn);
	assert(opt->delimiter != '"' && opt->delimiter != ' ' && opt->delimiter != '\r' &&
	       opt->delimiter != '\n');
	int status = reader_open(r, opt->encoding, &info);
	if (!status && opt->delimiter)
		info.delimiter = opt->delimiter;
	else if (!status)
		status = detect_delimiter(r, &info.delimiter);
	ps.delim = info.delimiter;
	if (!status)
		status = parse_begin(&ps);
	if (!status) {
		progress_begin(&ps.progress, progress, r->size, stderr, r->name, "");
		status = run_pass(r, parse_text, &ps);
		if (status != EXIT_IO) {
			parse_finish(&ps);
			status = ps.status;
		}
		info.records = ps.records;
		parse_end(&ps);
	}
	reader_close(r);
	if (info_out)
		*info_out = info;
	return status;
}

void csvtok_range(struct csvtok *t, const struct text_source *src, char *buf, size_t start,
                  size_t stop_at, long first_line)
{
	struct parse ps = { .name = t->name, .err = t->err, .fn = t->fn, .fn_ctx = t->ctx,
	                    .delim = t->delim, .line = first_line, .record_line = first_line,
	                    .at_line_start = true, .stop_at = stop_at, .split = t->split,
	                    .keep_fail = !t->err };
	t->status = parse_begin(&ps);
	if (t->status) {
		t->stopped = true;
		return;
	}
	size_t pos = start;
	while (pos < src->len && !ps.done) {
		/* up to stop_at in large pieces, then a line or so at a time */
		size_t want = pos < stop_at ? CSVTOK_PIECE : 4096, got;
		if (pos < stop_at && stop_at - pos < want)
			want = stop_at - pos;
		if (want < 4)
			want = 4;   /* room for a whole character */
		const char *text = source_read(src, buf, pos, want, &got);
		if (got == 0) {
			ps.record_line = ps.line;
			parse_fail(&ps, "cannot read the rest of the file");
			ps.status = EXIT_IO;
			break;
		}
		if (t->validate) {
			bool bad;
			size_t ok = utf8_prefix((const unsigned char *)text, got, &bad);
			if (bad || ok == 0 || (ok < got && pos + got == src->len)) {
				t->invalid = ps.done = true;
				break;
			}
			got = ok;   /* a character cut off at the end starts the next piece */
		}
		ps.text_off = pos;
		parse_text(&ps, text, got);
		pos += got;
	}
	if (!ps.done)
		parse_finish(&ps);
	if (t->invalid)
		ps.status = 0;
	t->end = ps.at_stop ? ps.stop_pos : src->len;
	t->end_line = ps.line;
	t->records = ps.records;
	t->status = ps.status;
	t->stopped = ps.done && !ps.at_stop && !t->invalid;
	t->fail_line = ps.fail_line;
	memcpy(t->fail, ps.fail, sizeof(t->fail));
	parse_end(&ps);
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

int csvin_read_input(const char *name, const struct input *in,
                     const struct csvin_options *opt, csv_record_fn fn, void *ctx,
                     struct csvin_info *info, FILE *err)
{
	struct reader r = { .name = name, .err = err, .fd = in->fd, .size = in->size };
	return read_input(&r, opt, fn, ctx, info, opt && opt->progress);
}

int csvin_read(const char *path, const struct csvin_options *opt, csv_record_fn fn,
               void *ctx, struct csvin_info *info, FILE *err)
{
	struct input in;
	err = err ? err : stderr;
	int status = input_open(&in, path, err);
	if (status)
		return status;
	status = csvin_read_input(path, &in, opt, fn, ctx, info, err);
	input_close(&in);
	return status;
}
