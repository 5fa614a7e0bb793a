/* rules_syntax.c - the text of a rules file: every line scanned, then inih.
 *
 * The only file that includes <ini.h>.  Debian's inih 55 misreads three kinds of line
 * without saying so: a line of 200 bytes or more is split and its tail parsed as a line
 * of its own, a section name is cut after 49 bytes, and an indented line continues the
 * previous value.  So the text is first scanned line by line here: every line inih could
 * misread is reported and handed to inih as an empty line, and the section of every line
 * is taken from this scan, never from inih.  inih is fed one physical line per reader
 * call, which tells the handler its line number.  The handler stores the last raw value
 * of every fixed key; rules_values.c checks them afterwards. */
#include "rules_syntax.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "rules_input.h"
#include "rules_keys.h"
#include "rules_values.h"
#include "util.h"

/* The longest line (without its line end) handed to inih: its buffer of 200 bytes
 * must also hold "\r\n" and the terminating NUL.  A longer key line (a Google
 * Forms question as a column name, a sentence in [survey_scale]) is split into key
 * and value here, the way inih would, and never reaches inih; RULES_LONG_LINE
 * bounds it. */
#define RULES_MAX_LINE 197
#define RULES_LONG_LINE 4096

static bool is_blank_char(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\v' || ch == '\f' || ch == '\r';
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
		if (ascii_casecmp(name, rules_section_names[s]) == 0)
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
		rules_report(c, lineno, "section header without closing ']'");
		return SEC_UNKNOWN;
	}
	size_t rest = close + 1;
	while (rest < n && is_blank_char(s[rest]))
		rest++;
	if (rest < n && s[rest] != ';' && s[rest] != '#')
		rules_report(c, lineno, "unexpected text after ']'");
	l->kind = LINE_SECTION;

	size_t len = close - 1;
	const char *name = trim_span(s + 1, &len);
	char *copy = xstrndup(name, len);
	enum section sec = section_by_name(copy);
	if (sec == SEC_UNKNOWN) {
		const char *hint = rules_nearest_name(copy, rules_section_names, SEC_COUNT);
		if (hint)
			rules_report(c, lineno, "unknown section [%s]; did you mean [%s]?", copy, hint);
		else
			rules_report(c, lineno, "unknown section [%s]", copy);
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
			rules_report(c, lineno, "line contains a NUL byte");
		} else if (!utf8_valid(start, len)) {
			rules_report(c, lineno, "line is not valid UTF-8 (save the rules file as UTF-8)");
		} else if (first > 0) {
			rules_report(c, lineno, "line starts with white space; remove the indentation "
			             "(a value cannot continue on the next line)");
		} else if (len > RULES_LONG_LINE || (header && len > RULES_MAX_LINE)) {
			rules_report(c, lineno, "line is %zu bytes long; at most %d are supported",
			             len, header ? RULES_MAX_LINE : RULES_LONG_LINE);
		} else if (header) {
			current = scan_section_header(c, lineno, l);
		} else {
			size_t sep = find_chars_or_comment(start, len, "=:");
			if (sep == len || start[sep] == ';') {
				rules_report(c, lineno, "expected 'key = value', a [section] or a comment");
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
		rules_report(c, (int)c->fed, "line is %zu bytes long; at most %d are supported",
		             l->len, num - 3);
		l->kind = LINE_IGNORED;
		n = 0;
	}
	memcpy(str, l->text, n);
	str[n] = '\n';
	str[n + 1] = '\0';
	return str;
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
		rules_report(c, lineno, "missing key before '%c'", l->text[l->separator]);
		return 1;
	}
	switch (sec) {
	case SEC_UNKNOWN:
		return 1;
	case SEC_NONE:
		rules_report(c, lineno, "key '%s' outside any [section]", key);
		return 1;
	case SEC_RATES_ROLE:
	case SEC_RATES_DEPARTMENT:
	case SEC_USE_CASES:
		rules_store_named_value(c, lineno, sec, key, value);
		return 1;
	case SEC_SURVEY_COLUMNS:
	case SEC_TIMESHEET_COLUMNS:
		rules_store_column(c, lineno, sec, key, value);
		return 1;
	case SEC_SURVEY_SCALE:
		rules_store_scale(c, lineno, key, value);
		return 1;
	default:
		break;
	}
	for (size_t i = 0; i < RULES_NKEYS; i++) {
		if (rules_key_specs[i].section != sec || ascii_casecmp(key, rules_key_specs[i].name) != 0)
			continue;
		/* inih reads "delimiter = ;" as an empty value and a comment (§11.3). */
		char *copy = NULL;
		if (rules_key_specs[i].kind == K_DELIMITER && !*value) {
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
	rules_report_unknown_key(c, lineno, sec, key);
	return 1;
}

void rules_parse_text(struct load *c, const char *text, size_t size)
{
	scan_lines(c, text, size);
	int rc = ini_parse_stream(feed_line, c, on_key, c);
	if (rc == -2)
		rules_report(c, 0, "out of memory while reading");
	else if (rc > 0)
		rules_report(c, rc, "syntax error");   /* the pre-scan lets no such line through */
}
