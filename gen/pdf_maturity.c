/* pdf_maturity.c - the maturity page of assessment.pdf: the radar of the five
 * dimensions, the career levels, the dimension x level matrix, the department heat
 * map and the level migration since the previous quarter. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pdf_chart.h"
#include "pdf_format.h"
#include "pdf_layout.h"
#include "pdf_maturity.h"
#include "util.h"

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

/* The radar (8 columns) beside the career levels (4 columns). */
static void maturity_radar(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
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
}

/* The dimension x level matrix of the seed article. */
static void maturity_matrix(struct pdf *p)
{
	const struct report *r = p->r;
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
}

/* Department x dimension heat map; the weakest dimension is the development need. */
static void maturity_heatmap(struct pdf *p)
{
	const struct report *r = p->r;
	struct table t;
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
}

void pdf_maturity(struct pdf *p)
{
	const struct report *r = p->r;
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

	maturity_radar(p);
	maturity_matrix(p);
	maturity_heatmap(p);
	ensure(p, 110);
	migration_matrix(p, MARGIN, span_w(7));
	p->y += 6;
}
