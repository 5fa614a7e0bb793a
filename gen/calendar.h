/* calendar.h - days, months and quarters, for readers and writers alike.  Pure
 * functions over the proleptic Gregorian calendar; no I/O. */
#ifndef AIREPORT_CALENDAR_H
#define AIREPORT_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

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
/* "2026-Q3" for quarter index q, in out[QUARTER_LABEL_SIZE]. */
enum { QUARTER_LABEL_SIZE = 16 };
void quarter_label(int q, char out[QUARTER_LABEL_SIZE]);
/* Months: index m = year * 12 + (month - 1). */
int month_of_days(int32_t days);

#endif
