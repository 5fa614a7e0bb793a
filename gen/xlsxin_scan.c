/* xlsxin_scan.c - the worksheet's XML read without expat (xlsxin_scan.h).
 *
 * A sheet of a million rows is some 300 MB of XML in a narrow subset: an XML
 * declaration, elements with attributes, text, the five predefined entities and
 * character references.  Expat spends most of a large workbook's reading time
 * on it, much of it on namespace processing the reader has no use for.  This
 * scanner reads that subset and calls the sheet's own handlers (xlsxin_sheet.c)
 * as expat would: the local names of elements and attributes, attribute values
 * normalised, text with line ends normalised and references replaced.
 *
 * It gives up on anything else - a comment, a processing instruction, CDATA, a
 * document type, a byte-order mark, a name that is not ASCII, an unbound or odd
 * prefix, any attribute name twice, a token longer than TOKEN_MAX, and every
 * error, its own or a handler's (a row out of order, a bad cell reference) -
 * and then expat reads the whole part again (sheet_parse): it finds the same
 * rows, hands on only those the scanner did not, and reports any error with its
 * own words and line.  So what is accepted here is always well-formed XML, and
 * a workbook gives exactly what expat gives. */
#include "xlsxin_scan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsxin_sheet.h"

#define TOKEN_MAX ((size_t)1 << 20)   /* longer tokens are left to expat */
#define MAX_ATTS 32

enum place { PROLOG, CONTENT, EPILOG };

struct prefix {
	size_t name;        /* offset into scan.names */
	size_t len;
	size_t depth;       /* the element that declared it */
};

struct scan {
	struct reader *r;
	enum place place;
	bool started;                   /* past the document's first byte */
	struct buf carry;               /* the unfinished token of the last chunk */
	struct buf text;                /* decoded text and attribute values */
	struct buf names;               /* open elements' qnames, prefixes */
	size_t *open;                   /* offsets into names, NUL-terminated there */
	size_t depth, open_cap;
	struct prefix *prefixes;
	size_t prefix_count, prefix_cap;
};

enum { DONE, MORE, GIVE_UP };   /* token read; token incomplete; leave to expat */

static bool name_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool name_char(unsigned char c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':';
}

static bool space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A name at p: its length (0 when there is none, or it is not ASCII). */
static size_t name_len(const char *p, const char *end)
{
	if (p >= end || !name_start((unsigned char)*p))
		return 0;
	const char *q = p + 1;
	while (q < end && name_char((unsigned char)*q))
		q++;
	return q < end && (unsigned char)*q >= 0x80 ? 0 : (size_t)(q - p);
}

/* The colon of a qualified name, NULL when there is none; *bad when the name
 * has more than one, or one at an end (expat's namespace processing refuses). */
static const char *colon_of(const char *n, size_t len, bool *bad)
{
	const char *c = memchr(n, ':', len);
	*bad = c && (c == n || c == n + len - 1 || memchr(c + 1, ':', len - (size_t)(c + 1 - n)));
	return c;
}

/* An XML character as UTF-8 at out: its length, 0 when it is not one (XML 1.0
 * Char). */
