/* report.c - dataset + rules -> every figure of the report (SPEC §4, §11.19-26).
 * Privacy is applied afterwards by privacy_apply(); this file computes the raw
 * figures and the group sizes privacy needs. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "fields.h"
#include "privacy.h"
#include "report_compute.h"
#include "report_findings.h"
#include "report_roi.h"
#include "tie.h"

const char *const dimension_names[DIM_COUNT] = {
	"tool_knowledge", "application_breadth", "autonomy", "innovation", "knowledge_sharing",
};

const char *const org_metric_names[ORG_METRIC_COUNT] = {
	"headcount", "respondents", "response_rate", "active_employees", "adoption_rate",
	"hours_saved", "hours_saved_per_week", "value_saved", "cost_training",
	"cost_licenses", "cost_fixed", "cost_total", "roi", "roi_cumulative",
	"payback_months", "maturity_index", "maturity_tool_knowledge",
	"maturity_application_breadth", "maturity_autonomy", "maturity_innovation",
	"maturity_knowledge_sharing", "level_share_1", "level_share_2", "level_share_3",
	"use_cases_active", "use_cases_new", "satisfaction_mean", "buddy_coverage",
	"mentor_max_load", "retention_6m", "ai_entries_without_baseline", "logged_ai_share",
	"employees_survey_only", "employees_timesheet_only", "migration_matched",
	"migration_1_1", "migration_1_2", "migration_1_3", "migration_2_1", "migration_2_2",
	"migration_2_3", "migration_3_1", "migration_3_2", "migration_3_3",
};

const char *const department_metric_names[DEPT_METRIC_COUNT] = {
	"headcount", "respondents", "active_employees", "adoption_rate", "logged_ai_share",
	"hours_saved", "hours_saved_per_week", "value_saved", "maturity_index",
	"maturity_tool_knowledge", "maturity_application_breadth", "maturity_autonomy",
	"maturity_innovation", "maturity_knowledge_sharing",
};

const char *const use_case_metric_names[UC_METRIC_COUNT] = {
	"ai_entries", "ai_users", "hours_saved", "hours_saved_per_week", "baseline_minutes",
	"value_saved", "concentration", "at_risk",
};

static struct figure ok(double v)
{
	return (struct figure){ .value = v, .status = FIG_OK };
}

static struct figure na(void)
{
	return (struct figure){ .status = FIG_NA };
}

static struct figure ratio(double num, double den)
{
	return den != 0 ? ok(num / den) : na();
}

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

struct quarter_view {
	int q;
	int32_t start, end;
	int32_t first_month, last_month;
	int days;
	bool has_survey;
	long *srow;              /* employee -> index in d->survey, -1 */
	uint8_t *member;         /* employee -> MEMBER_SURVEY | MEMBER_TIMESHEET */
	uint32_t *entries, *ai_entries;   /* employee -> entries in the quarter */
	uint32_t *department;    /* employee -> department index */
	int *rate_class;         /* employee -> rate class */
	double *rate;            /* employee -> hourly rate */
	bool *active;
	int8_t *overall;         /* employee -> overall level, 0 without S_q row */
	int32_t *training;       /* employee -> training date as of the quarter's end */
	double *baseline;        /* use case -> minutes per item, NAN without baseline */
	/* baseline = baseline_minutes / baseline_items, kept apart so saved minutes
	 * are computed with one division (exact ties stay exact). */
	double *baseline_minutes, *baseline_items;
	int headcount, respondents, active_count, trainees;
	double hours_saved, value_saved;
	double cost_training, cost_licenses, cost_fixed, cost_total;
	struct figure adoption_rate, maturity_index, hours_saved_per_week, roi;
};

enum { MEMBER_SURVEY = 1, MEMBER_TIMESHEET = 2 };

struct compute {
	const struct dataset *d;
	const struct rules *rules;
	size_t employees, use_cases;
	uint32_t unassigned;      /* department index of "Unassigned" */
	/* survey rows of employee e are d->survey[first_row[e] .. first_row[e+1]) */
	size_t *first_row;
	int *survey_quarters;          /* quarters with survey rows, sorted */
	size_t survey_quarter_count;
	struct quarter_view **views;   /* cache, by quarter - view_base */
	int view_base, view_count;
};

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

