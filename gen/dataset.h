/* dataset.h - what the readers keep of the two exports: the accepted survey rows
 * (few) and the timesheet folded into compact tables (SPEC §10: memory grows with
 * employees x use cases x months, never with rows).  survey.c and timesheet.c fill
 * it (with what ingest.h shares between them); the model computes every figure
 * from it.  The functions here are the dataset's own (dataset.c). */
#ifndef AIREPORT_DATASET_H
#define AIREPORT_DATASET_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "fields.h"
#include "header.h"
#include "util.h"

struct profile;

#define NO_DATE INT32_MIN
#define NO_STRING UINT32_MAX

/* A hash index over keys of three 32-bit parts -> dense indexes 0..count-1. */
struct key3 {
	uint32_t a, b;
	int32_t c;
};
struct key3_index {
	struct key3 *keys;
	size_t count, cap;
	uint32_t *slots;            /* index + 1, 0 = empty */
	size_t nslots;
};
/* Returns the index of key, adding it when absent (*added tells). */
size_t key3_intern(struct key3_index *x, struct key3 key, bool *added);
void key3_free(struct key3_index *x);

/* One accepted survey row. */
struct survey_row {
	uint32_t employee;          /* index in dataset.employees */
	int32_t submitted;
	uint32_t department;        /* index in dataset.departments */
	uint32_t role;              /* index in dataset.strings; "" when empty */
	uint32_t mentor;            /* index in dataset.strings; NO_STRING when empty */
	int32_t training_date;      /* NO_DATE when empty */
	double ai_days_per_week;
	int8_t scores[5];           /* Likert 1..5 per dimension */
	int8_t satisfaction;        /* 0 = empty */
	long line;                  /* 0 = a row of an earlier quarter from the history */
	long superseded_by;         /* 0 = in use, else the winning line */
};

/* Timesheet entries of one employee in one use case in one month. */
struct ts_cell {
	uint32_t employee, use_case;
	int32_t month;              /* year * 12 + month - 1 */
	uint32_t entries;           /* accepted entries */
	uint32_t ai_entries;
	double ai_items, ai_minutes;
	/* The latest entry with a non-empty department (latest date, then line). */
	uint32_t department;        /* NO_STRING when none */
	int32_t department_date;
	long department_line;
};

/* Non-AI entries of one use case in one month inside the [baseline] window. */
struct baseline_cell {
	uint32_t use_case;
	int32_t month;
	double minutes, items;
};

/* How the dates of one file are read (SPEC §2 as extended for tool exports):
 * with DATE_ORDER_AUTO every date is read day-first while the evidence of each
 * order is noted, and the file decides at the end (date_sense_verdict). */
struct date_sense {
	enum date_order order;
	long dmy_line, mdy_line, undecided_line;   /* first line of each; 0 = none */
	char dmy_text[32], mdy_text[32], undecided_text[32];
};
/* Why rows of one file were rejected, grouped by column and reason, with the first
 * lines of each (for --check). */
#define REASON_EXAMPLES 3
struct reason_count {
	char *column, *reason;
	long count;
	long lines[REASON_EXAMPLES];
};

/* How a file was read, for --check. */
struct file_read {
	bool workbook;
	char sheet[256];
	char delimiter;
	int encoding;               /* csvin_info's encoding */
	struct date_sense dates;    /* the verdict's evidence */
	const struct profile *profile;
	char *mapping[HEADER_MAX_COLUMNS];   /* the export's column per canonical one */
	struct reason_count *reasons;
	size_t reason_count, reason_cap;
};

struct file_counts {
	char *name;
	const char *format;         /* the profile's title: "Toggl Track detailed report" */
	struct file_read read;
	long rows_read, rows_used, rows_rejected, rows_superseded;
	bool missing_column;        /* whole-file error: nothing of it is used */
};

/* Where rejected timesheet rows go.  The timesheet streams, so they are handed on
 * one at a time and never held; the readers do not know the output format (run.c
 * plugs in out_csv.c's sink).  row NULL = the rows are only counted. */
struct reject_sink {
	void (*row)(void *ctx, const char *file, long line, const char *column,
	            const char *value, const char *reason);
	void (*reset)(void *ctx);   /* forget every row handed so far: the file is read again */
	void *ctx;
};

/* A rejected or superseded row, on its way to rejects.csv. */
struct reject {
	long line;
	long order;                 /* rejects of one line keep their column order */
	char *column;               /* header as written; NULL for a wrong field count */
	char *value;
	char *reason;
};

