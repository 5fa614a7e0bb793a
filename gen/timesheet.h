/* timesheet.h - the time-tracking export -> the dataset's compact tables
 * (timesheet.c). */
#ifndef AIREPORT_TIMESHEET_H
#define AIREPORT_TIMESHEET_H

#include <stdbool.h>
#include <stdio.h>

#include "dataset.h"
#include "rules.h"

/* Streams the timesheet at path into d's tables.  Rejected rows are handed to
 * d->timesheet_rejects when it has a row function.  Returns 0 or the exit status
 * of a whole-file error. */
int timesheet_read(struct dataset *d, const char *path, const struct rules *rules,
                   bool progress, FILE *err);

#endif
