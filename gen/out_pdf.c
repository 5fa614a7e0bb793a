/* out_pdf.c - assessment.pdf (SPEC §7, REPORT_DESIGN.md): document, pages, flow,
 * tables, KPI tiles, findings and recommended actions, the eight sections.
 *
 * The document adapter for libharu 2.3.0.  Quirks it works around:
 *  - Composite glyphs: libharu embeds a subset of the TrueType font and marks only
 *    the direct components of a composite glyph, so a glyph built from another
 *    composite (ẫ, and ü when its parts were first used another way) loses its
 *    accent.  Before saving, embed_glyph_closure() marks every component
 *    recursively.
 *  - The ToUnicode CMap libharu writes for the UTF-8 encoder uses cidrange, which
 *    is not allowed there (pdftotext warns; other readers may copy garbage).  The
 *    codes it writes are the Unicode code points, so it is replaced by an
 *    identity bfrange map (fix_to_unicode).
 *  - Document information strings are written in the current encoder; it is set
 *    to UTF-8 so they are stored as UTF-16 and read back correctly.
 *  - The PNG loader aborts the process on a corrupt file (libpng's error handler
 *    returns into libharu), so the logo is checked (signature, IHDR, chunk lengths
 *    and CRCs, IEND) and then test-loaded in a child process before it is loaded
 *    here.
 *  - Errors go to a handler that records the first one; the writer stops at the
 *    next check and returns 3.
 * libharu writes no random document id and no time stamp of its own; the creation
 * date comes from r->created, so identical input gives identical bytes. */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "calendar.h"
#include "i18n.h"
#include "out_pdf.h"
#include "pdf_chart.h"
#include "report.h"
#include "report_findings.h"
#include "util.h"

/* ---- page grid (REPORT_DESIGN.md: A4, 18 mm margins, 12 columns, 4 mm gutter) -- */

#define MM(x)      ((float)(x) * 72.0f / 25.4f)
#define PAGE_W     595.276f
#define PAGE_H     841.89f
#define MARGIN     MM(18)
#define GUTTER     MM(4)
#define CONTENT_W  (PAGE_W - 2 * MARGIN)
#define COL_W      ((CONTENT_W - 11 * GUTTER) / 12)
#define CONTENT_BOTTOM (PAGE_H - MARGIN - 16)

static float col_x(int col)
{
	return MARGIN + (float)col * (COL_W + GUTTER);
}

static float span_w(int cols)
{
	return (float)cols * COL_W + (float)(cols - 1) * GUTTER;
}

#define DEFAULT_FONT      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define DEFAULT_FONT_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

#define DASH "\xE2\x80\x94"        /* — shown for a suppressed figure */
#define UP_ARROW "\xE2\x96\xB2"    /* ▲ */
#define DOWN_ARROW "\xE2\x96\xBC"  /* ▼ */
#define CHECK_MARK "\xE2\x9C\x93"  /* ✓ */
#define CROSS_MARK "\xE2\x9C\x97"  /* ✗ */
#define WARN_SIGN "\xE2\x9A\xA0"   /* ⚠ */
#define BULLET "\xE2\x80\xA2"      /* • */
#define MIDDOT "\xC2\xB7"          /* · */

struct pdf {
	struct canvas c;
	const struct report *r;
	enum lang lang;
	HPDF_Encoder utf8;

	HPDF_Page *pages;
	size_t page_count, page_cap;
	float y;                       /* flow cursor, points from the top */

	HPDF_STATUS error, error_detail;   /* first libharu error */

	char **arena;                  /* strings owned by the writer, freed at the end */
	size_t arena_count, arena_cap;
};

/* ---- errors ---------------------------------------------------------------- */

static void on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
	struct pdf *p = user_data;
	if (p->error == HPDF_OK) {
		p->error = error_no;
		p->error_detail = detail_no;
	}
}

static bool failed(const struct pdf *p)
{
	return p->error != HPDF_OK;
}

/* ---- strings --------------------------------------------------------------- */

static const char *keep(struct pdf *p, char *s)
{
	GROW(p->arena, p->arena_cap, p->arena_count + 1);
	p->arena[p->arena_count++] = s;
	return s;
}

/* The translation of key with its blanks {1}..{9} filled from the NULL-terminated
 * arguments.  The result lives until the writer ends. */
static const char *trf(struct pdf *p, const char *key, ...)
{
	const char *args[9] = { 0 };
	int n = 0;
	va_list ap;
	va_start(ap, key);
	for (const char *a; n < 9 && (a = va_arg(ap, const char *)) != NULL;)
		args[n++] = a;
	va_end(ap);

	struct buf b = { 0 };
	buf_reserve(&b, 1);
	for (const char *t = tr(p->lang, key); *t; t++) {
		if (t[0] == '{' && t[1] >= '1' && t[1] <= '9' && t[2] == '}') {
			int i = t[1] - '1';
			if (i < n && args[i])
				buf_puts(&b, args[i]);
			t += 2;
		} else {
			buf_putc(&b, *t);
		}
	}
	return keep(p, b.data);
}

static const char *T(const struct pdf *p, const char *key)
{
	return tr(p->lang, key);
}

static const char *num(struct pdf *p, double v, int decimals)
{
	char out[64];
	format_number(out, sizeof out, p->lang, v, decimals);
	return keep(p, xstrdup(out));
}

static const char *pct(struct pdf *p, double v, int decimals)
{
	char out[64];
	format_percent(out, sizeof out, p->lang, v, decimals);
	return keep(p, xstrdup(out));
}

static const char *money(struct pdf *p, double v)
{
	char out[64];
	format_money(out, sizeof out, p->lang, p->r->set.currency, v, 0);
	return keep(p, xstrdup(out));
}

/* A rate or cost from the rules: cents only when it has them (22,50 stays 22,50). */
static const char *money_exact(struct pdf *p, double v)
{
	char out[64];
	format_money(out, sizeof out, p->lang, p->r->set.currency, v,
	             fabs(v - round(v)) < 0.005 ? 0 : 2);
	return keep(p, xstrdup(out));
}

static const char *integer(struct pdf *p, long v)
{
	return num(p, (double)v, 0);
}

static const char *date_text(struct pdf *p, int32_t days)
{
	char out[64];
	format_date(out, sizeof out, p->lang, days);
	return keep(p, xstrdup(out));
}

static const char *period_label(struct pdf *p, int year, int quarter)
{
	char out[32];
	snprintf(out, sizeof out, "%d-Q%d", year, quarter);
	return keep(p, xstrdup(out));
}

enum fig_kind { FK_PERCENT, FK_NUMBER1, FK_NUMBER0, FK_MONEY, FK_LEVEL };

/* A figure as printed: "—" when suppressed, "n/a" in the language when not
 * available, else formatted. */
static const char *fig_text(struct pdf *p, struct figure f, enum fig_kind kind)
{
	if (f.status == FIG_SUPPRESSED)
		return DASH;
	if (f.status != FIG_OK)
		return T(p, "word.na");
	switch (kind) {
	case FK_PERCENT: return pct(p, f.value, 1);
	case FK_NUMBER1: return num(p, f.value, 1);
	case FK_NUMBER0: return num(p, f.value, 0);
	case FK_MONEY:   return money(p, f.value);
	case FK_LEVEL:   return num(p, f.value, 1);
	}
	return "";
}

static bool ok(struct figure f)
{
	return f.status == FIG_OK;
}

static struct rgb color(unsigned hex)
{
	return rgb_hex(hex);
}

/* ---- pages and flow -------------------------------------------------------- */

static void new_page(struct pdf *p)
{
	HPDF_Page page = HPDF_AddPage(p->c.doc);
	if (!page)
		return;
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	GROW(p->pages, p->page_cap, p->page_count + 1);
	p->pages[p->page_count++] = page;
	p->c.page = page;
	p->c.page_height = HPDF_Page_GetHeight(page);
	p->y = MARGIN;
}

static float space_left(const struct pdf *p)
{
	return CONTENT_BOTTOM - p->y;
}

/* Starts a new page unless h points fit below the cursor. */
static void ensure(struct pdf *p, float h)
{
	if (p->y + h > CONTENT_BOTTOM)
		new_page(p);
}

static void add_outline(struct pdf *p, const char *title)
{
	struct buf clean = { 0 };
	text_sanitize(&p->c, FONT_BOLD, title, &clean);
	HPDF_Outline o = HPDF_CreateOutline(p->c.doc, NULL, clean.data, p->utf8);
	if (o) {
		HPDF_Destination d = HPDF_Page_CreateDestination(p->c.page);
		if (d)
			HPDF_Outline_SetDestination(o, d);
	}
	buf_free(&clean);
}

/* A section heading; a new page when less than a third of the page is left (or
 * always, for the sections that open a page). */
static void section(struct pdf *p, const char *key, bool own_page)
{
	const char *title = T(p, key);
	if (own_page || p->page_count == 0 || space_left(p) < (CONTENT_BOTTOM - MARGIN) / 3)
		new_page(p);
	else
		p->y += 14;
	add_outline(p, title);
	draw_text(&p->c, FONT_BOLD, SIZE_HEADING, color(COLOR_BRAND), MARGIN, p->y + 14,
	          ALIGN_LEFT, title);
	draw_line(&p->c, MARGIN, p->y + 21, MARGIN + CONTENT_W, p->y + 21, 0.8f,
	          color(COLOR_BRAND), false);
	p->y += 34;
}

/* A sub-heading kept together with at least `after` points of what follows. */
static void subheading(struct pdf *p, const char *text, float after)
{
	ensure(p, 20 + after);
	draw_text_fit(&p->c, FONT_BOLD, SIZE_SUB, color(COLOR_INK), MARGIN, p->y + 11,
	              ALIGN_LEFT, CONTENT_W, text);
	p->y += 19;
}

/* Wrapped text at (x, cursor) of width w; returns the height used.  Breaks pages
 * between lines when `flow`. */
static float text_block(struct pdf *p, enum font_style f, float size, float leading,
                        struct rgb col, float x, float w, const char *s, bool flow)
{
	char **lines;
	size_t n = text_wrap(&p->c, f, size, s, w, &lines);
	float used = 0;
	for (size_t i = 0; i < n; i++) {
		if (flow && p->y + leading > CONTENT_BOTTOM)
			new_page(p);
		draw_text(&p->c, f, size, col, x, p->y + size, ALIGN_LEFT, lines[i]);
		p->y += leading;
		used += leading;
	}
	text_lines_free(lines, n);
	return used;
}

static float text_height(struct pdf *p, enum font_style f, float size, float leading, float w,
                         const char *s)
{
	char **lines;
	size_t n = text_wrap(&p->c, f, size, s, w, &lines);
	text_lines_free(lines, n);
	return (float)n * leading;
}

static void paragraph(struct pdf *p, const char *s)
{
	text_block(p, FONT_REGULAR, SIZE_BODY, LEADING_BODY, color(COLOR_INK), MARGIN, CONTENT_W, s, true);
	p->y += 5;
}

static void note(struct pdf *p, const char *s)
{
	text_block(p, FONT_REGULAR, SIZE_NOTE, 10, color(COLOR_MUTED), MARGIN, CONTENT_W, s, true);
	p->y += 2;
}

/* A bullet list item with a hanging indent. */
static void bullet(struct pdf *p, const char *s)
{
	float h = text_height(p, FONT_REGULAR, SIZE_BODY, LEADING_BODY, CONTENT_W - 14, s);
	ensure(p, h);
	draw_text(&p->c, FONT_REGULAR, SIZE_BODY, color(COLOR_BRAND), MARGIN + 2, p->y + SIZE_BODY,
	          ALIGN_LEFT, BULLET);
	text_block(p, FONT_REGULAR, SIZE_BODY, LEADING_BODY, color(COLOR_INK), MARGIN + 14,
	           CONTENT_W - 14, s, false);
	p->y += 3;
}

/* "Title (continued)" for a table or chart that goes on on the next page. */
static const char *continued(struct pdf *p, const char *title)
{
	struct buf b = { 0 };
	buf_printf(&b, "%s %s", title, T(p, "pdf.continued"));
	return keep(p, b.data);
}

/* ---- tables ---------------------------------------------------------------- */

struct column {
	const char *header;            /* may hold '\n' for a two-line header */
	float width;
	enum align align;
};

struct cell {
	const char *text;
	const char *sub;               /* a second, smaller line */
	bool bold;
	bool has_fill;
	struct rgb fill;
	bool has_color;
	struct rgb color;
};

struct table {
	const char *title;             /* repeated with "(continued)" on a new page */
	const struct column *cols;
	size_t ncols;
	float x;
	float header_h;
	size_t rows;
	bool zebra;
};

#define ROW_H     14.0f
#define ROW_H_SUB 24.0f

/* The header of a column as at most two lines (split at '\n', else wrapped to the
 * column's width); the caller frees lines[0..n). */
static size_t header_split(struct pdf *p, const struct column *col, char *lines[2])
{
	const char *nl = strchr(col->header, '\n');
	if (nl) {
		lines[0] = xstrndup(col->header, (size_t)(nl - col->header));
		lines[1] = xstrdup(nl + 1);
		return 2;
	}
	char **wrapped;
	size_t n = text_wrap(&p->c, FONT_BOLD, SIZE_NOTE, col->header, col->width - 6, &wrapped);
	size_t keep_n = n < 2 ? n : 2;
	for (size_t i = 0; i < keep_n; i++)
		lines[i] = wrapped[i];
	if (n > 2) {
		/* a third line joins the second and is shortened when drawn */
		struct buf b = { 0 };
		buf_puts(&b, wrapped[1]);
		for (size_t i = 2; i < n; i++) {
			buf_putc(&b, ' ');
			buf_puts(&b, wrapped[i]);
			free(wrapped[i]);
		}
		free(wrapped[1]);
		lines[1] = b.data;
	}
	free(wrapped);
	return keep_n;
}

