/* rules_keys.c - the sections and fixed keys of a rules file (SPEC §3) and the
 * messages of one load (rules_keys.h). */
#include "rules_keys.h"

#include <assert.h>
#include <float.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "profile.h"
#include "util.h"

const char *const rules_section_names[SEC_COUNT] = {
	"organisation", "period", "input", "privacy", "adoption", "maturity",
	"baseline", "costs", "rates", "rates.role", "rates.department",
	"use_cases", "targets", "risk", "survey_columns", "timesheet_columns",
	"survey_input", "timesheet_input", "timesheet_values", "survey_scale", "identity",
	"benchmark",
};

/* Every fixed key, section by section (the order of §3). */
const struct key_spec rules_key_specs[] = {
	{ SEC_ORGANISATION, "name", K_TEXT, FIELD(org_name), 0, 0, 0 },
	{ SEC_ORGANISATION, "headcount", K_INT, FIELD(headcount), 0, 1, INT_MAX },
	{ SEC_ORGANISATION, "language", K_LANGUAGE, 0, 0, 0, 0 },
	{ SEC_ORGANISATION, "currency", K_CURRENCY, 0, 0, 0, 0 },
	{ SEC_ORGANISATION, "prepared_by", K_TEXT, FIELD(prepared_by), 0, 0, 0 },
	{ SEC_ORGANISATION, "logo", K_PATH, FIELD(logo), 0, 0, 0 },
	{ SEC_ORGANISATION, "font", K_PATH, FIELD(font), 0, 0, 0 },
	{ SEC_PERIOD, "quarter", K_QUARTER, 0, 0, 0, 0 },
	{ SEC_PERIOD, "program_start", K_DATE, FIELD(program_start), FIELD(has_program_start), 0, 0 },
	{ SEC_INPUT, "encoding", K_ENCODING, FIELD(encoding), 0, 0, 0 },
	{ SEC_INPUT, "delimiter", K_DELIMITER, FIELD(delimiter), 0, 0, 0 },
	{ SEC_INPUT, "date_order", K_DATE_ORDER, FIELD(date_order), 0, 0, 0 },
	{ SEC_INPUT, "header_rows", K_INT, FIELD(header_rows), 0, 1, 2 },
	{ SEC_INPUT, "sheet", K_TEXT, FIELD(sheet), 0, 0, 0 },
	{ SEC_INPUT, "max_reject_ratio", K_RATIO, FIELD(max_reject_ratio), 0, 0, 1 },
	/* [survey_input] and [timesheet_input]: the same five keys, one file each (the
	 * order matters: rules_resolve_input_settings() walks them in step with [input]) */
	{ SEC_SURVEY_INPUT, "encoding", K_ENCODING, FIELD(survey_input.encoding), 0, 0, 0 },
	{ SEC_SURVEY_INPUT, "delimiter", K_DELIMITER, FIELD(survey_input.delimiter), 0, 0, 0 },
	{ SEC_SURVEY_INPUT, "date_order", K_DATE_ORDER, FIELD(survey_input.date_order), 0, 0, 0 },
	{ SEC_SURVEY_INPUT, "header_rows", K_INT, FIELD(survey_input.header_rows), 0, 1, 2 },
	{ SEC_SURVEY_INPUT, "sheet", K_TEXT, FIELD(survey_input.sheet), 0, 0, 0 },
	{ SEC_SURVEY_INPUT, "profile", K_PROFILE, FIELD(survey_input.profile), 0, PROFILE_SURVEY, 0 },
	{ SEC_TIMESHEET_INPUT, "encoding", K_ENCODING, FIELD(timesheet_input.encoding), 0, 0, 0 },
	{ SEC_TIMESHEET_INPUT, "delimiter", K_DELIMITER, FIELD(timesheet_input.delimiter), 0, 0, 0 },
	{ SEC_TIMESHEET_INPUT, "date_order", K_DATE_ORDER, FIELD(timesheet_input.date_order), 0, 0, 0 },
	{ SEC_TIMESHEET_INPUT, "header_rows", K_INT, FIELD(timesheet_input.header_rows), 0, 1, 2 },
	{ SEC_TIMESHEET_INPUT, "sheet", K_TEXT, FIELD(timesheet_input.sheet), 0, 0, 0 },
	{ SEC_TIMESHEET_INPUT, "profile", K_PROFILE, FIELD(timesheet_input.profile), 0, PROFILE_TIMESHEET, 0 },
	{ SEC_TIMESHEET_VALUES, "ai_assisted", K_MARKERS, 0, 0, 0, 0 },
	{ SEC_IDENTITY, "map", K_FILE, FIELD(identity_map), 0, 0, 0 },
	{ SEC_IDENTITY, "min_match", K_RATIO, FIELD(identity_min_match), 0, 0, 1 },
	{ SEC_PRIVACY, "min_group_size", K_INT, FIELD(min_group_size), 0, 1, INT_MAX },
	{ SEC_PRIVACY, "employee_sheet", K_BOOL, FIELD(employee_sheet), 0, 0, 0 },
	{ SEC_PRIVACY, "allow_small_groups", K_BOOL, FIELD(allow_small_groups), 0, 0, 0 },
	{ SEC_ADOPTION, "active_min_days_per_week", K_NUMBER, FIELD(active_min_days_per_week), 0, 0, 7 },
	{ SEC_ADOPTION, "active_min_ai_entries", K_INT, FIELD(active_min_ai_entries), 0, 0, INT_MAX },
	{ SEC_MATURITY, "level2_min", K_NUMBER, FIELD(level2_min), 0, 1, 5 },
	{ SEC_MATURITY, "level3_min", K_NUMBER, FIELD(level3_min), 0, 1, 5 },
	{ SEC_MATURITY, "overall", K_OVERALL, 0, 0, 0, 0 },
	{ SEC_BASELINE, "from", K_DATE, FIELD(baseline_from), FIELD(has_baseline_from), 0, 0 },
	{ SEC_BASELINE, "to", K_DATE, FIELD(baseline_to), FIELD(has_baseline_to), 0, 0 },
	{ SEC_COSTS, "training_per_participant", K_NUMBER, FIELD(training_per_participant), 0, 0, MONEY_MAX },
	{ SEC_COSTS, "license_per_active_user_month", K_NUMBER, FIELD(license_per_active_user_month), 0, 0, MONEY_MAX },
	{ SEC_COSTS, "program_fixed_per_quarter", K_NUMBER, FIELD(program_fixed_per_quarter), 0, 0, MONEY_MAX },
	{ SEC_RATES, "default", K_NUMBER, FIELD(rate_default), 0, 0, MONEY_MAX },
	{ SEC_RATES, "realisation", K_RATIO, FIELD(realisation), 0, 0, 1 },
	{ SEC_TARGETS, "adoption", K_OPT_RATIO, FIELD(target_adoption), 0, 0, 1 },
	{ SEC_TARGETS, "hours_saved_per_week", K_OPT_NUMBER, FIELD(target_hours_saved_per_week), 0, 0, HOURS_MAX },
	{ SEC_TARGETS, "roi", K_OPT_RATIO, FIELD(target_roi), 0, -1, HOURS_MAX },
	{ SEC_TARGETS, "maturity", K_OPT_NUMBER, FIELD(target_maturity), 0, 1, 3 },
	{ SEC_RISK, "concentration_share", K_RATIO, FIELD(concentration_share), 0, 0, 1 },
	{ SEC_BENCHMARK, "min_clients", K_INT, FIELD(benchmark_min_clients), 0, 1, INT_MAX },
};

