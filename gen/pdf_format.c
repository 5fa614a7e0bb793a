/* pdf_format.c - the words and figures of assessment.pdf as printed: translations
 * with their blanks filled, numbers, percentages, money and dates in the report's
 * language, "—" for a suppressed figure, and the recurring source lines and notes.
 * Every string returned lives in the writer's arena until the writer ends. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "pdf_format.h"
#include "pdf_layout.h"
#include "util.h"

/* ---- strings --------------------------------------------------------------- */

const char *keep(struct pdf *p, char *s)
{
	GROW(p->arena, p->arena_cap, p->arena_count + 1);
	p->arena[p->arena_count++] = s;
	return s;
}

const char *trf(struct pdf *p, const char *key, ...)
{
	const char *args[9] = { 0 };
	int n = 0;
	va_list ap;
	va_start(ap, key);
	for (const char *a; n < 9 && (a = va_arg(ap, const char *)) != NULL;)
		args[n++] = a;
	va_end(ap);
	return keep(p, i18n_fill(tr(p->lang, key), args, n));
}

const char *T(const struct pdf *p, const char *key)
{
	return tr(p->lang, key);
}

const char *num(struct pdf *p, double v, int decimals)
{
	char out[64];
	format_number(out, sizeof out, p->lang, v, decimals);
	return keep(p, xstrdup(out));
}

const char *pct(struct pdf *p, double v, int decimals)
{
	char out[64];
	format_percent(out, sizeof out, p->lang, v, decimals);
	return keep(p, xstrdup(out));
}

const char *money(struct pdf *p, double v)
{
	char out[64];
	format_money(out, sizeof out, p->lang, p->r->set.currency, v, 0);
	return keep(p, xstrdup(out));
}

const char *money_exact(struct pdf *p, double v)
{
	char out[64];
	format_money(out, sizeof out, p->lang, p->r->set.currency, v,
	             fabs(v - round(v)) < 0.005 ? 0 : 2);
	return keep(p, xstrdup(out));
}

const char *integer(struct pdf *p, long v)
{
	return num(p, (double)v, 0);
}

const char *date_text(struct pdf *p, int32_t days)
{
	char out[64];
	format_date(out, sizeof out, p->lang, days);
	return keep(p, xstrdup(out));
}

const char *period_label(struct pdf *p, int year, int quarter)
{
	char out[32];
	snprintf(out, sizeof out, "%d-Q%d", year, quarter);
	return keep(p, xstrdup(out));
}

const char *fig_text(struct pdf *p, struct figure f, enum fig_kind kind)
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

const char *target_text(struct pdf *p, struct opt_number t, bool percent)
{
	if (percent)
		return pct(p, t.value, t.value * 100 == floor(t.value * 100) ? 0 : 1);
	return num(p, t.value, t.value == floor(t.value) ? 0 : 1);
}

const char *suppressed_note_text(struct pdf *p)
{
	char k[16];
	snprintf(k, sizeof k, "%d", p->r->min_group_size);
	return trf(p, "word.suppressed_note", k, NULL);
}

const char *survey_source(struct pdf *p)
{
	const struct report *r = p->r;
	return trf(p, "pdf.source_survey", period_label(p, r->year, r->quarter),
	           fig_text(p, r->org[ORG_RESPONDENTS], FK_NUMBER0), NULL);
}

const char *both_source(struct pdf *p)
{
	return trf(p, "pdf.source_both", period_label(p, p->r->year, p->r->quarter), NULL);
}

const char *timesheet_source(struct pdf *p)
{
	return trf(p, "pdf.source_timesheet", period_label(p, p->r->year, p->r->quarter), NULL);
}

const char *not_shown_text(struct pdf *p, size_t count, bool use_cases)
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