static void table_header(struct pdf *p, struct table *t)
{
	float x = t->x;
	float total = 0;
	for (size_t i = 0; i < t->ncols; i++)
		total += t->cols[i].width;
	for (size_t i = 0; i < t->ncols; i++) {
		char *lines[2];
		size_t n = header_split(p, &t->cols[i], lines);
		float cx = t->cols[i].align == ALIGN_RIGHT ? x + t->cols[i].width - 4 :
		           t->cols[i].align == ALIGN_CENTER ? x + t->cols[i].width / 2 : x + 4;
		for (size_t l = 0; l < n; l++) {
			float base = p->y + t->header_h - 5 - (float)(n - 1 - l) * 9.5f;
			draw_text_fit(&p->c, FONT_BOLD, SIZE_NOTE, color(COLOR_MUTED), cx, base,
			              t->cols[i].align, t->cols[i].width - 6, lines[l]);
			free(lines[l]);
		}
		x += t->cols[i].width;
	}
	draw_line(&p->c, t->x, p->y + t->header_h, t->x + total, p->y + t->header_h, 0.6f,
	          color(COLOR_MUTED), false);
	p->y += t->header_h;
}

/* Starts a table: its title and header, kept together with the first rows. */
static void table_begin(struct pdf *p, struct table *t, const char *title,
                        const struct column *cols, size_t ncols, float x)
{
	memset(t, 0, sizeof *t);
	t->title = title;
	t->cols = cols;
	t->ncols = ncols;
	t->x = x;
	t->zebra = true;
	size_t lines = 1;
	for (size_t i = 0; i < ncols; i++) {
		char *parts[2];
		size_t n = header_split(p, &cols[i], parts);
		for (size_t l = 0; l < n; l++)
			free(parts[l]);
		if (n > lines)
			lines = n;
	}
	t->header_h = 8 + (float)lines * 9.5f;
	if (title)
		subheading(p, title, t->header_h + 3 * ROW_H);
	else
		ensure(p, t->header_h + 3 * ROW_H);
	table_header(p, t);
}

static void table_row(struct pdf *p, struct table *t, const struct cell *cells)
{
	bool sub = false;
	for (size_t i = 0; i < t->ncols; i++)
		sub = sub || cells[i].sub;
	float h = sub ? ROW_H_SUB : ROW_H;
	if (p->y + h > CONTENT_BOTTOM) {
		new_page(p);
		if (t->title)
			subheading(p, continued(p, t->title), 0);
		table_header(p, t);
	}
	float total = 0;
	for (size_t i = 0; i < t->ncols; i++)
		total += t->cols[i].width;
	if (t->zebra && t->rows % 2 == 1)
		fill_rect(&p->c, t->x, p->y, total, h, color(COLOR_ZEBRA));
	float x = t->x;
	for (size_t i = 0; i < t->ncols; i++) {
		const struct cell *c = &cells[i];
		float w = t->cols[i].width;
		if (c->has_fill)
			fill_rect(&p->c, x + 0.5f, p->y + 0.5f, w - 1, h - 1, c->fill);
		float cx = t->cols[i].align == ALIGN_RIGHT ? x + w - 4 :
		           t->cols[i].align == ALIGN_CENTER ? x + w / 2 : x + 4;
		struct rgb col = c->has_color ? c->color : color(COLOR_INK);
		if (c->text)
			draw_text_fit(&p->c, c->bold ? FONT_BOLD : FONT_REGULAR, SIZE_TABLE, col, cx,
			              p->y + (sub ? 10 : 9.8f), t->cols[i].align, w - 8, c->text);
		if (c->sub)
			draw_text_fit(&p->c, FONT_REGULAR, SIZE_NOTE, color(COLOR_MUTED), cx, p->y + 20,
			              t->cols[i].align, w - 8, c->sub);
		x += w;
	}
	p->y += h;
	t->rows++;
}

static void table_end(struct pdf *p, struct table *t)
{
	float total = 0;
	for (size_t i = 0; i < t->ncols; i++)
		total += t->cols[i].width;
	draw_line(&p->c, t->x, p->y, t->x + total, p->y, 0.4f, color(COLOR_HAIRLINE), false);
	p->y += 6;
}

/* Column widths spanning the content: the first column takes what the others
 * leave. */
static void fit_columns(struct column *cols, size_t n, float total)
{
	float rest = 0;
	for (size_t i = 1; i < n; i++)
		rest += cols[i].width;
	cols[0].width = total - rest;
}

static void suppressed_footnote(struct pdf *p)
{
	char k[16];
	snprintf(k, sizeof k, "%d", p->r->min_group_size);
	note(p, trf(p, "pdf.footnote_suppressed", k, NULL));
}

/* ---- cover ------------------------------------------------------------------ */

static uint32_t crc32_update(uint32_t crc, const unsigned char *s, size_t n)
{
	crc = ~crc;
	for (size_t i = 0; i < n; i++) {
		crc ^= s[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
	}
	return ~crc;
}

static uint32_t be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* true when path looks like a PNG that libpng reads without failing: the
 * signature, a sane IHDR, every chunk inside the file with a correct CRC, at least
 * one IDAT and an IEND.  *why says what is wrong otherwise. */
static bool png_plausible(const char *path, const char **why)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	FILE *f = fopen(path, "rb");
	if (!f) {
		*why = "cannot be read";
		return false;
	}
	unsigned char *data = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		GROW(data, cap, len + 65536);
		size_t got = fread(data + len, 1, 65536, f);
		len += got;
		if (got == 0 || len > 64u * 1024 * 1024)
			break;
	}
	fclose(f);
	bool good = false;
	*why = "is not a valid PNG image";
	if (len < 8 + 25 || memcmp(data, sig, 8) != 0)
		goto done;
	if (be32(data + 8) != 13 || memcmp(data + 12, "IHDR", 4) != 0)
		goto done;
	{
		uint32_t w = be32(data + 16), h = be32(data + 20);
		unsigned depth = data[24], type = data[25];
		bool depth_ok = (type == 0 && (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) ||
		                (type == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
		                ((type == 2 || type == 4 || type == 6) && (depth == 8 || depth == 16));
		if (w == 0 || h == 0 || w > 20000 || h > 20000 || !depth_ok || data[26] != 0 ||
		    data[27] != 0 || data[28] > 1)
			goto done;
	}
	{
		size_t pos = 8;
		bool idat = false, iend = false;
		while (pos + 12 <= len && !iend) {
			uint32_t clen = be32(data + pos);
			if (clen > len - pos - 12)
				goto done;
			const unsigned char *type = data + pos + 4;
			if (crc32_update(0, type, 4 + (size_t)clen) != be32(data + pos + 8 + clen))
				goto done;
			if (memcmp(type, "IDAT", 4) == 0)
				idat = true;
			if (memcmp(type, "IEND", 4) == 0)
				iend = true;
			pos += 12 + (size_t)clen;
		}
		good = idat && iend;
	}
done:
	free(data);
	return good;
}

/* true when libharu loads the PNG at path without failing, tried in a child
 * process because a corrupt image (a bad zlib stream, a wrong checksum, a bad row
 * filter) makes libpng abort the process that loads it. */
static bool png_loads(const char *path)
{
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, STDERR_FILENO);   /* libpng prints its complaint here */
		HPDF_Doc doc = HPDF_New(NULL, NULL);
		HPDF_Image img = doc ? HPDF_LoadPngImageFromFile(doc, path) : NULL;
		_exit(img && HPDF_GetError(doc) == HPDF_OK ? 0 : 1);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void draw_logo(struct pdf *p, FILE *err)
{
	const char *logo = p->r->set.logo;
	if (!logo || !logo[0])
		return;
	const char *why = NULL;
	bool usable = png_plausible(logo, &why);
	if (usable && !png_loads(logo)) {
		usable = false;
		why = "is a damaged PNG image";
	}
	if (!usable) {
		fprintf(err, "aireport: warning: logo %s %s; the cover has no logo\n", logo, why);
		return;
	}
	HPDF_Image img = HPDF_LoadPngImageFromFile(p->c.doc, logo);
	if (!img || failed(p)) {
		fprintf(err, "aireport: warning: logo %s could not be loaded; the cover has no logo\n", logo);
		HPDF_ResetError(p->c.doc);
		p->error = HPDF_OK;
		return;
	}
	float iw = (float)HPDF_Image_GetWidth(img), ih = (float)HPDF_Image_GetHeight(img);
	float maxw = span_w(4), maxh = 56;
	float scale = maxw / iw < maxh / ih ? maxw / iw : maxh / ih;
	float w = iw * scale, h = ih * scale;
	HPDF_Page_DrawImage(p->c.page, img, MARGIN + CONTENT_W - w, PAGE_H - MARGIN - h, w, h);
}

static void cover(struct pdf *p, FILE *err)
{
	const struct report *r = p->r;
	new_page(p);
	add_outline(p, T(p, "sec.cover"));
	draw_logo(p, err);

	struct rgb brand = color(COLOR_BRAND), ink = color(COLOR_INK), muted = color(COLOR_MUTED);
	fill_rect(&p->c, MARGIN, MARGIN + 72, span_w(2), 4, brand);
	p->y = MARGIN + 120;
	text_block(p, FONT_BOLD, SIZE_COVER, 30, brand, MARGIN, CONTENT_W, T(p, "pdf.title"), false);
	p->y += 4;
	text_block(p, FONT_REGULAR, SIZE_SUB, 16, ink, MARGIN, CONTENT_W,
	           trf(p, "pdf.subtitle", period_label(p, r->year, r->quarter), NULL), false);
	p->y += 40;
	text_block(p, FONT_BOLD, SIZE_HEADING, 21, ink, MARGIN, CONTENT_W, r->set.org_name, false);
	p->y += 30;

	int32_t created_day = (int32_t)(r->created >= 0 ? r->created / 86400 : -((-r->created + 86399) / 86400));
	struct { const char *label, *value; } rows[4];
	size_t n = 0;
	rows[n].label = T(p, "pdf.organisation");
	rows[n++].value = r->set.org_name;
	rows[n].label = T(p, "pdf.period");
	rows[n++].value = trf(p, "pdf.period_range", date_text(p, r->period_start),
	                      date_text(p, r->period_end), NULL);
	rows[n].label = T(p, "pdf.date");
	rows[n++].value = date_text(p, created_day);
	if (r->set.prepared_by && r->set.prepared_by[0]) {
		rows[n].label = T(p, "pdf.prepared_by");
		rows[n++].value = r->set.prepared_by;
	}
	for (size_t i = 0; i < n; i++) {
		draw_line(&p->c, MARGIN, p->y, MARGIN + span_w(8), p->y, 0.4f, color(COLOR_HAIRLINE), false);
		draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, muted, MARGIN, p->y + 13, ALIGN_LEFT,
		              span_w(2) + GUTTER, rows[i].label);
		float y0 = p->y;
		p->y += 3;
		text_block(p, FONT_REGULAR, SIZE_BODY, LEADING_BODY, ink, col_x(2) + GUTTER / 2,
		           span_w(6) - GUTTER / 2, rows[i].value, false);
		if (p->y < y0 + 19)
			p->y = y0 + 19;
		else
			p->y += 5;
	}
	draw_line(&p->c, MARGIN, p->y, MARGIN + span_w(8), p->y, 0.4f, color(COLOR_HAIRLINE), false);

	char k[16];
	snprintf(k, sizeof k, "%d", r->min_group_size);
	p->y = CONTENT_BOTTOM - 40;
	text_block(p, FONT_REGULAR, SIZE_NOTE, 10, muted, MARGIN, span_w(8),
	           trf(p, "pdf.confidential", r->set.org_name, NULL), false);
	text_block(p, FONT_REGULAR, SIZE_NOTE, 10, muted, MARGIN, span_w(8),
	           trf(p, "pdf.cover_note", k, NULL), false);
}

/* ---- executive summary ------------------------------------------------------- */

enum light { LIGHT_NONE, LIGHT_GREEN, LIGHT_AMBER, LIGHT_RED };

/* v rounded as it is printed, so a light or a sentence never contradicts the
 * number beside it ("2,0 against a target of 2" is on target). */
static double shown(double v, enum fig_kind kind)
{
	switch (kind) {
	case FK_PERCENT: return round(v * 1000) / 1000;
	case FK_NUMBER0: return round(v);
	case FK_MONEY:   return round(v);
	default:         return round(v * 10) / 10;
	}
}

/* Green on or above target, amber within 10 % of it, red below. */
static enum light light_for(double value, double target)
{
	if (value >= target)
		return LIGHT_GREEN;
	if (value >= target - 0.1 * fabs(target))
		return LIGHT_AMBER;
	return LIGHT_RED;
}

struct tile {
	const char *label;
	const char *value;
	const char *unit;              /* small text after the value, or NULL */
	const char *delta;             /* "▲ 12,7 pp vs 2026-Q2", or a note */
	enum light light;
	const char *light_text;
	const char *foot;              /* under the light, e.g. "target 60 %" */
};

