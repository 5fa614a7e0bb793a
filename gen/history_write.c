/* history_write.c - one run recorded in the history in one transaction (see
 * history_write.h). */
#include "history_db.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "rules.h"
#include "util.h"

/* ---- recording -------------------------------------------------------------------- */

/* Cells and survey answers go in BATCH rows to a statement (S_CELLS,
 * S_SURVEYS): a statement's own work (step, reset, the checks of each binding)
 * was a quarter of what a cell cost when each had its own. */
#define BATCH 16
#define CELL_PARAMS 11
#define CELL_INSERT "INSERT INTO timesheet_cell(person, use_case, month, entries, ai_entries," \
                    " ai_items, ai_minutes, department, department_date, ordinal," \
                    " department_line) VALUES"
#define CELL_ROW "(?,?,?,?,?,?,?,?,?,?,?)"
#define CELL_ROWS_4 CELL_ROW "," CELL_ROW "," CELL_ROW "," CELL_ROW
#define SURVEY_PARAMS 15
#define SURVEY_INSERT "INSERT INTO survey_answer(person, quarter, submitted, department, role," \
                      " mentor_named, mentor, training_date, ai_days_per_week, tool_knowledge," \
                      " application_breadth, autonomy, innovation, knowledge_sharing," \
                      " satisfaction) VALUES"
#define SURVEY_ROW "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
#define SURVEY_ROWS_4 SURVEY_ROW "," SURVEY_ROW "," SURVEY_ROW "," SURVEY_ROW

/* Statements of one record transaction; history_record() finalises each. */
enum {
	S_RUN, S_INPUT, S_PUBLICATION, S_FIGURE, S_RUN_PUBLICATION, S_PERSON_ADD, S_PERSON_ID,
	S_TS_QUARTER, S_TS_DELETE_CELLS, S_TS_DELETE_BASELINES, S_TS_DELETE_FIRST_AI,
	S_CELL, S_CELLS, S_BASELINE, S_FIRST_AI, S_SURVEY_QUARTER, S_SURVEY_DELETE, S_SURVEY, S_SURVEYS,
	S_META,
	S_COUNT
};
static const char *const record_sql[S_COUNT] = {
	[S_RUN] = "INSERT INTO run(run_at, created, program_version, quarter, period,"
	          " baseline_from, baseline_to) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[S_INPUT] = "INSERT INTO run_input(run, role, path, sha256) VALUES(?1, ?2, ?3, ?4)",
	[S_PUBLICATION] = "INSERT INTO publication(quarter, version, run) VALUES(?1, ?2, ?3)",
	[S_FIGURE] = "INSERT INTO figure(publication, line, scope, grp, metric, value, status)"
	             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[S_RUN_PUBLICATION] = "UPDATE run SET publication = ?2 WHERE id = ?1",
	[S_PERSON_ADD] = "INSERT OR IGNORE INTO person(pseudonym) VALUES(?1)",
	[S_PERSON_ID] = "SELECT id FROM person WHERE pseudonym = ?1",
	[S_TS_QUARTER] = "INSERT OR REPLACE INTO timesheet_quarter(quarter, run) VALUES(?1, ?2)",
	[S_TS_DELETE_CELLS] = "DELETE FROM timesheet_cell WHERE month BETWEEN ?1 * 3 AND ?1 * 3 + 2",
	[S_TS_DELETE_BASELINES] = "DELETE FROM baseline_cell WHERE month BETWEEN ?1 * 3 AND ?1 * 3 + 2",
	[S_TS_DELETE_FIRST_AI] = "DELETE FROM first_ai WHERE quarter = ?1",
	[S_CELL] = CELL_INSERT CELL_ROW,
	[S_CELLS] = CELL_INSERT CELL_ROWS_4 "," CELL_ROWS_4 "," CELL_ROWS_4 "," CELL_ROWS_4,
	[S_BASELINE] = "INSERT INTO baseline_cell(use_case, month, minutes, items, ordinal)"
	               " VALUES(?1, ?2, ?3, ?4, ?5)",
	[S_FIRST_AI] = "INSERT INTO first_ai(use_case, quarter, date) VALUES(?1, ?2, ?3)",
	[S_SURVEY_QUARTER] = "INSERT OR REPLACE INTO survey_quarter(quarter, run) VALUES(?1, ?2)",
	[S_SURVEY_DELETE] = "DELETE FROM survey_answer WHERE quarter = ?1",
	[S_SURVEY] = SURVEY_INSERT SURVEY_ROW,
	[S_SURVEYS] = SURVEY_INSERT SURVEY_ROWS_4 "," SURVEY_ROWS_4 "," SURVEY_ROWS_4 ","
	              SURVEY_ROWS_4,
	[S_META] = "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)",
};

