/* history_merge.c - earlier quarters from the history added to the exports'
 * dataset (see history_merge.h).  Works on the history's records through
 * history.h only; SQLite stays in history*.c that include history_db.h. */
#include "history_merge.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "history.h"
#include "survey.h"
#include "util.h"

/* Pseudonym -> the name the exports know that person by: every employee id and
 * every other string (mentor ids) of the dataset, pseudonymised once. */
struct names {
	struct strmap pseudonyms;
	char **names;                   /* by pseudonym index, owned */
	size_t cap;
};

static void names_add(struct names *n, const struct history *h, const char *name)
{
	char pseudonym[SHA256_HEX_SIZE];
	history_pseudonym(h, name, pseudonym);
	bool added;
	size_t i = strmap_intern(&n->pseudonyms, pseudonym, strlen(pseudonym), &added);
	if (added) {
		GROW(n->names, n->cap, i + 1);
		n->names[i] = xstrdup(name);
	}
}

static void names_build(struct names *n, const struct history *h, const struct dataset *d)
{
	memset(n, 0, sizeof(*n));
	for (size_t e = 0; e < d->employees.count; e++)
		names_add(n, h, strmap_key(&d->employees, e));
	for (size_t s = 0; s < d->strings.count; s++)
		names_add(n, h, strmap_key(&d->strings, s));
}

static void names_free(struct names *n)
{
	for (size_t i = 0; i < n->pseudonyms.count; i++)
		free(n->names[i]);
	free(n->names);
	strmap_free(&n->pseudonyms);
}

/* The exports' name of a pseudonym, or the pseudonym itself for someone they do
 * not name. */
static const char *names_resolve(const struct names *n, const char *pseudonym)
{
	size_t i = strmap_find(&n->pseudonyms, pseudonym, strlen(pseudonym));
	return i == SIZE_MAX ? pseudonym : n->names[i];
}

static uint32_t intern(struct strmap *m, const char *s)
{
	return (uint32_t)strmap_intern(m, s, strlen(s), NULL);
}

static bool timesheet_covers(const struct dataset *d, int quarter)
{
	return quarter >= d->ts_first_quarter && quarter <= d->ts_last_quarter;
}

/* Whether a history quarter comes after the timesheet's (before it, when the
 * timesheet has no row at all). */
static bool after_timesheet(const struct dataset *d, int quarter)
{
	return d->ts_first_quarter <= d->ts_last_quarter && quarter > d->ts_last_quarter;
}

static bool has_quarter(const int *quarters, size_t count, int quarter)
{
	for (size_t i = 0; i < count; i++)
		if (quarters[i] == quarter)
			return true;
	return false;
}

/* Adds quarter to a sorted list unless it is there. */
static void add_quarter(int **quarters, size_t *count, int quarter)
{
	if (has_quarter(*quarters, *count, quarter))
		return;
	*quarters = xrealloc(*quarters, (*count + 1) * sizeof(int));
	size_t i = *count;
	while (i > 0 && (*quarters)[i - 1] > quarter) {
		(*quarters)[i] = (*quarters)[i - 1];
		i--;
	}
	(*quarters)[i] = quarter;
	(*count)++;
}

/* One history cell into the new table. */
static void put_history_cell(struct dataset *d, const struct names *n,
                             const struct history_cell *hc, struct key3_index *index,
                             struct ts_cell **cells, size_t *cap)
{
	uint32_t employee = intern(&d->employees, names_resolve(n, hc->employee));
	uint32_t use_case = intern(&d->use_cases, hc->use_case);
	bool added;
	size_t i = key3_intern(index, (struct key3){ employee, use_case, hc->month }, &added);
	GROW(*cells, *cap, i + 1);
	(*cells)[i] = (struct ts_cell){
		.employee = employee, .use_case = use_case, .month = hc->month,
		.entries = hc->entries, .ai_entries = hc->ai_entries,
		.ai_items = hc->ai_items, .ai_minutes = hc->ai_minutes,
		.department = hc->department ? intern(&d->departments, hc->department) : NO_STRING,
		.department_date = hc->department ? hc->department_date : NO_DATE,
		.department_line = hc->department_line,
	};
}

/* The history's cells of the quarters before the timesheet's in the history's
 * order (after = false), or of those after it (after = true). */
static void put_history_cells(struct dataset *d, const struct names *n,
                              const struct history_data *hd, bool after,
                              struct key3_index *index, struct ts_cell **cells, size_t *cap,
                              struct history_merged *m)
{
	for (size_t i = 0; i < hd->cell_count; i++) {
		int q = hd->cells[i].month / 3;
		if (timesheet_covers(d, q) || after_timesheet(d, q) != after)
			continue;
		put_history_cell(d, n, &hd->cells[i], index, cells, cap);
		add_quarter(&m->timesheet_quarters, &m->timesheet_quarter_count, q);
	}
}

/* The cells in the order a run over all the data would fold them in: earlier
 * quarters, the timesheet's, later quarters. */
static void merge_cells(struct dataset *d, const struct names *n,
                        const struct history_data *hd, struct history_merged *m)
{
	struct key3_index index = { 0 };
	struct ts_cell *cells = NULL;
	size_t cap = 0;
	put_history_cells(d, n, hd, false, &index, &cells, &cap, m);
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *c = &d->cells[i];
		bool added;
		size_t k = key3_intern(&index, (struct key3){ c->employee, c->use_case, c->month },
		                       &added);
		GROW(cells, cap, k + 1);
		cells[k] = *c;
	}
	put_history_cells(d, n, hd, true, &index, &cells, &cap, m);
	key3_free(&d->cell_index);
	free(d->cells);
	d->cell_index = index;
	d->cells = cells;
	d->cell_cap = cap;
}

