/* report_compute.c - dataset + rules -> every figure of the report (SPEC §4,
 * §11.19-26).  The quarter views (report_view.c) give P and the quarters before
 * it; this file turns them into the organisation, department, use-case, monthly
 * and trend figures, then privacy_apply() suppresses what may not be shown and
 * report_roi.c and report_findings.c derive the rest from what remains. */
#include "report_compute.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "privacy.h"
#include "report_findings.h"
#include "report_roi.h"
#include "report_view.h"
#include "tie.h"
#include "util.h"

/* ---- P in full ---------------------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether a group's value and hours together give away the hours of a rate class
 * of fewer than k people: two classes or more take part and one is that small.
 * savers[c] = the group's people of class c who saved time. */
static bool value_isolates(const int *savers, size_t classes, int k)
{
	size_t present = 0;
	bool small = false;
	for (size_t c = 0; c < classes; c++) {
		present += savers[c] > 0;
		small = small || (savers[c] > 0 && savers[c] < k);
	}
	return present >= 2 && small;
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
		int headcount, respondents, active, savers;
		double entries, ai_entries, hours, value, levels, dims[DIM_COUNT];
	} *acc = xcalloc(count + 1, sizeof(*acc));
	size_t nclass = r->rate_class_count;
	int *class_savers = xcalloc(count * nclass + 1, sizeof(int));
	for (size_t e = 0; e < c->employees; e++) {
		if (!v->member[e])
			continue;
		struct dept_acc *a = &acc[slot[v->department[e]]];
		if (v->saver[e]) {
			a->savers++;
			class_savers[(size_t)slot[v->department[e]] * nclass + (size_t)v->rate_class[e]]++;
		}
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
		dp->savers = a->savers;
		dp->value_isolates = value_isolates(&class_savers[i * nclass], nclass,
		                                    c->rules->min_group_size);
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
	free(class_savers);
	free(acc);
	free(names);
	free(slot);
}

struct uc_acc {
	bool present;
	double ai_entries, hours, value;
	int ai_users;
	uint32_t *users;        /* the AI users, as employee indices */
};

/* The use cases' totals in quarter v, before they are sorted into rows. */
struct uc_work {
	struct uc_acc *acc;             /* by use case index */
	double *largest, *positive;     /* concentration: the largest employee's share of
	                                 * the positive net savings */
	int *class_users;               /* [use case * classes + class]: AI users */
	long without_baseline;
};

static void use_case_totals(struct compute *c, const struct quarter_view *v,
                            struct report *r, struct uc_work *w)
{
	const struct dataset *d = c->d;
	size_t U = c->use_cases, nclass = r->rate_class_count;
	w->acc = xcalloc(U + 1, sizeof(*w->acc));
	w->class_users = xcalloc(U * nclass + 1, sizeof(int));
	/* Net saved minutes per use case and employee, for users and concentration. */
	struct key3_index pair = { 0 };
	double *net = NULL;
	size_t net_cap = 0;
	r->use_case_class_hours = xcalloc(U * nclass + 1, sizeof(double));
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *cell = &d->cells[i];
		if (cell->month < v->first_month || cell->month > v->last_month || !cell->entries)
			continue;
		struct uc_acc *a = &w->acc[cell->use_case];
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
			a->users = xrealloc(a->users, (size_t)(a->ai_users + 1) * sizeof(uint32_t));
			a->users[a->ai_users++] = cell->employee;
			w->class_users[(size_t)cell->use_case * nclass +
			               (size_t)v->rate_class[cell->employee]]++;
		}
		double b = v->baseline[cell->use_case];
		if (isnan(b)) {
			w->without_baseline += cell->ai_entries;
			continue;
		}
		double minutes = cell_saved_minutes(v, cell);
		net[p] += minutes;
		a->hours += minutes / 60;
		a->value += minutes / 60 * v->rate[cell->employee] * c->rules->realisation;
		r->use_case_class_hours[cell->use_case * nclass +
		                        (size_t)v->rate_class[cell->employee]] += minutes / 60;
	}
	w->largest = xcalloc(U + 1, sizeof(double));
	w->positive = xcalloc(U + 1, sizeof(double));
	for (size_t p = 0; p < pair.count; p++) {
		uint32_t u = pair.keys[p].a;
		if (tie_above_zero(net[p])) {
			w->positive[u] += net[p];
			if (net[p] > w->largest[u])
				w->largest[u] = net[p];
		}
	}
	free(net);
	key3_free(&pair);
}

static void compute_use_cases(struct compute *c, const struct quarter_view *v,
                              struct report *r)
{
	const struct dataset *d = c->d;
	size_t U = c->use_cases, nclass = r->rate_class_count;
	struct uc_work w = { 0 };
	use_case_totals(c, v, r, &w);

