/* history_merge.h - the quarters the exports do not cover, taken from the
 * organisation's history into the dataset before the model runs
 * (history_merge.c), so that a run on one quarter's exports computes the trend,
 * deltas, migration, baselines and cumulative series a run over all the data
 * would. */
#ifndef AIREPORT_HISTORY_MERGE_H
#define AIREPORT_HISTORY_MERGE_H

#include <stddef.h>
#include <stdio.h>

#include "dataset.h"

struct history;

/* The quarters whose data came from the history, sorted. */
struct history_merged {
	int *timesheet_quarters, *survey_quarters;
	size_t timesheet_quarter_count, survey_quarter_count;
};

/* Loads the history's quarters up to last_quarter and adds to d those the
 * exports do not cover (the timesheet's first to last quarter, the survey's
 * quarters with accepted rows): cells and baselines before and after the
 * timesheet's own in quarter order, survey rows (line 0), the earliest first AI
 * date per use case.  A person the exports name keeps the exports' id (matched by
 * pseudonym); anyone else becomes an employee keyed by the pseudonym, which the
 * caller must not publish (d->export_employees tells them apart).  Fills merged
 * (may be NULL).  Returns 0 or EXIT_IO after one line on err, d unchanged. */
int history_merge(struct history *h, struct dataset *d, int last_quarter,
                  struct history_merged *merged, FILE *err);
void history_merged_free(struct history_merged *m);

#endif
