/* timesheet.h - the timesheet reader's state, shared by timesheet.c (rows ->
 * cells) and ts_merge.c (a chunk's cells -> the file's, for the parallel reader).
 * Internal to the timesheet reader. */
#ifndef AIREPORT_TIMESHEET_H
#define AIREPORT_TIMESHEET_H

#include <stdint.h>

#include <stdbool.h>
#include <stdio.h>

#include "csvin.h"
#include "dataset.h"
#include "fields.h"
#include "header.h"
#include "ingest.h"
#include "rules.h"
#include "util.h"

/* Streams the timesheet at path into d's tables.  Rejected rows are handed to
 * d->timesheet_rejects when it has a row function.  Returns 0 or the exit status
 * of a whole-file error. */
int timesheet_read(struct dataset *d, const char *path, const struct rules *rules,
                   bool progress, FILE *err);

/* The index of recently seen byte strings in a strmap, by a hash of their first
 * and last bytes: a hit costs one comparison of bytes kept in the slot instead of
 * a lookup.  Strings longer than INTERN_KEY are looked up every time. */
#define INTERN_KEY 32
struct intern_slot {
	uint32_t len, index;        /* len 0: empty (an empty string is never interned) */
	char key[INTERN_KEY];
};
#define EMPLOYEE_SLOTS 4096
#define USE_CASE_SLOTS 256
#define DEPARTMENT_SLOTS 64

/* What a short field read as, by its bytes: a column's durations, counts and
 * yes/no values repeat, and the same bytes always read the same.  Only values
 * that were accepted are kept. */
#define VALUE_KEY 8
#define VALUE_BITS 8
#define VALUE_SLOTS (1 << VALUE_BITS)
struct value_slot {
	uint64_t key;               /* the bytes, as value_key() packs them */
	uint32_t len;               /* their number + 1; 0 = empty */
	union {
		double minutes;
		long items;
		bool ai;
	} v;
};

/* The cell an employee's rows in a use case went to last. */
#define CELL_SLOTS 4096
#define BASELINE_SLOTS 64
struct cell_slot {
	uint32_t employee, use_case;
	int32_t month;
	uint32_t index;             /* cell index + 1; 0 = empty */
};

/* A rejected row of a chunk, kept until the chunk is merged. */
struct ts_reject {
	long line;
	const char *column;         /* a header label, or NULL */
	char *value, *reason;
};

struct timesheet_reader {
	struct dataset *d;
	/* A chunk's reader folds into a dataset of its own; global is the file's
	 * (read only here: its identity map).  NULL when reading into d itself. */
	struct dataset *global;
	const struct rules *rules;
	const char *file;
	FILE *err;
	struct reader_profile profile;
	struct header_map map;
	int status;                 /* a whole-file error found while reading, or 0 */
	bool split;                 /* the rest of the file may be read in chunks */
	struct buf scratch;         /* a joined column's text */
	struct buf id_scratch;      /* an e-mail id in lower case */
	struct date_sense dates;
	/* Where the duration comes from: minutes wins over hours (§11.12), and
	 * either over start and end. */
	enum { FROM_MINUTES = DURATION_MINUTES, FROM_HOURS = DURATION_HOURS, FROM_CLOCK } duration;
	/* Exports are mostly in date order: the last date seen and its month, and
	 * the last date text with what it read as. */
	int32_t last_date, last_month;
	char date_text[32];
	size_t date_len;            /* SIZE_MAX: none yet */
	int32_t date_value;
	int date_error;
	struct intern_slot employees[EMPLOYEE_SLOTS], use_cases[USE_CASE_SLOTS],
	                   departments[DEPARTMENT_SLOTS];
	struct cell_slot cells[CELL_SLOTS], baselines[BASELINE_SLOTS];
	struct value_slot durations[VALUE_SLOTS], counts[VALUE_SLOTS], flags[VALUE_SLOTS];
	/* Sums of minutes stay exact, and so independent of the order of adding,
	 * while every addend is a multiple of 1/1024 and the total small: then a
	 * chunk's sums can be merged.  offgrid: an addend was not. */
	bool offgrid;
	double minutes_total, items_total;
	size_t kept_employees, kept_use_cases, kept_departments;   /* from before */
	struct ts_reject *rejects;  /* a chunk's reader: its rejects in order */
	size_t reject_count, reject_cap;
};

int timesheet_record(const struct csv_record *rec, void *ctx);
/* One line of rejects.csv (a chunk's reader keeps it); the caller counts the row. */
void timesheet_reject(struct timesheet_reader *tr, long line, const char *column,
                      const char *value, const char *reason);
/* Forgets all that reading the file did (csvin_parallel.restart). */
void timesheet_restart(void *ctx);
/* Clears the caches of a reader whose dataset was reset. */
void timesheet_caches_clear(struct timesheet_reader *tr);

/* The parallel reader's callbacks (ts_merge.c); ctx is the file's reader. */
extern const struct csvin_parallel timesheet_parallel;

#endif
