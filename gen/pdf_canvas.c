/* pdf_canvas.c - text, shapes and paths of assessment.pdf on top of libharu.
 *
 * libharu 2.3.0 quirks handled here:
 *  - HPDF_Font_TextWidth returns 0 for a TrueType font with the UTF-8 encoder, so
 *    widths come from the font definition (HPDF_TTFontDef_GetCharWidth), which also
 *    marks the glyph for embedding.
 *  - A code point the font lacks would be drawn as an empty box, bytes that are
 *    not UTF-8 confuse the encoder, and code points above U+FFFF are not supported:
 *    every string passes text_sanitize first. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_fontdef.h>

#include "pdf_canvas.h"

#define ELLIPSIS "\xE2\x80\xA6"   /* … */

struct rgb rgb_hex(unsigned hex)
{
	struct rgb c = { ((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f,
	                 (hex & 0xFF) / 255.0f };
	return c;
}

struct rgb rgb_mix(struct rgb a, struct rgb b, float t)
{
	struct rgb c = { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t };
	return c;
}

static float pdf_y(const struct canvas *c, float y)
{
	return c->page_height - y;
}

/* ---- text ---------------------------------------------------------------- */

/* Decodes one code point at *p (advancing it by at least one byte); malformed or
 * overlong sequences and surrogates give U+FFFD. */
static uint32_t utf8_next(const unsigned char **p, const unsigned char *end)
{
	const unsigned char *s = *p;
	uint32_t cp;
	int extra;
	if (s[0] < 0x80) {
		*p = s + 1;
		return s[0];
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		cp = s[0] & 0x1F;
		extra = 1;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		cp = s[0] & 0x0F;
		extra = 2;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		cp = s[0] & 0x07;
		extra = 3;
	} else {
		*p = s + 1;
		return 0xFFFD;
	}
	if (end - s <= extra) {
		*p = s + 1;
		return 0xFFFD;
	}
	for (int i = 1; i <= extra; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*p = s + 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF)) {
		*p = s + 1;
		return 0xFFFD;
	}
	*p = s + 1 + extra;
	return cp;
}

static void utf8_put(struct buf *out, uint32_t cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	}
	buf_append(out, b, n);
}

static bool has_glyph(const struct canvas *c, enum font_style f, uint32_t cp)
{
	return cp <= 0xFFFF && HPDF_TTFontDef_GetGlyphid(c->fontdef[f], (HPDF_UINT16)cp) != 0;
}

/* The code point actually drawn for cp. */
static uint32_t drawable(const struct canvas *c, enum font_style f, uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
		return ' ';
	if (cp == 0xFFFD)
		return has_glyph(c, f, cp) ? cp : '?';
	return has_glyph(c, f, cp) ? cp : '?';
}

void text_sanitize(const struct canvas *c, enum font_style f, const char *s, struct buf *out)
{
	buf_clear(out);
	buf_reserve(out, 1);
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	while (p < end)
		utf8_put(out, drawable(c, f, utf8_next(&p, end)));
}

/* Width of sanitised text in points. */
static float clean_width(const struct canvas *c, enum font_style f, float size, const char *s,
                         size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	long units = 0;
	while (p < end) {
		uint32_t cp = utf8_next(&p, end);
		units += HPDF_TTFontDef_GetCharWidth(c->fontdef[f], (HPDF_UINT16)cp);
	}
	return (float)units * size / 1000.0f;
}

float text_width(const struct canvas *c, enum font_style f, float size, const char *s)
{
	struct buf b = { 0 };
	text_sanitize(c, f, s, &b);
	float w = clean_width(c, f, size, b.data, b.len);
	buf_free(&b);
	return w;
}

/* Length of the longest prefix of clean[0..len) that, followed by "…", fits. */
static size_t fit_prefix(const struct canvas *c, enum font_style f, float size, const char *clean,
                         size_t len, float max_width)
{
	float ell = clean_width(c, f, size, ELLIPSIS, strlen(ELLIPSIS));
	const unsigned char *p = (const unsigned char *)clean, *end = p + len;
	float w = 0;
	size_t keep = 0;
	while (p < end) {
		const unsigned char *start = p;
		uint32_t cp = utf8_next(&p, end);
		w += (float)HPDF_TTFontDef_GetCharWidth(c->fontdef[f], (HPDF_UINT16)cp) * size / 1000.0f;
		if (w + ell > max_width)
			break;
		keep = (size_t)(p - (const unsigned char *)clean);
		(void)start;
	}
	/* no trailing space before the ellipsis */
	while (keep > 0 && clean[keep - 1] == ' ')
		keep--;
	return keep;
}