static void draw_tile(struct pdf *p, float x, float y, float w, float h, const struct tile *t)
{
	struct rgb ink = color(COLOR_INK), muted = color(COLOR_MUTED);
	fill_rect(&p->c, x, y, w, h, color(COLOR_ZEBRA));
	fill_rect(&p->c, x, y, 2.5f, h, color(COLOR_BRAND));
	float tx = x + 10, tw = w - 16;
	draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, muted, tx, y + 15, ALIGN_LEFT, tw, t->label);
	struct buf v = { 0 };
	text_fit(&p->c, FONT_BOLD, SIZE_HEADING, t->value, tw, &v);
	draw_text(&p->c, FONT_BOLD, SIZE_HEADING, ink, tx, y + 38, ALIGN_LEFT, v.data);
	if (t->unit) {
		float vw = text_width(&p->c, FONT_BOLD, SIZE_HEADING, v.data);
		draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, muted, tx + vw + 4, y + 38, ALIGN_LEFT,
		              tw - vw - 4, t->unit);
	}
	buf_free(&v);
	if (t->delta)
		draw_text_fit(&p->c, FONT_REGULAR, SIZE_NOTE, ink, tx, y + 53, ALIGN_LEFT, tw, t->delta);
	if (t->light != LIGHT_NONE) {
		static const unsigned colors[] = { 0, COLOR_GREEN, COLOR_AMBER, COLOR_RED };
		static const char *const symbols[] = { "", CHECK_MARK, "~", CROSS_MARK };
		fill_circle(&p->c, tx + 3.5f, y + 63.5f, 3.5f, color(colors[t->light]));
		struct buf s = { 0 };
		buf_printf(&s, "%s %s", symbols[t->light], t->light_text ? t->light_text : "");
		draw_text_fit(&p->c, FONT_BOLD, SIZE_NOTE, ink, tx + 10, y + 66, ALIGN_LEFT, tw - 10, s.data);
		buf_free(&s);
	}
	if (t->foot)
		draw_text_fit(&p->c, FONT_REGULAR, SIZE_NOTE, muted, tx, y + 77, ALIGN_LEFT, tw, t->foot);
}

/* "▲ 12,7 pp vs 2026-Q2" from two figures as displayed (the difference of the
 * rounded values, so it matches what the reader sees). */
static const char *delta_text(struct pdf *p, struct figure now, struct figure before,
                              enum fig_kind kind)
{
	const struct report *r = p->r;
	if (!ok(now))
		return NULL;
	if (!r->has_previous || !ok(before))
		return T(p, "kpi.no_prev");
	double scale = kind == FK_PERCENT ? 1000 : 10;   /* one decimal of the shown unit */
	double a = round(now.value * scale), b = round(before.value * scale);
	double d = (a - b) / 10;
	const char *arrow = d > 0 ? UP_ARROW : d < 0 ? DOWN_ARROW : "=";
	const char *amount = kind == FK_PERCENT ? trf(p, "kpi.pp", num(p, fabs(d), 1), NULL)
	                                        : num(p, fabs(d), 1);
	const char *prev = period_label(p, r->previous.year, r->previous.quarter);
	struct buf b2 = { 0 };
	buf_printf(&b2, "%s %s %s", arrow, amount, trf(p, "kpi.vs_prev", prev, NULL));
	return keep(p, b2.data);
}

static void light_tile(struct pdf *p, struct tile *t, struct figure f, struct opt_number target,
                       enum fig_kind kind)
{
	if (!ok(f))
		return;
	if (!target.set) {
		t->foot = T(p, "kpi.no_target");
		return;
	}
	t->light = light_for(shown(f.value, kind), target.value);
	static const char *const keys[] = { "", "light.green", "light.amber", "light.red" };
	t->light_text = T(p, keys[t->light]);
	const char *tv = kind == FK_PERCENT ? pct(p, target.value, target.value * 100 == floor(target.value * 100) ? 0 : 1)
	                                    : num(p, target.value, target.value == floor(target.value) ? 0 : 1);
	t->foot = trf(p, "kpi.target", tv, NULL);
}

static const char *target_text(struct pdf *p, struct opt_number t, bool percent)
{
	if (percent)
		return pct(p, t.value, t.value * 100 == floor(t.value * 100) ? 0 : 1);
	return num(p, t.value, t.value == floor(t.value) ? 0 : 1);
}

static const char *suppressed_note_text(struct pdf *p)
{
	char k[16];
	snprintf(k, sizeof k, "%d", p->r->min_group_size);
	return trf(p, "word.suppressed_note", k, NULL);
}

static void kpi_tiles(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	struct tile t[6];
	memset(t, 0, sizeof t);

	t[0].label = T(p, "kpi.adoption");
	t[0].value = fig_text(p, r->org[ORG_ADOPTION_RATE], FK_PERCENT);
	t[0].delta = delta_text(p, r->org[ORG_ADOPTION_RATE], r->previous.adoption_rate, FK_PERCENT);
	light_tile(p, &t[0], r->org[ORG_ADOPTION_RATE], ru->target_adoption, FK_PERCENT);

	t[1].label = T(p, "kpi.hours");
	t[1].value = fig_text(p, r->org[ORG_HOURS_SAVED_PER_WEEK], FK_NUMBER1);
	t[1].delta = delta_text(p, r->org[ORG_HOURS_SAVED_PER_WEEK], r->previous.hours_saved_per_week, FK_NUMBER1);
	light_tile(p, &t[1], r->org[ORG_HOURS_SAVED_PER_WEEK], ru->target_hours_saved_per_week, FK_NUMBER1);

	t[2].label = T(p, "kpi.maturity");
	t[2].value = fig_text(p, r->org[ORG_MATURITY_INDEX], FK_LEVEL);
	if (ok(r->org[ORG_MATURITY_INDEX]))
		t[2].unit = T(p, "kpi.of3");
	t[2].delta = delta_text(p, r->org[ORG_MATURITY_INDEX], r->previous.maturity_index, FK_LEVEL);
	light_tile(p, &t[2], r->org[ORG_MATURITY_INDEX], ru->target_maturity, FK_LEVEL);

	t[3].label = T(p, "kpi.roi");
	t[3].value = fig_text(p, r->org[ORG_ROI], FK_PERCENT);
	t[3].delta = delta_text(p, r->org[ORG_ROI], r->previous.roi, FK_PERCENT);
	light_tile(p, &t[3], r->org[ORG_ROI], ru->target_roi, FK_PERCENT);

	t[4].label = T(p, "kpi.roi_cum");
	t[4].value = fig_text(p, r->org[ORG_ROI_CUMULATIVE], FK_PERCENT);
	if (r->month_count > 0)
		t[4].delta = trf(p, "kpi.since_start", date_text(p, days_from_civil(r->months[0].year, r->months[0].month, 1)), NULL);
	light_tile(p, &t[4], r->org[ORG_ROI_CUMULATIVE], ru->target_roi, FK_PERCENT);

	t[5].label = T(p, "kpi.payback");
	struct figure pb = r->org[ORG_PAYBACK_MONTHS];
	t[5].foot = trf(p, "kpi.reference", T(p, "ref.payback"), NULL);
	if (ok(pb)) {
		long m = lround(pb.value);
		t[5].value = m == 1 ? T(p, "kpi.month_one") : trf(p, "kpi.months", integer(p, m), NULL);
		t[5].light = m <= 9 ? LIGHT_GREEN : LIGHT_RED;
		t[5].light_text = T(p, m <= 9 ? "light.payback_green" : "light.payback_late");
	} else if (r->month_count > 0) {
		t[5].value = T(p, "kpi.not_reached");
		t[5].delta = trf(p, "kpi.after_months", integer(p, (long)r->month_count), NULL);
		t[5].light = r->month_count < 9 ? LIGHT_AMBER : LIGHT_RED;
		t[5].light_text = T(p, r->month_count < 9 ? "light.payback_open" : "light.payback_red");
	} else {
		t[5].value = T(p, "word.na");
	}

	for (int i = 0; i < 6; i++)
		if (t[i].value && strcmp(t[i].value, DASH) == 0) {
			t[i].delta = suppressed_note_text(p);
			t[i].foot = NULL;
		}

	float h = 84;
	ensure(p, 2 * h + GUTTER);
	for (int i = 0; i < 6; i++) {
		float x = col_x((i % 3) * 4);
		float y = p->y + (float)(i / 3) * (h + GUTTER);
		draw_tile(p, x, y, span_w(4), h, &t[i]);
	}
	p->y += 2 * h + GUTTER + 14;
}

/* ---- findings and actions: the model decides, this page phrases ------------- */

static const char *adoption_text(struct pdf *p, const struct finding *f)
{
	const char *now = pct(p, f->value[0], 1);
	const char *main;
	if (!f->has_before)
		main = trf(p, "find.adoption_now", now, NULL);
	else if (f->trend == 0)
		main = trf(p, "find.adoption_same", now, NULL);
	else
		main = trf(p, f->trend > 0 ? "find.adoption_rose" : "find.adoption_fell",
		           pct(p, f->value[1], 1), now, NULL);
	const char *tail = f->target == TARGET_NONE
	                   ? T(p, "find.tail_none")
	                   : trf(p, f->target == TARGET_MET ? "find.tail_met" : "find.tail_missed",
	                         target_text(p, p->r->set.target_adoption, true), NULL);
	struct buf b = { 0 };
	buf_puts(&b, main);
	buf_puts(&b, tail);
	return keep(p, b.data);
}

static const char *finding_text(struct pdf *p, const struct finding *f)
{
	const struct report *r = p->r;
	char k[16];
	snprintf(k, sizeof k, "%d", r->min_group_size);
	switch (f->kind) {
	case FIND_SURVEY_SUPPRESSED:
		return trf(p, "find.survey_suppressed", k, NULL);
	case FIND_ADOPTION:
		return adoption_text(p, f);
	case FIND_WEAKEST:
		return trf(p, "find.weakest", dimension_label(p->lang, f->dimension[0]),
		           num(p, f->value[0], 1), dimension_label(p->lang, f->dimension[1]),
		           num(p, f->value[1], 1), NULL);
	case FIND_NO_AI:
		return T(p, "find.no_ai");
	case FIND_HOURS_TARGET:
		return trf(p, f->target == TARGET_MET ? "find.hours_met" : "find.hours_missed",
		           num(p, f->value[0], 1),
		           target_text(p, r->set.target_hours_saved_per_week, false), NULL);
	case FIND_HOURS_PLAIN:
		return trf(p, "find.hours_plain", num(p, f->value[0], 1), money(p, f->value[1]), NULL);
	case FIND_PAYBACK:
		return trf(p, "find.payback", pct(p, f->value[0], 1), integer(p, f->count), NULL);
	case FIND_PAYBACK_PROJECTED:
		return trf(p, "find.payback_projected", pct(p, f->value[0], 1), integer(p, f->count),
		           NULL);
	case FIND_PAYBACK_NONE:
		return trf(p, "find.payback_none", pct(p, f->value[0], 1), NULL);
	case FIND_ROI_QUARTER:
		return trf(p, "find.roi_quarter", pct(p, f->value[0], 1), NULL);
	case FIND_AT_RISK:
		return f->count == 1 ? trf(p, "find.at_risk_one", f->name, NULL)
		                     : trf(p, "find.at_risk_many", integer(p, f->count), f->name, NULL);
	case FIND_NEGATIVE:
		return f->count == 1
		       ? trf(p, "find.negative_one", f->name, num(p, f->value[0], 1), NULL)
		       : trf(p, "find.negative_many", integer(p, f->count), f->name, NULL);
	case FIND_TRIANGULATION:
		return trf(p, "find.triangulation", f->name, pct(p, f->value[0], 1),
		           pct(p, f->value[1], 1), NULL);
	case FIND_RESPONSE:
		return trf(p, "find.response", integer(p, lround(f->value[0])),
		           integer(p, lround(f->value[1])), pct(p, f->value[2], 1), NULL);
	case FIND_COSTS:
		return trf(p, "find.costs", money(p, f->value[0]), money(p, f->value[1]), NULL);
	}
	return "";
}

struct action_text {
	const char *title, *text;
};

