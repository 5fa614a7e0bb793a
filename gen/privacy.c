/* privacy.c - no published figure, and no combination of published figures,
 * covers fewer than k people (SPEC §5, §11.27-30, §11.33, as extended).
 *
 * The one rule: a figure is published only when the people it is computed over -
 * its contributors, not the group's headcount - number at least k (none: the
 * figure is n/a).  A breakdown whose suppressed groups together hold fewer than k
 * contributors suppresses more of its groups, smallest first, until they hold at
 * least k: the organisation total minus the published groups then covers at least
 * k people.  Suppressed is always "suppressed", never "n/a".  README's Privacy
 * section lists each rule with the attack it answers. */
#include "privacy.h"

#include <math.h>
#include <stdlib.h>

#include "util.h"

static void suppress(struct figure *f)
{
	f->status = FIG_SUPPRESSED;
	f->value = 0;
}

/* Contributors below k, but not none. */
static bool too_few(int n, int k)
{
	return n > 0 && n < k;
}

void privacy_breakdown(const int *sizes, size_t n, int k, bool *suppressed)
{
	for (size_t i = 0; i < n; i++)
		suppressed[i] = suppressed[i] || too_few(sizes[i], k);
	for (;;) {
		long hidden = 0;
		for (size_t i = 0; i < n; i++)
			if (suppressed[i])
				hidden += sizes[i];
		if (!too_few((int)(hidden < k ? hidden : k), k))
			return;
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (!suppressed[i] && sizes[i] > 0 && (best == n || sizes[i] < sizes[best]))
				best = i;
		if (best == n)
			return;
		suppressed[best] = true;
	}
}

/* Suppresses the given figures of every department in hide[]. */
static void hide_departments(struct report *r, const bool *hide, const enum department_metric *m,
                             size_t count)
{
	for (size_t i = 0; i < r->department_count; i++)
		if (hide[i])
			for (size_t j = 0; j < count; j++)
				suppress(&r->departments[i].fig[m[j]]);
}

/* Three families per department, each a breakdown of its own (§11.27 as
 * extended): the counts of ids (size: headcount), the survey figures (size:
 * respondents) and the savings (size: people who saved time, and never where
 * value and hours would give away a small rate class).  A department hidden in
 * the first family is hidden in all: its adoption and active count would give
 * its headcount back. */
static void departments_apply(struct report *r, int k)
{
	size_t n = r->department_count;
	int *sizes = xcalloc(n + 1, sizeof(int));
	bool *by_headcount = xcalloc(n + 1, sizeof(bool));
	bool *hide = xcalloc(n + 1, sizeof(bool));

	static const enum department_metric ids[] = {
		DEPT_HEADCOUNT, DEPT_RESPONDENTS, DEPT_LOGGED_AI_SHARE,
	};
	for (size_t i = 0; i < n; i++)
		sizes[i] = r->departments[i].headcount;
	privacy_breakdown(sizes, n, k, by_headcount);
	hide_departments(r, by_headcount, ids, ARRAY_LEN(ids));

	static const enum department_metric survey[] = {
		DEPT_ACTIVE_EMPLOYEES, DEPT_ADOPTION_RATE, DEPT_MATURITY_INDEX,
		DEPT_MATURITY_TOOL_KNOWLEDGE, DEPT_MATURITY_APPLICATION_BREADTH,
		DEPT_MATURITY_AUTONOMY, DEPT_MATURITY_INNOVATION, DEPT_MATURITY_KNOWLEDGE_SHARING,
	};
	for (size_t i = 0; i < n; i++) {
		sizes[i] = r->departments[i].respondents;
		hide[i] = by_headcount[i] || r->survey_suppressed;
	}
	privacy_breakdown(sizes, n, k, hide);
	hide_departments(r, hide, survey, ARRAY_LEN(survey));

	static const enum department_metric savings[] = {
		DEPT_HOURS_SAVED, DEPT_HOURS_SAVED_PER_WEEK, DEPT_VALUE_SAVED,
	};
	for (size_t i = 0; i < n; i++) {
		const struct department *d = &r->departments[i];
		sizes[i] = d->savers;
		hide[i] = by_headcount[i] || (d->savers > 0 && d->value_isolates);
	}
	privacy_breakdown(sizes, n, k, hide);
	hide_departments(r, hide, savings, ARRAY_LEN(savings));
	free(sizes);
	free(by_headcount);
	free(hide);
}

/* Secondary suppression over use cases, which share people: the hidden use cases
 * must hold at least k distinct people who saved time together, not k
 * memberships; a use case without a baseline saves nobody anything, so it neither
 * counts nor is added. */
