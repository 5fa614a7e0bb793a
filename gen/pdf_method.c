/* pdf_method.c - the data quality and method page of assessment.pdf: rows read and
 * used per file, the rules in force, the definitions, privacy and the as-of date. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "i18n.h"
#include "pdf_format.h"
#include "pdf_layout.h"
#include "pdf_method.h"
#include "util.h"

/* ---- data quality and method ----------------------------------------------------- */

/* A figure as metrics.csv wrote it: the value, or what stands instead. */
static const char *figure_text(struct pdf *p, const char *value, const char *status)
{
	if (!status)
		return "\xe2\x80\x93";                     /* no such figure then */
	if (strcmp(status, "suppressed") == 0)
		return T(p, "word.suppressed");
	return strcmp(status, "ok") == 0 ? value : T(p, "word.na");
}

/* Rows read, used, rejected and superseded per input file, and the ID match. */
static void method_quality(struct pdf *p)
{
	const struct report *r = p->r;
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
}

/* What the organisation's history did to this report, and a re-issue's changed
 * figures (old -> new). */
static void method_history(struct pdf *p)
{
	const struct report *r = p->r;
	char *notes[3];
	size_t n = i18n_history_notes(p->lang, r, notes);
	if (!n && !r->change_count)
		return;
	subheading(p, T(p, "hist.title"), 40);
	for (size_t i = 0; i < n; i++) {
		note(p, notes[i]);
		free(notes[i]);
	}
	if (r->change_count) {
		enum { SHOWN = 24 };
		struct column cols[] = {
			{ T(p, "col.figure"), 0, ALIGN_LEFT },
			{ T(p, "col.before"), 90, ALIGN_RIGHT },
			{ T(p, "col.now"), 90, ALIGN_RIGHT },
		};
		fit_columns(cols, ARRAY_LEN(cols), CONTENT_W);
		struct table t;
		table_begin(p, &t, trf(p, "hist.reissue", integer(p, (long)r->change_count),
		                       integer(p, r->reissue_of), NULL),
		            cols, ARRAY_LEN(cols), MARGIN);
		for (size_t i = 0; i < r->change_count && i < SHOWN; i++) {
			const struct figure_change *x = &r->changes[i];
			struct buf name = { 0 };
			buf_printf(&name, "%s%s%s / %s", x->scope, *x->group ? " / " : "", x->group,
			           x->metric);
			struct cell c[3];
			memset(c, 0, sizeof c);
			c[0].text = keep(p, name.data);
			c[1].text = figure_text(p, x->old_value, x->old_status);
			c[2].text = figure_text(p, x->new_value, x->new_status);
			table_row(p, &t, c);
		}
		table_end(p, &t);
		if (r->change_count > SHOWN)
			note(p, trf(p, "hist.more", integer(p, (long)(r->change_count - SHOWN)), NULL));
	}
	p->y += 6;
}

/* The rules in force. */
static void method_rules(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	struct table t;
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
}

/* The definitions of every figure. */
static void method_definitions(struct pdf *p)
{
	static const char *const defs[] = {
		"def.headcount", "def.adoption", "def.logged", "def.baseline", "def.hours_saved",
		"def.value", "def.costs", "def.roi", "def.payback", "def.level", "def.maturity",
		"def.risk", "def.buddy", "def.retention", "def.migration",
	};
	subheading(p, T(p, "meth.defs"), 40);
	for (size_t i = 0; i < ARRAY_LEN(defs); i++)
		bullet(p, T(p, defs[i]));
	p->y += 6;
}

/* The minimum group size and what it hid. */
static void method_privacy(struct pdf *p)
{
	const struct report *r = p->r;
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
}

void pdf_method(struct pdf *p)
{
	const struct report *r = p->r;
	section(p, "sec.method", false);
	method_quality(p);
	method_history(p);
	method_rules(p);
	method_definitions(p);
	method_privacy(p);
	subheading(p, T(p, "meth.asof"), 40);
	paragraph(p, trf(p, "meth.asof_text", date_text(p, r->period_end), NULL));
}
