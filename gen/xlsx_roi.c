/* xlsx_roi.c - the ROI sheet of roi.xlsx (SPEC §8), the live model finance works
 * with (see xlsx_roi.h).
 *
 * Each formula is written with its cached result, because LibreOffice does not
 * recalculate on load and would show 0.  The cached results are the model's
 * (r->roi, report_roi.c), computed with the same arithmetic and the same tie rule
 * (tie.h) as the formulas, so a recalculation changes nothing (the tests check that
 * they equal metrics.csv).
 *
 * Privacy: use cases whose figures are suppressed appear only as one summed row, so
 * no suppressed use case can be read here. */
#include "xlsx_roi.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tie.h"
#include "util.h"
#include "xlsx_book.h"

/* "Default", "Role: Consultant", "Department: Service". */
void xlsx_rate_class_label(char *out, size_t outsz, enum lang lang,
                           const struct rate_class *rc)
{
	switch (rc->kind) {
	case RATE_DEFAULT:
		snprintf(out, outsz, "%s", tr(lang, "xlsx.class.default"));
		break;
	case RATE_ROLE:
		snprintf(out, outsz, "%s: %s", tr(lang, "xlsx.class.role"), rc->name);
		break;
	case RATE_DEPARTMENT:
		snprintf(out, outsz, "%s: %s", tr(lang, "xlsx.class.department"), rc->name);
		break;
	}
}

/* Rows and columns of the ROI sheet, decided before anything is written because the
 * results refer to the tables below them. */
struct roi_layout {
	size_t classes;                          /* C */
	int rate_row;                            /* first rate input; class c at +c */
	int realisation_row, training_row, licence_row, fixed_row;
	int trainees_row, active_row;
	int results_row;                         /* hours; value, costs, roi... follow */
	/* the rate-class table: one row per class, a total, the rate index */
	int uc_header_row, uc_first_row, uc_rows, uc_total_row, index_row;
	int month_header_row, month_first_row;
	int sens_row;
	/* columns of the class table: A class, then: */
	int uc_hours_col, uc_rate_col, uc_gross_col, uc_value_col, uc_rules_rate_col;
	/* columns of the monthly table: A month, then: */
	int m_hours_col, m_trainings_col, m_active_col, m_gross_rules_col, m_gross_col,
	    m_benefit_col, m_cost_col, m_cum_gross_col, m_cum_benefit_col, m_cum_cost_col,
	    m_reached_col;
};

/* The results, in the order of their rows. */
enum result_row {
	RES_HOURS, RES_VALUE, RES_TRAINING, RES_LICENCES, RES_FIXED, RES_TOTAL, RES_ROI,
	RES_ROI_CUMULATIVE, RES_PAYBACK, RES_COUNT
};

/* The label, explanation and defined name of each result. */
static const struct {
	const char *label, *note, *name;
	enum kind kind;
} result_rows[RES_COUNT] = {
	[RES_HOURS] = { "xlsx.res.hours", "xlsx.res.hours.note", "hours_saved", K_DECIMAL },
	[RES_VALUE] = { "xlsx.res.value", "xlsx.res.value.note", "value_saved", K_MONEY },
	[RES_TRAINING] = { "xlsx.res.training", "xlsx.res.training.note", "cost_training",
	                   K_MONEY },
	[RES_LICENCES] = { "xlsx.res.licences", "xlsx.res.licences.note", "cost_licenses",
	                   K_MONEY },
	[RES_FIXED] = { "xlsx.res.fixed", "xlsx.res.fixed.note", "cost_fixed", K_MONEY },
	[RES_TOTAL] = { "xlsx.res.total", "xlsx.res.total.note", "cost_total", K_MONEY },
	[RES_ROI] = { "xlsx.res.roi", "xlsx.res.roi.note", "roi", K_PERCENT },
	[RES_ROI_CUMULATIVE] = { "xlsx.res.roi_cumulative", "xlsx.res.roi_cumulative.note",
	                         "roi_cumulative", K_PERCENT },
	[RES_PAYBACK] = { "xlsx.res.payback", "xlsx.res.payback.note", "payback_months",
	                  K_COUNT },
};

/* The organisation figure each result shows. */
static const enum org_metric result_metric[RES_COUNT] = {
	[RES_HOURS] = ORG_HOURS_SAVED, [RES_VALUE] = ORG_VALUE_SAVED,
	[RES_TRAINING] = ORG_COST_TRAINING, [RES_LICENCES] = ORG_COST_LICENSES,
	[RES_FIXED] = ORG_COST_FIXED, [RES_TOTAL] = ORG_COST_TOTAL, [RES_ROI] = ORG_ROI,
	[RES_ROI_CUMULATIVE] = ORG_ROI_CUMULATIVE, [RES_PAYBACK] = ORG_PAYBACK_MONTHS,
};

bool xlsx_use_case_published(const struct use_case *u)
{
	return u->fig[UC_HOURS_SAVED].status == FIG_OK;
}