static struct action_text action_text(struct pdf *p, const struct action *a)
{
	const struct report *r = p->r;
	char k[16];
	snprintf(k, sizeof k, "%d", r->min_group_size);
	switch (a->kind) {
	case ACT_RESPONSE:
		return (struct action_text){ T(p, "act.response.title"),
		                             trf(p, "act.response.text", k, NULL) };
	case ACT_LOG:
		return (struct action_text){ T(p, "act.log.title"), T(p, "act.log.text") };
	case ACT_REVIEW:
		return (struct action_text){ trf(p, "act.review.title", a->name, NULL),
		                             trf(p, "act.review.text", a->name, num(p, a->value, 1), NULL) };
	case ACT_LEARNING: {
		const char *dim = dimension_label(p->lang, a->dimension);
		const char *path = learning_path_name(p->lang, a->path);
		return (struct action_text){ trf(p, "act.learning.title", dim, path, NULL),
		                             trf(p, "act.learning.text", dim, num(p, a->value, 1), path, NULL) };
	}
	case ACT_RISK:
		return (struct action_text){
			trf(p, "act.risk.title", a->name, NULL),
			a->single ? trf(p, "act.risk.text_single", a->name, NULL)
			          : trf(p, "act.risk.text_share", a->name, pct(p, a->value, 0), NULL) };
	case ACT_PILOT:
		return (struct action_text){
			trf(p, "act.pilot.title", a->name, NULL),
			trf(p, "act.pilot.text", a->name, pct(p, a->value, 1),
			    target_text(p, r->set.target_adoption, true), NULL) };
	case ACT_BUDDY:
		return (struct action_text){ T(p, "act.buddy.title"),
		                             trf(p, "act.buddy.text", pct(p, a->value, 0), NULL) };
	case ACT_BASELINE:
		return (struct action_text){ T(p, "act.baseline.title"),
		                             trf(p, "act.baseline.text", integer(p, lround(a->value)), NULL) };
	case ACT_SCALE:
		return (struct action_text){ trf(p, "act.scale.title", a->name, NULL),
		                             trf(p, "act.scale.text", a->name, num(p, a->value, 1), NULL) };
	case ACT_SHARE:
		return (struct action_text){ T(p, "act.share.title"), T(p, "act.share.text") };
	case ACT_MEASURE:
		return (struct action_text){ T(p, "act.measure.title"), T(p, "act.measure.text") };
	}
	return (struct action_text){ "", "" };
}

static void summary(struct pdf *p)
{
	section(p, "sec.summary", true);
	kpi_tiles(p);

	const struct report *r = p->r;
	subheading(p, T(p, "find.heading"), 30);
	for (size_t i = 0; i < r->finding_count; i++)
		bullet(p, finding_text(p, &r->findings[i]));
	p->y += 8;

	size_t na = r->action_count;
	subheading(p, T(p, "act.heading"), 40);
	for (size_t i = 0; i < na; i++) {
		struct action_text a = action_text(p, &r->actions[i]);
		float h = text_height(p, FONT_BOLD, SIZE_BODY, LEADING_BODY, CONTENT_W - 22, a.title) +
		          text_height(p, FONT_REGULAR, SIZE_BODY, LEADING_BODY, CONTENT_W - 22, a.text);
		ensure(p, h + 6);
		char no[2] = { (char)('1' + i), '\0' };
		fill_circle(&p->c, MARGIN + 7, p->y + 6, 7, color(COLOR_BRAND));
		draw_text(&p->c, FONT_BOLD, SIZE_TABLE, color(COLOR_WHITE), MARGIN + 7, p->y + 9,
		          ALIGN_CENTER, no);
		text_block(p, FONT_BOLD, SIZE_BODY, LEADING_BODY, color(COLOR_INK), MARGIN + 22,
		           CONTENT_W - 22, a.title, false);
		text_block(p, FONT_REGULAR, SIZE_BODY, LEADING_BODY, color(COLOR_INK), MARGIN + 22,
		           CONTENT_W - 22, a.text, false);
		p->y += 8;
	}	if (na < 3) {
		ensure(p, 14);
		note(p, T(p, "act.fewer"));
	}
}

/* ---- adoption --------------------------------------------------------------- */

static const char *survey_source(struct pdf *p)
{
	const struct report *r = p->r;
	return trf(p, "pdf.source_survey", period_label(p, r->year, r->quarter),
	           fig_text(p, r->org[ORG_RESPONDENTS], FK_NUMBER0), NULL);
}

static const char *both_source(struct pdf *p)
{
	return trf(p, "pdf.source_both", period_label(p, p->r->year, p->r->quarter), NULL);
}

static const char *timesheet_source(struct pdf *p)
{
	return trf(p, "pdf.source_timesheet", period_label(p, p->r->year, p->r->quarter), NULL);
}

static void legend(struct pdf *p, float x, const char *const *names, const struct rgb *colors,
                   const bool *dashed, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (dashed[i])
			draw_line(&p->c, x, p->y + 4, x + 12, p->y + 4, 1.0f, colors[i], true);
		else
			fill_rect(&p->c, x, p->y + 1, 12, 6, colors[i]);
		draw_text(&p->c, FONT_REGULAR, SIZE_NOTE, color(COLOR_MUTED), x + 16, p->y + 7, ALIGN_LEFT, names[i]);
		x += 28 + text_width(&p->c, FONT_REGULAR, SIZE_NOTE, names[i]);
	}
	p->y += 12;
}

/* A horizontal bar chart that continues on further pages, each part with the same
 * scale; the title is repeated with "(continued)". */
static void flowing_hbars(struct pdf *p, const char *title, const struct hbar_chart *spec,
                          const struct hbar_item *items, size_t n,
                          void (*legend_fn)(struct pdf *), const char *note_text, const char *source)
{
	size_t done = 0;
	bool first = true;
	while (done < n || (first && n == 0)) {
		float min_rows = (float)(n - done < 3 ? n - done : 3);
		subheading(p, first ? title : continued(p, title), hbar_chart_height(spec, (size_t)min_rows) + 14);
		if (first && legend_fn)
			legend_fn(p);
		first = false;
		float avail = space_left(p) - 24;
		size_t fit = (size_t)((avail - hbar_chart_height(spec, 0)) / spec->row_height);
		if (fit < 1)
			fit = 1;
		if (fit > n - done)
			fit = n - done;
		if (n == 0)
			break;
		hbar_chart_draw(&p->c, MARGIN, p->y, CONTENT_W, spec, items + done, fit, items, n);
		p->y += hbar_chart_height(spec, fit) + 4;
		done += fit;
	}
	if (note_text)
		note(p, note_text);
	if (source)
		note(p, source);
	p->y += 8;
}

static void adoption_legend(struct pdf *p)
{
	const struct report *r = p->r;
	const char *names[3] = { T(p, "legend.adoption"), T(p, "legend.logged"), NULL };
	struct rgb colors[3] = { color(COLOR_BRAND), color(COLOR_BRAND_TINT), color(COLOR_ACCENT) };
	bool dashed[3] = { false, false, true };
	size_t n = 2;
	if (r->set.target_adoption.set && !r->survey_suppressed) {
		names[2] = trf(p, "legend.target", target_text(p, r->set.target_adoption, true), NULL);
		n = 3;
	}
	if (r->survey_suppressed) {
		names[0] = names[1];
		colors[0] = colors[1];
		n = 1;
	}
	legend(p, MARGIN, names, colors, dashed, n);
}

static const char *not_shown_text(struct pdf *p, size_t count, bool use_cases)
{
	char k[16];
	snprintf(k, sizeof k, "%d", p->r->min_group_size);
	if (count == 0)
		return NULL;
	if (count == 1)
		return trf(p, use_cases ? "pdf.uc_not_shown_one" : "pdf.not_shown_one", k, NULL);
	return trf(p, use_cases ? "pdf.uc_not_shown_many" : "pdf.not_shown_many",
	           integer(p, (long)count), k, NULL);
}

static void quarter_trend(struct pdf *p, const char *title, size_t which, enum value_kind kind,
                          bool has_target, double target, const char *target_label)
{
	const struct report *r = p->r;
	size_t n = r->quarter_count;
	subheading(p, title, 120);
	if (n < 2) {
		note(p, T(p, "adopt.trend_one"));
		p->y += 6;
		return;
	}
	double *v = xcalloc(n, sizeof *v);
	bool *has = xcalloc(n, sizeof *has);
	const char **cat = xcalloc(n, sizeof *cat);
	for (size_t i = 0; i < n; i++) {
		const struct quarter *q = &r->quarters[i];
		struct figure f = which == 0 ? q->adoption_rate : which == 1 ? q->hours_saved_per_week :
		                  which == 2 ? q->roi : q->maturity_index;
		has[i] = ok(f);
		v[i] = f.value;
		cat[i] = period_label(p, q->year, q->quarter);
	}
	struct line_chart lc;
	memset(&lc, 0, sizeof lc);
	lc.count = n;
	lc.category = cat;
	lc.series_count = 1;
	lc.series[0].value = v;
	lc.series[0].has = has;
	lc.series[0].color = color(COLOR_BRAND);
	lc.series[0].label_points = true;
	lc.kind = kind;
	lc.min_hint = 0;
	lc.max_hint = kind == VALUE_PERCENT && which == 0 ? 1 : 0;
	lc.has_target = has_target;
	lc.target = target;
	lc.target_label = target_label;
	line_chart_draw(&p->c, MARGIN, p->y, span_w(8), 110, &lc);
	p->y += 114;
	note(p, trf(p, "pdf.source_trend", integer(p, (long)n), NULL));
	p->y += 8;
	free(v);
	free(has);
	free(cat);
}

static void adoption(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	section(p, "sec.adoption", false);

	char k[16];
	snprintf(k, sizeof k, "%d", r->min_group_size);
	if (r->survey_suppressed) {
		paragraph(p, trf(p, "pdf.survey_suppressed", k, NULL));
	} else {
		struct buf b = { 0 };
		buf_reserve(&b, 1);
		if (ok(r->org[ORG_ACTIVE_EMPLOYEES]) && ok(r->org[ORG_HEADCOUNT]) && ok(r->org[ORG_ADOPTION_RATE])) {
			double days = ru->active_min_days_per_week;
			const char *d = days == 1 ? T(p, "unit.day_one")
			                          : trf(p, "unit.days", num(p, days, days == floor(days) ? 0 : 1), NULL);
			buf_puts(&b, trf(p, "adopt.intro_survey", integer(p, lround(r->org[ORG_ACTIVE_EMPLOYEES].value)),
			                 integer(p, lround(r->org[ORG_HEADCOUNT].value)), d,
			                 pct(p, r->org[ORG_ADOPTION_RATE].value, 1), NULL));
		}
		if (ok(r->org[ORG_RESPONDENTS]) && ok(r->org[ORG_RESPONSE_RATE])) {
			if (b.len)
				buf_putc(&b, ' ');
			if (ok(r->org[ORG_SATISFACTION_MEAN]))
				buf_puts(&b, trf(p, "adopt.intro_response", integer(p, lround(r->org[ORG_RESPONDENTS].value)),
				                 pct(p, r->org[ORG_RESPONSE_RATE].value, 1),
				                 num(p, r->org[ORG_SATISFACTION_MEAN].value, 1), NULL));
			else
				buf_puts(&b, trf(p, "adopt.intro_response_nosat", integer(p, lround(r->org[ORG_RESPONDENTS].value)),
				                 pct(p, r->org[ORG_RESPONSE_RATE].value, 1), NULL));
		}
		paragraph(p, keep(p, b.data));
	}
	if (ok(r->org[ORG_LOGGED_AI_SHARE]))
		paragraph(p, trf(p, "adopt.intro_log", pct(p, r->org[ORG_LOGGED_AI_SHARE].value, 1), NULL));
	p->y += 4;

	/* bars per department: survey adoption and logged AI share */
	struct hbar_item *items = xcalloc(r->department_count + 1, sizeof *items);
	size_t n = 0, hidden = 0;
	for (size_t i = 0; i < r->department_count; i++) {
		const struct department *d = &r->departments[i];
		struct figure a = d->fig[DEPT_ADOPTION_RATE], l = d->fig[DEPT_LOGGED_AI_SHARE];
		if (d->fig[DEPT_HEADCOUNT].status == FIG_SUPPRESSED) {
			hidden++;
			continue;
		}
		struct hbar_item it = { .label = d->name };
		if (r->survey_suppressed) {
			it.value[0] = l.value;
			it.has[0] = ok(l);
		} else {
			it.value[0] = a.value;
			it.has[0] = ok(a);
			it.value[1] = l.value;
			it.has[1] = ok(l);
		}
		if (it.has[0] || it.has[1])
			items[n++] = it;
	}
	struct hbar_chart spec;
	memset(&spec, 0, sizeof spec);
	spec.series = r->survey_suppressed ? 1 : 2;
	spec.color[0] = r->survey_suppressed ? color(COLOR_BRAND_TINT) : color(COLOR_BRAND);
	spec.color[1] = color(COLOR_BRAND_TINT);
	spec.kind = VALUE_PERCENT;
	spec.has_target = ru->target_adoption.set && !r->survey_suppressed;
	spec.target = ru->target_adoption.value;
	spec.target_label = spec.has_target ? trf(p, "legend.target", target_text(p, ru->target_adoption, true), NULL) : NULL;
	spec.label_width = span_w(3) + GUTTER;
	spec.row_height = spec.series == 2 ? 22 : 14;
	spec.max_hint = 1;
	flowing_hbars(p, T(p, "adopt.chart"), &spec, items, n, adoption_legend,
	              not_shown_text(p, hidden, false), r->survey_suppressed ? timesheet_source(p) : both_source(p));
	free(items);

	if (!r->survey_suppressed)
		quarter_trend(p, T(p, "adopt.trend"), 0, VALUE_PERCENT, ru->target_adoption.set,
		              ru->target_adoption.value,
		              ru->target_adoption.set ? trf(p, "legend.target", target_text(p, ru->target_adoption, true), NULL) : NULL);

	/* the figures per department */
	struct column cols[] = {
		{ T(p, "col.department"), 0, ALIGN_LEFT },
		{ T(p, "th.headcount"), 54, ALIGN_RIGHT },
		{ T(p, "th.respondents"), 54, ALIGN_RIGHT },
		{ T(p, "col.active"), 42, ALIGN_RIGHT },
		{ T(p, "col.adoption"), 50, ALIGN_RIGHT },
		{ T(p, "th.logged"), 52, ALIGN_RIGHT },
		{ T(p, "th.hours_week"), 50, ALIGN_RIGHT },
		{ T(p, "col.value"), 62, ALIGN_RIGHT },
	};
	fit_columns(cols, ARRAY_LEN(cols), CONTENT_W);
	struct table t;
	table_begin(p, &t, T(p, "adopt.table"), cols, ARRAY_LEN(cols), MARGIN);
	bool any_suppressed = false;
	for (size_t i = 0; i < r->department_count; i++) {
		const struct department *d = &r->departments[i];
		struct cell c[8];
		memset(c, 0, sizeof c);
		c[0].text = d->name;
		c[1].text = fig_text(p, d->fig[DEPT_HEADCOUNT], FK_NUMBER0);
		c[2].text = fig_text(p, d->fig[DEPT_RESPONDENTS], FK_NUMBER0);
		c[3].text = fig_text(p, d->fig[DEPT_ACTIVE_EMPLOYEES], FK_NUMBER0);
		c[4].text = fig_text(p, d->fig[DEPT_ADOPTION_RATE], FK_PERCENT);
		c[5].text = fig_text(p, d->fig[DEPT_LOGGED_AI_SHARE], FK_PERCENT);
		c[6].text = fig_text(p, d->fig[DEPT_HOURS_SAVED_PER_WEEK], FK_NUMBER1);
		c[7].text = fig_text(p, d->fig[DEPT_VALUE_SAVED], FK_MONEY);
		for (int j = 1; j < 8; j++)
			any_suppressed = any_suppressed || strcmp(c[j].text, DASH) == 0;
		table_row(p, &t, c);
	}
	table_end(p, &t);
	if (any_suppressed)
		suppressed_footnote(p);
}

