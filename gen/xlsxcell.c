/* xlsxcell.c - what a spreadsheet cell's text means: pure functions, no I/O and
 * no library, so that tests call them directly.  See xlsxcell.h. */
#include "xlsxcell.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char REPLACEMENT[] = "\xEF\xBF\xBD";   /* U+FFFD */

/* The C locale, made once: strtod and snprintf follow the thread's locale, and
 * a number must never be read or written with a decimal comma. */
static locale_t c_locale(void)
{
	static locale_t loc;
	if (!loc)
		loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return loc;
}

bool xlsxcell_parse_number(const char *s, double *out)
{
	locale_t c = c_locale();
	locale_t old = c ? uselocale(c) : (locale_t)0;
	char *end;
	double v = strtod(s, &end);
	if (c)
		uselocale(old);
	if (end == s)
		return false;
	while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
		end++;
	if (*end || !isfinite(v))
		return false;
	*out = v;
	return true;
}

size_t xlsxcell_format_number(double x, char out[40])
{
	if (x == 0 || !isfinite(x)) {
		strcpy(out, x == 0 ? "0" : "NaN");
		return strlen(out);
	}
	/* Integers print exactly with %.0f, which has no decimal point to localise. */
	if (fabs(x) < 1e15 && x == floor(x))
		return (size_t)snprintf(out, 40, "%.0f", x);

	locale_t c = c_locale();
	locale_t old = c ? uselocale(c) : (locale_t)0;
	char e[40];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(e, sizeof(e), "%.*e", prec - 1, x);
		if (strtod(e, NULL) == x)
			break;
	}
	if (c)
		uselocale(old);

	/* e is [-]d[.ddd]e[+-]XX: collect the digits and the exponent. */
	char digits[24];
	size_t nd = 0;
	const char *p = e;
	bool negative = *p == '-';
	if (negative)
		p++;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9' && nd < sizeof(digits) - 1)
			digits[nd++] = *p;
	int exp10 = *p == 'e' ? atoi(p + 1) : 0;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	digits[nd] = '\0';

	char *o = out;
	if (negative)
		*o++ = '-';
	double ax = fabs(x);
	if (ax >= 1e-7 && ax < 1e21) {
		if (exp10 >= 0) {
			for (int i = 0; i <= exp10; i++)
				*o++ = (size_t)i < nd ? digits[i] : '0';
			if ((size_t)exp10 + 1 < nd) {
				*o++ = '.';
				for (size_t i = (size_t)exp10 + 1; i < nd; i++)
					*o++ = digits[i];
			}
		} else {
			*o++ = '0';
			*o++ = '.';
			for (int i = -1; i > exp10; i--)
				*o++ = '0';
			for (size_t i = 0; i < nd; i++)
				*o++ = digits[i];
		}
		*o = '\0';
	} else {
		*o++ = digits[0];
		if (nd > 1) {
			*o++ = '.';
			memcpy(o, digits + 1, nd - 1);
			o += nd - 1;
		}
		o += snprintf(o, 8, "e%c%02d", exp10 < 0 ? '-' : '+', abs(exp10));
	}
	return (size_t)(o - out);
}