static void view_free(struct quarter_view *v)
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
static double cell_saved_minutes(const struct quarter_view *v, const struct ts_cell *cell)
{
	double bm = v->baseline_minutes[cell->use_case], bi = v->baseline_items[cell->use_case];
	return (cell->ai_items * bm - cell->ai_minutes * bi) / bi;
}


/* The hours saved by the AI entries of a cell of quarter v (false when the cell
 * lies outside v, has no AI entry or its use case has no baseline). */
static bool cell_saved_hours(const struct quarter_view *v, const struct ts_cell *cell,
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

static struct quarter_view *view_compute(struct compute *c, int q)
{
	const struct dataset *d = c->d;
	const struct rules *rules = c->rules;
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

	view_baselines(c, v);
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
	return v;
}

static bool quarter_has_survey(const struct compute *c, int q)
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
static void collect_survey_quarters(struct compute *c)
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

static struct quarter_view *view_get(struct compute *c, int q)
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

/* ---- P in full ---------------------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void compute_departments(struct compute *c, const struct quarter_view *v,
                                struct report *r)
{
	const struct dataset *d = c->d;
	size_t ndept = d->departments.count;
	int *slot = xmalloc(ndept * sizeof(int));
	for (size_t i = 0; i < ndept; i++)
		slot[i] = -1;
	/* Departments of the members of P, sorted by name. */
	char **names = xcalloc(ndept + 1, sizeof(char *));
	size_t count = 0;
	for (size_t e = 0; e < c->employees; e++) {
		uint32_t k = v->department[e];
		if (v->member[e] && slot[k] < 0) {
			slot[k] = 0;
			names[count++] = (char *)strmap_key(&d->departments, k);
		}
	}
	qsort(names, count, sizeof(*names), compare_names);
	for (size_t i = 0; i < count; i++)
		slot[strmap_find(&d->departments, names[i], strlen(names[i]))] = (int)i;

	struct dept_acc {
		int headcount, respondents, active;
		double entries, ai_entries, hours, value, levels, dims[DIM_COUNT];
	} *acc = xcalloc(count + 1, sizeof(*acc));
	for (size_t e = 0; e < c->employees; e++) {
		if (!v->member[e])
			continue;
		struct dept_acc *a = &acc[slot[v->department[e]]];
		a->headcount++;
		a->active += v->active[e];
		a->entries += v->entries[e];
		a->ai_entries += v->ai_entries[e];
		if (v->srow[e] >= 0) {
			const struct survey_row *s = &d->survey[v->srow[e]];
			a->respondents++;
			a->levels += v->overall[e];
			for (int k = 0; k < DIM_COUNT; k++)
				a->dims[k] += maturity_level(s->scores[k], c->rules);
		}
	}
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *cell = &d->cells[i];
		double hours;
		if (!cell_saved_hours(v, cell, &hours))
			continue;
		struct dept_acc *a = &acc[slot[v->department[cell->employee]]];
		a->hours += hours;
		a->value += hours * v->rate[cell->employee] * c->rules->realisation;
	}

	r->departments = xcalloc(count + 1, sizeof(*r->departments));
	r->department_count = count;
	for (size_t i = 0; i < count; i++) {
		struct department *dp = &r->departments[i];
		struct dept_acc *a = &acc[i];
		dp->name = xstrdup(names[i]);
		dp->headcount = a->headcount;
		dp->respondents = a->respondents;
		dp->fig[DEPT_HEADCOUNT] = ok(a->headcount);
		dp->fig[DEPT_RESPONDENTS] = ok(a->respondents);
		dp->fig[DEPT_ACTIVE_EMPLOYEES] = ok(a->active);
		dp->fig[DEPT_ADOPTION_RATE] = ratio(a->active, a->headcount);
		dp->fig[DEPT_LOGGED_AI_SHARE] = ratio(a->ai_entries, a->entries);
		dp->fig[DEPT_HOURS_SAVED] = ok(a->hours);
		dp->fig[DEPT_HOURS_SAVED_PER_WEEK] = ok(a->hours / r->weeks);
		dp->fig[DEPT_VALUE_SAVED] = ok(a->value);
		dp->fig[DEPT_MATURITY_INDEX] = ratio(a->levels, a->respondents);
		for (int k = 0; k < DIM_COUNT; k++)
			dp->fig[DEPT_MATURITY_TOOL_KNOWLEDGE + k] = ratio(a->dims[k], a->respondents);
	}
	free(acc);
	free(names);
	free(slot);
}

