/* history_merge.c - earlier quarters from the history added to the exports'
 * dataset (see history_merge.h).  Works on the history's records through
 * history.h only; SQLite stays in history*.c that include history_db.h. */
#include "history_merge.h"

#include <stdio.h>
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
                              struct key3_index *index, struct ts_cell **cells, size_t *cap)
{
	for (size_t i = 0; i < hd->cell_count; i++) {
		int q = hd->cells[i].month / 3;
		if (timesheet_covers(d, q) || after_timesheet(d, q) != after)
			continue;
		put_history_cell(d, n, &hd->cells[i], index, cells, cap);
		add_quarter(&d->history_timesheet_quarters, &d->history_timesheet_quarter_count, q);
	}
}

/* The cells in the order a run over all the data would fold them in: earlier
 * quarters, the timesheet's, later quarters. */
static void merge_cells(struct dataset *d, const struct names *n,
                        const struct history_data *hd)
{
	struct key3_index index = { 0 };
	struct ts_cell *cells = NULL;
	size_t cap = 0;
	put_history_cells(d, n, hd, false, &index, &cells, &cap);
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *c = &d->cells[i];
		bool added;
		size_t k = key3_intern(&index, (struct key3){ c->employee, c->use_case, c->month },
		                       &added);
		GROW(cells, cap, k + 1);
		cells[k] = *c;
	}
	put_history_cells(d, n, hd, true, &index, &cells, &cap);
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

/* ---- re-issued survey quarters -------------------------------------------------
 * A quarter whose survey rows the history holds, up to the latest quarter
 * published, was used by an earlier report (its own or a later one's trend).
 * When the export's rows for it differ, the two reports could be subtracted: the
 * difference must involve 0 or at least k people in every group a figure is
 * computed over.  Each family of figures sees a person's answer through some of
 * its fields, so a person counts as changed for a family when what that family
 * sees differs (present in one version only, or another value): the base family
 * (respondent counts, adoption, levels, maturity) sees the five scores and the AI
 * days, the others satisfaction, the training date and the mentor, each only when
 * given; a changed department or role changes every family that sees the person.
 * The groups are the organisation and every department (survey figures are not
 * published by role; rate classes by department are departments), counted on both
 * the old and the new answer.  If any group changes by fewer than k, the export's
 * rows of that quarter are held back: the report keeps the answers the earlier
 * one used. */

enum family { FAMILY_BASE, FAMILY_SATISFACTION, FAMILY_TRAINING, FAMILY_MENTOR,
              FAMILY_COUNT };

/* One person's answer in one quarter as the history keeps it. */
struct answer {
	const char *department, *role, *mentor;     /* mentor "" when none */
	int8_t scores[5];
	double ai_days;
	int32_t training_date;
	int8_t satisfaction;
};

static bool family_sees(const struct answer *a, enum family f)
{
	switch (f) {
	case FAMILY_BASE: return true;
	case FAMILY_SATISFACTION: return a->satisfaction != 0;
	case FAMILY_TRAINING: return a->training_date != NO_DATE;
	case FAMILY_MENTOR: return a->mentor[0] != '\0';
	default: return false;
	}
}

/* Whether family f sees the same of a and b (either may be NULL: no answer). */
static bool family_same(const struct answer *a, const struct answer *b, enum family f)
{
	bool sa = a && family_sees(a, f), sb = b && family_sees(b, f);
	if (!sa || !sb)
		return sa == sb;
	if (strcmp(a->department, b->department) != 0 || strcmp(a->role, b->role) != 0)
		return false;
	switch (f) {
	case FAMILY_BASE:
		return memcmp(a->scores, b->scores, 5) == 0 && a->ai_days == b->ai_days;
	case FAMILY_SATISFACTION: return a->satisfaction == b->satisfaction;
	case FAMILY_TRAINING: return a->training_date == b->training_date;
	case FAMILY_MENTOR: return strcmp(a->mentor, b->mentor) == 0;
	default: return true;
	}
}

/* The old and the new answer of one person. */
struct change {
	struct answer old, new;
	bool has_old, has_new;
};

static void count_group(struct strmap *groups, long **counts, size_t *cap, const char *kind,
                        const char *name)
{
	struct buf key = { 0 };
	buf_printf(&key, "%s:%s", kind, name);
	size_t i = strmap_intern(groups, key.data, key.len, NULL);
	buf_free(&key);
	if (i >= *cap) {
		size_t old = *cap;
		GROW(*counts, *cap, i + 1);
		memset(*counts + old, 0, (*cap - old) * sizeof(**counts));
	}
	(*counts)[i]++;
}

/* The department of one version of a changed answer, counted once per person. */
static void count_answer(struct strmap *groups, long **counts, size_t *cap,
                         const struct answer *a, const struct answer *other)
{
	if (!other || strcmp(a->department, other->department) != 0)
		count_group(groups, counts, cap, "d", a->department);
}

/* Whether the changes of one quarter leave every group of every family unchanged
 * or changed by at least k people. */