bool xlsxcell_plain_integer(const char *s, size_t n)
{
	if (n == 1 && s[0] == '0')
		return true;
	if (n && s[0] == '-') {
		s++;
		n--;
	}
	if (n == 0 || n > 15 || s[0] < '1' || s[0] > '9')
		return false;
	for (size_t i = 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Days since 1970-01-01 -> civil date (proleptic Gregorian). */
static void civil_from_days(long long z, int *y, int *m, int *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

bool xlsxcell_format_serial(double serial, bool date1904, char out[24])
{
	if (!(serial >= 0) || serial >= 2958466.0)   /* year 10000 */
		return false;
	long long secs = llround(serial * 86400.0);
	long long days = secs / 86400;
	int tod = (int)(secs % 86400);
	if (serial < 1) {
		unsigned t = (unsigned)secs % 100000;   /* at most 86400 here */
		snprintf(out, 24, "%02u:%02u:%02u", t / 3600, t / 60 % 60, t % 60);
		return true;
	}
	int y, m, d;
	if (date1904) {
		civil_from_days(days - 24107, &y, &m, &d);      /* serial 0 = 1904-01-01 */
	} else if (days == 60) {
		y = 1900, m = 2, d = 29;   /* Lotus 1-2-3's leap day, kept by Excel */
	} else if (days < 60) {
		civil_from_days(days - 25568, &y, &m, &d);      /* serial 1 = 1900-01-01 */
	} else {
		civil_from_days(days - 25569, &y, &m, &d);      /* serial 61 = 1900-03-01 */
	}
	if (tod == 0) {   /* y is 1900..9999: written without snprintf, a cell at a time */
		out[0] = (char)('0' + y / 1000);
		out[1] = (char)('0' + y / 100 % 10);
		out[2] = (char)('0' + y / 10 % 10);
		out[3] = (char)('0' + y % 10);
		out[4] = out[7] = '-';
		out[5] = (char)('0' + m / 10);
		out[6] = (char)('0' + m % 10);
		out[8] = (char)('0' + d / 10);
		out[9] = (char)('0' + d % 10);
		out[10] = '\0';
	} else
		snprintf(out, 24, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, tod / 3600,
		         tod / 60 % 60, tod % 60);
	return true;
}

bool xlsxcell_builtin_is_date(long id)
{
	/* 14-22 and 45-47 everywhere; 27-36 and 50-58 are the East Asian built-in
	 * date formats. */
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

bool xlsxcell_format_is_date(const char *code)
{
	for (const char *p = code; *p; p++) {
		char c = *p;
		if (c == ';')
			break;                       /* the first section decides */
		if (c == '"') {
			const char *q = strchr(p + 1, '"');
			if (!q)
				break;
			p = q;
			continue;
		}
		if (c == '\\' || c == '_' || c == '*') {   /* escaped, spacing, fill char */
			if (p[1])
				p++;
			continue;
		}
		if (c == '[') {
			/* [Red], [$EUR-413], [>100] are not dates; [h], [mm], [ss] are
			 * elapsed times. */
			const char *q = strchr(p + 1, ']');
			if (!q)
				break;
			size_t n = (size_t)(q - p - 1);
			if (n > 0 && strspn(p + 1, "hHmMsS") >= n)
				return true;
			p = q;
			continue;
		}
		switch (c) {
		case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
		case 'h': case 'H': case 's': case 'S':
			return true;
		default:
			break;
		}
	}
	return false;
}

char *xlsxcell_ref(long row, int column, char out[24])
{
	char letters[8];
	int n = 0;
	for (long c = (long)column + 1; c > 0 && n < 7; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	int o = 0;
	while (n > 0)
		out[o++] = letters[--n];
	snprintf(out + o, (size_t)(24 - o), "%ld", row);
	return out;
}

size_t xlsxcell_unescape(char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned v = 0;
		bool esc = i + 7 <= n && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_';
		for (size_t k = 2; esc && k < 6; k++) {
			char c = s[i + k];
			if (c >= '0' && c <= '9')
				v = v * 16 + (unsigned)(c - '0');
			else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				v = v * 16 + (unsigned)((c | 0x20) - 'a' + 10);
			else
				esc = false;
		}
		if (!esc) {
			s[o++] = s[i++];
			continue;
		}
		i += 7;
		if (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) {
			memcpy(s + o, REPLACEMENT, 3);
			o += 3;
		} else if (v < 0x80) {
			s[o++] = (char)v;
		} else if (v < 0x800) {
			s[o++] = (char)(0xC0 | (v >> 6));
			s[o++] = (char)(0x80 | (v & 0x3F));
		} else {
			s[o++] = (char)(0xE0 | (v >> 12));
			s[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
			s[o++] = (char)(0x80 | (v & 0x3F));
		}
	}
	return o;
}

int xlsxcell_ref_column(const char *ref)
{
	long col = 0;
	int letters = 0;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
		if (++letters > 3)
			return -1;
		col = col * 26 + (*ref - 'A' + 1);
	}
	if (letters == 0 || col > XLSXCELL_MAX_COLUMNS)
		return -1;
	for (; *ref; ref++)
		if (*ref < '0' || *ref > '9')
			return -1;
	return (int)col - 1;
}
