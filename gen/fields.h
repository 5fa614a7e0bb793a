/* fields.h - pure parsers for typed CSV fields (SPEC §2, §11.6-8) and for values as
 * tools export them; days and quarters come from calendar.h.  No I/O, no
 * allocation: tests call them directly. */
#ifndef AIREPORT_FIELDS_H
#define AIREPORT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calendar.h"

/* Why a typed value was rejected; field_error_reason() (ingest.h) gives
 * the reject reason. */
enum field_error {
	FIELD_OK,
	FIELD_EMPTY,          /* required value missing */
	FIELD_NOT_NUMBER,
	FIELD_NOT_INTEGER,
	FIELD_OUT_OF_RANGE,
	FIELD_NOT_DATE,
	FIELD_NOT_BOOLEAN,
	FIELD_TOO_LONG,
	FIELD_NOT_TIME,
	FIELD_NOT_DURATION,
	FIELD_NOT_LIKERT,     /* for callers of parse_likert_text(), which returns 0 */
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

/* How a date that is not year-first is read.  AUTO reads day-first like DMY and
 * reports evidence so the caller can choose an order per file and read again;
 * YMD accepts only the year-first forms. */
enum date_order { DATE_ORDER_AUTO, DATE_ORDER_DMY, DATE_ORDER_MDY, DATE_ORDER_YMD };

/* The lenient date reader for tool exports.  Year-first Y-M-D, Y/M/D, Y.M.D (year
 * 4 digits) in every order; D-M-Y, D.M.Y, D/M/Y (or M-D-Y ... for MDY) with 1-2
 * digit day and month and a 4-digit or 2-digit year (00-69 -> 20xx, 70-99 ->
 * 19xx).  Anything after the first ' ' or 'T' (a time, a zone) is ignored; the
 * day is the one written, never shifted by a zone.  *out = days since
 * 1970-01-01.  evidence (may be NULL) is always written: +1 when the digits are a
 * real date only day-first, -1 only month-first, else 0 (also for year-first
 * and for text that is not a date); it is set even when the order given makes
 * the date invalid, so a caller can see that its order was wrong. */
enum field_error parse_date_ordered(const char *s, size_t n, enum date_order order,
                                    int32_t *out, int *evidence);

/* A time of day: H:MM, H:MM:SS (an optional .fraction of a second is dropped),
 * each optionally with AM/PM (a.m./p.m.; hour 1-12) and a zone (Z, +02:00,
 * +0200, GMT+2, UTC) that is ignored; or a date and such a time after ' ' or 'T'
 * (the date must be valid day-first or month-first and is otherwise ignored).
 * 0 <= *seconds < 86400, except 24:00 and 24:00:00 which mean the end of the day
 * (86400).  "17.30" is rejected: it reads as 17.3 hours or a date just as well. */
enum field_error parse_time_of_day(const char *s, size_t n, int32_t *seconds);
/* A date (parse_date_ordered) followed by ' ' or 'T' and a time of day as above.
 * 24:00 is normalised to 0:00 of the next day, so 0 <= *seconds < 86400 and
 * (days2 - days1) * 86400 + (seconds2 - seconds1) is the length of an entry even
 * across midnight.  Zones are ignored, both ends are taken as written. */
enum field_error parse_datetime(const char *s, size_t n, enum date_order order,
                                int32_t *days, int32_t *seconds, int *evidence);

/* What a bare number in a duration column means. */
enum duration_unit { DURATION_MINUTES, DURATION_HOURS };

/* A duration in minutes: a bare number per parse_number() in the given unit;
 * h:mm or h:mm:ss (hours of any length, minutes and seconds 00-59); or one to
 * three parts, largest first, like Jira/Tempo's "1h 30m", "1h30m", "1.5h",
 * "45m", "1h 30m 15s" (h hr hrs hour hours / m min mins minute minutes / s sec
 * secs second seconds, any case).  Days and weeks ("1d", "1w") are rejected:
 * their length in hours is a per-site Jira setting.  A negative duration is
 * FIELD_OUT_OF_RANGE; a malformed one FIELD_NOT_DURATION. */
enum field_error parse_duration(const char *s, size_t n, enum duration_unit unit,
                                double *minutes);
/* FIELD_OK when 0 <= minutes <= 1440 (one entry is at most a day, §2.2). */
enum field_error duration_check_day(double minutes);

#include "answers.h"

#endif
