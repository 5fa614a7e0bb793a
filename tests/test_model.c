/* test_model.c - the figures derived from the model after privacy: the ROI
 * sheet's series (report_roi.c) and the findings and actions
 * (report_findings.c), on reports built by hand. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "report.h"
#include "report_findings.h"
#include "report_roi.h"
#include "tests.h"

static struct figure fok(double v)
{
	return (struct figure){ v, FIG_OK };
}

static struct figure fsup(void)
{
	return (struct figure){ 0, FIG_SUPPRESSED };
}

/* Two rate classes (50 and 80 an hour), realisation 75 %, use case A published
 * and B, C suppressed, two months. */
static void roi_fixture(struct report *r, struct rate_class rc[2], struct use_case uc[3],
                        double uch[6], struct month mo[2], double mh[4])
{
	memset(r, 0, sizeof(*r));
	r->days = 92;
	r->weeks = 92 / 7.0;
	r->set.realisation = 0.75;
	r->set.training_per_participant = 500;
	r->set.license_per_active_user_month = 20;
	r->set.program_fixed_per_quarter = 900;
	rc[0] = (struct rate_class){ RATE_DEFAULT, "", 50, false };
	rc[1] = (struct rate_class){ RATE_ROLE, "Engineer", 80, false };
	r->rate_classes = rc;
	r->rate_class_count = 2;
	memset(uc, 0, 3 * sizeof(*uc));
	uc[0].name = "A";
	uc[0].fig[UC_HOURS_SAVED] = fok(15);
	uc[1].name = "B";
	uc[1].fig[UC_HOURS_SAVED] = fsup();
	uc[2].name = "C";
	uc[2].fig[UC_HOURS_SAVED] = fsup();
	r->use_cases = uc;
	r->use_case_count = 3;
	const double h[6] = { 10, 5, 2, 1, 0, 3 };
	memcpy(uch, h, sizeof(h));
	r->use_case_class_hours = uch;
	r->trainees_in_period = 2;
	r->active_in_period = 4;
	const double m[4] = { 4, 0, 8, 5 };
	memcpy(mh, m, sizeof(m));
	memset(mo, 0, 2 * sizeof(*mo));
	mo[0] = (struct month){ .year = 2026, .month = 8, .hours_by_class = &mh[0],
	                        .trainings = 2, .active = 4 };
	mo[1] = (struct month){ .year = 2026, .month = 9, .hours_by_class = &mh[2],
	                        .trainings = 0, .active = 4 };
	r->months = mo;
	r->month_count = 2;
	r->org[ORG_PAYBACK_MONTHS] = (struct figure){ 0, FIG_NA };
}

static void test_roi_sheet(void)
{
	struct report r;
	struct rate_class rc[2];
	struct use_case uc[3];
	double uch[6], mh[4];
	struct month mo[2];
	roi_fixture(&r, rc, uc, uch, mo, mh);
	report_roi_compute(&r);
	const struct roi_sheet *s = &r.roi;

	/* One row per rate class: hours summed over the use cases (10 + 2 + 0 at 50,
	 * 5 + 1 + 3 at 80), valued at the class's rate. */
	CHECK_DBL(s->rows[0].hours, 12);
	CHECK_DBL(s->rows[1].hours, 9);
	CHECK_DBL(s->rows[0].gross, 12 * 50);
	CHECK_DBL(s->rows[1].gross, 9 * 80);
	CHECK_DBL(s->rows[1].value, 0.75 * 720);
	CHECK_DBL(s->hours_total, 21);
	CHECK_DBL(s->gross_total, 1320);
	CHECK_DBL(s->value_total, 990);
	CHECK_DBL(s->hours_per_week, 21 * 7 / 92.0);

	/* Results: 2 trainees x 500, 4 users x 20 x 3, 900 fixed. */
	CHECK_DBL(s->value_saved, 990);
	CHECK_DBL(s->cost_training, 1000);
	CHECK_DBL(s->cost_licenses, 240);
	CHECK_DBL(s->cost_fixed, 900);
	CHECK_DBL(s->cost_total, 2140);
	CHECK_INT(s->roi.status, FIG_OK);
	CHECK_DBL(s->roi.value, (990 - 2140) / 2140.0);

	/* Months: 4 h x 50 = 200 gross, 150 benefit, 2 x 500 + 4 x 20 + 300 = 1380
	 * cost; then 8 x 50 + 5 x 80 = 800, 600, 380. */
	CHECK_DBL(s->months[0].gross, 200);
	CHECK_DBL(s->months[0].benefit, 150);
	CHECK_DBL(s->months[0].cost, 1380);
	CHECK_DBL(s->months[1].gross, 800);
	CHECK_DBL(s->months[1].cum_gross, 1000);
	CHECK_DBL(s->months[1].cum_benefit, 750);
	CHECK_DBL(s->months[1].cum_cost, 1760);

	/* Sensitivity: ROI at realisation 100 % and rates +20 %: (1.2 x 1320 - 2140) /
	 * 2140; payback at that factor: 1.2 x 200 < 1380, 1.2 x 1000 < 1760: none. */
	CHECK_DBL(s->sens_realisation[0], 0.75);
	CHECK_DBL(s->sens_realisation[3], 1);
	CHECK_DBL(s->sens_rate_change[2], 0.2);
	CHECK_DBL(s->sens_roi[3][2].value, (1.2 * 1320 - 2140) / 2140);
	CHECK_INT(s->sens_payback[3][2].status, FIG_NA);
	roi_sheet_free(&r.roi);
}

