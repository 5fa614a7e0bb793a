/* pdf_adoption.c - the adoption page of assessment.pdf (survey adoption and logged
 * AI use per department, the trend over quarters) and the knowledge transfer and
 * retention page (buddies, mentors, retention, survey against timesheet). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pdf_adoption.h"
#include "pdf_chart.h"
#include "pdf_format.h"
#include "pdf_layout.h"
#include "util.h"

/* ---- adoption --------------------------------------------------------------- */

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

/* Who counts as active, the response, and the share of logged hours with AI. */
static void adoption_intro(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
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
}

/* Bars per department: survey adoption and logged AI share. */
static void adoption_chart(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
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
}

/* The figures per department. */
static void adoption_table(struct pdf *p)
{
	const struct report *r = p->r;
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

void pdf_adoption(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	section(p, "sec.adoption", false);
	adoption_intro(p);
	adoption_chart(p);
	if (!r->survey_suppressed)
		quarter_trend(p, T(p, "adopt.trend"), 0, VALUE_PERCENT, ru->target_adoption.set,
		              ru->target_adoption.value,
		              ru->target_adoption.set ? trf(p, "legend.target", target_text(p, ru->target_adoption, true), NULL) : NULL);
	adoption_table(p);
}

/* ---- knowledge transfer and retention ------------------------------------------ */

void pdf_knowledge(struct pdf *p)
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
