/* dataset.h - what the readers keep of the two exports: the accepted survey rows
 * (few) and the timesheet folded into compact tables (SPEC §10: memory grows with
 * employees x use cases x months, never with rows).  survey.c and timesheet.c fill
 * it; report.c computes every figure from it. */
#ifndef AIREPORT_DATASET_H
#define AIREPORT_DATASET_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "csvin.h"
#include "header.h"
#include "profile.h"
#include "rules.h"
#include "util.h"

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
	long line;
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
void dataset_free(struct dataset *d);

/* Reads the survey at path into d (accepted rows, rejects, de-duplication).
 * Returns 0, or the exit status of a whole-file error after one line on err. */
int survey_read(struct dataset *d, const char *path, const struct rules *rules,
                bool progress, FILE *err);

/* Streams the timesheet at path into d's tables.  Rejected rows are written to
 * d->timesheet_rejects when it has a row function.  Returns 0 or the
 * exit status of a whole-file error. */
int timesheet_read(struct dataset *d, const char *path, const struct rules *rules,
                   bool progress, FILE *err);

/* Reads one export: an .xlsx workbook (judged by content) through xlsxin, the
 * sheet the settings name (default the first); anything else through csvin with
 * their encoding and delimiter.  fn gets every record and builds h from the
 * header row(s).  Returns 0 or the exit status of a whole-file error (unreadable,
 * empty, a missing column).  Frees h. */
int export_read(const char *path, const struct input_settings *in, bool progress,
                csv_record_fn fn, void *ctx, struct header_map *h, struct file_read *how,
                FILE *err);
/* Same; a CSV file's records after the header are read with par on several
 * cores (csvin_read_parallel) when fn returns CSVIN_SPLIT for the header. */
int export_read_parallel(const char *path, const struct input_settings *in, bool progress,
                         csv_record_fn fn, void *ctx, const struct csvin_parallel *par,
                         struct header_map *h, struct file_read *how, FILE *err);
/* Counts one rejected field under its column and reason (at most 64 groups; the
 * rest under "other reasons"). */
void file_read_reason(struct file_read *how, long line, const char *column, const char *reason);
/* Notes the columns a header map found, for --check. */
void file_read_mapping(struct file_read *how, const struct header_map *h, size_t ncolumns);
void file_read_free(struct file_read *how);

enum field_error date_sense_read(struct date_sense *ds, long line, const char *s, size_t n,
                                 int32_t *out);
/* What the file's dates say, once it is read: 0 when they were read right (with
 * one warning naming date_order when no date could tell the order);
 * DATES_MONTH_FIRST when the file must be read again with DATE_ORDER_MDY;
 * EXIT_DATA after one line on err when both orders occur. */
#define DATES_MONTH_FIRST 100
int date_sense_verdict(const struct date_sense *ds, const char *file, const char *section,
                       FILE *err);

/* Reads the [identity] map at path (a header row, then timesheet id, survey id
 * per row) into d.  Returns 0, or an exit status after one line on err. */
int identity_load(struct dataset *d, const char *path, FILE *err);
/* The employee index of a timesheet id, through the identity map. */
uint32_t identity_lookup(struct dataset *d, const struct csv_field *id);

/* Counts the distinct ids of each file and those in both into d->ids; low when
 * fewer than min_match of the survey's or of the timesheet's ids are in the other.
 * Prints one warning naming [identity] when low (unless quiet). */
void dataset_check_identity(struct dataset *d, double min_match, FILE *err);

/* The key under which an id is compared: ids that look like e-mail addresses
 * (they hold an '@') compare without regard to ASCII case, so they are kept in
 * lower case; others as written.  Returns the field itself or a copy in scratch. */
struct csv_field id_field(const struct csv_field *f, struct buf *scratch);

/* The profile a reader uses and the column names it hands to header.c. */
struct reader_profile {
	const struct profile *profile;
	char *names[HEADER_MAX_COLUMNS];
	int header_rows;
};
/* Chooses the profile from the settings or, for auto, from the first header row
 * (one line on err saying which, unless quiet), and merges its names with the
 * rules' [*_columns].  Free with reader_profile_free(). */
void reader_profile_choose(struct reader_profile *rp, enum profile_kind kind,
                           const struct input_settings *in, char *const *rules_columns,
                           const char *const *canonical, size_t n,
                           const struct csv_record *row1, const char *file, FILE *err);
void reader_profile_free(struct reader_profile *rp);

/* Checks a required text field of 1..max code points (§2, §11.8); returns 0, or -1
 * with the reject reason in reason. */
int check_text_field(const struct csv_field *f, size_t max, char *reason, size_t rsz);

/* Text of a typed-field error for rejects.csv ("not a valid date", ...). */
const char *field_error_reason(int field_error);

void dataset_add_survey_reject(struct dataset *d, long line, const char *column,
                               const char *value, const char *reason);

#endif
