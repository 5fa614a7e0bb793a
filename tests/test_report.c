/* test_report.c - figures of SPEC §4 on tiny fixtures, each value worked out by
 * hand in the comment beside it.  The worked example (tests/worked-example) is
 * checked whole by tests/e2e_core.sh; these cover what it does not. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "dataset.h"
#include "fields.h"
#include "report_compute.h"
#include "rules.h"
#include "survey.h"
#include "timesheet.h"
#include "tests.h"

struct fixture {
	char dir[64];
	struct rules rules;
	struct dataset d;
	struct report r;
	int status;
};

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static const char survey_header[] =
	"employee_id,submitted,department,role,ai_days_per_week,tool_knowledge,"
	"application_breadth,autonomy,innovation,knowledge_sharing,satisfaction,"
	"training_date,mentor_id\n";

/* Loads the three texts and computes quarter q ("2026-Q1"). */
static void fixture_run(struct fixture *f, const char *rules, const char *survey,
                        const char *timesheet, const char *quarter)
{
	memset(f, 0, sizeof(*f));
	strcpy(f->dir, "/tmp/aireport-test-XXXXXX");
	if (!mkdtemp(f->dir)) {
		f->status = -1;
		return;
	}
	write_file(f->dir, "rules.ini", rules);
	write_file(f->dir, "survey.csv", survey);
	write_file(f->dir, "timesheet.csv", timesheet);
	char path[128];
	snprintf(path, sizeof(path), "%s/rules.ini", f->dir);
	FILE *err = fopen("/dev/null", "w");
	f->status = rules_load(&f->rules, path, err);
	dataset_init(&f->d);
	if (!f->status) {
		snprintf(path, sizeof(path), "%s/survey.csv", f->dir);
		f->status = survey_read(&f->d, path, &f->rules, false, err);
	}
	if (!f->status) {
		snprintf(path, sizeof(path), "%s/timesheet.csv", f->dir);
		f->status = timesheet_read(&f->d, path, &f->rules, false, err);
	}
	fclose(err);
	int q;
	if (!f->status && parse_quarter(quarter, &q))
		report_compute(&f->r, &f->d, &f->rules, q, 0);
}

static void fixture_free(struct fixture *f)
{
	report_free(&f->r);
	dataset_free(&f->d);
	if (!f->status)
		rules_free(&f->rules);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", f->dir);
}

static const struct department *department(const struct report *r, const char *name)
{
	for (size_t i = 0; i < r->department_count; i++)
		if (strcmp(r->departments[i].name, name) == 0)
			return &r->departments[i];
	return NULL;
}

static const struct use_case *use_case(const struct report *r, const char *name)
{
	for (size_t i = 0; i < r->use_case_count; i++)
		if (strcmp(r->use_cases[i].name, name) == 0)
			return &r->use_cases[i];
	return NULL;
}

#define CHECK_FIG(fig, want) do { \
	CHECK_INT((fig).status, FIG_OK); \
	CHECK_DBL((fig).value, (want)); \
} while (0)

/* Overall level modes, the timesheet activity criterion and a fixed headcount. */
static const char timesheet_a[] =
	"employee_id,date,use_case,minutes,ai_assisted,items\n"
	"A2,2026-01-05,U,10,yes,1\n"
	"A2,2026-01-06,U,10,yes,1\n"
	"A3,2026-02-05,U,10,yes,1\n"
	"A3,2026-02-06,U,10,yes,1\n";
static const char survey_a[] =
	"employee_id,submitted,department,role,ai_days_per_week,tool_knowledge,"
	"application_breadth,autonomy,innovation,knowledge_sharing\n"
	/* levels 3 3 3 1 1: median 3, min 1, mean 11/5 = 2.2 -> 2 */
	"A1,2026-02-01,X,,3,5,5,5,1,1\n"
	/* levels 2 2 3 3 3: median 3, min 2, mean 13/5 = 2.6 -> 3 */
	"A2,2026-02-01,X,,1,3,3,4,4,4\n";