static void use_case_breakdown(const struct report *r, int k, bool *hide)
{
	size_t n = r->use_case_count;
	uint32_t top = 0;
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < r->use_cases[i].ai_users; j++)
			if (r->use_cases[i].user_ids[j] >= top)
				top = r->use_cases[i].user_ids[j] + 1;
	size_t *seen = xcalloc((size_t)top + 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		hide[i] = hide[i] || too_few(r->use_cases[i].ai_users, k);
	for (size_t round = 1;; round++) {
		int distinct = 0;
		for (size_t i = 0; i < n; i++)
			for (int j = 0; hide[i] && r->use_cases[i].has_baseline &&
			                j < r->use_cases[i].ai_users; j++) {
				uint32_t e = r->use_cases[i].user_ids[j];
				if (seen[e] != round) {
					seen[e] = round;
					distinct++;
				}
			}
		if (!too_few(distinct, k))
			break;
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (!hide[i] && r->use_cases[i].has_baseline && r->use_cases[i].ai_users > 0 &&
			    (best == n || r->use_cases[i].ai_users < r->use_cases[best].ai_users))
				best = i;
		if (best == n)
			break;
		hide[best] = true;
	}
	free(seen);
}

/* Use cases: size = AI users (§11.27).  A use case whose value and hours would
 * give away a small rate class keeps its other figures but not its value, and
 * the values form a breakdown of their own against the organisation's. */
static void use_cases_apply(struct report *r, int k)
{
	size_t n = r->use_case_count;
	bool *hide = xcalloc(n + 1, sizeof(bool));
	use_case_breakdown(r, k, hide);
	for (size_t i = 0; i < n; i++)
		if (hide[i])
			for (int m = 0; m < UC_METRIC_COUNT; m++)
				suppress(&r->use_cases[i].fig[m]);
	for (size_t i = 0; i < n; i++)
		hide[i] = hide[i] || r->use_cases[i].value_isolates;
	use_case_breakdown(r, k, hide);
	for (size_t i = 0; i < n; i++)
		if (hide[i])
			suppress(&r->use_cases[i].fig[UC_VALUE_SAVED]);
	/* The top user's share times the hours would be the top user's own hours:
	 * the share is published as the lower end of its 25-point band. */
	for (size_t i = 0; i < n; i++) {
		struct figure *c = &r->use_cases[i].fig[UC_CONCENTRATION];
		if (c->status == FIG_OK)
			c->value = floor(c->value * 4 + 1e-9) / 4;
	}
	free(hide);
}

static void quarter_apply(struct quarter *q, int k, bool costs_from_survey)
{
	if (q->respondents < k) {
		suppress(&q->adoption_rate);
		suppress(&q->maturity_index);
		if (costs_from_survey)
			suppress(&q->roi);
	}
	if (too_few(q->savers, k)) {
		suppress(&q->hours_saved_per_week);
		suppress(&q->roi);
	}
}

static void suppress_org(struct report *r, const enum org_metric *m, size_t count)
{
	for (size_t i = 0; i < count; i++)
		suppress(&r->org[m[i]]);
}

/* The survey's ratios over their own contributors, and the migration table. */
static void survey_ratios_apply(struct report *r, int k)
{
	if (too_few(r->counts.satisfaction, k))
		suppress(&r->org[ORG_SATISFACTION_MEAN]);
	if (too_few(r->counts.level1, k))
		suppress(&r->org[ORG_BUDDY_COVERAGE]);
	if (too_few(r->counts.mentees, k))
		suppress(&r->org[ORG_MENTOR_MAX_LOAD]);
	if (too_few(r->counts.trained, k))
		suppress(&r->org[ORG_RETENTION_6M]);
	/* The table against this and last quarter's level shares gives the levels of
	 * those who joined or left: each must be none or at least k (§11.33). */
	if (r->survey_suppressed || r->org[ORG_MIGRATION_MATCHED].value < k ||
	    too_few(r->counts.joiners, k) || too_few(r->counts.leavers, k))
		for (int m = ORG_MIGRATION_MATCHED; m <= ORG_MIGRATION_3_3; m++)
			suppress(&r->org[m]);
}

/* The monthly series: a month's benefit over fewer than k people who saved time
 * is hidden, and so is every cumulative benefit that would give it back by
 * difference: a cumulative is shown only once the months since the last one
 * shown hold at least k distinct such people together. */