_Static_assert(ARRAY_LEN(rules_key_specs) == RULES_NKEYS, "RULES_NKEYS is the table's length");

size_t rules_key_index(enum section sec, const char *name)
{
	for (size_t i = 0; i < RULES_NKEYS; i++)
		if (rules_key_specs[i].section == sec && strcmp(rules_key_specs[i].name, name) == 0)
			return i;
	assert(!"no such key");
	return 0;
}

bool rules_match_choice(const struct choice *choices, const char *value, int *out)
{
	for (const struct choice *ch = choices; ch->name; ch++) {
		if (ascii_casecmp(value, ch->name) == 0) {
			*out = ch->value;
			return true;
		}
	}
	return false;
}

/* Collects one problem; the path prefix is added when the messages are printed. */
void rules_report(struct load *c, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert(n >= 0);
	char *text = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	GROW(c->messages, c->messages_cap, c->nmessages + 1);
	c->messages[c->nmessages] = (struct message){ line, c->nmessages, text };
	c->nmessages++;
}

static int message_order(const void *a, const void *b)
{
	const struct message *x = a, *y = b;
	int lx = x->line ? x->line : INT_MAX, ly = y->line ? y->line : INT_MAX;
	if (lx != ly)
		return lx < ly ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void rules_print_messages(struct load *c, FILE *err)
{
	if (c->nmessages > 1)
		qsort(c->messages, c->nmessages, sizeof(*c->messages), message_order);
	for (size_t i = 0; i < c->nmessages; i++) {
		if (c->messages[i].line)
			fprintf(err, "aireport: %s:%d: %s\n", c->r->path, c->messages[i].line, c->messages[i].text);
		else
			fprintf(err, "aireport: %s: %s\n", c->r->path, c->messages[i].text);
	}
}

void rules_load_free(struct load *c)
{
	for (size_t i = 0; i < c->nmessages; i++)
		free(c->messages[i].text);
	free(c->messages);
	for (size_t i = 0; i < RULES_NKEYS; i++)
		free(c->raw[i].value);
	free(c->lines);
}

/* A near miss: at most two edits, and fewer than half of the candidate's letters. */
static bool is_near_miss(const char *typed, const char *candidate)
{
	size_t d = edit_distance(typed, candidate);
	return d <= 2 && d * 2 < strlen(candidate) + 1;
}

/* The nearest of names[0..n) to typed when it is a near miss, else NULL. */
const char *rules_nearest_name(const char *typed, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		if (!is_near_miss(typed, names[i]))
			continue;
		size_t d = edit_distance(typed, names[i]);
		if (d < best_d) {
			best = names[i];
			best_d = d;
		}
	}
	return best;
}