static void overall_modes(void)
{
	static const char *const modes[] = { "median", "min", "mean" };
	/* maturity_index = mean of the two overall levels */
	static const double want[] = { 3, 1.5, 2.5 };
	for (int m = 0; m < 3; m++) {
		char rules[512];
		snprintf(rules, sizeof(rules),
		         "[organisation]\nname = A\nheadcount = 10\n[privacy]\nmin_group_size = 1\nallow_small_groups = true\n"
		         "[adoption]\nactive_min_days_per_week = 2\nactive_min_ai_entries = 2\n"
		         "[maturity]\noverall = %s\n[rates]\ndefault = 60\n", modes[m]);
		struct fixture f;
		fixture_run(&f, rules, survey_a, timesheet_a, "2026-Q1");
		CHECK_INT(f.status, 0);
		if (f.status)
			return;
		CHECK_FIG(f.r.org[ORG_MATURITY_INDEX], want[m]);
		/* A1 by days (3 >= 2); A2 and A3 by two AI entries each. */
		CHECK_FIG(f.r.org[ORG_ACTIVE_EMPLOYEES], 3);
		CHECK_FIG(f.r.org[ORG_HEADCOUNT], 10);            /* from the rules */
		CHECK_FIG(f.r.org[ORG_ADOPTION_RATE], 0.3);       /* 3 / 10 */
		CHECK_FIG(f.r.org[ORG_RESPONSE_RATE], 0.2);       /* 2 / 10 */
		/* U has no baseline: its 4 AI entries save nothing (§4, §11.24). */
		CHECK_FIG(f.r.org[ORG_AI_ENTRIES_WITHOUT_BASELINE], 4);
		CHECK_FIG(f.r.org[ORG_HOURS_SAVED], 0);
		const struct use_case *u = use_case(&f.r, "U");
		CHECK(u != NULL);
		if (u) {
			CHECK_INT(u->fig[UC_BASELINE_MINUTES].status, FIG_NA);
			CHECK_INT(u->fig[UC_CONCENTRATION].status, FIG_NA);
			CHECK_FIG(u->fig[UC_AI_USERS], 2);
			CHECK_FIG(u->fig[UC_VALUE_SAVED], 0);
		}
		/* Department X: A1 and A2 (survey) ; A3 has no department -> Unassigned. */
		const struct department *x = department(&f.r, "X");
		const struct department *un = department(&f.r, "Unassigned");
		CHECK(x && un);
		if (x && un) {
			CHECK_FIG(x->fig[DEPT_HEADCOUNT], 2);
			CHECK_FIG(un->fig[DEPT_HEADCOUNT], 1);
			CHECK_INT(un->fig[DEPT_MATURITY_INDEX].status, FIG_NA);   /* no respondents */
		}
		CHECK_FIG(f.r.org[ORG_EMPLOYEES_SURVEY_ONLY], 1);        /* A1 */
		CHECK_FIG(f.r.org[ORG_EMPLOYEES_TIMESHEET_ONLY], 1);     /* A3 */
		CHECK_FIG(f.r.org[ORG_LOGGED_AI_SHARE], 1);              /* 4 of 4 entries */
		fixture_free(&f);
	}
}

/* Baseline window, the hours column, a case-insensitive fixed baseline, new use
 * cases, departments from the timesheet, and a series starting after P. */