static void compute_use_cases(struct compute *c, const struct quarter_view *v,
                              struct report *r)
{
	const struct dataset *d = c->d;
	size_t U = c->use_cases;
	struct uc_acc {
		bool present;
		double ai_entries, hours, value;
		int ai_users;
	} *acc = xcalloc(U + 1, sizeof(*acc));
	/* Net saved minutes per use case and employee, for users and concentration. */
	struct key3_index pair = { 0 };
	double *net = NULL;
	size_t net_cap = 0;
	size_t nclass = r->rate_class_count;
	r->use_case_class_hours = xcalloc(U * nclass + 1, sizeof(double));
	long without_baseline = 0;

	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *cell = &d->cells[i];
		if (cell->month < v->first_month || cell->month > v->last_month || !cell->entries)
			continue;
		struct uc_acc *a = &acc[cell->use_case];
		a->present = true;
		if (!cell->ai_entries)
			continue;
		a->ai_entries += cell->ai_entries;
		bool added;
		size_t p = key3_intern(&pair, (struct key3){ cell->use_case, cell->employee, 0 },
		                       &added);
		if (added) {
			GROW(net, net_cap, p + 1);
			net[p] = 0;
			a->ai_users++;
		}
		double b = v->baseline[cell->use_case];
		if (isnan(b)) {
			without_baseline += cell->ai_entries;
			continue;
		}
		double minutes = cell_saved_minutes(v, cell);
		net[p] += minutes;
		a->hours += minutes / 60;
		a->value += minutes / 60 * v->rate[cell->employee] * c->rules->realisation;
		r->use_case_class_hours[cell->use_case * nclass +
		                        (size_t)v->rate_class[cell->employee]] += minutes / 60;
	}
	/* Concentration: the largest employee's share of the positive net savings. */
	double *largest = xcalloc(U + 1, sizeof(double));
	double *positive = xcalloc(U + 1, sizeof(double));
	for (size_t p = 0; p < pair.count; p++) {
		uint32_t u = pair.keys[p].a;
		if (tie_above_zero(net[p])) {
			positive[u] += net[p];
			if (net[p] > largest[u])
				largest[u] = net[p];
		}
	}

	/* Rows in name order; use_case_class_hours is re-laid out in that order. */
	char **names = xcalloc(U + 1, sizeof(char *));
	size_t count = 0;
	for (size_t u = 0; u < U; u++)
		if (acc[u].present)
			names[count++] = (char *)strmap_key(&d->use_cases, u);
	qsort(names, count, sizeof(*names), compare_names);
	double *class_hours = xcalloc(count * nclass + 1, sizeof(double));
	r->use_cases = xcalloc(count + 1, sizeof(*r->use_cases));
	r->use_case_count = count;
	int active_count = 0, new_count = 0;
	for (size_t i = 0; i < count; i++) {
		size_t u = strmap_find(&d->use_cases, names[i], strlen(names[i]));
		struct uc_acc *a = &acc[u];
		struct use_case *uc = &r->use_cases[i];
		double b = v->baseline[u];
		uc->name = xstrdup(names[i]);
		uc->ai_users = a->ai_users;
		uc->has_baseline = !isnan(b);
		uc->fig[UC_AI_ENTRIES] = ok(a->ai_entries);
		uc->fig[UC_AI_USERS] = ok(a->ai_users);
		uc->fig[UC_HOURS_SAVED] = ok(a->hours);
		uc->fig[UC_HOURS_SAVED_PER_WEEK] = ok(a->hours / r->weeks);
		uc->fig[UC_BASELINE_MINUTES] = uc->has_baseline ? ok(b) : na();
		uc->fig[UC_VALUE_SAVED] = ok(a->value);
		uc->fig[UC_CONCENTRATION] = uc->has_baseline ? ratio(largest[u], positive[u]) : na();
		bool at_risk = a->ai_users == 1 ||
		               (uc->fig[UC_CONCENTRATION].status == FIG_OK &&
		                tie_at_least(uc->fig[UC_CONCENTRATION].value,
		                         c->rules->concentration_share));
		uc->fig[UC_AT_RISK] = ok(at_risk);
		memcpy(&class_hours[i * nclass], &r->use_case_class_hours[u * nclass],
		       nclass * sizeof(double));
		if (tie_above_zero(a->hours * 60))
			active_count++;
		int32_t first = u < d->first_ai_cap ? d->first_ai_date[u] : NO_DATE;
		if (a->ai_entries > 0 && first != NO_DATE && first >= v->start)
			new_count++;
	}
	free(r->use_case_class_hours);
	r->use_case_class_hours = class_hours;
	r->org[ORG_USE_CASES_ACTIVE] = ok(active_count);
	r->org[ORG_USE_CASES_NEW] = ok(new_count);
	r->org[ORG_AI_ENTRIES_WITHOUT_BASELINE] = ok((double)without_baseline);
	free(names);
	free(largest);
	free(positive);
	free(net);
	key3_free(&pair);
	free(acc);
}