static void roi_layout(const struct report *r, struct roi_layout *l)
{
	int C = (int)r->rate_class_count;
	l->classes = r->rate_class_count;
	l->rate_row = 5;
	l->realisation_row = l->rate_row + C;
	l->training_row = l->realisation_row + 1;
	l->licence_row = l->training_row + 1;
	l->fixed_row = l->licence_row + 1;
	l->trainees_row = l->fixed_row + 3;              /* blank, heading */
	l->active_row = l->trainees_row + 1;
	l->results_row = l->active_row + 4;              /* blank, heading, header */

	l->uc_header_row = l->results_row + RES_COUNT + 2;   /* blank, heading */
	l->uc_first_row = l->uc_header_row + 1;
	l->uc_rows = C;
	l->uc_total_row = l->uc_first_row + l->uc_rows;
	l->index_row = l->uc_total_row + 1;
	l->uc_hours_col = 1;
	l->uc_rate_col = 2;
	l->uc_gross_col = 3;
	l->uc_value_col = 4;
	l->uc_rules_rate_col = 5;

	l->month_header_row = l->index_row + 4;          /* note, blank, heading */
	l->month_first_row = l->month_header_row + 1;
	l->m_hours_col = 1;
	l->m_trainings_col = 2;
	l->m_active_col = 3;
	l->m_gross_rules_col = 4;
	l->m_gross_col = 5;
	l->m_benefit_col = 6;
	l->m_cost_col = 7;
	l->m_cum_gross_col = 8;
	l->m_cum_benefit_col = 9;
	l->m_cum_cost_col = 10;
	l->m_reached_col = 11;
	int month_rows = r->month_count ? (int)r->month_count : 1;   /* or a note */
	l->sens_row = l->month_first_row + month_rows + 1;
}

static void roi_inputs(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	const struct report *r = x->r;
	const struct report_settings *ru = &r->set;
	enum lang lang = x->lang;

	xlsx_put_note(x, s, l->rate_row - 2, 0, tr(lang, "xlsx.roi.inputs"), x->f.heading);
	const char *hdr[3] = { tr(lang, "xlsx.col.input"), tr(lang, "xlsx.col.value"),
	                       tr(lang, "xlsx.col.explanation") };
	for (int c = 0; c < 3; c++)
		xlsx_put_text_fmt(x, s, l->rate_row - 1, c, hdr[c],
		                  c == 1 ? x->f.header_num : x->f.header, c < 2);

	for (size_t c = 0; c < l->classes; c++) {
		const struct rate_class *rc = &r->rate_classes[c];
		char cls[256], label[320];
		xlsx_rate_class_label(cls, sizeof(cls), lang, rc);
		snprintf(label, sizeof(label), "%s \xE2\x80\x93 %s", tr(lang, "xlsx.in.rate"), cls);
		int row = l->rate_row + (int)c;
		xlsx_put_text(x, s, row, 0, label);
		xlsx_put_number(x, s, row, 1, rc->rate, x->f.input[K_MONEY], K_MONEY);
		xlsx_validate(x, s, row, 1, false, 0, 0, "xlsx.validation.nonnegative");
		xlsx_put_note(x, s, row, 2, tr(lang, c == 0 ? "xlsx.in.rate_default.note"
		                                        : "xlsx.in.rate.note"), NULL);
	}
	xlsx_define_name(x, "rate_default", s->name, l->rate_row, 1);

	struct {
		int row;
		const char *label, *note, *name;
		double value;
		enum kind kind;
	} in[] = {
		{ l->realisation_row, "xlsx.in.realisation", "xlsx.in.realisation.note",
		  "realisation", ru->realisation, K_PERCENT },
		{ l->training_row, "xlsx.in.training", "xlsx.in.training.note",
		  "training_per_participant", ru->training_per_participant, K_MONEY },
		{ l->licence_row, "xlsx.in.licence", "xlsx.in.licence.note",
		  "license_per_user_month", ru->license_per_active_user_month, K_MONEY },
		{ l->fixed_row, "xlsx.in.fixed", "xlsx.in.fixed.note",
		  "fixed_per_quarter", ru->program_fixed_per_quarter, K_MONEY },
	};
	for (size_t i = 0; i < ARRAY_LEN(in); i++) {
		xlsx_put_text(x, s, in[i].row, 0, tr(lang, in[i].label));
		xlsx_put_number(x, s, in[i].row, 1, in[i].value, x->f.input[in[i].kind], in[i].kind);
		if (in[i].kind == K_PERCENT)
			xlsx_validate(x, s, in[i].row, 1, true, 0, 1, "xlsx.validation.percent");
		else
			xlsx_validate(x, s, in[i].row, 1, false, 0, 0, "xlsx.validation.nonnegative");
		xlsx_put_note(x, s, in[i].row, 2, tr(lang, in[i].note), NULL);
		xlsx_define_name(x, in[i].name, s->name, in[i].row, 1);
	}

	/* The counts behind the costs: data from the inputs, not assumptions, so they
	 * are not styled as inputs (the licence count is known from the invoices, §11.30). */
	xlsx_put_note(x, s, l->trainees_row - 1, 0, tr(lang, "xlsx.roi.quarter_data"), x->f.heading);
	xlsx_put_text(x, s, l->trainees_row, 0, tr(lang, "xlsx.in.trainees"));
	bool cm = r->roi.counts_masked;
	lxw_format *count_fmt = cm ? x->f.masked : x->f.num[K_COUNT];
	xlsx_put_number(x, s, l->trainees_row, 1, cm ? 0 : r->trainees_in_period, count_fmt,
	                K_COUNT);
	xlsx_put_note(x, s, l->trainees_row, 2, tr(lang, "xlsx.in.trainees.note"), NULL);
	xlsx_define_name(x, "trainees", s->name, l->trainees_row, 1);
	xlsx_put_text(x, s, l->active_row, 0, tr(lang, "xlsx.in.active"));
	xlsx_put_number(x, s, l->active_row, 1, cm ? 0 : r->active_in_period, count_fmt, K_COUNT);
	xlsx_put_note(x, s, l->active_row, 2, tr(lang, "xlsx.in.active.note"), NULL);
	xlsx_define_name(x, "active_users", s->name, l->active_row, 1);
}