/* ---- maturity --------------------------------------------------------------- */

static struct rgb heat_color(double level)
{
	float t = (float)((level - 1.0) / 2.0);
	if (t < 0)
		t = 0;
	if (t > 1)
		t = 1;
	return rgb_mix(rgb_hex(0xE6ECF3), rgb_hex(COLOR_BRAND), t);
}

/* The 3 x 3 level migration since the previous quarter, at (x, cursor) in width w. */
static void migration_matrix(struct pdf *p, float x, float w)
{
	const struct report *r = p->r;
	char k[16];
	snprintf(k, sizeof k, "%d", r->min_group_size);
	int pq = r->year * 4 + r->quarter - 2;
	const char *title = trf(p, "mat.migration", period_label(p, pq / 4, pq % 4 + 1),
	                        period_label(p, r->year, r->quarter), NULL);
	draw_text_fit(&p->c, FONT_BOLD, SIZE_SUB, color(COLOR_INK), x, p->y + 11, ALIGN_LEFT, CONTENT_W, title);
	p->y += 19;
	if (!ok(r->org[ORG_MIGRATION_MATCHED]) || !ok(r->org[ORG_MIGRATION_1_1])) {
		text_block(p, FONT_REGULAR, SIZE_NOTE, 10, color(COLOR_MUTED), x, w,
		           trf(p, "mat.migration_suppressed", k, NULL), false);
		return;
	}
	float first = w * 0.31f, cell = (w - first) / 3;
	struct column cols[4] = {
		{ T(p, "mat.migration_corner"), first, ALIGN_LEFT },
		{ level_name(p->lang, 1), cell, ALIGN_CENTER },
		{ level_name(p->lang, 2), cell, ALIGN_CENTER },
		{ level_name(p->lang, 3), cell, ALIGN_CENTER },
	};
	struct table t;
	table_begin(p, &t, NULL, cols, 4, x);
	t.zebra = false;
	long up = 0, down = 0, most = 1;
	for (int a = 0; a < 3; a++)
		for (int b = 0; b < 3; b++) {
			long v = lround(r->org[ORG_MIGRATION_1_1 + 3 * a + b].value);
			if (v > most)
				most = v;
			if (b > a)
				up += v;
			if (b < a)
				down += v;
		}
	for (int a = 0; a < 3; a++) {
		struct cell c[4];
		memset(c, 0, sizeof c);
		c[0].text = level_name(p->lang, a + 1);
		c[0].bold = true;
		for (int b = 0; b < 3; b++) {
			long v = lround(r->org[ORG_MIGRATION_1_1 + 3 * a + b].value);
			float strength = 0.12f + 0.45f * (float)v / (float)most;
			c[1 + b].text = integer(p, v);
			c[1 + b].bold = a == b;
			c[1 + b].has_fill = true;
			c[1 + b].fill = b > a ? rgb_mix(rgb_hex(COLOR_WHITE), rgb_hex(COLOR_BENEFIT), strength)
			              : b < a ? rgb_mix(rgb_hex(COLOR_WHITE), rgb_hex(COLOR_COST), strength)
			              : rgb_hex(COLOR_ZEBRA);
		}
		table_row(p, &t, c);
	}
	table_end(p, &t);
	text_block(p, FONT_REGULAR, SIZE_NOTE, 10, color(COLOR_MUTED), x, w,
	           trf(p, "mat.migration_note", integer(p, lround(r->org[ORG_MIGRATION_MATCHED].value)),
	               integer(p, up), integer(p, down), NULL), false);
}

static void maturity(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	section(p, "sec.maturity", false);
	char k[16];
	snprintf(k, sizeof k, "%d", r->min_group_size);
	if (r->survey_suppressed) {
		paragraph(p, trf(p, "pdf.survey_suppressed", k, NULL));
		return;
	}
	if (ok(r->org[ORG_MATURITY_INDEX]) && ok(r->org[ORG_RESPONDENTS]))
		paragraph(p, trf(p, "mat.intro", num(p, r->org[ORG_MATURITY_INDEX].value, 1),
		                 integer(p, lround(r->org[ORG_RESPONDENTS].value)), NULL));
	p->y += 4;

	/* the radar (8 columns) beside the career levels (4 columns) */
	float block = 246;
	ensure(p, block + 14);
	float top = p->y;
	float lw = span_w(8), rx = col_x(8) + GUTTER / 2, rw = span_w(4) - GUTTER / 2;
	draw_text_fit(&p->c, FONT_BOLD, SIZE_SUB, color(COLOR_INK), MARGIN, top + 11, ALIGN_LEFT, lw,
	              T(p, "mat.radar"));
	const char *labels[DIM_COUNT];
	double values[DIM_COUNT];
	bool has[DIM_COUNT];
	for (int d = 0; d < DIM_COUNT; d++) {
		labels[d] = dimension_label(p->lang, d);
		values[d] = r->org[ORG_MATURITY_TOOL_KNOWLEDGE + d].value;
		has[d] = ok(r->org[ORG_MATURITY_TOOL_KNOWLEDGE + d]);
	}
	radar_chart_draw(&p->c, MARGIN, top + 122, lw, 76, DIM_COUNT, labels, values, has,
	                 ru->target_maturity.set, ru->target_maturity.value, T(p, "legend.org"),
	                 ru->target_maturity.set ? trf(p, "legend.target", num(p, ru->target_maturity.value, 1), NULL) : NULL);

	float ly = top;
	p->y = top;
	text_block(p, FONT_BOLD, SIZE_SUB, 14, color(COLOR_INK), rx, rw, T(p, "mat.levels"), false);
	ly = p->y + 4;
	for (int l = 1; l <= 3; l++) {
		struct figure share = r->org[ORG_LEVEL_SHARE_1 + l - 1];
		draw_text_fit(&p->c, FONT_BOLD, SIZE_TABLE, color(COLOR_INK), rx, ly + 9, ALIGN_LEFT, rw * 0.7f,
		              level_name(p->lang, l));
		draw_text(&p->c, FONT_BOLD, SIZE_TABLE, color(COLOR_INK), rx + rw, ly + 9, ALIGN_RIGHT,
		          fig_text(p, share, FK_PERCENT));
		fill_rect(&p->c, rx, ly + 13, rw, 6, color(COLOR_ZEBRA));
		if (ok(share))
			fill_rect(&p->c, rx, ly + 13, rw * (float)(share.value > 1 ? 1 : share.value), 6,
			          heat_color(1.6 + 0.7 * (l - 1)));
		draw_text_fit(&p->c, FONT_REGULAR, SIZE_NOTE, color(COLOR_MUTED), rx, ly + 28, ALIGN_LEFT, rw,
		              trf(p, "mat.path_arrow", learning_path_name(p->lang, l), NULL));
		ly += 38;
	}
	p->y = ly + 4;
	text_block(p, FONT_REGULAR, SIZE_NOTE, 10, color(COLOR_MUTED), rx, rw, T(p, "mat.path_note"), false);
	p->y = top + block;
	note(p, survey_source(p));
	p->y += 8;

	/* the dimension x level matrix of the seed article */
	struct column mcols[] = {
		{ T(p, "col.dimension"), 0, ALIGN_LEFT },
		{ trf(p, "col.level_n", "1", NULL), 109, ALIGN_LEFT },
		{ trf(p, "col.level_n", "2", NULL), 109, ALIGN_LEFT },
		{ trf(p, "col.level_n", "3", NULL), 109, ALIGN_LEFT },
		{ T(p, "col.mean"), 54, ALIGN_RIGHT },
	};
	fit_columns(mcols, ARRAY_LEN(mcols), CONTENT_W);
	struct table t;
	table_begin(p, &t, T(p, "mat.matrix"), mcols, ARRAY_LEN(mcols), MARGIN);
	double resp = ok(r->org[ORG_RESPONDENTS]) ? r->org[ORG_RESPONDENTS].value : 0;
	for (int d = 0; d < DIM_COUNT; d++) {
		struct cell c[5];
		memset(c, 0, sizeof c);
		c[0].text = dimension_label(p->lang, d);
		c[0].bold = true;
		for (int l = 0; l < 3; l++) {
			char key[64];
			snprintf(key, sizeof key, "mat.d.%s.%d", dimension_names[d], l + 1);
			int count = r->dimension_levels[d][l];
			struct buf b = { 0 };
			buf_printf(&b, "%s " MIDDOT " %s", integer(p, count),
			           resp > 0 ? pct(p, count / resp, 0) : T(p, "word.na"));
			c[1 + l].text = keep(p, b.data);
			c[1 + l].sub = T(p, key);
			if (resp > 0) {
				c[1 + l].has_fill = true;
				c[1 + l].fill = rgb_mix(rgb_hex(COLOR_WHITE), rgb_hex(0xC9D4E3), (float)(count / resp));
			}
		}
		c[4].text = fig_text(p, r->org[ORG_MATURITY_TOOL_KNOWLEDGE + d], FK_LEVEL);
		table_row(p, &t, c);
	}
	table_end(p, &t);
	note(p, survey_source(p));
	p->y += 6;

	/* department x dimension heat map; the weakest dimension is the development need */
	static const char *const short_keys[DIM_COUNT] = {
		"dimhead.tool_knowledge", "dimhead.application_breadth", "dimhead.autonomy",
		"dimhead.innovation", "dimhead.knowledge_sharing",
	};
	struct column hcols[7];
	hcols[0] = (struct column){ T(p, "col.department"), 0, ALIGN_LEFT };
	for (int d = 0; d < DIM_COUNT; d++)
		hcols[1 + d] = (struct column){ T(p, short_keys[d]), 64, ALIGN_CENTER };
	hcols[6] = (struct column){ T(p, "col.index"), 46, ALIGN_CENTER };
	fit_columns(hcols, 7, CONTENT_W);
	table_begin(p, &t, T(p, "mat.heatmap"), hcols, 7, MARGIN);
	t.zebra = false;
	bool any_suppressed = false;
	for (size_t i = 0; i < r->department_count; i++) {
		const struct department *dep = &r->departments[i];
		struct cell c[7];
		memset(c, 0, sizeof c);
		c[0].text = dep->name;
		int weakest = -1;
		for (int d = 0; d < DIM_COUNT; d++) {
			struct figure f = dep->fig[DEPT_MATURITY_TOOL_KNOWLEDGE + d];
			if (ok(f) && (weakest < 0 || f.value < dep->fig[DEPT_MATURITY_TOOL_KNOWLEDGE + weakest].value))
				weakest = d;
		}
		for (int d = 0; d < DIM_COUNT + 1; d++) {
			struct figure f = d < DIM_COUNT ? dep->fig[DEPT_MATURITY_TOOL_KNOWLEDGE + d] : dep->fig[DEPT_MATURITY_INDEX];
			c[1 + d].text = fig_text(p, f, FK_LEVEL);
			any_suppressed = any_suppressed || f.status == FIG_SUPPRESSED;
			if (ok(f)) {
				c[1 + d].has_fill = true;
				c[1 + d].fill = heat_color(f.value);
				c[1 + d].has_color = true;
				c[1 + d].color = f.value >= 2.0 + 1.0 / 3 ? rgb_hex(COLOR_WHITE) : rgb_hex(COLOR_INK);
				if (d == weakest) {
					struct buf b = { 0 };
					buf_printf(&b, DOWN_ARROW " %s", c[1 + d].text);
					c[1 + d].text = keep(p, b.data);
					c[1 + d].bold = true;
				}
			}
		}
		c[6].bold = true;
		table_row(p, &t, c);
	}
	table_end(p, &t);
	note(p, T(p, "mat.heatmap_note"));
	if (any_suppressed)
		suppressed_footnote(p);
	note(p, survey_source(p));
	p->y += 10;

	ensure(p, 110);
	migration_matrix(p, MARGIN, span_w(7));
	p->y += 6;
}