void rules_report_unknown_key(struct load *c, int lineno, enum section sec, const char *key)
{
	const char *names[RULES_NKEYS + SC_COUNT + TC_COUNT];
	size_t n = 0;
	if (sec == SEC_SURVEY_COLUMNS) {
		for (size_t i = 0; i < SC_COUNT; i++)
			names[n++] = survey_column_names[i];
	} else if (sec == SEC_TIMESHEET_COLUMNS) {
		for (size_t i = 0; i < TC_COUNT; i++)
			names[n++] = timesheet_column_names[i];
	} else {
		for (size_t i = 0; i < RULES_NKEYS; i++)
			if (rules_key_specs[i].section == sec)
				names[n++] = rules_key_specs[i].name;
	}
	const char *hint = rules_nearest_name(key, names, n);
	if (hint) {
		rules_report(c, lineno, "unknown key '%s' in [%s]; did you mean '%s'?", key,
		             rules_section_names[sec], hint);
		return;
	}
	/* The right key in the wrong section. */
	const char *home = NULL;
	for (size_t i = 0; i < RULES_NKEYS && !home; i++)
		if (ascii_casecmp(key, rules_key_specs[i].name) == 0)
			home = rules_section_names[rules_key_specs[i].section];
	for (size_t i = 0; i < SC_COUNT && !home; i++)
		if (ascii_casecmp(key, survey_column_names[i]) == 0)
			home = rules_section_names[SEC_SURVEY_COLUMNS];
	for (size_t i = 0; i < TC_COUNT && !home; i++)
		if (ascii_casecmp(key, timesheet_column_names[i]) == 0)
			home = rules_section_names[SEC_TIMESHEET_COLUMNS];
	if (home)
		rules_report(c, lineno, "unknown key '%s' in [%s]; it belongs in [%s]", key,
		             rules_section_names[sec], home);
	else
		rules_report(c, lineno, "unknown key '%s' in [%s]", key, rules_section_names[sec]);
}

void rules_report_invalid(struct load *c, const struct raw_value *raw, const struct key_spec *k,
                          const char *expected)
{
	rules_report(c, raw->line, "invalid value '%s' for '%s' in [%s]: expected %s", raw->value,
	             k->name, rules_section_names[k->section], expected);
}
