/* survey.c - survey export -> accepted, de-duplicated rows and rejects
 * (SPEC §2, §2.1, §11.8-11). */
#include "survey.h"

#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "dataset.h"
#include "fields.h"
#include "ingest.h"

struct survey_reader {
	struct dataset *d;
	const struct rules *rules;
	const char *file;
	FILE *err;
	struct reader_profile profile;
	struct header_map map;
	struct buf scratch;         /* a joined column's text */
	struct buf id_scratch;      /* an e-mail id in lower case */
	struct date_sense dates;
};

/* A Likert answer: a whole number 1-5, or an answer text ("Helemaal mee eens",
 * "4 - Eens", an answer of [survey_scale]). */
static int check_likert(const struct rules *rules, const struct csv_field *f, int8_t *out,
                        char *reason, size_t rsz)
{
	long v;
	enum field_error e = parse_integer(f->data, f->len, &v);
	if (e == FIELD_NOT_NUMBER) {
		v = parse_likert_text(f->data, f->len, rules->survey_scale, rules->survey_scale_count);
		e = v ? FIELD_OK : FIELD_NOT_LIKERT;
	}
	if (e == FIELD_OK && (v < 1 || v > 5)) {
		snprintf(reason, rsz, "out of range 1-5");
		return -1;
	}
	if (e != FIELD_OK) {
		snprintf(reason, rsz, "%s", field_error_reason(e));
		return -1;
	}
	*out = (int8_t)v;
	return 0;
}

static uint32_t intern(struct strmap *m, const struct csv_field *f)
{
	return (uint32_t)strmap_intern(m, f->data, f->len, NULL);
}

/* Validates one used column; returns 0 or -1 with reason filled. */
static int survey_field(struct survey_reader *sr, struct survey_row *row, int column,
                        const struct csv_field *f, char *reason, size_t rsz)
{
	struct dataset *d = sr->d;
	enum field_error e = FIELD_OK;
	size_t n = f->len;
	const char *s = f->data;
	switch ((enum survey_column)column) {
	case SC_EMPLOYEE_ID: {
		if (check_text_field(f, 64, reason, rsz))
			return -1;
		struct csv_field id = id_field(f, &sr->id_scratch);
		row->employee = intern(&d->employees, &id);
		return 0;
	}
	case SC_DEPARTMENT:
		if (check_text_field(f, 100, reason, rsz))
			return -1;
		row->department = intern(&d->departments, f);
		return 0;
	case SC_ROLE:
		row->role = intern(&d->strings, f);
		return 0;
	case SC_MENTOR_ID: {
		struct csv_field id = id_field(f, &sr->id_scratch);
		row->mentor = f->len ? intern(&d->strings, &id) : NO_STRING;
		return 0;
	}
	case SC_SUBMITTED:
		e = date_sense_read(&sr->dates, row->line, s, n, &row->submitted);
		break;
	case SC_TRAINING_DATE:
		trim_span(s, &n);
		if (n == 0) {
			row->training_date = NO_DATE;
			return 0;
		}
		e = date_sense_read(&sr->dates, row->line, f->data, f->len, &row->training_date);
		break;
	case SC_AI_DAYS_PER_WEEK:
		/* "2 dagen", "3 days" as form tools write an answer */
		e = parse_number(s, n, &row->ai_days_per_week);
		if (e == FIELD_NOT_NUMBER && parse_number_with_unit(s, n, &row->ai_days_per_week) == FIELD_OK)
			e = FIELD_OK;
		if (e == FIELD_OK && (row->ai_days_per_week < 0 || row->ai_days_per_week > 7)) {
			snprintf(reason, rsz, "out of range 0-7");
			return -1;
		}
		break;
	case SC_SATISFACTION:
		trim_span(s, &n);
		if (n == 0) {
			row->satisfaction = 0;
			return 0;
		}
		return check_likert(sr->rules, f, &row->satisfaction, reason, rsz);
	case SC_TOOL_KNOWLEDGE:
	case SC_APPLICATION_BREADTH:
	case SC_AUTONOMY:
	case SC_INNOVATION:
	case SC_KNOWLEDGE_SHARING:
		return check_likert(sr->rules, f, &row->scores[column - SC_TOOL_KNOWLEDGE], reason, rsz);
	case SC_COUNT:
		break;
	}
	if (e != FIELD_OK) {
		snprintf(reason, rsz, "%s", field_error_reason(e));
		return -1;
	}
	return 0;
}

