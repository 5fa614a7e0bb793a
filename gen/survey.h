/* survey.h - the survey export -> accepted, de-duplicated rows and rejects
 * (survey.c). */
#ifndef AIREPORT_SURVEY_H
#define AIREPORT_SURVEY_H

#include <stdbool.h>
#include <stdio.h>

#include "dataset.h"
#include "rules.h"

/* Reads the survey at path into d (accepted rows, rejects, de-duplication).
 * Returns 0, or the exit status of a whole-file error after one line on err. */
int survey_read(struct dataset *d, const char *path, const struct rules *rules,
                bool progress, FILE *err);
/* Orders rows by employee, quarter, submitted date and line: the model finds
 * each employee's rows side by side. */
void survey_sort_rows(struct survey_row *rows, size_t count);
/* Sorts d->survey_rejects by line (a line's rejects keep their order). */
void survey_sort_rejects(struct dataset *d);

#endif