struct recorder {
	struct history *h;
	FILE *err;
	sqlite3_stmt *st[S_COUNT];
	int rc;                         /* the first failing SQLite result, already told */
	sqlite3_int64 run;
	/* the person rows of the dataset's employees and of its other strings (the
	 * mentors), by their index; 0 until looked up */
	sqlite3_int64 *person_of[2];
};

enum { EMPLOYEE_IDS, OTHER_IDS };

/* Notes the first failure and tells it while SQLite's message is still about it. */
static void record_fail(struct recorder *r, int rc)
{
	if (r->rc)
		return;
	r->rc = rc;
	history_fail(r->h, rc, r->err);
}

/* Steps a bound statement to its end and resets it; false on failure (kept in
 * r->rc). */
static bool step(struct recorder *r, int which)
{
	sqlite3_stmt *st = r->st[which];
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		record_fail(r, rc);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_date(sqlite3_stmt *st, int i, int32_t days)
{
	if (days == NO_DATE)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int(st, i, days);
}

/* The person row of a pseudonymised id; 0 on failure. */
static sqlite3_int64 person(struct recorder *r, const char *id)
{
	char pseudonym[SHA256_HEX_SIZE];
	history_pseudonym(r->h, id, pseudonym);
	sqlite3_stmt *add = r->st[S_PERSON_ADD], *find = r->st[S_PERSON_ID];
	sqlite3_bind_text(add, 1, pseudonym, -1, SQLITE_STATIC);
	if (!step(r, S_PERSON_ADD))
		return 0;
	sqlite3_bind_text(find, 1, pseudonym, -1, SQLITE_STATIC);
	int rc = sqlite3_step(find);
	sqlite3_int64 id_row = rc == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
	if (!id_row)
		record_fail(r, rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_INTERNAL : rc);
	sqlite3_reset(find);
	sqlite3_clear_bindings(find);
	return id_row;
}

/* The person row of key i of m (EMPLOYEE_IDS: the employees, OTHER_IDS: the
 * strings), looked up once: a survey row is one of many of its employee. */
static sqlite3_int64 known_person(struct recorder *r, int which, const struct strmap *m,
                                  size_t i)
{
	if (!r->person_of[which])
		r->person_of[which] = xcalloc(m->count + 1, sizeof(*r->person_of[which]));
	if (!r->person_of[which][i])
		r->person_of[which][i] = person(r, strmap_key(m, i));
	return r->person_of[which][i];
}

/* The input's path and SHA-256: the one given (digests, NULL where the file
 * could not be read), else the file's, hashed here. */
static bool record_input(struct recorder *r, const char *role, const char *path,
                         const char *const *digests, int which)
{
	if (!path)
		return true;
	char hex[SHA256_HEX_SIZE];
	sqlite3_stmt *st = r->st[S_INPUT];
	sqlite3_bind_int64(st, 1, r->run);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, path, -1, SQLITE_STATIC);
	if (digests)
		bind_text(st, 4, digests[which]);
	else
		bind_text(st, 4, sha256_file(path, hex) == 0 ? hex : NULL);
	return step(r, S_INPUT);
}

static bool record_figures(struct recorder *r, const struct history_figures *f,
                           int version, sqlite3_int64 *publication)
{
	sqlite3_stmt *st = r->st[S_PUBLICATION];
	sqlite3_bind_int(st, 1, f->quarter);
	sqlite3_bind_int(st, 2, version);
	sqlite3_bind_int64(st, 3, r->run);
	if (!step(r, S_PUBLICATION))
		return false;
	*publication = sqlite3_last_insert_rowid(r->h->db);
	st = r->st[S_FIGURE];
	for (size_t i = 0; i < f->count; i++) {
		const struct history_figure *x = &f->items[i];
		sqlite3_bind_int64(st, 1, *publication);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		bind_text(st, 3, x->scope);
		bind_text(st, 4, x->group);
		bind_text(st, 5, x->metric);
		bind_text(st, 6, x->value);
		bind_text(st, 7, x->status);
		if (!step(r, S_FIGURE))
			return false;
	}
	return true;
}

