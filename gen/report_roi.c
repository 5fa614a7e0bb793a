/* report_roi.c - the ROI sheet's figures, computed once for every output.
 *
 * The workbook's ROI sheet holds formulas over its input cells (rates,
 * realisation, costs, the hours per use case and rate class); it caches their
 * results for viewers that do not recalculate.  Those results are published
 * numbers like any other, so they are computed here, in the formulas' own order
 * of summation (SUM and SUMPRODUCT from left to right, rows from the top), and
 * the workbook only writes them. */
#include "report_roi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tie.h"
#include "util.h"

static struct figure fig_ok(double v)
{
	return (struct figure){ v, FIG_OK };
}

static struct figure fig_na(void)
{
	return (struct figure){ 0, FIG_NA };
}

/* The hours of P per rate class, summed over the use cases as the model holds
 * them, and their value at the class's rate. */
static void class_rows(struct report *r)
{
	struct roi_sheet *s = &r->roi;
	size_t C = r->rate_class_count;
	s->rows = xcalloc(C + 1, sizeof(*s->rows));
	for (size_t c = 0; c < C; c++) {
		struct roi_row *row = &s->rows[c];
		for (size_t u = 0; u < r->use_case_count && !s->hours_masked; u++)
			row->hours += r->use_case_class_hours[u * C + c];
		row->gross = row->hours * r->rate_classes[c].rate;
		row->value = r->set.realisation * row->gross;
		s->hours_total += row->hours;
		s->gross_total += row->gross;
		s->value_total += row->value;
	}
}

/* The quarter's results block: value, the three costs, their total and ROI. */
static void results(struct report *r)
{
	struct roi_sheet *s = &r->roi;
	const struct report_settings *set = &r->set;
	s->hours_per_week = s->hours_total * 7 / r->days;
	s->value_saved = set->realisation * s->gross_total;
	int trainees = s->counts_masked ? 0 : r->trainees_in_period;
	int active = s->counts_masked ? 0 : r->active_in_period;
	s->cost_training = trainees * set->training_per_participant;
	s->cost_licenses = active * set->license_per_active_user_month * 3;
	s->cost_fixed = set->program_fixed_per_quarter;
	s->cost_total = s->cost_training + s->cost_licenses + s->cost_fixed;
	s->roi = s->cost_total == 0 ? fig_na()
	                            : fig_ok((s->value_saved - s->cost_total) / s->cost_total);
}

/* The monthly series: hours and gross value at the rules' rates (carried past
 * the months privacy hides), benefit, cost and their running sums; "reached"
 * with the model's tie rule.  Payback is the first month reached: a break-even
 * inside hidden months shows at the month that closes them, here and in
 * metrics.csv alike. */
static void months(struct report *r)
{
	struct roi_sheet *s = &r->roi;
	const struct report_settings *set = &r->set;
	s->months = xcalloc(r->month_count + 1, sizeof(*s->months));
	double carry_hours = 0, carry_gross = 0;
	long payback = 0;
	for (size_t m = 0; m < r->month_count; m++) {
		const struct month *mo = &r->months[m];
		struct roi_month *o = &s->months[m];
		double hours = 0, gross = 0;
		for (size_t c = 0; c < r->rate_class_count && !s->hours_masked; c++) {
			hours += mo->hours_by_class[c];
			gross += mo->hours_by_class[c] * r->rate_classes[c].rate;
		}
		o->masked = mo->benefit_status != FIG_OK;
		o->cum_masked = mo->cumulative_benefit_status != FIG_OK;
		carry_hours += hours;
		carry_gross += gross;
		if (!o->cum_masked) {
			o->hours = carry_hours;
			o->gross = carry_gross;
			carry_hours = carry_gross = 0;
		}
		o->benefit = set->realisation * o->gross;
		o->cost_masked = mo->cost_status != FIG_OK;
		int trainings = o->cost_masked ? 0 : mo->trainings;
		int active = o->cost_masked ? 0 : mo->active;
		o->cost = trainings * set->training_per_participant +
		          active * set->license_per_active_user_month +
		          set->program_fixed_per_quarter / 3;
		const struct roi_month *prev = m ? &s->months[m - 1] : NULL;
		o->cum_gross = prev ? prev->cum_gross + o->gross : o->gross;
		o->cum_benefit = prev ? prev->cum_benefit + o->benefit : o->benefit;
		o->cum_cost = prev ? prev->cum_cost + o->cost : o->cost;
		/* break-even is only seen at a month whose cumulative may be shown */
		o->reached = !o->cum_masked && tie_at_least(o->cum_benefit, o->cum_cost);
		if (!payback && o->reached)
			payback = (long)m + 1;
	}
	s->payback = payback ? fig_ok((double)payback) : fig_na();
	s->roi_cumulative = fig_na();
	if (r->month_count) {
		const struct roi_month *last = &s->months[r->month_count - 1];
		if (last->cum_cost != 0)
			s->roi_cumulative = fig_ok((last->cum_benefit - last->cum_cost) / last->cum_cost);
	}
	struct figure *pb = &r->org[ORG_PAYBACK_MONTHS];
	if (pb->status == FIG_OK && payback)
		pb->value = (double)payback;
	else if (pb->status == FIG_OK)
		*pb = (struct figure){ 0, FIG_SUPPRESSED };   /* reached only inside hidden months */
}

