/* history_merge.h - the quarters the exports do not cover, taken from the
 * organisation's history into the dataset before the model runs
 * (history_merge.c), so that a run on one quarter's exports computes the trend,
 * deltas, migration, baselines and cumulative series a run over all the data
 * would. */
#ifndef AIREPORT_HISTORY_MERGE_H
#define AIREPORT_HISTORY_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dataset.h"

struct history;

struct history_merge_options {
	int last_quarter;               /* the report's quarter P */
	int min_group_size;             /* k, for re-issued survey quarters */
	bool republish;                 /* trend figures of their latest version, not the first */
};

/* Loads the history's quarters up to o->last_quarter and adds to d those the
 * exports do not cover (the timesheet's first to last quarter, the survey's
 * quarters with accepted rows): cells and baselines before and after the
 * timesheet's own in quarter order, survey rows (line 0), the earliest first AI
 * date per use case.  A person the exports name keeps the exports' id (matched by
 * pseudonym); anyone else becomes an employee keyed by the pseudonym, which the
 * caller must not publish (d->export_employees tells them apart).
 *
 * A survey quarter the export covers and the history holds is a re-issue: when
 * its changed answers would single out fewer than k people in some group, the
 * export's rows are held back (superseded, d->survey_held_back) and the history's
 * are used.  The trend figures published for the quarters before P go to
 * d->published, the quarters that came from the history to
 * d->history_timesheet_quarters and d->history_survey_quarters.  Returns 0 or
 * EXIT_IO after one line on err, d unchanged. */
int history_merge(struct history *h, struct dataset *d, const struct history_merge_options *o,
                  FILE *err);

#endif
