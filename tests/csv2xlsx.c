/*
 * csv2xlsx - a comma-separated file as an .xlsx workbook written by libxlsxwriter,
 * for the tests and the benchmark: the same data as CSV and as a workbook must
 * give the same figures.
 *
 *   tests/csv2xlsx IN.csv OUT.xlsx [SHEET]
 *
 * Row 1 stays text.  In later rows a YYYY-MM-DD cell becomes a date cell (shown
 * as dd-mm-yyyy, as a Dutch Excel shows it), a plain decimal number (digits, at
 * most one '.') a number, everything else text.  Quotes follow RFC 4180.  The
 * workbook is written in libxlsxwriter's constant-memory mode, so a million rows
 * need no more memory than ten.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

/* Reads one CSV record into fields (NUL-separated in buf); returns the count, or
 * -1 at the end of the file. */
static int read_record(FILE *f, char **buf, size_t *cap, size_t *starts, int max)
{
	size_t len = 0;
	int n = 0, c;
	bool quoted = false, any = false;
	starts[n++] = 0;
	while ((c = getc(f)) != EOF) {
		any = true;
		if (len + 2 > *cap) {
			*cap = *cap ? *cap * 2 : 4096;
			*buf = realloc(*buf, *cap);
			if (!*buf)
				exit(3);
		}
		if (quoted) {
			if (c == '"') {
				int next = getc(f);
				if (next == '"') {
					(*buf)[len++] = '"';
					continue;
				}
				quoted = false;
				if (next == EOF)
					break;
				c = next;
			} else {
				(*buf)[len++] = (char)c;
				continue;
			}
		}
		if (c == '"') {
			quoted = true;
		} else if (c == ',') {
			(*buf)[len++] = '\0';
			if (n < max)
				starts[n++] = len;
		} else if (c == '\n') {
			break;
		} else if (c != '\r') {
			(*buf)[len++] = (char)c;
		}
	}
	if (!any)
		return -1;
	if (len + 1 > *cap) {
		*cap = len + 1;
		*buf = realloc(*buf, *cap);
		if (!*buf)
			exit(3);
	}
	(*buf)[len] = '\0';
	return n;
}

static bool is_iso_date(const char *s, lxw_datetime *dt)
{
	int y, m, d;
	char rest;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3)
		return false;
	/* as Excel does, a date that does not exist (2026-09-31) stays text */
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1] + (m == 2 && leap))
		return false;
	*dt = (lxw_datetime){ .year = y, .month = m, .day = d };
	return true;
}

static bool is_plain_number(const char *s, double *v)
{
	const char *p = s;
	if (*p == '-')
		p++;
	int digits = 0, dots = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && !dots)
			dots++;
		else
			return false;
	}
	if (!digits || (s[0] == '0' && s[1] >= '0' && s[1] <= '9'))   /* keep "007" text */
		return false;
	*v = strtod(s, NULL);
	return true;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fputs("usage: csv2xlsx IN.csv OUT.xlsx [SHEET]\n", stderr);
		return 2;
	}
	FILE *in = fopen(argv[1], "rb");
	if (!in) {
		perror(argv[1]);
		return 3;
	}
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };
	lxw_workbook *wb = workbook_new_opt(argv[2], &options);
	lxw_worksheet *ws = workbook_add_worksheet(wb, argc == 4 ? argv[3] : NULL);
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "dd-mm-yyyy");
	char *buf = NULL;
	size_t cap = 0, starts[1024];
	int n;
	/* a UTF-8 byte order mark is not part of the first name */
	unsigned char bom[3];
	if (fread(bom, 1, 3, in) != 3 || memcmp(bom, "\xEF\xBB\xBF", 3) != 0)
		rewind(in);
	for (lxw_row_t row = 0; (n = read_record(in, &buf, &cap, starts, 1024)) >= 0; row++) {
		for (int i = 0; i < n; i++) {
			const char *s = buf + starts[i];
			lxw_datetime dt;
			double v;
			if (!*s)
				continue;
			if (row > 0 && is_iso_date(s, &dt))
				worksheet_write_datetime(ws, row, (lxw_col_t)i, &dt, date);
			else if (row > 0 && is_plain_number(s, &v))
				worksheet_write_number(ws, row, (lxw_col_t)i, v, NULL);
			else
				worksheet_write_string(ws, row, (lxw_col_t)i, s, NULL);
		}
	}
	free(buf);
	fclose(in);
	lxw_error e = workbook_close(wb);
	if (e != LXW_NO_ERROR) {
		fprintf(stderr, "csv2xlsx: %s: %s\n", argv[2], lxw_strerror(e));
		return 3;
	}
	return 0;
}
