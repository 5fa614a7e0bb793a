/* fuzz_fields.c - libFuzzer harness for the field parsers (gen/fields.c) and the
 * number formatting of util.c.
 *
 * Each parser runs on the whole input; the results are checked against the
 * grammar of SPEC §11.6-7 written out independently here, and against the
 * calendar functions they rely on. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "util.h"

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ^[+-]?(\d+([.,]\d*)?|[.,]\d+)$ on s[0..n), already trimmed. */
static bool number_grammar(const char *s, size_t n)
{
	size_t i = 0, a = 0, b = 0;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	while (i < n && digit(s[i]))
		i++, a++;
	if (i < n && (s[i] == '.' || s[i] == ','))
		for (i++; i < n && digit(s[i]); i++)
			b++;
	return i == n && (a || b);
}

static void check_number(const char *s, size_t n)
{
	double v = -1;
	enum field_error e = parse_number(s, n, &v);
	size_t tn = n;
	const char *t = trim_span(s, &tn);
	if (tn == 0) {
		if (e != FIELD_EMPTY)
			abort();
		return;
	}
	bool grammar = number_grammar(t, tn);
	if (e == FIELD_OK) {
		if (!grammar || !isfinite(v) || (v == 0 && signbit(v)))
			abort();
		/* the value agrees with strtod on the same digits */
		char *copy = xstrndup(t, tn);
		for (char *p = copy; *p; p++)
			if (*p == ',')
				*p = '.';
		double ref = strtod(copy, NULL);
		free(copy);
		if (fabs(v - ref) > 1e-9 * fmax(1, fabs(ref)))
			abort();
		/* the value survives the way metrics.csv writes numbers */
		char out[512];
		format_decimal(out, sizeof(out), v, 6);
		double back;
		if (parse_number(out, strlen(out), &back) != FIELD_OK ||
		    fabs(back - v) > 1e-6 * fmax(1, fabs(v)))
			abort();
		long k;
		if (parse_integer(s, n, &k) == FIELD_OK && ((double)k != v || fabs(v) > 1e15))
			abort();
	} else if (e == FIELD_NOT_NUMBER) {
		/* only a malformed or absurdly large number is refused */
		if (grammar) {
			char *copy = xstrndup(t, tn);
			for (char *p = copy; *p; p++)
				if (*p == ',')
					*p = '.';
			double ref = strtod(copy, NULL);
			free(copy);
			if (fabs(ref) <= 1e270)
				abort();
		}
	} else {
		abort();
	}
}

static void check_date(const char *s, size_t n)
{
	int32_t day = 0;
	enum field_error e = parse_date(s, n, &day);
	if (e == FIELD_OK) {
		int y, m, d;
		civil_from_days(day, &y, &m, &d);
		if (!valid_civil(y, m, d) || days_from_civil(y, m, d) != day)
			abort();
		/* the digits of the text name that same day */
		size_t tn = n;
		const char *t = trim_span(s, &tn);
		int parts[3] = { 0 }, np = 0, len[3] = { 0 };
		for (size_t i = 0; i < tn && t[i] != ' ' && t[i] != 'T'; i++) {
			if (digit(t[i])) {
				parts[np] = parts[np] * 10 + (t[i] - '0');
				len[np]++;
			} else if (++np > 2) {
				abort();
			}
		}
		if (np != 2)
			abort();
		bool ymd = len[0] == 4;
		int yy = ymd ? parts[0] : parts[2], mm = parts[1], dd = ymd ? parts[2] : parts[0];
		if (yy != y || mm != m || dd != d)
			abort();
		int q = quarter_of_days(day);
		if (day < quarter_first_day(q) || day > quarter_last_day(q))
			abort();
		if (month_of_days(day) != y * 12 + m - 1)
			abort();
	} else if (e != FIELD_NOT_DATE && e != FIELD_EMPTY) {
		abort();
	}
}

static void check_bool(const char *s, size_t n)
{
	static const char *const words[] = { "1", "true", "yes", "y", "ja", "j", "x",
	                                      "0", "false", "no", "n", "nee", "nein" };
	bool v;
	enum field_error e = parse_bool(s, n, &v);
	size_t tn = n;
	const char *t = trim_span(s, &tn);
	int match = -1;
	for (int i = 0; i < (int)ARRAY_LEN(words) && match < 0; i++)
		if (strlen(words[i]) == tn && ascii_ncasecmp(t, words[i], tn) == 0)
			match = i;
	if (tn == 0) {
		if (e != FIELD_OK || v)
			abort();
	} else if (match < 0) {
		if (e != FIELD_NOT_BOOLEAN)
			abort();
	} else if (e != FIELD_OK || v != (match < 7)) {
		abort();
	}
}

static void check_quarter(const char *s, size_t n)
{
	char *z = xstrndup(s, n);   /* parse_quarter takes a C string */
	int q;
	if (parse_quarter(z, &q)) {
		if (q < 4 || quarter_first_day(q) > quarter_last_day(q) ||
		    quarter_of_days(quarter_first_day(q)) != q ||
		    quarter_of_days(quarter_last_day(q)) != q)
			abort();
	}
	free(z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	check_number(s, size);
	check_date(s, size);
	check_bool(s, size);
	check_quarter(s, size);
	if (utf8_valid(s, size) && utf8_length(s, size) > size)
		abort();
	return 0;
}