/* "=SUM(B9:B12)" over rows first..last of col, or "=0" when there are none. */
static void sum_formula(char *out, size_t outsz, int first, int last, int col)
{
	if (last < first) {
		snprintf(out, outsz, "=0");
		return;
	}
	char a[32], b[32];
	xlsx_cell_rel(a, sizeof(a), first, col);
	xlsx_cell_rel(b, sizeof(b), last, col);
	snprintf(out, outsz, "=SUM(%s:%s)", a, b);
}

/* The heading and the header row of the rate-class table. */
static void roi_class_header(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	enum lang lang = x->lang;
	xlsx_put_note(x, s, l->uc_header_row - 1, 0, tr(lang, "xlsx.roi.hours"), x->f.heading);
	const struct {
		int col;
		const char *key;
	} hdr[] = {
		{ 0, "xlsx.col.rate_class" },
		{ l->uc_hours_col, "xlsx.col.hours_saved" },
		{ l->uc_rate_col, "xlsx.row.rate" },
		{ l->uc_gross_col, "xlsx.col.gross_value" },
		{ l->uc_value_col, "xlsx.col.value_saved" },
		{ l->uc_rules_rate_col, "xlsx.col.rate_rules" },
	};
	for (size_t i = 0; i < ARRAY_LEN(hdr); i++)
		xlsx_put_text_fmt(x, s, l->uc_header_row, hdr[i].col, tr(lang, hdr[i].key),
		                  hdr[i].col ? x->f.header_num : x->f.header, true);
}

/* The rate index: the rates above against the rules file's, weighted by P's
 * hours per class.  The monthly series follows a change of rates through it. */
static void roi_rate_index(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	char h[64], rt[64], rr[64], a[32], b[32], f[512];
	xlsx_cell_abs(a, sizeof(a), l->uc_first_row, l->uc_hours_col);
	xlsx_cell_abs(b, sizeof(b), l->uc_total_row - 1, l->uc_hours_col);
	snprintf(h, sizeof(h), "%s:%s", a, b);
	xlsx_cell_abs(a, sizeof(a), l->uc_first_row, l->uc_rate_col);
	xlsx_cell_abs(b, sizeof(b), l->uc_total_row - 1, l->uc_rate_col);
	snprintf(rt, sizeof(rt), "%s:%s", a, b);
	xlsx_cell_abs(a, sizeof(a), l->uc_first_row, l->uc_rules_rate_col);
	xlsx_cell_abs(b, sizeof(b), l->uc_total_row - 1, l->uc_rules_rate_col);
	snprintf(rr, sizeof(rr), "%s:%s", a, b);
	snprintf(f, sizeof(f), "=IF(SUMPRODUCT(%s,%s)=0,1,SUMPRODUCT(%s,%s)/SUMPRODUCT(%s,%s))",
	         h, rr, h, rt, h, rr);
	xlsx_put_text(x, s, l->index_row, 0, tr(x->lang, "xlsx.row.rate_index"));
	xlsx_put_formula(x, s, l->index_row, l->uc_gross_col, f, x->f.num[K_DECIMAL], 1, K_DECIMAL);
	xlsx_define_name(x, "rate_index", s->name, l->index_row, l->uc_gross_col);
}

