/* privacy.c - no published figure covers fewer than k people (SPEC §5). */
#include "privacy.h"

#include <stdlib.h>

#include "util.h"

static void suppress(struct figure *f)
{
	f->status = FIG_SUPPRESSED;
	f->value = 0;
}

void privacy_breakdown(const int *sizes, size_t n, int k, bool *suppressed)
{
	size_t primary = 0;
	for (size_t i = 0; i < n; i++) {
		suppressed[i] = sizes[i] > 0 && sizes[i] < k;
		primary += suppressed[i];
	}
	if (primary != 1)
		return;
	size_t best = n;
	for (size_t i = 0; i < n; i++)
		if (sizes[i] >= k && (best == n || sizes[i] < sizes[best]))
			best = i;
	if (best < n)
		suppressed[best] = true;
}

static void departments_apply(struct report *r, int k)
{
	size_t n = r->department_count;
	int *sizes = xcalloc(n + 1, sizeof(int));
	bool *hide = xcalloc(n + 1, sizeof(bool));

	/* The headcount family: size = headcount (§11.27). */
	static const enum department_metric headcount_family[] = {
		DEPT_HEADCOUNT, DEPT_RESPONDENTS, DEPT_ACTIVE_EMPLOYEES, DEPT_ADOPTION_RATE,
		DEPT_LOGGED_AI_SHARE, DEPT_HOURS_SAVED, DEPT_HOURS_SAVED_PER_WEEK,
		DEPT_VALUE_SAVED,
	};
	for (size_t i = 0; i < n; i++)
		sizes[i] = r->departments[i].headcount;
	privacy_breakdown(sizes, n, k, hide);
	for (size_t i = 0; i < n; i++)
		if (hide[i])
			for (size_t m = 0; m < ARRAY_LEN(headcount_family); m++)
				suppress(&r->departments[i].fig[headcount_family[m]]);

	/* The maturity family: size = respondents. */
	for (size_t i = 0; i < n; i++)
		sizes[i] = r->departments[i].respondents;
	privacy_breakdown(sizes, n, k, hide);
	for (size_t i = 0; i < n; i++) {
		struct department *d = &r->departments[i];
		if (hide[i] || r->survey_suppressed)
			for (int m = DEPT_MATURITY_INDEX; m <= DEPT_MATURITY_KNOWLEDGE_SHARING; m++)
				suppress(&d->fig[m]);
		if (r->survey_suppressed) {
			suppress(&d->fig[DEPT_ACTIVE_EMPLOYEES]);
			suppress(&d->fig[DEPT_ADOPTION_RATE]);
		}
	}
	free(sizes);
	free(hide);
}

static void use_cases_apply(struct report *r, int k)
{
	size_t n = r->use_case_count;
	int *sizes = xcalloc(n + 1, sizeof(int));
	bool *hide = xcalloc(n + 1, sizeof(bool));
	for (size_t i = 0; i < n; i++)
		sizes[i] = r->use_cases[i].ai_users;
	privacy_breakdown(sizes, n, k, hide);
	for (size_t i = 0; i < n; i++)
		if (hide[i])
			for (int m = 0; m < UC_METRIC_COUNT; m++)
				suppress(&r->use_cases[i].fig[m]);
	free(sizes);
	free(hide);
}

static void quarter_apply(struct quarter *q, int k)
{
	if (q->respondents < k) {
		suppress(&q->adoption_rate);
		suppress(&q->maturity_index);
	}
}

void privacy_apply(struct report *r)
{
	int k = r->min_group_size;
	r->survey_suppressed = r->org[ORG_RESPONDENTS].value < k;
	if (r->survey_suppressed) {
		static const enum org_metric survey_based[] = {
			ORG_ACTIVE_EMPLOYEES, ORG_ADOPTION_RATE, ORG_MATURITY_INDEX,
			ORG_MATURITY_TOOL_KNOWLEDGE, ORG_MATURITY_APPLICATION_BREADTH,
			ORG_MATURITY_AUTONOMY, ORG_MATURITY_INNOVATION,
			ORG_MATURITY_KNOWLEDGE_SHARING, ORG_LEVEL_SHARE_1, ORG_LEVEL_SHARE_2,
			ORG_LEVEL_SHARE_3, ORG_SATISFACTION_MEAN, ORG_BUDDY_COVERAGE,
			ORG_MENTOR_MAX_LOAD, ORG_RETENTION_6M,
		};
		for (size_t i = 0; i < ARRAY_LEN(survey_based); i++)
			suppress(&r->org[survey_based[i]]);
	}
	if (r->survey_suppressed || r->org[ORG_MIGRATION_MATCHED].value < k)
		for (int m = ORG_MIGRATION_MATCHED; m <= ORG_MIGRATION_3_3; m++)
			suppress(&r->org[m]);
	departments_apply(r, k);
	use_cases_apply(r, k);
	for (size_t i = 0; i < r->quarter_count; i++)
		quarter_apply(&r->quarters[i], k);
	if (r->has_previous)
		quarter_apply(&r->previous, k);
}
