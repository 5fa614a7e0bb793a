/* rules_keys.h - what the parts of a rules load share (rules_keys.c): the
 * sections and fixed keys a rules file may hold, how each key's value is stored,
 * and the state of one load with its collected messages.  Only rules*.c include
 * it; everyone else uses rules.h. */
#ifndef AIREPORT_RULES_KEYS_H
#define AIREPORT_RULES_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "rules.h"

enum section {
	SEC_UNKNOWN = -2,   /* reported at its header; its keys are skipped */
	SEC_NONE = -1,      /* before the first header */
	SEC_ORGANISATION, SEC_PERIOD, SEC_INPUT, SEC_PRIVACY, SEC_ADOPTION, SEC_MATURITY,
	SEC_BASELINE, SEC_COSTS, SEC_RATES, SEC_RATES_ROLE, SEC_RATES_DEPARTMENT,
	SEC_USE_CASES, SEC_TARGETS, SEC_RISK, SEC_SURVEY_COLUMNS, SEC_TIMESHEET_COLUMNS,
	SEC_SURVEY_INPUT, SEC_TIMESHEET_INPUT, SEC_TIMESHEET_VALUES, SEC_SURVEY_SCALE, SEC_IDENTITY,
	SEC_BENCHMARK,
	SEC_COUNT
};

/* [organisation], [period], ... by enum section. */
extern const char *const rules_section_names[SEC_COUNT];

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

/* Every fixed key, section by section (the order of §3); a static assertion in
 * rules_keys.c keeps RULES_NKEYS the table's length. */
#define RULES_NKEYS 51
extern const struct key_spec rules_key_specs[RULES_NKEYS];

/* The index of the fixed key name in sec (which must exist). */
size_t rules_key_index(enum section sec, const char *name);

struct choice {
	const char *name;
	int value;
};

/* The value of the choice value names (ignoring ASCII case) into *out; false when
 * there is none. */
bool rules_match_choice(const struct choice *choices, const char *value, int *out);

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
	struct raw_value raw[RULES_NKEYS];
	int survey_column_line[SC_COUNT];
	int timesheet_column_line[TC_COUNT];
	struct message *messages;
	size_t nmessages, messages_cap;
};

/* Collects one problem; the path prefix is added when the messages are printed.
 * line 0: about the whole file, printed after the numbered ones. */
void rules_report(struct load *c, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "invalid value 'v' for 'key' in [section]: expected ..." */
void rules_report_invalid(struct load *c, const struct raw_value *raw, const struct key_spec *k,
                          const char *expected);
/* An unknown key of sec, with the nearest known key or the section it belongs in. */
void rules_report_unknown_key(struct load *c, int lineno, enum section sec, const char *key);
/* The nearest of names[0..n) to typed when it is a near miss, else NULL. */
const char *rules_nearest_name(const char *typed, const char *const *names, size_t n);
/* Prints the collected messages on err, sorted by line. */
void rules_print_messages(struct load *c, FILE *err);
/* Frees what the load holds (not *c->r). */
void rules_load_free(struct load *c);

#endif
