/* report_findings.c - which findings and actions the figures call for.
 *
 * Each rule reads published figures only (FIG_OK), so a finding never reveals
 * what privacy suppressed.  Comparisons with a target use the figure rounded as
 * it is printed, so that a sentence never contradicts the number beside it
 * ("2,0 against a target of 2" is on target). */
#include "report_findings.h"

#include <math.h>
#include <stddef.h>

static bool ok(struct figure f)
{
	return f.status == FIG_OK;
}

static double shown_percent(double v)
{
	return round(v * 1000) / 1000;
}

static double shown_1(double v)
{
	return round(v * 10) / 10;
}

/* The use case with the most (or least) hours saved per week among those
 * matching want(); *count says how many match. */
static const struct use_case *top_use_case(const struct report *r,
                                           bool (*want)(const struct use_case *),
                                           size_t *count, bool lowest)
{
	const struct use_case *best = NULL;
	size_t n = 0;
	for (size_t i = 0; i < r->use_case_count; i++) {
		const struct use_case *u = &r->use_cases[i];
		if (!want(u))
			continue;
		n++;
		struct figure fv = u->fig[UC_HOURS_SAVED_PER_WEEK];
		double v = ok(fv) ? fv.value : 0;
		double b = best && ok(best->fig[UC_HOURS_SAVED_PER_WEEK])
		           ? best->fig[UC_HOURS_SAVED_PER_WEEK].value : 0;
		if (!best || (lowest ? v < b : v > b))
			best = u;
	}
	if (count)
		*count = n;
	return best;
}

bool use_case_at_risk(const struct use_case *u)
{
	return ok(u->fig[UC_AT_RISK]) && u->fig[UC_AT_RISK].value >= 1;
}

bool use_case_negative(const struct use_case *u)
{
	struct figure f = u->fig[UC_HOURS_SAVED_PER_WEEK];
	return ok(f) && f.value < 0 && round(f.value * 10) != 0;
}

static bool uc_saving(const struct use_case *u)
{
	return ok(u->fig[UC_HOURS_SAVED_PER_WEEK]) && u->fig[UC_HOURS_SAVED_PER_WEEK].value > 0;
}

/* The weakest and strongest dimension, when all five are published. */
static bool dimension_extremes(const struct report *r, int *weakest, int *strongest)
{
	*weakest = *strongest = 0;
	for (int d = 0; d < DIM_COUNT; d++) {
		struct figure f = r->org[ORG_MATURITY_TOOL_KNOWLEDGE + d];
		if (!ok(f))
			return false;
		if (f.value < r->org[ORG_MATURITY_TOOL_KNOWLEDGE + *weakest].value)
			*weakest = d;
		if (f.value > r->org[ORG_MATURITY_TOOL_KNOWLEDGE + *strongest].value)
			*strongest = d;
	}
	return true;
}

long report_ai_entries(const struct report *r, bool *known)
{
	long n = 0;
	*known = true;
	for (size_t i = 0; i < r->use_case_count; i++) {
		if (ok(r->use_cases[i].fig[UC_AI_ENTRIES]))
			n += lround(r->use_cases[i].fig[UC_AI_ENTRIES].value);
		else
			*known = false;
	}
	return n;
}

static enum target_state target_state(struct opt_number t, double shown)
{
	if (!t.set)
		return TARGET_NONE;
	return shown >= t.value ? TARGET_MET : TARGET_MISSED;
}

/* The learning path that addresses a dimension (seed article: basic users learn
 * prompting, power users broaden use and work independently, AI champions
 * innovate and spread knowledge). */
static int path_for_dimension(int d)
{
	switch (d) {
	case DIM_TOOL_KNOWLEDGE: return 1;
	case DIM_APPLICATION_BREADTH: return 2;
	case DIM_AUTONOMY: return 2;
	default: return 3;
	}
}

struct list {
	struct finding f[16];
	struct action a[16];
	size_t n;
};

static struct finding *add_finding(struct list *l, enum finding_kind kind)
{
	struct finding *f = &l->f[l->n++];
	*f = (struct finding){ .kind = kind };
	return f;
}

static struct action *add_action(struct list *l, enum action_kind kind)
{
	struct action *a = &l->a[l->n++];
	*a = (struct action){ .kind = kind };
	return a;
}

static void adoption_finding(const struct report *r, struct list *l)
{
	struct figure now = r->org[ORG_ADOPTION_RATE];
	struct figure before = r->previous.adoption_rate;
	struct finding *f = add_finding(l, FIND_ADOPTION);
	f->value[0] = now.value;
	if (r->has_previous && ok(before)) {
		double a = round(now.value * 1000), b = round(before.value * 1000);
		f->has_before = true;
		f->value[1] = before.value;
		f->trend = a > b ? 1 : a < b ? -1 : 0;
	}
	f->target = target_state(r->set.target_adoption, shown_percent(now.value));
}