/* The hours saved per rate class with their value at its rate, and the totals. */
static void roi_classes(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	char a[32], b[32], f[512];
	roi_class_header(x, s, l);
	const struct roi_sheet *rs = &r->roi;
	bool any_merged = false;
	for (size_t c = 0; c < l->classes; c++) {
		const struct roi_row *cr = &rs->rows[c];
		int row = l->uc_first_row + (int)c;
		char cls[256];
		xlsx_rate_class_label(cls, sizeof(cls), lang, &r->rate_classes[c]);
		xlsx_put_text(x, s, row, 0, cls);
		any_merged = any_merged || r->rate_classes[c].merged;
		bool hm = rs->hours_masked;
		xlsx_put_number(x, s, row, l->uc_hours_col, cr->hours,
		                hm ? x->f.masked : x->f.input[K_DECIMAL], K_DECIMAL);
		xlsx_cell_abs(a, sizeof(a), l->rate_row + (int)c, 1);
		snprintf(f, sizeof(f), "=%s", a);
		xlsx_put_formula(x, s, row, l->uc_rate_col, f, x->f.num[K_MONEY],
		                 r->rate_classes[c].rate, K_MONEY);
		xlsx_cell_rel(a, sizeof(a), row, l->uc_hours_col);
		xlsx_cell_rel(b, sizeof(b), row, l->uc_rate_col);
		snprintf(f, sizeof(f), "=%s*%s", a, b);
		xlsx_put_formula(x, s, row, l->uc_gross_col, f, hm ? x->f.masked : x->f.num[K_MONEY],
		                 cr->gross, K_MONEY);
		xlsx_cell_rel(a, sizeof(a), row, l->uc_gross_col);
		snprintf(f, sizeof(f), "=realisation*%s", a);
		xlsx_put_formula(x, s, row, l->uc_value_col, f, hm ? x->f.masked : x->f.num[K_MONEY],
		                 cr->value, K_MONEY);
		xlsx_put_number(x, s, row, l->uc_rules_rate_col, r->rate_classes[c].rate,
		                x->f.num[K_MONEY], K_MONEY);
	}
	/* Totals: SUM over the rows above. */
	xlsx_put_text_fmt(x, s, l->uc_total_row, 0, tr(lang, "xlsx.row.total"), x->f.label_bold,
	                  true);
	const struct {
		int col;
		double sum;
		enum kind kind;
	} tot[] = {
		{ l->uc_hours_col, rs->hours_total, K_DECIMAL },
		{ l->uc_gross_col, rs->gross_total, K_MONEY },
		{ l->uc_value_col, rs->value_total, K_MONEY },
	};
	for (size_t i = 0; i < ARRAY_LEN(tot); i++) {
		sum_formula(f, sizeof(f), l->uc_first_row, l->uc_total_row - 1, tot[i].col);
		xlsx_put_formula(x, s, l->uc_total_row, tot[i].col, f, x->f.total[tot[i].kind],
		                 tot[i].sum, tot[i].kind);
	}
	roi_rate_index(x, s, l);
	if (any_merged) {
		char note[512];
		xlsx_with_k(note, sizeof(note), tr(lang, "xlsx.roi.merged"), r->min_group_size);
		xlsx_put_note(x, s, l->index_row + 1, 0, note, NULL);
	}
}

/* The heading and the header row of the monthly series. */
static void roi_month_header(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	enum lang lang = x->lang;
	xlsx_put_note(x, s, l->month_header_row - 1, 0, tr(lang, "xlsx.roi.months"), x->f.heading);
	const struct {
		int col;
		const char *key;
	} hdr[] = {
		{ 0, "xlsx.col.month" },
		{ l->m_hours_col, "xlsx.col.hours_saved" },
		{ l->m_trainings_col, "xlsx.col.trainings" },
		{ l->m_active_col, "xlsx.col.active" },
		{ l->m_gross_rules_col, "xlsx.col.gross_rules" },
		{ l->m_gross_col, "xlsx.col.gross_value" },
		{ l->m_benefit_col, "xlsx.col.benefit" },
		{ l->m_cost_col, "xlsx.col.cost" },
		{ l->m_cum_gross_col, "xlsx.col.cum_gross" },
		{ l->m_cum_benefit_col, "xlsx.col.cum_benefit" },
		{ l->m_cum_cost_col, "xlsx.col.cum_cost" },
		{ l->m_reached_col, "xlsx.col.break_even" },
	};
	for (size_t i = 0; i < ARRAY_LEN(hdr); i++)
		xlsx_put_text_fmt(x, s, l->month_header_row, hdr[i].col, tr(lang, hdr[i].key),
		                  hdr[i].col ? x->f.header_num : x->f.header, true);
}

/* One month's running sums and "reached". */
static void roi_month_running(struct xlsx *x, struct sheet *s, const struct roi_layout *l,
                              size_t m, int row, const struct roi_month *rm, bool costs_masked)
{
	char a[32], b[32], c2[32], f[512];
	const int run_cols[3][2] = {
		{ l->m_cum_gross_col, l->m_gross_col },
		{ l->m_cum_benefit_col, l->m_benefit_col },
		{ l->m_cum_cost_col, l->m_cost_col },
	};
	const double run[3] = { rm->cum_gross, rm->cum_benefit, rm->cum_cost };
	for (int k = 0; k < 3; k++) {
		xlsx_cell_rel(a, sizeof(a), row, run_cols[k][1]);
		if (m == 0) {
			snprintf(f, sizeof(f), "=%s", a);
		} else {
			xlsx_cell_rel(b, sizeof(b), row - 1, run_cols[k][0]);
			snprintf(f, sizeof(f), "=%s+%s", b, a);
		}
		bool hide = k < 2 ? rm->cum_masked : costs_masked;
		lxw_format *fmt = hide ? x->f.masked : x->f.num[K_MONEY];
		xlsx_put_formula(x, s, row, run_cols[k][0], f, fmt, run[k], K_MONEY);
	}
	/* Reached with the model's tie rule (tie.h), so that a recalculated sheet and
	 * metrics.csv name the same payback month when the benefit exactly meets the
	 * cost. */
	if (rm->cum_masked) {
		/* break-even is only seen at a month whose cumulative may be shown */
		xlsx_put_text_fmt(x, s, row, l->m_reached_col, x->suppressed, x->f.missing, true);
		return;
	}
	xlsx_cell_rel(a, sizeof(a), row, l->m_cum_benefit_col);
	xlsx_cell_rel(c2, sizeof(c2), row, l->m_cum_cost_col);
	snprintf(f, sizeof(f), "=IF(%s>=%s-%s*MAX(1,ABS(%s)),1,0)", a, c2, TIE_MARGIN_TEXT, c2);
	xlsx_put_formula(x, s, row, l->m_reached_col, f, x->f.num[K_COUNT], rm->reached ? 1 : 0,
	                 K_COUNT);
}

