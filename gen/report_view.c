/* report_view.c - the figures of one quarter as if it were the reported one
 * (SPEC §4, §11.19-24): who is a member, active, at which level, which baseline
 * and rate applies, what the AI entries saved.  report_compute.c builds the
 * report from the view of P and of the quarters before it. */
#include "report_view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "tie.h"
#include "util.h"

/* ---- levels ---------------------------------------------------------------- */

int maturity_level(double score, const struct rules *rules)
{
	if (score >= rules->level3_min)
		return 3;
	if (score >= rules->level2_min)
		return 2;
	return 1;
}

int overall_level(const int levels[DIM_COUNT], enum overall_mode mode)
{
	int sorted[DIM_COUNT];
	memcpy(sorted, levels, sizeof(sorted));
	for (int i = 1; i < DIM_COUNT; i++)
		for (int j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) {
			int t = sorted[j];
			sorted[j] = sorted[j - 1];
			sorted[j - 1] = t;
		}
	switch (mode) {
	case OVERALL_MIN:
		return sorted[0];
	case OVERALL_MEAN: {
		int sum = 0;
		for (int i = 0; i < DIM_COUNT; i++)
			sum += sorted[i];
		return (int)floor((double)sum / DIM_COUNT + 0.5);
	}
	case OVERALL_MEDIAN:
		break;
	}
	return sorted[DIM_COUNT / 2];
}

/* ---- the view of one quarter as if it were P ---------------------------------- */

static const struct survey_row *latest_row_until(const struct compute *c, size_t e,
                                                 int32_t end)
{
	const struct survey_row *best = NULL;
	for (size_t i = c->first_row[e]; i < c->first_row[e + 1]; i++) {
		const struct survey_row *r = &c->d->survey[i];
		if (r->submitted <= end &&
		    (!best || r->submitted > best->submitted ||
		     (r->submitted == best->submitted && r->line > best->line)))
			best = r;
	}
	return best;
}

/* §11.19: the training date of the most recently submitted row on or before end
 * that has one. */
static int32_t training_date_until(const struct compute *c, size_t e, int32_t end)
{
	const struct survey_row *best = NULL;
	for (size_t i = c->first_row[e]; i < c->first_row[e + 1]; i++) {
		const struct survey_row *r = &c->d->survey[i];
		if (r->submitted <= end && r->training_date != NO_DATE &&
		    (!best || r->submitted > best->submitted ||
		     (r->submitted == best->submitted && r->line > best->line)))
			best = r;
	}
	return best ? best->training_date : NO_DATE;
}

int rate_class_of(const struct rules *rules, const char *role, const char *department)
{
	const struct named_value *v;
	if (role && *role && (v = named_values_find(&rules->role_rates, role)))
		return 1 + (int)(v - rules->role_rates.items);
	if (department && (v = named_values_find(&rules->department_rates, department)))
		return 1 + (int)rules->role_rates.count + (int)(v - rules->department_rates.items);
	return 0;
}

double rate_class_rate(const struct rules *rules, int cls)
{
	if (cls == 0)
		return rules->rate_default;
	if ((size_t)cls <= rules->role_rates.count)
		return rules->role_rates.items[cls - 1].value;
	return rules->department_rates.items[cls - 1 - rules->role_rates.count].value;
}

void view_free(struct quarter_view *v)
{
	if (!v)
		return;
	free(v->srow);
	free(v->member);
	free(v->entries);
	free(v->ai_entries);
	free(v->department);
	free(v->rate_class);
	free(v->rate);
	free(v->active);
	free(v->saver);
	free(v->class_merged);
	free(v->overall);
	free(v->training);
	free(v->baseline);
	free(v->baseline_minutes);
	free(v->baseline_items);
	free(v);
}

/* Baselines as of the quarter's last month (§4): fixed ones from the rules, else
 * Σ minutes / Σ items of the non-AI entries in the window up to that month. */