/* ROI and payback month when realisation and every hourly rate change; the costs
 * stay.  Payback uses the model's tie rule, like payback_months. */
static void sensitivity(struct report *r)
{
	struct roi_sheet *s = &r->roi;
	static const double rate_change[3] = { -0.2, 0, 0.2 };
	static const double realisation_case[3] = { 0.5, 0.75, 1 };
	memcpy(s->sens_rate_change, rate_change, sizeof(rate_change));
	s->sens_realisation[0] = r->set.realisation;
	memcpy(&s->sens_realisation[1], realisation_case, sizeof(realisation_case));
	for (int i = 0; i < 4; i++) {
		for (int j = 0; j < 3; j++) {
			double factor = s->sens_realisation[i] * (1 + rate_change[j]);
			s->sens_roi[i][j] = s->cost_total == 0
			                    ? fig_na()
			                    : fig_ok((factor * s->gross_total - s->cost_total) /
			                             s->cost_total);
			s->sens_payback[i][j] = fig_na();
			for (size_t m = 0; m < r->month_count; m++)
				if (!s->months[m].cum_masked &&
				    tie_at_least(factor * s->months[m].cum_gross, s->months[m].cum_cost)) {
					s->sens_payback[i][j] = fig_ok((double)(m + 1));
					break;
				}
		}
	}
}

/* At the pace of the last three months (net benefit per month), the month in
 * which the cumulative benefit reaches the cumulative cost. */
static long projected_payback(const struct report *r)
{
	if (r->month_count == 0)
		return 0;
	size_t from = r->month_count >= 3 ? r->month_count - 3 : 0;
	double net = 0;
	for (size_t i = from; i < r->month_count; i++)
		net += r->months[i].benefit - r->months[i].cost;
	net /= (double)(r->month_count - from);
	const struct month *last = &r->months[r->month_count - 1];
	double gap = last->cumulative_cost - last->cumulative_benefit;
	if (!(net > 0) || !(gap > 0))
		return 0;
	double more = ceil(gap / net - 1e-9);
	if (more > 1200)
		return 0;
	return (long)r->month_count + (long)more;
}

void report_roi_compute(struct report *r)
{
	r->roi.counts_masked = r->org[ORG_COST_LICENSES].status == FIG_SUPPRESSED;
	r->roi.hours_masked = r->org[ORG_HOURS_SAVED].status == FIG_SUPPRESSED;
	class_rows(r);
	results(r);
	months(r);
	sensitivity(r);
	r->projected_payback = projected_payback(r);
	struct figure v = r->org[ORG_VALUE_SAVED], c = r->org[ORG_COST_TOTAL];
	r->net_value = v.status == FIG_OK && c.status == FIG_OK ? fig_ok(v.value - c.value) : fig_na();
}

void roi_sheet_free(struct roi_sheet *s)
{
	free(s->rows);
	free(s->months);
}
