/* calendar.c - days, months and quarters; see calendar.h. */
#include "calendar.h"

#include <stdio.h>
#include <string.h>

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
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

void quarter_label(int q, char out[QUARTER_LABEL_SIZE])
{
	snprintf(out, QUARTER_LABEL_SIZE, "%04d-Q%d", q / 4, q % 4 + 1);
}
