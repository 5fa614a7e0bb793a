/* report.h - the report model: every figure of every output, already checked for
 * privacy (SPEC §4-§6, §11.19-33).
 *
 * report_compute() fills it; the writers (out_csv.c, out_pdf.c, out_xlsx.c) only
 * read it.  Every number a writer prints comes from here, so the outputs cannot
 * disagree.  A figure carries its status: only FIG_OK values may be shown. */
#ifndef AIREPORT_REPORT_H
#define AIREPORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "rules.h"

struct benchmark;   /* benchmark.h */

enum figure_status { FIG_OK, FIG_NA, FIG_SUPPRESSED };

struct figure {
	double value;              /* meaningful only when status == FIG_OK */
	enum figure_status status;
};

/* The five maturity dimensions, in the spec's order. */
enum dimension {
	DIM_TOOL_KNOWLEDGE, DIM_APPLICATION_BREADTH, DIM_AUTONOMY, DIM_INNOVATION,
	DIM_KNOWLEDGE_SHARING,
	DIM_COUNT
};
extern const char *const dimension_names[DIM_COUNT];   /* "tool_knowledge", ... */

/* Organisation metrics (scope organisation of metrics.csv). */
enum org_metric {
	ORG_HEADCOUNT, ORG_RESPONDENTS, ORG_RESPONSE_RATE, ORG_ACTIVE_EMPLOYEES,
	ORG_ADOPTION_RATE, ORG_HOURS_SAVED, ORG_HOURS_SAVED_PER_WEEK, ORG_VALUE_SAVED,
	ORG_COST_TRAINING, ORG_COST_LICENSES, ORG_COST_FIXED, ORG_COST_TOTAL, ORG_ROI,
	ORG_ROI_CUMULATIVE, ORG_PAYBACK_MONTHS, ORG_MATURITY_INDEX,
	ORG_MATURITY_TOOL_KNOWLEDGE, ORG_MATURITY_APPLICATION_BREADTH,
	ORG_MATURITY_AUTONOMY, ORG_MATURITY_INNOVATION, ORG_MATURITY_KNOWLEDGE_SHARING,
	ORG_LEVEL_SHARE_1, ORG_LEVEL_SHARE_2, ORG_LEVEL_SHARE_3, ORG_USE_CASES_ACTIVE,
	ORG_USE_CASES_NEW, ORG_SATISFACTION_MEAN, ORG_BUDDY_COVERAGE, ORG_MENTOR_MAX_LOAD,
	ORG_RETENTION_6M, ORG_AI_ENTRIES_WITHOUT_BASELINE, ORG_LOGGED_AI_SHARE,
	ORG_EMPLOYEES_SURVEY_ONLY, ORG_EMPLOYEES_TIMESHEET_ONLY, ORG_MIGRATION_MATCHED,
	ORG_MIGRATION_1_1, ORG_MIGRATION_1_2, ORG_MIGRATION_1_3,
	ORG_MIGRATION_2_1, ORG_MIGRATION_2_2, ORG_MIGRATION_2_3,
	ORG_MIGRATION_3_1, ORG_MIGRATION_3_2, ORG_MIGRATION_3_3,
	ORG_METRIC_COUNT
};
extern const char *const org_metric_names[ORG_METRIC_COUNT];   /* "headcount", ... */
/* ORG_MATURITY_TOOL_KNOWLEDGE + d is the mean level of dimension d. */
/* ORG_MIGRATION_1_1 + 3 * (from - 1) + (to - 1) is one cell of the migration matrix. */

enum department_metric {
	DEPT_HEADCOUNT, DEPT_RESPONDENTS, DEPT_ACTIVE_EMPLOYEES, DEPT_ADOPTION_RATE,
	DEPT_LOGGED_AI_SHARE, DEPT_HOURS_SAVED, DEPT_HOURS_SAVED_PER_WEEK, DEPT_VALUE_SAVED,
	DEPT_MATURITY_INDEX, DEPT_MATURITY_TOOL_KNOWLEDGE, DEPT_MATURITY_APPLICATION_BREADTH,
	DEPT_MATURITY_AUTONOMY, DEPT_MATURITY_INNOVATION, DEPT_MATURITY_KNOWLEDGE_SHARING,
	DEPT_METRIC_COUNT
};
extern const char *const department_metric_names[DEPT_METRIC_COUNT];

enum use_case_metric {
	UC_AI_ENTRIES, UC_AI_USERS, UC_HOURS_SAVED, UC_HOURS_SAVED_PER_WEEK,
	UC_BASELINE_MINUTES, UC_VALUE_SAVED, UC_CONCENTRATION, UC_AT_RISK,
	UC_METRIC_COUNT
};
extern const char *const use_case_metric_names[UC_METRIC_COUNT];

