/* history_read.h - loading earlier quarters back from the history
 * (history_read.c). */
#ifndef AIREPORT_HISTORY_READ_H
#define AIREPORT_HISTORY_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "dataset.h"
#include "history_figures.h"
#include "sha256.h"

struct history;

/* ---- reading the history back --------------------------------------------------
 * The records mirror dataset.h's, with names instead of the dataset's indexes, so
 * that each can be interned into a dataset (history_merge.c).  Cells and
 * baselines come quarter by quarter in the order of the export they came from. */

/* A folded timesheet cell (struct ts_cell). */
struct history_cell {
	char employee[SHA256_HEX_SIZE];
	char *use_case;
	int32_t month;                  /* year * 12 + month - 1 */
	uint32_t entries, ai_entries;
	double ai_items, ai_minutes;
	char *department;               /* NULL when the rows named none */
	int32_t department_date;        /* NO_DATE when department is NULL */
	long department_line;           /* its line in its export; 0 when unknown */
};

/* Non-AI minutes and items of one use case in one month (struct baseline_cell). */
struct history_baseline {
	char *use_case;
	int32_t month;
	double minutes, items;
};

/* The first AI entry date of a use case within one quarter; the earliest over the
 * quarters is the dataset's first_ai_date. */
struct history_first_ai {
	char *use_case;
	int quarter;
	int32_t date;
};

/* One accepted survey row (struct survey_row). */
struct history_survey_row {
	char employee[SHA256_HEX_SIZE];
	int quarter;
	int32_t submitted;
	char *department;
	char *role;                     /* "" when empty */
	bool mentor_named;
	char mentor[SHA256_HEX_SIZE];   /* "" when no mentor was named */
	int32_t training_date;          /* NO_DATE when empty */
	double ai_days_per_week;
	int8_t scores[5];
	int8_t satisfaction;            /* 0 = empty */
};

/* A quarter's first (or latest) published figures. */
struct history_publication {
	int quarter;
	int version;                    /* 1 unless the first was lost */
	time_t created;
	struct history_figures figures;
};

struct history_data {
	struct history_cell *cells;
	size_t cell_count, cell_cap;
	struct history_baseline *baselines;
	size_t baseline_count, baseline_cap;
	struct history_first_ai *first_ai;
	size_t first_ai_count, first_ai_cap;
	struct history_survey_row *survey;
	size_t survey_count, survey_cap;
	struct history_publication *publications;   /* oldest quarter first */
	size_t publication_count, publication_cap;
	/* The latest quarter ever published (any version; -1 = none): the survey rows
	 * of this quarter and those before it were used by a report. */
	int last_published;
	/* Quarters whose timesheet and survey data the history holds (sorted). */
	int *timesheet_quarters, *survey_quarters;
	size_t timesheet_quarter_count, survey_quarter_count;
};

/* Loads the quarters first..last (inclusive quarter indexes) into out (emptied
 * first): cells, baselines, first AI dates, survey rows and the published figures
 * of each quarter, its first version (latest: its latest).  Returns 0 or EXIT_IO
 * after one line on err. */
int history_load(struct history *h, int first_quarter, int last_quarter, bool latest,
                 struct history_data *out, FILE *err);
void history_data_free(struct history_data *d);

#endif