	/* Rows in name order; use_case_class_hours is re-laid out in that order. */
	char **names = xcalloc(U + 1, sizeof(char *));
	size_t count = 0;
	for (size_t u = 0; u < U; u++)
		if (w.acc[u].present)
			names[count++] = (char *)strmap_key(&d->use_cases, u);
	qsort(names, count, sizeof(*names), compare_names);
	double *class_hours = xcalloc(count * nclass + 1, sizeof(double));
	r->use_cases = xcalloc(count + 1, sizeof(*r->use_cases));
	r->use_case_count = count;
	int active_count = 0, new_count = 0;
	for (size_t i = 0; i < count; i++) {
		size_t u = strmap_find(&d->use_cases, names[i], strlen(names[i]));
		struct uc_acc *a = &w.acc[u];
		struct use_case *uc = &r->use_cases[i];
		double b = v->baseline[u];
		uc->name = xstrdup(names[i]);
		uc->ai_users = a->ai_users;
		uc->user_ids = a->users;
		a->users = NULL;
		uc->value_isolates = value_isolates(&w.class_users[u * nclass], nclass,
		                                    c->rules->min_group_size);
		uc->has_baseline = !isnan(b);
		uc->fig[UC_AI_ENTRIES] = ok(a->ai_entries);
		uc->fig[UC_AI_USERS] = ok(a->ai_users);
		uc->fig[UC_HOURS_SAVED] = ok(a->hours);
		uc->fig[UC_HOURS_SAVED_PER_WEEK] = ok(a->hours / r->weeks);
		uc->fig[UC_BASELINE_MINUTES] = uc->has_baseline ? ok(b) : na();
		uc->fig[UC_VALUE_SAVED] = ok(a->value);
		uc->fig[UC_CONCENTRATION] = uc->has_baseline ? ratio(w.largest[u], w.positive[u]) : na();
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
	r->org[ORG_AI_ENTRIES_WITHOUT_BASELINE] = ok((double)w.without_baseline);
	free(names);
	free(w.largest);
	free(w.positive);
	for (size_t u = 0; u < U; u++)
		free(w.acc[u].users);
	free(w.acc);
	free(w.class_users);
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
		{
			const struct quarter_view *qv = view_get(c, idx / 3);
			m->active = qv->active_count;
			m->respondents = qv->respondents;
		}
	}
	struct key3_index savers = { 0 };
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *cell = &d->cells[i];
		if (cell->month < first || cell->month > last || !cell->ai_entries ||
		    isnan(v->baseline[cell->use_case]))
			continue;
		struct month *m = &r->months[cell->month - first];
		bool added;
		key3_intern(&savers, (struct key3){ (uint32_t)(cell->month - first), cell->employee, 0 },
		            &added);
		if (added) {
			m->saver_ids = xrealloc(m->saver_ids, (size_t)(m->savers + 1) * sizeof(uint32_t));
			m->saver_ids[m->savers++] = cell->employee;
		}
		double hours = cell_saved_minutes(v, cell) / 60;
		m->benefit += hours * v->rate[cell->employee] * rules->realisation;
		m->hours_by_class[v->rate_class[cell->employee]] += hours;
	}
	key3_free(&savers);
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
	r->counts.satisfaction = satisfied;
	r->counts.level1 = level1;
	r->counts.mentees = (int)mentees.count;
	r->counts.savers = v->savers;
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
	r->counts.trained = trained;
	r->org[ORG_EMPLOYEES_SURVEY_ONLY] = ok(survey_only);
	r->org[ORG_EMPLOYEES_TIMESHEET_ONLY] = ok(timesheet_only);

	/* Level migration against the calendar quarter before P (§11.33). */
	struct quarter_view *prev = view_get(c, v->q - 1);
	int matched = 0, cells[3][3] = { { 0 } };
	for (size_t e = 0; e < c->employees; e++) {
		if (v->srow[e] >= 0 && prev->srow[e] >= 0) {
			matched++;
			cells[prev->overall[e] - 1][v->overall[e] - 1]++;
		} else if (v->srow[e] >= 0) {
			r->counts.joiners++;
		} else if (prev->srow[e] >= 0) {
			r->counts.leavers++;
		}
	}
	r->org[ORG_MIGRATION_MATCHED] = ok(matched);
	for (int a = 0; a < 3; a++)
		for (int b = 0; b < 3; b++)
			r->org[ORG_MIGRATION_1_1 + 3 * a + b] = ok(cells[a][b]);
}

