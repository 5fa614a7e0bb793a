/* history_write.h - recording one run in the history (history_write.c). */
#ifndef AIREPORT_HISTORY_WRITE_H
#define AIREPORT_HISTORY_WRITE_H

#include <stdio.h>
#include <time.h>

#include "dataset.h"
#include "history_figures.h"

struct history;
struct rules;

/* What one run hands to history_record().  Paths may be NULL when absent
 * (identity_map); their files are hashed as they are now. */
struct history_run {
	const char *version;            /* program version, "1.0.0" */
	time_t run_at;                  /* the wall-clock time of the run */
	time_t created;                 /* the reports' creation time (report.created) */
	const char *survey_path, *timesheet_path, *rules_path, *identity_map_path;
	/* Their SHA-256 in that order (hex, NULL: unreadable) when already known
	 * (digests.h); NULL: hashed while recording. */
	const char *const *input_sha256;
	const struct history_figures *figures;   /* the quarter's metrics.csv */
	const struct dataset *data;     /* the exports, folded */
	const struct rules *rules;      /* for the baseline window the cells were folded with */
};

/* Records one run in one transaction (see history.h).  When changes
 * is not NULL it receives the comparison that decided whether a new version was
 * published.  Returns 0, or EXIT_IO after one line on err with nothing written. */
int history_record(struct history *h, const struct history_run *run,
                   struct history_changes *changes, FILE *err);

/* history_record() in two steps, so that the rows can be written while the
 * reports are: history_stage() writes every row inside a transaction it leaves
 * open (*pending), history_commit() commits it (and frees pending), and
 * history_abandon() rolls it back.  Between them the history must not be used
 * otherwise.  The stage's messages go to its err, the commit's to its own.
 * Each returns 0, or EXIT_IO after one line on err with nothing written. */
struct history_pending;
int history_stage(struct history *h, const struct history_run *run,
                  struct history_pending **pending, FILE *err);
int history_commit(struct history_pending *pending, struct history_changes *changes,
                   FILE *err);
void history_abandon(struct history_pending *pending);

/* Test hook for the fault tests (tests/e2e_history.sh), documented in README:
 * when the environment names a file in AIREPORT_TEST_HISTORY_PAUSE,
 * history_commit() writes that file once every row of its transaction is written
 * but before the commit, then sleeps up to a minute, so the test can SIGKILL the
 * run inside the transaction. */
#define HISTORY_PAUSE_ENV "AIREPORT_TEST_HISTORY_PAUSE"

#endif
