/* rules_values.c - the second pass of a load: every stored value of a fixed key
 * checked and converted into struct rules (numbers, ratios, dates, choices, the
 * logo and the font), the name = value entries of [rates.role],
 * [rates.department] and [use_cases], and what spans several keys. */
#include "rules_values.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fields.h"
#include "rules_input.h"
#include "util.h"

static const struct choice language_choices[] = {
	{ "nl", LANG_NL }, { "en", LANG_EN }, { "de", LANG_DE }, { NULL, 0 },
};
static const struct choice overall_choices[] = {
	{ "median", OVERALL_MEDIAN }, { "min", OVERALL_MIN }, { "mean", OVERALL_MEAN }, { NULL, 0 },
};
static const struct choice bool_choices[] = {
	{ "true", 1 }, { "yes", 1 }, { "1", 1 }, { "false", 0 }, { "no", 0 }, { "0", 0 },
	{ NULL, 0 },
};

/* A name = number entry of [rates.role], [rates.department] or [use_cases]: the last
 * of the same name (ignoring ASCII case) wins and keeps its spelling. */
void rules_store_named_value(struct load *c, int lineno, enum section sec,
                             const char *name, const char *value)
{
	struct named_values *nv = sec == SEC_RATES_ROLE ? &c->r->role_rates
	                        : sec == SEC_RATES_DEPARTMENT ? &c->r->department_rates
	                        : &c->r->use_case_baselines;
	bool positive = sec == SEC_USE_CASES;
	double v, max = positive ? MINUTES_MAX : MONEY_MAX;
	if (parse_number(value, strlen(value), &v) != FIELD_OK || v < 0 || (positive && v == 0) ||
	    v > max) {
		rules_report(c, lineno, "invalid value '%s' for '%s' in [%s]: expected %s", value, name,
		             rules_section_names[sec],
		             positive ? "minutes per item, a number greater than 0 and at most 525600"
		                      : "a number from 0 to 1000000000");
		return;
	}
	struct named_value *item = (struct named_value *)named_values_find(nv, name);
	if (!item) {
		GROW(nv->items, nv->cap, nv->count + 1);
		item = &nv->items[nv->count++];
	} else {
		free(item->name);
	}
	item->name = xstrdup(name);
	item->value = v;
}

/* --- values --------------------------------------------------------------------------- */

/* A ratio: "60%" (also "60 %") or a bare fraction; *percent tells which. */
bool rules_read_ratio(const char *s, double *out, bool *percent)
{
	size_t n = strlen(s);
	s = trim_span(s, &n);
	*percent = n > 0 && s[n - 1] == '%';
	if (*percent)
		n--;
	double v;
	if (n == 0 || parse_number(s, n, &v) != FIELD_OK)
		return false;
	if (*percent) {
		/* "1.4%" is read as the decimal 0.014, not as 1.4 / 100, which is a
		 * different double: limits compared with exact ratios (7 of 500 rejected
		 * rows) must hold at the tie.  The digits move two places left. */
		char shifted[64];
		size_t i = 0, k = 0;
		if (s[0] == '+' || s[0] == '-')
			shifted[k++] = s[i++];
		size_t int_start = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		size_t int_len = i - int_start;
		const char *frac = i < n ? s + i + 1 : s + n;   /* after '.' or ',' */
		size_t frac_len = (size_t)(s + n - frac);
		if (int_len + frac_len + 8 > sizeof(shifted)) {
			*out = v / 100;
			return true;
		}
		if (int_len > 2) {
			memcpy(shifted + k, s + int_start, int_len - 2);
			k += int_len - 2;
			shifted[k++] = '.';
			memcpy(shifted + k, s + int_start + int_len - 2, 2);
			k += 2;
		} else {
			shifted[k++] = '0';
			shifted[k++] = '.';
			for (size_t z = int_len; z < 2; z++)
				shifted[k++] = '0';
			memcpy(shifted + k, s + int_start, int_len);
			k += int_len;
		}
		memcpy(shifted + k, frac, frac_len);
		k += frac_len;
		if (parse_number(shifted, k, &v) != FIELD_OK)
			return false;
	}
	*out = v;
	return true;
}