static void compute_months(struct compute *c, const struct quarter_view *v, struct report *r,
                           int32_t program_start)
{
	const struct dataset *d = c->d;
	const struct rules *rules = c->rules;
	int first = month_of_days(program_start), last = v->last_month;
	if (first > last) {
		r->org[ORG_ROI_CUMULATIVE] = na();
		r->org[ORG_PAYBACK_MONTHS] = na();
		return;
	}
	size_t n = (size_t)(last - first + 1), nclass = r->rate_class_count;
	r->months = xcalloc(n, sizeof(*r->months));
	r->month_count = n;
	for (size_t i = 0; i < n; i++) {
		struct month *m = &r->months[i];
		int idx = first + (int)i;
		m->year = idx / 12;
		m->month = idx % 12 + 1;
		m->hours_by_class = xcalloc(nclass, sizeof(double));
		/* A quarter without survey rows has no active employees (§4); only
		 * quarters with some need a view of their own. */
		if (quarter_has_survey(c, idx / 3))
			m->active = view_get(c, idx / 3)->active_count;
	}
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *cell = &d->cells[i];
		if (cell->month < first || cell->month > last || !cell->ai_entries ||
		    isnan(v->baseline[cell->use_case]))
			continue;
		struct month *m = &r->months[cell->month - first];
		double hours = cell_saved_minutes(v, cell) / 60;
		m->benefit += hours * v->rate[cell->employee] * rules->realisation;
		m->hours_by_class[v->rate_class[cell->employee]] += hours;
	}
	for (size_t e = 0; e < c->employees; e++) {
		int32_t t = v->training[e];
		if (t == NO_DATE)
			continue;
		int mi = month_of_days(t);
		if (mi >= first && mi <= last)
			r->months[mi - first].trainings++;
	}
	double cb = 0, cc = 0;
	int payback = 0;
	for (size_t i = 0; i < n; i++) {
		struct month *m = &r->months[i];
		m->cost = m->trainings * rules->training_per_participant +
		          m->active * rules->license_per_active_user_month +
		          rules->program_fixed_per_quarter / 3;
		cb += m->benefit;
		cc += m->cost;
		m->cumulative_benefit = cb;
		m->cumulative_cost = cc;
		m->covered = tie_at_least(cb, cc);
		if (!payback && m->covered)
			payback = (int)i + 1;
	}
	r->org[ORG_ROI_CUMULATIVE] = ratio(cb - cc, cc);
	r->org[ORG_PAYBACK_MONTHS] = payback ? ok(payback) : na();
}