/* The monthly series: hours and value at the rules file's rates (a month privacy
 * hides prints n<k and counts in the next month shown), benefit and cost per
 * month and their cumulative sums. */
static void roi_months(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	char a[32], b[32], f[512];
	roi_month_header(x, s, l);
	bool any_masked = false;
	for (size_t m = 0; m < r->month_count; m++) {
		const struct month *mo = &r->months[m];
		const struct roi_month *rm = &r->roi.months[m];
		int row = l->month_first_row + (int)m;
		char label[16];
		snprintf(label, sizeof(label), "%04d-%02d", mo->year, mo->month);
		xlsx_put_text(x, s, row, 0, label);
		any_masked = any_masked || rm->masked;
		lxw_format *own = rm->masked ? x->f.masked : NULL;
		xlsx_put_number(x, s, row, l->m_hours_col, rm->hours, own ? own : x->f.num[K_DECIMAL],
		                K_DECIMAL);
		bool cm = rm->cost_masked;
		lxw_format *count_fmt = cm ? x->f.masked : x->f.num[K_COUNT];
		xlsx_put_number(x, s, row, l->m_trainings_col, cm ? 0 : mo->trainings, count_fmt, K_COUNT);
		xlsx_put_number(x, s, row, l->m_active_col, cm ? 0 : mo->active, count_fmt, K_COUNT);
		xlsx_put_number(x, s, row, l->m_gross_rules_col, rm->gross,
		                own ? own : x->f.num[K_MONEY], K_MONEY);
		xlsx_cell_rel(a, sizeof(a), row, l->m_gross_rules_col);
		snprintf(f, sizeof(f), "=%s*rate_index", a);
		xlsx_put_formula(x, s, row, l->m_gross_col, f, own ? own : x->f.num[K_MONEY], rm->gross,
		                 K_MONEY);
		xlsx_cell_rel(a, sizeof(a), row, l->m_gross_col);
		snprintf(f, sizeof(f), "=realisation*%s", a);
		xlsx_put_formula(x, s, row, l->m_benefit_col, f, own ? own : x->f.num[K_MONEY],
		                 rm->benefit, K_MONEY);
		xlsx_cell_rel(a, sizeof(a), row, l->m_trainings_col);
		xlsx_cell_rel(b, sizeof(b), row, l->m_active_col);
		snprintf(f, sizeof(f),
		         "=%s*training_per_participant+%s*license_per_user_month+fixed_per_quarter/3",
		         a, b);
		xlsx_put_formula(x, s, row, l->m_cost_col, f, cm ? x->f.masked : x->f.num[K_MONEY],
		                 rm->cost, K_MONEY);
		roi_month_running(x, s, l, m, row, rm, mo->cumulative_cost_status != FIG_OK);
	}
	if (r->month_count == 0)
		xlsx_put_note(x, s, l->month_first_row, 0, tr(lang, "xlsx.none.months"), NULL);
	if (any_masked) {
		char note[512];
		xlsx_with_k(note, sizeof(note), tr(lang, "xlsx.roi.masked"), r->min_group_size);
		xlsx_put_note(x, s, l->month_first_row + (int)r->month_count, 0, note, NULL);
	}
}

/* The quarter's results.  The cached values come from x (value and costs) and the
 * monthly series (cumulative ROI, payback). */