static void baselines(void)
{
	const char *rules =
		"[organisation]\nname = B\n[period]\nprogram_start = 2026-06-01\n"
		"[privacy]\nmin_group_size = 1\nallow_small_groups = true\n[baseline]\nfrom = 2026-01-01\nto = 2026-01-31\n"
		"[rates]\ndefault = 60\n[use_cases]\nquote = 30\n";
	char survey[1024];
	snprintf(survey, sizeof(survey), "%sB3,2026-02-01,Office,,1,3,3,3,3,3,,,\n", survey_header);
	const char *timesheet =
		"employee_id,date,use_case,hours,ai_assisted,items,department\n"
		"B1,2025-12-15,Mail,1,no,1,\n"        /* before the window */
		"B1,2026-01-10,Mail,0.5,no,1,\n"      /* 30 min, 1 item */
		"B1,2026-01-20,Mail,1,no,2,\n"        /* 60 min, 2 items */
		"B1,2026-02-10,Mail,2,no,1,\n"        /* after the window */
		"B1,2026-03-01,Mail,0.25,yes,1,\n"    /* 1 x 30 - 15 = 15 min */
		"B2,2026-03-02,Quote,0.5,ja,2,Sales\n" /* 2 x 30 - 30 = 30 min */
		"B2,2025-11-02,Quote,1,yes,1,Sales\n"; /* an AI entry before P */
	struct fixture f;
	fixture_run(&f, rules, survey, timesheet, "2026-Q1");
	CHECK_INT(f.status, 0);
	if (f.status)
		return;
	const struct use_case *mail = use_case(&f.r, "Mail"), *quote = use_case(&f.r, "Quote");
	CHECK(mail && quote);
	if (mail && quote) {
		CHECK_FIG(mail->fig[UC_BASELINE_MINUTES], 30);   /* (30 + 60) / (1 + 2) */
		CHECK_FIG(quote->fig[UC_BASELINE_MINUTES], 30);  /* [use_cases] quote */
		CHECK_FIG(mail->fig[UC_HOURS_SAVED], 0.25);
		CHECK_FIG(quote->fig[UC_HOURS_SAVED], 0.5);
		CHECK_FIG(quote->fig[UC_AT_RISK], 1);             /* a single AI user */
		CHECK_FIG(quote->fig[UC_CONCENTRATION], 1);
	}
	CHECK_FIG(f.r.org[ORG_HOURS_SAVED], 0.75);
	/* Q1 2026 has 90 days: 0.75 / (90 / 7) */
	CHECK_FIG(f.r.org[ORG_HOURS_SAVED_PER_WEEK], 0.75 * 7 / 90);
	CHECK_FIG(f.r.org[ORG_VALUE_SAVED], 45);                  /* 0.75 h x 60 */
	CHECK_FIG(f.r.org[ORG_USE_CASES_NEW], 1);                 /* Mail; Quote had one in Q4 */
	CHECK_FIG(f.r.org[ORG_USE_CASES_ACTIVE], 2);
	const struct department *sales = department(&f.r, "Sales");
	CHECK(sales && department(&f.r, "Unassigned") && department(&f.r, "Office"));
	if (sales)
		CHECK_FIG(sales->fig[DEPT_VALUE_SAVED], 30);
	/* program_start after P: no months, cumulative figures n/a (§11.20). */
	CHECK_INT(f.r.month_count, 0);
	CHECK_INT(f.r.org[ORG_ROI_CUMULATIVE].status, FIG_NA);
	CHECK_INT(f.r.org[ORG_PAYBACK_MONTHS].status, FIG_NA);
	/* Costs are 0 (no [costs]): ROI n/a. */
	CHECK_INT(f.r.org[ORG_ROI].status, FIG_NA);
	fixture_free(&f);
}