static void compute_survey_figures(struct compute *c, const struct quarter_view *v,
                                   struct report *r)
{
	const struct dataset *d = c->d;
	const struct rules *rules = c->rules;
	double dims[DIM_COUNT] = { 0 }, levels = 0, satisfaction = 0;
	int shares[4] = { 0 }, satisfied = 0, level1 = 0, level1_mentored = 0;
	struct key3_index mentees = { 0 };
	int *load = xcalloc(d->strings.count + 1, sizeof(int));
	int max_load = 0;
	for (size_t e = 0; e < c->employees; e++) {
		if (v->srow[e] < 0)
			continue;
		const struct survey_row *s = &d->survey[v->srow[e]];
		for (int k = 0; k < DIM_COUNT; k++) {
			int level = maturity_level(s->scores[k], rules);
			dims[k] += level;
			r->dimension_levels[k][level - 1]++;
		}
		levels += v->overall[e];
		shares[v->overall[e]]++;
		if (s->satisfaction) {
			satisfaction += s->satisfaction;
			satisfied++;
		}
		if (v->overall[e] == 1) {
			level1++;
			level1_mentored += s->mentor != NO_STRING;
		}
		if (s->mentor != NO_STRING) {
			bool added;
			key3_intern(&mentees, (struct key3){ s->mentor, (uint32_t)e, 0 }, &added);
			if (added && ++load[s->mentor] > max_load)
				max_load = load[s->mentor];
		}
	}
	int R = v->respondents;
	r->org[ORG_MATURITY_INDEX] = ratio(levels, R);
	for (int k = 0; k < DIM_COUNT; k++)
		r->org[ORG_MATURITY_TOOL_KNOWLEDGE + k] = ratio(dims[k], R);
	for (int l = 1; l <= 3; l++)
		r->org[ORG_LEVEL_SHARE_1 + l - 1] = ratio(shares[l], R);
	r->org[ORG_SATISFACTION_MEAN] = ratio(satisfaction, satisfied);
	r->org[ORG_BUDDY_COVERAGE] = ratio(level1_mentored, level1);
	r->org[ORG_MENTOR_MAX_LOAD] = ok(max_load);
	key3_free(&mentees);
	free(load);

	/* Retention: active share of members trained at least 182 days before the end. */
	int trained = 0, retained = 0, survey_only = 0, timesheet_only = 0;
	for (size_t e = 0; e < c->employees; e++) {
		if (v->member[e] == MEMBER_SURVEY)
			survey_only++;
		if (v->member[e] == MEMBER_TIMESHEET)
			timesheet_only++;
		if (v->member[e] && v->training[e] != NO_DATE && v->training[e] <= v->end - 182) {
			trained++;
			retained += v->active[e];
		}
	}
	r->org[ORG_RETENTION_6M] = ratio(retained, trained);
	r->org[ORG_EMPLOYEES_SURVEY_ONLY] = ok(survey_only);
	r->org[ORG_EMPLOYEES_TIMESHEET_ONLY] = ok(timesheet_only);

	/* Level migration against the calendar quarter before P (§11.33). */
	struct quarter_view *prev = view_get(c, v->q - 1);
	int matched = 0, cells[3][3] = { { 0 } };
	for (size_t e = 0; e < c->employees; e++) {
		if (v->srow[e] >= 0 && prev->srow[e] >= 0) {
			matched++;
			cells[prev->overall[e] - 1][v->overall[e] - 1]++;
		}
	}
	r->org[ORG_MIGRATION_MATCHED] = ok(matched);
	for (int a = 0; a < 3; a++)
		for (int b = 0; b < 3; b++)
			r->org[ORG_MIGRATION_1_1 + 3 * a + b] = ok(cells[a][b]);
}