void text_fit(const struct canvas *c, enum font_style f, float size, const char *s,
              float max_width, struct buf *out)
{
	text_sanitize(c, f, s, out);
	if (clean_width(c, f, size, out->data, out->len) <= max_width)
		return;
	size_t keep = fit_prefix(c, f, size, out->data, out->len, max_width);
	out->len = keep;
	out->data[keep] = '\0';
	buf_puts(out, ELLIPSIS);
}

/* A formatted figure is never split from its unit: no break before "%", "€",
 * "pp" or a currency code, nor after a currency symbol. */
static bool glued(const char *prev, size_t prev_len, const char *next, size_t next_len)
{
	static const char *const before[] = { "%", "%)", "%.", "%,", "%;", "€", "€.", "€,",
	                                      "€)", "pp", "pp)", "Pp.", "uur", "min" };
	static const char *const after[] = { "€", "£", "$", "-", "—" };
	if (next_len > 0 && next[0] == '%')
		return prev_len > 0 && prev[prev_len - 1] >= '0' && prev[prev_len - 1] <= '9';
	for (size_t i = 0; i < ARRAY_LEN(before); i++)
		if (next_len == strlen(before[i]) && memcmp(next, before[i], next_len) == 0)
			return prev_len > 0 && prev[prev_len - 1] >= '0' && prev[prev_len - 1] <= '9';
	for (size_t i = 0; i < ARRAY_LEN(after); i++)
		if (prev_len == strlen(after[i]) && memcmp(prev, after[i], prev_len) == 0)
			return true;
	/* a three-letter currency code after a number */
	if (next_len >= 3 && next[0] >= 'A' && next[0] <= 'Z' && next[1] >= 'A' && next[1] <= 'Z' &&
	    next[2] >= 'A' && next[2] <= 'Z' && (next_len == 3 || next[3] == '.' || next[3] == ',') &&
	    prev_len > 0 && prev[prev_len - 1] >= '0' && prev[prev_len - 1] <= '9')
		return true;
	return false;
}

size_t text_wrap(const struct canvas *c, enum font_style f, float size, const char *s,
                 float max_width, char ***lines_out)
{
	struct buf clean = { 0 };
	text_sanitize(c, f, s, &clean);

	/* words: maximal runs of non-spaces, glued ones joined with a space */
	char **lines = NULL;
	size_t count = 0, cap = 0;
	struct buf line = { 0 }, word = { 0 }, fitted = { 0 };
	buf_reserve(&line, 1);
	const char *p = clean.data, *end = clean.data + clean.len;
	while (p < end) {
		while (p < end && *p == ' ')
			p++;
		if (p >= end)
			break;
		buf_clear(&word);
		const char *w = p;
		while (p < end && *p != ' ')
			p++;
		buf_append(&word, w, (size_t)(p - w));
		/* glue following tokens */
		for (;;) {
			const char *q = p;
			while (q < end && *q == ' ')
				q++;
			if (q >= end)
				break;
			const char *n = q;
			while (q < end && *q != ' ')
				q++;
			const char *last = word.data;
			for (const char *t = word.data; *t; t++)
				if (*t == ' ')
					last = t + 1;
			if (!glued(last, strlen(last), n, (size_t)(q - n)))
				break;
			buf_putc(&word, ' ');
			buf_append(&word, n, (size_t)(q - n));
			p = q;
		}
		size_t old = line.len;
		if (line.len)
			buf_putc(&line, ' ');
		buf_puts(&line, word.data);
		if (clean_width(c, f, size, line.data, line.len) <= max_width)
			continue;
		/* does not fit: start a new line with the word */
		line.len = old;
		line.data[old] = '\0';
		if (line.len) {
			GROW(lines, cap, count + 1);
			lines[count++] = xstrdup(line.data);
		}
		buf_clear(&line);
		if (clean_width(c, f, size, word.data, word.len) <= max_width) {
			buf_puts(&line, word.data);
		} else {
			text_fit(c, f, size, word.data, max_width, &fitted);
			GROW(lines, cap, count + 1);
			lines[count++] = xstrdup(fitted.data);
		}
	}
	if (line.len) {
		GROW(lines, cap, count + 1);
		lines[count++] = xstrdup(line.data);
	}
	buf_free(&line);
	buf_free(&word);
	buf_free(&fitted);
	buf_free(&clean);
	*lines_out = lines;
	return count;
}

