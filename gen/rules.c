/* rules.c - the rules file (SPEC §3, §11.14-18, §11.34) -> struct rules.
 *
 * The only file that includes <ini.h>.  Debian's inih 55 misreads three kinds of line
 * without saying so: a line of 200 bytes or more is split and its tail parsed as a line
 * of its own, a section name is cut after 49 bytes, and an indented line continues the
 * previous value.  So the text is first scanned line by line here: every line inih could
 * misread is reported and handed to inih as an empty line, and the section of every line
 * is taken from this scan, never from inih.  inih is fed one physical line per reader
 * call, which tells the handler its line number.
 *
 * Loading is two passes: the handler stores the last raw value of every fixed key (a
 * duplicate key: the last wins, §11.15), then every stored value is checked and
 * converted.  All problems are collected and printed sorted by line. */
#include "rules.h"

#include <assert.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ini.h>

#include "fields.h"
#include "profile.h"
#include "util.h"

/* The longest line (without its line end) handed to inih: its buffer of 200 bytes
 * must also hold "\r\n" and the terminating NUL.  A longer key line (a Google
 * Forms question as a column name, a sentence in [survey_scale]) is split into key
 * and value here, the way inih would, and never reaches inih; RULES_LONG_LINE
 * bounds it. */
#define RULES_MAX_LINE 197
#define RULES_LONG_LINE 4096

const char *const survey_column_names[SC_COUNT] = {
	"employee_id", "submitted", "department", "role", "ai_days_per_week",
	"tool_knowledge", "application_breadth", "autonomy", "innovation",
	"knowledge_sharing", "satisfaction", "training_date", "mentor_id",
};

const char *const timesheet_column_names[TC_COUNT] = {
	"employee_id", "date", "use_case", "minutes", "hours", "ai_assisted", "items",
	"department", "start", "end", "break",
};

enum section {
	SEC_UNKNOWN = -2,   /* reported at its header; its keys are skipped */
	SEC_NONE = -1,      /* before the first header */
	SEC_ORGANISATION, SEC_PERIOD, SEC_INPUT, SEC_PRIVACY, SEC_ADOPTION, SEC_MATURITY,
	SEC_BASELINE, SEC_COSTS, SEC_RATES, SEC_RATES_ROLE, SEC_RATES_DEPARTMENT,
	SEC_USE_CASES, SEC_TARGETS, SEC_RISK, SEC_SURVEY_COLUMNS, SEC_TIMESHEET_COLUMNS,
	SEC_SURVEY_INPUT, SEC_TIMESHEET_INPUT, SEC_TIMESHEET_VALUES, SEC_SURVEY_SCALE, SEC_IDENTITY,
	SEC_COUNT
};

static const char *const section_names[SEC_COUNT] = {
	"organisation", "period", "input", "privacy", "adoption", "maturity",
	"baseline", "costs", "rates", "rates.role", "rates.department",
	"use_cases", "targets", "risk", "survey_columns", "timesheet_columns",
	"survey_input", "timesheet_input", "timesheet_values", "survey_scale", "identity",
};

/* How a fixed key's value is checked and stored. */
enum value_kind {
	K_TEXT,        /* char *, copied */
	K_PATH,        /* char *, resolved against the rules file's folder, must be readable */
	K_INT,         /* int in [min, max] */
	K_NUMBER,      /* double in [min, max] */
	K_RATIO,       /* double in [min, max], written "60%" or "0.6" */
	K_OPT_NUMBER,  /* struct opt_number in [min, max]; "off" unsets it */
	K_OPT_RATIO,   /* struct opt_number, written like K_RATIO; "off" unsets it */
	K_DATE,        /* int32_t days, with the bool at flag */
	K_BOOL,
	K_LANGUAGE, K_CURRENCY, K_QUARTER, K_ENCODING, K_DELIMITER, K_OVERALL,
	K_DATE_ORDER,  /* enum date_order */
	K_MARKERS,     /* the comma-separated AI markers */
	K_FILE,        /* char *, resolved like K_PATH, a readable regular file */
	K_PROFILE,     /* char *, a profile's name (profile.h), NULL for auto */
};

struct key_spec {
	enum section section;
	const char *name;
	enum value_kind kind;
	size_t offset;   /* of the field in struct rules */
	size_t flag;     /* of the bool that K_DATE sets */
	double min, max; /* DBL_MAX / INT_MAX: no upper bound */
};

#define FIELD(f) offsetof(struct rules, f)

/* Upper bounds that keep every money figure printable: no hourly rate or cost
 * reaches a billion, no baseline a year of minutes per item. */
#define MONEY_MAX 1e9
#define MINUTES_MAX 525600.0
#define HOURS_MAX 1e6