/* A month whose cumulative benefit meets the cost with a rounding error: the
 * sensitivity grid counts it as reached, as payback_months does. */
static void test_roi_tie(void)
{
	struct report r;
	struct rate_class rc[2];
	struct use_case uc[3];
	double uch[6], mh[4];
	struct month mo[2];
	roi_fixture(&r, rc, uc, uch, mo, mh);
	rc[0].rate = 1;
	rc[1].rate = 1;
	r.set.realisation = 1;
	r.set.training_per_participant = 0;
	r.set.license_per_active_user_month = 0;
	r.set.program_fixed_per_quarter = 3 * (0.1 + 0.2);     /* 0.9000000000000001 */
	mh[0] = 0.3;
	mh[1] = 0;
	r.month_count = 1;
	r.org[ORG_PAYBACK_MONTHS] = (struct figure){ 1, FIG_OK };
	report_roi_compute(&r);
	CHECK(r.roi.months[0].cum_gross < r.roi.months[0].cum_cost);   /* by 5.6e-17 */
	CHECK_INT(r.roi.sens_payback[3][1].status, FIG_OK);             /* 100 %, rates +0 */
	CHECK_DBL(r.roi.sens_payback[3][1].value, 1);
	CHECK_INT(r.roi.sens_payback[3][0].status, FIG_NA);             /* rates -20 % */
	roi_sheet_free(&r.roi);
}

/* A report whose survey and figures are all published. */
static void findings_fixture(struct report *r, struct use_case uc[2], struct department dep[2])
{
	memset(r, 0, sizeof(*r));
	r->min_group_size = 5;
	for (int i = 0; i < ORG_METRIC_COUNT; i++)
		r->org[i] = (struct figure){ 0, FIG_NA };
	r->org[ORG_ADOPTION_RATE] = fok(0.41951);       /* shown as 42,0 % */
	r->has_previous = true;
	r->previous.adoption_rate = fok(0.4204);        /* also 42,0 % */
	r->set.target_adoption = (struct opt_number){ true, 0.42 };
	const double dims[DIM_COUNT] = { 2.1, 1.4, 1.9, 1.6, 2.4 };
	for (int d = 0; d < DIM_COUNT; d++)
		r->org[ORG_MATURITY_TOOL_KNOWLEDGE + d] = fok(dims[d]);
	r->org[ORG_HOURS_SAVED_PER_WEEK] = fok(11.96);  /* shown as 12,0 */
	r->set.target_hours_saved_per_week = (struct opt_number){ true, 12 };
	r->org[ORG_ROI_CUMULATIVE] = fok(-0.2);
	r->projected_payback = 14;
	memset(uc, 0, 2 * sizeof(*uc));
	uc[0].name = "Offertes";
	uc[0].fig[UC_HOURS_SAVED_PER_WEEK] = fok(-0.5);
	uc[0].fig[UC_AT_RISK] = fok(0);
	uc[0].fig[UC_AI_ENTRIES] = fok(30);
	uc[1].name = "Mails";
	uc[1].fig[UC_HOURS_SAVED_PER_WEEK] = fok(9);
	uc[1].fig[UC_AT_RISK] = fok(1);
	uc[1].fig[UC_CONCENTRATION] = fok(0.8);
	uc[1].fig[UC_AI_USERS] = fok(6);
	uc[1].fig[UC_AI_ENTRIES] = fok(50);
	r->use_cases = uc;
	r->use_case_count = 2;
	memset(dep, 0, 2 * sizeof(*dep));
	dep[0].name = "Inkoop";
	dep[0].fig[DEPT_ADOPTION_RATE] = fok(0.1);
	dep[0].fig[DEPT_LOGGED_AI_SHARE] = fok(0.2);
	dep[1].name = "Verkoop";
	dep[1].fig[DEPT_ADOPTION_RATE] = fok(0.7);
	dep[1].fig[DEPT_LOGGED_AI_SHARE] = fok(0.3);
	r->departments = dep;
	r->department_count = 2;
}