/* Reports an out-of-range or malformed number as "a number from 1 to 5", "a whole
 * number of at least 1" ... */
static void report_range(struct load *c, const struct raw_value *raw, const struct key_spec *k)
{
	char expected[96];
	const char *what = k->kind == K_INT ? "a whole number" : "a number";
	const char *off = k->kind == K_OPT_NUMBER ? ", or off" : "";
	if (k->max == DBL_MAX || (k->kind == K_INT && k->max == INT_MAX))
		snprintf(expected, sizeof(expected), "%s of at least %g%s", what, k->min, off);
	else
		snprintf(expected, sizeof(expected), "%s from %.15g to %.15g%s", what, k->min, k->max,
		         off);
	rules_report_invalid(c, raw, k, expected);
}

/* A K_RATIO / K_OPT_RATIO value; false when reported. */
static bool ratio_value(struct load *c, const struct raw_value *raw, const struct key_spec *k,
                        double *out)
{
	bool share = k->max == 1;
	double d;
	bool percent;
	bool ok = rules_read_ratio(raw->value, &d, &percent);
	if (ok && share && !percent && d > 1) {
		/* §11.17: "5" is not silently read as 5 %. */
		rules_report(c, raw->line, "invalid value '%s' for '%s' in [%s]: a share above 1; "
		             "write '%s%%' for a percentage", raw->value, k->name,
		             rules_section_names[k->section], raw->value);
		return false;
	}
	if (!ok || d < k->min || d > k->max) {
		char expected[96];
		snprintf(expected, sizeof(expected), "%s%s",
		         share ? "a share from 0% to 100%, such as 60% or 0.6"
		               : "a percentage of at least -100%, such as 200% or 2",
		         k->kind == K_OPT_RATIO ? ", or off" : "");
		rules_report_invalid(c, raw, k, expected);
		return false;
	}
	*out = d;
	return true;
}