/* Fewer than k respondents: no survey-based figure is published (§11.30). */
static void survey_below_k(void)
{
	const char *rules =
		"[organisation]\nname = C\n[privacy]\nmin_group_size = 3\n"
		"[costs]\nprogram_fixed_per_quarter = 300\nlicense_per_active_user_month = 10\n"
		"[rates]\ndefault = 60\n";
	char survey[1024];
	snprintf(survey, sizeof(survey),
	         "%sC1,2026-02-01,Ops,,2,3,3,3,3,3,4,2025-01-01,C9\n"
	         "C2,2026-02-02,Ops,,0,1,1,1,1,1,,,\n", survey_header);
	const char *timesheet = "employee_id,date,use_case,minutes,ai_assisted\n"
	                        "C1,2026-01-05,Mail,60,no\n"
	                        "C1,2026-01-06,Mail,30,yes\n";
	struct fixture f;
	fixture_run(&f, rules, survey, timesheet, "2026-Q1");
	CHECK_INT(f.status, 0);
	if (f.status)
		return;
	CHECK(f.r.survey_suppressed);
	static const enum org_metric hidden[] = {
		ORG_ACTIVE_EMPLOYEES, ORG_ADOPTION_RATE, ORG_MATURITY_INDEX, ORG_LEVEL_SHARE_1,
		ORG_SATISFACTION_MEAN, ORG_BUDDY_COVERAGE, ORG_MENTOR_MAX_LOAD, ORG_RETENTION_6M,
		ORG_MIGRATION_MATCHED, ORG_MIGRATION_2_2, ORG_MATURITY_KNOWLEDGE_SHARING,
	};
	for (size_t i = 0; i < sizeof(hidden) / sizeof(*hidden); i++)
		CHECK_INT(f.r.org[hidden[i]].status, FIG_SUPPRESSED);
	CHECK_FIG(f.r.org[ORG_RESPONDENTS], 2);
	CHECK_FIG(f.r.org[ORG_EMPLOYEES_SURVEY_ONLY], 1);     /* counts ids: published */
	/* The licence cost (1 active x 10 x 3) would give C1's answer of 2 AI days a
	 * week away, and total minus fixed would give it back: every cost that counts
	 * survey answers is suppressed, and so is what it enters.  The fixed cost
	 * stays. */
	CHECK_FIG(f.r.org[ORG_COST_FIXED], 300);
	CHECK_INT(f.r.org[ORG_COST_LICENSES].status, FIG_SUPPRESSED);
	CHECK_INT(f.r.org[ORG_COST_TRAINING].status, FIG_SUPPRESSED);
	CHECK_INT(f.r.org[ORG_COST_TOTAL].status, FIG_SUPPRESSED);
	CHECK_INT(f.r.org[ORG_ROI].status, FIG_SUPPRESSED);
	CHECK_INT(f.r.org[ORG_PAYBACK_MONTHS].status, FIG_SUPPRESSED);
	CHECK_INT(f.r.quarters[f.r.quarter_count - 1].adoption_rate.status, FIG_SUPPRESSED);
	CHECK_INT(f.r.quarters[f.r.quarter_count - 1].roi.status, FIG_SUPPRESSED);
	for (size_t m = 0; m < f.r.month_count; m++)
		CHECK_INT(f.r.months[m].cost_status, FIG_SUPPRESSED);
	/* One person saved time (C1, 0.5 h): below k, so the hours are hidden too. */
	CHECK_INT(f.r.org[ORG_HOURS_SAVED].status, FIG_SUPPRESSED);
	CHECK_INT(f.r.org[ORG_VALUE_SAVED].status, FIG_SUPPRESSED);
	CHECK_INT(f.r.months[0].benefit_status, FIG_SUPPRESSED);
	CHECK_INT(f.r.months[0].cumulative_benefit_status, FIG_SUPPRESSED);
	const struct department *ops = department(&f.r, "Ops");
	if (ops) {
		CHECK_INT(ops->fig[DEPT_ADOPTION_RATE].status, FIG_SUPPRESSED);
		CHECK_INT(ops->fig[DEPT_MATURITY_INDEX].status, FIG_SUPPRESSED);
	}
	fixture_free(&f);
}

/* Payback never reached, the monthly series with trainings, training dates from
 * the latest row that has one, retention and buddies. */