static size_t put_char(char *out, uint32_t c)
{
	if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	      (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)))
		return 0;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6), out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12), out[1] = (char)(0x80 | (c >> 6 & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | c >> 18), out[1] = (char)(0x80 | (c >> 12 & 0x3F));
	out[2] = (char)(0x80 | (c >> 6 & 0x3F)), out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* The reference at p ('&' .. ';') replaced at *out (advanced); its length, 0
 * when it is not a predefined entity or a character reference of an XML
 * character.  The replacement is never longer than the reference. */
static size_t reference(const char *p, const char *end, char **out)
{
	const char *semi = memchr(p, ';', (size_t)(end - p) < 12 ? (size_t)(end - p) : 12);
	if (!semi)
		return 0;
	size_t len = (size_t)(semi - p) + 1;
	static const struct { const char *name; size_t len; char c; } named[] = {
		{ "&amp;", 5, '&' }, { "&lt;", 4, '<' }, { "&gt;", 4, '>' }, { "&quot;", 6, '"' },
		{ "&apos;", 6, '\'' },
	};
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (named[i].len == len && memcmp(p, named[i].name, len) == 0) {
			*(*out)++ = named[i].c;
			return len;
		}
	if (len < 4 || p[1] != '#')
		return 0;
	bool hex = p[2] == 'x';
	const char *d = p + 2 + hex;
	if (d == semi)
		return 0;
	uint32_t c = 0;
	for (; d < semi; d++) {
		unsigned v;
		if (*d >= '0' && *d <= '9')
			v = (unsigned)(*d - '0');
		else if (hex && *d >= 'a' && *d <= 'f')
			v = (unsigned)(*d - 'a' + 10);
		else if (hex && *d >= 'A' && *d <= 'F')
			v = (unsigned)(*d - 'A' + 10);
		else
			return 0;
		c = c * (hex ? 16 : 10) + v;
		if (c > 0x10FFFF)
			return 0;
	}
	size_t n = put_char(*out, c);
	*out += n;
	return n ? len : 0;
}

/* One UTF-8 sequence of an XML character at p (its first byte >= 0x80): its
 * length, 0 when it is not one. */
static size_t utf8_char(const unsigned char *p, const unsigned char *end)
{
	uint32_t c;
	size_t n;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		c = p[0] & 0x1F, n = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		c = p[0] & 0x0F, n = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		c = p[0] & 0x07, n = 4;
	else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
		return 0;
	return n;
}

/* Text or an attribute value [p, end) decoded at out (room for end - p bytes)
 * as expat reports it: line ends as LF (in a value: every literal white space
 * as a space), references replaced.  Its length, or -1 when it holds what the
 * scanner leaves to expat. */
static long decode(const char *p, const char *end, bool value, char *out)
{
	const char *begin = p;
	char *o = out;
	while (p < end) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>') {
			*o++ = (char)c;
			p++;
		} else if (c >= 0x80) {
			size_t n = utf8_char((const unsigned char *)p, (const unsigned char *)end);
			if (!n)
				return -1;
			memcpy(o, p, n);
			o += n, p += n;
		} else if (c == '&') {
			size_t n = reference(p, end, &o);
			if (!n)
				return -1;
			p += n;
		} else if (c == '<') {
			return -1;
		} else if (c == '>') {
			if (!value && p - begin >= 2 && p[-1] == ']' && p[-2] == ']')
				return -1;      /* "]]>" ends no CDATA section here */
			*o++ = '>';
			p++;
		} else if (c == '\r' || c == '\n' || c == '\t') {
			*o++ = value ? ' ' : c == '\t' ? '\t' : '\n';
			p += c == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
		} else {
			return -1;      /* a control character */
		}
	}
	return o - out;
}

/* Whether [p, end) is text that needs no decoding: printable ASCII without '&',
 * '<', '>' (the usual cell value). */
static bool plain(const char *p, const char *end)
{
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>')
			return false;
	}
	return true;
}

static bool contains(const char *p, size_t n, const char *what)
{
	size_t k = strlen(what);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(p + i, what, k) == 0)
			return true;
	return false;
}

static bool prefix_bound(const struct scan *s, const char *n, size_t len)
{
	if (len == 3 && memcmp(n, "xml", 3) == 0)
		return true;
	for (size_t i = s->prefix_count; i-- > 0;) {
		const struct prefix *x = &s->prefixes[i];
		if (x->len == len && memcmp(s->names.data + x->name, n, len) == 0)
			return true;
	}
	return false;
}

/* The handler told of the innermost element's end, which is dropped with the
 * prefixes it declared. */
static void end_element(struct scan *s, const char *name)
{
	sheet_end(s->r, name);
	s->depth--;
	s->names.len = s->open[s->depth];
	while (s->prefix_count && s->prefixes[s->prefix_count - 1].depth > s->depth)
		s->prefix_count--;
	if (s->depth == 0)
		s->place = EPILOG;
}

struct att {
	const char *name, *value, *local;
	size_t name_len, value_len, local_len;
	bool prefixed;
};

/* A start tag at p ('<' .. '>'): the handlers called.  DONE with *used set,
 * MORE when its end is not in [p, end), GIVE_UP. */