static bool is_ascii_letter(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

/* Joins the rules file's folder and a relative path. */
char *rules_resolve_path(const char *rules_path, const char *value)
{
	const char *slash = strrchr(rules_path, '/');
	if (value[0] == '/' || !slash)
		return xstrdup(value);
	size_t dir = (size_t)(slash - rules_path) + 1;
	size_t n = strlen(value);
	char *p = xmalloc(dir + n + 1);
	memcpy(p, rules_path, dir);
	memcpy(p + dir, value, n + 1);
	return p;
}

/* Checks that a logo is a readable PNG and a font a readable TrueType file, so a
 * typo fails here with its line instead of halfway through writing the PDF. */
static bool check_asset(struct load *c, const struct raw_value *raw, const struct key_spec *k,
                        const char *path)
{
	/* Only a regular file: opening a named pipe would wait forever. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		rules_report(c, raw->line, "cannot read %s '%s': not a regular file", k->name, path);
		return false;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		rules_report(c, raw->line, "cannot read %s '%s': %s", k->name, path, strerror(errno));
		return false;
	}
	unsigned char head[8] = { 0 };
	size_t got = fread(head, 1, sizeof(head), f);
	fclose(f);
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	static const unsigned char ttf[4] = { 0, 1, 0, 0 };
	bool is_logo = k->offset == FIELD(logo);
	bool ok = is_logo ? got == 8 && memcmp(head, png, 8) == 0
	                  : got >= 4 && (memcmp(head, ttf, 4) == 0 || memcmp(head, "true", 4) == 0);
	if (!ok)
		rules_report(c, raw->line, "%s '%s' is not a %s file", k->name, path,
		             is_logo ? "PNG" : "TrueType font (.ttf)");
	return ok;
}

/* A K_INT, K_NUMBER, K_RATIO (also optional) or K_DATE value into field. */
static bool apply_number(struct load *c, const struct key_spec *k, const struct raw_value *raw,
                         char *field)
{
	struct rules *r = c->r;
	const char *v = raw->value;
	double d;
	long n;
	switch (k->kind) {
	case K_INT:
		if (parse_integer(v, strlen(v), &n) != FIELD_OK || n < k->min || n > k->max) {
			report_range(c, raw, k);
			return false;
		}
		*(int *)field = (int)n;
		return true;
	case K_NUMBER:
	case K_OPT_NUMBER:
		if (k->kind == K_OPT_NUMBER && ascii_casecmp(v, "off") == 0) {
			((struct opt_number *)field)->set = false;
			return true;
		}
		if (parse_number(v, strlen(v), &d) != FIELD_OK || d < k->min || d > k->max) {
			report_range(c, raw, k);
			return false;
		}
		if (k->kind == K_OPT_NUMBER)
			*(struct opt_number *)field = (struct opt_number){ true, d };
		else
			*(double *)field = d;
		return true;
	case K_RATIO:
	case K_OPT_RATIO:
		if (k->kind == K_OPT_RATIO && ascii_casecmp(v, "off") == 0) {
			((struct opt_number *)field)->set = false;
			return true;
		}
		if (!ratio_value(c, raw, k, &d))
			return false;
		if (k->kind == K_OPT_RATIO)
			*(struct opt_number *)field = (struct opt_number){ true, d };
		else
			*(double *)field = d;
		return true;
	case K_DATE: {
		int32_t day;
		if (parse_date(v, strlen(v), &day) != FIELD_OK) {
			rules_report_invalid(c, raw, k, "a date such as 2026-01-01 or 01-01-2026");
			return false;
		}
		*(int32_t *)field = day;
		*(bool *)((char *)r + k->flag) = true;
		return true;
	}
	default:
		break;
	}
	return false;
}

/* A K_BOOL, K_LANGUAGE, K_CURRENCY, K_QUARTER or K_OVERALL value. */
static bool apply_choice(struct load *c, const struct key_spec *k, const struct raw_value *raw,
                         char *field)
{
	struct rules *r = c->r;
	const char *v = raw->value;
	int choice;
	switch (k->kind) {
	case K_BOOL:
		if (!rules_match_choice(bool_choices, v, &choice)) {
			rules_report_invalid(c, raw, k, "true or false");
			return false;
		}
		*(bool *)field = choice != 0;
		return true;
	case K_LANGUAGE:
		if (!rules_match_choice(language_choices, v, &choice)) {
			rules_report_invalid(c, raw, k, "nl, en or de");
			return false;
		}
		r->language = (enum lang)choice;
		return true;
	case K_CURRENCY:
		if (strlen(v) != 3 || !is_ascii_letter(v[0]) || !is_ascii_letter(v[1]) ||
		    !is_ascii_letter(v[2])) {
			rules_report_invalid(c, raw, k, "a 3-letter ISO 4217 code such as EUR");
			return false;
		}
		for (int i = 0; i < 3; i++)
			r->currency[i] = (char)(v[i] & ~0x20);
		r->currency[3] = '\0';
		return true;
	case K_QUARTER: {
		int q;
		if (ascii_casecmp(v, "auto") == 0) {
			r->quarter_year = 0;
			r->quarter = 0;
			return true;
		}
		if (!parse_quarter(v, &q)) {
			rules_report_invalid(c, raw, k, "auto or a quarter such as 2026-Q3");
			return false;
		}
		r->quarter_year = q / 4;
		r->quarter = q % 4 + 1;
		return true;
	}
	case K_OVERALL:
		if (!rules_match_choice(overall_choices, v, &choice)) {
			rules_report_invalid(c, raw, k, "median, min or mean");
			return false;
		}
		r->overall = (enum overall_mode)choice;
		return true;
	default:
		break;
	}
	return false;
}

/* Checks one stored value and writes it into *r; an empty value keeps the default.
 * Returns false when the value was reported as invalid. */
static bool apply_value(struct load *c, const struct key_spec *k, const struct raw_value *raw)
{
	struct rules *r = c->r;
	char *field = (char *)r + k->offset;
	const char *v = raw->value;

	if (!*v) {
		if (k->offset == FIELD(org_name) || k->offset == FIELD(rate_default)) {
			rules_report(c, raw->line, "'%s' in [%s] must not be empty", k->name,
			             rules_section_names[k->section]);
			return false;
		}
		return true;
	}
	switch (k->kind) {
	case K_TEXT:
		/* the name becomes a folder name, which the file system limits */
		if (k->offset == FIELD(org_name) && utf8_length(v, strlen(v)) > 200) {
			rules_report(c, raw->line, "'name' in [organisation] is %zu characters long; at most "
			             "200 are supported", utf8_length(v, strlen(v)));
			return false;
		}
		*(char **)field = xstrdup(v);
		return true;
	case K_PATH: {
		char *path = rules_resolve_path(r->path, v);
		if (!check_asset(c, raw, k, path)) {
			free(path);
			return false;
		}
		*(char **)field = path;
		return true;
	}
	case K_INT:
	case K_NUMBER:
	case K_OPT_NUMBER:
	case K_RATIO:
	case K_OPT_RATIO:
	case K_DATE:
		return apply_number(c, k, raw, field);
	case K_BOOL:
	case K_LANGUAGE:
	case K_CURRENCY:
	case K_QUARTER:
	case K_OVERALL:
		return apply_choice(c, k, raw, field);
	case K_ENCODING:
	case K_DELIMITER:
	case K_DATE_ORDER:
	case K_MARKERS:
	case K_PROFILE:
	case K_FILE:
		return rules_input_value(c, k, raw, field);
	}
	return false;
}

/* Converts every stored value, then checks what spans several keys. */
void rules_apply_all(struct load *c)
{
	struct rules *r = c->r;
	bool ok[RULES_NKEYS];
	for (size_t i = 0; i < RULES_NKEYS; i++)
		ok[i] = !c->raw[i].value || apply_value(c, &rules_key_specs[i], &c->raw[i]);

	size_t l2 = rules_key_index(SEC_MATURITY, "level2_min");
	size_t l3 = rules_key_index(SEC_MATURITY, "level3_min");
	if (ok[l2] && ok[l3] && r->level2_min > r->level3_min)
		rules_report(c, c->raw[l2].line > c->raw[l3].line ? c->raw[l2].line : c->raw[l3].line,
		             "level2_min (%g) must not be above level3_min (%g) in [maturity]",
		             r->level2_min, r->level3_min);
	size_t from = rules_key_index(SEC_BASELINE, "from"), to = rules_key_index(SEC_BASELINE, "to");
	if (r->has_baseline_from && r->has_baseline_to && r->baseline_from > r->baseline_to)
		rules_report(c, c->raw[from].line > c->raw[to].line ? c->raw[from].line : c->raw[to].line,
		             "'from' (%s) is after 'to' (%s) in [baseline]",
		             c->raw[from].value, c->raw[to].value);
	size_t kk = rules_key_index(SEC_PRIVACY, "min_group_size");
	if (ok[kk] && r->min_group_size < 3 && !r->allow_small_groups)
		rules_report(c, c->raw[kk].line,
		             "min_group_size = %d in [privacy]: groups of one or two let colleagues "
		             "recognise each other's answers; use 3 or more, or set "
		             "allow_small_groups = true", r->min_group_size);
	size_t mc = rules_key_index(SEC_BENCHMARK, "min_clients");
	if (ok[mc] && r->benchmark_min_clients < 3)
		rules_report(c, c->raw[mc].line,
		             "min_clients = %d in [benchmark]: peer statistics over one or two "
		             "clients would show each client the other's figures; use 3 or more",
		             r->benchmark_min_clients);
	rules_check_columns(c, SEC_SURVEY_COLUMNS);
	rules_check_columns(c, SEC_TIMESHEET_COLUMNS);
	rules_resolve_input_settings(c, SEC_SURVEY_INPUT, &r->survey_input);
	rules_resolve_input_settings(c, SEC_TIMESHEET_INPUT, &r->timesheet_input);

	if (!c->raw[rules_key_index(SEC_ORGANISATION, "name")].value)
		rules_report(c, 0, "missing required key 'name' in [organisation]");
	if (!c->raw[rules_key_index(SEC_RATES, "default")].value)
		rules_report(c, 0, "missing required key 'default' in [rates]");
}