static void roi_results(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	char a[32], b[32], f[512], na_lit[64];
	struct buf lit = {0};
	xlsx_formula_string(&lit, x->na);
	snprintf(na_lit, sizeof(na_lit), "%s", lit.data);
	buf_free(&lit);

	xlsx_put_note(x, s, l->results_row - 2, 0, tr(lang, "xlsx.roi.results"), x->f.heading);
	const char *hdr[3] = { tr(lang, "xlsx.col.figure"), tr(lang, "xlsx.col.value"),
	                       tr(lang, "xlsx.col.explanation") };
	for (int c = 0; c < 3; c++)
		xlsx_put_text_fmt(x, s, l->results_row - 1, c, hdr[c],
		                  c == 1 ? x->f.header_num : x->f.header, c < 2);

	const struct roi_sheet *rs = &r->roi;
	int row = l->results_row;
	char last_cb[32] = "", last_cc[32] = "", months[96] = "";
	if (r->month_count > 0) {
		int last = l->month_first_row + (int)r->month_count - 1;
		xlsx_cell_abs(last_cb, sizeof(last_cb), last, l->m_cum_benefit_col);
		xlsx_cell_abs(last_cc, sizeof(last_cc), last, l->m_cum_cost_col);
		xlsx_cell_abs(a, sizeof(a), l->month_first_row, l->m_reached_col);
		xlsx_cell_abs(b, sizeof(b), last, l->m_reached_col);
		snprintf(months, sizeof(months), "%s:%s", a, b);
	}
	for (int i = 0; i < RES_COUNT; i++) {
		int rr = row + i;
		xlsx_put_text_fmt(x, s, rr, 0, tr(lang, result_rows[i].label), x->f.label_bold, true);
		lxw_format *fmt = x->f.strong[result_rows[i].kind];
		if (r->org[result_metric[i]].status == FIG_SUPPRESSED)
			fmt = x->f.masked;
		switch (i) {
		case RES_HOURS:
			xlsx_cell_abs(a, sizeof(a), l->uc_total_row, l->uc_hours_col);
			snprintf(f, sizeof(f), "=%s", a);
			xlsx_put_formula(x, s, rr, 1, f, fmt, rs->hours_total, K_DECIMAL);
			break;
		case RES_VALUE:
			xlsx_cell_abs(a, sizeof(a), l->uc_total_row, l->uc_gross_col);
			snprintf(f, sizeof(f), "=realisation*%s", a);
			xlsx_put_formula(x, s, rr, 1, f, fmt, rs->value_saved, K_MONEY);
			break;
		case RES_TRAINING:
			xlsx_put_formula(x, s, rr, 1, "=trainees*training_per_participant", fmt,
			                 rs->cost_training, K_MONEY);
			break;
		case RES_LICENCES:
			xlsx_put_formula(x, s, rr, 1, "=active_users*license_per_user_month*3", fmt,
			                 rs->cost_licenses, K_MONEY);
			break;
		case RES_FIXED:
			xlsx_put_formula(x, s, rr, 1, "=fixed_per_quarter", fmt, rs->cost_fixed, K_MONEY);
			break;
		case RES_TOTAL:
			xlsx_put_formula(x, s, rr, 1, "=cost_training+cost_licenses+cost_fixed", fmt,
			                 rs->cost_total, K_MONEY);
			break;
		case RES_ROI:
			snprintf(f, sizeof(f),
			         "=IF(cost_total=0,%s,(value_saved-cost_total)/cost_total)", na_lit);
			xlsx_put_formula_figure(x, s, rr, 1, f, fmt, &rs->roi, K_PERCENT);
			break;
		case RES_ROI_CUMULATIVE:
			if (r->month_count > 0)
				snprintf(f, sizeof(f), "=IF(%s=0,%s,(%s-%s)/%s)", last_cc, na_lit,
				         last_cb, last_cc, last_cc);
			else
				snprintf(f, sizeof(f), "=%s", na_lit);
			xlsx_put_formula_figure(x, s, rr, 1, f, fmt, &rs->roi_cumulative, K_PERCENT);
			break;
		case RES_PAYBACK:
			if (r->month_count > 0)
				snprintf(f, sizeof(f), "=IFERROR(MATCH(1,%s,0),%s)", months, na_lit);
			else
				snprintf(f, sizeof(f), "=%s", na_lit);
			xlsx_put_formula_figure(x, s, rr, 1, f, fmt, &rs->payback, K_COUNT);
			break;
		}
		xlsx_put_note(x, s, rr, 2, tr(lang, result_rows[i].note), NULL);
		xlsx_define_name(x, result_rows[i].name, s->name, rr, 1);
	}
}

/* The references the sensitivity formulas share. */
struct sens_refs {
	char na_lit[64];             /* "n/a" as a formula string */
	char gross[32];              /* the use cases' total gross value */
	char cum_gross[64];          /* the monthly cumulative gross, all months */
	char cum_cost[64];           /* the monthly cumulative cost, all months */
	char last[32];               /* the last month's cumulative gross */
	char reach[256];             /* the cumulative cost less the tie margin (tie.h) */
	char reached[64];            /* "reached": a number only where the month is shown */
	int grid_row[2];             /* header rows of the ROI grid and the payback grid */
};