/* ---- time savings ------------------------------------------------------------ */

/* Use cases by hours saved per week, most first; those without a published figure
 * last, by name. */
static size_t *use_cases_by_hours(const struct report *r)
{
	size_t n = r->use_case_count;
	size_t *order = xcalloc(n + 1, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t i = 1; i < n; i++) {
		size_t v = order[i], j = i;
		while (j > 0) {
			const struct use_case *a = &r->use_cases[order[j - 1]], *b = &r->use_cases[v];
			bool oa = ok(a->fig[UC_HOURS_SAVED_PER_WEEK]), ob = ok(b->fig[UC_HOURS_SAVED_PER_WEEK]);
			bool b_first = ob && (!oa || b->fig[UC_HOURS_SAVED_PER_WEEK].value > a->fig[UC_HOURS_SAVED_PER_WEEK].value);
			if (!b_first)
				break;
			order[j] = order[j - 1];
			j--;
		}
		order[j] = v;
	}
	return order;
}

static void savings(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	section(p, "sec.savings", false);

	bool entries_known;
	long entries = report_ai_entries(r, &entries_known);
	if (ok(r->org[ORG_HOURS_SAVED]) && ok(r->org[ORG_HOURS_SAVED_PER_WEEK]) && ok(r->org[ORG_VALUE_SAVED]))
		paragraph(p, trf(p, "sav.intro", num(p, r->org[ORG_HOURS_SAVED].value, 1),
		                 num(p, r->org[ORG_HOURS_SAVED_PER_WEEK].value, 1), money(p, r->org[ORG_VALUE_SAVED].value),
		                 pct(p, ru->realisation, 0), NULL));
	if (ok(r->org[ORG_USE_CASES_ACTIVE]) && ok(r->org[ORG_USE_CASES_NEW]))
		paragraph(p, trf(p, "sav.intro_cases", integer(p, lround(r->org[ORG_USE_CASES_ACTIVE].value)),
		                 integer(p, lround(r->org[ORG_USE_CASES_NEW].value)), NULL));
	if ((entries_known && entries == 0) || r->use_case_count == 0) {
		paragraph(p, T(p, "sav.none"));
	}
	p->y += 4;

	size_t *order = use_cases_by_hours(r);
	if (r->use_case_count > 0) {
		struct column cols[] = {
			{ T(p, "col.use_case"), 0, ALIGN_LEFT },
			{ T(p, "th.ai_users"), 62, ALIGN_RIGHT },
			{ T(p, "col.baseline"), 78, ALIGN_RIGHT },
			{ T(p, "th.hours_week"), 56, ALIGN_RIGHT },
			{ T(p, "col.value"), 66, ALIGN_RIGHT },
			{ T(p, "col.risk"), 50, ALIGN_CENTER },
		};
		fit_columns(cols, ARRAY_LEN(cols), CONTENT_W);
		struct table t;
		table_begin(p, &t, T(p, "sav.table"), cols, ARRAY_LEN(cols), MARGIN);
		bool any_suppressed = false, any_risk = false;
		for (size_t i = 0; i < r->use_case_count; i++) {
			const struct use_case *u = &r->use_cases[order[i]];
			struct cell c[6];
			memset(c, 0, sizeof c);
			c[0].text = u->name;
			c[1].text = fig_text(p, u->fig[UC_AI_USERS], FK_NUMBER0);
			c[2].text = fig_text(p, u->fig[UC_BASELINE_MINUTES], FK_NUMBER0);
			c[3].text = fig_text(p, u->fig[UC_HOURS_SAVED_PER_WEEK], FK_NUMBER1);
			c[4].text = fig_text(p, u->fig[UC_VALUE_SAVED], FK_MONEY);
			if (use_case_at_risk(u)) {
				c[5].text = WARN_SIGN;
				c[5].has_color = true;
				c[5].color = rgb_hex(COLOR_ACCENT);
				c[5].bold = true;
				any_risk = true;
			} else {
				c[5].text = u->fig[UC_AT_RISK].status == FIG_SUPPRESSED ? DASH : "";
			}
			if (use_case_negative(u)) {
				c[3].has_color = true;
				c[3].color = rgb_hex(COLOR_RED);
			}
			for (int j = 1; j < 6; j++)
				any_suppressed = any_suppressed || strcmp(c[j].text, DASH) == 0;
			table_row(p, &t, c);
		}
		table_end(p, &t);
		if (any_risk)
			note(p, trf(p, "sav.risk_note", pct(p, ru->concentration_share, 0), NULL));
		if (any_suppressed)
			suppressed_footnote(p);
		if (ok(r->org[ORG_AI_ENTRIES_WITHOUT_BASELINE]) && r->org[ORG_AI_ENTRIES_WITHOUT_BASELINE].value > 0)
			note(p, trf(p, "sav.no_baseline", integer(p, lround(r->org[ORG_AI_ENTRIES_WITHOUT_BASELINE].value)), NULL));
		p->y += 6;
	}

	/* the bar chart: use cases with AI entries and a published figure */
	struct hbar_item *items = xcalloc(r->use_case_count + 1, sizeof *items);
	size_t n = 0, hidden = 0;
	bool negative = false;
	for (size_t i = 0; i < r->use_case_count; i++) {
		const struct use_case *u = &r->use_cases[order[i]];
		if (u->fig[UC_HOURS_SAVED_PER_WEEK].status == FIG_SUPPRESSED) {
			hidden++;
			continue;
		}
		if (!ok(u->fig[UC_HOURS_SAVED_PER_WEEK]) || !ok(u->fig[UC_AI_ENTRIES]) || u->fig[UC_AI_ENTRIES].value <= 0)
			continue;
		items[n].label = u->name;
		items[n].value[0] = u->fig[UC_HOURS_SAVED_PER_WEEK].value;
		items[n].has[0] = true;
		items[n].flagged = use_case_at_risk(u);
		negative = negative || items[n].value[0] < 0;
		n++;
	}
	if (n > 0 || hidden > 0) {
		struct hbar_chart spec;
		memset(&spec, 0, sizeof spec);
		spec.series = 1;
		spec.color[0] = color(COLOR_BRAND);
		spec.kind = VALUE_NUMBER;
		spec.label_width = span_w(3) + GUTTER;
		spec.row_height = 13;
		struct buf nb = { 0 };
		buf_reserve(&nb, 1);
		const char *ns = not_shown_text(p, hidden, true);
		if (ns)
			buf_puts(&nb, ns);
		if (negative) {
			if (nb.len)
				buf_putc(&nb, ' ');
			buf_puts(&nb, T(p, "sav.negative_note"));
		}
		flowing_hbars(p, T(p, "sav.chart"), &spec, items, n, NULL, nb.len ? keep(p, nb.data) : NULL,
		              timesheet_source(p));
		if (!nb.len)
			buf_free(&nb);
	}
	free(items);
	free(order);

	quarter_trend(p, T(p, "sav.trend"), 1, VALUE_NUMBER, ru->target_hours_saved_per_week.set,
	              ru->target_hours_saved_per_week.value,
	              ru->target_hours_saved_per_week.set
	                  ? trf(p, "legend.target", target_text(p, ru->target_hours_saved_per_week, false), NULL) : NULL);
}

/* ---- ROI ---------------------------------------------------------------------- */

static void roi(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	section(p, "sec.roi", false);

	struct column cols[] = {
		{ T(p, "col.item"), 0, ALIGN_LEFT },
		{ T(p, "col.amount"), span_w(3), ALIGN_RIGHT },
	};
	fit_columns(cols, 2, CONTENT_W);
	struct table t;
	table_begin(p, &t, trf(p, "roi.table", period_label(p, r->year, r->quarter), NULL), cols, 2, MARGIN);
	struct { const char *label, *value; bool bold; } rows[16];
	size_t n = 0;
	rows[n].label = T(p, "roi.costs");
	rows[n].value = "";
	rows[n++].bold = true;
	if (ok(r->org[ORG_COST_TRAINING]) && r->trainees_in_period == 1)
		rows[n].label = trf(p, "roi.training_one", money_exact(p, ru->training_per_participant), NULL);
	else if (ok(r->org[ORG_COST_TRAINING]) && r->trainees_in_period > 1)
		rows[n].label = trf(p, "roi.training", integer(p, r->trainees_in_period),
		                    money_exact(p, ru->training_per_participant), NULL);
	else
		rows[n].label = T(p, "roi.training_plain");
	rows[n].bold = false;
	rows[n++].value = fig_text(p, r->org[ORG_COST_TRAINING], FK_MONEY);
	if (ok(r->org[ORG_ACTIVE_EMPLOYEES]) && ok(r->org[ORG_COST_LICENSES]) &&
	    lround(r->org[ORG_ACTIVE_EMPLOYEES].value) == 1)
		rows[n].label = trf(p, "roi.licenses_one", money_exact(p, ru->license_per_active_user_month), NULL);
	else if (ok(r->org[ORG_ACTIVE_EMPLOYEES]) && ok(r->org[ORG_COST_LICENSES]))
		rows[n].label = trf(p, "roi.licenses", integer(p, lround(r->org[ORG_ACTIVE_EMPLOYEES].value)),
		                    money_exact(p, ru->license_per_active_user_month), NULL);
	else
		rows[n].label = T(p, "roi.licenses_plain");
	rows[n].bold = false;
	rows[n++].value = fig_text(p, r->org[ORG_COST_LICENSES], FK_MONEY);
	rows[n].label = T(p, "roi.fixed");
	rows[n].bold = false;
	rows[n++].value = fig_text(p, r->org[ORG_COST_FIXED], FK_MONEY);
	rows[n].label = T(p, "roi.cost_total");
	rows[n].bold = true;
	rows[n++].value = fig_text(p, r->org[ORG_COST_TOTAL], FK_MONEY);
	rows[n].label = T(p, "roi.benefits");
	rows[n].value = "";
	rows[n++].bold = true;
	rows[n].label = T(p, "roi.hours_saved");
	rows[n].bold = false;
	rows[n++].value = fig_text(p, r->org[ORG_HOURS_SAVED], FK_NUMBER1);
	rows[n].label = trf(p, "roi.value", pct(p, ru->realisation, 0), NULL);
	rows[n].bold = true;
	rows[n++].value = fig_text(p, r->org[ORG_VALUE_SAVED], FK_MONEY);
	rows[n].label = T(p, "roi.result");
	rows[n].value = "";
	rows[n++].bold = true;
	if (ok(r->net_value)) {
		rows[n].label = T(p, "roi.net");
		rows[n].bold = false;
		rows[n++].value = money(p, r->net_value.value);
	}
	rows[n].label = T(p, "roi.roi_q");
	rows[n].bold = true;
	rows[n++].value = fig_text(p, r->org[ORG_ROI], FK_PERCENT);
	const char *start = r->month_count ? date_text(p, days_from_civil(r->months[0].year, r->months[0].month, 1)) : "";
	rows[n].label = trf(p, "roi.roi_cum", start, NULL);
	rows[n].bold = true;
	rows[n++].value = fig_text(p, r->org[ORG_ROI_CUMULATIVE], FK_PERCENT);
	rows[n].label = T(p, "roi.payback");
	rows[n].bold = false;
	rows[n++].value = ok(r->org[ORG_PAYBACK_MONTHS]) ? integer(p, lround(r->org[ORG_PAYBACK_MONTHS].value))
	                                                  : r->month_count ? T(p, "kpi.not_reached") : T(p, "word.na");
	for (size_t i = 0; i < n; i++) {
		struct cell c[2];
		memset(c, 0, sizeof c);
		c[0].text = rows[i].label;
		c[0].bold = rows[i].bold;
		c[1].text = rows[i].value;
		c[1].bold = rows[i].bold;
		if (!rows[i].value[0]) {
			c[0].has_color = true;
			c[0].color = rgb_hex(COLOR_BRAND);
		}
		table_row(p, &t, c);
	}
	table_end(p, &t);
	p->y += 6;

	/* cumulative cost and benefit by month */
	if (r->month_count == 0) {
		paragraph(p, T(p, "roi.no_months"));
	} else {
		size_t m = r->month_count < 9 ? 9 : r->month_count;
		double *ben = xcalloc(m, sizeof *ben), *cost = xcalloc(m, sizeof *cost);
		bool *has = xcalloc(m, sizeof *has);
		const char **cat = xcalloc(m, sizeof *cat);
		int y0 = r->months[0].year, m0 = r->months[0].month;
		for (size_t i = 0; i < m; i++) {
			int mi = (m0 - 1 + (int)i) % 12 + 1, yi = y0 + (m0 - 1 + (int)i) / 12;
			char key[24];
			snprintf(key, sizeof key, "month_short.%d", mi);
			struct buf b = { 0 };
			if (i == 0 || mi == 1)
				buf_printf(&b, "%s %d", T(p, key), yi);
			else
				buf_puts(&b, T(p, key));
			cat[i] = keep(p, b.data);
			if (i < r->month_count) {
				ben[i] = r->months[i].cumulative_benefit;
				cost[i] = r->months[i].cumulative_cost;
				has[i] = true;
			}
		}
		struct line_chart lc;
		memset(&lc, 0, sizeof lc);
		lc.count = m;
		lc.category = cat;
		lc.series_count = 2;
		lc.series[0] = (struct line_series){ cost, has, color(COLOR_COST), T(p, "legend.cost"), false };
		lc.series[1] = (struct line_series){ ben, has, color(COLOR_BENEFIT), T(p, "legend.benefit"), false };
		lc.kind = VALUE_MONEY;
		lc.band_label = T(p, "roi.band_label");
		lc.band_from = 5;
		lc.band_to = 8;
		if (ok(r->org[ORG_PAYBACK_MONTHS])) {
			lc.marker = (size_t)lround(r->org[ORG_PAYBACK_MONTHS].value) - 1;
			lc.marker_label = trf(p, "roi.payback_label", integer(p, lround(r->org[ORG_PAYBACK_MONTHS].value)), NULL);
		}
		subheading(p, T(p, "roi.cum_chart"), 190);
		line_chart_draw(&p->c, MARGIN, p->y, CONTENT_W, 180, &lc);
		p->y += 184;
		if (ok(r->org[ORG_PAYBACK_MONTHS]))
			paragraph(p, trf(p, "roi.text_payback", integer(p, lround(r->org[ORG_PAYBACK_MONTHS].value)), NULL));
		else
			paragraph(p, trf(p, "roi.text_no_payback", integer(p, (long)r->month_count), NULL));
		note(p, trf(p, "pdf.source_roi", start, NULL));
		p->y += 8;
		free(ben);
		free(cost);
		free(has);
		free(cat);
	}

	/* ROI against the reference band */
	struct band_marker mk[2];
	size_t nm = 0;
	if (ok(r->org[ORG_ROI]))
		mk[nm++] = (struct band_marker){ r->org[ORG_ROI].value,
		                                 trf(p, "roi.marker", T(p, "roi.quarter_marker"), pct(p, r->org[ORG_ROI].value, 1), NULL),
		                                 color(COLOR_BRAND) };
	if (ok(r->org[ORG_ROI_CUMULATIVE]))
		mk[nm++] = (struct band_marker){ r->org[ORG_ROI_CUMULATIVE].value,
		                                 trf(p, "roi.marker", T(p, "roi.cum_marker"), pct(p, r->org[ORG_ROI_CUMULATIVE].value, 1), NULL),
		                                 color(COLOR_BENEFIT) };
	if (nm > 0) {
		subheading(p, T(p, "roi.band_chart"), band_chart_height() + 30);
		band_chart_draw(&p->c, MARGIN, p->y, span_w(9), VALUE_PERCENT, 2.0, 4.0, T(p, "ref.roi"),
		                ru->target_roi.set, ru->target_roi.value,
		                ru->target_roi.set ? trf(p, "legend.target", target_text(p, ru->target_roi, true), NULL) : NULL,
		                mk, nm);
		p->y += band_chart_height() + 2;
		if (ru->target_roi.set) {
			const char *name = trf(p, "legend.target", target_text(p, ru->target_roi, true), NULL);
			struct rgb col = color(COLOR_ACCENT);
			bool dashed = true;
			legend(p, MARGIN + 30, &name, &col, &dashed, 1);
		}
		paragraph(p, trf(p, "roi.text_band", fig_text(p, r->org[ORG_ROI], FK_PERCENT),
		                 fig_text(p, r->org[ORG_ROI_CUMULATIVE], FK_PERCENT), NULL));
		note(p, trf(p, "pdf.source_roi", start, NULL));
		p->y += 6;
	}

	quarter_trend(p, T(p, "roi.trend"), 2, VALUE_PERCENT, ru->target_roi.set, ru->target_roi.value,
	              ru->target_roi.set ? trf(p, "legend.target", target_text(p, ru->target_roi, true), NULL) : NULL);
}