struct department {
	char *name;
	int headcount;              /* group sizes before privacy; never print these */
	int respondents;
	int savers;                 /* members whose AI entries saved time (had a baseline) */
	/* value_saved and hours_saved together would give the hours of a rate class
	 * of fewer than k people in this group */
	bool value_isolates;
	struct figure fig[DEPT_METRIC_COUNT];
};

struct use_case {
	char *name;
	int ai_users;               /* group size before privacy; never print it */
	uint32_t *user_ids;         /* who they are, as employee indices; never print */
	bool value_isolates;        /* as for a department */
	bool has_baseline;
	struct figure fig[UC_METRIC_COUNT];
};

/* A rate class: the group of employees valued at one hourly rate.  The XLSX ROI
 * sheet turns these into editable input cells. */
enum rate_kind { RATE_DEFAULT, RATE_ROLE, RATE_DEPARTMENT };
struct rate_class {
	enum rate_kind kind;
	char *name;                 /* role or department as written in the rules; "" for default */
	double rate;
	/* Fewer than k people of this class saved time in P: they are valued at the
	 * default rate, so that value and hours cannot be solved for the class. */
	bool merged;
};

/* One month of the cumulative series (§4 Monthly series, §11.20-21). */
struct month {
	int year, month;            /* 2026, 7 */
	double benefit, cost, cumulative_benefit, cumulative_cost;
	/* The parts, for live formulas: benefit = realisation * sum over classes of
	 * hours_by_class[c] * rate; cost = trainings * training_per_participant +
	 * active * license_per_active_user_month + fixed / 3. */
	double *hours_by_class;     /* rate_class_count entries */
	int trainings;
	int active;
	int savers;                 /* people whose AI entries saved time in the month */
	int respondents;            /* of its quarter: its active count is theirs */
	uint32_t *saver_ids;        /* who they are, as employee indices; never print */
	/* cumulative benefit >= cumulative cost, with the model's tie rule: what the
	 * workbook caches for its "reached" column and payback month */
	bool covered;
	/* FIG_OK, or FIG_SUPPRESSED where privacy hides the month's figure */
	enum figure_status benefit_status, cost_status, cumulative_benefit_status,
	                   cumulative_cost_status;
};

/* One quarter of the trend (§4 Trend, §11.22), oldest first; the last is P. */
struct quarter {
	int year, quarter;
	int respondents;            /* group sizes before privacy; never print them */
	int savers;
	struct figure adoption_rate, maturity_index, hours_saved_per_week, roi;
	int published_version;      /* > 0: the figures as that version published them */
};

/* One figure of P that differs from the quarter's latest publication (a re-issue):
 * the values as metrics.csv writes them, "" when not ok. */
struct figure_change {
	char *scope, *group, *metric;
	char *old_value, *old_status, *new_value, *new_status;   /* old_* / new_* NULL: new / gone */
};

struct file_quality {
	char *name;                 /* the file name as given */
	long rows_read, rows_used, rows_rejected, rows_superseded;
	const char *format;         /* the tool's export it was read as; NULL = canonical */
};

/* One row of the optional Employees sheet (employee_sheet = true; never in the PDF). */
struct employee_row {
	char *id, *department, *role;   /* role may be "" */
	bool in_survey, in_timesheet, active;
	int overall_level;              /* 0 = no survey row in P */
	int rate_class;
	double ai_entries, hours_saved, value_saved;
};

/* What the writers show besides the figures, copied from the rules so that no
 * writer needs them: the presentation settings and the parameters the figures
 * were computed with (the methodology page and the workbook's input cells). */
struct report_settings {
	/* presentation */
	char *org_name;
	char *prepared_by;          /* NULL when not set */
	char *logo, *font;          /* resolved paths; NULL when not set */
	char *rules_path;           /* as given on the command line */
	enum lang language;
	char currency[4];
	bool employee_sheet;
	struct opt_number target_adoption;               /* fraction */
	struct opt_number target_hours_saved_per_week;
	struct opt_number target_roi;                    /* fraction, may exceed 1 */
	struct opt_number target_maturity;               /* 1..3 */

	/* parameters of the figures */
	int headcount;              /* 0 = not set in the rules */
	double active_min_days_per_week;
	int active_min_ai_entries;
	double level2_min, level3_min;
	enum overall_mode overall;
	bool has_program_start, has_baseline_from, has_baseline_to;
	int32_t program_start, baseline_from, baseline_to;
	struct named_values use_case_baselines, role_rates, department_rates;
	double rate_default, realisation;
	double training_per_participant, license_per_active_user_month,
	       program_fixed_per_quarter;
	double concentration_share;
};

