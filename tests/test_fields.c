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
	/* the short path for no/yes takes letters only, in either case */
	static const char *const words[] = { "yEs", "YES", " yes", "NO", "nO", "no\t" };
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
		b = words[i][1] == 'o' || words[i][1] == 'O';
		CHECK_INT(parse_bool(words[i], strlen(words[i]), &b), FIELD_OK);
		CHECK_INT(b, words[i][0] == 'y' || words[i][0] == 'Y' || words[i][1] == 'y');
	}
	CHECK_INT(parse_bool("nP", 2, &b), FIELD_NOT_BOOLEAN);    /* 'P' | 0x20 is 'p' */
	CHECK_INT(parse_bool("n\x0f", 2, &b), FIELD_NOT_BOOLEAN);  /* 0x0f | 0x20 is '/' */
	CHECK_INT(parse_bool("N\x4f", 2, &b), FIELD_OK);          /* "NO" */
	CHECK_INT(parse_bool("y\x45S", 3, &b), FIELD_OK);
	CHECK_INT(parse_bool("ye\x13", 3, &b), FIELD_NOT_BOOLEAN);
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

static int32_t day_of(int y, int m, int d)
{
	return days_from_civil(y, m, d);
}

/* One row of the date-order table: text, order, result, day, evidence. */
struct date_case {
	const char *text;
	enum date_order order;
	enum field_error want;
	int32_t day;
	int evidence;
};

