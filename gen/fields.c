/* fields.c - pure parsers for typed fields and calendar arithmetic. */
#include "fields.h"
#include "util.h"

#include <stdint.h>
#include <string.h>

const char *trim_span(const char *s, size_t *n)
{
	size_t len = *n;
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	*n = len;
	return s;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ^[+-]?(\d+([.,]\d*)?|[.,]\d+)$ - exponents, thousands separators, units, NaN and
 * inf never match.  The value is accumulated exactly as decimal digits. */
enum field_error parse_number(const char *s, size_t n, double *out)
{
	s = trim_span(s, &n);
	if (n == 0)
		return FIELD_EMPTY;
	if (n <= 15) {
		/* the common case, digits only: the same value, without the doubles */
		uint64_t v = 0;
		size_t i = 0;
		while (i < n && is_digit(s[i]))
			v = v * 10 + (uint64_t)(s[i++] - '0');
		if (i == n) {
			*out = (double)v;
			return FIELD_OK;
		}
	}
	size_t i = 0;
	bool negative = false;
	if (s[i] == '+' || s[i] == '-') {
		negative = s[i] == '-';
		i++;
	}
	size_t int_digits = 0, frac_digits = 0;
	double int_part = 0;
	char frac[32];
	size_t frac_len = 0;
	while (i < n && is_digit(s[i])) {
		int_part = int_part * 10 + (s[i] - '0');
		int_digits++;
		i++;
	}
	if (i < n && (s[i] == '.' || s[i] == ',')) {
		i++;
		while (i < n && is_digit(s[i])) {
			if (frac_len < sizeof(frac) - 1)
				frac[frac_len++] = s[i];
			frac_digits++;
			i++;
		}
	}
	if (i != n || (int_digits == 0 && frac_digits == 0))
		return FIELD_NOT_NUMBER;
	double v = int_part;
	if (frac_len) {
		/* Build the fraction from its digits as an integer over a power of ten,
		 * so "0.1" is the closest double to 0.1. */
		double f = 0, scale = 1;
		for (size_t k = 0; k < frac_len; k++) {
			f = f * 10 + (frac[k] - '0');
			scale *= 10;
		}
		v = (int_part * scale + f) / scale;
	}
	if (v > 1e300)
		return FIELD_NOT_NUMBER;
	*out = negative ? -v : v;
	if (*out == 0)
		*out = 0;   /* -0 is 0 */
	return FIELD_OK;
}

enum field_error parse_integer(const char *s, size_t n, long *out)
{
	double v;
	enum field_error e = parse_number(s, n, &v);
	if (e != FIELD_OK)
		return e;
	/* range first: converting a double outside long's range is undefined */
	if (v > 1e15 || v < -1e15 || v != (double)(long)v)
		return FIELD_NOT_INTEGER;
	*out = (long)v;
	return FIELD_OK;
}

/* Reads 1..max digits at s[*i]; returns -1 when there are none or too many. */
static int read_digits(const char *s, size_t n, size_t *i, int min, int max)
{
	int v = 0, count = 0;
	while (*i < n && is_digit(s[*i])) {
		if (++count > max)
			return -1;
		v = v * 10 + (s[*i] - '0');
		(*i)++;
	}
	return count >= min ? v : -1;
}

enum field_error parse_date(const char *s, size_t n, int32_t *out)
{
	s = trim_span(s, &n);
	if (n == 0)
		return FIELD_EMPTY;
	/* The time part after ' ' or 'T' is ignored (§2, §11.7). */
	size_t end = 0;
	while (end < n && s[end] != ' ' && s[end] != 'T')
		end++;
	size_t i = 0;
	int y, m, d;
	int first = read_digits(s, end, &i, 1, 4);
	if (first < 0 || i >= end)
		return FIELD_NOT_DATE;
	size_t first_len = i;
	char sep = s[i++];
	if (first_len == 4) {
		if (sep != '-')
			return FIELD_NOT_DATE;
		y = first;
		m = read_digits(s, end, &i, 1, 2);
		if (m < 0 || i >= end || s[i++] != '-')
			return FIELD_NOT_DATE;
		d = read_digits(s, end, &i, 1, 2);
	} else {
		if (first_len > 2 || (sep != '-' && sep != '.' && sep != '/'))
			return FIELD_NOT_DATE;
		d = first;
		m = read_digits(s, end, &i, 1, 2);
		if (m < 0 || i >= end || s[i++] != sep)
			return FIELD_NOT_DATE;
		y = read_digits(s, end, &i, 4, 4);
	}
	if (d < 0 || y < 0 || i != end || !valid_civil(y, m, d))
		return FIELD_NOT_DATE;
	*out = days_from_civil(y, m, d);
	return FIELD_OK;
}

/* The date part of a date-time: up to the first ' ' or 'T'. */
static size_t date_part_length(const char *s, size_t n)
{
	size_t end = 0;
	while (end < n && s[end] != ' ' && s[end] != 'T')
		end++;
	return end;
}

enum field_error parse_date_ordered(const char *s, size_t n, enum date_order order,
                                    int32_t *out, int *evidence)
{
	if (evidence)
		*evidence = 0;
	s = trim_span(s, &n);
	if (n == 0)
		return FIELD_EMPTY;
	size_t end = date_part_length(s, n);
	size_t i = 0;
	int first = read_digits(s, end, &i, 1, 4);
	if (first < 0 || i >= end)
		return FIELD_NOT_DATE;
	size_t first_len = i;
	char sep = s[i++];
	if (sep != '-' && sep != '.' && sep != '/')
		return FIELD_NOT_DATE;
	int second = read_digits(s, end, &i, 1, 2);
	if (second < 0 || i >= end || s[i++] != sep)
		return FIELD_NOT_DATE;
	size_t third_start = i;
	int third = read_digits(s, end, &i, 1, 4);
	size_t third_len = i - third_start;
	if (third < 0 || i != end)
		return FIELD_NOT_DATE;
	if (first_len == 4) {
		/* year first is unambiguous, whatever the order */
		if (third_len > 2 || !valid_civil(first, second, third))
			return FIELD_NOT_DATE;
		*out = days_from_civil(first, second, third);
		return FIELD_OK;
	}
	if (first_len > 2 || (third_len != 2 && third_len != 4))
		return FIELD_NOT_DATE;
	/* Two-digit years pivot at 70: survey and time data are recent, birth
	 * dates are not read here. */
	int year = third_len == 4 ? third : third < 70 ? 2000 + third : 1900 + third;
	bool day_first = valid_civil(year, second, first);
	bool month_first = valid_civil(year, first, second);
	if (evidence)
		*evidence = day_first == month_first ? 0 : day_first ? 1 : -1;
	switch (order) {
	case DATE_ORDER_YMD:
		return FIELD_NOT_DATE;
	case DATE_ORDER_MDY:
		if (!month_first)
			return FIELD_NOT_DATE;
		*out = days_from_civil(year, first, second);
		return FIELD_OK;
	case DATE_ORDER_AUTO:
	case DATE_ORDER_DMY:
		break;
	}
	if (!day_first)
		return FIELD_NOT_DATE;
	*out = days_from_civil(year, second, first);
	return FIELD_OK;
}

static bool is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* am/pm after a time: "am", "AM", "a.m.", "p.m" -> 1 (am) or 2 (pm), else 0. */
static int read_half_day(const char *s, size_t n, size_t *i)
{
	size_t j = *i;
	if (j >= n)
		return 0;
	char c = ascii_lower(s[j]);
	if (c != 'a' && c != 'p')
		return 0;
	j++;
	if (j < n && s[j] == '.')
		j++;
	if (j >= n || ascii_lower(s[j]) != 'm')
		return 0;
	j++;
	if (j < n && s[j] == '.')
		j++;
	if (j < n && is_ascii_letter(s[j]))
		return 0;
	*i = j;
	return c == 'a' ? 1 : 2;
}

/* The zone after a time, which is accepted and ignored: nothing, "Z", an offset
 * (+2, +02, +0200, +02:00, -05:00) or GMT/UTC with an optional offset. */
static bool zone_text(const char *s, size_t n, size_t i)
{
	i = skip_blanks(s, n, i);
	if (i == n)
		return true;
	if (n - i == 1 && (s[i] == 'Z' || s[i] == 'z'))
		return true;
	if (skip_folded(s, n, &i, "gmt") || skip_folded(s, n, &i, "utc")) {
		if (i == n)
			return true;
	}
	if (s[i] != '+' && s[i] != '-')
		return false;
	i++;
	size_t start = i;
	int hours = read_digits(s, n, &i, 1, 4);
	if (hours < 0)
		return false;
	size_t len = i - start;
	if (len == 3)
		return false;
	if (len <= 2 && i < n && s[i] == ':') {
		i++;
		if (read_digits(s, n, &i, 2, 2) < 0)
			return false;
	}
	return i == n;
}

/* H:MM[:SS[.fraction]] [am|pm] [zone] on the whole of s[0..n), already trimmed. */
static enum field_error time_part(const char *s, size_t n, int32_t *seconds)
{
	size_t i = 0;
	int h = read_digits(s, n, &i, 1, 2);
	if (h < 0 || i >= n || s[i++] != ':')
		return FIELD_NOT_TIME;
	int m = read_digits(s, n, &i, 2, 2);
	int sec = 0;
	bool fraction = false;
	if (m < 0)
		return FIELD_NOT_TIME;
	if (i < n && s[i] == ':') {
		i++;
		sec = read_digits(s, n, &i, 2, 2);
		if (sec < 0)
			return FIELD_NOT_TIME;
		if (i < n && (s[i] == '.' || s[i] == ',')) {
			size_t start = ++i;
			while (i < n && is_digit(s[i]))
				i++;
			if (i == start)
				return FIELD_NOT_TIME;
			fraction = true;
		}
	}
	if (m > 59 || sec > 59)
		return FIELD_NOT_TIME;
	size_t j = skip_blanks(s, n, i);
	int half = read_half_day(s, n, &j);
	if (half) {
		if (h < 1 || h > 12)
			return FIELD_NOT_TIME;
		h = h % 12 + (half == 2 ? 12 : 0);
		i = j;
	} else if (h == 24) {
		/* end of the day (ISO 8601), nothing later */
		if (m || sec || fraction)
			return FIELD_NOT_TIME;
	} else if (h > 23) {
		return FIELD_NOT_TIME;
	}
	if (!zone_text(s, n, i))
		return FIELD_NOT_TIME;
	*seconds = h * 3600 + m * 60 + sec;
	return FIELD_OK;
}

enum field_error parse_time_of_day(const char *s, size_t n, int32_t *seconds)
{
	s = trim_span(s, &n);
	if (n == 0)
		return FIELD_EMPTY;
	/* A first word without ':' that ends at ' ' or 'T' is a date. */
	size_t end = 0;
	while (end < n && s[end] != ' ' && s[end] != 'T' && s[end] != ':')
		end++;
	if (end < n && s[end] != ':') {
		int32_t day;
		if (parse_date_ordered(s, end, DATE_ORDER_DMY, &day, NULL) != FIELD_OK &&
		    parse_date_ordered(s, end, DATE_ORDER_MDY, &day, NULL) != FIELD_OK)
			return FIELD_NOT_TIME;
		s += end + 1;
		n -= end + 1;
		s = trim_span(s, &n);
	}
	return time_part(s, n, seconds);
}

enum field_error parse_datetime(const char *s, size_t n, enum date_order order,
                                int32_t *days, int32_t *seconds, int *evidence)
{
	if (evidence)
		*evidence = 0;
	s = trim_span(s, &n);
	if (n == 0)
		return FIELD_EMPTY;
	size_t end = date_part_length(s, n);
	int32_t day;
	enum field_error e = parse_date_ordered(s, end, order, &day, evidence);
	if (e != FIELD_OK)
		return FIELD_NOT_DATE;
	if (end == n)
		return FIELD_NOT_TIME;
	size_t tn = n - end - 1;
	const char *t = trim_span(s + end + 1, &tn);
	int32_t sec;
	if (tn == 0 || time_part(t, tn, &sec) != FIELD_OK)
		return FIELD_NOT_TIME;
	if (sec == 86400) {
		day++;
		sec = 0;
	}
	*days = day;
	*seconds = sec;
	return FIELD_OK;
}

/* Check marks as UTF-8.  A cross pairs with the check mark as "no"; the ASCII
 * "x" of §2 stays "yes" (a ticked box), that rule is older and canonical. */
static const char *const bool_marks_yes[] = {
	"\xE2\x9C\x93",       /* ✓ U+2713 */
	"\xE2\x9C\x94",       /* ✔ U+2714 */
	"\xE2\x98\x91",       /* ☑ U+2611 */
	"\xE2\x9C\x85",       /* ✅ U+2705 */
};
static const char *const bool_marks_no[] = {
	"\xE2\x9C\x97",       /* ✗ U+2717 */
	"\xE2\x9C\x98",       /* ✘ U+2718 */
	"\xE2\x98\x90",       /* ☐ U+2610 */
	"\xE2\x9D\x8C",       /* ❌ U+274C */
};

static bool span_equals(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(s, word, n) == 0;
}

/* 1 for a "yes" mark, 0 for a "no" mark, -1 otherwise. */
static int bool_mark(const char *s, size_t n)
{
	/* Phones append U+FE0F (emoji presentation) to ✔ and friends. */
	if (n > 3 && memcmp(s + n - 3, "\xEF\xB8\x8F", 3) == 0)
		n -= 3;
	for (size_t i = 0; i < sizeof(bool_marks_yes) / sizeof(bool_marks_yes[0]); i++)
		if (span_equals(s, n, bool_marks_yes[i]))
			return 1;
	for (size_t i = 0; i < sizeof(bool_marks_no) / sizeof(bool_marks_no[0]); i++)
		if (span_equals(s, n, bool_marks_no[i]))
			return 0;
	return -1;
}

/* One of the words parse_bool takes, in lower case. */
static bool bool_word(const char *low, size_t n, const char *const *words, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (words[i][0] == low[0] && span_equals(low, n, words[i]))
			return true;
	return false;
}

enum field_error parse_bool(const char *s, size_t n, bool *out)
{
	/* waar/onwaar and wahr/falsch: what Excel in Dutch and German writes for its
	 * own TRUE/FALSE when a sheet is saved as CSV. */
	static const char *const yes[] = { "1", "true", "yes", "y", "ja", "j", "x", "waar", "wahr" };
	static const char *const no[] = { "0", "false", "no", "n", "nee", "nein", "onwaar", "falsch" };
	s = trim_span(s, &n);
	if (n == 0) {
		*out = false;
		return FIELD_OK;
	}
	if (n == 1) {
		/* the common case, by its one character */
		switch (s[0]) {
		case '1': case 'y': case 'Y': case 'j': case 'J': case 'x': case 'X':
			*out = true;
			return FIELD_OK;
		case '0': case 'n': case 'N':
			*out = false;
			return FIELD_OK;
		default:
			return FIELD_NOT_BOOLEAN;
		}
	}
	/* "no" and "yes" in any case, the common words, without the table */
	if (n == 2 && (s[0] | 0x20) == 'n' && (s[1] | 0x20) == 'o') {
		*out = false;
		return FIELD_OK;
	}
	if (n == 3 && (s[0] | 0x20) == 'y' && (s[1] | 0x20) == 'e' && (s[2] | 0x20) == 's') {
		*out = true;
		return FIELD_OK;
	}
	if ((unsigned char)s[0] >= 0x80) {
		/* the marks are not ASCII, the words are */
		int mark = bool_mark(s, n);
		if (mark < 0)
			return FIELD_NOT_BOOLEAN;
		*out = mark == 1;
		return FIELD_OK;
	}
	char low[8];
	if (n >= sizeof(low) || memchr(s, '\0', n))   /* "1\0x" is not "1" */
		return FIELD_NOT_BOOLEAN;
	for (size_t i = 0; i < n; i++)
		low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	if (bool_word(low, n, yes, sizeof(yes) / sizeof(yes[0]))) {
		*out = true;
		return FIELD_OK;
	}
	if (bool_word(low, n, no, sizeof(no) / sizeof(no[0]))) {
		*out = false;
		return FIELD_OK;
	}
	return FIELD_NOT_BOOLEAN;
}

/* h:mm or h:mm:ss on the whole of s[0..n); false when it is not that shape. */
static bool clock_duration(const char *s, size_t n, double *minutes)
{
	size_t i = 0;
	double hours = 0;
	while (i < n && is_digit(s[i]) && i < 9)
		hours = hours * 10 + (s[i++] - '0');
	if (i == 0 || i >= n || s[i++] != ':')
		return false;
	int m = read_digits(s, n, &i, 2, 2);
	int sec = 0;
	if (m < 0 || m > 59)
		return false;
	if (i < n && s[i] == ':') {
		i++;
		sec = read_digits(s, n, &i, 2, 2);
		if (sec < 0 || sec > 59)
			return false;
	}
	if (i != n)
		return false;
	*minutes = hours * 60 + m + sec / 60.0;
	return true;
}

/* Toggl's "classic" duration below an hour: "40:00 min" is minutes:seconds. */
static bool classic_minutes(const char *s, size_t n, double *minutes)
{
	if (n < 5 || s[n - 4] != ' ' || (s[n - 3] | 0x20) != 'm' || (s[n - 2] | 0x20) != 'i' ||
	    (s[n - 1] | 0x20) != 'n')
		return false;
	n -= 4;
	size_t i = 0;
	int m = read_digits(s, n, &i, 1, 2);
	if (m < 0 || i >= n || s[i++] != ':')
		return false;
	int sec = read_digits(s, n, &i, 2, 2);
	if (sec < 0 || sec > 59 || i != n)
		return false;
	*minutes = m + sec / 60.0;
	return true;
}

/* Minutes per unit word, and the rank that keeps parts largest first. */
struct duration_word {
	const char *word;
	double minutes;
	int rank;
};

static const struct duration_word duration_words[] = {
	{ "h", 60, 0 }, { "hr", 60, 0 }, { "hrs", 60, 0 }, { "hour", 60, 0 }, { "hours", 60, 0 },
	{ "m", 1, 1 }, { "min", 1, 1 }, { "mins", 1, 1 }, { "minute", 1, 1 }, { "minutes", 1, 1 },
	{ "s", 1 / 60.0, 2 }, { "sec", 1 / 60.0, 2 }, { "secs", 1 / 60.0, 2 },
	{ "second", 1 / 60.0, 2 }, { "seconds", 1 / 60.0, 2 },
};

static const struct duration_word *find_duration_word(const char *s, size_t n)
{
	for (size_t k = 0; k < sizeof(duration_words) / sizeof(duration_words[0]); k++) {
		const char *w = duration_words[k].word;
		size_t len = strlen(w), i = 0;
		if (len == n && skip_folded(s, n, &i, w))
			return &duration_words[k];
	}
	return NULL;
}

/* "1h 30m", "1h30m", "1.5 h", "45m", "1h 30m 15s" on the whole of s[0..n). */
static bool unit_duration(const char *s, size_t n, double *minutes)
{
	size_t i = 0;
	int last_rank = -1;
	double total = 0;
	while (i < n) {
		size_t start = i;
		while (i < n && is_digit(s[i]))
			i++;
		if (i < n && (s[i] == '.' || s[i] == ','))
			i++;
		while (i < n && is_digit(s[i]))
			i++;
		double v;
		if (i == start || parse_number(s + start, i - start, &v) != FIELD_OK)
			return false;
		i = skip_blanks(s, n, i);
		size_t word = i;
		while (i < n && is_ascii_letter(s[i]))
			i++;
		const struct duration_word *w = find_duration_word(s + word, i - word);
		if (!w || w->rank <= last_rank)
			return false;
		last_rank = w->rank;
		total += v * w->minutes;
		i = skip_blanks(s, n, i);
	}
	if (last_rank < 0)
		return false;
	*minutes = total;
	return true;
}

enum field_error parse_duration(const char *s, size_t n, enum duration_unit unit,
                                double *minutes)
{
	s = trim_span(s, &n);
	if (n == 0)
		return FIELD_EMPTY;
	double v;
	if (parse_number(s, n, &v) == FIELD_OK) {
		if (v < 0)
			return FIELD_OUT_OF_RANGE;
		*minutes = unit == DURATION_HOURS ? v * 60 : v;
		return FIELD_OK;
	}
	bool negative = s[0] == '-';
	size_t skip = (s[0] == '-' || s[0] == '+') ? 1 : 0;
	if (!clock_duration(s + skip, n - skip, &v) && !classic_minutes(s + skip, n - skip, &v) &&
	    !unit_duration(s + skip, n - skip, &v))
		return FIELD_NOT_DURATION;
	if (negative && v > 0)
		return FIELD_OUT_OF_RANGE;
	*minutes = v;
	return FIELD_OK;
}

enum field_error duration_check_day(double minutes)
{
	return minutes >= 0 && minutes <= 1440 ? FIELD_OK : FIELD_OUT_OF_RANGE;
}