static void put_history_baselines(struct dataset *d, const struct history_data *hd,
                                  bool after, struct key3_index *index,
                                  struct baseline_cell **baselines, size_t *cap)
{
	for (size_t i = 0; i < hd->baseline_count; i++) {
		const struct history_baseline *hb = &hd->baselines[i];
		int q = hb->month / 3;
		if (timesheet_covers(d, q) || after_timesheet(d, q) != after)
			continue;
		uint32_t use_case = intern(&d->use_cases, hb->use_case);
		bool added;
		size_t k = key3_intern(index, (struct key3){ use_case, 0, hb->month }, &added);
		GROW(*baselines, *cap, k + 1);
		(*baselines)[k] = (struct baseline_cell){ use_case, hb->month, hb->minutes,
		                                          hb->items };
	}
}

static void merge_baselines(struct dataset *d, const struct history_data *hd)
{
	struct key3_index index = { 0 };
	struct baseline_cell *baselines = NULL;
	size_t cap = 0;
	put_history_baselines(d, hd, false, &index, &baselines, &cap);
	for (size_t i = 0; i < d->baseline_index.count; i++) {
		const struct baseline_cell *b = &d->baselines[i];
		bool added;
		size_t k = key3_intern(&index, (struct key3){ b->use_case, 0, b->month }, &added);
		GROW(baselines, cap, k + 1);
		baselines[k] = *b;
	}
	put_history_baselines(d, hd, true, &index, &baselines, &cap);
	key3_free(&d->baseline_index);
	free(d->baselines);
	d->baseline_index = index;
	d->baselines = baselines;
	d->baseline_cap = cap;
}

/* first_ai_date covers use case u (new slots: NO_DATE). */
static void first_ai_reach(struct dataset *d, size_t u)
{
	if (u < d->first_ai_cap)
		return;
	size_t old = d->first_ai_cap;
	GROW(d->first_ai_date, d->first_ai_cap, u + 1);
	for (size_t k = old; k < d->first_ai_cap; k++)
		d->first_ai_date[k] = NO_DATE;
}

/* The earliest first AI date of the timesheet's and the history's other quarters;
 * the timesheet's own are kept for the history's record. */
static void merge_first_ai(struct dataset *d, const struct history_data *hd)
{
	d->export_first_ai_count = d->first_ai_cap;
	d->export_first_ai_date = xmalloc((d->first_ai_cap + 1) * sizeof(int32_t));
	if (d->first_ai_cap)
		memcpy(d->export_first_ai_date, d->first_ai_date,
		       d->first_ai_cap * sizeof(int32_t));
	for (size_t i = 0; i < hd->first_ai_count; i++) {
		const struct history_first_ai *f = &hd->first_ai[i];
		if (timesheet_covers(d, f->quarter))
			continue;
		uint32_t u = intern(&d->use_cases, f->use_case);
		first_ai_reach(d, u);
		if (d->first_ai_date[u] == NO_DATE || f->date < d->first_ai_date[u])
			d->first_ai_date[u] = f->date;
	}
}

/* The survey rows of the quarters without rows in the survey export. */
static void merge_survey(struct dataset *d, const struct names *n,
                         const struct history_data *hd, struct history_merged *m)
{
	int *own = NULL;
	size_t own_count = 0;
	for (size_t i = 0; i < d->survey_count; i++)
		add_quarter(&own, &own_count, quarter_of_days(d->survey[i].submitted));
	for (size_t i = 0; i < hd->survey_count; i++) {
		const struct history_survey_row *hs = &hd->survey[i];
		if (has_quarter(own, own_count, hs->quarter))
			continue;
		struct survey_row row = {
			.employee = intern(&d->employees, names_resolve(n, hs->employee)),
			.submitted = hs->submitted,
			.department = intern(&d->departments, hs->department),
			.role = intern(&d->strings, hs->role ? hs->role : ""),
			.mentor = hs->mentor_named && hs->mentor[0]
				? intern(&d->strings, names_resolve(n, hs->mentor)) : NO_STRING,
			.training_date = hs->training_date,
			.ai_days_per_week = hs->ai_days_per_week,
			.satisfaction = hs->satisfaction,
			.line = 0,
		};
		memcpy(row.scores, hs->scores, sizeof(row.scores));
		GROW(d->survey, d->survey_cap, d->survey_count + 1);
		d->survey[d->survey_count++] = row;
		add_quarter(&m->survey_quarters, &m->survey_quarter_count, hs->quarter);
	}
	free(own);
	survey_sort_rows(d->survey, d->survey_count);
}

void history_merged_free(struct history_merged *m)
{
	free(m->timesheet_quarters);
	free(m->survey_quarters);
	memset(m, 0, sizeof(*m));
}

int history_merge(struct history *h, struct dataset *d, int last_quarter,
                  struct history_merged *merged, FILE *err)
{
	struct history_data hd;
	int status = history_load(h, 0, last_quarter, &hd, err);
	if (status)
		return status;
	struct history_merged m = { 0 };
	struct names n;
	names_build(&n, h, d);
	d->export_employees = d->employees.count;
	merge_cells(d, &n, &hd, &m);
	merge_baselines(d, &hd);
	merge_first_ai(d, &hd);
	merge_survey(d, &n, &hd, &m);
	d->history_merged = true;
	names_free(&n);
	history_data_free(&hd);
	if (merged)
		*merged = m;
	else
		history_merged_free(&m);
	return 0;
}
