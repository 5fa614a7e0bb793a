/* pdf_chart.c - text, shapes and charts of assessment.pdf on top of libharu.
 *
 * libharu 2.3.0 quirks handled here:
 *  - HPDF_Font_TextWidth returns 0 for a TrueType font with the UTF-8 encoder, so
 *    widths come from the font definition (HPDF_TTFontDef_GetCharWidth), which also
 *    marks the glyph for embedding.
 *  - A code point the font lacks would be drawn as an empty box, bytes that are
 *    not UTF-8 confuse the encoder, and code points above U+FFFF are not supported:
 *    every string passes text_sanitize first. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_fontdef.h>

#include "i18n.h"
#include "pdf_chart.h"

#define ELLIPSIS "\xE2\x80\xA6"   /* … */
#define WARNING_SIGN "\xE2\x9A\xA0"   /* ⚠ */
#define PI 3.14159265358979323846

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

/* ---- values and axes ----------------------------------------------------- */

void format_value(const struct canvas *c, enum value_kind kind, double v, char *out,
                  size_t outsz)
{
	switch (kind) {
	case VALUE_PERCENT:
		format_percent(out, outsz, c->lang, v, fabs(v) >= 10 ? 0 : 1);
		break;
	case VALUE_MONEY:
		format_money(out, outsz, c->lang, c->currency, v, 0);
		break;
	case VALUE_LEVEL:
		format_number(out, outsz, c->lang, v, 1);
		break;
	default:
		format_number(out, outsz, c->lang, v, fabs(v) >= 100 ? 0 : 1);
		break;
	}
}

/* Axis tick labels: percentages without decimals where the step allows. */
static void format_tick(const struct canvas *c, enum value_kind kind, double v, double step,
                        char *out, size_t outsz)
{
	switch (kind) {
	case VALUE_PERCENT:
		format_percent(out, outsz, c->lang, v, step >= 0.01 - 1e-12 ? 0 : 1);
		break;
	case VALUE_MONEY:
		format_money(out, outsz, c->lang, c->currency, v, 0);
		break;
	default:
		format_number(out, outsz, c->lang, v, step >= 1 - 1e-12 ? 0 : 1);
		break;
	}
}

/* A 1-2-2.5-5 step giving about `ticks` intervals over [lo, hi]. */
static double nice_step(double lo, double hi, int ticks)
{
	double range = hi - lo;
	if (!(range > 0))
		return 1;
	double raw = range / ticks;
	double mag = pow(10, floor(log10(raw)));
	double f = raw / mag;
	double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
	return nice * mag;
}

struct axis {
	double lo, hi, step;
};

static struct axis make_axis(double lo, double hi, int ticks)
{
	struct axis a;
	if (!(hi > lo))
		hi = lo + 1;
	a.step = nice_step(lo, hi, ticks);
	a.lo = floor(lo / a.step + 1e-9) * a.step;
	a.hi = ceil(hi / a.step - 1e-9) * a.step;
	if (a.hi <= a.lo)
		a.hi = a.lo + a.step;
	return a;
}

static float axis_pos(const struct axis *a, double v, float from, float to)
{
	return from + (float)((v - a->lo) / (a->hi - a->lo)) * (to - from);
}

/* ---- horizontal bars ----------------------------------------------------- */

#define HBAR_TOP    12.0f   /* room for the target label */
#define HBAR_BOTTOM 12.0f   /* axis labels */

float hbar_chart_height(const struct hbar_chart *spec, size_t n)
{
	return HBAR_TOP + (float)n * spec->row_height + HBAR_BOTTOM;
}