static int start_tag(struct scan *s, const char *p, const char *end, size_t *used)
{
	const char *q = p + 1;
	size_t nlen = name_len(q, end);
	if (!nlen)
		return q + nlen >= end ? MORE : GIVE_UP;
	const char *name = q;
	q += nlen;
	struct att atts[MAX_ATTS];
	size_t count = 0;
	bool empty = false;
	for (;;) {
		const char *ws = q;
		while (q < end && space((unsigned char)*q))
			q++;
		if (q >= end)
			return MORE;
		if (*q == '>') {
			q++;
			break;
		}
		if (*q == '/') {
			if (q + 1 >= end)
				return MORE;
			if (q[1] != '>')
				return GIVE_UP;
			q += 2;
			empty = true;
			break;
		}
		if (q == ws || count == MAX_ATTS)
			return GIVE_UP;        /* no space before an attribute; too many */
		size_t alen = name_len(q, end);
		if (!alen)
			return q >= end ? MORE : GIVE_UP;
		struct att *a = &atts[count++];
		a->name = q, a->name_len = alen;
		q += alen;
		while (q < end && space((unsigned char)*q))
			q++;
		if (q >= end)
			return MORE;
		if (*q != '=')
			return GIVE_UP;
		q++;
		while (q < end && space((unsigned char)*q))
			q++;
		if (q >= end)
			return MORE;
		if (*q != '"' && *q != '\'')
			return GIVE_UP;
		const char *close = memchr(q + 1, *q, (size_t)(end - q - 1));
		if (!close)
			return MORE;
		a->value = q + 1, a->value_len = (size_t)(close - q - 1);
		q = close + 1;
	}
	*used = (size_t)(q - p);

	if (s->place == EPILOG)
		return GIVE_UP;            /* a second root element */

	/* The element's qname, kept for its end tag; after it the prefixes it
	 * declares (they apply to the element itself), dropped with it. */
	size_t depth = s->depth + 1;
	GROW(s->open, s->open_cap, depth);
	s->open[s->depth] = s->names.len;
	buf_append(&s->names, name, nlen);
	buf_putc(&s->names, '\0');
	s->depth = depth;
	for (size_t i = 0; i < count; i++) {
		struct att *a = &atts[i];
		bool bad;
		const char *ci = colon_of(a->name, a->name_len, &bad);
		if (bad)
			return GIVE_UP;
		a->prefixed = ci != NULL;
		a->local = ci ? ci + 1 : a->name;
		a->local_len = a->name_len - (size_t)(a->local - a->name);
		for (size_t j = 0; j < i; j++)
			if (atts[j].local_len == a->local_len &&
			    memcmp(atts[j].local, a->local, a->local_len) == 0)
				return GIVE_UP;    /* the same local name twice */
		bool declares = a->name_len > 6 && memcmp(a->name, "xmlns:", 6) == 0;
		if (declares || (a->name_len == 5 && memcmp(a->name, "xmlns", 5) == 0)) {
			buf_reserve(&s->text, a->value_len);
			long len = decode(a->value, a->value + a->value_len, true, s->text.data);
			if (len < 0 || contains(s->text.data, (size_t)len, "www.w3.org/XML/1998/namespace") ||
			    contains(s->text.data, (size_t)len, "www.w3.org/2000/xmlns"))
				return GIVE_UP;    /* a reserved namespace */
		}
		if (declares) {
			const char *pre = a->name + 6;
			size_t plen = a->name_len - 6;
			if (a->value_len == 0 || memchr(pre, ':', plen) ||
			    (plen >= 3 && (pre[0] | 0x20) == 'x' && (pre[1] | 0x20) == 'm' &&
			     (pre[2] | 0x20) == 'l'))
				return GIVE_UP;
			GROW(s->prefixes, s->prefix_cap, s->prefix_count + 1);
			s->prefixes[s->prefix_count++] = (struct prefix){ s->names.len, plen, depth };
			buf_append(&s->names, pre, plen);
			buf_putc(&s->names, '\0');
		}
	}
	bool bad;
	const char *colon = colon_of(name, nlen, &bad);
	if (bad || (colon && !prefix_bound(s, name, (size_t)(colon - name))) ||
	    (colon && colon - name == 5 && memcmp(name, "xmlns", 5) == 0))
		return GIVE_UP;

	/* the local names and the decoded values, each NUL-terminated, in s->text */
	buf_clear(&s->text);
	buf_reserve(&s->text, (size_t)(q - p) + 2 * count + 2);
	char *o = s->text.data;
	const char *list[2 * MAX_ATTS + 1];
	size_t n = 0;
	const char *local = colon ? colon + 1 : name;
	size_t local_len = nlen - (size_t)(local - name);
	const char *element = o;
	memcpy(o, local, local_len);
	o += local_len;
	*o++ = '\0';
	for (size_t i = 0; i < count; i++) {
		const struct att *a = &atts[i];
		if (a->name_len >= 5 && memcmp(a->name, "xmlns", 5) == 0 &&
		    (a->name_len == 5 || a->name[5] == ':'))
			continue;              /* checked above, not passed on */
		if (a->prefixed && (!prefix_bound(s, a->name, (size_t)(a->local - 1 - a->name)) ||
		                    (a->local - 1 - a->name == 5 && memcmp(a->name, "xmlns", 5) == 0)))
			return GIVE_UP;
		list[n++] = o;
		memcpy(o, a->local, a->local_len);
		o += a->local_len;
		*o++ = '\0';
		list[n++] = o;
		long len = decode(a->value, a->value + a->value_len, true, o);
		if (len < 0)
			return GIVE_UP;
		o += len;
		*o++ = '\0';
	}
	list[n] = NULL;
	s->place = CONTENT;
	sheet_start(s->r, element, list);
	if (empty && !s->r->failed && !s->r->stopped)
		end_element(s, element);
	return DONE;
}