static void compute_rate_classes(const struct rules *rules, struct report *r)
{
	size_t n = 1 + rules->role_rates.count + rules->department_rates.count;
	r->rate_classes = xcalloc(n, sizeof(*r->rate_classes));
	r->rate_class_count = n;
	r->rate_classes[0] = (struct rate_class){ RATE_DEFAULT, xstrdup(""), rules->rate_default };
	for (size_t i = 0; i < rules->role_rates.count; i++)
		r->rate_classes[1 + i] = (struct rate_class){ RATE_ROLE,
			xstrdup(rules->role_rates.items[i].name), rules->role_rates.items[i].value };
	for (size_t i = 0; i < rules->department_rates.count; i++)
		r->rate_classes[1 + rules->role_rates.count + i] = (struct rate_class){
			RATE_DEPARTMENT, xstrdup(rules->department_rates.items[i].name),
			rules->department_rates.items[i].value };
}

static void compute_employees(struct compute *c, const struct quarter_view *v,
                              struct report *r)
{
	const struct dataset *d = c->d;
	size_t count = 0;
	for (size_t e = 0; e < c->employees; e++)
		count += v->member[e] != 0;
	r->employees = xcalloc(count + 1, sizeof(*r->employees));
	size_t *slot = xmalloc((c->employees + 1) * sizeof(size_t));
	for (size_t e = 0; e < c->employees; e++) {
		if (!v->member[e])
			continue;
		struct employee_row *row = &r->employees[r->employee_count];
		slot[e] = r->employee_count++;
		row->id = xstrdup(strmap_key(&d->employees, e));
		row->department = xstrdup(strmap_key(&d->departments, v->department[e]));
		const char *role = v->srow[e] >= 0
			? strmap_key(&d->strings, d->survey[v->srow[e]].role) : "";
		row->role = xstrdup(role);
		row->in_survey = v->member[e] & MEMBER_SURVEY;
		row->in_timesheet = v->member[e] & MEMBER_TIMESHEET;
		row->active = v->active[e];
		row->overall_level = v->overall[e];
		row->rate_class = v->rate_class[e];
		row->ai_entries = v->ai_entries[e];
	}
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *cell = &d->cells[i];
		double hours;
		if (!cell_saved_hours(v, cell, &hours))
			continue;
		struct employee_row *row = &r->employees[slot[cell->employee]];
		row->hours_saved += hours;
		row->value_saved += hours * v->rate[cell->employee] * c->rules->realisation;
	}
	free(slot);
}

static int compare_employee_rows(const void *a, const void *b)
{
	return strcmp(((const struct employee_row *)a)->id, ((const struct employee_row *)b)->id);
}