/* ---- knowledge transfer and retention ------------------------------------------ */

static void knowledge(struct pdf *p)
{
	const struct report *r = p->r;
	section(p, "sec.knowledge", false);
	char k[16];
	snprintf(k, sizeof k, "%d", r->min_group_size);
	paragraph(p, T(p, "know.intro"));
	if (r->survey_suppressed)
		paragraph(p, trf(p, "pdf.survey_suppressed", k, NULL));

	struct { const char *label, *value, *text; } f[4] = {
		{ T(p, "know.buddy"), fig_text(p, r->org[ORG_BUDDY_COVERAGE], FK_PERCENT), T(p, "know.buddy_text") },
		{ T(p, "know.mentor"), ok(r->org[ORG_MENTOR_MAX_LOAD])
		      ? trf(p, "know.mentees", integer(p, lround(r->org[ORG_MENTOR_MAX_LOAD].value)), NULL)
		      : fig_text(p, r->org[ORG_MENTOR_MAX_LOAD], FK_NUMBER0), T(p, "know.mentor_text") },
		{ T(p, "know.retention"), fig_text(p, r->org[ORG_RETENTION_6M], FK_PERCENT), T(p, "know.retention_text") },
		{ T(p, "know.satisfaction"), fig_text(p, r->org[ORG_SATISFACTION_MEAN], FK_NUMBER1), T(p, "know.satisfaction_text") },
	};
	float h = 78;
	ensure(p, h + 10);
	for (int i = 0; i < 4; i++) {
		float x = col_x(i * 3), w = span_w(3);
		fill_rect(&p->c, x, p->y, w, h, color(COLOR_ZEBRA));
		fill_rect(&p->c, x, p->y, 2.5f, h, color(COLOR_BRAND));
		draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, color(COLOR_MUTED), x + 9, p->y + 15, ALIGN_LEFT, w - 14, f[i].label);
		draw_text_fit(&p->c, FONT_BOLD, SIZE_HEADING, color(COLOR_INK), x + 9, p->y + 37, ALIGN_LEFT, w - 14, f[i].value);
		float save = p->y;
		p->y += 45;
		text_block(p, FONT_REGULAR, SIZE_NOTE, 9, color(COLOR_MUTED), x + 9, w - 14, f[i].text, false);
		p->y = save;
	}
	p->y += h + 8;
	if (ok(r->org[ORG_EMPLOYEES_SURVEY_ONLY]) && ok(r->org[ORG_EMPLOYEES_TIMESHEET_ONLY]))
		paragraph(p, trf(p, "know.coverage", integer(p, lround(r->org[ORG_EMPLOYEES_SURVEY_ONLY].value)),
		                 integer(p, lround(r->org[ORG_EMPLOYEES_TIMESHEET_ONLY].value)), NULL));
	p->y += 4;

	struct column cols[] = {
		{ T(p, "col.department"), 0, ALIGN_LEFT },
		{ T(p, "legend.adoption"), 96, ALIGN_RIGHT },
		{ T(p, "legend.logged"), 120, ALIGN_RIGHT },
		{ T(p, "col.difference"), 80, ALIGN_RIGHT },
	};
	fit_columns(cols, 4, CONTENT_W);
	struct table t;
	table_begin(p, &t, T(p, "know.triangulation"), cols, 4, MARGIN);
	bool any_suppressed = false;
	for (size_t i = 0; i < r->department_count; i++) {
		const struct department *d = &r->departments[i];
		struct figure a = d->fig[DEPT_ADOPTION_RATE], l = d->fig[DEPT_LOGGED_AI_SHARE];
		struct cell c[4];
		memset(c, 0, sizeof c);
		c[0].text = d->name;
		c[1].text = fig_text(p, a, FK_PERCENT);
		c[2].text = fig_text(p, l, FK_PERCENT);
		if (ok(a) && ok(l)) {
			double diff = round(a.value * 1000) / 10 - round(l.value * 1000) / 10;
			c[3].text = trf(p, "kpi.pp", num(p, diff, 1), NULL);
			if (fabs(diff) > 25) {
				c[3].bold = true;
				c[3].has_color = true;
				c[3].color = rgb_hex(COLOR_ACCENT);
			}
		} else {
			c[3].text = "";
		}
		any_suppressed = any_suppressed || a.status == FIG_SUPPRESSED || l.status == FIG_SUPPRESSED;
		table_row(p, &t, c);
	}
	table_end(p, &t);
	note(p, T(p, "know.tri_note"));
	if (any_suppressed)
		suppressed_footnote(p);
}

/* ---- data quality and method ----------------------------------------------------- */

static void method(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	section(p, "sec.method", false);

	struct column cols[] = {
		{ T(p, "col.file"), 0, ALIGN_LEFT },
		{ T(p, "col.rows_read"), 70, ALIGN_RIGHT },
		{ T(p, "col.rows_used"), 70, ALIGN_RIGHT },
		{ T(p, "col.rows_rejected"), 70, ALIGN_RIGHT },
		{ T(p, "col.rows_superseded"), 70, ALIGN_RIGHT },
	};
	fit_columns(cols, ARRAY_LEN(cols), CONTENT_W);
	struct table t;
	table_begin(p, &t, T(p, "meth.dq"), cols, ARRAY_LEN(cols), MARGIN);
	for (int i = 0; i < 2; i++) {
		const struct file_quality *q = &r->files[i];
		struct cell c[5];
		memset(c, 0, sizeof c);
		c[0].text = q->name ? q->name : "";
		c[1].text = integer(p, q->rows_read);
		c[2].text = integer(p, q->rows_used);
		c[3].text = integer(p, q->rows_rejected);
		c[4].text = integer(p, q->rows_superseded);
		table_row(p, &t, c);
	}
	table_end(p, &t);
	note(p, T(p, "meth.dq_note"));
	for (int i = 0; i < 2; i++)
		if (r->files[i].format)
			note(p, trf(p, "meth.format", r->files[i].name, r->files[i].format, NULL));
	if (r->ids_low) {
		p->y += 4;
		text_block(p, FONT_BOLD, SIZE_BODY, LEADING_BODY, color(COLOR_INK), MARGIN, CONTENT_W,
		           trf(p, "meth.ids_low", integer(p, r->ids_matched), integer(p, r->ids_survey),
		               integer(p, r->ids_timesheet), NULL), false);
	}
	p->y += 6;

	/* the rules in force */
	struct column rcols[] = {
		{ T(p, "col.rule"), 0, ALIGN_LEFT },
		{ T(p, "col.setting"), span_w(6), ALIGN_RIGHT },
	};
	fit_columns(rcols, 2, CONTENT_W);
	table_begin(p, &t, T(p, "meth.rules"), rcols, 2, MARGIN);
	struct cell c[2];
#define RULE(label, value) do { memset(c, 0, sizeof c); c[0].text = (label); c[1].text = (value); table_row(p, &t, c); } while (0)
	RULE(T(p, "rule.k"), integer(p, r->min_group_size));
	if (ru->headcount > 0)
		RULE(T(p, "rule.headcount"), integer(p, ru->headcount));
	RULE(T(p, "rule.active_days"), num(p, ru->active_min_days_per_week,
	                                   ru->active_min_days_per_week == floor(ru->active_min_days_per_week) ? 0 : 1));
	RULE(T(p, "rule.active_entries"), ru->active_min_ai_entries > 0 ? integer(p, ru->active_min_ai_entries) : T(p, "rule.off"));
	RULE(T(p, "rule.level2"), num(p, ru->level2_min, ru->level2_min == floor(ru->level2_min) ? 0 : 1));
	RULE(T(p, "rule.level3"), num(p, ru->level3_min, ru->level3_min == floor(ru->level3_min) ? 0 : 1));
	RULE(T(p, "rule.overall"), T(p, ru->overall == OVERALL_MIN ? "rule.overall.min" :
	                               ru->overall == OVERALL_MEAN ? "rule.overall.mean" : "rule.overall.median"));
	if (r->month_count)
		RULE(T(p, "rule.program_start"), date_text(p, days_from_civil(r->months[0].year, r->months[0].month, 1)));
	else if (ru->has_program_start)
		RULE(T(p, "rule.program_start"), date_text(p, ru->program_start));
	if (ru->has_baseline_from || ru->has_baseline_to) {
		struct buf b = { 0 };
		buf_printf(&b, "%s – %s", ru->has_baseline_from ? date_text(p, ru->baseline_from) : "…",
		           ru->has_baseline_to ? date_text(p, ru->baseline_to) : "…");
		RULE(T(p, "rule.baseline_window"), keep(p, b.data));
	} else {
		RULE(T(p, "rule.baseline_window"), T(p, "rule.baseline_any"));
	}
	for (size_t i = 0; i < ru->use_case_baselines.count; i++)
		RULE(trf(p, "rule.baseline_fixed", ru->use_case_baselines.items[i].name, NULL),
		     num(p, ru->use_case_baselines.items[i].value, 1));
	RULE(T(p, "rule.currency"), ru->currency);
	RULE(T(p, "rule.rate_default"), money_exact(p, ru->rate_default));
	for (size_t i = 0; i < ru->role_rates.count; i++)
		RULE(trf(p, "rule.rate_role", ru->role_rates.items[i].name, NULL), money_exact(p, ru->role_rates.items[i].value));
	for (size_t i = 0; i < ru->department_rates.count; i++)
		RULE(trf(p, "rule.rate_department", ru->department_rates.items[i].name, NULL),
		     money_exact(p, ru->department_rates.items[i].value));
	RULE(T(p, "rule.realisation"), pct(p, ru->realisation, 0));
	RULE(T(p, "rule.training"), money_exact(p, ru->training_per_participant));
	RULE(T(p, "rule.license"), money_exact(p, ru->license_per_active_user_month));
	RULE(T(p, "rule.fixed"), money_exact(p, ru->program_fixed_per_quarter));
	RULE(T(p, "rule.concentration"), pct(p, ru->concentration_share, 0));
	if (ru->target_adoption.set)
		RULE(T(p, "rule.target_adoption"), target_text(p, ru->target_adoption, true));
	if (ru->target_hours_saved_per_week.set)
		RULE(T(p, "rule.target_hours"), target_text(p, ru->target_hours_saved_per_week, false));
	if (ru->target_roi.set)
		RULE(T(p, "rule.target_roi"), target_text(p, ru->target_roi, true));
	if (ru->target_maturity.set)
		RULE(T(p, "rule.target_maturity"), target_text(p, ru->target_maturity, false));
#undef RULE
	table_end(p, &t);
	p->y += 6;

	static const char *const defs[] = {
		"def.headcount", "def.adoption", "def.logged", "def.baseline", "def.hours_saved",
		"def.value", "def.costs", "def.roi", "def.payback", "def.level", "def.maturity",
		"def.risk", "def.buddy", "def.retention", "def.migration",
	};
	subheading(p, T(p, "meth.defs"), 40);
	for (size_t i = 0; i < ARRAY_LEN(defs); i++)
		bullet(p, T(p, defs[i]));
	p->y += 6;

	char k[16];
	snprintf(k, sizeof k, "%d", r->min_group_size);
	subheading(p, T(p, "meth.privacy"), 40);
	paragraph(p, trf(p, "meth.privacy_text", k, NULL));
	size_t dept_hidden = 0, uc_hidden = 0;
	for (size_t i = 0; i < r->department_count; i++)
		if (r->departments[i].fig[DEPT_HEADCOUNT].status == FIG_SUPPRESSED)
			dept_hidden++;
	for (size_t i = 0; i < r->use_case_count; i++)
		if (r->use_cases[i].fig[UC_HOURS_SAVED].status == FIG_SUPPRESSED)
			uc_hidden++;
	paragraph(p, trf(p, "meth.suppressed_counts", integer(p, (long)dept_hidden), integer(p, (long)r->department_count),
	                 integer(p, (long)uc_hidden), integer(p, (long)r->use_case_count), NULL));
	if (r->survey_suppressed)
		paragraph(p, trf(p, "pdf.survey_suppressed", k, NULL));
	p->y += 4;

	subheading(p, T(p, "meth.asof"), 40);
	paragraph(p, trf(p, "meth.asof_text", date_text(p, r->period_end), NULL));
}

