/* csvin.h - bytes -> records (SPEC §2, §11.1-5): encoding, delimiter, RFC 4180
 * quoting, blank lines and physical line numbers.  The only file that includes
 * <csv.h>.  It knows nothing about columns or types. */
#ifndef AIREPORT_CSVIN_H
#define AIREPORT_CSVIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "vocab.h"

/* Limits that turn a damaged file (an unclosed quote in a 600 MB export, a line
 * of delimiters) into a clear error instead of unbounded memory.  A record whose
 * fields take more than CSVIN_MAX_RECORD_BYTES in UTF-8, or that has more than
 * CSVIN_MAX_FIELDS fields, makes csvin_read fail with EXIT_DATA and
 * "path:line: ..." naming the line where the record starts. */
#define CSVIN_MAX_RECORD_BYTES ((size_t)64 << 20)
#define CSVIN_MAX_FIELDS 10000

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
	char delimiter;                /* 0 = detect from the first non-blank line;
	                                  else ',' ';' '\t' (never '"', space, CR, LF) */
	bool progress;                 /* show a progress line on a TTY for large files */
};

/* What csvin_read found out about a file. */
struct csvin_info {
	char delimiter;                /* the delimiter used */
	enum { CSV_UTF8, CSV_UTF8_BOM, CSV_UTF16LE, CSV_UTF16BE, CSV_WINDOWS1252 } encoding;
	long records;                  /* records passed to fn, header included */
	long long bytes;               /* size of the file */
};

/* Reading rules beyond §2 and §11.1-5, decided here:
 *  - a line ends at LF, CRLF or a lone CR; every line break inside a quoted
 *    field is stored as LF;
 *  - after a closing quote the rest of the field up to the delimiter is plain
 *    text (`"abc"def` -> abcdef, `"a" b` -> "a b"), and the field stays quoted;
 *  - an unclosed quote takes everything up to the end of the file, line breaks
 *    included (usually ending in the record limit above);
 *  - a NUL byte becomes U+FFFD, so every field is a proper C string and the damage
 *    shows in rejects.csv;
 *  - a file with a UTF-8 byte order mark that is not valid UTF-8 (encoding =
 *    auto) is read as UTF-8 with each invalid byte replaced by U+FFFD, and one
 *    warning "path:line: ..." is printed on err;
 *  - UTF-16 that cannot be decoded (unpaired surrogate, odd last byte) becomes
 *    U+FFFD.
 * A path that is not a regular file (a pipe) is first copied to a temporary
 * file, because the encoding is decided over the whole file before reading. */

/* Streams the file at path (memory does not grow with its size) and calls fn for
 * each record.  Returns 0 when the whole file was read (or fn stopped it);
 * EXIT_IO (3) when it cannot be opened or read, EXIT_DATA (1) when
 * encoding = utf-8 is forced and the file is not valid UTF-8 or a record breaks
 * a limit above (records before it have been passed to fn).  Each failure prints
 * one line "path: message" (or "path:line: message") on err.  info may be NULL. */
int csvin_read(const char *path, const struct csvin_options *opt, csv_record_fn fn,
               void *ctx, struct csvin_info *info, FILE *err);

/* Same, over a buffer in memory (tests and fuzzing); name is used in messages. */
int csvin_read_buffer(const char *name, const char *data, size_t len,
                      const struct csvin_options *opt, csv_record_fn fn, void *ctx,
                      struct csvin_info *info, FILE *err);

/* ---- reading on several cores (chunk.c) ----
 * After the header, a large file is cut into chunks at record starts; each chunk
 * is read on a worker thread into a part of its own, and the parts are merged in
 * file order on the calling thread, so everything comes out as from one reading.
 * fn returns CSVIN_SPLIT for the header's last record to allow it; fn is then
 * called again only when a chunk must be read again in order (below). */
#define CSVIN_SPLIT 2

/* Merging a part: merged, or read the chunk again with fn, in order (when the
 * part cannot be merged exactly). */
enum { CSVIN_MERGED = 0, CSVIN_REDO = 1 };

struct csvin_parallel {
	/* a new part for one chunk (on a worker thread) */
	void *(*part_new)(void *ctx);
	/* a chunk's records (on a worker thread, ctx = the part); rec->line counts
	 * from 1 at the chunk's first line */
	csv_record_fn part_record;
	/* merges a part (on the calling thread, in file order); line_base is the
	 * line number of the chunk's first line.  Returns CSVIN_MERGED or CSVIN_REDO
	 * (nothing merged). */
	int (*part_merge)(void *ctx, void *part, long line_base);
	void (*part_free)(void *ctx, void *part);
	/* forgets every record fn and the merges took: the file was not all UTF-8
	 * after all, and is read again in order from the start, quietly (the header
	 * and its messages were those of ASCII) */
	void (*restart)(void *ctx);
};

/* csvin_read, with the records after the header read on csvin_threads() cores
 * when the file is valid UTF-8 of more than one chunk; otherwise exactly
 * csvin_read. */
int csvin_read_parallel(const char *path, const struct csvin_options *opt, csv_record_fn fn,
                        void *ctx, const struct csvin_parallel *par,
                        struct csvin_info *info, FILE *err);
/* Same, over a buffer in memory (tests and fuzzing). */
int csvin_read_buffer_parallel(const char *name, const char *data, size_t len,
                               const struct csvin_options *opt, csv_record_fn fn,
                               void *ctx, const struct csvin_parallel *par,
                               struct csvin_info *info, FILE *err);

/* Threads for csvin_read_parallel (default 1; main sets it from --threads).  The
 * chunk size is 4 MiB, or AIREPORT_CHUNK_BYTES bytes when that is set (tests
 * force chunk boundaries inside quoted fields and characters with it). */
void csvin_set_threads(int n);
int csvin_threads(void);


#endif
