/* report_compute.h - building the report model from the dataset (report.c). */
#ifndef AIREPORT_REPORT_COMPUTE_H
#define AIREPORT_REPORT_COMPUTE_H

#include <time.h>

#include "dataset.h"
#include "report.h"
#include "rules.h"

/* Computes every figure of quarter index q (year * 4 + quarter - 1) into *r and
 * applies privacy.  r->rules points at rules, which must outlive r.  The dataset
 * gains the department "Unassigned" when it is needed. */
void report_compute(struct report *r, struct dataset *d, const struct rules *rules,
                    int quarter, time_t created);

/* The latest quarter index with survey rows, -1 when there are none. */
int report_latest_survey_quarter(const struct dataset *d);

/* Maturity level 1..3 of one Likert score (§4). */
int maturity_level(double score, const struct rules *rules);
/* Overall level of five dimension levels: median, min or rounded mean (§4). */
int overall_level(const int levels[DIM_COUNT], enum overall_mode mode);
/* Rate class of an employee: 0 = default, then [rates.role], then
 * [rates.department] entries in rules order. */
int rate_class_of(const struct rules *rules, const char *role, const char *department);
double rate_class_rate(const struct rules *rules, int rate_class);

#endif
