/* pdf_summary.c - the cover and the executive summary of assessment.pdf: the KPI
 * tiles with their traffic lights, and the findings and recommended actions the
 * model decided (report_findings.c), phrased here in the report's language. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "i18n.h"
#include "pdf_format.h"
#include "pdf_layout.h"
#include "pdf_summary.h"
#include "report_findings.h"
#include "util.h"

/* ---- cover ------------------------------------------------------------------ */

/* The logo from the rules at the top right of the cover, at most 4 columns wide. */
static void draw_logo(struct pdf *p, FILE *err)
{
	const char *logo = p->r->set.logo;
	if (!logo || !logo[0])
		return;
	doc_draw_png(&p->doc, logo, MARGIN + CONTENT_W, MARGIN, span_w(4), 56, err);
}

void pdf_cover(struct pdf *p, FILE *err)
{
	const struct report *r = p->r;
	new_page(p);
	doc_add_outline(&p->doc, T(p, "sec.cover"));
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
	/* "… of Bakker B.V." ends the sentence: no second full stop after it */
	const char *line = trf(p, "pdf.confidential", r->set.org_name, NULL);
	size_t len = strlen(line);
	if (len >= 2 && line[len - 1] == '.' && line[len - 2] == '.')
		line = keep(p, xstrndup(line, len - 1));
	text_block(p, FONT_REGULAR, SIZE_NOTE, 10, muted, MARGIN, span_w(8), line, false);
	text_block(p, FONT_REGULAR, SIZE_NOTE, 10, muted, MARGIN, span_w(8),
	           trf(p, r->min_group_size < 5 ? "pdf.cover_note_small" : "pdf.cover_note", k, NULL),
	           false);
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

void pdf_summary(struct pdf *p)
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
