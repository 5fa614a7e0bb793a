/* pdf_bench.c - the benchmark page: one row per headline KPI with a strip of its
 * own scale, the peer group's middle half (first to third quartile) as a band, its
 * median as a rule and the organisation's own figure as a dot, then the figures
 * themselves and the number of clients. */
#include "pdf_bench.h"

#include <math.h>
#include <string.h>

#include "benchmark.h"
#include "i18n.h"
#include "pdf_format.h"

/* How each KPI is printed: 0 percent, 1 one decimal, 2 two decimals. */
static const int kpi_format[BK_COUNT] = { 0, 1, 2, 2, 2, 2, 2, 2, 0, 0, 1, 0 };

static const char *kpi_value(struct pdf *p, int k, double v)
{
	switch (kpi_format[k]) {
	case 0: return pct(p, v, 1);
	case 1: return num(p, v, 1);
	default: return num(p, v, 2);
	}
}

static const char *kpi_label(struct pdf *p, int k)
{
	if (k >= BK_MATURITY_TOOL_KNOWLEDGE && k <= BK_MATURITY_KNOWLEDGE_SHARING)
		return dimension_label(p->lang, (enum dimension)(k - BK_MATURITY_TOOL_KNOWLEDGE));
	char key[48];
	snprintf(key, sizeof key, "bench.kpi.%s", bench_kpi_names[k]);
	return T(p, key);
}

#define ROW 22.0f
#define DOT 3.6f

static struct rgb band_color(void)
{
	return rgb_mix(color(COLOR_BRAND_TINT), color(COLOR_WHITE), 0.45f);
}

/* The strip of one KPI at (x, y) of width w: its own scale over the band and the
 * own figure, padded so neither touches the ends. */
static void strip(struct pdf *p, float x, float y, float w, const struct bench_stat *s,
                  const struct figure *own)
{
	/* the middle half takes about half the strip, unless the own figure lies
	 * further out */
	double spread = s->q3 - s->q1;
	if (spread <= 0)
		spread = fmax(fabs(s->median) * 0.1, 0.05);
	double lo = s->q1 - spread / 2, hi = s->q3 + spread / 2;
	if (own->status == FIG_OK) {
		lo = fmin(lo, own->value);
		hi = fmax(hi, own->value);
	}
	double pad = (hi - lo) * 0.06;
	lo -= pad;
	hi += pad;
	float mid = y + ROW / 2;
	draw_line(&p->c, x, mid, x + w, mid, 0.6f, color(COLOR_HAIRLINE), false);
#define AT(v) (x + (float)(((v) - lo) / (hi - lo)) * w)
	float b0 = AT(s->q1), b1 = AT(s->q3);
	if (b1 - b0 < 1.5f) {
		b0 -= 0.75f;
		b1 += 0.75f;
	}
	fill_rect(&p->c, b0, mid - 5, b1 - b0, 10, band_color());
	float m = AT(s->median);
	draw_line(&p->c, m, mid - 7, m, mid + 7, 1.6f, color(COLOR_ACCENT), false);
	if (own->status == FIG_OK) {
		float o = AT(own->value);
		fill_circle(&p->c, o, mid, DOT + 0.9f, color(COLOR_WHITE));
		fill_circle(&p->c, o, mid, DOT, color(COLOR_BRAND));
	}
#undef AT
}

static void strip_legend(struct pdf *p, const char *own_name)
{
	float x = MARGIN, y = p->y;
	fill_rect(&p->c, x, y + 1, 14, 7, band_color());
	x += 18;
	const char *band = T(p, "bench.legend.band");
	draw_text(&p->c, FONT_REGULAR, SIZE_NOTE, color(COLOR_MUTED), x, y + 7, ALIGN_LEFT, band);
	x += text_width(&p->c, FONT_REGULAR, SIZE_NOTE, band) + 16;
	draw_line(&p->c, x + 3, y - 1, x + 3, y + 9, 1.6f, color(COLOR_ACCENT), false);
	x += 10;
	const char *median = T(p, "bench.legend.median");
	draw_text(&p->c, FONT_REGULAR, SIZE_NOTE, color(COLOR_MUTED), x, y + 7, ALIGN_LEFT, median);
	x += text_width(&p->c, FONT_REGULAR, SIZE_NOTE, median) + 16;
	fill_circle(&p->c, x + 3, y + 4, DOT, color(COLOR_BRAND));
	x += 10;
	draw_text_fit(&p->c, FONT_REGULAR, SIZE_NOTE, color(COLOR_MUTED), x, y + 7, ALIGN_LEFT,
	              MARGIN + CONTENT_W - x, own_name);
	p->y += 16;
}

