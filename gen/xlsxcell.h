/* xlsxcell.h - the text of spreadsheet cells: numbers written locale-free,
 * date serials, number-format codes that show dates, A1 references and Excel's
 * _xHHHH_ escapes.  Pure functions; the .xlsx reader (xlsxin_*.c) uses them. */
#ifndef AIREPORT_XLSXCELL_H
#define AIREPORT_XLSXCELL_H

#include <stdbool.h>
#include <stddef.h>

#define XLSXCELL_MAX_COLUMNS 16384     /* A .. XFD */

/* Writes the A1-style reference of (row, 0-based column) into out: (14, 2) ->
 * "C14".  Returns out. */
char *xlsxcell_ref(long row, int column, char out[24]);

/* Shortest decimal that round-trips, as xlsxin_read writes them (xlsxin.h), in the C
 * locale whatever the current one.  Returns the length written to out. */
size_t xlsxcell_format_number(double x, char out[40]);
/* Whether s[0..n) is an integer that xlsxcell_format_number() shows as it is
 * written: "0", or an optional minus and 1 to 15 digits without a leading zero. */
bool xlsxcell_plain_integer(const char *s, size_t n);

/* Formats a date serial (1900 or 1904 system) as xlsxin_read writes them (xlsxin.h).
 * Returns false (out untouched) for serials out of 0 .. 2958465.99999. */
bool xlsxcell_format_serial(double serial, bool date1904, char out[24]);

/* true when an Excel number format code shows a date or time (d m y h s outside
 * quotes, escapes and [colour]/[$locale] brackets; [h] [mm] [ss] count). */
bool xlsxcell_format_is_date(const char *code);

/* true when a built-in number format id is a date or time format. */
bool xlsxcell_builtin_is_date(long id);

/* Column (0-based) of a reference like "C14": letters A..XFD, then digits.
 * -1 when malformed or past XFD. */
int xlsxcell_ref_column(const char *ref);

/* Parses a whole decimal number in the C locale (white space around allowed);
 * false for anything else, infinities and NaN included. */
bool xlsxcell_parse_number(const char *s, double *out);

/* Decodes Excel's _xHHHH_ escapes (control characters in strings) in s[0..n)
 * in place; _x005F_ is a literal underscore.  NUL and surrogates become U+FFFD.
 * The result is never longer.  Returns the new length; no NUL is written. */
size_t xlsxcell_unescape(char *s, size_t n);

#endif
