/* fuzz_fields.c - libFuzzer harness for the field parsers (gen/fields.c) and the
 * number formatting of util.c.
 *
 * Each parser runs on the whole input; the results are checked against the
 * grammar of SPEC §11.6-7 written out independently here, against the
 * calendar functions they rely on, and the lenient readers for tool exports
 * against the canonical ones they extend. */
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
	static const char *const words[] = { "1", "true", "yes", "y", "ja", "j", "x", "waar", "wahr",
	                                      "0", "false", "no", "n", "nee", "nein", "onwaar",
	                                      "falsch" };
	enum { YES_WORDS = 9 };
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
		/* besides the words, only a check mark or cross (3 bytes, maybe U+FE0F) */
		bool mark = (tn == 3 || (tn == 6 && memcmp(t + 3, "\xEF\xB8\x8F", 3) == 0)) &&
		            (unsigned char)t[0] == 0xE2;
		if (e != FIELD_NOT_BOOLEAN && !(e == FIELD_OK && mark))
			abort();
	} else if (e != FIELD_OK || v != (match < YES_WORDS)) {
		abort();
	}
}

/* The lenient date reader accepts all the canonical one does, with the same
 * day; AUTO reads as DMY; evidence agrees with the orders that succeed. */
static void check_date_ordered(const char *s, size_t n)
{
	int32_t canonical = 0, dmy = 0, mdy = 0, ymd = 0, autod = 0;
	int ev_dmy = 7, ev_mdy = 7, ev_auto = 7, ev_ymd = 7;
	enum field_error ec = parse_date(s, n, &canonical);
	enum field_error ed = parse_date_ordered(s, n, DATE_ORDER_DMY, &dmy, &ev_dmy);
	enum field_error em = parse_date_ordered(s, n, DATE_ORDER_MDY, &mdy, &ev_mdy);
	enum field_error ea = parse_date_ordered(s, n, DATE_ORDER_AUTO, &autod, &ev_auto);
	enum field_error ey = parse_date_ordered(s, n, DATE_ORDER_YMD, &ymd, &ev_ymd);
	if (ev_dmy != ev_mdy || ev_dmy != ev_auto || ev_dmy != ev_ymd || ev_dmy < -1 || ev_dmy > 1)
		abort();
	if (ea != ed || (ea == FIELD_OK && autod != dmy))
		abort();
	if (ec == FIELD_OK && (ed != FIELD_OK || dmy != canonical))
		abort();
	if (ec == FIELD_EMPTY && (ed != FIELD_EMPTY || em != FIELD_EMPTY || ey != FIELD_EMPTY))
		abort();
	/* year first reads the same in every order */
	if (ey == FIELD_OK && (ed != FIELD_OK || em != FIELD_OK || dmy != ymd || mdy != ymd))
		abort();
	if (ev_dmy == 1 && (ed != FIELD_OK || em == FIELD_OK))
		abort();
	if (ev_dmy == -1 && (em != FIELD_OK || ed == FIELD_OK))
		abort();
	if (ed == FIELD_OK && em == FIELD_OK && ey != FIELD_OK && ev_dmy != 0)
		abort();
	int32_t days[] = { dmy, mdy, ymd };
	enum field_error errs[] = { ed, em, ey };
	for (int k = 0; k < 3; k++) {
		if (errs[k] != FIELD_OK && errs[k] != FIELD_NOT_DATE && errs[k] != FIELD_EMPTY)
			abort();
		if (errs[k] == FIELD_OK) {
			int y, m, d;
			civil_from_days(days[k], &y, &m, &d);
			if (!valid_civil(y, m, d) || days_from_civil(y, m, d) != days[k])
				abort();
		}
	}
}

static void check_time(const char *s, size_t n)
{
	int32_t sec = -1;
	enum field_error e = parse_time_of_day(s, n, &sec);
	if (e == FIELD_OK && (sec < 0 || sec > 86400))
		abort();
	if (e != FIELD_OK && e != FIELD_NOT_TIME && e != FIELD_EMPTY)
		abort();
	for (int order = DATE_ORDER_AUTO; order <= DATE_ORDER_YMD; order++) {
		int32_t day = 0, dsec = -1, date_only = 0;
		int ev = 7;
		e = parse_datetime(s, n, (enum date_order)order, &day, &dsec, &ev);
		if (ev < -1 || ev > 1)
			abort();
		if (e == FIELD_OK) {
			/* the same date alone, and the same time as parse_time_of_day */
			int32_t tsec = -1;
			if (dsec < 0 || dsec >= 86400 ||
			    parse_date_ordered(s, n, (enum date_order)order, &date_only, NULL) != FIELD_OK ||
			    parse_time_of_day(s, n, &tsec) != FIELD_OK)
				abort();
			bool same = day == date_only && dsec == tsec;
			bool rolled = day == date_only + 1 && dsec == 0 && tsec == 86400;
			if (!same && !rolled)
				abort();
		} else if (e != FIELD_NOT_DATE && e != FIELD_NOT_TIME && e != FIELD_EMPTY) {
			abort();
		}
	}
}