/* The timesheet's quarters (its first to last) replace what the history held
 * for them. */
static bool record_timesheet_quarters(struct recorder *r, const struct dataset *d)
{
	for (int q = d->ts_first_quarter; q <= d->ts_last_quarter; q++) {
		static const int deletes[] = { S_TS_DELETE_CELLS, S_TS_DELETE_BASELINES,
		                               S_TS_DELETE_FIRST_AI };
		for (size_t k = 0; k < ARRAY_LEN(deletes); k++) {
			sqlite3_bind_int(r->st[deletes[k]], 1, q);
			if (!step(r, deletes[k]))
				return false;
		}
		sqlite3_bind_int(r->st[S_TS_QUARTER], 1, q);
		sqlite3_bind_int64(r->st[S_TS_QUARTER], 2, r->run);
		if (!step(r, S_TS_QUARTER))
			return false;
	}
	return true;
}

/* Whether month lies in the timesheet's quarters: the dataset's other cells
 * came from the history (history_merge.c) and stay as they are stored. */
static bool exported_month(const struct dataset *d, int32_t month)
{
	return month / 3 >= d->ts_first_quarter && month / 3 <= d->ts_last_quarter;
}

/* A cell in the table's key order: month, person, use case (SQLite's binary
 * order).  Rows inserted in key order fill the B-tree's pages in turn instead of
 * splitting pages all over it. */
struct cell_key {
	sqlite3_int64 person;
	uint32_t use_case_rank;
	int32_t month;
	size_t cell;
};

static int cell_key_cmp(const void *a, const void *b)
{
	const struct cell_key *x = a, *y = b;
	if (x->month != y->month)
		return x->month < y->month ? -1 : 1;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return (x->use_case_rank > y->use_case_rank) - (x->use_case_rank < y->use_case_rank);
}

struct named {
	const char *name;
	uint32_t index;
};

static int named_cmp(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->name, ((const struct named *)b)->name);
}

/* rank[u]: use case u's place in the binary order of the names. */
static uint32_t *use_case_ranks(const struct strmap *use_cases)
{
	size_t U = use_cases->count;
	struct named *order = xmalloc((U + 1) * sizeof(*order));
	uint32_t *rank = xmalloc((U + 1) * sizeof(*rank));
	for (size_t u = 0; u < U; u++)
		order[u] = (struct named){ strmap_key(use_cases, u), (uint32_t)u };
	qsort(order, U, sizeof(*order), named_cmp);
	for (size_t k = 0; k < U; k++)
		rank[order[k].index] = (uint32_t)k;
	free(order);
	return rank;
}

/* The row of one cell, as parameters from+1 to from+CELL_PARAMS of st. */
static void bind_cell(sqlite3_stmt *st, int from, const struct dataset *d,
                      const struct cell_key *key)
{
	const struct ts_cell *c = &d->cells[key->cell];
	sqlite3_bind_int64(st, from + 1, key->person);
	bind_text(st, from + 2, strmap_key(&d->use_cases, c->use_case));
	sqlite3_bind_int(st, from + 3, c->month);
	sqlite3_bind_int64(st, from + 4, c->entries);
	sqlite3_bind_int64(st, from + 5, c->ai_entries);
	sqlite3_bind_double(st, from + 6, c->ai_items);
	sqlite3_bind_double(st, from + 7, c->ai_minutes);
	bool named = c->department != NO_STRING;
	bind_text(st, from + 8, named ? strmap_key(&d->departments, c->department) : NULL);
	bind_date(st, from + 9, named ? c->department_date : NO_DATE);
	sqlite3_bind_int64(st, from + 10, (sqlite3_int64)key->cell);
	if (named)
		sqlite3_bind_int64(st, from + 11, c->department_line);
	else
		sqlite3_bind_null(st, from + 11);
}

/* The cells, with their place in the export (ordinal) for reading back in order.
 * Persons get their ids in the order of the cells, as before the sort. */