/* Every fixed key, section by section (the order of §3). */
static const struct key_spec key_specs[] = {
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
	 * order matters: resolve_input_settings() walks them in step with [input]) */
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
};
#define NKEYS ARRAY_LEN(key_specs)

struct choice {
	const char *name;
	int value;
};
static const struct choice language_choices[] = {
	{ "nl", LANG_NL }, { "en", LANG_EN }, { "de", LANG_DE }, { NULL, 0 },
};
static const struct choice overall_choices[] = {
	{ "median", OVERALL_MEDIAN }, { "min", OVERALL_MIN }, { "mean", OVERALL_MEAN }, { NULL, 0 },
};
static const struct choice encoding_choices[] = {
	{ "auto", ENCODING_AUTO }, { "utf-8", ENCODING_UTF8 }, { "utf8", ENCODING_UTF8 },
	{ "windows-1252", ENCODING_WINDOWS1252 }, { "cp1252", ENCODING_WINDOWS1252 },
	{ NULL, 0 },
};
static const struct choice delimiter_choices[] = {
	{ "auto", 0 }, { "comma", ',' }, { ",", ',' }, { "semicolon", ';' }, { ";", ';' },
	{ "tab", '\t' }, { NULL, 0 },
};
static const struct choice date_order_choices[] = {
	{ "auto", DATE_ORDER_AUTO }, { "dmy", DATE_ORDER_DMY }, { "mdy", DATE_ORDER_MDY },
	{ "ymd", DATE_ORDER_YMD }, { NULL, 0 },
};
static const struct choice bool_choices[] = {
	{ "true", 1 }, { "yes", 1 }, { "1", 1 }, { "false", 0 }, { "no", 0 }, { "0", 0 },
	{ NULL, 0 },
};

enum line_kind { LINE_IGNORED, LINE_SECTION, LINE_KEY };

struct line {
	const char *text;    /* into the file's bytes, without the line end */
	size_t len;
	enum line_kind kind;
	enum section section;   /* of a key line */
	size_t separator;       /* of a key line: offset of its first '=' or ':' */
};

struct message {
	int line;      /* 0: about the whole file, printed after the numbered ones */
	size_t seq;
	char *text;
};

struct raw_value {
	char *value;   /* NULL: the key does not occur */
	int line;
};

/* The state of one rules_load(). */
struct load {
	struct rules *r;
	struct line *lines;
	size_t nlines, lines_cap;
	size_t fed;                 /* lines handed to inih so far */
	struct raw_value raw[NKEYS];
	int survey_column_line[SC_COUNT];
	int timesheet_column_line[TC_COUNT];
	struct message *messages;
	size_t nmessages, messages_cap;
};