static void view_baselines(const struct compute *c, struct quarter_view *v)
{
	const struct dataset *d = c->d;
	double *minutes = xcalloc(c->use_cases + 1, sizeof(double));
	double *items = xcalloc(c->use_cases + 1, sizeof(double));
	for (size_t i = 0; i < d->baseline_index.count; i++) {
		const struct baseline_cell *b = &d->baselines[i];
		if (b->month <= v->last_month) {
			minutes[b->use_case] += b->minutes;
			items[b->use_case] += b->items;
		}
	}
	v->baseline = xmalloc((c->use_cases + 1) * sizeof(double));
	for (size_t u = 0; u < c->use_cases; u++) {
		const struct named_value *fixed =
			named_values_find(&c->rules->use_case_baselines, strmap_key(&d->use_cases, u));
		if (fixed) {
			minutes[u] = fixed->value;
			items[u] = 1;
		}
		v->baseline[u] = items[u] > 0 ? minutes[u] / items[u] : NAN;
	}
	v->baseline_minutes = minutes;
	v->baseline_items = items;
}

/* Saved minutes of the AI entries of one cell: items x baseline - minutes (§4),
 * as (items x Σ minutes - minutes x Σ items) / Σ items, so a saving that is zero
 * on paper is exactly zero.  The use case must have a baseline. */
double cell_saved_minutes(const struct quarter_view *v, const struct ts_cell *cell)
{
	double bm = v->baseline_minutes[cell->use_case], bi = v->baseline_items[cell->use_case];
	return (cell->ai_items * bm - cell->ai_minutes * bi) / bi;
}


/* The hours saved by the AI entries of a cell of quarter v (false when the cell
 * lies outside v, has no AI entry or its use case has no baseline). */
bool cell_saved_hours(const struct quarter_view *v, const struct ts_cell *cell,
                             double *hours)
{
	if (cell->month < v->first_month || cell->month > v->last_month ||
	    !cell->ai_entries || isnan(v->baseline[cell->use_case]))
		return false;
	*hours = cell_saved_minutes(v, cell) / 60;
	return true;
}

/* §4: the survey row of the quarter, else the latest earlier one (both: latest, the
 * latest survey row up to the quarter's end), else the latest timesheet row with a
 * department: within the quarter for someone who logged time in it, up to its end
 * for anyone else (§11.21); else Unassigned.  ts_quarter and ts_department describe
 * each employee's latest such timesheet row up to the end. */
static uint32_t department_until(const struct compute *c, const struct quarter_view *v,
                                 size_t e, const struct survey_row *latest,
                                 const int32_t *ts_quarter, const uint32_t *ts_department)
{
	if (latest)
		return latest->department;
	bool logged_here = v->member[e] & MEMBER_TIMESHEET;
	if (ts_quarter[e] != INT32_MIN && (!logged_here || ts_quarter[e] == v->q))
		return ts_department[e];
	return c->unassigned;
}

/* A new view of quarter q with its members: survey rows and timesheet cells. */
static struct quarter_view *view_members(const struct compute *c, int q)
{
	const struct dataset *d = c->d;
	size_t E = c->employees;
	struct quarter_view *v = xcalloc(1, sizeof(*v));
	v->q = q;
	v->start = quarter_first_day(q);
	v->end = quarter_last_day(q);
	v->first_month = month_of_days(v->start);
	v->last_month = v->first_month + 2;
	v->days = (int)(v->end - v->start + 1);
	v->srow = xmalloc((E + 1) * sizeof(long));
	v->member = xcalloc(E + 1, 1);
	v->entries = xcalloc(E + 1, sizeof(uint32_t));
	v->ai_entries = xcalloc(E + 1, sizeof(uint32_t));
	v->department = xcalloc(E + 1, sizeof(uint32_t));
	v->rate_class = xcalloc(E + 1, sizeof(int));
	v->rate = xcalloc(E + 1, sizeof(double));
	v->active = xcalloc(E + 1, sizeof(bool));
	v->overall = xcalloc(E + 1, 1);
	v->training = xmalloc((E + 1) * sizeof(int32_t));