static void series(void)
{
	const char *rules =
		"[organisation]\nname = D\n[period]\nprogram_start = 2026-02-15\n"
		"[privacy]\nmin_group_size = 1\nallow_small_groups = true\n"
		"[costs]\ntraining_per_participant = 100\nlicense_per_active_user_month = 10\n"
		"program_fixed_per_quarter = 30\n[rates]\ndefault = 60\n";
	char survey[2048];
	snprintf(survey, sizeof(survey),
	         "%s"
	         /* Q1: D1 trained 2026-03-10; D2 trained 2025-06-01 */
	         "D1,2026-03-01,Ops,,2,1,1,1,1,1,,2026-03-10,\n"
	         "D2,2026-03-01,Ops,,0,1,1,1,1,1,,2025-06-01,\n"
	         /* Q2: D1 level 1 with a mentor; D2's later row has no date: 2025-06-01
	          * still counts; D3 trained in May */
	         "D1,2026-05-01,Ops,,2,1,1,1,1,1,5,,D2\n"
	         "D2,2026-05-01,Ops,,2,4,4,4,4,4,3,,\n"
	         "D3,2026-05-02,Ops,,0,2,2,2,2,2,,2026-05-20,\n",
	         survey_header);
	const char *timesheet = "employee_id,date,use_case,minutes,ai_assisted\n"
	                        "D1,2026-02-01,Mail,60,no\n"
	                        "D1,2026-04-06,Mail,50,yes\n";
	struct fixture f;
	fixture_run(&f, rules, survey, timesheet, "2026-Q2");
	CHECK_INT(f.status, 0);
	if (f.status)
		return;
	/* Months 2026-02 .. 2026-06 (program_start inside February counts all of it). */
	CHECK_INT(f.r.month_count, 5);
	if (f.r.month_count == 5) {
		/* Feb: Q1 active = D1 -> 1 x 10 + 30/3 = 20 */
		CHECK_DBL(f.r.months[0].cost, 20);
		/* Mar: + D1's training 100 -> 120 */
		CHECK_DBL(f.r.months[1].cost, 120);
		/* Apr: Q2 active = D1, D2 -> 2 x 10 + 10 = 30; benefit 10 min = 1/6 h x 60 = 10 */
		CHECK_DBL(f.r.months[2].cost, 30);
		CHECK_DBL(f.r.months[2].benefit, 10);
		/* May: + D3's training -> 130 */
		CHECK_DBL(f.r.months[3].cost, 130);
		CHECK_DBL(f.r.months[4].cumulative_cost, 20 + 120 + 30 + 130 + 30);
		CHECK_DBL(f.r.months[4].cumulative_benefit, 10);
	}
	CHECK_INT(f.r.org[ORG_PAYBACK_MONTHS].status, FIG_NA);          /* never reached */
	CHECK_FIG(f.r.org[ORG_ROI_CUMULATIVE], (10.0 - 330) / 330);
	CHECK_FIG(f.r.org[ORG_COST_TRAINING], 100);                     /* D3 in Q2 */
	/* Retention: trained on or before 2026-06-30 - 182 = 2025-12-30: D2 (active). */
	CHECK_FIG(f.r.org[ORG_RETENTION_6M], 1);
	/* Level 1 in Q2: D1 (mentor D2) and D3 (none) -> 1/2; D2 mentors one. */
	CHECK_FIG(f.r.org[ORG_BUDDY_COVERAGE], 0.5);
	CHECK_FIG(f.r.org[ORG_MENTOR_MAX_LOAD], 1);
	CHECK_FIG(f.r.org[ORG_SATISFACTION_MEAN], 4);                   /* (5 + 3) / 2 */
	/* Migration Q1 -> Q2: D1 1 -> 1, D2 1 -> 3. */
	CHECK_FIG(f.r.org[ORG_MIGRATION_MATCHED], 2);
	CHECK_FIG(f.r.org[ORG_MIGRATION_1_1], 1);
	CHECK_FIG(f.r.org[ORG_MIGRATION_1_3], 1);
	CHECK_FIG(f.r.org[ORG_MIGRATION_3_3], 0);
	/* Trend: Q1 and Q2; previous quarter Q1: adoption 1 of 2 (D1 only). */
	CHECK_INT(f.r.quarter_count, 2);
	CHECK(f.r.has_previous);
	CHECK_FIG(f.r.previous.adoption_rate, 0.5);
	fixture_free(&f);
}

/* The trend holds the last 8 quarters with survey rows up to and including P
 * (§11.22); a quarter without rows (2025-Q2) is skipped and one after P (2027-Q1)
 * is left out. */
static void trend_window(void)
{
	const char *rules = "[organisation]\nname = E\n[privacy]\nmin_group_size = 1\nallow_small_groups = true\n"
	                    "[rates]\ndefault = 60\n";
	char survey[4096];
	size_t n = (size_t)snprintf(survey, sizeof(survey), "%s", survey_header);
	for (int y = 2024; y <= 2027; y++)
		for (int q = 1; q <= 4; q++) {
			if ((y == 2025 && q == 2) || (y == 2026 && q == 4) || (y == 2027 && q > 1))
				continue;
			n += (size_t)snprintf(survey + n, sizeof(survey) - n,
			                      "E1,%d-%02d-15,Ops,,1,3,3,3,3,3,,,\n", y, q * 3 - 1);
		}
	struct fixture f;
	fixture_run(&f, rules, survey, "employee_id,date,use_case,minutes,ai_assisted\n",
	            "2026-Q3");
	CHECK_INT(f.status, 0);
	if (f.status)
		return;
	/* Quarters with rows up to 2026-Q3: 2024-Q1..Q4, 2025-Q1, Q3, Q4, 2026-Q1..Q3
	 * = 10; the last 8 start at 2024-Q3. */
	CHECK_INT(f.r.quarter_count, 8);
	if (f.r.quarter_count == 8) {
		CHECK_INT(f.r.quarters[0].year * 10 + f.r.quarters[0].quarter, 20243);
		CHECK_INT(f.r.quarters[2].year * 10 + f.r.quarters[2].quarter, 20251);
		CHECK_INT(f.r.quarters[3].year * 10 + f.r.quarters[3].quarter, 20253);
		CHECK_INT(f.r.quarters[7].year * 10 + f.r.quarters[7].quarter, 20263);
	}
	fixture_free(&f);
}