static bool changes_disclose(const struct change *ch, size_t count, int k)
{
	bool disclose = false;
	for (int f = 0; f < FAMILY_COUNT && !disclose; f++) {
		struct strmap groups = { 0 };
		long *counts = NULL;
		size_t cap = 0;
		long changed = 0;
		for (size_t i = 0; i < count; i++) {
			const struct answer *o = ch[i].has_old ? &ch[i].old : NULL;
			const struct answer *n = ch[i].has_new ? &ch[i].new : NULL;
			if (family_same(o, n, (enum family)f))
				continue;
			changed++;
			if (o && family_sees(o, (enum family)f))
				count_answer(&groups, &counts, &cap, o, NULL);
			if (n && family_sees(n, (enum family)f))
				count_answer(&groups, &counts, &cap, n,
				             o && family_sees(o, (enum family)f) ? o : NULL);
		}
		disclose = changed > 0 && changed < k;
		for (size_t g = 0; g < groups.count && !disclose; g++)
			disclose = counts[g] > 0 && counts[g] < k;
		free(counts);
		strmap_free(&groups);
	}
	return disclose;
}

static struct answer history_answer(const struct history_survey_row *hs)
{
	return (struct answer){
		.department = hs->department, .role = hs->role ? hs->role : "",
		.mentor = hs->mentor_named ? hs->mentor : "", .scores = { hs->scores[0],
		hs->scores[1], hs->scores[2], hs->scores[3], hs->scores[4] },
		.ai_days = hs->ai_days_per_week, .training_date = hs->training_date,
		.satisfaction = hs->satisfaction,
	};
}

/* The answers of one quarter, old (the history's) and new (the export's), by
 * pseudonym. */
struct reissue {
	int quarter;
	struct strmap people;
	struct change *ch;
	size_t cap;
	char (*mentors)[SHA256_HEX_SIZE];       /* the new answers' mentor pseudonyms */
	size_t *row_person;     /* by survey row as built: its person, SIZE_MAX = other quarter */
};

/* The slot of a person, empty when new. */
static size_t reissue_person(struct reissue *x, const char *pseudonym)
{
	bool added;
	size_t p = strmap_intern(&x->people, pseudonym, strlen(pseudonym), &added);
	GROW(x->ch, x->cap, p + 1);
	if (added)
		memset(&x->ch[p], 0, sizeof(x->ch[p]));
	return p;
}

static void reissue_build(struct reissue *x, const struct dataset *d, const struct history *h,
                          const struct history_data *hd, int q)
{
	memset(x, 0, sizeof(*x));
	x->quarter = q;
	x->mentors = xcalloc(d->survey_count + 1, SHA256_HEX_SIZE);
	x->row_person = xmalloc((d->survey_count + 1) * sizeof(*x->row_person));
	for (size_t i = 0; i < hd->survey_count; i++) {
		const struct history_survey_row *hs = &hd->survey[i];
		if (hs->quarter != q)
			continue;
		size_t p = reissue_person(x, hs->employee);     /* may move x->ch */
		struct change *c = &x->ch[p];
		c->old = history_answer(hs);
		c->has_old = true;
	}
	for (size_t i = 0; i < d->survey_count; i++) {
		const struct survey_row *s = &d->survey[i];
		x->row_person[i] = SIZE_MAX;
		if (quarter_of_days(s->submitted) != q || !s->line)
			continue;
		char pseudonym[SHA256_HEX_SIZE];
		history_pseudonym(h, strmap_key(&d->employees, s->employee), pseudonym);
		x->row_person[i] = reissue_person(x, pseudonym);
		struct change *c = &x->ch[x->row_person[i]];
		if (s->mentor != NO_STRING)
			history_pseudonym(h, strmap_key(&d->strings, s->mentor), x->mentors[i]);
		c->new = (struct answer){
			.department = strmap_key(&d->departments, s->department),
			.role = strmap_key(&d->strings, s->role), .mentor = x->mentors[i],
			.scores = { s->scores[0], s->scores[1], s->scores[2], s->scores[3], s->scores[4] },
			.ai_days = s->ai_days_per_week,
			.training_date = s->training_date, .satisfaction = s->satisfaction,
		};
		c->has_new = true;
	}
}

static void reissue_free(struct reissue *x)
{
	free(x->ch);
	free(x->mentors);
	free(x->row_person);
	strmap_free(&x->people);
}

/* Whether a person's answer changed for any family of figures. */
static bool person_changed(const struct change *c)
{
	for (int f = 0; f < FAMILY_COUNT; f++)
		if (!family_same(c->has_old ? &c->old : NULL, c->has_new ? &c->new : NULL,
		                 (enum family)f))
			return true;
	return false;
}

/* Takes the export's changed rows of the quarter out of the dataset: superseded
 * by the answers an earlier report used.  The unchanged ones stay (they equal
 * the history's).  x was built on the dataset's rows as they are. */
