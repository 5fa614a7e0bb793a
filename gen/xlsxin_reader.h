/* xlsxin_reader.h - the state of one workbook read and the plumbing every part of
 * it uses (xlsxin_reader.c): the one error line of a failed read, the progress
 * line, and one ZIP part streamed through expat.  Only xlsxin*.c include it. */
#ifndef AIREPORT_XLSXIN_READER_H
#define AIREPORT_XLSXIN_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "csvin.h"
#include "progress.h"
#include "util.h"
#include "xlsxin.h"

#define NS_SEP '\x01'               /* expat: "namespace-uri\x01local-name" */

struct sheet_entry {
	char *name;
	char *rel_id;
};

struct relationship {
	char *id;
	char *type;
	char *target;
};

struct custom_format {
	long id;
	bool is_date;
};

enum cell_type { CELL_NUMBER, CELL_SHARED, CELL_INLINE, CELL_FORMULA_STRING,
                 CELL_BOOL, CELL_ERROR, CELL_DATE_TEXT };

struct row_cell {
	int column;
	size_t offset;     /* into reader.row_text, NUL-terminated there */
	size_t len;
	bool quoted;
};

struct reader {
	const char *name;              /* the file as given, for messages */
	FILE *err;
	zip_t *zip;
	const struct xlsxin_options *opt;
	csv_record_fn fn;
	void *ctx;
	struct xlsxin_limits lim;
	int status;
	bool failed;                   /* a message has been printed */
	bool stopped;                  /* fn asked to stop */
	bool trial;                    /* the sheet scanner's pass: a failure is not told */
	bool bailed;                   /* ... but ends the pass (xlsxin_scan.c) */
	bool scanned;                  /* the scanner read the whole sheet */

	XML_Parser parser;
	const char *part;              /* part being parsed, for messages */

	/* workbook.xml and its relationships */
	bool date1904;
	struct sheet_entry *sheets;
	size_t sheet_count, sheet_cap;
	struct relationship *rels;
	size_t rel_count, rel_cap;
	char sheet_name[256];

	/* sharedStrings.xml: string i is pool[offsets[i] .. offsets[i + 1]) */
	struct buf pool;
	size_t *offsets;
	size_t string_count, offset_cap;
	int si_depth;                  /* inside <si> */
	int phonetic_depth;            /* inside <rPh>: reading aids, not text */
	bool in_text;

	/* styles.xml */
	struct custom_format *formats;
	size_t format_count, format_cap;
	long *xf_format;               /* numFmtId of each cellXfs entry */
	bool *xf_date;
	size_t xf_count, xf_cap;
	bool in_cell_xfs;

	/* the sheet */
	bool in_row, in_cell, in_value, in_inline;
	long row, last_row;
	int column, next_column;
	enum cell_type cell_type;
	long cell_style;
	struct buf value;              /* text of the cell being read */
	struct buf row_text;
	struct row_cell *cells;
	size_t cell_count, cell_cap;
	struct csv_field *fields;
	size_t field_cap;
	size_t header_count;
	long records;
	long emitted_through;          /* the last row handed to fn */
	long skip_through;             /* rows up to it were handed over already */

	unsigned char *open_elements;   /* the sheet's open elements (xlsxin_sheet.c) */
	size_t open_depth, open_cap;
	long long part_bytes, part_size;
	struct progress progress;       /* the sheet's line (progress.h) */
};

/* Prints the one error line of a failed read ("aireport: name: ...") and stops
 * the parser; later failures are consequences and stay silent.  Control
 * characters from the file (a sheet name with &#10;) become '?', so the message
 * stays one line. */
void reader_fail(struct reader *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Same, naming the cell: "aireport: name:Sheet!C14: ...". */
void reader_fail_cell(struct reader *r, const char *what);

/* Inflates the part at index idx in chunks into a new expat parser with the given
 * handlers.  Returns 0 or the failure status (the message printed). */
int part_parse(struct reader *r, zip_int64_t idx, const char *name, long long limit,
               XML_StartElementHandler start, XML_EndElementHandler end,
               XML_CharacterDataHandler text, bool show_progress);
/* The part at index idx inflated in chunks (the last one empty, final) into
 * feed, with the limits against zip bombs, until feed returns false, the read
 * fails or fn asks to stop.  Returns 0 or the failure status. */
typedef bool (*part_feed)(struct reader *r, void *arg, const char *data, size_t n, bool final);
int part_stream(struct reader *r, zip_int64_t idx, const char *name, long long limit,
                bool show_progress, part_feed feed, void *arg);

/* Index of a part, or -1 when the archive has none of that name. */
zip_int64_t part_find(struct reader *r, const char *name);

/* What the handlers of every part use, inline: they run for every element. */

static inline const char *local_name(const char *name)
{
	const char *s = strrchr(name, NS_SEP);
	return s ? s + 1 : name;
}

static inline const char *attr_get(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(local_name(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

/* A non-negative decimal integer (no sign, no spaces), or -1. */
static inline long long digits_parse(const char *s, size_t n)
{
	if (n == 0 || n > 15)
		return -1;
	long long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

#endif