static void test_findings(void)
{
	struct report r;
	struct use_case uc[2];
	struct department dep[2];
	findings_fixture(&r, uc, dep);
	report_findings_compute(&r);

	/* Adoption first: the same at one decimal (42,0 % both), on target at the
	 * printed 42,0 % although 0.41951 < 0.42. */
	CHECK_INT(r.finding_count, 5);
	CHECK_INT(r.findings[0].kind, FIND_ADOPTION);
	CHECK(r.findings[0].has_before);
	CHECK_INT(r.findings[0].trend, 0);
	CHECK_INT(r.findings[0].target, TARGET_MET);
	/* Weakest: application breadth 1,4; strongest: knowledge sharing 2,4. */
	CHECK_INT(r.findings[1].kind, FIND_WEAKEST);
	CHECK_INT(r.findings[1].dimension[0], DIM_APPLICATION_BREADTH);
	CHECK_INT(r.findings[1].dimension[1], DIM_KNOWLEDGE_SHARING);
	/* Hours: 11,96 is printed 12,0 and meets the target of 12. */
	CHECK_INT(r.findings[2].kind, FIND_HOURS_TARGET);
	CHECK_INT(r.findings[2].target, TARGET_MET);
	/* No payback yet: projected at month 14. */
	CHECK_INT(r.findings[3].kind, FIND_PAYBACK_PROJECTED);
	CHECK_INT(r.findings[3].count, 14);
	CHECK_INT(r.findings[4].kind, FIND_AT_RISK);
	CHECK_STR(r.findings[4].name, "Mails");
	CHECK_INT(r.findings[4].count, 1);

	/* Actions: review the use case losing time, then the learning path for the
	 * weakest dimension (breadth: path 2), then the one at risk (share 80 %). */
	CHECK_INT(r.action_count, 3);
	CHECK_INT(r.actions[0].kind, ACT_REVIEW);
	CHECK_STR(r.actions[0].name, "Offertes");
	CHECK_DBL(r.actions[0].value, -0.5);
	CHECK_INT(r.actions[1].kind, ACT_LEARNING);
	CHECK_INT(r.actions[1].dimension, DIM_APPLICATION_BREADTH);
	CHECK_INT(r.actions[1].path, 2);
	CHECK_INT(r.actions[2].kind, ACT_RISK);
	CHECK(!r.actions[2].single);
	CHECK_DBL(r.actions[2].value, 0.8);
}

/* Suppressed figures never enter a finding: with the survey suppressed and
 * every use case suppressed, only the statement and the two standing actions. */
static void test_findings_suppressed(void)
{
	struct report r;
	struct use_case uc[2];
	struct department dep[2];
	findings_fixture(&r, uc, dep);
	r.survey_suppressed = true;
	r.org[ORG_ADOPTION_RATE] = fsup();
	for (int d = 0; d < DIM_COUNT; d++)
		r.org[ORG_MATURITY_TOOL_KNOWLEDGE + d] = fsup();
	r.org[ORG_HOURS_SAVED_PER_WEEK] = fsup();
	r.org[ORG_ROI_CUMULATIVE] = (struct figure){ 0, FIG_NA };
	for (int u = 0; u < 2; u++)
		for (int m = 0; m < UC_METRIC_COUNT; m++)
			uc[u].fig[m] = fsup();
	for (int d = 0; d < 2; d++)
		for (int m = 0; m < DEPT_METRIC_COUNT; m++)
			dep[d].fig[m] = fsup();
	report_findings_compute(&r);
	CHECK_INT(r.finding_count, 1);
	CHECK_INT(r.findings[0].kind, FIND_SURVEY_SUPPRESSED);
	CHECK_INT(r.action_count, 3);
	CHECK_INT(r.actions[0].kind, ACT_RESPONSE);
	CHECK_INT(r.actions[1].kind, ACT_SHARE);
	CHECK_INT(r.actions[2].kind, ACT_MEASURE);
	for (size_t i = 0; i < r.action_count; i++)
		CHECK(r.actions[i].name == NULL);
}

void test_model(void)
{
	test_roi_sheet();
	test_roi_tie();
	test_findings();
	test_findings_suppressed();
}
