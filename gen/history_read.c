/* history_read.c - earlier quarters loaded back from the history (see
 * history_read.h). */
#include "history_db.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- reading back ----------------------------------------------------------------- */

void history_data_free(struct history_data *d)
{
	for (size_t i = 0; i < d->cell_count; i++) {
		free(d->cells[i].use_case);
		free(d->cells[i].department);
	}
	for (size_t i = 0; i < d->baseline_count; i++)
		free(d->baselines[i].use_case);
	for (size_t i = 0; i < d->first_ai_count; i++)
		free(d->first_ai[i].use_case);
	for (size_t i = 0; i < d->survey_count; i++) {
		free(d->survey[i].department);
		free(d->survey[i].role);
	}
	for (size_t i = 0; i < d->publication_count; i++)
		history_figures_free(&d->publications[i].figures);
	free(d->cells);
	free(d->baselines);
	free(d->first_ai);
	free(d->survey);
	free(d->publications);
	free(d->timesheet_quarters);
	free(d->survey_quarters);
	memset(d, 0, sizeof(*d));
}

static char *column_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? xstrdup(s) : NULL;
}

static void column_hex(sqlite3_stmt *st, int i, char out[SHA256_HEX_SIZE])
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	snprintf(out, SHA256_HEX_SIZE, "%s", s ? s : "");
}

static int32_t column_date(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NO_DATE : sqlite3_column_int(st, i);
}

/* Runs a query over quarters first..last (bound as ?1, ?2) and hands each row to fn. */
static int each_row(struct history *h, const char *sql, int first, int last,
                    void (*fn)(sqlite3_stmt *st, struct history_data *out),
                    struct history_data *out, FILE *err)
{
	int rc;
	sqlite3_stmt *st = history_prepare(h, sql, &rc);
	if (!st)
		return history_fail(h, rc, err);
	sqlite3_bind_int(st, 1, first);
	sqlite3_bind_int(st, 2, last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(st, out);
	int status = rc == SQLITE_DONE ? 0 : history_fail(h, rc, err);
	sqlite3_finalize(st);
	return status;
}

static void set_last_published(sqlite3_stmt *st, struct history_data *out)
{
	if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		out->last_published = sqlite3_column_int(st, 0);
}

static void add_cell(sqlite3_stmt *st, struct history_data *out)
{
	GROW(out->cells, out->cell_cap, out->cell_count + 1);
	struct history_cell *c = &out->cells[out->cell_count++];
	column_hex(st, 0, c->employee);
	c->use_case = column_text(st, 1);
	c->month = sqlite3_column_int(st, 2);
	c->entries = (uint32_t)sqlite3_column_int64(st, 3);
	c->ai_entries = (uint32_t)sqlite3_column_int64(st, 4);
	c->ai_items = sqlite3_column_double(st, 5);
	c->ai_minutes = sqlite3_column_double(st, 6);
	c->department = column_text(st, 7);
	c->department_date = column_date(st, 8);
	c->department_line = (long)sqlite3_column_int64(st, 9);   /* NULL reads 0 */
}

static void add_baseline(sqlite3_stmt *st, struct history_data *out)
{
	GROW(out->baselines, out->baseline_cap, out->baseline_count + 1);
	struct history_baseline *b = &out->baselines[out->baseline_count++];
	b->use_case = column_text(st, 0);
	b->month = sqlite3_column_int(st, 1);
	b->minutes = sqlite3_column_double(st, 2);
	b->items = sqlite3_column_double(st, 3);
}

static void add_first_ai(sqlite3_stmt *st, struct history_data *out)
{
	GROW(out->first_ai, out->first_ai_cap, out->first_ai_count + 1);
	struct history_first_ai *f = &out->first_ai[out->first_ai_count++];
	f->use_case = column_text(st, 0);
	f->quarter = sqlite3_column_int(st, 1);
	f->date = sqlite3_column_int(st, 2);
}

static void add_survey(sqlite3_stmt *st, struct history_data *out)
{
	GROW(out->survey, out->survey_cap, out->survey_count + 1);
	struct history_survey_row *s = &out->survey[out->survey_count++];
	column_hex(st, 0, s->employee);
	s->quarter = sqlite3_column_int(st, 1);
	s->submitted = sqlite3_column_int(st, 2);
	s->department = column_text(st, 3);
	s->role = column_text(st, 4);
	s->mentor_named = sqlite3_column_int(st, 5) != 0;
	column_hex(st, 6, s->mentor);
	s->training_date = column_date(st, 7);
	s->ai_days_per_week = sqlite3_column_double(st, 8);
	for (int k = 0; k < 5; k++)
		s->scores[k] = (int8_t)sqlite3_column_int(st, 9 + k);
	s->satisfaction = (int8_t)sqlite3_column_int(st, 14);   /* NULL reads 0 */
}

static void add_timesheet_quarter(sqlite3_stmt *st, struct history_data *out)
{
	out->timesheet_quarters = xrealloc(out->timesheet_quarters,
	                                   (out->timesheet_quarter_count + 1) * sizeof(int));
	out->timesheet_quarters[out->timesheet_quarter_count++] = sqlite3_column_int(st, 0);
}

static void add_survey_quarter(sqlite3_stmt *st, struct history_data *out)
{
	out->survey_quarters = xrealloc(out->survey_quarters,
	                                (out->survey_quarter_count + 1) * sizeof(int));
	out->survey_quarters[out->survey_quarter_count++] = sqlite3_column_int(st, 0);
}

/* The first (or latest) published version of each quarter first..last, with its
 * figures. */
static int load_publications(struct history *h, int first, int last, bool latest,
                             struct history_data *out, FILE *err)
{
	int rc;
	sqlite3_stmt *st = history_prepare(h, latest
		? "SELECT p.id, p.quarter, p.version, r.created"
		  " FROM publication p JOIN run r ON r.id = p.run"
		  " WHERE p.quarter BETWEEN ?1 AND ?2 AND p.version ="
		  " (SELECT MAX(version) FROM publication o"
		  "  WHERE o.quarter = p.quarter) ORDER BY p.quarter"
		: "SELECT p.id, p.quarter, p.version, r.created"
		  " FROM publication p JOIN run r ON r.id = p.run"
		  " WHERE p.quarter BETWEEN ?1 AND ?2 AND p.version ="
		  " (SELECT MIN(version) FROM publication o"
		  "  WHERE o.quarter = p.quarter) ORDER BY p.quarter", &rc);
	if (!st)
		return history_fail(h, rc, err);
	sqlite3_bind_int(st, 1, first);
	sqlite3_bind_int(st, 2, last);
	int status = 0;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		GROW(out->publications, out->publication_cap, out->publication_count + 1);
		struct history_publication *p = &out->publications[out->publication_count];
		memset(p, 0, sizeof(*p));
		p->quarter = sqlite3_column_int(st, 1);
		p->version = sqlite3_column_int(st, 2);
		p->created = (time_t)sqlite3_column_int64(st, 3);
		status = history_load_figures(h, sqlite3_column_int64(st, 0), p->quarter, &p->figures, err);
		if (!status)
			out->publication_count++;
	}
	if (!status && rc != SQLITE_DONE)
		status = history_fail(h, rc, err);
	sqlite3_finalize(st);
	return status;
}

