/* rules_input.c - the sections of a rules file that say how the exports are read:
 * [input], [survey_input] and [timesheet_input] (encoding, delimiter, date order,
 * header rows, sheet, profile), [survey_columns] and [timesheet_columns],
 * [timesheet_values], [survey_scale] and [identity]. */
#include "rules_input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fields.h"
#include "profile.h"
#include "rules_values.h"
#include "util.h"

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

/* answer text = 1..5; the last of the same text wins. */
void rules_store_scale(struct load *c, int lineno, const char *text, const char *value)
{
	struct rules *r = c->r;
	long v;
	if (parse_integer(value, strlen(value), &v) != FIELD_OK || v < 1 || v > 5) {
		rules_report(c, lineno, "invalid value '%s' for '%s' in [survey_scale]: expected a whole "
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
void rules_store_column(struct load *c, int lineno, enum section sec, const char *key,
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
			rules_report(c, lineno, "'%s' in [%s] joins columns with ' + ' but a part is empty",
			             key, rules_section_names[sec]);
			return;
		}
		free(mapped[i]);
		mapped[i] = *value ? xstrdup(value) : NULL;
		lines[i] = lineno;
		return;
	}
	rules_report_unknown_key(c, lineno, sec, key);
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
			rules_report_invalid(c, raw, k, "markers separated by commas, such as AI, KI "
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

/* A value of the sections about reading the exports: encoding, delimiter,
 * date_order and profile of [input], [survey_input] and [timesheet_input], the AI
 * markers of [timesheet_values] and the map of [identity].  false when reported. */
bool rules_input_value(struct load *c, const struct key_spec *k, const struct raw_value *raw,
                       char *field)
{
	struct rules *r = c->r;
	const char *v = raw->value;
	int choice;
	switch (k->kind) {
	case K_ENCODING:
		if (!rules_match_choice(encoding_choices, v, &choice)) {
			rules_report_invalid(c, raw, k, "auto, utf-8 or windows-1252");
			return false;
		}
		*(enum encoding_mode *)field = (enum encoding_mode)choice;
		return true;
	case K_DELIMITER:
		if (!rules_match_choice(delimiter_choices, v, &choice)) {
			rules_report_invalid(c, raw, k, "auto, comma, semicolon, tab, ',' or ';'");
			return false;
		}
		*field = (char)choice;
		return true;
	case K_DATE_ORDER:
		if (!rules_match_choice(date_order_choices, v, &choice)) {
			rules_report_invalid(c, raw, k, "auto, dmy, mdy or ymd");
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
			rules_report_invalid(c, raw, k, profile_names(kind));
			return false;
		}
		*(char **)field = xstrdup(v);
		return true;
	}
	case K_FILE: {
		char *path = rules_resolve_path(r->path, v);
		struct stat st;
		FILE *f = NULL;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
			rules_report(c, raw->line, "cannot read %s '%s': not a regular file", k->name, path);
		else if (!(f = fopen(path, "rb")))
			rules_report(c, raw->line, "cannot read %s '%s': %s", k->name, path, strerror(errno));
		if (!f) {
			free(path);
			return false;
		}
		fclose(f);
		*(char **)field = path;
		return true;
	}
	default:
		break;
	}
	return false;
}

/* Two canonical columns that would read the same export column (header names match
 * ignoring case) leave one of them always missing. */
void rules_check_columns(struct load *c, enum section sec)
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
			rules_report(c, line, "columns '%s' and '%s' in [%s] both read the column '%s'",
			             names[i], names[j], rules_section_names[sec], b);
		}
	}
}

/* A per-file key that is not written takes [input]'s value. */
void rules_resolve_input_settings(struct load *c, enum section sec, struct input_settings *in)
{
	struct rules *r = c->r;
	if (!c->raw[rules_key_index(sec, "encoding")].value)
		in->encoding = r->encoding;
	if (!c->raw[rules_key_index(sec, "delimiter")].value)
		in->delimiter = r->delimiter;
	if (!c->raw[rules_key_index(sec, "date_order")].value)
		in->date_order = r->date_order;
	if (!c->raw[rules_key_index(sec, "header_rows")].value)
		in->header_rows = r->header_rows;
	in->header_rows_set = c->raw[rules_key_index(sec, "header_rows")].value ||
	                      c->raw[rules_key_index(SEC_INPUT, "header_rows")].value;
	if (!in->sheet && r->sheet)
		in->sheet = xstrdup(r->sheet);
}