void hbar_chart_draw(struct canvas *c, float x, float y, float w, const struct hbar_chart *spec,
                     const struct hbar_item *items, size_t n,
                     const struct hbar_item *items_all, size_t n_all)
{
	struct rgb muted = rgb_hex(COLOR_MUTED), hair = rgb_hex(COLOR_HAIRLINE);
	struct rgb ink = rgb_hex(COLOR_INK), accent = rgb_hex(COLOR_ACCENT);
	char label[64];

	double lo = 0, hi = spec->max_hint > 0 ? spec->max_hint : 0;
	for (size_t i = 0; i < n_all; i++)
		for (int s = 0; s < spec->series; s++)
			if (items_all[i].has[s]) {
				if (items_all[i].value[s] < lo)
					lo = items_all[i].value[s];
				if (items_all[i].value[s] > hi)
					hi = items_all[i].value[s];
			}
	if (spec->has_target && spec->target > hi)
		hi = spec->target;
	struct axis ax = make_axis(lo, hi, 4);

	/* room for the value labels on both sides of the bars */
	float value_room = 0;
	for (size_t i = 0; i < n_all; i++)
		for (int s = 0; s < spec->series; s++)
			if (items_all[i].has[s]) {
				format_value(c, spec->kind, items_all[i].value[s], label, sizeof label);
				float lw = text_width(c, FONT_REGULAR, SIZE_NOTE, label) +
				           (items_all[i].flagged ? text_width(c, FONT_REGULAR, SIZE_NOTE, " " WARNING_SIGN) : 0);
				if (lw > value_room)
					value_room = lw;
			}
	value_room += 4;
	float x0 = x + spec->label_width + (lo < 0 ? value_room : 0);
	float x1 = x + w - value_room;
	float top = y + HBAR_TOP, bottom = top + (float)n * spec->row_height;

	/* gridlines and axis labels */
	for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step) {
		float gx = axis_pos(&ax, t, x0, x1);
		draw_line(c, gx, top, gx, bottom, 0.4f, hair, false);
		format_tick(c, spec->kind, t, ax.step, label, sizeof label);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, gx, bottom + 9, ALIGN_CENTER, label);
	}
	float zero = axis_pos(&ax, 0, x0, x1);
	draw_line(c, zero, top, zero, bottom, 0.6f, muted, false);

	float bar_h = spec->series == 2 ? 6.5f : 8.0f, gap = 1.5f;
	float bars_h = spec->series * bar_h + (spec->series - 1) * gap;
	for (size_t i = 0; i < n; i++) {
		float ry = top + (float)i * spec->row_height;
		float by = ry + (spec->row_height - bars_h) / 2;
		draw_text_fit(c, FONT_REGULAR, SIZE_TABLE, ink, x, ry + spec->row_height / 2 + 3,
		              ALIGN_LEFT, spec->label_width - 6, items[i].label);
		for (int s = 0; s < spec->series; s++, by += bar_h + gap) {
			if (!items[i].has[s])
				continue;
			double v = items[i].value[s];
			float vx = axis_pos(&ax, v, x0, x1);
			float left = v < 0 ? vx : zero, width = fabsf(vx - zero);
			fill_rect(c, left, by, width < 0.6f && v != 0 ? 0.6f : width, bar_h, spec->color[s]);
			format_value(c, spec->kind, v, label, sizeof label);
			float tb = by + bar_h / 2 + 2.6f;
			if (v < 0) {
				float lw = text_width(c, FONT_REGULAR, SIZE_NOTE, label);
				draw_text(c, FONT_REGULAR, SIZE_NOTE, ink, vx - 2, tb, ALIGN_RIGHT, label);
				if (items[i].flagged && s == 0)
					draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, vx - 4 - lw, tb, ALIGN_RIGHT, WARNING_SIGN);
			} else {
				draw_text(c, FONT_REGULAR, SIZE_NOTE, ink, vx + 2, tb, ALIGN_LEFT, label);
				if (items[i].flagged && s == 0) {
					float lw = text_width(c, FONT_REGULAR, SIZE_NOTE, label);
					draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, vx + 4 + lw, tb, ALIGN_LEFT, WARNING_SIGN);
				}
			}
		}
	}
	if (spec->has_target) {
		float tx = axis_pos(&ax, spec->target, x0, x1);
		draw_line(c, tx, top - 2, tx, bottom, 1.0f, accent, true);
		if (spec->target_label) {
			float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->target_label);
			enum align al = tx + tw / 2 > x + w ? ALIGN_RIGHT : ALIGN_CENTER;
			draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, al == ALIGN_RIGHT ? x + w : tx,
			          top - 4, al, spec->target_label);
		}
	}
}