/* One row of the ROI sheet's rate-class table: the hours saved in P by the people
 * of a class, valued at its rate.  Every class with hours holds at least k people
 * who saved time (privacy.c merges smaller ones into the default class). */
struct roi_row {
	double hours, gross, value;     /* hours; x rate; x realisation */
};

/* One month of the ROI sheet's series (parallel to report.months).  A month whose
 * benefit privacy hides shows no hours or value of its own: they are carried into
 * the next month whose cumulative benefit may be shown (masked: the cells print
 * "n<k"), so every cumulative the sheet shows is the model's. */
struct roi_month {
	double hours, gross;            /* carried as above, at the rules' rates */
	double benefit, cost, cum_gross, cum_benefit, cum_cost;
	bool masked;                    /* benefit hidden: hours, gross and benefit */
	bool cum_masked;                /* cumulative benefit hidden */
	bool reached;                   /* cum_benefit >= cum_cost, the model's tie rule */
	bool cost_masked;               /* the month's counts and cost hidden */
};

/* The live ROI sheet of roi.xlsx as its formulas compute it from its input cells,
 * added up in the formulas' order: the values the workbook caches, so that a
 * viewer that does not recalculate shows what one that does would show.  The
 * payback month and cumulative ROI are the model's (org[]), with its tie rule. */
struct roi_sheet {
	/* Privacy hides the survey's counts (trainees, active users) or every hour
	 * saved: the sheet then holds 0 in those input cells, printed n<k, and every
	 * figure below is computed from that 0, so nothing hidden is in the file. */
	bool counts_masked, hours_masked;
	struct roi_row *rows;       /* rate_class_count entries */
	double hours_total, gross_total, value_total;
	double hours_per_week;      /* hours_total * 7 / D */
	double value_saved, cost_training, cost_licenses, cost_fixed, cost_total;
	struct figure roi;
	/* as the sheet computes them; equal to org[] where that is published */
	struct figure roi_cumulative, payback;
	struct roi_month *months;   /* month_count entries */
	/* Sensitivity grids: rows are realisation (the rules' value, then 50, 75 and
	 * 100 %), columns a change of every hourly rate (-20 %, 0, +20 %). */
	double sens_realisation[4], sens_rate_change[3];
	struct figure sens_roi[4][3], sens_payback[4][3];
};

/* A finding of the executive summary, as data: which finding, about which
 * group, with which figures.  The writers phrase it in the report's language.
 * Computed by report_findings.c over the published figures only. */
enum finding_kind {
	FIND_SURVEY_SUPPRESSED,     /* fewer than k respondents */
	FIND_ADOPTION,              /* value[0] now, value[1] last quarter (has_before);
	                             * trend -1/0/+1 at the printed precision; target */
	FIND_WEAKEST,               /* dimension[0] weakest, [1] strongest; value[0], [1] */
	FIND_NO_AI,                 /* no AI entry at all */
	FIND_HOURS_TARGET,          /* value[0] hours saved per week; target */
	FIND_HOURS_PLAIN,           /* value[0] hours saved per week, value[1] value saved */
	FIND_PAYBACK,               /* value[0] cumulative ROI, count = payback month */
	FIND_PAYBACK_PROJECTED,     /* value[0] cumulative ROI, count = projected month */
	FIND_PAYBACK_NONE,          /* value[0] cumulative ROI */
	FIND_ROI_QUARTER,           /* value[0] ROI of the quarter */
	FIND_AT_RISK,               /* count use cases at risk; name = the largest */
	FIND_NEGATIVE,              /* count use cases saving negative time; name = the
	                             * worst, value[0] its hours per week */
	FIND_TRIANGULATION,         /* name = department; value[0] adoption, [1] logged share */
	FIND_RESPONSE,              /* value[0] respondents, [1] headcount, [2] response rate */
	FIND_COSTS,                 /* value[0] total cost, value[1] value saved */
};
enum target_state { TARGET_NONE, TARGET_MET, TARGET_MISSED };

struct finding {
	enum finding_kind kind;
	const char *name;           /* a use_cases[] or departments[] name, or NULL */
	int dimension[2];
	long count;
	double value[3];
	bool has_before;
	int trend;
	enum target_state target;
};

/* A recommended action, as data (the seed article's learning paths: 1 basic
 * users, 2 power users, 3 AI champions). */