	for (size_t e = 0; e < E; e++)
		v->srow[e] = -1;
	for (size_t i = 0; i < d->survey_count; i++) {
		const struct survey_row *r = &d->survey[i];
		if (r->submitted >= v->start && r->submitted <= v->end) {
			v->srow[r->employee] = (long)i;
			v->member[r->employee] |= MEMBER_SURVEY;
			v->respondents++;
		}
	}
	v->has_survey = v->respondents > 0;
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *cell = &d->cells[i];
		if (cell->month < v->first_month || cell->month > v->last_month)
			continue;
		v->member[cell->employee] |= MEMBER_TIMESHEET;
		v->entries[cell->employee] += cell->entries;
		v->ai_entries[cell->employee] += cell->ai_entries;
	}
	return v;
}

/* Per employee: department, rate, training, level and whether active. */
static void view_people(const struct compute *c, struct quarter_view *v)
{
	const struct dataset *d = c->d;
	const struct rules *rules = c->rules;
	size_t E = c->employees;
	/* The latest non-empty timesheet department up to the quarter's end. */
	int32_t *ts_quarter = xmalloc((E + 1) * sizeof(int32_t));
	uint32_t *ts_department = xcalloc(E + 1, sizeof(uint32_t));
	int32_t *ts_date = xcalloc(E + 1, sizeof(int32_t));
	long *ts_line = xcalloc(E + 1, sizeof(long));
	for (size_t e = 0; e < E; e++)
		ts_quarter[e] = INT32_MIN;
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *t = &d->cells[i];
		if (t->department == NO_STRING || t->month > v->last_month)
			continue;
		size_t e = t->employee;
		if (ts_quarter[e] == INT32_MIN || t->department_date > ts_date[e] ||
		    (t->department_date == ts_date[e] && t->department_line > ts_line[e])) {
			ts_quarter[e] = t->month / 3;
			ts_date[e] = t->department_date;
			ts_line[e] = t->department_line;
			ts_department[e] = t->department;
		}
	}

	for (size_t e = 0; e < E; e++) {
		/* The employee's latest survey row up to the end: the quarter's own row
		 * when there is one (de-duplication leaves one per quarter). */
		const struct survey_row *r = latest_row_until(c, e, v->end);
		v->department[e] = department_until(c, v, e, r, ts_quarter, ts_department);
		const char *role = r ? strmap_key(&d->strings, r->role) : NULL;
		v->rate_class[e] = rate_class_of(rules, role,
		                                 strmap_key(&d->departments, v->department[e]));
		v->rate[e] = rate_class_rate(rules, v->rate_class[e]);
		v->training[e] = training_date_until(c, e, v->end);
		if (v->training[e] != NO_DATE && v->training[e] >= v->start &&
		    v->training[e] <= v->end)
			v->trainees++;
		if (v->member[e])
			v->headcount++;
		if (v->srow[e] >= 0) {
			const struct survey_row *s = &d->survey[v->srow[e]];
			int levels[DIM_COUNT];
			for (int k = 0; k < DIM_COUNT; k++)
				levels[k] = maturity_level(s->scores[k], rules);
			v->overall[e] = (int8_t)overall_level(levels, rules->overall);
			if (s->ai_days_per_week >= rules->active_min_days_per_week)
				v->active[e] = true;
		}
		if (v->member[e] && rules->active_min_ai_entries > 0 &&
		    v->ai_entries[e] >= (uint32_t)rules->active_min_ai_entries)
			v->active[e] = true;
		if (v->active[e])
			v->active_count++;
	}
	free(ts_quarter);
	free(ts_department);
	free(ts_date);
	free(ts_line);
}

/* Who saved time in the quarter, and the rate classes too small to value apart:
 * a class of fewer than k such people is valued at the default rate, or value
 * and hours together would give that class's hours (SPEC §5 as extended). */
