/* timesheet.c - time-tracking export -> compact tables (SPEC §2, §2.2, §10).
 * Rows are folded into per employee x use case x month cells as they stream by;
 * rejected rows go straight to rejects.csv. */
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "dataset.h"
#include "fields.h"
#include "out_csv.h"

struct timesheet_reader {
	struct dataset *d;
	const struct rules *rules;
	const char *file;
	FILE *err;
	int header_rows;
	struct header_map map;
	struct buf scratch;         /* a joined column's text */
	bool use_minutes;           /* minutes wins over hours (§11.12) */
	/* Exports are mostly in date order: the last date seen and its month. */
	int32_t last_date, last_month;
};

struct ts_row {
	uint32_t employee, use_case, department;   /* department NO_STRING when empty */
	int32_t date;
	double minutes;
	long items;
	bool ai;
};

/* One line of rejects.csv; the caller counts the row once. */
static void reject(struct timesheet_reader *tr, long line, const char *column,
                   const char *value, const char *reason)
{
	if (tr->d->timesheet_rejects) {
		csv_write_reject(tr->d->timesheet_rejects, tr->file, line, column, value, reason);
		tr->d->timesheet_reject_rows++;
	}
}


static int number_field(const struct csv_field *f, double lo, double hi, double *out,
                        char *reason, size_t rsz)
{
	enum field_error e = parse_number(f->data, f->len, out);
	if (e != FIELD_OK) {
		snprintf(reason, rsz, "%s", field_error_reason(e));
		return -1;
	}
	if (*out < lo || *out > hi) {
		snprintf(reason, rsz, "out of range %g-%g", lo, hi);
		return -1;
	}
	return 0;
}

static int timesheet_field(struct timesheet_reader *tr, struct ts_row *row, int column,
                           const struct csv_field *f, char *reason, size_t rsz)
{
	struct dataset *d = tr->d;
	enum field_error e = FIELD_OK;
	switch ((enum timesheet_column)column) {
	case TC_EMPLOYEE_ID:
		if (check_text_field(f, 64, reason, rsz))
			return -1;
		row->employee = (uint32_t)strmap_intern(&d->employees, f->data, f->len, NULL);
		return 0;
	case TC_USE_CASE:
		if (check_text_field(f, 100, reason, rsz))
			return -1;
		row->use_case = (uint32_t)strmap_intern(&d->use_cases, f->data, f->len, NULL);
		return 0;
	case TC_DEPARTMENT:
		row->department = f->len ? (uint32_t)strmap_intern(&d->departments, f->data,
		                                                   f->len, NULL)
		                         : NO_STRING;
		return 0;
	case TC_DATE:
		e = parse_date(f->data, f->len, &row->date);
		break;
	case TC_MINUTES:
		if (!tr->use_minutes)
			return 0;
		return number_field(f, 0, 1440, &row->minutes, reason, rsz);
	case TC_HOURS:
		if (tr->use_minutes)
			return 0;
		if (number_field(f, 0, 24, &row->minutes, reason, rsz))
			return -1;
		row->minutes *= 60;
		return 0;
	case TC_AI_ASSISTED:
		e = parse_bool(f->data, f->len, &row->ai);
		break;
	case TC_ITEMS: {
		size_t n = f->len;
		trim_span(f->data, &n);
		if (n == 0) {
			row->items = 1;
			return 0;
		}
		e = parse_integer(f->data, f->len, &row->items);
		if (e == FIELD_OK && (row->items < 1 || row->items > 10000)) {
			snprintf(reason, rsz, "out of range 1-10000");
			return -1;
		}
		break;
	}
	case TC_COUNT:
		break;
	}
	if (e != FIELD_OK) {
		snprintf(reason, rsz, "%s", field_error_reason(e));
		return -1;
	}
	return 0;
}

