/* test_fields.c - one test per parsing rule of SPEC §2 and §11.6-7, and of the
 * lenient readers for tool exports (dates with an order, times, durations,
 * markers, Likert answers as text). */
#include <string.h>

#include "check.h"
#include "fields.h"
#include "tests.h"

static double num(const char *s, enum field_error *e)
{
	double v = -12345;
	*e = parse_number(s, strlen(s), &v);
	return v;
}

static void numbers(void)
{
	enum field_error e;
	CHECK_DBL(num("1,5", &e), 1.5);          /* decimal comma */
	CHECK_INT(e, FIELD_OK);
	CHECK_DBL(num("1.5", &e), 1.5);
	CHECK_DBL(num(" 42 ", &e), 42);           /* typed values are trimmed */
	CHECK_DBL(num("5.", &e), 5);
	CHECK_INT(e, FIELD_OK);
	CHECK_DBL(num(".5", &e), 0.5);
	CHECK_DBL(num(",25", &e), 0.25);
	CHECK_DBL(num("+3", &e), 3);
	CHECK_DBL(num("-0", &e), 0);
	CHECK_INT(e, FIELD_OK);
	CHECK_DBL(num("00012", &e), 12);
	CHECK_DBL(num("1,234", &e), 1.234);       /* a comma is a decimal separator */
	CHECK_DBL(num("-2.75", &e), -2.75);
	num("1.234,5", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);           /* thousands separators */
	num("1.2.3", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);
	num("1e3", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);           /* exponents */
	num("1e309", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);
	num("NaN", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);
	num("inf", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);
	num("12 min", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);           /* units */
	num("€5", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);
	num(".", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);
	num("+", &e);
	CHECK_INT(e, FIELD_NOT_NUMBER);
	num("", &e);
	CHECK_INT(e, FIELD_EMPTY);
	num("   ", &e);
	CHECK_INT(e, FIELD_EMPTY);

	long v = 0;
	CHECK_INT(parse_integer("3.0", 3, &v), FIELD_OK);   /* 3.0 is 3 */
	CHECK_INT(v, 3);
	CHECK_INT(parse_integer("3,5", 3, &v), FIELD_NOT_INTEGER);
	CHECK_INT(parse_integer("x", 1, &v), FIELD_NOT_NUMBER);
}

static int32_t date(const char *s, enum field_error *e)
{
	int32_t d = -1;
	*e = parse_date(s, strlen(s), &d);
	return d;
}