static void report(struct load *c, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Collects one problem; the path prefix is added when the messages are printed. */
static void report(struct load *c, int line, const char *fmt, ...)
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

static void print_messages(struct load *c, FILE *err)
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

static bool is_blank_char(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\v' || ch == '\f' || ch == '\r';
}

/* A near miss: at most two edits, and fewer than half of the candidate's letters. */
static bool is_near_miss(const char *typed, const char *candidate)
{
	size_t d = edit_distance(typed, candidate);
	return d <= 2 && d * 2 < strlen(candidate) + 1;
}

/* The nearest of names[0..n) to typed when it is a near miss, else NULL. */
static const char *nearest_name(const char *typed, const char *const *names, size_t n)
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

/* --- the pre-scan ------------------------------------------------------------------- */

/* Mirrors inih: the first of chars, or an inline comment (';' after white space), or
 * the end; returns its offset. */
static size_t find_chars_or_comment(const char *s, size_t n, const char *chars)
{
	bool was_space = false;
	size_t i = 0;
	for (; i < n; i++) {
		if (strchr(chars, s[i]) || (was_space && s[i] == ';'))
			break;
		was_space = is_blank_char(s[i]);
	}
	return i;
}

static enum section section_by_name(const char *name)
{
	for (int s = 0; s < SEC_COUNT; s++)
		if (ascii_casecmp(name, section_names[s]) == 0)
			return (enum section)s;
	return SEC_UNKNOWN;
}

/* Checks a "[...]" line and returns the section it opens; inih sees the line only
 * when it is well formed. */
static enum section scan_section_header(struct load *c, int lineno, struct line *l)
{
	const char *s = l->text;
	size_t n = l->len;
	assert(n > 0 && s[0] == '[');
	size_t close = 1 + find_chars_or_comment(s + 1, n - 1, "]");
	if (close >= n || s[close] != ']') {
		report(c, lineno, "section header without closing ']'");
		return SEC_UNKNOWN;
	}
	size_t rest = close + 1;
	while (rest < n && is_blank_char(s[rest]))
		rest++;
	if (rest < n && s[rest] != ';' && s[rest] != '#')
		report(c, lineno, "unexpected text after ']'");
	l->kind = LINE_SECTION;

	size_t len = close - 1;
	const char *name = trim_span(s + 1, &len);
	char *copy = xstrndup(name, len);
	enum section sec = section_by_name(copy);
	if (sec == SEC_UNKNOWN) {
		const char *hint = nearest_name(copy, section_names, SEC_COUNT);
		if (hint)
			report(c, lineno, "unknown section [%s]; did you mean [%s]?", copy, hint);
		else
			report(c, lineno, "unknown section [%s]", copy);
	}
	free(copy);
	return sec;
}

/* Splits the text into lines, reports every line inih could misread and decides
 * which lines inih sees and which section each key line belongs to. */
static void scan_lines(struct load *c, const char *text, size_t size)
{
	enum section current = SEC_NONE;
	size_t pos = 0;
	while (pos < size) {
		const char *start = text + pos;
		const char *nl = memchr(start, '\n', size - pos);
		size_t len = nl ? (size_t)(nl - start) : size - pos;
		pos += len + (nl != NULL);
		if (len && start[len - 1] == '\r')
			len--;

		GROW(c->lines, c->lines_cap, c->nlines + 1);
		struct line *l = &c->lines[c->nlines++];
		*l = (struct line){ start, len, LINE_IGNORED, current, 0 };
		int lineno = (int)c->nlines;

		size_t first = 0;
		while (first < len && is_blank_char(start[first]))
			first++;
		if (first == len || start[first] == ';' || start[first] == '#')
			continue;   /* blank, or a comment of any length, also indented */
		bool header = start[first] == '[';
		if (header)
			current = SEC_UNKNOWN;   /* a broken header's keys are skipped, not filed
			                          * under the section before it */
		if (memchr(start, '\0', len)) {
			report(c, lineno, "line contains a NUL byte");
		} else if (!utf8_valid(start, len)) {
			report(c, lineno, "line is not valid UTF-8 (save the rules file as UTF-8)");
		} else if (first > 0) {
			report(c, lineno, "line starts with white space; remove the indentation "
			       "(a value cannot continue on the next line)");
		} else if (len > RULES_LONG_LINE || (header && len > RULES_MAX_LINE)) {
			report(c, lineno, "line is %zu bytes long; at most %d are supported",
			       len, header ? RULES_MAX_LINE : RULES_LONG_LINE);
		} else if (header) {
			current = scan_section_header(c, lineno, l);
		} else {
			size_t sep = find_chars_or_comment(start, len, "=:");
			if (sep == len || start[sep] == ';') {
				report(c, lineno, "expected 'key = value', a [section] or a comment");
			} else {
				l->kind = LINE_KEY;
				l->separator = sep;
			}
		}
	}
}

/* --- inih ----------------------------------------------------------------------------- */

static int on_key(void *user, const char *inih_section, const char *key, const char *value);

/* A key line too long for inih, split as inih splits one: the key before the
 * separator, the value after it up to an inline comment, both trimmed. */
static void long_key_line(struct load *c, const struct line *l)
{
	size_t klen = l->separator;
	const char *k = trim_span(l->text, &klen);
	const char *v = l->text + l->separator + 1;
	size_t vlen = l->len - l->separator - 1;
	while (vlen && is_blank_char(*v)) {
		v++;
		vlen--;
	}
	vlen = find_chars_or_comment(v, vlen, "");
	trim_span(v, &vlen);
	while (vlen && is_blank_char(v[vlen - 1]))
		vlen--;
	char *key = xstrndup(k, klen), *value = xstrndup(v, vlen);
	on_key(c, NULL, key, value);
	free(key);
	free(value);
}

/* inih's reader: one physical line per call, an ignored line as an empty one. */
static char *feed_line(char *str, int num, void *stream)
{
	struct load *c = stream;
	if (c->fed == c->nlines)
		return NULL;
	struct line *l = &c->lines[c->fed++];
	size_t n = l->kind == LINE_IGNORED ? 0 : l->len;
	if (l->kind == LINE_KEY && l->len > RULES_MAX_LINE) {
		/* inih has handled every line before this one: the order of keys holds */
		long_key_line(c, l);
		n = 0;
	}
	assert(num > 0);
	if (n + 2 > (size_t)num) {
		/* Only when inih's buffer shrinks below RULES_MAX_LINE. */
		report(c, (int)c->fed, "line is %zu bytes long; at most %d are supported",
		       l->len, num - 3);
		l->kind = LINE_IGNORED;
		n = 0;
	}
	memcpy(str, l->text, n);
	str[n] = '\n';
	str[n + 1] = '\0';
	return str;
}

static void report_unknown_key(struct load *c, int lineno, enum section sec, const char *key)
{
	const char *names[NKEYS + SC_COUNT + TC_COUNT];
	size_t n = 0;
	if (sec == SEC_SURVEY_COLUMNS) {
		for (size_t i = 0; i < SC_COUNT; i++)
			names[n++] = survey_column_names[i];
	} else if (sec == SEC_TIMESHEET_COLUMNS) {
		for (size_t i = 0; i < TC_COUNT; i++)
			names[n++] = timesheet_column_names[i];
	} else {
		for (size_t i = 0; i < NKEYS; i++)
			if (key_specs[i].section == sec)
				names[n++] = key_specs[i].name;
	}
	const char *hint = nearest_name(key, names, n);
	if (hint) {
		report(c, lineno, "unknown key '%s' in [%s]; did you mean '%s'?", key,
		       section_names[sec], hint);
		return;
	}
	/* The right key in the wrong section. */
	const char *home = NULL;
	for (size_t i = 0; i < NKEYS && !home; i++)
		if (ascii_casecmp(key, key_specs[i].name) == 0)
			home = section_names[key_specs[i].section];
	for (size_t i = 0; i < SC_COUNT && !home; i++)
		if (ascii_casecmp(key, survey_column_names[i]) == 0)
			home = section_names[SEC_SURVEY_COLUMNS];
	for (size_t i = 0; i < TC_COUNT && !home; i++)
		if (ascii_casecmp(key, timesheet_column_names[i]) == 0)
			home = section_names[SEC_TIMESHEET_COLUMNS];
	if (home)
		report(c, lineno, "unknown key '%s' in [%s]; it belongs in [%s]", key,
		       section_names[sec], home);
	else
		report(c, lineno, "unknown key '%s' in [%s]", key, section_names[sec]);
}

/* A name = number entry of [rates.role], [rates.department] or [use_cases]: the last
 * of the same name (ignoring ASCII case) wins and keeps its spelling. */
static void store_named_value(struct load *c, int lineno, enum section sec,
                              const char *name, const char *value)
{
	struct named_values *nv = sec == SEC_RATES_ROLE ? &c->r->role_rates
	                        : sec == SEC_RATES_DEPARTMENT ? &c->r->department_rates
	                        : &c->r->use_case_baselines;
	bool positive = sec == SEC_USE_CASES;
	double v, max = positive ? MINUTES_MAX : MONEY_MAX;
	if (parse_number(value, strlen(value), &v) != FIELD_OK || v < 0 || (positive && v == 0) ||
	    v > max) {
		report(c, lineno, "invalid value '%s' for '%s' in [%s]: expected %s", value, name,
		       section_names[sec],
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

/* answer text = 1..5; the last of the same text wins. */
static void store_scale(struct load *c, int lineno, const char *text, const char *value)
{
	struct rules *r = c->r;
	long v;
	if (parse_integer(value, strlen(value), &v) != FIELD_OK || v < 1 || v > 5) {
		report(c, lineno, "invalid value '%s' for '%s' in [survey_scale]: expected a whole "
		       "number from 1 to 5", value, text);
		return;
	}
	for (size_t i = 0; i < r->survey_scale_count; i++) {
		if (strcmp(r->survey_scale[i].text, text) == 0) {
			r->survey_scale[i].value = (int)v;
			return;
		}
	}
	GROW(r->survey_scale, r->survey_scale_cap, r->survey_scale_count + 1);
	r->survey_scale[r->survey_scale_count++] = (struct scale_word){ xstrdup(text), (int)v };
}

/* "First Name + Last Name" joins cells; a '+' with white space (or the end) on
 * both sides separates parts, and no part may be empty ("A + ", "+ B"). */
static bool join_parts_ok(const char *value)
{
	size_t n = strlen(value), part = 0;
	for (size_t i = 0; i <= n; i++) {
		bool separator = i < n && value[i] == '+' && (i == 0 || value[i - 1] == ' ') &&
		                 (i + 1 == n || value[i + 1] == ' ');
		if (!separator && i < n)
			continue;
		size_t len = i - part;
		trim_span(value + part, &len);
		if (len == 0 && (separator || part > 0))
			return false;
		part = i + 1;
	}
	return true;
}

/* canonical = export name; an empty value restores the canonical name. */
static void store_column(struct load *c, int lineno, enum section sec, const char *key,
                         const char *value)
{
	bool survey = sec == SEC_SURVEY_COLUMNS;
	const char *const *names = survey ? survey_column_names : timesheet_column_names;
	char **mapped = survey ? c->r->survey_columns : c->r->timesheet_columns;
	int *lines = survey ? c->survey_column_line : c->timesheet_column_line;
	size_t n = survey ? SC_COUNT : TC_COUNT;
	for (size_t i = 0; i < n; i++) {
		if (ascii_casecmp(key, names[i]) != 0)
			continue;
		if (!join_parts_ok(value)) {
			report(c, lineno, "'%s' in [%s] joins columns with ' + ' but a part is empty",
			       key, section_names[sec]);
			return;
		}
		free(mapped[i]);
		mapped[i] = *value ? xstrdup(value) : NULL;
		lines[i] = lineno;
		return;
	}
	report_unknown_key(c, lineno, sec, key);
}

/* inih's handler; the section comes from the pre-scan (inih may have cut it). */
static int on_key(void *user, const char *inih_section, const char *key, const char *value)
{
	(void)inih_section;
	struct load *c = user;
	int lineno = (int)c->fed;
	const struct line *l = &c->lines[lineno - 1];
	assert(l->kind == LINE_KEY);
	enum section sec = l->section;

	if (!*key) {
		report(c, lineno, "missing key before '%c'", l->text[l->separator]);
		return 1;
	}
	switch (sec) {
	case SEC_UNKNOWN:
		return 1;
	case SEC_NONE:
		report(c, lineno, "key '%s' outside any [section]", key);
		return 1;
	case SEC_RATES_ROLE:
	case SEC_RATES_DEPARTMENT:
	case SEC_USE_CASES:
		store_named_value(c, lineno, sec, key, value);
		return 1;
	case SEC_SURVEY_COLUMNS:
	case SEC_TIMESHEET_COLUMNS:
		store_column(c, lineno, sec, key, value);
		return 1;
	case SEC_SURVEY_SCALE:
		store_scale(c, lineno, key, value);
		return 1;
	default:
		break;
	}
	for (size_t i = 0; i < NKEYS; i++) {
		if (key_specs[i].section != sec || ascii_casecmp(key, key_specs[i].name) != 0)
			continue;
		/* inih reads "delimiter = ;" as an empty value and a comment (§11.3). */
		char *copy = NULL;
		if (key_specs[i].kind == K_DELIMITER && !*value) {
			size_t at = l->separator + 1;
			while (at < l->len && is_blank_char(l->text[at]))
				at++;
			size_t end = at;
			while (end < l->len && !is_blank_char(l->text[end]))
				end++;
			if (at < l->len && l->text[at] == ';')
				copy = xstrndup(l->text + at, end - at);
		}
		free(c->raw[i].value);
		c->raw[i].value = copy ? copy : xstrdup(value);
		c->raw[i].line = lineno;
		return 1;
	}
	report_unknown_key(c, lineno, sec, key);
	return 1;
}

/* --- values --------------------------------------------------------------------------- */

/* A ratio: "60%" (also "60 %") or a bare fraction; *percent tells which. */
static bool parse_ratio(const char *s, double *out, bool *percent)
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

bool rules_parse_ratio(const char *s, double *out)
{
	bool percent;
	return parse_ratio(s, out, &percent);
}

static bool match_choice(const struct choice *choices, const char *value, int *out)
{
	for (const struct choice *ch = choices; ch->name; ch++) {
		if (ascii_casecmp(value, ch->name) == 0) {
			*out = ch->value;
			return true;
		}
	}
	return false;
}

static void report_invalid(struct load *c, const struct raw_value *raw, const struct key_spec *k,
                           const char *expected)
{
	report(c, raw->line, "invalid value '%s' for '%s' in [%s]: expected %s", raw->value,
	       k->name, section_names[k->section], expected);
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
	report_invalid(c, raw, k, expected);
}

/* A K_RATIO / K_OPT_RATIO value; false when reported. */
static bool ratio_value(struct load *c, const struct raw_value *raw, const struct key_spec *k,
                        double *out)
{
	bool share = k->max == 1;
	double d;
	bool percent;
	bool ok = parse_ratio(raw->value, &d, &percent);
	if (ok && share && !percent && d > 1) {
		/* §11.17: "5" is not silently read as 5 %. */
		report(c, raw->line, "invalid value '%s' for '%s' in [%s]: a share above 1; "
		       "write '%s%%' for a percentage", raw->value, k->name,
		       section_names[k->section], raw->value);
		return false;
	}
	if (!ok || d < k->min || d > k->max) {
		char expected[96];
		snprintf(expected, sizeof(expected), "%s%s",
		         share ? "a share from 0% to 100%, such as 60% or 0.6"
		               : "a percentage of at least -100%, such as 200% or 2",
		         k->kind == K_OPT_RATIO ? ", or off" : "");
		report_invalid(c, raw, k, expected);
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
static char *resolve_path(const char *rules_path, const char *value)
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
		report(c, raw->line, "cannot read %s '%s': not a regular file", k->name, path);
		return false;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		report(c, raw->line, "cannot read %s '%s': %s", k->name, path, strerror(errno));
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
		report(c, raw->line, "%s '%s' is not a %s file", k->name, path,
		       is_logo ? "PNG" : "TrueType font (.ttf)");
	return ok;
}

/* [timesheet_values] ai_assisted = AI, KI, AI-ondersteund: trimmed, none empty. */
static bool markers_value(struct load *c, const struct raw_value *raw, const struct key_spec *k)
{
	struct rules *r = c->r;
	const char *p = raw->value;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		const char *m = trim_span(p, &len);
		if (len == 0 || len > 64) {
			report_invalid(c, raw, k, "markers separated by commas, such as AI, KI "
			               "(none empty, each at most 64 bytes)");
			return false;
		}
		GROW(r->ai_markers, r->ai_marker_cap, r->ai_marker_count + 1);
		r->ai_markers[r->ai_marker_count++] = xstrndup(m, len);
		if (!comma)
			return true;
		p = comma + 1;
	}
}

/* Checks one stored value and writes it into *r; an empty value keeps the default.
 * Returns false when the value was reported as invalid. */
static bool apply_value(struct load *c, const struct key_spec *k, const struct raw_value *raw)
{
	struct rules *r = c->r;
	char *field = (char *)r + k->offset;
	const char *v = raw->value;
	double d;
	long n;
	int choice;

	if (!*v) {
		if (k->offset == FIELD(org_name) || k->offset == FIELD(rate_default)) {
			report(c, raw->line, "'%s' in [%s] must not be empty", k->name,
			       section_names[k->section]);
			return false;
		}
		return true;
	}
	switch (k->kind) {
	case K_TEXT:
		/* the name becomes a folder name, which the file system limits */
		if (k->offset == FIELD(org_name) && utf8_length(v, strlen(v)) > 200) {
			report(c, raw->line, "'name' in [organisation] is %zu characters long; at most "
			       "200 are supported", utf8_length(v, strlen(v)));
			return false;
		}
		*(char **)field = xstrdup(v);
		return true;
	case K_PATH: {
		char *path = resolve_path(r->path, v);
		if (!check_asset(c, raw, k, path)) {
			free(path);
			return false;
		}
		*(char **)field = path;
		return true;
	}
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
			report_invalid(c, raw, k, "a date such as 2026-01-01 or 01-01-2026");
			return false;
		}
		*(int32_t *)field = day;
		*(bool *)((char *)r + k->flag) = true;
		return true;
	}
	case K_BOOL:
		if (!match_choice(bool_choices, v, &choice)) {
			report_invalid(c, raw, k, "true or false");
			return false;
		}
		*(bool *)field = choice != 0;
		return true;
	case K_LANGUAGE:
		if (!match_choice(language_choices, v, &choice)) {
			report_invalid(c, raw, k, "nl, en or de");
			return false;
		}
		r->language = (enum lang)choice;
		return true;
	case K_CURRENCY:
		if (strlen(v) != 3 || !is_ascii_letter(v[0]) || !is_ascii_letter(v[1]) ||
		    !is_ascii_letter(v[2])) {
			report_invalid(c, raw, k, "a 3-letter ISO 4217 code such as EUR");
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
			report_invalid(c, raw, k, "auto or a quarter such as 2026-Q3");
			return false;
		}
		r->quarter_year = q / 4;
		r->quarter = q % 4 + 1;
		return true;
	}
	case K_ENCODING:
		if (!match_choice(encoding_choices, v, &choice)) {
			report_invalid(c, raw, k, "auto, utf-8 or windows-1252");
			return false;
		}
		*(enum encoding_mode *)field = (enum encoding_mode)choice;
		return true;
	case K_DELIMITER:
		if (!match_choice(delimiter_choices, v, &choice)) {
			report_invalid(c, raw, k, "auto, comma, semicolon, tab, ',' or ';'");
			return false;
		}
		*field = (char)choice;
		return true;
	case K_OVERALL:
		if (!match_choice(overall_choices, v, &choice)) {
			report_invalid(c, raw, k, "median, min or mean");
			return false;
		}
		r->overall = (enum overall_mode)choice;
		return true;
	case K_DATE_ORDER:
		if (!match_choice(date_order_choices, v, &choice)) {
			report_invalid(c, raw, k, "auto, dmy, mdy or ymd");
			return false;
		}
		*(enum date_order *)field = (enum date_order)choice;
		return true;
	case K_MARKERS:
		return markers_value(c, raw, k);
	case K_PROFILE: {
		enum profile_kind kind = (enum profile_kind)(int)k->min;
		if (ascii_casecmp(v, "auto") == 0)
			return true;
		if (!profile_find(kind, v)) {
			report_invalid(c, raw, k, profile_names(kind));
			return false;
		}
		*(char **)field = xstrdup(v);
		return true;
	}
	case K_FILE: {
		char *path = resolve_path(r->path, v);
		struct stat st;
		FILE *f = NULL;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
			report(c, raw->line, "cannot read %s '%s': not a regular file", k->name, path);
		else if (!(f = fopen(path, "rb")))
			report(c, raw->line, "cannot read %s '%s': %s", k->name, path, strerror(errno));
		if (!f) {
			free(path);
			return false;
		}
		fclose(f);
		*(char **)field = path;
		return true;
	}
	}
	return false;
}

/* Two canonical columns that would read the same export column (header names match
 * ignoring case) leave one of them always missing. */
static void check_columns(struct load *c, enum section sec)
{
	bool survey = sec == SEC_SURVEY_COLUMNS;
	const char *const *names = survey ? survey_column_names : timesheet_column_names;
	char *const *mapped = survey ? c->r->survey_columns : c->r->timesheet_columns;
	const int *lines = survey ? c->survey_column_line : c->timesheet_column_line;
	size_t n = survey ? SC_COUNT : TC_COUNT;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++) {
			const char *a = mapped[i] ? mapped[i] : names[i];
			const char *b = mapped[j] ? mapped[j] : names[j];
			if (!mapped[i] && !mapped[j])
				continue;
			if (ascii_casecmp(a, b) != 0)
				continue;
			/* a marker may sit in a text column that is read for something else
			 * (Harvest's notes, Personio's comment) */
			if (!survey && (i == TC_AI_ASSISTED || j == TC_AI_ASSISTED))
				continue;
			int line = lines[i] > lines[j] ? lines[i] : lines[j];
			report(c, line, "columns '%s' and '%s' in [%s] both read the column '%s'",
			       names[i], names[j], section_names[sec], b);
		}
	}
}