static bool record_cells(struct recorder *r, const struct dataset *d)
{
	struct cell_key *keys = xmalloc((d->cell_index.count + 1) * sizeof(*keys));
	uint32_t *rank = use_case_ranks(&d->use_cases);
	size_t n = 0;
	bool ok = true;
	for (size_t i = 0; i < d->cell_index.count && ok; i++) {
		const struct ts_cell *c = &d->cells[i];
		if (!exported_month(d, c->month))
			continue;
		sqlite3_int64 who = known_person(r, EMPLOYEE_IDS, &d->employees, c->employee);
		ok = who != 0;
		keys[n++] = (struct cell_key){ who, rank[c->use_case], c->month, i };
	}
	if (ok)
		qsort(keys, n, sizeof(*keys), cell_key_cmp);
	for (size_t k = 0; k < n && ok;) {
		/* whole batches, then the rest one by one */
		int which = n - k >= BATCH ? S_CELLS : S_CELL;
		size_t rows = which == S_CELLS ? BATCH : 1;
		for (size_t b = 0; b < rows; b++, k++)
			bind_cell(r->st[which], (int)(b * CELL_PARAMS), d, &keys[k]);
		ok = step(r, which);
	}
	free(rank);
	free(keys);
	return ok;
}

static bool record_baselines(struct recorder *r, const struct dataset *d)
{
	sqlite3_stmt *st = r->st[S_BASELINE];
	for (size_t i = 0; i < d->baseline_index.count; i++) {
		const struct baseline_cell *b = &d->baselines[i];
		if (!exported_month(d, b->month))
			continue;
		bind_text(st, 1, strmap_key(&d->use_cases, b->use_case));
		sqlite3_bind_int(st, 2, b->month);
		sqlite3_bind_double(st, 3, b->minutes);
		sqlite3_bind_double(st, 4, b->items);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)i);
		if (!step(r, S_BASELINE))
			return false;
	}
	return true;
}

/* Each use case's first AI date in the timesheet (not the history's, when it
 * was merged in). */
static bool record_first_ai(struct recorder *r, const struct dataset *d)
{
	const int32_t *first = d->export_first_ai_date ? d->export_first_ai_date
	                                               : d->first_ai_date;
	size_t count = d->export_first_ai_date ? d->export_first_ai_count : d->first_ai_cap;
	sqlite3_stmt *st = r->st[S_FIRST_AI];
	for (size_t u = 0; u < count && u < d->use_cases.count; u++) {
		if (first[u] == NO_DATE)
			continue;
		bind_text(st, 1, strmap_key(&d->use_cases, u));
		sqlite3_bind_int(st, 2, quarter_of_days(first[u]));
		sqlite3_bind_int(st, 3, first[u]);
		if (!step(r, S_FIRST_AI))
			return false;
	}
	return true;
}

static bool record_timesheet(struct recorder *r, const struct dataset *d)
{
	if (d->cell_index.count == 0 || d->ts_first_quarter > d->ts_last_quarter)
		return true;
	return record_timesheet_quarters(r, d) && record_cells(r, d) &&
	       record_baselines(r, d) && record_first_ai(r, d);
}

static bool survey_quarter_recorded(const int *quarters, size_t count, int q)
{
	for (size_t k = 0; k < count; k++)
		if (quarters[k] == q)
			return true;
	return false;
}

/* The row of one survey answer, as parameters from+1 to from+SURVEY_PARAMS of st;
 * false when its person's row could not be made. */
static bool bind_survey(struct recorder *r, sqlite3_stmt *st, int from, const struct dataset *d,
                        const struct survey_row *s)
{
	sqlite3_int64 who = known_person(r, EMPLOYEE_IDS, &d->employees, s->employee);
	sqlite3_int64 mentor = s->mentor != NO_STRING
		? known_person(r, OTHER_IDS, &d->strings, s->mentor) : -1;
	if (!who || !mentor)
		return false;
	sqlite3_bind_int64(st, from + 1, who);
	sqlite3_bind_int(st, from + 2, quarter_of_days(s->submitted));
	sqlite3_bind_int(st, from + 3, s->submitted);
	bind_text(st, from + 4, strmap_key(&d->departments, s->department));
	bind_text(st, from + 5, strmap_key(&d->strings, s->role));
	sqlite3_bind_int(st, from + 6, s->mentor != NO_STRING);
	if (mentor > 0)
		sqlite3_bind_int64(st, from + 7, mentor);
	else
		sqlite3_bind_null(st, from + 7);
	bind_date(st, from + 8, s->training_date);
	sqlite3_bind_double(st, from + 9, s->ai_days_per_week);
	for (int k = 0; k < 5; k++)
		sqlite3_bind_int(st, from + 10 + k, s->scores[k]);
	if (s->satisfaction)
		sqlite3_bind_int(st, from + 15, s->satisfaction);
	else
		sqlite3_bind_null(st, from + 15);
	return true;
}