static void fold_row(struct timesheet_reader *tr, const struct ts_row *row, long line)
{
	struct dataset *d = tr->d;
	const struct rules *rules = tr->rules;
	if (row->date != tr->last_date) {
		tr->last_date = row->date;
		tr->last_month = month_of_days(row->date);
	}
	bool added;
	int32_t month = tr->last_month;
	int32_t quarter = month / 3;
	size_t i = key3_intern(&d->cell_index,
	                       (struct key3){ row->employee, row->use_case, month }, &added);
	if (added) {
		GROW(d->cells, d->cell_cap, i + 1);
		d->cells[i] = (struct ts_cell){ .employee = row->employee,
		                                .use_case = row->use_case, .month = month,
		                                .department = NO_STRING };
	}
	struct ts_cell *c = &d->cells[i];
	c->entries++;
	if (row->ai) {
		c->ai_entries++;
		c->ai_items += (double)row->items;
		c->ai_minutes += row->minutes;
		if (row->use_case >= d->first_ai_cap) {
			size_t old = d->first_ai_cap;
			GROW(d->first_ai_date, d->first_ai_cap, (size_t)row->use_case + 1);
			for (size_t k = old; k < d->first_ai_cap; k++)
				d->first_ai_date[k] = NO_DATE;
		}
		int32_t *first = &d->first_ai_date[row->use_case];
		if (*first == NO_DATE || row->date < *first)
			*first = row->date;
	} else if ((!rules->has_baseline_from || row->date >= rules->baseline_from) &&
	           (!rules->has_baseline_to || row->date <= rules->baseline_to)) {
		size_t b = key3_intern(&d->baseline_index,
		                       (struct key3){ row->use_case, 0, month }, &added);
		if (added) {
			GROW(d->baselines, d->baseline_cap, b + 1);
			d->baselines[b] = (struct baseline_cell){ .use_case = row->use_case,
			                                          .month = month };
		}
		d->baselines[b].minutes += row->minutes;
		d->baselines[b].items += (double)row->items;
	}
	if (row->department != NO_STRING &&
	    (c->department == NO_STRING || row->date > c->department_date ||
	     (row->date == c->department_date && line > c->department_line))) {
		c->department = row->department;
		c->department_date = row->date;
		c->department_line = line;
	}
	if (quarter < d->ts_first_quarter)
		d->ts_first_quarter = quarter;
	if (quarter > d->ts_last_quarter)
		d->ts_last_quarter = quarter;
}

static int timesheet_record(const struct csv_record *rec, void *ctx)
{
	struct timesheet_reader *tr = ctx;
	struct dataset *d = tr->d;
	if (!tr->map.built) {
		static const bool required[TC_COUNT] = {
			[TC_EMPLOYEE_ID] = true, [TC_DATE] = true, [TC_USE_CASE] = true,
			[TC_AI_ASSISTED] = true,
		};
		const struct header_spec spec = {
			.canonical = timesheet_column_names, .renamed = tr->rules->timesheet_columns,
			.required = required, .count = TC_COUNT, .section = "timesheet_columns",
			.header_rows = tr->header_rows,
		};
		enum header_step step = header_map_take(&tr->map, &spec, rec, tr->file, tr->err);
		if (step != HEADER_DONE)
			return step == HEADER_FAILED;
		if (!header_map_has(&tr->map, TC_MINUTES) && !header_map_has(&tr->map, TC_HOURS)) {
			const char *m = tr->rules->timesheet_columns[TC_MINUTES];
			const char *h = tr->rules->timesheet_columns[TC_HOURS];
			char *found = header_map_list(&tr->map);
			fprintf(tr->err, "aireport: %s:%ld: missing required column '%s' or '%s' "
			        "(header found: %s)\n", tr->file, tr->map.line, m ? m : "minutes",
			        h ? h : "hours", found);
			free(found);
			tr->map.failed = true;
			return 1;
		}
		tr->use_minutes = header_map_has(&tr->map, TC_MINUTES);
		return 0;
	}

	d->timesheet_file.rows_read++;
	if (!header_map_fits(&tr->map, rec)) {
		char reason[96];
		snprintf(reason, sizeof(reason), "wrong number of fields (%zu, header has %zu)",
		         rec->count, tr->map.count);
		reject(tr, rec->line, NULL, NULL, reason);
		d->timesheet_file.rows_rejected++;
		return 0;
	}
	struct ts_row row = { .department = NO_STRING, .items = 1 };
	bool rejected = false;
	/* Every invalid field is listed, so one round of fixes is enough. */
	for (size_t k = 0; k < tr->map.norder; k++) {
		int c = tr->map.order[k];
		struct csv_field f;
		header_map_field(&tr->map, c, rec, &tr->scratch, &f);
		char reason[96];
		if (timesheet_field(tr, &row, c, &f, reason, sizeof(reason))) {
			reject(tr, rec->line, tr->map.col[c].label, f.data, reason);
			rejected = true;
		}
	}
	if (rejected) {
		d->timesheet_file.rows_rejected++;
		return 0;
	}
	fold_row(tr, &row, rec->line);
	d->timesheet_file.rows_used++;
	return 0;
}

int timesheet_read(struct dataset *d, const char *path, const struct rules *rules,
                   bool progress, FILE *err)
{
	struct timesheet_reader tr = { .d = d, .rules = rules, .file = path, .err = err,
	                               .header_rows = 1, .last_date = NO_DATE };
	d->timesheet_file.name = xstrdup(path);
	int status = export_read(path, rules, progress, timesheet_record, &tr, &tr.map, err);
	buf_free(&tr.scratch);
	if (status)
		d->timesheet_file.missing_column = true;
	return status;
}