static void months_apply(struct report *r, int k, bool costs_hidden)
{
	size_t employees = 0;
	for (size_t i = 0; i < r->month_count; i++)
		for (int j = 0; j < r->months[i].savers; j++)
			if (r->months[i].saver_ids[j] >= employees)
				employees = r->months[i].saver_ids[j] + 1;
	size_t *seen = xcalloc(employees + 1, sizeof(size_t));   /* span + 1 of last count */
	size_t span = 1;
	int distinct = 0;
	bool open_span = false, cost_hidden_since = false;
	for (size_t i = 0; i < r->month_count; i++) {
		struct month *m = &r->months[i];
		if (too_few(m->savers, k))
			m->benefit_status = FIG_SUPPRESSED;
		for (int j = 0; j < m->savers; j++) {
			uint32_t e = m->saver_ids[j];
			if (seen[e] != span) {
				seen[e] = span;
				distinct++;
			}
		}
		if (too_few(distinct, k)) {
			m->cumulative_benefit_status = FIG_SUPPRESSED;
			open_span = true;
		} else {
			/* Closing a span of hidden months: this month's own benefit would
			 * give theirs back against the two cumulatives. */
			if (open_span)
				m->benefit_status = FIG_SUPPRESSED;
			open_span = false;
			span++;
			distinct = 0;
		}
		/* The licence cost counts the active users of the month's quarter: with
		 * fewer than k respondents there, it is hidden, and every cumulative cost
		 * from then on (a difference would give it back). */
		if (costs_hidden || too_few(m->respondents, k)) {
			m->cost_status = FIG_SUPPRESSED;
			cost_hidden_since = true;
		}
		if (cost_hidden_since)
			m->cumulative_cost_status = FIG_SUPPRESSED;
	}
	if (cost_hidden_since) {
		suppress(&r->org[ORG_ROI_CUMULATIVE]);
		suppress(&r->org[ORG_PAYBACK_MONTHS]);
	}
	free(seen);
	/* The cumulative ROI gives the last cumulative benefit back. */
	if (r->month_count &&
	    r->months[r->month_count - 1].cumulative_benefit_status != FIG_OK)
		suppress(&r->org[ORG_ROI_CUMULATIVE]);
}

void privacy_apply(struct report *r)
{
	int k = r->min_group_size;
	r->survey_suppressed = r->org[ORG_RESPONDENTS].value < k;
	/* Costs count the trainees and active users the survey names. */
	bool costs_hidden = r->survey_suppressed;
	if (r->survey_suppressed) {
		static const enum org_metric survey_based[] = {
			ORG_ACTIVE_EMPLOYEES, ORG_ADOPTION_RATE, ORG_MATURITY_INDEX,
			ORG_MATURITY_TOOL_KNOWLEDGE, ORG_MATURITY_APPLICATION_BREADTH,
			ORG_MATURITY_AUTONOMY, ORG_MATURITY_INNOVATION,
			ORG_MATURITY_KNOWLEDGE_SHARING, ORG_LEVEL_SHARE_1, ORG_LEVEL_SHARE_2,
			ORG_LEVEL_SHARE_3, ORG_SATISFACTION_MEAN, ORG_BUDDY_COVERAGE,
			ORG_MENTOR_MAX_LOAD, ORG_RETENTION_6M,
		};
		suppress_org(r, survey_based, ARRAY_LEN(survey_based));
	}
	if (costs_hidden) {
		/* A total is no hiding place: total minus the other costs gives them back. */
		static const enum org_metric costs[] = {
			ORG_COST_TRAINING, ORG_COST_LICENSES, ORG_COST_TOTAL, ORG_ROI,
			ORG_ROI_CUMULATIVE, ORG_PAYBACK_MONTHS,
		};
		suppress_org(r, costs, ARRAY_LEN(costs));
	}
	if (too_few(r->counts.savers, k)) {
		static const enum org_metric savings[] = {
			ORG_HOURS_SAVED, ORG_HOURS_SAVED_PER_WEEK, ORG_VALUE_SAVED, ORG_ROI,
			ORG_ROI_CUMULATIVE, ORG_PAYBACK_MONTHS,
		};
		suppress_org(r, savings, ARRAY_LEN(savings));
	}
	survey_ratios_apply(r, k);
	months_apply(r, k, costs_hidden);
	departments_apply(r, k);
	use_cases_apply(r, k);
	for (size_t i = 0; i < r->quarter_count; i++)
		quarter_apply(&r->quarters[i], k, true);
	if (r->has_previous)
		quarter_apply(&r->previous, k, true);
}