/* The survey's quarters (those with an accepted row) replace the history's,
 * except those whose changed answers were held back. */
static bool record_survey(struct recorder *r, const struct dataset *d)
{
	int last = INT32_MIN;
	bool ok = true;
	/* The rows are sorted by employee, not by quarter: mark each quarter once. */
	int *quarters = xmalloc((d->survey_count + 1) * sizeof(int));
	size_t nq = 0;
	for (size_t i = 0; i < d->survey_count; i++) {
		if (!d->survey[i].line)
			continue;   /* from the history (history_merge.c): stored already */
		int q = quarter_of_days(d->survey[i].submitted);
		if (q == last)
			continue;
		last = q;
		bool known = false;
		/* Answers held back (history_merge.c): the history keeps those it had. */
		for (size_t k = 0; k < d->held_back_quarter_count && !known; k++)
			known = d->held_back_quarters[k] == q;
		for (size_t k = 0; k < nq && !known; k++)
			known = quarters[k] == q;
		if (!known)
			quarters[nq++] = q;
	}
	for (size_t k = 0; k < nq && ok; k++) {
		sqlite3_bind_int(r->st[S_SURVEY_DELETE], 1, quarters[k]);
		ok = step(r, S_SURVEY_DELETE);
		sqlite3_bind_int(r->st[S_SURVEY_QUARTER], 1, quarters[k]);
		sqlite3_bind_int64(r->st[S_SURVEY_QUARTER], 2, r->run);
		ok = ok && step(r, S_SURVEY_QUARTER);
	}
	/* The rows to store, in their order; then whole batches and the rest one by one. */
	size_t *rows = xmalloc((d->survey_count + 1) * sizeof(*rows));
	size_t n = 0;
	for (size_t i = 0; i < d->survey_count; i++)
		if (d->survey[i].line &&
		    survey_quarter_recorded(quarters, nq, quarter_of_days(d->survey[i].submitted)))
			rows[n++] = i;
	for (size_t k = 0; k < n && ok;) {
		int which = n - k >= BATCH ? S_SURVEYS : S_SURVEY;
		size_t count = which == S_SURVEYS ? BATCH : 1;
		for (size_t b = 0; b < count && ok; b++, k++)
			ok = bind_survey(r, r->st[which], (int)(b * SURVEY_PARAMS), d, &d->survey[rows[k]]);
		ok = ok && step(r, which);
	}
	free(rows);
	free(quarters);
	return ok;
}

/* The fault tests' pause inside the transaction (history.h). */
static void test_pause(void)
{
	const char *path = getenv(HISTORY_PAUSE_ENV);
	if (!path || !*path)
		return;
	FILE *f = fopen(path, "w");
	if (f)
		fclose(f);
	for (int i = 0; i < 60; i++)
		sleep(1);
}

/* The run's row and its inputs' SHA-256; r->run gets the row's id. */
static bool record_run(struct recorder *r, const struct history_run *run)
{
	const struct history_figures *f = run->figures;
	sqlite3_stmt *st = r->st[S_RUN];
	char period[16];
	snprintf(period, sizeof(period), "%04d-Q%d", f->quarter / 4, f->quarter % 4 + 1);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)run->run_at);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)run->created);
	sqlite3_bind_text(st, 3, run->version, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, f->quarter);
	sqlite3_bind_text(st, 5, period, -1, SQLITE_STATIC);
	bind_date(st, 6, run->rules && run->rules->has_baseline_from ? run->rules->baseline_from
	                                                              : NO_DATE);
	bind_date(st, 7, run->rules && run->rules->has_baseline_to ? run->rules->baseline_to
	                                                            : NO_DATE);
	if (!step(r, S_RUN))
		return false;
	r->run = sqlite3_last_insert_rowid(r->h->db);
	const char *const *sha = run->input_sha256;
	return record_input(r, "survey", run->survey_path, sha, 0) &&
	       record_input(r, "timesheet", run->timesheet_path, sha, 1) &&
	       record_input(r, "rules", run->rules_path, sha, 2) &&
	       record_input(r, "identity_map", run->identity_map_path, sha, 3);
}