static size_t key_index(enum section sec, const char *name)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (key_specs[i].section == sec && strcmp(key_specs[i].name, name) == 0)
			return i;
	assert(!"no such key");
	return 0;
}

/* A per-file key that is not written takes [input]'s value. */
static void resolve_input_settings(struct load *c, enum section sec, struct input_settings *in)
{
	struct rules *r = c->r;
	if (!c->raw[key_index(sec, "encoding")].value)
		in->encoding = r->encoding;
	if (!c->raw[key_index(sec, "delimiter")].value)
		in->delimiter = r->delimiter;
	if (!c->raw[key_index(sec, "date_order")].value)
		in->date_order = r->date_order;
	if (!c->raw[key_index(sec, "header_rows")].value)
		in->header_rows = r->header_rows;
	in->header_rows_set = c->raw[key_index(sec, "header_rows")].value ||
	                      c->raw[key_index(SEC_INPUT, "header_rows")].value;
	if (!in->sheet && r->sheet)
		in->sheet = xstrdup(r->sheet);
}

/* Converts every stored value, then checks what spans several keys. */
static void apply_all(struct load *c)
{
	struct rules *r = c->r;
	bool ok[NKEYS];
	for (size_t i = 0; i < NKEYS; i++)
		ok[i] = !c->raw[i].value || apply_value(c, &key_specs[i], &c->raw[i]);

	size_t l2 = key_index(SEC_MATURITY, "level2_min"), l3 = key_index(SEC_MATURITY, "level3_min");
	if (ok[l2] && ok[l3] && r->level2_min > r->level3_min)
		report(c, c->raw[l2].line > c->raw[l3].line ? c->raw[l2].line : c->raw[l3].line,
		       "level2_min (%g) must not be above level3_min (%g) in [maturity]",
		       r->level2_min, r->level3_min);
	size_t from = key_index(SEC_BASELINE, "from"), to = key_index(SEC_BASELINE, "to");
	if (r->has_baseline_from && r->has_baseline_to && r->baseline_from > r->baseline_to)
		report(c, c->raw[from].line > c->raw[to].line ? c->raw[from].line : c->raw[to].line,
		       "'from' (%s) is after 'to' (%s) in [baseline]",
		       c->raw[from].value, c->raw[to].value);
	check_columns(c, SEC_SURVEY_COLUMNS);
	check_columns(c, SEC_TIMESHEET_COLUMNS);
	resolve_input_settings(c, SEC_SURVEY_INPUT, &r->survey_input);
	resolve_input_settings(c, SEC_TIMESHEET_INPUT, &r->timesheet_input);

	if (!c->raw[key_index(SEC_ORGANISATION, "name")].value)
		report(c, 0, "missing required key 'name' in [organisation]");
	if (!c->raw[key_index(SEC_RATES, "default")].value)
		report(c, 0, "missing required key 'default' in [rates]");
}