static int survey_record(const struct csv_record *rec, void *ctx)
{
	struct survey_reader *sr = ctx;
	struct dataset *d = sr->d;
	if (!sr->map.built) {
		static const bool required[SC_COUNT] = {
			[SC_EMPLOYEE_ID] = true, [SC_SUBMITTED] = true, [SC_DEPARTMENT] = true,
			[SC_AI_DAYS_PER_WEEK] = true, [SC_TOOL_KNOWLEDGE] = true,
			[SC_APPLICATION_BREADTH] = true, [SC_AUTONOMY] = true,
			[SC_INNOVATION] = true, [SC_KNOWLEDGE_SHARING] = true,
		};
		if (sr->map.rows_seen == 0) {
			reader_profile_free(&sr->profile);
			reader_profile_choose(&sr->profile, PROFILE_SURVEY, &sr->rules->survey_input,
			                      sr->rules->survey_columns, survey_column_names, SC_COUNT,
			                      rec, sr->file, sr->err);
			sr->d->survey_file.format = sr->profile.profile->title;
			sr->d->survey_file.read.profile = sr->profile.profile;
		}
		const struct header_spec spec = {
			.canonical = survey_column_names, .renamed = sr->profile.names,
			.required = required, .count = SC_COUNT, .section = "survey_columns",
			.header_rows = sr->profile.header_rows,
		};
		return header_map_take(&sr->map, &spec, rec, sr->file, sr->err) == HEADER_FAILED;
	}

	d->survey_file.rows_read++;
	if (!header_map_fits(&sr->map, rec)) {
		char reason[96];
		snprintf(reason, sizeof(reason), "wrong number of fields (%zu, header has %zu)",
		         rec->count, sr->map.count);
		dataset_add_survey_reject(d, rec->line, NULL, NULL, reason);
		d->survey_file.rows_rejected++;
		return 0;
	}
	struct survey_row row = { .role = NO_STRING, .mentor = NO_STRING,
	                          .training_date = NO_DATE, .line = rec->line };
	bool rejected = false;
	/* Every invalid field is listed, so one round of fixes is enough. */
	for (size_t k = 0; k < sr->map.norder; k++) {
		int c = sr->map.order[k];
		struct csv_field f;
		header_map_field(&sr->map, c, rec, &sr->scratch, &f);
		char reason[96];
		if (survey_field(sr, &row, c, &f, reason, sizeof(reason))) {
			dataset_add_survey_reject(d, rec->line, sr->map.col[c].label, f.data, reason);
			rejected = true;
		}
	}
	if (rejected) {
		d->survey_file.rows_rejected++;
		return 0;
	}
	if (row.role == NO_STRING)
		row.role = (uint32_t)strmap_intern(&d->strings, "", 0, NULL);
	GROW(d->survey, d->survey_cap, d->survey_count + 1);
	d->survey[d->survey_count++] = row;
	return 0;
}

/* Orders rows by employee, quarter, submitted date, line.  A later date is never
 * in an earlier quarter, so the date alone orders the quarters too. */