static void dates_ordered(void)
{
	const struct date_case cases[] = {
		/* year first: every order, any separator, time and zone ignored */
		{ "2026-09-01", DATE_ORDER_AUTO, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "2026/09/01", DATE_ORDER_MDY, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "2026.9.1", DATE_ORDER_YMD, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "2026/09/01 9:00:11 AM GMT+2", DATE_ORDER_DMY, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "2026-09-01T09:00:00Z", DATE_ORDER_MDY, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "2026-09-01 09:00:00+02:00", DATE_ORDER_AUTO, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "2026-09-01T23:30:00-05:00", DATE_ORDER_DMY, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ " 2026-09-01 ", DATE_ORDER_DMY, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "2026-09/01", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "2026-13-01", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "2026-02-29", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "2026-09-001", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "2026-09-2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "0000-01-01", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		/* day first by default, month first on request */
		{ "07/03/2026", DATE_ORDER_DMY, FIELD_OK, day_of(2026, 3, 7), 0 },
		{ "07/03/2026", DATE_ORDER_AUTO, FIELD_OK, day_of(2026, 3, 7), 0 },
		{ "07/03/2026", DATE_ORDER_MDY, FIELD_OK, day_of(2026, 7, 3), 0 },
		{ "7-3-2026", DATE_ORDER_MDY, FIELD_OK, day_of(2026, 7, 3), 0 },
		{ "7.3.2026 17:00", DATE_ORDER_DMY, FIELD_OK, day_of(2026, 3, 7), 0 },
		{ "9/1/2026 9:00:11 AM", DATE_ORDER_MDY, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "07/03/2026", DATE_ORDER_YMD, FIELD_NOT_DATE, 0, 0 },
		/* evidence: what the digits alone prove, whatever the order */
		{ "25/12/2026", DATE_ORDER_DMY, FIELD_OK, day_of(2026, 12, 25), 1 },
		{ "25/12/2026", DATE_ORDER_AUTO, FIELD_OK, day_of(2026, 12, 25), 1 },
		{ "25/12/2026", DATE_ORDER_MDY, FIELD_NOT_DATE, 0, 1 },
		{ "12/25/2026", DATE_ORDER_MDY, FIELD_OK, day_of(2026, 12, 25), -1 },
		{ "12/25/2026", DATE_ORDER_AUTO, FIELD_NOT_DATE, 0, -1 },
		{ "12/25/2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, -1 },
		{ "13/25/2026", DATE_ORDER_MDY, FIELD_NOT_DATE, 0, 0 },
		{ "13/25/2026", DATE_ORDER_AUTO, FIELD_NOT_DATE, 0, 0 },
		{ "12/12/2026", DATE_ORDER_AUTO, FIELD_OK, day_of(2026, 12, 12), 0 },
		{ "30/02/2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },     /* neither order */
		{ "29/02/2024", DATE_ORDER_DMY, FIELD_OK, day_of(2024, 2, 29), 1 },
		{ "02/29/2024", DATE_ORDER_MDY, FIELD_OK, day_of(2024, 2, 29), -1 },
		{ "02/29/2023", DATE_ORDER_MDY, FIELD_NOT_DATE, 0, 0 },
		/* two-digit years pivot at 70 */
		{ "1/9/26", DATE_ORDER_DMY, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "9/1/26", DATE_ORDER_MDY, FIELD_OK, day_of(2026, 9, 1), 0 },
		{ "31-12-69", DATE_ORDER_DMY, FIELD_OK, day_of(2069, 12, 31), 1 },
		{ "01.01.70", DATE_ORDER_DMY, FIELD_OK, day_of(1970, 1, 1), 0 },
		{ "1.1.00", DATE_ORDER_DMY, FIELD_OK, day_of(2000, 1, 1), 0 },
		{ "15.6.99", DATE_ORDER_AUTO, FIELD_OK, day_of(1999, 6, 15), 1 },
		{ "1/9/026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },       /* 3-digit year */
		{ "1/9/2", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "1/9/20260", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		/* shape */
		{ "001/9/2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "1/009/2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "30-09/2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "30 09 2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "30_09_2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "1/Sep/26", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "-1/9/2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "0/9/2026", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "T2026-09-01", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },
		{ "46000", DATE_ORDER_DMY, FIELD_NOT_DATE, 0, 0 },           /* Excel serial */
		{ "", DATE_ORDER_DMY, FIELD_EMPTY, 0, 0 },
		{ " \t", DATE_ORDER_MDY, FIELD_EMPTY, 0, 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const struct date_case *c = &cases[i];
		int32_t day = -1;
		int evidence = 99;
		enum field_error e = parse_date_ordered(c->text, strlen(c->text), c->order, &day,
		                                        &evidence);
		if (e != c->want || evidence != c->evidence || (e == FIELD_OK && day != c->day))
			fprintf(stderr, "  date case \"%s\" order %d\n", c->text, (int)c->order);
		CHECK_INT(e, c->want);
		CHECK_INT(evidence, c->evidence);
		if (c->want == FIELD_OK)
			CHECK_INT(day, c->day);
		else
			CHECK_INT(day, -1);                       /* untouched on failure */
	}
	int32_t day;
	CHECK_INT(parse_date_ordered("25/12/2026", 10, DATE_ORDER_DMY, &day, NULL), FIELD_OK);
	/* the canonical reader stays strict */
	CHECK_INT(parse_date("1/9/26", 6, &day), FIELD_NOT_DATE);
	CHECK_INT(parse_date("2026/09/01", 10, &day), FIELD_NOT_DATE);
}

static int32_t tod(const char *s, enum field_error *e)
{
	int32_t v = -1;
	*e = parse_time_of_day(s, strlen(s), &v);
	return v;
}

static void times_of_day(void)
{
	static const struct {
		const char *text;
		int32_t seconds;
	} good[] = {
		{ "9:00", 9 * 3600 },
		{ "09:00", 9 * 3600 },
		{ "0:00", 0 },
		{ "23:59:59", 86399 },
		{ "09:00:30", 9 * 3600 + 30 },
		{ "09:00:30.750", 9 * 3600 + 30 },             /* fraction dropped */
		{ "9:00 AM", 9 * 3600 },
		{ "9:00AM", 9 * 3600 },
		{ "9:00 a.m.", 9 * 3600 },
		{ "12:15 pm", 12 * 3600 + 15 * 60 },
		{ "12:15 AM", 15 * 60 },
		{ "1:05 PM", 13 * 3600 + 5 * 60 },
		{ "11:59:59 p.m.", 86399 },
		{ "9:00:11 AM GMT+2", 9 * 3600 + 11 },
		{ "09:00Z", 9 * 3600 },
		{ "09:00:00+02:00", 9 * 3600 },
		{ "09:00:00-0500", 9 * 3600 },
		{ "09:00 UTC", 9 * 3600 },
		{ "24:00", 86400 },                            /* end of the day */
		{ "24:00:00", 86400 },
		{ "2026-09-01 09:00", 9 * 3600 },
		{ "2026-09-01T09:00", 9 * 3600 },
		{ "2026-09-01 09:00:45", 9 * 3600 + 45 },
		{ "2026-09-01T09:00:00.000Z", 9 * 3600 },
		{ "2026/09/01 9:00:11 AM GMT+2", 9 * 3600 + 11 },
		{ "01-09-2026 17:30", 17 * 3600 + 30 * 60 },
		{ "12/25/2026 5:00 PM", 17 * 3600 },             /* either order for the date */
		{ " 9:00 ", 9 * 3600 },
	};
	enum field_error e;
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		int32_t v = tod(good[i].text, &e);
		if (e != FIELD_OK || v != good[i].seconds)
			fprintf(stderr, "  time \"%s\"\n", good[i].text);
		CHECK_INT(e, FIELD_OK);
		CHECK_INT(v, good[i].seconds);
	}
	static const char *const bad[] = {
		"17.30", "1730", "9", "9 AM", "9:0", "9:000", "009:00", "25:00", "24:01", "24:00:01",
		"24:00:00.5", "9:60", "9:00:60", "0:30 AM", "13:00 PM", "9:00 XM", "9:00 AMZ",
		"9:00 CEST", "9:00 +2:0", "9:00 +020", "9:00 - 17:00", "9:00:", "9:00:00.",
		"2026-02-30 09:00", "2026-09-01", "2026-09-01T", "yesterday 9:00", "T09:00",
		"-9:00", "9:00-", "9:00 GMT+",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		CHECK_INT(tod(bad[i], &e), -1);
		if (e != FIELD_NOT_TIME)
			fprintf(stderr, "  time \"%s\"\n", bad[i]);
		CHECK_INT(e, FIELD_NOT_TIME);
	}
	tod("", &e);
	CHECK_INT(e, FIELD_EMPTY);

	/* date and time together: 24:00 rolls over, so entries across midnight work */
	int32_t d1 = -1, s1 = -1, d2 = -1, s2 = -1;
	int ev = 99;
	CHECK_INT(parse_datetime("2026-09-01 22:30", 16, DATE_ORDER_DMY, &d1, &s1, &ev), FIELD_OK);
	CHECK_INT(d1, day_of(2026, 9, 1));
	CHECK_INT(s1, 22 * 3600 + 30 * 60);
	CHECK_INT(ev, 0);
	CHECK_INT(parse_datetime("02/09/2026 1:15 AM", 18, DATE_ORDER_DMY, &d2, &s2, &ev), FIELD_OK);
	CHECK_INT(d2, day_of(2026, 9, 2));
	CHECK_INT(s2, 4500);
	CHECK_INT((d2 - d1) * 86400 + (s2 - s1), 2 * 3600 + 45 * 60);
	CHECK_INT(parse_datetime("2026-12-31T24:00", 16, DATE_ORDER_AUTO, &d2, &s2, NULL), FIELD_OK);
	CHECK_INT(d2, day_of(2027, 1, 1));
	CHECK_INT(s2, 0);
	CHECK_INT(parse_datetime("12/25/2026 09:00", 16, DATE_ORDER_MDY, &d2, &s2, &ev), FIELD_OK);
	CHECK_INT(d2, day_of(2026, 12, 25));
	CHECK_INT(ev, -1);
	d2 = -1;
	CHECK_INT(parse_datetime("12/25/2026 09:00", 16, DATE_ORDER_DMY, &d2, &s2, &ev), FIELD_NOT_DATE);
	CHECK_INT(ev, -1);
	CHECK_INT(d2, -1);
	CHECK_INT(parse_datetime("2026-09-01", 10, DATE_ORDER_DMY, &d2, &s2, &ev), FIELD_NOT_TIME);
	CHECK_INT(parse_datetime("2026-09-01 ", 11, DATE_ORDER_DMY, &d2, &s2, &ev), FIELD_NOT_TIME);
	CHECK_INT(parse_datetime("2026-09-01 17.30", 16, DATE_ORDER_DMY, &d2, &s2, &ev), FIELD_NOT_TIME);
	CHECK_INT(parse_datetime("09:00", 5, DATE_ORDER_DMY, &d2, &s2, &ev), FIELD_NOT_DATE);
	CHECK_INT(parse_datetime("", 0, DATE_ORDER_DMY, &d2, &s2, &ev), FIELD_EMPTY);
	CHECK_INT(d2, -1);
}

static double dur(const char *s, enum duration_unit unit, enum field_error *e)
{
	double v = -1;
	*e = parse_duration(s, strlen(s), unit, &v);
	return v;
}

static void durations(void)
{
	static const struct {
		const char *text;
		enum duration_unit unit;
		double minutes;
	} good[] = {
		{ "90", DURATION_MINUTES, 90 },
		{ "1,5", DURATION_HOURS, 90 },
		{ "1.25", DURATION_HOURS, 75 },
		{ "0,5", DURATION_MINUTES, 0.5 },
		{ "0", DURATION_HOURS, 0 },
		{ "-0", DURATION_MINUTES, 0 },
		{ "1:15", DURATION_MINUTES, 75 },                /* h:mm whatever the unit */
		{ "1:15", DURATION_HOURS, 75 },
		{ "0:05", DURATION_HOURS, 5 },
		{ "01:30:00", DURATION_MINUTES, 90 },
		{ "00:00:30", DURATION_MINUTES, 0.5 },
		{ "100:00", DURATION_MINUTES, 6000 },            /* totals run past a day */
		{ "1h 30m", DURATION_MINUTES, 90 },
		{ "40:00 min", DURATION_HOURS, 40 },             /* Toggl's classic format */
		{ "5:30 MIN", DURATION_MINUTES, 5.5 },
		{ "1h30m", DURATION_HOURS, 90 },
		{ "2h", DURATION_MINUTES, 120 },
		{ "45m", DURATION_HOURS, 45 },
		{ "90m", DURATION_HOURS, 90 },
		{ "1.5h", DURATION_MINUTES, 90 },
		{ "1,5 h", DURATION_MINUTES, 90 },
		{ "1H 30M", DURATION_MINUTES, 90 },
		{ "1 hour 30 minutes", DURATION_MINUTES, 90 },
		{ "2 hrs", DURATION_MINUTES, 120 },
		{ "1 hr 5 min", DURATION_MINUTES, 65 },
		{ "1h 30m 30s", DURATION_MINUTES, 90.5 },
		{ "30s", DURATION_MINUTES, 0.5 },
		{ "1h 30s", DURATION_MINUTES, 60.5 },
		{ " 2h ", DURATION_MINUTES, 120 },
		{ "0h", DURATION_MINUTES, 0 },
		{ "-0:00", DURATION_MINUTES, 0 },
	};
	enum field_error e;
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		double v = dur(good[i].text, good[i].unit, &e);
		if (e != FIELD_OK)
			fprintf(stderr, "  duration \"%s\"\n", good[i].text);
		CHECK_INT(e, FIELD_OK);
		CHECK_DBL(v, good[i].minutes);
	}
	static const char *const bad[] = {
		"1d", "1w", "1d 2h", "1w 2d", "1h 1h", "30m 1h", "1h 30", "1h30", "h", "1 h m",
		"40:0 min", "40:60 min", "123:00 min", "40:00min",
		"1:5", "1:60", "1:15:60", "1:15:5", ":15", "1:", "1::15", "1:15h", "1.5:00",
		"1 Std. 30 Min.", "1u 30m", "1e3", "1.234,5", "abc", "1h -30m", "--5", "- 5",
		"1.2.3h", "1,5,h",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		CHECK_DBL(dur(bad[i], DURATION_MINUTES, &e), -1);
		if (e != FIELD_NOT_DURATION)
			fprintf(stderr, "  duration \"%s\"\n", bad[i]);
		CHECK_INT(e, FIELD_NOT_DURATION);
	}
	static const char *const negative[] = { "-5", "-1,5", "-1:15", "-1h 30m", "-0:01" };
	for (size_t i = 0; i < sizeof(negative) / sizeof(*negative); i++) {
		CHECK_DBL(dur(negative[i], DURATION_HOURS, &e), -1);
		CHECK_INT(e, FIELD_OUT_OF_RANGE);
	}
	dur("", DURATION_MINUTES, &e);
	CHECK_INT(e, FIELD_EMPTY);
	dur("  ", DURATION_HOURS, &e);
	CHECK_INT(e, FIELD_EMPTY);

	CHECK_INT(duration_check_day(0), FIELD_OK);
	CHECK_INT(duration_check_day(1440), FIELD_OK);
	CHECK_INT(duration_check_day(1440.5), FIELD_OUT_OF_RANGE);
	CHECK_INT(duration_check_day(-0.5), FIELD_OUT_OF_RANGE);
	CHECK_INT(duration_check_day(NAN), FIELD_OUT_OF_RANGE);
	CHECK_INT(duration_check_day(dur("24:00", DURATION_MINUTES, &e)), FIELD_OK);
	CHECK_INT(duration_check_day(dur("25h", DURATION_MINUTES, &e)), FIELD_OUT_OF_RANGE);
}

static bool marked(const char *s, const char *const *markers, size_t count)
{
	return text_has_marker(s, strlen(s), markers, count);
}

static void markers(void)
{
	static const char *const ai[] = { "AI" };
	static const char *const ai_ki[] = { "AI", "KI" };
	static const char *const phrases[] = { "AI-assisted", "met AI", NULL, "" };
	static const char *const yes[] = {
		"AI, Intern", "ai", "AI", "Ai", "AI-ondersteund", "Offerte met AI opgesteld", "#AI",
		"(AI)", "AI/ML", "x AI", "AI\u2014x", "x\u2014AI", "AI\u2026", "\u201CAI\u201D",
		"AI\u00A0tool", "\u00ABAI\u00BB", "AI\U0001F916", "\U0001F916AI", "2x AI",
		"AI\u2714\uFE0F",
	};
	static const char *const no[] = {
		"Intern", "Mail", "Email", "Kaizen", "AIR", "MAIN", "Ai2", "2AI", "AI\u00F6",
		"\u00E9AI", "AI\u00DF", "Mail, Kaizen", "A I", "", "A", "AI\xC3", "\x80" "AI",
		"\xBF" "AI", "\xC3\xA9" "AI", "K\u0130AI",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++) {
		if (!marked(yes[i], ai, 1))
			fprintf(stderr, "  marker \"%s\"\n", yes[i]);
		CHECK(marked(yes[i], ai, 1));
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++) {
		if (marked(no[i], ai, 1))
			fprintf(stderr, "  marker \"%s\"\n", no[i]);
		CHECK(!marked(no[i], ai, 1));
	}
	CHECK(marked("KI", ai_ki, 2));
	CHECK(marked("Angebot mit KI-Hilfe", ai_ki, 2));
	CHECK(!marked("KI", ai, 1));
	CHECK(!marked("Kiosk", ai_ki, 2));
	CHECK(!marked("AI", ai, 0));
	CHECK(marked("Offerte (ai-assisted)", phrases, 4));
	CHECK(marked("Offerte met ai", phrases, 4));
	CHECK(!marked("AI-assistedness", phrases, 4));
	CHECK(!marked("AI assisted", phrases, 4));         /* a marker matches as written */
	CHECK(!marked("Offerte", phrases, 4));             /* NULL and "" never match */
	/* length-limited: the text is s[0..n), not a C string */
	CHECK(text_has_marker("AIR", 2, ai, 1));
	CHECK(!text_has_marker("xAI", 2, ai, 1));
	CHECK(!text_has_marker("AI", 1, ai, 1));
}

static int likert(const char *s)
{
	return parse_likert_text(s, strlen(s), NULL, 0);
}

static void likert_texts(void)
{
	static const struct scale_word builtin[] = {
		/* Dutch, with and without "mee" */
		{ "Helemaal mee oneens", 1 }, { "Helemaal oneens", 1 }, { "Helemaal niet mee eens", 1 },
		{ "Mee oneens", 2 }, { "Oneens", 2 }, { "Niet mee eens", 2 },
		{ "Neutraal", 3 }, { "Niet eens, niet oneens", 3 }, { "Noch eens, noch oneens", 3 },
		{ "Niet mee eens, niet mee oneens", 3 },
		{ "Mee eens", 4 }, { "Eens", 4 },
		{ "Helemaal mee eens", 5 }, { "Helemaal eens", 5 },
		/* English */
		{ "Strongly disagree", 1 }, { "Disagree", 2 }, { "Neither agree nor disagree", 3 },
		{ "Neutral", 3 }, { "Agree", 4 }, { "Strongly agree", 5 },
		/* German */
		{ "Stimme \u00FCberhaupt nicht zu", 1 }, { "Stimme gar nicht zu", 1 },
		{ "Trifft \u00FCberhaupt nicht zu", 1 }, { "Trifft gar nicht zu", 1 },
		{ "Stimme nicht zu", 2 }, { "Stimme eher nicht zu", 2 }, { "Trifft eher nicht zu", 2 },
		{ "Weder noch", 3 }, { "Teils, teils", 3 }, { "Teils/teils", 3 }, { "teils-teils", 3 },
		{ "Stimme zu", 4 }, { "Stimme eher zu", 4 }, { "Trifft eher zu", 4 },
		{ "Stimme voll und ganz zu", 5 }, { "Stimme voll zu", 5 }, { "Stimme v\u00F6llig zu", 5 },
		{ "Trifft voll und ganz zu", 5 }, { "Trifft voll zu", 5 }, { "Trifft v\u00F6llig zu", 5 },
	};
	for (size_t i = 0; i < sizeof(builtin) / sizeof(*builtin); i++) {
		int v = likert(builtin[i].text);
		if (v != builtin[i].value)
			fprintf(stderr, "  likert \"%s\"\n", builtin[i].text);
		CHECK_INT(v, builtin[i].value);
	}
	/* folding: case, Ä Ö Ü, white space and punctuation runs */
	static const struct scale_word folded[] = {
		{ "  HELEMAAL   MEE\tEENS ", 5 }, { "helemaal mee eens.", 5 }, { "STIMME \u00DCBERHAUPT NICHT ZU", 1 },
		{ "Stimme \u00DCberhaupt nicht zu", 1 }, { "Teils \u2013 teils", 3 }, { "neither agree\u00A0nor disagree", 3 },
		{ "(Neutraal)", 3 }, { "Strongly\r\nagree", 5 }, { "STIMME V\u00D6LLIG ZU", 5 },
	};
	for (size_t i = 0; i < sizeof(folded) / sizeof(*folded); i++)
		CHECK_INT(likert(folded[i].text), folded[i].value);
	/* numbers */
	static const struct scale_word numbers[] = {
		{ "1", 1 }, { "5", 5 }, { " 3 ", 3 }, { "4.0", 4 }, { "+4", 4 }, { "04", 4 },
		{ "4 - Eens", 4 }, { "5 (Helemaal mee eens)", 5 }, { "4. Agree", 4 }, { "2) Oneens", 2 },
		{ "1 \u2013 Helemaal oneens", 1 }, { "3 = neutraal", 3 }, { "4)", 4 },
		{ "4 - Helemaal oneens", 4 },                        /* the number wins */
	};
	for (size_t i = 0; i < sizeof(numbers) / sizeof(*numbers); i++) {
		int v = likert(numbers[i].text);
		if (v != numbers[i].value)
			fprintf(stderr, "  likert \"%s\"\n", numbers[i].text);
		CHECK_INT(v, numbers[i].value);
	}
	static const char *const unknown[] = {
		"", "   ", "0", "6", "10", "-1", "4.5", "4,5", "1-2", "4 5", "5/5", "45", "4Eens", "4x",
		"Trifft nicht zu", "Trifft zu",             /* ends or not: only the file's scale knows */
		"Somewhat agree", "Eensch", "mee", "Helemaal", "zu", "N.v.t.", "Eens Eens",
		"stimme ueberhaupt nicht zu", "ja",
	};
	for (size_t i = 0; i < sizeof(unknown) / sizeof(*unknown); i++) {
		int v = likert(unknown[i]);
		if (v != 0)
			fprintf(stderr, "  likert \"%s\"\n", unknown[i]);
		CHECK_INT(v, 0);
	}
	CHECK_INT(parse_likert_text("Eens\0", 5, NULL, 0), 0);   /* a NUL is not a separator */
	CHECK_INT(parse_likert_text("Eens", 4, NULL, 0), 4);
	/* custom entries are folded the same way and win over the built-ins */
	static const struct scale_word custom[] = {
		{ "Trifft nicht zu", 1 }, { "Trifft zu", 5 }, { "EENS", 3 }, { NULL, 2 },
		{ "N.v.t.", 0 }, { "Neutraal", 9 }, { "3 - weet niet", 0 },
	};
	size_t nc = sizeof(custom) / sizeof(*custom);
	CHECK_INT(parse_likert_text("trifft  nicht zu", 16, custom, nc), 1);
	CHECK_INT(parse_likert_text("Trifft zu", 9, custom, nc), 5);
	CHECK_INT(parse_likert_text("eens", 4, custom, nc), 3);
	CHECK_INT(parse_likert_text("n.v.t", 5, custom, nc), 0);
	CHECK_INT(parse_likert_text("Neutraal", 8, custom, nc), 0);   /* out of 1..5: unknown */
	CHECK_INT(parse_likert_text("3 - Weet niet", 13, custom, nc), 0);
	CHECK_INT(parse_likert_text("Mee eens", 8, custom, nc), 4);
	CHECK_INT(parse_likert_text("4", 1, custom, nc), 4);
}

static void numbers_with_unit(void)
{
	static const struct {
		const char *text;
		double value;
	} good[] = {
		{ "2 dagen", 2 }, { "3 days", 3 }, { "2 Tage", 2 }, { "1 dag", 1 }, { "0,5 dag", 0.5 },
		{ "2", 2 }, { " 2 ", 2 }, { "2days", 2 }, { "1.5 days per week", 1.5 },
		{ "2 d\u00EDas", 2 }, { "5.", 5 }, { ",5 dag", 0.5 }, { "-1 dag", -1 }, { "+2 dagen", 2 },
		{ "4\tdagen", 4 },
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		double v = -12345;
		enum field_error e = parse_number_with_unit(good[i].text, strlen(good[i].text), &v);
		if (e != FIELD_OK)
			fprintf(stderr, "  number with unit \"%s\"\n", good[i].text);
		CHECK_INT(e, FIELD_OK);
		CHECK_DBL(v, good[i].value);
	}
	static const char *const bad[] = {
		"2-3 dagen", "~2", "2 \u00E0 3 dagen", "dagen", "2 dagen.", "2,5,dagen", "2 - dagen",
		"2 dagen/week", "1e3", "2 \u2013 3", "2 \u2014", "ca. 2 dagen", "2 dagen 3", "2..5",
		"1.234,5 dag", "\u20AC5", "1\uFFFD", "2 dagen\uFFFD",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		double v = -12345;
		enum field_error e = parse_number_with_unit(bad[i], strlen(bad[i]), &v);
		if (e != FIELD_NOT_NUMBER)
			fprintf(stderr, "  number with unit \"%s\"\n", bad[i]);
		CHECK_INT(e, FIELD_NOT_NUMBER);
		CHECK_DBL(v, -12345);
	}
	double v;
	CHECK_INT(parse_number_with_unit("", 0, &v), FIELD_EMPTY);
	CHECK_INT(parse_number_with_unit(" \t ", 3, &v), FIELD_EMPTY);
}

void test_fields(void)
{
	numbers();
	dates();
	booleans();
	booleans_from_tools();
	dates_ordered();
	times_of_day();
	durations();
	markers();
	likert_texts();
	numbers_with_unit();
}