/* --- public ----------------------------------------------------------------------------- */

const struct named_value *named_values_find(const struct named_values *nv, const char *name)
{
	for (size_t i = 0; i < nv->count; i++)
		if (ascii_casecmp(nv->items[i].name, name) == 0)
			return &nv->items[i];
	return NULL;
}

void rules_init(struct rules *r)
{
	memset(r, 0, sizeof(*r));
	r->language = LANG_NL;
	memcpy(r->currency, "EUR", 4);
	r->encoding = ENCODING_AUTO;
	r->delimiter = 0;
	r->date_order = DATE_ORDER_AUTO;
	r->header_rows = 1;
	r->survey_input = r->timesheet_input = (struct input_settings){ .header_rows = 1 };
	r->identity_min_match = 0.5;
	r->max_reject_ratio = 0.05;
	r->min_group_size = 5;
	r->employee_sheet = false;
	r->active_min_days_per_week = 1;
	r->active_min_ai_entries = 0;
	r->level2_min = 3;
	r->level3_min = 4;
	r->overall = OVERALL_MEDIAN;
	r->realisation = 1;
	r->target_adoption = (struct opt_number){ true, 0.6 };
	r->target_hours_saved_per_week = (struct opt_number){ true, 40 };
	r->target_roi = (struct opt_number){ true, 2.0 };
	r->target_maturity = (struct opt_number){ true, 2.0 };
	r->concentration_share = 0.5;
}