static void quarter_figures(const struct quarter_view *v, struct quarter *out)
{
	out->year = v->q / 4;
	out->quarter = v->q % 4 + 1;
	out->respondents = v->respondents;
	out->adoption_rate = v->adoption_rate;
	out->maturity_index = v->maturity_index;
	out->hours_saved_per_week = v->hours_saved_per_week;
	out->roi = v->roi;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void named_values_copy(struct named_values *to, const struct named_values *from)
{
	to->count = to->cap = from->count;
	to->items = xcalloc(from->count + 1, sizeof(*to->items));
	for (size_t i = 0; i < from->count; i++)
		to->items[i] = (struct named_value){ xstrdup(from->items[i].name),
		                                     from->items[i].value };
}

static void named_values_drop(struct named_values *nv)
{
	for (size_t i = 0; i < nv->count; i++)
		free(nv->items[i].name);
	free(nv->items);
}

/* The writers' copy of the rules: what they show, nothing they compute with. */
static void settings_from_rules(struct report_settings *s, const struct rules *ru)
{
	s->org_name = xstrdup(ru->org_name);
	s->prepared_by = dup_or_null(ru->prepared_by);
	s->logo = dup_or_null(ru->logo);
	s->font = dup_or_null(ru->font);
	s->rules_path = dup_or_null(ru->path);
	s->language = ru->language;
	memcpy(s->currency, ru->currency, sizeof(s->currency));
	s->employee_sheet = ru->employee_sheet;
	s->target_adoption = ru->target_adoption;
	s->target_hours_saved_per_week = ru->target_hours_saved_per_week;
	s->target_roi = ru->target_roi;
	s->target_maturity = ru->target_maturity;
	s->headcount = ru->headcount;
	s->active_min_days_per_week = ru->active_min_days_per_week;
	s->active_min_ai_entries = ru->active_min_ai_entries;
	s->level2_min = ru->level2_min;
	s->level3_min = ru->level3_min;
	s->overall = ru->overall;
	s->has_program_start = ru->has_program_start;
	s->has_baseline_from = ru->has_baseline_from;
	s->has_baseline_to = ru->has_baseline_to;
	s->program_start = ru->program_start;
	s->baseline_from = ru->baseline_from;
	s->baseline_to = ru->baseline_to;
	named_values_copy(&s->use_case_baselines, &ru->use_case_baselines);
	named_values_copy(&s->role_rates, &ru->role_rates);
	named_values_copy(&s->department_rates, &ru->department_rates);
	s->rate_default = ru->rate_default;
	s->realisation = ru->realisation;
	s->training_per_participant = ru->training_per_participant;
	s->license_per_active_user_month = ru->license_per_active_user_month;
	s->program_fixed_per_quarter = ru->program_fixed_per_quarter;
	s->concentration_share = ru->concentration_share;
}

static void settings_free(struct report_settings *s)
{
	free(s->org_name);
	free(s->prepared_by);
	free(s->logo);
	free(s->font);
	free(s->rules_path);
	named_values_drop(&s->use_case_baselines);
	named_values_drop(&s->role_rates);
	named_values_drop(&s->department_rates);
}

int report_latest_survey_quarter(const struct dataset *d)
{
	int q = -1;
	for (size_t i = 0; i < d->survey_count; i++) {
		int k = quarter_of_days(d->survey[i].submitted);
		if (k > q)
			q = k;
	}
	return q;
}

void report_compute(struct report *r, struct dataset *d, const struct rules *rules,
                    int quarter, time_t created)
{
	memset(r, 0, sizeof(*r));
	struct compute c = { .d = d, .rules = rules };
	c.employees = d->employees.count;
	c.use_cases = d->use_cases.count;
	c.unassigned = (uint32_t)strmap_intern(&d->departments, "Unassigned", 10, NULL);
	c.first_row = xcalloc(c.employees + 2, sizeof(size_t));
	for (size_t i = 0; i < d->survey_count; i++)
		c.first_row[d->survey[i].employee + 1]++;
	for (size_t e = 0; e < c.employees; e++)
		c.first_row[e + 1] += c.first_row[e];
	collect_survey_quarters(&c);

	settings_from_rules(&r->set, rules);
	r->year = quarter / 4;
	r->quarter = quarter % 4 + 1;
	r->period_start = quarter_first_day(quarter);
	r->period_end = quarter_last_day(quarter);
	r->days = (int)(r->period_end - r->period_start + 1);
	r->weeks = r->days / 7.0;
	r->created = created;
	r->min_group_size = rules->min_group_size;
	compute_rate_classes(rules, r);

	struct quarter_view *v = view_get(&c, quarter);
	int H = rules->headcount ? rules->headcount : v->headcount;
	r->org[ORG_HEADCOUNT] = ok(H);
	r->org[ORG_RESPONDENTS] = ok(v->respondents);
	r->org[ORG_RESPONSE_RATE] = ratio(v->respondents, H);
	r->org[ORG_ACTIVE_EMPLOYEES] = ok(v->active_count);
	r->org[ORG_ADOPTION_RATE] = v->adoption_rate;
	r->org[ORG_HOURS_SAVED] = ok(v->hours_saved);
	r->org[ORG_HOURS_SAVED_PER_WEEK] = v->hours_saved_per_week;
	r->org[ORG_VALUE_SAVED] = ok(v->value_saved);
	r->org[ORG_COST_TRAINING] = ok(v->cost_training);
	r->org[ORG_COST_LICENSES] = ok(v->cost_licenses);
	r->org[ORG_COST_FIXED] = ok(v->cost_fixed);
	r->org[ORG_COST_TOTAL] = ok(v->cost_total);
	r->org[ORG_ROI] = v->roi;
	r->trainees_in_period = v->trainees;
	r->active_in_period = v->active_count;
	double entries = 0, ai_entries = 0;
	for (size_t e = 0; e < c.employees; e++) {
		entries += v->entries[e];
		ai_entries += v->ai_entries[e];
	}
	r->org[ORG_LOGGED_AI_SHARE] = ratio(ai_entries, entries);

	compute_survey_figures(&c, v, r);
	compute_departments(&c, v, r);
	compute_use_cases(&c, v, r);
	int32_t program_start = rules->has_program_start ? rules->program_start : NO_DATE;
	if (program_start == NO_DATE)
		program_start = quarter_first_day(c.survey_quarter_count ? c.survey_quarters[0]
		                                                         : quarter);
	compute_months(&c, v, r, program_start);

	/* Trend: the last 8 quarters with survey rows up to P (§11.22). */
	size_t upto = 0;
	while (upto < c.survey_quarter_count && c.survey_quarters[upto] <= quarter)
		upto++;
	size_t n = upto < 8 ? upto : 8;
	r->quarters = xcalloc(n + 1, sizeof(*r->quarters));
	r->quarter_count = n;
	for (size_t i = 0; i < n; i++)
		quarter_figures(view_get(&c, c.survey_quarters[upto - n + i]), &r->quarters[i]);
	struct quarter_view *prev = view_get(&c, quarter - 1);
	if (prev->has_survey) {
		r->has_previous = true;
		quarter_figures(prev, &r->previous);
	}

	if (rules->employee_sheet) {
		compute_employees(&c, v, r);
		qsort(r->employees, r->employee_count, sizeof(*r->employees),
		      compare_employee_rows);
	}

	r->ids_survey = d->ids.survey_ids;
	r->ids_timesheet = d->ids.timesheet_ids;
	r->ids_matched = d->ids.matched;
	r->ids_low = d->ids.low;
	r->files[0] = (struct file_quality){ xstrdup(d->survey_file.name),
		d->survey_file.rows_read, d->survey_file.rows_used,
		d->survey_file.rows_rejected, d->survey_file.rows_superseded, NULL };
	r->files[1] = (struct file_quality){ xstrdup(d->timesheet_file.name),
		d->timesheet_file.rows_read, d->timesheet_file.rows_used,
		d->timesheet_file.rows_rejected, d->timesheet_file.rows_superseded, NULL };
	const struct file_counts *counts[2] = { &d->survey_file, &d->timesheet_file };
	for (int i = 0; i < 2; i++)
		if (counts[i]->format && strcmp(counts[i]->format, "aireport canonical CSV") != 0)
			r->files[i].format = counts[i]->format;
	privacy_apply(r);
	report_roi_compute(r);
	report_findings_compute(r);

	for (int i = 0; i < c.view_count; i++)
		view_free(c.views[i]);
	free(c.views);
	free(c.first_row);
	free(c.survey_quarters);
}

void report_free(struct report *r)
{
	if (!r)
		return;
	settings_free(&r->set);
	roi_sheet_free(&r->roi);
	free(r->org_slug);
	for (size_t i = 0; i < r->department_count; i++)
		free(r->departments[i].name);
	free(r->departments);
	for (size_t i = 0; i < r->use_case_count; i++)
		free(r->use_cases[i].name);
	free(r->use_cases);
	for (size_t i = 0; i < r->rate_class_count; i++)
		free(r->rate_classes[i].name);
	free(r->rate_classes);
	free(r->use_case_class_hours);
	for (size_t i = 0; i < r->month_count; i++)
		free(r->months[i].hours_by_class);
	free(r->months);
	free(r->quarters);
	for (int i = 0; i < 2; i++)
		free(r->files[i].name);
	for (size_t i = 0; i < r->employee_count; i++) {
		free(r->employees[i].id);
		free(r->employees[i].department);
		free(r->employees[i].role);
	}
	free(r->employees);
	memset(r, 0, sizeof(*r));
}