static void payback_finding(const struct report *r, struct list *l)
{
	struct figure cum = r->org[ORG_ROI_CUMULATIVE];
	if (ok(cum)) {
		struct finding *f;
		if (ok(r->org[ORG_PAYBACK_MONTHS])) {
			f = add_finding(l, FIND_PAYBACK);
			f->count = lround(r->org[ORG_PAYBACK_MONTHS].value);
		} else if (r->projected_payback) {
			f = add_finding(l, FIND_PAYBACK_PROJECTED);
			f->count = r->projected_payback;
		} else {
			f = add_finding(l, FIND_PAYBACK_NONE);
		}
		f->value[0] = cum.value;
	} else if (ok(r->org[ORG_ROI])) {
		add_finding(l, FIND_ROI_QUARTER)->value[0] = r->org[ORG_ROI].value;
	}
}

static void use_case_findings(const struct report *r, struct list *l)
{
	size_t risky;
	const struct use_case *risk = top_use_case(r, use_case_at_risk, &risky, false);
	if (risky) {
		struct finding *f = add_finding(l, FIND_AT_RISK);
		f->count = (long)risky;
		f->name = risk->name;
	}
	size_t negative;
	const struct use_case *neg = top_use_case(r, use_case_negative, &negative, true);
	if (negative) {
		struct finding *f = add_finding(l, FIND_NEGATIVE);
		f->count = (long)negative;
		f->name = neg->name;
		f->value[0] = neg->fig[UC_HOURS_SAVED_PER_WEEK].value;
	}
}

/* The department whose survey adoption and logged AI share differ most, by more
 * than 25 points. */
static void triangulation_finding(const struct report *r, struct list *l)
{
	const struct department *far = NULL;
	double far_gap = 0.25;
	for (size_t i = 0; i < r->department_count; i++) {
		const struct department *d = &r->departments[i];
		if (!ok(d->fig[DEPT_ADOPTION_RATE]) || !ok(d->fig[DEPT_LOGGED_AI_SHARE]))
			continue;
		double gap = fabs(d->fig[DEPT_ADOPTION_RATE].value - d->fig[DEPT_LOGGED_AI_SHARE].value);
		if (gap > far_gap) {
			far_gap = gap;
			far = d;
		}
	}
	if (far) {
		struct finding *f = add_finding(l, FIND_TRIANGULATION);
		f->name = far->name;
		f->value[0] = far->fig[DEPT_ADOPTION_RATE].value;
		f->value[1] = far->fig[DEPT_LOGGED_AI_SHARE].value;
	}
}

static void findings(struct report *r)
{
	struct list l = { .n = 0 };
	if (r->survey_suppressed)
		add_finding(&l, FIND_SURVEY_SUPPRESSED);
	else if (ok(r->org[ORG_ADOPTION_RATE]))
		adoption_finding(r, &l);
	int weakest, strongest;
	if (!r->survey_suppressed && dimension_extremes(r, &weakest, &strongest) &&
	    weakest != strongest) {
		struct finding *f = add_finding(&l, FIND_WEAKEST);
		f->dimension[0] = weakest;
		f->dimension[1] = strongest;
		f->value[0] = r->org[ORG_MATURITY_TOOL_KNOWLEDGE + weakest].value;
		f->value[1] = r->org[ORG_MATURITY_TOOL_KNOWLEDGE + strongest].value;
	}
	bool entries_known;
	long entries = report_ai_entries(r, &entries_known);
	struct figure hours = r->org[ORG_HOURS_SAVED_PER_WEEK];
	if (entries_known && entries == 0) {
		add_finding(&l, FIND_NO_AI);
	} else if (ok(hours)) {
		if (r->set.target_hours_saved_per_week.set) {
			struct finding *f = add_finding(&l, FIND_HOURS_TARGET);
			f->value[0] = hours.value;
			f->target = target_state(r->set.target_hours_saved_per_week, shown_1(hours.value));
		} else if (ok(r->org[ORG_VALUE_SAVED])) {
			struct finding *f = add_finding(&l, FIND_HOURS_PLAIN);
			f->value[0] = hours.value;
			f->value[1] = r->org[ORG_VALUE_SAVED].value;
		}
	}
	payback_finding(r, &l);
	use_case_findings(r, &l);
	triangulation_finding(r, &l);
	if (ok(r->org[ORG_RESPONDENTS]) && ok(r->org[ORG_HEADCOUNT]) && ok(r->org[ORG_RESPONSE_RATE])) {
		struct finding *f = add_finding(&l, FIND_RESPONSE);
		f->value[0] = r->org[ORG_RESPONDENTS].value;
		f->value[1] = r->org[ORG_HEADCOUNT].value;
		f->value[2] = r->org[ORG_RESPONSE_RATE].value;
	}
	if (ok(r->org[ORG_COST_TOTAL]) && ok(r->org[ORG_VALUE_SAVED])) {
		struct finding *f = add_finding(&l, FIND_COSTS);
		f->value[0] = r->org[ORG_COST_TOTAL].value;
		f->value[1] = r->org[ORG_VALUE_SAVED].value;
	}
	r->finding_count = l.n < REPORT_MAX_FINDINGS ? l.n : REPORT_MAX_FINDINGS;
	for (size_t i = 0; i < r->finding_count; i++)
		r->findings[i] = l.f[i];
}