static void named_values_free(struct named_values *nv)
{
	for (size_t i = 0; i < nv->count; i++)
		free(nv->items[i].name);
	free(nv->items);
}

void rules_free(struct rules *r)
{
	if (!r)
		return;
	free(r->path);
	free(r->org_name);
	free(r->prepared_by);
	free(r->logo);
	free(r->font);
	named_values_free(&r->role_rates);
	named_values_free(&r->department_rates);
	named_values_free(&r->use_case_baselines);
	for (size_t i = 0; i < SC_COUNT; i++)
		free(r->survey_columns[i]);
	for (size_t i = 0; i < TC_COUNT; i++)
		free(r->timesheet_columns[i]);
	free(r->sheet);
	free(r->survey_input.sheet);
	free(r->timesheet_input.sheet);
	free(r->survey_input.profile);
	free(r->timesheet_input.profile);
	for (size_t i = 0; i < r->ai_marker_count; i++)
		free(r->ai_markers[i]);
	free(r->ai_markers);
	for (size_t i = 0; i < r->survey_scale_count; i++)
		free((char *)r->survey_scale[i].text);
	free(r->survey_scale);
	free(r->identity_map);
	rules_init(r);
}

/* Reads the whole file; returns NULL with errno set on failure. */
static char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed) {
		buf_free(&b);
		errno = saved ? saved : EIO;
		return NULL;
	}
	buf_reserve(&b, 0);
	b.data[b.len] = '\0';
	*size = b.len;
	return b.data;
}

int rules_load(struct rules *r, const char *path, FILE *err)
{
	rules_init(r);
	r->path = xstrdup(path);

	size_t size = 0;
	char *text = read_file(path, &size);
	if (!text) {
		fprintf(err, "aireport: %s: cannot read: %s\n", path, strerror(errno));
		rules_free(r);
		return EXIT_IO;
	}

	struct load c = { .r = r };
	const char *body = text;
	if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		body += 3;
		size -= 3;
	}
	scan_lines(&c, body, size);
	int rc = ini_parse_stream(feed_line, &c, on_key, &c);
	if (rc == -2)
		report(&c, 0, "out of memory while reading");
	else if (rc > 0)
		report(&c, rc, "syntax error");   /* the pre-scan lets no such line through */
	apply_all(&c);

	int status = c.nmessages ? EXIT_USAGE : EXIT_OK;
	print_messages(&c, err);
	for (size_t i = 0; i < c.nmessages; i++)
		free(c.messages[i].text);
	free(c.messages);
	for (size_t i = 0; i < NKEYS; i++)
		free(c.raw[i].value);
	free(c.lines);
	free(text);
	if (status != EXIT_OK)
		rules_free(r);
	return status;
}
