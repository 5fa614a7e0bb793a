/* batch.h - many clients, one sub-folder each, in parallel (SPEC §9). */
#ifndef AIREPORT_BATCH_H
#define AIREPORT_BATCH_H

#include "run.h"

/* Runs every sub-folder of dir holding a rules.ini as one client (its own
 * survey.csv and timesheet.csv), at most jobs at a time in child processes.
 * Prints a summary table and writes OUT/batch-summary.csv.  Returns 0 when every
 * client succeeded, else the highest client exit status. */
int batch_run(const char *dir, const struct run_options *base, int jobs);

#endif