/* Departments from the timesheet (§4): the latest row of P that names one, by date
 * then line; a department logged only before P does not count for someone who logged
 * time in P without one. */
static void timesheet_departments(void)
{
	const char *rules = "[organisation]\nname = F\n[privacy]\nmin_group_size = 1\nallow_small_groups = true\n"
	                    "[rates]\ndefault = 60\n";
	char survey[512];
	snprintf(survey, sizeof(survey), "%sS1,2026-08-01,Office,,1,3,3,3,3,3,,,\n",
	         survey_header);
	const char *timesheet =
		"employee_id,date,use_case,minutes,ai_assisted,department\n"
		"T1,2026-08-02,M,10,no,Lab\n"        /* latest by date: Lab */
		"T1,2026-08-01,M,10,no,Shop\n"
		"T1,2026-08-03,M,10,no,\n"           /* the latest row has none */
		"T2,2026-05-01,M,10,no,Yard\n"       /* before P only */
		"T2,2026-08-01,M,10,no,\n"
		"T3,2026-08-05,M,10,no,Dock\n"       /* same date: the later line wins */
		"T3,2026-08-05,M,10,no,Pier\n";
	struct fixture f;
	fixture_run(&f, rules, survey, timesheet, "2026-Q3");
	CHECK_INT(f.status, 0);
	if (f.status)
		return;
	CHECK(department(&f.r, "Lab") && !department(&f.r, "Shop"));
	CHECK(department(&f.r, "Unassigned") && !department(&f.r, "Yard"));
	CHECK(department(&f.r, "Pier") && !department(&f.r, "Dock"));
	CHECK(department(&f.r, "Office"));
	CHECK_INT(f.r.department_count, 4);
	fixture_free(&f);
}

/* Ties on paper are ties: a month whose benefit equals its cost (100/3 each) pays
 * back (§11.20), and a saving of 7 x 29/7 - 29 = 0 minutes is no saving (§11.24). */
static void exact_ties(void)
{
	const char *rules = "[organisation]\nname = G\n[period]\nprogram_start = 2026-07-01\n"
	                    "[privacy]\nmin_group_size = 1\nallow_small_groups = true\n[costs]\nprogram_fixed_per_quarter = 100\n"
	                    "[rates]\ndefault = 100\n[use_cases]\nX = 30\n";
	char survey[512];
	snprintf(survey, sizeof(survey), "%sE1,2026-07-02,Ops,,0,3,3,3,3,3,,,\n", survey_header);
	const char *timesheet = "employee_id,date,use_case,minutes,ai_assisted,items\n"
	                        /* July: 30 - 10 = 20 min at 100/h = 100/3; cost 100/3 */
	                        "E1,2026-07-03,X,10,yes,1\n"
	                        /* U: baseline 29/7 per item; 7 items in 29 minutes save 0 */
	                        "E1,2026-07-01,U,29,no,7\n"
	                        "E1,2026-07-03,U,29,yes,7\n";
	struct fixture f;
	fixture_run(&f, rules, survey, timesheet, "2026-Q3");
	CHECK_INT(f.status, 0);
	if (f.status)
		return;
	CHECK_FIG(f.r.org[ORG_PAYBACK_MONTHS], 1);
	const struct use_case *u = use_case(&f.r, "U");
	CHECK(u != NULL);
	if (u) {
		CHECK_FIG(u->fig[UC_HOURS_SAVED], 0);
		CHECK_INT(u->fig[UC_CONCENTRATION].status, FIG_NA);   /* no positive saving */
	}
	CHECK_FIG(f.r.org[ORG_USE_CASES_ACTIVE], 1);                 /* X only */
	fixture_free(&f);
}

void test_report(void)
{
	exact_ties();
	timesheet_departments();
	trend_window();
	overall_modes();
	baselines();
	survey_below_k();
	series();
}