/* ---- footers, fonts, document ---------------------------------------------------- */

static void footers(struct pdf *p)
{
	const struct report *r = p->r;
	char total[24];
	snprintf(total, sizeof total, "%zu", p->page_count);
	struct buf left = { 0 };
	buf_printf(&left, "%s " MIDDOT " %d-Q%d", r->set.org_name, r->year, r->quarter);
	for (size_t i = 1; i < p->page_count; i++) {
		p->c.page = p->pages[i];
		char no[24];
		snprintf(no, sizeof no, "%zu", i + 1);
		const char *right = trf(p, "pdf.page", no, total, NULL);
		float fy = PAGE_H - MARGIN;
		draw_line(&p->c, MARGIN, fy - 9, MARGIN + CONTENT_W, fy - 9, 0.4f, color(COLOR_HAIRLINE), false);
		float rw = text_width(&p->c, FONT_REGULAR, SIZE_NOTE, right);
		draw_text_fit(&p->c, FONT_REGULAR, SIZE_NOTE, color(COLOR_MUTED), MARGIN, fy, ALIGN_LEFT,
		              CONTENT_W - rw - 20, left.data);
		draw_text(&p->c, FONT_REGULAR, SIZE_NOTE, color(COLOR_MUTED), MARGIN + CONTENT_W, fy,
		          ALIGN_RIGHT, right);
	}
	buf_free(&left);
}

static uint16_t be16(const unsigned char *b)
{
	return (uint16_t)(b[0] << 8 | b[1]);
}

/* libharu copies only the glyphs it marked as used into the embedded font, and
 * marks only the direct components of a composite glyph.  This marks every
 * component of every marked glyph, recursively, reading the glyf table of the
 * font file with libharu's own offsets. */
static void embed_glyph_closure(HPDF_FontDef def, const char *path)
{
	if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !def->attr)
		return;
	HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
	if (!attr->embedding || !attr->glyph_tbl.flgs || !attr->glyph_tbl.offsets)
		return;
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	unsigned char *font = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		GROW(font, cap, len + 65536);
		size_t got = fread(font + len, 1, 65536, f);
		len += got;
		if (got == 0)
			break;
	}
	fclose(f);

	unsigned num = attr->num_glyphs;
	unsigned scale = attr->header.index_to_loc_format == 0 ? 2 : 1;
	unsigned *stack = xcalloc(num + 1, sizeof *stack);
	unsigned char *seen = xcalloc(num + 1, 1);
	size_t top = 0;
	for (unsigned g = 0; g < num; g++)
		if (attr->glyph_tbl.flgs[g]) {
			stack[top++] = g;
			seen[g] = 1;
		}
	while (top > 0) {
		unsigned g = stack[--top];
		size_t start = (size_t)attr->glyph_tbl.base_offset + (size_t)attr->glyph_tbl.offsets[g] * scale;
		size_t end = (size_t)attr->glyph_tbl.base_offset + (size_t)attr->glyph_tbl.offsets[g + 1] * scale;
		if (end > len || start + 10 > end || (int16_t)be16(font + start) != -1)
			continue;
		size_t pos = start + 10;
		for (;;) {
			if (pos + 4 > end)
				break;
			uint16_t flags = be16(font + pos), comp = be16(font + pos + 2);
			pos += 4 + ((flags & 0x0001) ? 4 : 2);
			if (flags & 0x0008)
				pos += 2;
			else if (flags & 0x0040)
				pos += 4;
			else if (flags & 0x0080)
				pos += 8;
			if (comp < num && !seen[comp]) {
				seen[comp] = 1;
				attr->glyph_tbl.flgs[comp] = 1;
				stack[top++] = comp;
			}
			if (!(flags & 0x0020))
				break;
		}
	}
	free(stack);
	free(seen);
	free(font);
}

/* Rewrites the font's ToUnicode CMap as a valid identity map from the 2-byte codes
 * (Unicode code points of the BMP) to UTF-16. */
static void fix_to_unicode(HPDF_Font font)
{
	HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (!cmap || !cmap->stream)
		return;
	struct buf b = { 0 };
	buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	             "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	             "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	/* a bfrange may only vary the last byte: one range per high byte, at most
	 * 100 ranges per block; the surrogate block D8-DF maps to nothing */
	int ranges[256], n = 0;
	for (int hi = 0; hi < 256; hi++)
		if (hi < 0xD8 || hi > 0xDF)
			ranges[n++] = hi;
	for (int i = 0; i < n; i += 100) {
		int count = n - i < 100 ? n - i : 100;
		buf_printf(&b, "%d beginbfrange\n", count);
		for (int j = i; j < i + count; j++)
			buf_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", ranges[j], ranges[j], ranges[j]);
		buf_puts(&b, "endbfrange\n");
	}
	buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_MemStream_FreeData(cmap->stream);
	HPDF_Stream_WriteStr(cmap->stream, b.data);
	buf_free(&b);
}

/* Loads and embeds the TrueType font at path as style; false (and no error left
 * behind) when libharu cannot use it. */
static bool load_font(struct pdf *p, const char *path, enum font_style style)
{
	const char *name = HPDF_LoadTTFontFromFile(p->c.doc, path, HPDF_TRUE);
	if (!name || failed(p)) {
		HPDF_ResetError(p->c.doc);
		p->error = HPDF_OK;
		return false;
	}
	p->c.font[style] = HPDF_GetFont(p->c.doc, name, "UTF-8");
	p->c.fontdef[style] = HPDF_GetFontDef(p->c.doc, name);
	if (p->c.font[style])
		fix_to_unicode(p->c.font[style]);
	return p->c.font[style] && p->c.fontdef[style] && !failed(p);
}

/* The bold companion of a custom font: "<name>-Bold.ttf" or "<name>Bold.ttf"
 * beside it, else the font itself. */
static char *bold_sibling(const char *path)
{
	const char *dot = strrchr(path, '.');
	size_t stem = dot ? (size_t)(dot - path) : strlen(path);
	static const char *const suffixes[] = { "-Bold", "Bold", "-bold", "_Bold" };
	for (size_t i = 0; i < ARRAY_LEN(suffixes); i++) {
		struct buf b = { 0 };
		buf_append(&b, path, stem);
		buf_puts(&b, suffixes[i]);
		buf_puts(&b, dot ? dot : ".ttf");
		FILE *f = fopen(b.data, "rb");
		if (f) {
			fclose(f);
			return b.data;
		}
		buf_free(&b);
	}
	return xstrdup(path);
}

static bool setup_fonts(struct pdf *p, char *paths[2], FILE *err)
{
	const char *custom = p->r->set.font;
	if (custom && custom[0]) {
		char *bold = bold_sibling(custom);
		if (load_font(p, custom, FONT_REGULAR) && load_font(p, bold, FONT_BOLD)) {
			paths[0] = xstrdup(custom);
			paths[1] = bold;
			return true;
		}
		free(bold);
		fprintf(err, "aireport: warning: font %s cannot be used in the PDF; using DejaVu Sans\n", custom);
	}
	if (!load_font(p, DEFAULT_FONT, FONT_REGULAR) || !load_font(p, DEFAULT_FONT_BOLD, FONT_BOLD))
		return false;
	paths[0] = xstrdup(DEFAULT_FONT);
	paths[1] = xstrdup(DEFAULT_FONT_BOLD);
	return true;
}

static void set_info(struct pdf *p)
{
	const struct report *r = p->r;
	time_t t = r->created;
	struct tm tm;
	gmtime_r(&t, &tm);
	HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
	HPDF_SetInfoDateAttr(p->c.doc, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(p->c.doc, HPDF_INFO_MOD_DATE, d);
	/* info strings are stored in the current encoder: UTF-8 makes them UTF-16 */
	HPDF_SetCurrentEncoder(p->c.doc, "UTF-8");
	struct buf clean = { 0 }, title = { 0 };
	buf_printf(&title, "%s %s %d-Q%d", T(p, "pdf.title"), MIDDOT, r->year, r->quarter);
	text_sanitize(&p->c, FONT_REGULAR, title.data, &clean);
	HPDF_SetInfoAttr(p->c.doc, HPDF_INFO_TITLE, clean.data);
	text_sanitize(&p->c, FONT_REGULAR, r->set.org_name, &clean);
	HPDF_SetInfoAttr(p->c.doc, HPDF_INFO_SUBJECT, clean.data);
	if (r->set.prepared_by && r->set.prepared_by[0]) {
		text_sanitize(&p->c, FONT_REGULAR, r->set.prepared_by, &clean);
		HPDF_SetInfoAttr(p->c.doc, HPDF_INFO_AUTHOR, clean.data);
	}
	HPDF_SetInfoAttr(p->c.doc, HPDF_INFO_CREATOR, "aireport");
	buf_free(&clean);
	buf_free(&title);
}

int pdf_write_assessment(const struct report *r, const char *path, FILE *err)
{
	struct pdf pdf;
	memset(&pdf, 0, sizeof pdf);
	struct pdf *p = &pdf;
	p->r = r;
	p->lang = r->set.language;
	p->c.lang = p->lang;
	p->c.currency = r->set.currency;
	p->c.page_height = PAGE_H;
	char *font_paths[2] = { NULL, NULL };
	int status = EXIT_OK;

	p->c.doc = HPDF_New(on_hpdf_error, p);
	if (!p->c.doc) {
		fprintf(err, "aireport: %s: cannot create the PDF (out of memory)\n", path);
		return EXIT_IO;
	}
	HPDF_SetCompressionMode(p->c.doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->c.doc);
	p->utf8 = HPDF_GetEncoder(p->c.doc, "UTF-8");
	if (!setup_fonts(p, font_paths, err)) {
		fprintf(err, "aireport: %s: cannot load the font %s for the PDF\n", path, DEFAULT_FONT);
		status = EXIT_IO;
		goto done;
	}
	HPDF_SetPageMode(p->c.doc, HPDF_PAGE_MODE_USE_OUTLINE);

	cover(p, err);
	summary(p);
	adoption(p);
	maturity(p);
	savings(p);
	roi(p);
	knowledge(p);
	method(p);
	footers(p);
	set_info(p);
	embed_glyph_closure(p->c.fontdef[FONT_REGULAR], font_paths[0]);
	embed_glyph_closure(p->c.fontdef[FONT_BOLD], font_paths[1]);

	if (failed(p)) {
		fprintf(err, "aireport: %s: PDF error 0x%04X (detail %u)\n", path, (unsigned)p->error,
		        (unsigned)p->error_detail);
		status = EXIT_IO;
		goto done;
	}
	if (HPDF_SaveToFile(p->c.doc, path) != HPDF_OK || failed(p)) {
		fprintf(err, "aireport: %s: cannot write the PDF\n", path);
		status = EXIT_IO;
	}
done:
	HPDF_Free(p->c.doc);
	for (size_t i = 0; i < p->arena_count; i++)
		free(p->arena[i]);
	free(p->arena);
	free(p->pages);
	free(font_paths[0]);
	free(font_paths[1]);
	return status;
}
