/* rules.h - the rules file (SPEC §3, §11.15-18, §11.34) as a validated struct. */
#ifndef AIREPORT_RULES_H
#define AIREPORT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "fields.h"
#include "vocab.h"

/* A name -> number entry of [rates.role], [rates.department] or [use_cases].
 * Look-ups ignore ASCII case (§11.14). */
struct named_value {
	char *name;
	double value;
};
struct named_values {
	struct named_value *items;
	size_t count;
	size_t cap;
};
/* Returns the entry whose name equals name ignoring ASCII case, or NULL. */
const struct named_value *named_values_find(const struct named_values *nv, const char *name);

/* How one export file is read: [input] gives the defaults, [survey_input] and
 * [timesheet_input] override them key by key. */
struct input_settings {
	enum encoding_mode encoding;
	char delimiter;          /* 0 = auto, else ',' ';' '\t' */
	enum date_order date_order;
	int header_rows;         /* 1 or 2 */
	bool header_rows_set;    /* written in the rules: a profile does not change it */
	char *sheet;             /* of a workbook: a name or a 1-based number; NULL = first */
	char *profile;           /* a profile's name (profile.h); NULL = auto */
};

/* An optional number. */
struct opt_number {
	bool set;
	double value;
};

struct rules {
	char *path;              /* as given on the command line */

	/* [organisation] */
	char *org_name;
	int headcount;           /* 0 = not set */
	enum lang language;
	char currency[4];
	char *prepared_by;       /* NULL when not set */
	char *logo;              /* resolved against the rules folder; NULL when not set */
	char *font;              /* resolved; NULL = DejaVu Sans */

	/* [period] */
	int quarter_year;        /* 0 = auto */
	int quarter;             /* 1..4, 0 = auto */
	bool has_program_start;
	int32_t program_start;   /* days since 1970-01-01 */

	/* [input]: the defaults of both files */
	enum encoding_mode encoding;
	char delimiter;          /* 0 = auto, else ',' ';' '\t' */
	enum date_order date_order;
	int header_rows;
	char *sheet;
	double max_reject_ratio;
	/* [survey_input], [timesheet_input], resolved against [input] */
	struct input_settings survey_input, timesheet_input;

	/* [timesheet_values] ai_assisted: markers of an AI entry (a tag, a label, a word
	 * in the notes); none = the cell is a yes/no value */
	char **ai_markers;
	size_t ai_marker_count, ai_marker_cap;

	/* [survey_scale]: answer texts -> 1..5, before the built-in scales */
	struct scale_word *survey_scale;
	size_t survey_scale_count, survey_scale_cap;

	/* [identity] */
	char *identity_map;      /* timesheet id -> survey id file, resolved; NULL = none */
	double identity_min_match;

	/* [privacy] */
	int min_group_size;
	bool allow_small_groups;     /* k of 1 or 2 accepted */
	bool employee_sheet;

	/* [adoption] */
	double active_min_days_per_week;
	int active_min_ai_entries;

	/* [maturity] */
	double level2_min;
	double level3_min;
	enum overall_mode overall;

	/* [baseline] */
	bool has_baseline_from, has_baseline_to;
	int32_t baseline_from, baseline_to;

	/* [costs] */
	double training_per_participant;
	double license_per_active_user_month;
	double program_fixed_per_quarter;

	/* [rates], [rates.role], [rates.department] */
	double rate_default;
	double realisation;
	struct named_values role_rates;
	struct named_values department_rates;

	/* [use_cases] fixed baselines, minutes per item */
	struct named_values use_case_baselines;

	/* [targets] */
	struct opt_number target_adoption;               /* fraction */
	struct opt_number target_hours_saved_per_week;
	struct opt_number target_roi;                    /* fraction, may exceed 1 */
	struct opt_number target_maturity;               /* 1..3 */

	/* [risk] */
	double concentration_share;

	/* [benchmark]: the fewest clients of one quarter a --batch compares (the
	 * largest value among a batch's clients counts; never below 3) */
	int benchmark_min_clients;

	/* [survey_columns], [timesheet_columns]: export names, NULL = canonical */
	char *survey_columns[SC_COUNT];
	char *timesheet_columns[TC_COUNT];
};

/* Sets every key to its default (§3, §11.16); the required keys stay unset. */
void rules_init(struct rules *r);

/* Reads and validates path into *r (initialised by this call).  Every problem is
 * reported on err as one line "path:line: message"; returns 0 on success, 2 for a
 * rules error, 3 when the file cannot be read.  On failure *r is freed. */
int rules_load(struct rules *r, const char *path, FILE *err);

void rules_free(struct rules *r);

/* Parses "60%" or "0.6" (also "0,6").  Returns false when malformed. */
bool rules_parse_ratio(const char *s, double *out);

#endif