static int compare_survey_rows(const void *a, const void *b)
{
	const struct survey_row *x = a, *y = b;
	if (x->employee != y->employee)
		return x->employee < y->employee ? -1 : 1;
	if (x->submitted != y->submitted)
		return x->submitted < y->submitted ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

void survey_sort_rows(struct survey_row *rows, size_t count)
{
	if (count > 1)   /* qsort(NULL, 0, ...) is undefined */
		qsort(rows, count, sizeof(*rows), compare_survey_rows);
}

static int compare_rejects(const void *a, const void *b)
{
	const struct reject *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void survey_sort_rejects(struct dataset *d)
{
	if (d->survey_reject_count > 1)
		qsort(d->survey_rejects, d->survey_reject_count, sizeof(*d->survey_rejects),
		      compare_rejects);
}

/* Of several rows of one employee in one quarter the latest submitted wins (tie:
 * the later line); only accepted rows take part (§2.1, §11.10). */
static void survey_deduplicate(struct dataset *d)
{
	survey_sort_rows(d->survey, d->survey_count);
	for (size_t i = 0; i < d->survey_count;) {
		size_t j = i + 1;
		int q = quarter_of_days(d->survey[i].submitted);
		while (j < d->survey_count && d->survey[j].employee == d->survey[i].employee &&
		       quarter_of_days(d->survey[j].submitted) == q)
			j++;
		const struct survey_row *winner = &d->survey[j - 1];
		for (size_t k = i; k + 1 < j; k++) {
			char reason[64];
			d->survey[k].superseded_by = winner->line;
			snprintf(reason, sizeof(reason), "superseded by line %ld", winner->line);
			dataset_add_survey_reject(d, d->survey[k].line, "employee_id",
			                          strmap_key(&d->employees, d->survey[k].employee),
			                          reason);
			d->survey_file.rows_superseded++;
		}
		i = j;
	}
	/* Keep only the rows in use; superseded ones are fully described by rejects. */
	size_t kept = 0;
	for (size_t i = 0; i < d->survey_count; i++)
		if (!d->survey[i].superseded_by)
			d->survey[kept++] = d->survey[i];
	d->survey_count = kept;
	survey_sort_rejects(d);
}

/* Forgets what a first reading of the survey found (it is read again). */
static void survey_reset(struct dataset *d)
{
	d->survey_count = 0;
	for (size_t i = 0; i < d->survey_reject_count; i++) {
		free(d->survey_rejects[i].column);
		free(d->survey_rejects[i].value);
		free(d->survey_rejects[i].reason);
	}
	d->survey_reject_count = 0;
	char *name = d->survey_file.name;
	const char *format = d->survey_file.format;
	file_read_free(&d->survey_file.read);
	memset(&d->survey_file, 0, sizeof(d->survey_file));
	d->survey_file.name = name;
	d->survey_file.format = format;
}

int survey_read(struct dataset *d, const char *path, const struct rules *rules,
                bool progress, FILE *err)
{
	const struct input_settings *in = &rules->survey_input;
	struct survey_reader sr = { .d = d, .rules = rules, .file = path, .err = err,
	                            .dates = { .order = in->date_order } };
	d->survey_file.name = xstrdup(path);
	int status = export_read(path, in, progress, survey_record, &sr, &sr.map, &d->survey_file.read, err);
	if (!status) {
		status = date_sense_verdict(&sr.dates, path, "survey_input", err);
		if (status == DATES_MONTH_FIRST) {
			/* month-first dates were read day-first: read the file again */
			survey_reset(d);
			sr.dates = (struct date_sense){ .order = DATE_ORDER_MDY };
			bool quiet = is_quiet();
			set_quiet(true);   /* its warnings were printed the first time */
			status = export_read(path, in, false, survey_record, &sr, &sr.map, &d->survey_file.read, err);
			set_quiet(quiet);
		}
	}
	d->survey_file.read.dates = sr.dates;
	buf_free(&sr.scratch);
	buf_free(&sr.id_scratch);
	reader_profile_free(&sr.profile);
	if (status) {
		d->survey_file.missing_column = true;
		return status;
	}
	survey_deduplicate(d);
	d->survey_file.rows_used = (long)d->survey_count;
	return 0;
}
