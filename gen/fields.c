/* fields.c - pure parsers for typed fields and calendar arithmetic. */
#include "fields.h"

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

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool valid_civil(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	int max = mdays[m - 1] + (m == 2 && is_leap(y));
	return d <= max;
}

/* Howard Hinnant's days_from_civil. */
int32_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void civil_from_days(int32_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (*m <= 2);
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
	int mark = bool_mark(s, n);
	if (mark >= 0) {
		*out = mark == 1;
		return FIELD_OK;
	}
	char low[8];
	if (n >= sizeof(low) || memchr(s, '\0', n))   /* "1\0x" is not "1" */
		return FIELD_NOT_BOOLEAN;
	for (size_t i = 0; i < n; i++)
		low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	low[n] = '\0';
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(low, yes[i]) == 0) {
			*out = true;
			return FIELD_OK;
		}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (strcmp(low, no[i]) == 0) {
			*out = false;
			return FIELD_OK;
		}
	return FIELD_NOT_BOOLEAN;
}

int quarter_of_days(int32_t days)
{
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	return y * 4 + (m - 1) / 3;
}

int32_t quarter_first_day(int q)
{
	return days_from_civil(q / 4, (q % 4) * 3 + 1, 1);
}

int32_t quarter_last_day(int q)
{
	return quarter_first_day(q + 1) - 1;
}

bool parse_quarter(const char *s, int *q)
{
	size_t n = strlen(s);
	if (n != 7 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q') || s[6] < '1' || s[6] > '4')
		return false;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (!is_digit(s[i]))
			return false;
		y = y * 10 + (s[i] - '0');
	}
	if (y < 1)
		return false;
	*q = y * 4 + (s[6] - '1');
	return true;
}

int month_of_days(int32_t days)
{
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	return y * 12 + (m - 1);
}