/* An end tag at p ("</" .. '>'). */
static int end_tag(struct scan *s, const char *p, const char *end, size_t *used)
{
	const char *q = p + 2;
	size_t nlen = name_len(q, end);
	if (!nlen)
		return q >= end ? MORE : GIVE_UP;
	const char *name = q;
	q += nlen;
	while (q < end && space((unsigned char)*q))
		q++;
	if (q >= end)
		return MORE;
	if (*q != '>' || s->depth == 0)
		return GIVE_UP;
	const char *open = s->names.data + s->open[s->depth - 1];
	if (strncmp(open, name, nlen) != 0 || open[nlen] != '\0')
		return GIVE_UP;            /* a mismatched tag */
	*used = (size_t)(q + 1 - p);
	end_element(s, open);       /* the qname: the handler goes by its own stack */
	return DONE;
}

/* The XML declaration at the document's start: version 1.0, UTF-8, standalone
 * yes or no, nothing else. */
static int declaration(const char *p, const char *end, size_t *used)
{
	const char *close = NULL;
	for (const char *q = p; q + 1 < end; q++)
		if (q[0] == '?' && q[1] == '>') {
			close = q;
			break;
		}
	if (!close)
		return (size_t)(end - p) > 200 ? GIVE_UP : MORE;
	static const char *const names[] = { "version", "encoding", "standalone" };
	const char *q = p + 5;
	size_t next = 0;
	for (;;) {
		const char *ws = q;
		while (q < close && space((unsigned char)*q))
			q++;
		if (q == close)
			break;
		if (q == ws)
			return GIVE_UP;
		size_t k = next;
		while (k < 3 && !(strncmp(q, names[k], strlen(names[k])) == 0))
			k++;
		if (k == 3 || (next == 0 && k != 0))
			return GIVE_UP;
		q += strlen(names[k]);
		while (q < close && space((unsigned char)*q))
			q++;
		if (q >= close || *q != '=')
			return GIVE_UP;
		q++;
		while (q < close && space((unsigned char)*q))
			q++;
		if (q >= close || (*q != '"' && *q != '\''))
			return GIVE_UP;
		const char *v = q + 1, *vend = memchr(v, *q, (size_t)(close - v));
		if (!vend)
			return GIVE_UP;
		size_t vlen = (size_t)(vend - v);
		bool ok = (k == 0 && vlen == 3 && memcmp(v, "1.0", 3) == 0) ||
		          (k == 1 && vlen == 5 && strncasecmp(v, "utf-8", 5) == 0) ||
		          (k == 2 && ((vlen == 3 && memcmp(v, "yes", 3) == 0) ||
		                      (vlen == 2 && memcmp(v, "no", 2) == 0)));
		if (!ok)
			return GIVE_UP;
		next = k + 1;
		q = vend + 1;
	}
	if (next == 0)
		return GIVE_UP;
	*used = (size_t)(close + 2 - p);
	return DONE;
}

/* The tokens of [p, end): how many bytes were read, the rest is an unfinished
 * token (or, when final, left to expat).  Sets *give_up. */