static void sens_refs(struct xlsx *x, const struct roi_layout *l, struct sens_refs *sr)
{
	const struct report *r = x->r;
	char a[32], b[32];
	struct buf lit = {0};
	xlsx_formula_string(&lit, x->na);
	snprintf(sr->na_lit, sizeof(sr->na_lit), "%s", lit.data);
	buf_free(&lit);
	xlsx_cell_abs(sr->gross, sizeof(sr->gross), l->uc_total_row, l->uc_gross_col);
	int last = l->month_first_row + (int)r->month_count - 1;
	xlsx_cell_abs(a, sizeof(a), l->month_first_row, l->m_cum_gross_col);
	xlsx_cell_abs(b, sizeof(b), last, l->m_cum_gross_col);
	snprintf(sr->cum_gross, sizeof(sr->cum_gross), "%s:%s", a, b);
	xlsx_cell_abs(a, sizeof(a), l->month_first_row, l->m_cum_cost_col);
	xlsx_cell_abs(b, sizeof(b), last, l->m_cum_cost_col);
	snprintf(sr->cum_cost, sizeof(sr->cum_cost), "%s:%s", a, b);
	xlsx_cell_abs(sr->last, sizeof(sr->last), last, l->m_cum_gross_col);
	xlsx_cell_abs(a, sizeof(a), l->month_first_row, l->m_reached_col);
	xlsx_cell_abs(b, sizeof(b), last, l->m_reached_col);
	snprintf(sr->reached, sizeof(sr->reached), "%s:%s", a, b);
	snprintf(sr->reach, sizeof(sr->reach), "%s-%s*(1+ABS(%s)+ABS(ABS(%s)-1))/2",
	         sr->cum_cost, TIE_MARGIN_TEXT, sr->cum_cost, sr->cum_cost);
	sr->grid_row[0] = l->sens_row + 3;
	sr->grid_row[1] = l->sens_row + 10;
}

/* The title of grid g (0 ROI, 1 payback) and its header row hr: the rate changes,
 * inputs in the ROI grid that the payback grid repeats. */
static void sens_grid_header(struct xlsx *x, struct sheet *s, const struct sens_refs *sr,
                             int g, int hr)
{
	enum lang lang = x->lang;
	const double *rate_change = x->r->roi.sens_rate_change;
	const char *grid_key[2] = { "xlsx.sens.roi", "xlsx.sens.payback" };
	char a[32], f[64];
	xlsx_put_text_fmt(x, s, hr - 1, 0, tr(lang, grid_key[g]), x->f.label_bold, true);
	xlsx_put_text_fmt(x, s, hr, 0, tr(lang, "xlsx.sens.corner"), x->f.header, true);
	for (int j = 0; j < 3; j++) {
		if (g == 0) {
			xlsx_put_number(x, s, hr, 1 + j, rate_change[j], x->f.input[K_PERCENT],
			                K_PERCENT);
			xlsx_validate(x, s, hr, 1 + j, true, -1, 10, "xlsx.validation.change");
		} else {
			xlsx_cell_rel(a, sizeof(a), sr->grid_row[0], 1 + j);
			snprintf(f, sizeof(f), "=%s", a);
			xlsx_put_formula(x, s, hr, 1 + j, f, x->f.strong[K_PERCENT], rate_change[j],
			                 K_PERCENT);
		}
	}
}

/* Column A of grid g's row i (on row rr): the realisation.  In the ROI grid the first
 * is the input's and the others are inputs; the payback grid repeats them. */
static void sens_grid_label(struct xlsx *x, struct sheet *s, const struct sens_refs *sr,
                            int g, int i, int rr)
{
	double real = x->r->roi.sens_realisation[i];
	char a[32], f[64];
	if (g == 0 && i == 0) {
		xlsx_put_formula(x, s, rr, 0, "=realisation", x->f.strong[K_PERCENT], real,
		                 K_PERCENT);
	} else if (g == 0) {
		xlsx_put_number(x, s, rr, 0, real, x->f.input[K_PERCENT], K_PERCENT);
		xlsx_validate(x, s, rr, 0, true, 0, 1, "xlsx.validation.percent");
	} else {
		xlsx_cell_rel(a, sizeof(a), sr->grid_row[0] + 1 + i, 0);
		snprintf(f, sizeof(f), "=%s", a);
		xlsx_put_formula(x, s, rr, 0, f, x->f.strong[K_PERCENT], real, K_PERCENT);
	}
}

/* The cell of grid g for realisation i and rate change j, on row rr: the ROI, or the
 * payback month. */
static void sens_grid_cell(struct xlsx *x, struct sheet *s, const struct sens_refs *sr,
                           int g, int i, int j, int rr)
{
	const struct report *r = x->r;
	const struct roi_sheet *rs = &r->roi;
	char rc[32], cc_ref[32], f[2048];
	/* The parameters live in the ROI grid's labels. */
	lxw_rowcol_to_cell_abs(rc, (lxw_row_t)(sr->grid_row[0] + 1 + i), 0, 0, 1);
	lxw_rowcol_to_cell_abs(cc_ref, (lxw_row_t)sr->grid_row[0], (lxw_col_t)(1 + j), 1, 0);
	if (g == 0) {
		snprintf(f, sizeof(f), "=IF(cost_total=0,%s,(%s*(1+%s)*%s-cost_total)/cost_total)",
		         sr->na_lit, rc, cc_ref, sr->gross);
		xlsx_put_formula_figure(x, s, rr, 1 + j, f, x->f.num[K_PERCENT],
		                        &rs->sens_roi[i][j], K_PERCENT);
		return;
	}
	const struct figure *cached = &rs->sens_payback[i][j];
	if (r->month_count == 0) {
		snprintf(f, sizeof(f), "=%s", sr->na_lit);
		xlsx_put_formula_figure(x, s, rr, 1 + j, f, x->f.num[K_COUNT], cached, K_COUNT);
		return;
	}
	/* The first month whose cumulative benefit reaches the cost, without an array
	 * formula (libxlsxwriter cannot cache a text result for one): the largest
	 * (last row + 1 - row) among the months reached gives the first of them.
	 * "Reaches" has the model's tie margin, MAX(1,|cost|) written element-wise as
	 * (1+|c|+||c|-1|)/2. */
	snprintf(f, sizeof(f),
	         "=IF(SUMPRODUCT((%s*(1+%s)*%s>=%s)*ISNUMBER(%s))=0,%s,"
	         "ROWS(%s)+1-SUMPRODUCT(MAX((%s*(1+%s)*%s>=%s)*ISNUMBER(%s)*(ROW(%s)+1-ROW(%s)))))",
	         rc, cc_ref, sr->cum_gross, sr->reach, sr->reached, sr->na_lit, sr->cum_gross, rc,
	         cc_ref, sr->cum_gross, sr->reach, sr->reached, sr->last, sr->cum_gross);
	xlsx_put_formula_figure(x, s, rr, 1 + j, f, x->f.num[K_COUNT], cached, K_COUNT);
}