/* The figures of one quarter's trend row as published: the four trend metrics of
 * scope quarter, in the order adoption_rate, hours_saved_per_week,
 * maturity_index, roi.  state: 0 ok (value holds it), 1 n/a, 2 suppressed. */
enum { PUBLISHED_TREND_METRICS = 4 };
struct published_quarter {
	int quarter;                /* year * 4 + quarter - 1 */
	int version;                /* the publication's version (1 = first) */
	double value[PUBLISHED_TREND_METRICS];
	int8_t state[PUBLISHED_TREND_METRICS];
};

struct dataset {
	/* [identity] map: timesheet ids -> survey ids (identity_to[i] for key i) */
	struct strmap identity_from;
	char **identity_to;
	size_t identity_cap;

	struct strmap employees;
	struct strmap departments;
	struct strmap use_cases;
	struct strmap strings;      /* roles and mentor ids */

	struct survey_row *survey;
	size_t survey_count, survey_cap;

	/* (employee, use_case, month) -> cells[i] */
	struct key3_index cell_index;
	struct ts_cell *cells;
	size_t cell_cap;

	/* (use_case, 0, month) -> baselines[i] */
	struct key3_index baseline_index;
	struct baseline_cell *baselines;
	size_t baseline_cap;


	/* Per use case: first AI entry date (NO_DATE when none). Grows with use_cases. */
	int32_t *first_ai_date;
	size_t first_ai_cap;

	int32_t ts_first_quarter, ts_last_quarter;   /* INT32_MAX/MIN when empty */

	/* Earlier quarters from the organisation's history (history_merge.c) add
	 * cells, baselines, survey rows (line 0) and employees after those of the
	 * exports; ts_first_quarter..ts_last_quarter stay the timesheet's own.  Once
	 * merged, export_first_ai_date holds the timesheet's own first AI dates
	 * (first_ai_date the earliest of both) and export_employees the number of
	 * employees the exports named: the others are keyed by their pseudonym. */
	int32_t *export_first_ai_date;
	size_t export_first_ai_count;
	size_t export_employees;
	bool history_merged;
	/* The quarters whose timesheet cells and survey rows came from the history,
	 * sorted, for the reports to say so. */
	int *history_timesheet_quarters, *history_survey_quarters;
	size_t history_timesheet_quarter_count, history_survey_quarter_count;
	/* The trend figures of earlier quarters as the history says they were
	 * published (the first version, or the latest with --republish): they replace
	 * the recomputed ones, so a later report never contradicts an earlier one. */
	struct published_quarter *published;
	size_t published_count;
	/* Survey rows of the export held back: their quarter was used by an earlier
	 * report, and the change against what it used would single out fewer than k
	 * people (history_merge.c); counted as superseded. */
	long survey_held_back;
	int *held_back_quarters;    /* their quarters: the history keeps its answers */
	size_t held_back_quarter_count;

	struct file_counts survey_file, timesheet_file;

	/* How well the two files' ids meet (dataset_check_identity). */
	struct identity_check {
		long survey_ids, timesheet_ids, matched;
		bool low;                /* fewer than [identity] min_match of either met */
	} ids;

	struct reject *survey_rejects;               /* rejected + superseded, by line */
	size_t survey_reject_count, survey_reject_cap;
	struct reject_sink timesheet_rejects;        /* rejects.csv rows, streamed */
	long timesheet_reject_rows;
};

void dataset_init(struct dataset *d);
/* Frees everything d holds (not the reject sink's context) and leaves d zeroed. */
void dataset_free(struct dataset *d);

/* Keeps one survey reject (copies of the texts) and counts its reason, unless the
 * row was only superseded. */
void dataset_add_survey_reject(struct dataset *d, long line, const char *column,
                               const char *value, const char *reason);

/* Counts one rejected field under its column and reason (at most 64 groups; the
 * rest under "other reasons"). */
void file_read_reason(struct file_read *how, long line, const char *column, const char *reason);
void file_read_free(struct file_read *how);

/* Counts the distinct ids of each file and those in both into d->ids; low when
 * fewer than min_match of the survey's or of the timesheet's ids are in the other.
 * Prints one warning naming [identity] when low (unless quiet). */
void dataset_check_identity(struct dataset *d, double min_match, FILE *err);

#endif