void text_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static void set_fill(struct canvas *c, struct rgb color)
{
	HPDF_Page_SetRGBFill(c->page, color.r, color.g, color.b);
}

static void set_stroke(struct canvas *c, struct rgb color)
{
	HPDF_Page_SetRGBStroke(c->page, color.r, color.g, color.b);
}

static void draw_clean(struct canvas *c, enum font_style f, float size, struct rgb color,
                       float x, float y, enum align align, const char *clean, size_t len)
{
	if (len == 0)
		return;
	float w = clean_width(c, f, size, clean, len);
	if (align == ALIGN_RIGHT)
		x -= w;
	else if (align == ALIGN_CENTER)
		x -= w / 2;
	HPDF_Page_BeginText(c->page);
	HPDF_Page_SetFontAndSize(c->page, c->font[f], size);
	set_fill(c, color);
	HPDF_Page_TextOut(c->page, x, pdf_y(c, y), clean);
	HPDF_Page_EndText(c->page);
}

void draw_text(struct canvas *c, enum font_style f, float size, struct rgb color,
               float x, float y, enum align align, const char *s)
{
	struct buf b = { 0 };
	text_sanitize(c, f, s, &b);
	draw_clean(c, f, size, color, x, y, align, b.data, b.len);
	buf_free(&b);
}

void draw_text_fit(struct canvas *c, enum font_style f, float size, struct rgb color,
                   float x, float y, enum align align, float max_width, const char *s)
{
	struct buf b = { 0 };
	text_fit(c, f, size, s, max_width, &b);
	draw_clean(c, f, size, color, x, y, align, b.data, b.len);
	buf_free(&b);
}

/* ---- shapes -------------------------------------------------------------- */

void fill_rect(struct canvas *c, float x, float y, float w, float h, struct rgb color)
{
	if (w <= 0 || h <= 0)
		return;
	set_fill(c, color);
	HPDF_Page_Rectangle(c->page, x, pdf_y(c, y + h), w, h);
	HPDF_Page_Fill(c->page);
}

void stroke_rect(struct canvas *c, float x, float y, float w, float h, float width,
                 struct rgb color)
{
	set_stroke(c, color);
	HPDF_Page_SetLineWidth(c->page, width);
	HPDF_Page_Rectangle(c->page, x, pdf_y(c, y + h), w, h);
	HPDF_Page_Stroke(c->page);
}

static void set_dash(struct canvas *c, bool dashed)
{
	static const HPDF_UINT16 pattern[] = { 3, 2 };
	if (dashed)
		HPDF_Page_SetDash(c->page, pattern, 2, 0);
	else
		HPDF_Page_SetDash(c->page, NULL, 0, 0);
}

void draw_line(struct canvas *c, float x1, float y1, float x2, float y2, float width,
               struct rgb color, bool dashed)
{
	set_stroke(c, color);
	HPDF_Page_SetLineWidth(c->page, width);
	if (dashed)
		set_dash(c, true);
	HPDF_Page_MoveTo(c->page, x1, pdf_y(c, y1));
	HPDF_Page_LineTo(c->page, x2, pdf_y(c, y2));
	HPDF_Page_Stroke(c->page);
	if (dashed)
		set_dash(c, false);
}

void fill_circle(struct canvas *c, float x, float y, float radius, struct rgb color)
{
	set_fill(c, color);
	HPDF_Page_Circle(c->page, x, pdf_y(c, y), radius);
	HPDF_Page_Fill(c->page);
}

/* ---- paths --------------------------------------------------------------- */

void path_pen(struct canvas *c, struct rgb color, float width, bool round_joins)
{
	set_stroke(c, color);
	HPDF_Page_SetLineWidth(c->page, width);
	if (round_joins)
		HPDF_Page_SetLineJoin(c->page, HPDF_ROUND_JOIN);
}

void path_fill_color(struct canvas *c, struct rgb color)
{
	set_fill(c, color);
}

void path_dash(struct canvas *c, bool dashed)
{
	set_dash(c, dashed);
}

void path_move(struct canvas *c, float x, float y)
{
	HPDF_Page_MoveTo(c->page, x, pdf_y(c, y));
}

void path_line(struct canvas *c, float x, float y)
{
	HPDF_Page_LineTo(c->page, x, pdf_y(c, y));
}

void path_stroke(struct canvas *c)
{
	HPDF_Page_Stroke(c->page);
}

void path_close_stroke(struct canvas *c)
{
	HPDF_Page_ClosePathStroke(c->page);
}

void path_close_fill_stroke(struct canvas *c)
{
	HPDF_Page_ClosePathFillStroke(c->page);
}