static void compute_rate_classes(const struct rules *rules, const struct quarter_view *v,
                                 struct report *r)
{
	size_t n = 1 + rules->role_rates.count + rules->department_rates.count;
	r->rate_classes = xcalloc(n, sizeof(*r->rate_classes));
	r->rate_class_count = n;
	r->rate_classes[0] = (struct rate_class){ RATE_DEFAULT, xstrdup(""), rules->rate_default,
	                                          false };
	for (size_t i = 0; i < rules->role_rates.count; i++)
		r->rate_classes[1 + i] = (struct rate_class){ RATE_ROLE,
			xstrdup(rules->role_rates.items[i].name), rules->role_rates.items[i].value,
			v->class_merged[1 + i] };
	for (size_t i = 0; i < rules->department_rates.count; i++) {
		size_t k = 1 + rules->role_rates.count + i;
		r->rate_classes[k] = (struct rate_class){
			RATE_DEPARTMENT, xstrdup(rules->department_rates.items[i].name),
			rules->department_rates.items[i].value, v->class_merged[k] };
	}
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
	out->savers = v->savers;
	out->adoption_rate = v->adoption_rate;
	out->maturity_index = v->maturity_index;
	out->hours_saved_per_week = v->hours_saved_per_week;
	out->roi = v->roi;
}

static struct figure published_figure(const struct published_quarter *pq, int m)
{
	static const enum figure_status states[] = { FIG_OK, FIG_NA, FIG_SUPPRESSED };
	return (struct figure){ pq->value[m], states[pq->state[m]] };
}

/* A trend quarter before P as the history says it was published, when it was:
 * a later report never shows other figures for it than management received. */
static void apply_published(const struct dataset *d, struct quarter *q)
{
	int index = q->year * 4 + q->quarter - 1;
	for (size_t i = 0; i < d->published_count; i++) {
		const struct published_quarter *pq = &d->published[i];
		if (pq->quarter != index)
			continue;
		struct figure *to[PUBLISHED_TREND_METRICS] = {
			&q->adoption_rate, &q->hours_saved_per_week, &q->maturity_index, &q->roi };
		for (int m = 0; m < PUBLISHED_TREND_METRICS; m++)
			if (pq->state[m] >= 0)
				*to[m] = published_figure(pq, m);
		q->published_version = pq->version;
	}
}

/* What the history contributed, for the reports to say so. */
static void history_notes(const struct dataset *d, struct report *r)
{
	r->history_timesheet_quarter_count = d->history_timesheet_quarter_count;
	r->history_survey_quarter_count = d->history_survey_quarter_count;
	r->history_timesheet_quarters = xmalloc((d->history_timesheet_quarter_count + 1) *
	                                        sizeof(int));
	r->history_survey_quarters = xmalloc((d->history_survey_quarter_count + 1) * sizeof(int));
	if (d->history_timesheet_quarter_count)
		memcpy(r->history_timesheet_quarters, d->history_timesheet_quarters,
		       d->history_timesheet_quarter_count * sizeof(int));
	if (d->history_survey_quarter_count)
		memcpy(r->history_survey_quarters, d->history_survey_quarters,
		       d->history_survey_quarter_count * sizeof(int));
	r->survey_held_back = d->survey_held_back;
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

/* The organisation's figures of P that come straight from its view. */
static void compute_org(const struct compute *c, const struct quarter_view *v,
                        struct report *r)
{
	const struct rules *rules = c->rules;
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
	for (size_t e = 0; e < c->employees; e++) {
		entries += v->entries[e];
		ai_entries += v->ai_entries[e];
	}
	r->org[ORG_LOGGED_AI_SHARE] = ratio(ai_entries, entries);
}

/* The data-quality page: rows per file and who is in which file. */
static void data_quality(const struct dataset *d, struct report *r)
{
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
	struct quarter_view *v = view_get(&c, quarter);
	compute_rate_classes(rules, v, r);
	compute_org(&c, v, r);

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
	for (size_t i = 0; i < n; i++)      /* d->published holds quarters before P only */
		apply_published(d, &r->quarters[i]);
	struct quarter_view *prev = view_get(&c, quarter - 1);
	if (prev->has_survey) {
		r->has_previous = true;
		quarter_figures(prev, &r->previous);
		apply_published(d, &r->previous);
	}
	history_notes(d, r);

	if (rules->employee_sheet) {
		compute_employees(&c, v, r);
		qsort(r->employees, r->employee_count, sizeof(*r->employees),
		      compare_employee_rows);
	}

	data_quality(d, r);
	privacy_apply(r);
	report_roi_compute(r);
	report_findings_compute(r);

	for (int i = 0; i < c.view_count; i++)
		view_free(c.views[i]);
	free(c.views);
	free(c.first_row);
	free(c.survey_quarters);
}