/* The use case actions: review one that loses time, spread one that rests on
 * few people. */
static void use_case_actions(const struct report *r, struct list *l)
{
	const struct use_case *neg = top_use_case(r, use_case_negative, NULL, true);
	if (neg) {
		struct action *a = add_action(l, ACT_REVIEW);
		a->name = neg->name;
		a->value = neg->fig[UC_HOURS_SAVED_PER_WEEK].value;
	}
	int weakest, strongest;
	if (!r->survey_suppressed && dimension_extremes(r, &weakest, &strongest)) {
		double v = r->org[ORG_MATURITY_TOOL_KNOWLEDGE + weakest].value;
		double goal = r->set.target_maturity.set ? r->set.target_maturity.value : 3;
		if (v < goal) {
			struct action *a = add_action(l, ACT_LEARNING);
			a->dimension = weakest;
			a->path = path_for_dimension(weakest);
			a->value = v;
		}
	}
	const struct use_case *risk = top_use_case(r, use_case_at_risk, NULL, false);
	if (risk) {
		struct action *a = add_action(l, ACT_RISK);
		a->name = risk->name;
		a->single = !ok(risk->fig[UC_CONCENTRATION]) ||
		            (ok(risk->fig[UC_AI_USERS]) && risk->fig[UC_AI_USERS].value <= 1);
		if (!a->single)
			a->value = risk->fig[UC_CONCENTRATION].value;
	}
}

/* The department with the lowest adoption below half the target. */
static void pilot_action(const struct report *r, struct list *l)
{
	if (!r->set.target_adoption.set)
		return;
	const struct department *low = NULL;
	for (size_t i = 0; i < r->department_count; i++) {
		const struct department *d = &r->departments[i];
		if (ok(d->fig[DEPT_ADOPTION_RATE]) &&
		    d->fig[DEPT_ADOPTION_RATE].value < 0.5 * r->set.target_adoption.value &&
		    (!low || d->fig[DEPT_ADOPTION_RATE].value < low->fig[DEPT_ADOPTION_RATE].value))
			low = d;
	}
	if (low) {
		struct action *a = add_action(l, ACT_PILOT);
		a->name = low->name;
		a->value = low->fig[DEPT_ADOPTION_RATE].value;
	}
}

/* The first three actions whose rule applies, in a fixed order of priority (the
 * last two always apply). */
static void actions(struct report *r)
{
	struct list l = { .n = 0 };
	if (r->survey_suppressed)
		add_action(&l, ACT_RESPONSE);
	bool entries_known;
	if (report_ai_entries(r, &entries_known) == 0 && entries_known)
		add_action(&l, ACT_LOG);
	use_case_actions(r, &l);
	pilot_action(r, &l);
	if (ok(r->org[ORG_BUDDY_COVERAGE]) && r->org[ORG_BUDDY_COVERAGE].value < 0.5)
		add_action(&l, ACT_BUDDY)->value = r->org[ORG_BUDDY_COVERAGE].value;
	if (ok(r->org[ORG_AI_ENTRIES_WITHOUT_BASELINE]) &&
	    r->org[ORG_AI_ENTRIES_WITHOUT_BASELINE].value > 0)
		add_action(&l, ACT_BASELINE)->value = r->org[ORG_AI_ENTRIES_WITHOUT_BASELINE].value;
	bool behind = (!ok(r->org[ORG_PAYBACK_MONTHS]) && r->month_count > 0) ||
	              (ok(r->org[ORG_ROI]) && r->org[ORG_ROI].value < 2.0);
	const struct use_case *best = top_use_case(r, uc_saving, NULL, false);
	if (behind && best) {
		struct action *a = add_action(&l, ACT_SCALE);
		a->name = best->name;
		a->value = best->fig[UC_HOURS_SAVED_PER_WEEK].value;
	}
	add_action(&l, ACT_SHARE);
	add_action(&l, ACT_MEASURE);
	r->action_count = l.n < REPORT_MAX_ACTIONS ? l.n : REPORT_MAX_ACTIONS;
	for (size_t i = 0; i < r->action_count; i++)
		r->actions[i] = l.a[i];
}

void report_findings_compute(struct report *r)
{
	findings(r);
	actions(r);
}