/* ---- line chart ---------------------------------------------------------- */

void line_chart_draw(struct canvas *c, float x, float y, float w, float h,
                     const struct line_chart *spec)
{
	struct rgb muted = rgb_hex(COLOR_MUTED), hair = rgb_hex(COLOR_HAIRLINE);
	struct rgb ink = rgb_hex(COLOR_INK), accent = rgb_hex(COLOR_ACCENT);
	char label[64];
	if (spec->count == 0)
		return;

	double lo = spec->min_hint, hi = spec->max_hint;
	for (size_t s = 0; s < spec->series_count; s++)
		for (size_t i = 0; i < spec->count; i++)
			if (spec->series[s].has[i]) {
				double v = spec->series[s].value[i];
				if (v < lo)
					lo = v;
				if (v > hi)
					hi = v;
			}
	if (spec->has_target) {
		if (spec->target > hi)
			hi = spec->target;
		if (spec->target < lo)
			lo = spec->target;
	}
	struct axis ax = make_axis(lo, hi, 4);

	/* left axis labels decide the plot's left edge; series names its right edge */
	float left_w = 0, right_w = 0;
	for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step) {
		format_tick(c, spec->kind, t, ax.step, label, sizeof label);
		float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, label);
		if (tw > left_w)
			left_w = tw;
	}
	for (size_t s = 0; s < spec->series_count; s++)
		if (spec->series[s].name) {
			float tw = text_width(c, FONT_BOLD, SIZE_NOTE, spec->series[s].name);
			if (tw > right_w)
				right_w = tw;
		}
	if (spec->has_target && spec->target_label) {
		float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->target_label);
		if (tw > right_w)
			right_w = tw;
	}
	float px0 = x + left_w + 5, px1 = x + w - (right_w > 0 ? right_w + 6 : 4);
	/* top and bottom of the plot; band and marker labels go above it */
	float py0 = y + (spec->band_label || spec->marker_label ? 22 : 10), py1 = y + h - 12;
	float step_x = spec->count > 1 ? (px1 - px0) / (float)spec->count : px1 - px0;
	#define CAT_X(i) (px0 + step_x * ((float)(i) + 0.5f))

	if (spec->band_label && spec->band_from < spec->count) {
		size_t to = spec->band_to < spec->count ? spec->band_to : spec->count - 1;
		float bx0 = CAT_X(spec->band_from) - step_x / 2, bx1 = CAT_X(to) + step_x / 2;
		fill_rect(c, bx0, py0, bx1 - bx0, py1 - py0, rgb_hex(COLOR_ACCENT_BAND));
		float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->band_label);
		float bx = (bx0 + bx1) / 2;
		if (bx + tw / 2 > x + w)
			bx = x + w - tw / 2;
		draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, bx, py0 - 13, ALIGN_CENTER, spec->band_label);
	}
	for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step) {
		float gy = axis_pos(&ax, t, py1, py0);
		draw_line(c, px0, gy, px1, gy, 0.4f, fabs(t) < ax.step * 1e-6 ? muted : hair, false);
		format_tick(c, spec->kind, t, ax.step, label, sizeof label);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, px0 - 4, gy + 2.5f, ALIGN_RIGHT, label);
	}
	/* category labels, thinned out when they would collide */
	float widest = 0;
	for (size_t i = 0; i < spec->count; i++)
		if (spec->category[i]) {
			float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->category[i]);
			if (tw > widest)
				widest = tw;
		}
	size_t every = 1;
	while ((float)every * step_x < widest + 4 && every < spec->count)
		every++;
	for (size_t i = 0; i < spec->count; i += every)
		if (spec->category[i])
			draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, CAT_X(i), py1 + 9, ALIGN_CENTER,
			          spec->category[i]);

	if (spec->has_target) {
		float ty = axis_pos(&ax, spec->target, py1, py0);
		draw_line(c, px0, ty, px1, ty, 1.0f, accent, true);
		if (spec->target_label)
			draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, px1 + 4, ty + 2.5f, ALIGN_LEFT,
			          spec->target_label);
	}
	if (spec->marker_label && spec->marker < spec->count) {
		float mx = CAT_X(spec->marker);
		draw_line(c, mx, py0 - 2, mx, py1, 0.8f, ink, false);
		float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->marker_label);
		enum align al = mx + tw / 2 > x + w ? ALIGN_RIGHT : mx - tw / 2 < x ? ALIGN_LEFT : ALIGN_CENTER;
		draw_text(c, FONT_BOLD, SIZE_NOTE, ink, al == ALIGN_RIGHT ? x + w : al == ALIGN_LEFT ? x : mx,
		          py0 - 3, al, spec->marker_label);
	}

	float name_y[LINE_MAX_SERIES];
	bool has_name[LINE_MAX_SERIES] = { false };
	for (size_t s = 0; s < spec->series_count && s < LINE_MAX_SERIES; s++) {
		const struct line_series *ser = &spec->series[s];
		set_stroke(c, ser->color);
		HPDF_Page_SetLineWidth(c->page, 1.5f);
		HPDF_Page_SetLineJoin(c->page, HPDF_ROUND_JOIN);
		bool pen = false;
		size_t last = spec->count;
		for (size_t i = 0; i < spec->count; i++) {
			if (!ser->has[i]) {
				if (pen)
					HPDF_Page_Stroke(c->page);
				pen = false;
				continue;
			}
			float vx = CAT_X(i), vy = axis_pos(&ax, ser->value[i], py1, py0);
			if (pen)
				HPDF_Page_LineTo(c->page, vx, pdf_y(c, vy));
			else
				HPDF_Page_MoveTo(c->page, vx, pdf_y(c, vy));
			pen = true;
			last = i;
		}
		if (pen)
			HPDF_Page_Stroke(c->page);
		float dot = spec->count > 16 ? 1.2f : 2.2f;
		for (size_t i = 0; i < spec->count; i++) {
			if (!ser->has[i])
				continue;
			float vx = CAT_X(i), vy = axis_pos(&ax, ser->value[i], py1, py0);
			fill_circle(c, vx, vy, dot, ser->color);
			if (ser->label_points) {
				format_value(c, spec->kind, ser->value[i], label, sizeof label);
				draw_text(c, FONT_REGULAR, SIZE_NOTE, ink, vx, vy - 4, ALIGN_CENTER, label);
			}
		}
		if (ser->name && last < spec->count) {
			name_y[s] = axis_pos(&ax, ser->value[last], py1, py0) + 2.5f;
			has_name[s] = true;
		}
	}
	/* series names at the line ends, pushed apart when they would overlap */
	if (spec->series_count == 2 && has_name[0] && has_name[1] && fabsf(name_y[0] - name_y[1]) < 9) {
		float mid = (name_y[0] + name_y[1]) / 2;
		int upper = name_y[0] <= name_y[1] ? 0 : 1;
		name_y[upper] = mid - 4.5f;
		name_y[1 - upper] = mid + 4.5f;
	}
	for (size_t s = 0; s < spec->series_count && s < LINE_MAX_SERIES; s++)
		if (has_name[s])
			draw_text(c, FONT_BOLD, SIZE_NOTE, spec->series[s].color, px1 + 4, name_y[s],
			          ALIGN_LEFT, spec->series[s].name);
	#undef CAT_X
}