int history_load(struct history *h, int first, int last, bool latest,
                 struct history_data *out, FILE *err)
{
	static const struct {
		const char *sql;
		void (*fn)(sqlite3_stmt *, struct history_data *);
	} queries[] = {
		/* Per quarter in the order of its export: the model adds in that order. */
		{ "SELECT p.pseudonym, c.use_case, c.month, c.entries, c.ai_entries, c.ai_items,"
		  " c.ai_minutes, c.department, c.department_date, c.department_line"
		  " FROM timesheet_cell c JOIN person p ON p.id = c.person"
		  " WHERE c.month BETWEEN ?1 * 3 AND ?2 * 3 + 2"
		  " ORDER BY c.month / 3, c.ordinal, c.month, p.pseudonym, c.use_case", add_cell },
		{ "SELECT use_case, month, minutes, items FROM baseline_cell"
		  " WHERE month BETWEEN ?1 * 3 AND ?2 * 3 + 2"
		  " ORDER BY month / 3, ordinal, month, use_case", add_baseline },
		{ "SELECT use_case, quarter, date FROM first_ai WHERE quarter BETWEEN ?1 AND ?2"
		  " ORDER BY quarter, use_case", add_first_ai },
		{ "SELECT p.pseudonym, s.quarter, s.submitted, s.department, s.role, s.mentor_named,"
		  " m.pseudonym, s.training_date, s.ai_days_per_week, s.tool_knowledge,"
		  " s.application_breadth, s.autonomy, s.innovation, s.knowledge_sharing,"
		  " s.satisfaction FROM survey_answer s JOIN person p ON p.id = s.person"
		  " LEFT JOIN person m ON m.id = s.mentor WHERE s.quarter BETWEEN ?1 AND ?2"
		  " ORDER BY s.quarter, p.pseudonym", add_survey },
		{ "SELECT quarter FROM timesheet_quarter WHERE quarter BETWEEN ?1 AND ?2"
		  " ORDER BY quarter", add_timesheet_quarter },
		{ "SELECT quarter FROM survey_quarter WHERE quarter BETWEEN ?1 AND ?2"
		  " ORDER BY quarter", add_survey_quarter },
		/* every quarter, not only first..last: any report uses those before it */
		{ "SELECT max(quarter) FROM publication WHERE ?1 = ?1 AND ?2 = ?2",
		  set_last_published },
	};
	memset(out, 0, sizeof(*out));
	out->last_published = -1;
	/* One read transaction: every table as of one moment. */
	int status = history_exec(h, "BEGIN", err);
	for (size_t i = 0; i < ARRAY_LEN(queries) && !status; i++)
		status = each_row(h, queries[i].sql, first, last, queries[i].fn, out, err);
	if (!status)
		status = load_publications(h, first, last, latest, out, err);
	sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL);
	if (status)
		history_data_free(out);
	return status;
}