static void dates(void)
{
	enum field_error e;
	int32_t want = days_from_civil(2026, 9, 30);
	CHECK_INT(date("2026-09-30", &e), want);
	CHECK_INT(e, FIELD_OK);
	CHECK_INT(date("30-09-2026", &e), want);
	CHECK_INT(date("30.09.2026", &e), want);
	CHECK_INT(date("30/09/2026", &e), want);
	CHECK_INT(date("30/9/2026", &e), want);           /* one-digit month */
	CHECK_INT(date("1-3-2026", &e), days_from_civil(2026, 3, 1));
	CHECK_INT(date("2026-09-30 14:22", &e), want);    /* time part ignored */
	CHECK_INT(date("2026-09-30T14:22:00Z", &e), want);
	CHECK_INT(date("30.09.2026 8:00", &e), want);
	CHECK_INT(date(" 2026-09-30 ", &e), want);
	CHECK_INT(days_from_civil(1970, 1, 1), 0);
	CHECK_INT(days_from_civil(2026, 1, 1), 20454);    /* 56 years: 56*365 + 14 leap days */
	date("2026-02-30", &e);
	CHECK_INT(e, FIELD_NOT_DATE);                     /* not a calendar date */
	date("2026-09-31", &e);
	CHECK_INT(e, FIELD_NOT_DATE);
	date("31-04-2026", &e);
	CHECK_INT(e, FIELD_NOT_DATE);
	CHECK_INT(date("29-02-2024", &e), days_from_civil(2024, 2, 29));   /* leap year */
	date("29-02-2026", &e);
	CHECK_INT(e, FIELD_NOT_DATE);
	date("0000-01-01", &e);
	CHECK_INT(e, FIELD_NOT_DATE);
	CHECK_INT(date("9999-12-31", &e), days_from_civil(9999, 12, 31));
	date("30-09/2026", &e);
	CHECK_INT(e, FIELD_NOT_DATE);                     /* mixed separators */
	date("26-09-30", &e);
	CHECK_INT(e, FIELD_NOT_DATE);                     /* two-digit year */
	date("2026/09/30", &e);
	CHECK_INT(e, FIELD_NOT_DATE);
	date("13/25/2026", &e);
	CHECK_INT(e, FIELD_NOT_DATE);                     /* US order, day > 12 */
	date("yesterday", &e);
	CHECK_INT(e, FIELD_NOT_DATE);
	date("", &e);
	CHECK_INT(e, FIELD_EMPTY);

	int y, m, d;
	civil_from_days(want, &y, &m, &d);
	CHECK_INT(y * 10000 + m * 100 + d, 20260930);
	int q;
	CHECK(parse_quarter("2026-Q3", &q));
	CHECK_INT(q, 2026 * 4 + 2);
	CHECK_INT(quarter_first_day(q), days_from_civil(2026, 7, 1));
	CHECK_INT(quarter_last_day(q), want);
	CHECK_INT(quarter_of_days(want), q);
	CHECK(!parse_quarter("2026-Q5", &q));
	CHECK(!parse_quarter("2026Q3", &q));
	CHECK_INT(month_of_days(want), 2026 * 12 + 8);
}

static void booleans(void)
{
	static const char *const yes[] = { "1", "true", "TRUE", "yes", "Y", "ja", "J", "x", " X " };
	static const char *const no[] = { "0", "false", "No", "n", "nee", "NEIN", "" };
	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++) {
		bool b = false;
		CHECK_INT(parse_bool(yes[i], strlen(yes[i]), &b), FIELD_OK);
		CHECK(b);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++) {
		bool b = true;
		CHECK_INT(parse_bool(no[i], strlen(no[i]), &b), FIELD_OK);
		CHECK(!b);
	}
	bool b;
	CHECK_INT(parse_bool("maybe", 5, &b), FIELD_NOT_BOOLEAN);
	CHECK_INT(parse_bool("2", 1, &b), FIELD_NOT_BOOLEAN);
	CHECK_INT(parse_bool("jaaaaaaaaaaaaaa", 15, &b), FIELD_NOT_BOOLEAN);
}

/* Excel's own TRUE/FALSE in nl/de and check marks; a U+FE0F after a mark is
 * what phones type. */
static void booleans_from_tools(void)
{
	static const char *const yes[] = { "WAAR", "waar", "Wahr", "WAHR", "\u2713", "\u2714",
	                                   "\u2714\uFE0F", " \u2713 ", "\u2611", "\u2705" };
	static const char *const no[] = { "ONWAAR", "onwaar", "FALSCH", "Falsch", "\u2717",
	                                  "\u2718", "\u2610", "\u274C", "\u274C\uFE0F" };
	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++) {
		bool b = false;
		CHECK_INT(parse_bool(yes[i], strlen(yes[i]), &b), FIELD_OK);
		CHECK(b);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++) {
		bool b = true;
		CHECK_INT(parse_bool(no[i], strlen(no[i]), &b), FIELD_OK);
		CHECK(!b);
	}
	static const char *const bad[] = { "\u2713\u2713", "\uFE0F", "\u2713x", "waarr", "wa ar",
	                                   "\xE2\x9C", "\u2612" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		bool b;
		CHECK_INT(parse_bool(bad[i], strlen(bad[i]), &b), FIELD_NOT_BOOLEAN);
	}
}

void test_fields(void)
{
	numbers();
	dates();
	booleans();
	booleans_from_tools();
}
