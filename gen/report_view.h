/* report_view.h - one quarter seen as if it were the reported one, and the state
 * report_compute.c shares with it.  Internal to the model: no writer includes it. */
#ifndef AIREPORT_REPORT_VIEW_H
#define AIREPORT_REPORT_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"
#include "report.h"
#include "rules.h"

static inline struct figure ok(double v)
{
	return (struct figure){ v, FIG_OK };
}

static inline struct figure na(void)
{
	return (struct figure){ 0, FIG_NA };
}

static inline struct figure ratio(double num, double den)
{
	return den != 0 ? ok(num / den) : na();
}

struct quarter_view {
	int q;
	int32_t start, end;
	int32_t first_month, last_month;
	int days;
	bool has_survey;
	long *srow;              /* employee -> index in d->survey, -1 */
	uint8_t *member;         /* employee -> MEMBER_SURVEY | MEMBER_TIMESHEET */
	uint32_t *entries, *ai_entries;   /* employee -> entries in the quarter */
	uint32_t *department;    /* employee -> department index */
	int *rate_class;         /* employee -> rate class */
	double *rate;            /* employee -> hourly rate */
	bool *active;
	int8_t *overall;         /* employee -> overall level, 0 without S_q row */
	int32_t *training;       /* employee -> training date as of the quarter's end */
	double *baseline;        /* use case -> minutes per item, NAN without baseline */
	/* baseline = baseline_minutes / baseline_items, kept apart so saved minutes
	 * are computed with one division (exact ties stay exact). */
	double *baseline_minutes, *baseline_items;
	int headcount, respondents, active_count, trainees;
	double hours_saved, value_saved;
	double cost_training, cost_licenses, cost_fixed, cost_total;
	struct figure adoption_rate, maturity_index, hours_saved_per_week, roi;
};

enum { MEMBER_SURVEY = 1, MEMBER_TIMESHEET = 2 };

struct compute {
	const struct dataset *d;
	const struct rules *rules;
	size_t employees, use_cases;
	uint32_t unassigned;      /* department index of "Unassigned" */
	/* survey rows of employee e are d->survey[first_row[e] .. first_row[e+1]) */
	size_t *first_row;
	int *survey_quarters;          /* quarters with survey rows, sorted */
	size_t survey_quarter_count;
	struct quarter_view **views;   /* cache, by quarter - view_base */
	int view_base, view_count;
};

/* The view of quarter index q (year * 4 + quarter - 1), computed once and cached
 * in c. */
struct quarter_view *view_get(struct compute *c, int q);
void view_free(struct quarter_view *v);
/* Whether quarter q has survey rows. */
bool quarter_has_survey(const struct compute *c, int q);
/* Fills c->survey_quarters from the dataset's survey rows. */
void collect_survey_quarters(struct compute *c);
/* Saved minutes of the AI entries of a cell of v: items x baseline - minutes,
 * exact at a tie.  The use case must have a baseline. */
double cell_saved_minutes(const struct quarter_view *v, const struct ts_cell *cell);
/* The hours saved by the AI entries of a cell of quarter v (false when the cell
 * lies outside v, has no AI entry or its use case has no baseline). */
bool cell_saved_hours(const struct quarter_view *v, const struct ts_cell *cell, double *hours);

/* Maturity level 1..3 of one Likert score (§4). */
int maturity_level(double score, const struct rules *rules);
/* Overall level of five dimension levels: median, min or rounded mean (§4). */
int overall_level(const int levels[DIM_COUNT], enum overall_mode mode);
/* Rate class of an employee: 0 = default, then [rates.role], then
 * [rates.department] entries in rules order. */
int rate_class_of(const struct rules *rules, const char *role, const char *department);
double rate_class_rate(const struct rules *rules, int rate_class);

#endif