static void hold_back(struct dataset *d, const struct reissue *x, int k)
{
	char label[QUARTER_LABEL_SIZE];
	quarter_label(x->quarter, label);
	size_t kept = 0;
	for (size_t i = 0; i < d->survey_count; i++) {
		const struct survey_row *s = &d->survey[i];
		size_t p = x->row_person[i];
		if (p == SIZE_MAX || !person_changed(&x->ch[p])) {
			d->survey[kept++] = *s;
			continue;
		}
		char reason[160];
		snprintf(reason, sizeof(reason), "superseded by the answers already published for "
		         "%s: the change would single out fewer than %d people", label, k);
		dataset_add_survey_reject(d, s->line, "employee_id",
		                          strmap_key(&d->employees, s->employee), reason);
		d->survey_file.rows_superseded++;
		d->survey_file.rows_used--;
		d->survey_held_back++;
	}
	d->survey_count = kept;
	survey_sort_rejects(d);
}

static void add_history_row(struct dataset *d, const struct names *n,
                            const struct history_survey_row *hs)
{
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
	add_quarter(&d->history_survey_quarters, &d->history_survey_quarter_count, hs->quarter);
}

/* The survey rows of the quarters without rows in the survey export; of a
 * re-issued quarter whose change would single out fewer than k people, the
 * history's answers of everyone whose answer changed (d->held_back_quarters). */
static void merge_survey(struct dataset *d, const struct history *h, const struct names *n,
                         const struct history_data *hd, int k)
{
	int *own = NULL;
	size_t own_count = 0;
	for (size_t i = 0; i < d->survey_count; i++)
		add_quarter(&own, &own_count, quarter_of_days(d->survey[i].submitted));
	size_t held_count = 0;
	struct reissue *held = xmalloc((own_count + 1) * sizeof(*held));
	for (size_t i = 0; i < own_count; i++) {
		if (own[i] > hd->last_published ||
		    !has_quarter(hd->survey_quarters, hd->survey_quarter_count, own[i]))
			continue;
		struct reissue *x = &held[held_count];
		reissue_build(x, d, h, hd, own[i]);
		if (!changes_disclose(x->ch, x->people.count, k)) {
			reissue_free(x);
			continue;
		}
		hold_back(d, x, k);
		held_count++;
		d->held_back_quarters = xrealloc(d->held_back_quarters,
		                                 held_count * sizeof(int));
		d->held_back_quarters[held_count - 1] = own[i];
		d->held_back_quarter_count = held_count;
	}
	for (size_t i = 0; i < hd->survey_count; i++) {
		const struct history_survey_row *hs = &hd->survey[i];
		bool restore = false;
		for (size_t x = 0; x < held_count && !restore; x++) {
			if (held[x].quarter != hs->quarter)
				continue;
			size_t p = strmap_find(&held[x].people, hs->employee, strlen(hs->employee));
			restore = p != SIZE_MAX && person_changed(&held[x].ch[p]);
		}
		if (restore || !has_quarter(own, own_count, hs->quarter))
			add_history_row(d, n, hs);
	}
	for (size_t x = 0; x < held_count; x++)
		reissue_free(&held[x]);
	free(held);
	free(own);
	survey_sort_rows(d->survey, d->survey_count);
}

/* The trend figures of the quarters before last_quarter as published. */
static void take_published(struct dataset *d, const struct history_data *hd, int last_quarter)
{
	static const char *const metrics[PUBLISHED_TREND_METRICS] = {
		"adoption_rate", "hours_saved_per_week", "maturity_index", "roi" };
	for (size_t i = 0; i < hd->publication_count; i++) {
		const struct history_publication *p = &hd->publications[i];
		if (p->quarter >= last_quarter)
			continue;
		char label[QUARTER_LABEL_SIZE];
		quarter_label(p->quarter, label);
		struct published_quarter pq = { .quarter = p->quarter, .version = p->version };
		bool any = false;
		for (int m = 0; m < PUBLISHED_TREND_METRICS; m++) {
			pq.state[m] = -1;
			for (size_t f = 0; f < p->figures.count; f++) {
				const struct history_figure *fig = &p->figures.items[f];
				if (strcmp(fig->scope, "quarter") != 0 || strcmp(fig->group, label) != 0 ||
				    strcmp(fig->metric, metrics[m]) != 0)
					continue;
				pq.state[m] = strcmp(fig->status, "ok") == 0 ? 0
				            : strcmp(fig->status, "suppressed") == 0 ? 2 : 1;
				pq.value[m] = pq.state[m] == 0 ? strtod(fig->value, NULL) : 0;
				any = true;
			}
		}
		if (!any)
			continue;
		d->published = xrealloc(d->published, (d->published_count + 1) * sizeof(pq));
		d->published[d->published_count++] = pq;
	}
}

int history_merge(struct history *h, struct dataset *d, const struct history_merge_options *o,
                  FILE *err)
{
	struct history_data hd;
	int status = history_load(h, 0, o->last_quarter, o->republish, &hd, err);
	if (status)
		return status;
	struct names n;
	names_build(&n, h, d);
	d->export_employees = d->employees.count;
	merge_cells(d, &n, &hd);
	merge_baselines(d, &hd);
	merge_first_ai(d, &hd);
	merge_survey(d, h, &n, &hd, o->min_group_size);
	take_published(d, &hd, o->last_quarter);
	d->history_merged = true;
	names_free(&n);
	history_data_free(&hd);
	return 0;
}
