/* fields.h - pure parsers for typed CSV fields (SPEC §2, §11.6-8) and calendar
 * arithmetic.  No I/O, no allocation: tests call them directly. */
#ifndef AIREPORT_FIELDS_H
#define AIREPORT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Why a typed value was rejected; field_error_text() gives the reject reason. */
enum field_error {
	FIELD_OK,
	FIELD_EMPTY,          /* required value missing */
	FIELD_NOT_NUMBER,
	FIELD_NOT_INTEGER,
	FIELD_OUT_OF_RANGE,
	FIELD_NOT_DATE,
	FIELD_NOT_BOOLEAN,
	FIELD_TOO_LONG,
};

/* Trims ASCII spaces and tabs from both ends of s[0..*n); returns the new start. */
const char *trim_span(const char *s, size_t *n);

/* A number per §11.6: ^[+-]?(\d+([.,]\d*)?|[.,]\d+)$ after trimming. */
enum field_error parse_number(const char *s, size_t n, double *out);
/* A number with an integral value (3.0 is 3). */
enum field_error parse_integer(const char *s, size_t n, long *out);
/* YYYY-MM-DD, D-M-YYYY, D.M.YYYY, D/M/YYYY with an optional time part after ' '
 * or 'T' (§2, §11.7).  *out = days since 1970-01-01. */
enum field_error parse_date(const char *s, size_t n, int32_t *out);
/* 1 true yes y ja j x / 0 false no n nee nein and empty (§2); also Excel's own
 * TRUE/FALSE in Dutch and German (WAAR/ONWAAR, WAHR/FALSCH) and the check marks
 * ✓ ✔ ☑ ✅ (true) and ✗ ✘ ☐ ❌ (false), each optionally followed by U+FE0F. */
enum field_error parse_bool(const char *s, size_t n, bool *out);

/* Days since 1970-01-01 <-> civil date (proleptic Gregorian). */
int32_t days_from_civil(int y, int m, int d);
void civil_from_days(int32_t days, int *y, int *m, int *d);
bool valid_civil(int y, int m, int d);

/* Quarters: index q = year * 4 + (quarter - 1). */
int quarter_of_days(int32_t days);
int32_t quarter_first_day(int q);
int32_t quarter_last_day(int q);
/* "2026-Q3" -> index; false when malformed. */
bool parse_quarter(const char *s, int *q);
/* Months: index m = year * 12 + (month - 1). */
int month_of_days(int32_t days);

#endif
