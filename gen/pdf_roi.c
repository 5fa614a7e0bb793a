/* pdf_roi.c - the time savings page of assessment.pdf (use cases, hours saved per
 * week) and the ROI page (costs and benefits, cumulative cost and benefit by month
 * with the payback month, ROI against the reference band, the trend). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "pdf_chart.h"
#include "pdf_format.h"
#include "pdf_layout.h"
#include "pdf_roi.h"
#include "report_findings.h"
#include "util.h"

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

/* Hours and value saved, the use cases, or why there is nothing to show. */
static void savings_intro(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
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
}

/* The use cases in order (use_cases_by_hours) with their figures and risk. */
static void savings_table(struct pdf *p, const size_t *order)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
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
}

/* The bar chart: use cases with AI entries and a published figure. */
static void savings_chart(struct pdf *p, const size_t *order)
{
	const struct report *r = p->r;
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
}

void pdf_savings(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	section(p, "sec.savings", false);
	savings_intro(p);

	size_t *order = use_cases_by_hours(r);
	savings_table(p, order);
	savings_chart(p, order);
	free(order);

	quarter_trend(p, T(p, "sav.trend"), 1, VALUE_NUMBER, ru->target_hours_saved_per_week.set,
	              ru->target_hours_saved_per_week.value,
	              ru->target_hours_saved_per_week.set
	                  ? trf(p, "legend.target", target_text(p, ru->target_hours_saved_per_week, false), NULL) : NULL);
}

/* ---- ROI ---------------------------------------------------------------------- */

struct roi_table_row {
	const char *label, *value;
	bool bold;
};
#define ROI_TABLE_ROWS 16

/* The rows of the cost and benefit table: label, amount, bold; returns how many. */
static size_t roi_rows(struct pdf *p, const char *start, struct roi_table_row rows[ROI_TABLE_ROWS])
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
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
	rows[n].label = trf(p, "roi.roi_cum", start, NULL);
	rows[n].bold = true;
	rows[n++].value = fig_text(p, r->org[ORG_ROI_CUMULATIVE], FK_PERCENT);
	rows[n].label = T(p, "roi.payback");
	rows[n].bold = false;
	rows[n++].value = ok(r->org[ORG_PAYBACK_MONTHS]) ? integer(p, lround(r->org[ORG_PAYBACK_MONTHS].value))
	                                                  : r->month_count ? T(p, "kpi.not_reached") : T(p, "word.na");
	return n;
}

/* Costs, benefits and the result of the quarter as a table. */
static void roi_table(struct pdf *p, const char *start)
{
	const struct report *r = p->r;
	struct column cols[] = {
		{ T(p, "col.item"), 0, ALIGN_LEFT },
		{ T(p, "col.amount"), span_w(3), ALIGN_RIGHT },
	};
	fit_columns(cols, 2, CONTENT_W);
	struct table t;
	table_begin(p, &t, trf(p, "roi.table", period_label(p, r->year, r->quarter), NULL), cols, 2, MARGIN);
	struct roi_table_row rows[ROI_TABLE_ROWS];
	size_t n = roi_rows(p, start, rows);
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
}

/* Cumulative cost and benefit by month, with the payback month and the
 * reference band of months 6 to 9. */
static void roi_cumulative(struct pdf *p, const char *start)
{
	const struct report *r = p->r;
	if (r->month_count == 0) {
		paragraph(p, T(p, "roi.no_months"));
	} else {
		size_t m = r->month_count < 9 ? 9 : r->month_count;
		double *ben = xcalloc(m, sizeof *ben), *cost = xcalloc(m, sizeof *cost);
		bool *has = xcalloc(m, sizeof *has), *has_cost = xcalloc(m, sizeof *has_cost);
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
			/* a point privacy hides is left out: the line has a gap there */
			if (i < r->month_count) {
				ben[i] = r->months[i].cumulative_benefit;
				cost[i] = r->months[i].cumulative_cost;
				has[i] = r->months[i].cumulative_benefit_status == FIG_OK;
				has_cost[i] = r->months[i].cumulative_cost_status == FIG_OK;
			}
		}
		struct line_chart lc;
		memset(&lc, 0, sizeof lc);
		lc.count = m;
		lc.category = cat;
		lc.series_count = 2;
		lc.series[0] = (struct line_series){ cost, has_cost, color(COLOR_COST), T(p, "legend.cost"), false };
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
		free(has_cost);
		free(cat);
	}
}

/* The quarter's and the cumulative ROI against the reference band. */
static void roi_band(struct pdf *p, const char *start)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
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
}

void pdf_roi(struct pdf *p)
{
	const struct report *r = p->r;
	const struct report_settings *ru = &r->set;
	section(p, "sec.roi", false);
	const char *start = r->month_count ? date_text(p, days_from_civil(r->months[0].year, r->months[0].month, 1)) : "";
	roi_table(p, start);
	roi_cumulative(p, start);
	roi_band(p, start);
	quarter_trend(p, T(p, "roi.trend"), 2, VALUE_PERCENT, ru->target_roi.set, ru->target_roi.value,
	              ru->target_roi.set ? trf(p, "legend.target", target_text(p, ru->target_roi, true), NULL) : NULL);
}
