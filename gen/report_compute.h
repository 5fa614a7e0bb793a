/* report_compute.h - building the report model from the dataset (report_compute.c). */
#ifndef AIREPORT_REPORT_COMPUTE_H
#define AIREPORT_REPORT_COMPUTE_H

#include <time.h>

#include "dataset.h"
#include "report.h"
#include "report_view.h"
#include "rules.h"

/* Computes every figure of quarter index q (year * 4 + quarter - 1) into *r and
 * applies privacy; r keeps its own copy of what the writers need from rules.  The dataset
 * gains the department "Unassigned" when it is needed. */
void report_compute(struct report *r, struct dataset *d, const struct rules *rules,
                    int quarter, time_t created);

/* The latest quarter index with survey rows, -1 when there are none. */
int report_latest_survey_quarter(const struct dataset *d);

#endif
