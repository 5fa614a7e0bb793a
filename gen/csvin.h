/* csvin.h - bytes -> records (SPEC §2, §11.1-5): encoding, delimiter, RFC 4180
 * quoting, blank lines and physical line numbers.  The only file that includes
 * <csv.h>.  It knows nothing about columns or types. */
#ifndef AIREPORT_CSVIN_H
#define AIREPORT_CSVIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "rules.h"

/* One field, in UTF-8.  Unquoted fields are already trimmed of leading and
 * trailing spaces/tabs; quoted fields keep their inner spaces (§2, §11.6).
 * data is NUL-terminated at data[len]. */
struct csv_field {
	const char *data;
	size_t len;
	bool quoted;
};

/* One record.  line = physical line on which the record starts (header = the
 * first non-blank line; blank lines count for numbering but are never passed). */
struct csv_record {
	long line;
	size_t count;
	struct csv_field *fields;
};

/* Called for every record, the header first.  The record and its fields are only
 * valid during the call.  Return 0 to go on, non-zero to stop reading. */
typedef int (*csv_record_fn)(const struct csv_record *rec, void *ctx);

struct csvin_options {
	enum encoding_mode encoding;   /* from [input] encoding */
	char delimiter;                /* 0 = detect from the first non-blank line */
	bool progress;                 /* show a progress line on a TTY for large files */
};

/* What csvin_read found out about a file. */
struct csvin_info {
	char delimiter;                /* the delimiter used */
	enum { CSV_UTF8, CSV_UTF8_BOM, CSV_UTF16LE, CSV_UTF16BE, CSV_WINDOWS1252 } encoding;
	long records;                  /* records passed to fn, header included */
	long long bytes;               /* size of the file */
};

/* Streams the file at path (memory does not grow with its size) and calls fn for
 * each record.  Returns 0 when the whole file was read (or fn stopped it);
 * EXIT_IO (3) when it cannot be opened or read, EXIT_DATA (1) when
 * encoding = utf-8 is forced and the file is not valid UTF-8.  Each failure prints
 * one line "path: message" (or "path:line: message") on err.  info may be NULL. */
int csvin_read(const char *path, const struct csvin_options *opt, csv_record_fn fn,
               void *ctx, struct csvin_info *info, FILE *err);

/* Same, over a buffer in memory (tests and fuzzing); name is used in messages. */
int csvin_read_buffer(const char *name, const char *data, size_t len,
                      const struct csvin_options *opt, csv_record_fn fn, void *ctx,
                      struct csvin_info *info, FILE *err);

#endif