static size_t scan_tokens(struct scan *s, const char *p, const char *end, bool final,
                          bool *give_up)
{
	const char *start = p;
	struct reader *r = s->r;
	if (!s->started && p < end) {
		if (end - p < 6 && !final)
			return 0;
		s->started = true;
		size_t used;
		if (end - p >= 6 && memcmp(p, "<?xml", 5) == 0 && space((unsigned char)p[5])) {
			int k = declaration(p, end, &used);
			if (k == MORE && !final) {
				s->started = false;
				return 0;
			}
			if (k != DONE) {
				*give_up = true;
				return 0;
			}
			p += used;
		}
	}
	while (p < end && !r->failed && !r->stopped) {
		int k;
		size_t used = 0;
		if (*p != '<') {
			const char *lt = memchr(p, '<', (size_t)(end - p));
			if (!lt && !final)
				break;
			const char *stop = lt ? lt : end;
			if (s->place != CONTENT) {
				for (const char *q = p; q < stop; q++)
					if (!space((unsigned char)*q)) {
						*give_up = true;
						return (size_t)(p - start);
					}
			} else {
				if (plain(p, stop)) {
					sheet_text(r, p, (int)(stop - p));
				} else {
					buf_clear(&s->text);
					buf_reserve(&s->text, (size_t)(stop - p));
					long len = decode(p, stop, false, s->text.data);
					if (len < 0) {
						*give_up = true;
						return (size_t)(p - start);
					}
					if (len)
						sheet_text(r, s->text.data, (int)len);
				}
			}
			p = stop;
			continue;
		}
		if (end - p < 2)
			k = MORE;
		else if (p[1] == '/')
			k = end_tag(s, p, end, &used);
		else if (p[1] == '?' || p[1] == '!')
			k = GIVE_UP;
		else
			k = start_tag(s, p, end, &used);
		if (k == MORE && !final)
			break;
		if (k != DONE) {
			*give_up = true;
			break;
		}
		p += used;
	}
	if (final && p == end && s->place != EPILOG && !r->failed && !r->stopped)
		*give_up = true;           /* no root, or one left open: expat says which */
	return (size_t)(p - start);
}

static bool scan_feed(struct reader *r, void *arg, const char *data, size_t n, bool final)
{
	struct scan *s = arg;
	bool give_up = false;
	const char *p = data, *end = data + n;
	if (s->carry.len) {
		buf_append(&s->carry, data, n);
		p = s->carry.data, end = p + s->carry.len;
	}
	size_t used = scan_tokens(s, p, end, final, &give_up);
	size_t rest = (size_t)(end - p) - used;
	if (!give_up && rest > TOKEN_MAX)
		give_up = true;
	if (give_up) {
		r->bailed = true;
		return false;
	}
	if (s->carry.len) {
		memmove(s->carry.data, s->carry.data + used, rest);
		s->carry.len = rest;
	} else if (rest) {
		buf_append(&s->carry, p + used, rest);
	}
	return true;
}

/* The sheet's state as it is before its part is read. */
static void sheet_reset(struct reader *r)
{
	r->failed = r->bailed = false;
	r->status = 0;
	r->in_row = r->in_cell = r->in_value = r->in_inline = r->in_text = false;
	r->phonetic_depth = 0;
	r->row = r->last_row = 0;
	r->column = r->next_column = 0;
	r->cell_type = CELL_NUMBER;
	r->cell_style = 0;
	buf_clear(&r->value);
	buf_clear(&r->row_text);
	r->cell_count = 0;
	r->header_count = 0;
	r->records = 0;
	r->open_depth = 0;
}

int sheet_parse(struct reader *r, zip_int64_t idx, const char *name)
{
	const char *forced = getenv(XLSXIN_EXPAT_ENV);
	if (!forced || !*forced) {
		struct scan s = { .r = r };
		r->trial = true;
		part_stream(r, idx, name, r->lim.sheet_bytes, true, scan_feed, &s);
		r->trial = false;
		buf_free(&s.carry);
		buf_free(&s.text);
		buf_free(&s.names);
		free(s.open);
		free(s.prefixes);
		if (!r->bailed) {
			r->scanned = true;
			return r->failed ? r->status : 0;
		}
		r->skip_through = r->emitted_through;
		sheet_reset(r);
	}
	return part_parse(r, idx, name, r->lim.sheet_bytes, sheet_start, sheet_end, sheet_text,
	                  true);
}
