/* xlsxin.h - .xlsx workbooks -> the same records csvin.h produces, so the readers
 * of survey and timesheet rows do not know which format a file had.  xlsxin.c
 * and its parts (xlsxin_reader.c, xlsxin_book.c, xlsxin_sheet.c) are the only
 * files that include <zip.h> and <expat.h>.
 *
 * One worksheet is streamed: a row of the sheet is one record, its cells the
 * fields.  Memory holds the shared strings and the styles, never the rows. */
#ifndef AIREPORT_XLSXIN_H
#define AIREPORT_XLSXIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "csvin.h"
#include "xlsxcell.h"

/* Limits against zip bombs and damaged files.  A part whose uncompressed XML
 * passes its byte limit, or that inflates more than XLSXIN_MAX_RATIO times its
 * compressed size once past XLSXIN_RATIO_FLOOR bytes, stops the read with
 * EXIT_DATA.  Bytes are counted as they are inflated, so a ZIP whose declared
 * sizes lie is caught as well.  Deflate cannot pass about 1030:1, so the ratio
 * mainly guards the other methods libzip may decode; the byte limits are the
 * real bound.  A real 1 M-row survey sheet is a few hundred MB of XML. */
#define XLSXIN_MAX_SHEET_BYTES  ((long long)1 << 30)   /* the worksheet */
#define XLSXIN_MAX_PART_BYTES   ((long long)256 << 20) /* shared strings, styles,
                                                          workbook, relationships */
#define XLSXIN_MAX_RATIO        1000
#define XLSXIN_RATIO_FLOOR      ((long long)16 << 20)
#define XLSXIN_MAX_SHARED_STRINGS ((size_t)1 << 24)    /* held in memory */
/* Excel's sheet size: a row number beyond, or a column beyond XFD
 * (XLSXCELL_MAX_COLUMNS), is a damaged file.  A row's text is bounded like a CSV
 * record (CSVIN_MAX_RECORD_BYTES). */
#define XLSXIN_MAX_ROWS         1048576L

/* The limits above, lowered by tests; xlsxin_options.limits = NULL uses them. */
struct xlsxin_limits {
	long long sheet_bytes;
	long long part_bytes;
	long long ratio;
	long long ratio_floor;
	size_t shared_strings;
};

struct xlsxin_options {
	const char *sheet;       /* NULL = the first worksheet in workbook order; else a
	                            sheet name (exact), or digits = 1-based position */
	bool pad_to_header;      /* pad rows shorter than the first record with empty
	                            fields, as a CSV export of the sheet has them */
	bool progress;           /* a progress line on err when err is a TTY */
	const struct xlsxin_limits *limits;  /* NULL = the defaults above */
};

/* What xlsxin_read found out. */
struct xlsxin_info {
	char sheet[256];         /* name of the sheet read, UTF-8 (cut if longer) */
	long records;            /* records passed to fn, header included */
	bool date1904;           /* the workbook uses the 1904 date system */
	bool scanned;            /* the sheet was read without expat (xlsxin_scan.c) */
};

/* What a file is, judged by its first bytes (and, for CFB, its directory). */
enum xlsxin_kind {
	XLSXIN_NOT_WORKBOOK,     /* anything else: read it as CSV */
	XLSXIN_ZIP,              /* PK\3\4: an .xlsx (or another ZIP) */
	XLSXIN_OLD_XLS,          /* CFB container without encryption: Excel 97-2003 */
	XLSXIN_ENCRYPTED,        /* CFB container with an EncryptionInfo stream: a
	                            password-protected .xlsx */
};

/* Classifies the file at path by content.  A path that cannot be opened or is
 * not a regular file (a pipe) is XLSXIN_NOT_WORKBOOK, so that the CSV reader
 * reports it as it always has. */
enum xlsxin_kind xlsxin_classify(const char *path);

/* Same over bytes in memory. */
enum xlsxin_kind xlsxin_classify_buffer(const unsigned char *data, size_t len);

/* true when path should be read by xlsxin_read (kind != XLSXIN_NOT_WORKBOOK);
 * xlsxin_read then explains an old .xls or an encrypted file. */
bool xlsxin_is_workbook(const char *path);

/* Streams one worksheet of the workbook at path and calls fn for each row that
 * has a non-empty cell, with line = the row number and fields[i] = column i
 * (A = 0), gaps filled with empty fields, up to the last non-empty cell.
 * Strings (shared, inline, formula results) are quoted = true and kept as they
 * are; numbers are the shortest decimal that reads back the same, with '.'
 * and no exponent for 1e-7 <= |x| < 1e21; booleans TRUE / FALSE; errors their
 * text (#N/A); numbers in a date or time format become YYYY-MM-DD,
 * HH:MM:SS (serial < 1) or YYYY-MM-DD HH:MM:SS, rounded to the second.
 *
 * Returns 0 when the sheet was read (or fn stopped it); EXIT_IO (3) when the
 * file cannot be opened or read; EXIT_DATA (1) for everything unusable: not a
 * ZIP or a damaged one, an old .xls, a password-protected workbook, a missing
 * sheet (the message lists the sheets), malformed XML, any DTD, a limit above.
 * Rows before the failure have been passed to fn.  Each failure prints one line
 * "aireport: path: ..." on err.  info may be NULL. */
int xlsxin_read(const char *path, const struct xlsxin_options *opt, csv_record_fn fn,
                void *ctx, struct xlsxin_info *info, FILE *err);

/* Same, over a workbook in memory (tests and fuzzing); name is used in messages. */
int xlsxin_read_buffer(const char *name, const void *data, size_t len,
                       const struct xlsxin_options *opt, csv_record_fn fn, void *ctx,
                       struct xlsxin_info *info, FILE *err);

#endif