enum action_kind {
	ACT_RESPONSE,               /* raise the response above k */
	ACT_LOG,                    /* start logging AI use */
	ACT_REVIEW,                 /* name: a use case losing time; value = hours/week */
	ACT_LEARNING,               /* dimension, path, value = its mean level */
	ACT_RISK,                   /* name: a use case resting on few people; single =
	                             * one user, else value = concentration */
	ACT_PILOT,                  /* name: a department far below the adoption target;
	                             * value = its adoption */
	ACT_BUDDY,                  /* value = buddy coverage */
	ACT_BASELINE,               /* value = AI entries without a baseline */
	ACT_SCALE,                  /* name: the use case saving most; value = hours/week */
	ACT_SHARE,                  /* always applies */
	ACT_MEASURE,                /* always applies */
};

struct action {
	enum action_kind kind;
	const char *name;
	int dimension, path;
	double value;
	bool single;
};

#define REPORT_MAX_FINDINGS 5
#define REPORT_MAX_ACTIONS 3

struct report {
	struct report_settings set;
	char *org_slug;                 /* §11.32 */
	int year, quarter;              /* P */
	int32_t period_start, period_end;   /* days since 1970-01-01, inclusive */
	int days;                       /* D */
	double weeks;                   /* W = D / 7 */
	time_t created;                 /* SOURCE_DATE_EPOCH, else P's last second (UTC) */
	int min_group_size;             /* k */

	/* The people each organisation figure is computed over, where that is not
	 * R or H (privacy.c); never print these. */
	struct {
		int satisfaction;           /* respondents who answered it */
		int level1;                 /* level-1 respondents (buddy coverage) */
		int mentees;                /* respondents who named a mentor */
		int trained;                /* trained at least 182 days before P's end */
		int joiners, leavers;       /* respondents of P not of P-1, and back */
		int savers;                 /* people whose AI entries saved time in P */
	} counts;

	/* true when S_P has fewer than k respondents: no survey-based figure may be
	 * shown anywhere (§5, §11.30). */
	bool survey_suppressed;

	struct figure org[ORG_METRIC_COUNT];

	/* The quarter before P for the executive summary's deltas (FIG_NA when there
	 * were no survey rows then); same privacy as the quarter rows. */
	bool has_previous;
	struct quarter previous;

	/* Dimension x level matrix (§4): respondents of S_P per dimension at level 1..3.
	 * Shares are counts / respondents.  Unusable when survey_suppressed. */
	int dimension_levels[DIM_COUNT][3];

	struct department *departments;     /* sorted by name, byte order */
	size_t department_count;
	struct use_case *use_cases;         /* sorted by name, byte order */
	size_t use_case_count;

	/* Rate classes in use: [0] is the default rate, then roles, then departments. */
	struct rate_class *rate_classes;
	size_t rate_class_count;
	/* Hours saved in P per use case and rate class:
	 * use_case_class_hours[u * rate_class_count + c]. */
	double *use_case_class_hours;
	/* Employees whose training date lies in P (cost_training = this x training cost). */
	int trainees_in_period;
	int active_in_period;               /* unsuppressed count behind cost_licenses */

	struct month *months;               /* program_start's month .. P's last month */
	size_t month_count;

	/* At the pace of the last three months, the month (1-based, counted like
	 * payback_months) in which the cumulative benefit would reach the cumulative
	 * cost; 0 when that pace never gets there or payback is already reached. */
	long projected_payback;
	/* value_saved - cost_total of P: the ROI page's net result */
	struct figure net_value;

	struct roi_sheet roi;               /* the workbook's live model */

	/* The executive summary's findings and actions, in order of priority. */
	struct finding findings[REPORT_MAX_FINDINGS];
	size_t finding_count;
	struct action actions[REPORT_MAX_ACTIONS];
	size_t action_count;

	struct quarter *quarters;           /* trend, at most 8, oldest first */
	size_t quarter_count;

	struct file_quality files[2];       /* [0] survey, [1] timesheet */
	/* People in the survey, in the timesheet and in both (whole files); low when
	 * too few meet for the figures to be trusted ([identity] min_match). */
	long ids_survey, ids_timesheet, ids_matched;
	bool ids_low;

	struct employee_row *employees;     /* only when rules->employee_sheet */
	size_t employee_count;

	/* The organisation's history (dataset.h): the quarters whose timesheet and
	 * survey data it supplied, the export's survey rows held back (a re-issue that
	 * would single out fewer than k people), and, when P was published before, the
	 * figures that differ from its latest version (set by the run before the
	 * reports are written). */
	int *history_timesheet_quarters, *history_survey_quarters;
	size_t history_timesheet_quarter_count, history_survey_quarter_count;
	long survey_held_back;
	int reissue_of;                     /* the version this run re-issues; 0 = none */
	struct figure_change *changes;
	size_t change_count;

	/* --batch: the peer statistics of P across the batch's clients, for the
	 * benchmark page and sheet; NULL when there are none.  Not owned. */
	const struct benchmark *benchmark;
};

void report_free(struct report *r);

#endif