/* ROI and payback when realisation and every hourly rate change; costs stay. */
static void roi_sensitivity(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	enum lang lang = x->lang;
	struct sens_refs sr;
	sens_refs(x, l, &sr);
	xlsx_put_note(x, s, l->sens_row, 0, tr(lang, "xlsx.roi.sensitivity"), x->f.heading);
	xlsx_put_note(x, s, l->sens_row + 1, 0, tr(lang, "xlsx.roi.sensitivity.note"), NULL);
	for (int g = 0; g < 2; g++) {
		int hr = sr.grid_row[g];
		sens_grid_header(x, s, &sr, g, hr);
		for (int i = 0; i < 4; i++) {
			int rr = hr + 1 + i;
			sens_grid_label(x, s, &sr, g, i, rr);
			for (int j = 0; j < 3; j++)
				sens_grid_cell(x, s, &sr, g, i, j, rr);
		}
	}
}

/* The cumulative benefit and cost line chart, top right at column col. */
static void roi_chart(struct xlsx *x, struct sheet *s, const struct roi_layout *l, int col)
{
	const struct report *r = x->r;
	if (r->month_count == 0)
		return;
	enum lang lang = x->lang;
	int first = l->month_first_row, last = first + (int)r->month_count - 1;
	char cats[160], vals[160];
	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_LINE);
	if (!chart) {
		xlsx_note_error(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	xlsx_sheet_range(cats, sizeof(cats), s->name, first, 0, last, 0);
	const struct {
		int col;
		const char *key;
		lxw_color_t color;
		uint8_t dash;
	} series[2] = {
		{ l->m_cum_benefit_col, "xlsx.col.cum_benefit", 0x2A9D8F, LXW_CHART_LINE_DASH_SOLID },
		{ l->m_cum_cost_col, "xlsx.col.cum_cost", 0xE76F51, LXW_CHART_LINE_DASH_SOLID },
	};
	for (int i = 0; i < 2; i++) {
		xlsx_sheet_range(vals, sizeof(vals), s->name, first, series[i].col, last, series[i].col);
		lxw_chart_series *ser = chart_add_series(chart, cats, vals);
		chart_series_set_name(ser, tr(lang, series[i].key));
		lxw_chart_line line = { .color = series[i].color, .width = 2.25,
		                        .dash_type = series[i].dash };
		chart_series_set_line(ser, &line);
		chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
		chart_series_set_marker_size(ser, 5);
		lxw_chart_fill fill = { .color = series[i].color };
		chart_series_set_marker_fill(ser, &fill);
		lxw_chart_line mline = { .color = series[i].color };
		chart_series_set_marker_line(ser, &mline);
	}
	chart_title_set_name(chart, tr(lang, "xlsx.chart.cumulative"));
	lxw_chart_font title_font = { .size = 11, .bold = LXW_TRUE };
	chart_title_set_name_font(chart, &title_font);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	chart_axis_set_num_format(chart->y_axis, "#,##0");
	lxw_chart_line grid = { .color = 0xD1D5DB };
	chart_axis_major_gridlines_set_line(chart->y_axis, &grid);
	lxw_chart_options opt = { .x_scale = 1.15, .y_scale = 1.3 };
	xlsx_note_error(x, worksheet_insert_chart_opt(s->ws, (lxw_row_t)(l->rate_row - 2),
	                                              (lxw_col_t)col, chart, &opt));
}

void xlsx_roi_sheet(struct xlsx *x, struct sheet *s)
{
	struct roi_layout l;
	roi_layout(x->r, &l);
	xlsx_put_title(x, s, "xlsx.title.roi");
	xlsx_put_note(x, s, 1, 0, tr(x->lang, "xlsx.roi.note"), NULL);
	roi_inputs(x, s, &l);
	roi_classes(x, s, &l);
	roi_months(x, s, &l);
	roi_results(x, s, &l);
	roi_sensitivity(x, s, &l);
	roi_chart(x, s, &l, xlsx_column_after_notes(s, 2));
	worksheet_freeze_panes(s->ws, 2, 1);
}
