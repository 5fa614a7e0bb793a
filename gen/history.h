/* history.h - the per-organisation history: OUT/<org>/history.sqlite (the only
 * file with <sqlite3.h>) and its secret, OUT/<org>/history.secret.
 *
 * At the end of every successful run, after the reports are in place and while
 * the folder lock is held, one transaction records:
 *   - the run: when, the program version, the SHA-256 of every input file and of
 *     the rules, the period;
 *   - the quarter's published figures, every row of metrics.csv as written,
 *     versioned: a re-run whose figures differ from the latest version adds a
 *     new version and lists the changes (struct history_changes), an identical
 *     one adds none;
 *   - what later quarters need and the next exports may lack, at the dataset's
 *     grain: the folded timesheet cells per employee x use case x month, the
 *     non-AI baseline cells per use case x month, each use case's first AI date,
 *     and the accepted survey rows per employee and quarter.  The quarters an
 *     export covers replace what the history held for them.
 * Employees and mentors are stored as pseudonyms only: HMAC-SHA-256 of the id
 * under the organisation's 32-byte secret, in hex.  The secret file is created
 * on first use with mode 0600; the database keeps a check value of it, so a lost
 * or swapped secret is noticed instead of silently starting new pseudonyms.
 *
 * Every failure (locked after the busy timeout, corrupt, from a newer schema,
 * unwritable, a bad secret) is one line on err naming the file and EXIT_IO; the
 * transaction is then rolled back, so the history is never half-written. */
#ifndef AIREPORT_HISTORY_H
#define AIREPORT_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "dataset.h"
#include "sha256.h"

#define HISTORY_FILE "history.sqlite"
#define HISTORY_SECRET_FILE "history.secret"
#define HISTORY_SCHEMA_VERSION 1
#define HISTORY_BUSY_TIMEOUT_MS 5000

struct history;

/* One row of metrics.csv without its period (the publication's quarter). */
struct history_figure {
	char *scope, *group, *metric;
	char *value;                    /* as written: "0.571429", "" when not ok */
	char *status;                   /* "ok", "n/a", "suppressed" */
};

/* Every figure of one metrics.csv, in its order. */
struct history_figures {
	int quarter;                    /* year * 4 + quarter - 1, from the period column */
	struct history_figure *items;
	size_t count, cap;
};

/* One figure that differs between the latest published version and this run.
 * old_* are NULL for a figure that is new, new_* NULL for one that is gone. */
struct history_change {
	char *scope, *group, *metric;
	char *old_value, *old_status;
	char *new_value, *new_status;
};

/* The comparison of a run's figures with the quarter's latest publication.
 * previous_version 0: the quarter was never published (nothing to compare). */
struct history_changes {
	int quarter;
	int previous_version;           /* 0 = first publication */
	struct history_change *items;   /* in metrics.csv order; removed figures last */
	size_t count, cap;
};

/* What one run hands to history_record().  Paths may be NULL when absent
 * (identity_map); their files are hashed as they are now. */
struct history_run {
	const char *version;            /* program version, "1.0.0" */
	time_t run_at;                  /* the wall-clock time of the run */
	time_t created;                 /* the reports' creation time (report.created) */
	const char *survey_path, *timesheet_path, *rules_path, *identity_map_path;
	const struct history_figures *figures;   /* the quarter's metrics.csv */
	const struct dataset *data;     /* the exports, folded */
	const struct rules *rules;      /* for the baseline window the cells were folded with */
};

/* Opens dir/history.sqlite (creating it and dir/history.secret when missing):
 * busy timeout, WAL, PRAGMA integrity_check, the schema version (older ones are
 * migrated forward in one transaction; a newer one is refused).  Returns the
 * handle, or NULL after one line on err. */
struct history *history_open(const char *dir, FILE *err);
/* Closes the database; NULL is a no-op. */
void history_close(struct history *h);
/* The database's path, for messages. */
const char *history_path(const struct history *h);

/* Pseudonym of an employee or mentor id: hex HMAC-SHA-256 under the secret. */
void history_pseudonym(const struct history *h, const char *id, char out[SHA256_HEX_SIZE]);

/* Parses metrics.csv text (as out_csv.c writes it: a header, then period,scope,
 * group,metric,value,status with RFC 4180 quoting) into out.  Returns 0, or -1
 * when the text is not such a file (out is then emptied). */
int history_parse_metrics(const char *text, size_t len, struct history_figures *out);
void history_figures_free(struct history_figures *f);

/* Compares figures with the latest published version of their quarter: fills
 * changes (zeroed or holding an earlier result; emptied first).  Scope data_quality (the files' names and row counts)
 * is stored but not compared.  Reads only; usable before the reports are written.
 * Returns 0 or EXIT_IO after one line on err. */
int history_compare(struct history *h, const struct history_figures *figures,
                    struct history_changes *changes, FILE *err);
/* Prints one warning line per change on err: the figure, old -> new. */
void history_print_changes(const struct history *h, const struct history_changes *changes,
                           FILE *err);
void history_changes_free(struct history_changes *c);

/* Records one run in one transaction (see the top of this file).  When changes
 * is not NULL it receives the comparison that decided whether a new version was
 * published.  Returns 0, or EXIT_IO after one line on err with nothing written. */
int history_record(struct history *h, const struct history_run *run,
                   struct history_changes *changes, FILE *err);

/* ---- reading the history back --------------------------------------------------
 * The records mirror dataset.h's, with names instead of the dataset's indexes, so
 * that each can be interned into a dataset (employee = pseudonym). */

/* A folded timesheet cell (struct ts_cell). */
struct history_cell {
	char employee[SHA256_HEX_SIZE];
	char *use_case;
	int32_t month;                  /* year * 12 + month - 1 */
	uint32_t entries, ai_entries;
	double ai_items, ai_minutes;
	char *department;               /* NULL when the rows named none */
	int32_t department_date;        /* NO_DATE when department is NULL */
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

/* A quarter's first published figures. */
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
	/* Quarters whose timesheet and survey data the history holds (sorted). */
	int *timesheet_quarters, *survey_quarters;
	size_t timesheet_quarter_count, survey_quarter_count;
};

/* Loads the quarters first..last (inclusive quarter indexes) into out (emptied
 * first): cells, baselines, first AI dates, survey rows and the first published
 * figures of each quarter.  Returns 0 or EXIT_IO after one line on err. */
int history_load(struct history *h, int first_quarter, int last_quarter,
                 struct history_data *out, FILE *err);
void history_data_free(struct history_data *d);

/* Test hook for the fault tests (tests/e2e_history.sh), documented in README:
 * when the environment names a file in AIREPORT_TEST_HISTORY_PAUSE,
 * history_record() writes that file once every row of its transaction is written
 * but before the commit, then sleeps up to a minute, so the test can SIGKILL the
 * run inside the transaction. */
#define HISTORY_PAUSE_ENV "AIREPORT_TEST_HISTORY_PAUSE"

#endif
