/* pdf_layout.c - the page layout of assessment.pdf (REPORT_DESIGN.md): the
 * 12-column grid, the flow down the page with page breaks, headings, wrapped text,
 * bullets, tables that continue on the next page, and the footers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_format.h"
#include "pdf_layout.h"
#include "util.h"

float col_x(int col)
{
	return MARGIN + (float)col * (COL_W + GUTTER);
}

float span_w(int cols)
{
	return (float)cols * COL_W + (float)(cols - 1) * GUTTER;
}

/* ---- pages and flow -------------------------------------------------------- */

void new_page(struct pdf *p)
{
	if (doc_add_page(&p->doc))
		p->y = MARGIN;
}

float space_left(const struct pdf *p)
{
	return CONTENT_BOTTOM - p->y;
}

void ensure(struct pdf *p, float h)
{
	if (p->y + h > CONTENT_BOTTOM)
		new_page(p);
}

void section(struct pdf *p, const char *key, bool own_page)
{
	const char *title = T(p, key);
	if (own_page || p->doc.page_count == 0 || space_left(p) < (CONTENT_BOTTOM - MARGIN) / 3)
		new_page(p);
	else
		p->y += 14;
	doc_add_outline(&p->doc, title);
	draw_text(&p->c, FONT_BOLD, SIZE_HEADING, color(COLOR_BRAND), MARGIN, p->y + 14,
	          ALIGN_LEFT, title);
	draw_line(&p->c, MARGIN, p->y + 21, MARGIN + CONTENT_W, p->y + 21, 0.8f,
	          color(COLOR_BRAND), false);
	p->y += 34;
}

void subheading(struct pdf *p, const char *text, float after)
{
	ensure(p, 20 + after);
	draw_text_fit(&p->c, FONT_BOLD, SIZE_SUB, color(COLOR_INK), MARGIN, p->y + 11,
	              ALIGN_LEFT, CONTENT_W, text);
	p->y += 19;
}

float text_block(struct pdf *p, enum font_style f, float size, float leading,
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

float text_height(struct pdf *p, enum font_style f, float size, float leading, float w,
                  const char *s)
{
	char **lines;
	size_t n = text_wrap(&p->c, f, size, s, w, &lines);
	text_lines_free(lines, n);
	return (float)n * leading;
}

void paragraph(struct pdf *p, const char *s)
{
	text_block(p, FONT_REGULAR, SIZE_BODY, LEADING_BODY, color(COLOR_INK), MARGIN, CONTENT_W, s, true);
	p->y += 5;
}

void note(struct pdf *p, const char *s)
{
	text_block(p, FONT_REGULAR, SIZE_NOTE, 10, color(COLOR_MUTED), MARGIN, CONTENT_W, s, true);
	p->y += 2;
}

void bullet(struct pdf *p, const char *s)
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

void table_begin(struct pdf *p, struct table *t, const char *title,
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

void table_row(struct pdf *p, struct table *t, const struct cell *cells)
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

void table_end(struct pdf *p, struct table *t)
{
	float total = 0;
	for (size_t i = 0; i < t->ncols; i++)
		total += t->cols[i].width;
	draw_line(&p->c, t->x, p->y, t->x + total, p->y, 0.4f, color(COLOR_HAIRLINE), false);
	p->y += 6;
}

void fit_columns(struct column *cols, size_t n, float total)
{
	float rest = 0;
	for (size_t i = 1; i < n; i++)
		rest += cols[i].width;
	cols[0].width = total - rest;
}

void suppressed_footnote(struct pdf *p)
{
	char k[16];
	snprintf(k, sizeof k, "%d", p->r->min_group_size);
	note(p, trf(p, "pdf.footnote_suppressed", k, NULL));
}

/* ---- blocks several sections share ------------------------------------------ */

void legend(struct pdf *p, float x, const char *const *names, const struct rgb *colors,
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

void flowing_hbars(struct pdf *p, const char *title, const struct hbar_chart *spec,
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

void quarter_trend(struct pdf *p, const char *title, size_t which, enum value_kind kind,
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

/* ---- footers ------------------------------------------------------------------ */

void footers(struct pdf *p)
{
	const struct report *r = p->r;
	char total[24];
	snprintf(total, sizeof total, "%zu", p->doc.page_count);
	struct buf left = { 0 };
	buf_printf(&left, "%s " MIDDOT " %d-Q%d", r->set.org_name, r->year, r->quarter);
	for (size_t i = 1; i < p->doc.page_count; i++) {
		p->c.page = p->doc.pages[i];
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