static void check_duration(const char *s, size_t n)
{
	double mm = -1, hh = -1, num;
	enum field_error em = parse_duration(s, n, DURATION_MINUTES, &mm);
	enum field_error eh = parse_duration(s, n, DURATION_HOURS, &hh);
	if (em != eh)
		abort();
	if (em == FIELD_OK) {
		if (!isfinite(mm) || !isfinite(hh) || mm < 0 || hh < 0 || signbit(mm))
			abort();
		/* only a bare number depends on the unit */
		if (parse_number(s, n, &num) == FIELD_OK) {
			if (mm != num || fabs(hh - 60 * num) > 1e-9 * fmax(1, hh))
				abort();
		} else if (mm != hh) {
			abort();
		}
		if ((duration_check_day(mm) == FIELD_OK) != (mm <= 1440))
			abort();
	} else if (em != FIELD_NOT_DURATION && em != FIELD_OUT_OF_RANGE && em != FIELD_EMPTY) {
		abort();
	}
}

static bool fold_equal(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] + 32) : a[i];
		char y = b[i] >= 'A' && b[i] <= 'Z' ? (char)(b[i] + 32) : b[i];
		if (x != y)
			return false;
	}
	return true;
}

static void check_marker(const char *s, size_t n)
{
	static const char *const markers[] = { "AI", "ki", "AI-assisted", "" };
	for (size_t k = 0; k < ARRAY_LEN(markers); k++) {
		bool hit = text_has_marker(s, n, &markers[k], 1);
		size_t len = strlen(markers[k]);
		bool contains = false;
		for (size_t i = 0; len && i + len <= n && !contains; i++)
			contains = fold_equal(s + i, markers[k], len);
		/* a whole-word match is a case-folded substring; the whole text is one */
		if (hit && !contains)
			abort();
		if (len && n == len && contains && !hit)
			abort();
	}
	bool any = text_has_marker(s, n, markers, ARRAY_LEN(markers));
	bool each = false;
	for (size_t k = 0; k < ARRAY_LEN(markers); k++)
		each = each || text_has_marker(s, n, &markers[k], 1);
	if (any != each)
		abort();
}

static void check_likert(const char *s, size_t n)
{
	int v = parse_likert_text(s, n, NULL, 0);
	if (v < 0 || v > 5)
		abort();
	/* a custom entry equal to the text itself wins; values outside 1..5 make it unknown */
	bool word = false;
	for (size_t i = 0; i < n && !word; i++)
		word = digit(s[i]) || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z');
	char *z = xstrndup(s, n);
	if (strlen(z) == n && word) {
		struct scale_word custom[] = { { z, 2 } };
		int c = parse_likert_text(s, n, custom, 1);
		if (c != 2 && c != v)
			abort();
		size_t tn = n;
		trim_span(s, &tn);
		if (tn > 0 && tn < 100 && c != 2)
			abort();
		custom[0].value = 9;
		if (tn > 0 && tn < 100 && parse_likert_text(s, n, custom, 1) != 0)
			abort();
	}
	free(z);
}

static void check_number_with_unit(const char *s, size_t n)
{
	double v = -1, plain;
	enum field_error e = parse_number_with_unit(s, n, &v);
	if (parse_number(s, n, &plain) == FIELD_OK && (e != FIELD_OK || v != plain))
		abort();
	if (e == FIELD_OK) {
		if (!isfinite(v))
			abort();
		size_t tn = n;
		const char *t = trim_span(s, &tn);
		for (size_t i = 0; i < tn; i++)
			if (digit(t[i]) && i > 0 && !digit(t[i - 1]) && t[i - 1] != '.' &&
			    t[i - 1] != ',' && t[i - 1] != '+' && t[i - 1] != '-')
				abort();   /* only one number, at the start */
	} else if (e != FIELD_NOT_NUMBER && e != FIELD_EMPTY) {
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
	check_date_ordered(s, size);
	check_time(s, size);
	check_duration(s, size);
	check_marker(s, size);
	check_likert(s, size);
	check_number_with_unit(s, size);
	if (utf8_valid(s, size) && utf8_length(s, size) > size)
		abort();
	return 0;
}