void pdf_benchmark(struct pdf *p)
{
	const struct report *r = p->r;
	const struct benchmark *b = r->benchmark;
	if (!b)
		return;
	struct bench_values own;
	bench_values_of(r, &own);
	section(p, "sec.benchmark", true);
	const char *period = period_label(p, r->year, r->quarter);
	paragraph(p, trf(p, "bench.intro", integer(p, b->clients), period,
	                 integer(p, b->min_clients), NULL));

	subheading(p, trf(p, "bench.chart_title", period, NULL), 16 + 24 + ROW * 3);
	strip_legend(p, r->set.org_name);

	/* columns: KPI | strip | own | median | middle half | n */
	float w_label = span_w(3) + 12, w_own = 60, w_median = 52, w_band = 92, w_n = 24;
	float w_strip = CONTENT_W - w_label - w_own - w_median - w_band - w_n - 4 * 6;
	float x_strip = MARGIN + w_label + 6;
	float x_own = x_strip + w_strip + 6 + w_own;         /* right edges from here */
	float x_median = x_own + 6 + w_median;
	float x_band = x_median + 6 + w_band;
	float x_n = MARGIN + CONTENT_W;
	struct rgb muted = color(COLOR_MUTED), ink = color(COLOR_INK);

	float y = p->y;
	draw_text_fit(&p->c, FONT_BOLD, SIZE_TABLE, muted, MARGIN, y + 10, ALIGN_LEFT, w_label,
	              T(p, "bench.col.kpi"));
	draw_text_fit(&p->c, FONT_BOLD, SIZE_TABLE, muted, x_own, y + 10, ALIGN_RIGHT, w_own,
	              T(p, "bench.col.own"));
	draw_text_fit(&p->c, FONT_BOLD, SIZE_TABLE, muted, x_median, y + 10, ALIGN_RIGHT, w_median,
	              T(p, "bench.col.median"));
	draw_text_fit(&p->c, FONT_BOLD, SIZE_TABLE, muted, x_band, y + 10, ALIGN_RIGHT, w_band,
	              T(p, "bench.col.band"));
	draw_text_fit(&p->c, FONT_BOLD, SIZE_TABLE, muted, x_n, y + 10, ALIGN_RIGHT, w_n, "n");
	draw_line(&p->c, MARGIN, y + 15, MARGIN + CONTENT_W, y + 15, 0.6f, color(COLOR_HAIRLINE), false);
	p->y += 17;

	bool any_missing = false;
	for (int k = 0; k < BK_COUNT; k++) {
		const struct bench_stat *s = &b->stat[k];
		const struct figure *o = &own.kpi[k];
		ensure(p, ROW);
		y = p->y;
		if (k % 2 == 1)
			fill_rect(&p->c, MARGIN, y, CONTENT_W, ROW, color(COLOR_ZEBRA));
		float base = y + ROW / 2 + 3;
		bool sub = k >= BK_MATURITY_TOOL_KNOWLEDGE && k <= BK_MATURITY_KNOWLEDGE_SHARING;
		float indent = 4 + (sub ? 10 : 0);
		char **lines;
		size_t nlines = text_wrap(&p->c, FONT_REGULAR, SIZE_TABLE, kpi_label(p, k),
		                          w_label - indent - 2, &lines);
		size_t shown = nlines > 2 ? 2 : nlines;
		for (size_t l = 0; l < shown; l++)
			draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, ink, MARGIN + indent,
			              base + ((float)l - (float)(shown - 1) / 2) * 9.5f, ALIGN_LEFT,
			              w_label - indent - 2, lines[l]);
		text_lines_free(lines, nlines);
		const char *own_text = o->status == FIG_OK ? kpi_value(p, k, o->value)
		                       : o->status == FIG_SUPPRESSED ? DASH : T(p, "word.na");
		draw_text_fit(&p->c, FONT_BOLD, SIZE_TABLE, color(COLOR_BRAND), x_own, base,
		              ALIGN_RIGHT, w_own, own_text);
		draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, muted, x_n, base, ALIGN_RIGHT, w_n,
		              integer(p, s->n));
		if (s->published) {
			strip(p, x_strip, y, w_strip, s, o);
			draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, ink, x_median, base, ALIGN_RIGHT,
			              w_median, kpi_value(p, k, s->median));
			draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, ink, x_band, base, ALIGN_RIGHT, w_band,
			              trf(p, "bench.range", kpi_value(p, k, s->q1),
			                  kpi_value(p, k, s->q3), NULL));
		} else {
			any_missing = true;
			draw_text_fit(&p->c, FONT_REGULAR, SIZE_NOTE, muted, x_strip, base, ALIGN_LEFT,
			              w_strip, trf(p, "bench.too_few", integer(p, b->min_clients), NULL));
			draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, muted, x_median, base, ALIGN_RIGHT,
			              w_median, DASH);
			draw_text_fit(&p->c, FONT_REGULAR, SIZE_TABLE, muted, x_band, base, ALIGN_RIGHT,
			              w_band, DASH);
		}
		p->y += ROW;
	}
	draw_line(&p->c, MARGIN, p->y, MARGIN + CONTENT_W, p->y, 0.6f, color(COLOR_HAIRLINE), false);
	p->y += 6;
	if (b->previous)
		note(p, trf(p, "bench.source_previous", integer(p, b->clients), period,
		            integer(p, b->previous), period_label(p, (r->year * 4 + r->quarter - 2) / 4,
		                                                   (r->year * 4 + r->quarter - 2) % 4 + 1),
		            NULL));
	else
		note(p, trf(p, "bench.source", integer(p, b->clients), period, NULL));
	bool own_suppressed = false;
	for (int k = 0; k < BK_COUNT; k++)
		own_suppressed = own_suppressed || own.kpi[k].status == FIG_SUPPRESSED;
	if (own_suppressed)
		suppressed_footnote(p);
	p->y += 6;
	paragraph(p, T(p, "bench.reading"));
	paragraph(p, trf(p, "bench.privacy", integer(p, b->min_clients), NULL));
	if (any_missing)
		paragraph(p, trf(p, "bench.missing", integer(p, b->min_clients), NULL));
}