/* ---- radar --------------------------------------------------------------- */

static void radar_point(float cx, float cy, float radius, size_t i, size_t n, double level,
                        float *px, float *py)
{
	double angle = -PI / 2 + 2 * PI * (double)i / (double)n;
	*px = cx + (float)(cos(angle) * radius * level / 3.0);
	*py = cy + (float)(sin(angle) * radius * level / 3.0);
}

void radar_chart_draw(struct canvas *c, float x, float cy, float w, float max_radius, size_t n,
                      const char *const *labels, const double *value, const bool *has,
                      bool has_target, double target, const char *org_label,
                      const char *target_label)
{
	/* the largest radius at which the polygon and every axis label fit in
	 * [x, x + w], centred in the room the labels leave */
	float cx = x + w / 2, radius = max_radius;
	for (radius = max_radius; radius >= 30; radius -= 1) {
		float lo = -radius, hi = radius;
		for (size_t i = 0; i < n; i++) {
			double angle = -PI / 2 + 2 * PI * (double)i / (double)n;
			float lw = text_width(c, FONT_BOLD, SIZE_NOTE, labels[i]);
			float ax = (float)cos(angle) * (radius + 8);
			float a0 = cos(angle) > 0.3 ? ax : cos(angle) < -0.3 ? ax - lw : ax - lw / 2;
			float a1 = cos(angle) > 0.3 ? ax + lw : cos(angle) < -0.3 ? ax : ax + lw / 2;
			if (a0 < lo)
				lo = a0;
			if (a1 > hi)
				hi = a1;
		}
		if (hi - lo <= w || radius <= 30) {
			cx = x - lo + (w - (hi - lo)) / 2;
			break;
		}
	}
	struct rgb muted = rgb_hex(COLOR_MUTED), hair = rgb_hex(COLOR_HAIRLINE);
	struct rgb ink = rgb_hex(COLOR_INK), brand = rgb_hex(COLOR_BRAND);
	struct rgb accent = rgb_hex(COLOR_ACCENT);
	float px, py;
	char num[32];
	if (n < 3)
		return;

	for (int ring = 1; ring <= 3; ring++) {
		set_stroke(c, hair);
		HPDF_Page_SetLineWidth(c->page, 0.5f);
		for (size_t i = 0; i <= n; i++) {
			radar_point(cx, cy, radius, i % n, n, ring, &px, &py);
			if (i == 0)
				HPDF_Page_MoveTo(c->page, px, pdf_y(c, py));
			else
				HPDF_Page_LineTo(c->page, px, pdf_y(c, py));
		}
		HPDF_Page_Stroke(c->page);
		radar_point(cx, cy, radius, 0, n, ring, &px, &py);
		snprintf(num, sizeof num, "%d", ring);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, px + 3, py + 2.5f, ALIGN_LEFT, num);
	}
	for (size_t i = 0; i < n; i++) {
		radar_point(cx, cy, radius, i, n, 3, &px, &py);
		draw_line(c, cx, cy, px, py, 0.5f, hair, false);
	}

	bool all = true;
	for (size_t i = 0; i < n; i++)
		all = all && has[i];
	if (all) {
		struct rgb tint = rgb_mix(brand, rgb_hex(COLOR_WHITE), 0.82f);
		set_fill(c, tint);
		set_stroke(c, brand);
		HPDF_Page_SetLineWidth(c->page, 1.5f);
		HPDF_Page_SetLineJoin(c->page, HPDF_ROUND_JOIN);
		for (size_t i = 0; i < n; i++) {
			radar_point(cx, cy, radius, i, n, value[i], &px, &py);
			if (i == 0)
				HPDF_Page_MoveTo(c->page, px, pdf_y(c, py));
			else
				HPDF_Page_LineTo(c->page, px, pdf_y(c, py));
		}
		HPDF_Page_ClosePathFillStroke(c->page);
		for (size_t i = 0; i < n; i++) {
			radar_point(cx, cy, radius, i, n, value[i], &px, &py);
			fill_circle(c, px, py, 2.2f, brand);
		}
	}
	if (has_target) {
		set_stroke(c, accent);
		HPDF_Page_SetLineWidth(c->page, 1.0f);
		set_dash(c, true);
		for (size_t i = 0; i < n; i++) {
			radar_point(cx, cy, radius, i, n, target, &px, &py);
			if (i == 0)
				HPDF_Page_MoveTo(c->page, px, pdf_y(c, py));
			else
				HPDF_Page_LineTo(c->page, px, pdf_y(c, py));
		}
		HPDF_Page_ClosePathStroke(c->page);
		set_dash(c, false);
	}
	/* axis labels with the value beneath */
	for (size_t i = 0; i < n; i++) {
		double angle = -PI / 2 + 2 * PI * (double)i / (double)n;
		float lx = cx + (float)cos(angle) * (radius + 8);
		float ly = cy + (float)sin(angle) * (radius + 8);
		enum align al = cos(angle) > 0.3 ? ALIGN_LEFT : cos(angle) < -0.3 ? ALIGN_RIGHT : ALIGN_CENTER;
		float base = sin(angle) < -0.5 ? ly - 12 : sin(angle) > 0.5 ? ly + 8 : ly;
		draw_text_fit(c, FONT_BOLD, SIZE_NOTE, ink, lx, base, al, 110, labels[i]);
		if (has[i]) {
			format_number(num, sizeof num, c->lang, value[i], 1);
			draw_text(c, FONT_REGULAR, SIZE_NOTE, brand, lx, base + 9, al, num);
		}
	}
	/* legend under the chart */
	float ly = cy + max_radius + 36;
	float lx = x;
	if (all && org_label) {
		draw_line(c, lx, ly - 2.5f, lx + 14, ly - 2.5f, 1.5f, brand, false);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, lx + 18, ly, ALIGN_LEFT, org_label);
		lx += 24 + text_width(c, FONT_REGULAR, SIZE_NOTE, org_label) + 10;
	}
	if (has_target && target_label) {
		draw_line(c, lx, ly - 2.5f, lx + 14, ly - 2.5f, 1.0f, accent, true);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, lx + 18, ly, ALIGN_LEFT, target_label);
	}
}