/* The run's publication: a new version only when the figures differ from the
 * latest one (latest 0: the quarter's first), else the latest. */
static bool record_publication(struct recorder *r, const struct history_figures *f,
                               const struct history_changes *changes, sqlite3_int64 latest)
{
	sqlite3_int64 publication = latest;
	if ((!latest || changes->count) &&
	    !record_figures(r, f, changes->previous_version + 1, &publication))
		return false;
	sqlite3_bind_int64(r->st[S_RUN_PUBLICATION], 1, r->run);
	sqlite3_bind_int64(r->st[S_RUN_PUBLICATION], 2, publication);
	return step(r, S_RUN_PUBLICATION);
}

/* The secret's check value, with the history's first run. */
static bool record_secret_check(struct recorder *r)
{
	if (r->h->check_stored)
		return true;
	sqlite3_bind_text(r->st[S_META], 1, "secret_check", -1, SQLITE_STATIC);
	sqlite3_bind_text(r->st[S_META], 2, r->h->secret_check, -1, SQLITE_STATIC);
	return step(r, S_META);
}

static void finalize_all(struct recorder *r)
{
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(r->st[i]);
	memset(r->st, 0, sizeof(r->st));
	for (size_t i = 0; i < ARRAY_LEN(r->person_of); i++) {
		free(r->person_of[i]);
		r->person_of[i] = NULL;
	}
}

/* A recorded run whose transaction is still open. */
struct history_pending {
	struct recorder r;
	struct history_changes changes;
};

int history_stage(struct history *h, const struct history_run *run,
                  struct history_pending **out, FILE *err)
{
	*out = NULL;
	int status = history_exec(h, "BEGIN IMMEDIATE", err);
	if (status)
		return status;
	struct history_pending *p = xcalloc(1, sizeof(*p));
	struct recorder *r = &p->r;
	*r = (struct recorder){ .h = h, .err = err };
	sqlite3_int64 latest = 0;
	for (int i = 0; i < S_COUNT && !r->rc; i++) {
		int rc;
		r->st[i] = history_prepare(h, record_sql[i], &rc);
		if (!r->st[i])
			record_fail(r, rc);
	}
	if (r->rc)
		goto fail;
	/* Compared inside the transaction, so no other writer slips in between. */
	status = history_compare_latest(h, run->figures, &p->changes, &latest, err);
	if (status)
		goto fail;
	if (!record_run(r, run) || !record_publication(r, run->figures, &p->changes, latest))
		goto fail;
	if (run->data && (!record_timesheet(r, run->data) || !record_survey(r, run->data)))
		goto fail;
	if (!record_secret_check(r))
		goto fail;
	finalize_all(r);
	*out = p;
	return 0;

fail:
	history_abandon(p);
	return status ? status : EXIT_IO;   /* EXIT_IO: told by record_fail */
}

int history_commit(struct history_pending *p, struct history_changes *changes, FILE *err)
{
	test_pause();
	struct history *h = p->r.h;
	int status = history_exec(h, "COMMIT", err);
	if (status) {
		history_abandon(p);
		return status;
	}
	h->check_stored = true;
	if (changes) {
		history_changes_free(changes);
		*changes = p->changes;
	} else {
		history_changes_free(&p->changes);
	}
	free(p);
	return 0;
}

void history_abandon(struct history_pending *p)
{
	if (!p)
		return;
	finalize_all(&p->r);
	sqlite3_exec(p->r.h->db, "ROLLBACK", NULL, NULL, NULL);
	history_changes_free(&p->changes);
	free(p);
}

int history_record(struct history *h, const struct history_run *run,
                   struct history_changes *changes, FILE *err)
{
	struct history_pending *p;
	int status = history_stage(h, run, &p, err);
	return status ? status : history_commit(p, changes, err);
}