static void view_savers(const struct compute *c, struct quarter_view *v)
{
	const struct dataset *d = c->d;
	const struct rules *rules = c->rules;
	size_t E = c->employees;
	size_t classes = 1 + rules->role_rates.count + rules->department_rates.count;
	v->saver = xcalloc(E + 1, sizeof(bool));
	v->class_merged = xcalloc(classes + 1, sizeof(bool));
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *cell = &d->cells[i];
		double hours;
		if (cell_saved_hours(v, cell, &hours) && !v->saver[cell->employee]) {
			v->saver[cell->employee] = true;
			v->savers++;
		}
	}
	int *per_class = xcalloc(classes + 1, sizeof(int));
	for (size_t e = 0; e < E; e++)
		if (v->saver[e])
			per_class[v->rate_class[e]]++;
	int k_min = rules->min_group_size;
	for (size_t k = 1; k < classes; k++)
		if (per_class[k] > 0 && per_class[k] < k_min) {
			v->class_merged[k] = true;
			per_class[0] += per_class[k];
		}
	/* The default class itself must hold k people once others are apart: else
	 * the smallest other class joins it, until it does. */
	while (per_class[0] > 0 && per_class[0] < k_min) {
		size_t best = 0;
		for (size_t k = 1; k < classes; k++)
			if (!v->class_merged[k] && per_class[k] > 0 &&
			    (!best || per_class[k] < per_class[best]))
				best = k;
		if (!best)
			break;
		v->class_merged[best] = true;
		per_class[0] += per_class[best];
	}
	for (size_t e = 0; e < E; e++)
		if (v->class_merged[v->rate_class[e]]) {
			v->rate_class[e] = 0;
			v->rate[e] = rules->rate_default;
		}
	free(per_class);
}

/* The quarter's totals: hours and value saved, costs, adoption, maturity, ROI. */
static void view_totals(const struct compute *c, struct quarter_view *v)
{
	const struct dataset *d = c->d;
	const struct rules *rules = c->rules;
	size_t E = c->employees;
	view_baselines(c, v);
	view_savers(c, v);
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *cell = &d->cells[i];
		double hours;
		if (!cell_saved_hours(v, cell, &hours))
			continue;
		v->hours_saved += hours;
		v->value_saved += hours * v->rate[cell->employee] * rules->realisation;
	}

	int H = rules->headcount ? rules->headcount : v->headcount;
	v->cost_training = rules->training_per_participant * v->trainees;
	v->cost_licenses = rules->license_per_active_user_month * v->active_count * 3;
	v->cost_fixed = rules->program_fixed_per_quarter;
	v->cost_total = v->cost_training + v->cost_licenses + v->cost_fixed;
	v->adoption_rate = ratio(v->active_count, H);
	double level_sum = 0;
	for (size_t e = 0; e < E; e++)
		level_sum += v->overall[e];
	v->maturity_index = ratio(level_sum, v->respondents);
	v->hours_saved_per_week = ok(v->hours_saved / (v->days / 7.0));
	v->roi = ratio(v->value_saved - v->cost_total, v->cost_total);
}

static struct quarter_view *view_compute(struct compute *c, int q)
{
	struct quarter_view *v = view_members(c, q);
	view_people(c, v);
	view_totals(c, v);
	return v;
}

bool quarter_has_survey(const struct compute *c, int q)
{
	size_t lo = 0, hi = c->survey_quarter_count;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->survey_quarters[mid] < q)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->survey_quarter_count && c->survey_quarters[lo] == q;
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The quarters with survey rows, sorted and unique. */
void collect_survey_quarters(struct compute *c)
{
	size_t n = c->d->survey_count, k = 0;
	c->survey_quarters = xmalloc((n + 1) * sizeof(int));
	for (size_t i = 0; i < n; i++)
		c->survey_quarters[i] = quarter_of_days(c->d->survey[i].submitted);
	qsort(c->survey_quarters, n, sizeof(int), compare_ints);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || c->survey_quarters[k - 1] != c->survey_quarters[i])
			c->survey_quarters[k++] = c->survey_quarters[i];
	c->survey_quarter_count = k;
}

struct quarter_view *view_get(struct compute *c, int q)
{
	int i = q - c->view_base;
	if (i < 0 || i >= c->view_count) {
		int lo = i < 0 ? q : c->view_base;
		int hi = i >= c->view_count ? q : c->view_base + c->view_count - 1;
		if (!c->view_count)
			lo = hi = q;
		struct quarter_view **nv = xcalloc((size_t)(hi - lo + 1), sizeof(*nv));
		for (int k = 0; k < c->view_count; k++)
			nv[c->view_base + k - lo] = c->views[k];
		free(c->views);
		c->views = nv;
		c->view_base = lo;
		c->view_count = hi - lo + 1;
		i = q - lo;
	}
	if (!c->views[i])
		c->views[i] = view_compute(c, q);
	return c->views[i];
}