/* ---- band chart ---------------------------------------------------------- */

float band_chart_height(void)
{
	return 56;
}

void band_chart_draw(struct canvas *c, float x, float y, float w, enum value_kind kind,
                     double band_from, double band_to, const char *band_label,
                     bool has_target, double target, const char *target_label,
                     const struct band_marker *markers, size_t n)
{
	struct rgb muted = rgb_hex(COLOR_MUTED), accent = rgb_hex(COLOR_ACCENT);
	char label[64];

	double lo = 0, hi = band_to * 1.15;
	for (size_t i = 0; i < n; i++) {
		if (markers[i].value < lo)
			lo = markers[i].value;
		if (markers[i].value > hi)
			hi = markers[i].value;
	}
	if (has_target && target > hi)
		hi = target;
	if (has_target && target < lo)
		lo = target;
	struct axis ax = make_axis(lo, hi, 5);
	float x0 = x + 30, x1 = x + w - 30;
	float track = y + 22;   /* the scale's line */

	float bx0 = axis_pos(&ax, band_from, x0, x1), bx1 = axis_pos(&ax, band_to, x0, x1);
	fill_rect(c, bx0, track - 8, bx1 - bx0, 16, rgb_hex(COLOR_ACCENT_BAND));
	if (band_label)
		draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, (bx0 + bx1) / 2, track + 7, ALIGN_CENTER,
		          band_label);
	draw_line(c, x0, track, x1, track, 0.6f, muted, false);
	for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step) {
		float tx = axis_pos(&ax, t, x0, x1);
		draw_line(c, tx, track - 2, tx, track + 2, 0.5f, muted, false);
		format_tick(c, kind, t, ax.step, label, sizeof label);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, tx, track + 30, ALIGN_CENTER, label);
	}
	if (has_target)
		draw_line(c, axis_pos(&ax, target, x0, x1), track - 10, axis_pos(&ax, target, x0, x1),
		          track + 10, 1.0f, accent, true);
	(void)target_label;
	/* markers: a bar across the track; labels alternate above and below it */
	for (size_t i = 0; i < n; i++) {
		float mx = axis_pos(&ax, markers[i].value, x0, x1);
		draw_line(c, mx, track - 8, mx, track + 8, 2.5f, markers[i].color, false);
		float tw = text_width(c, FONT_BOLD, SIZE_NOTE, markers[i].label);
		float ly = i % 2 == 0 ? track - 11 : track + 18;
		enum align al = mx + tw / 2 > x + w ? ALIGN_RIGHT : mx - tw / 2 < x ? ALIGN_LEFT : ALIGN_CENTER;
		draw_text(c, FONT_BOLD, SIZE_NOTE, markers[i].color,
		          al == ALIGN_RIGHT ? x + w : al == ALIGN_LEFT ? x : mx, ly, al, markers[i].label);
	}
}
