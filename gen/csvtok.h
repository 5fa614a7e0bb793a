/* csvtok.h - the tokenizer of csvin.c over a stretch of text in memory, for the
 * parallel reader (chunk.c).  Internal to the CSV reader. */
#ifndef AIREPORT_CSVTOK_H
#define AIREPORT_CSVTOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "csvdecode.h"
#include "csvin.h"

struct csvtok {
	/* set by the caller */
	const char *name;           /* for messages */
	char delim;
	csv_record_fn fn;
	void *ctx;
	FILE *err;                  /* NULL: a failure is kept in fail[], not printed */
	bool split;                 /* fn may return CSVIN_SPLIT */
	bool validate;              /* check that the text read is UTF-8 */
	/* results */
	size_t end;                 /* the record start it stopped at, or the text's end */
	long end_line;              /* the line number at end */
	long records;               /* records passed to fn */
	bool stopped;               /* fn returned non-zero (not CSVIN_SPLIT), or a failure */
	int status;                 /* 0, or EXIT_DATA for a record over a limit */
	long fail_line;
	char fail[128];             /* the failure's message when err is NULL */
	bool invalid;               /* validate: a byte that is not UTF-8 stopped it */
};

#define CSVTOK_PIECE ((size_t)128 << 10)   /* the buffer csvtok_range needs */

/* Tokenizes src from start to its end - valid UTF-8 without a byte order mark,
 * start at the beginning of a line with no record open - numbering lines from
 * first_line, until the first record start at or after stop_at (a record start:
 * the beginning of a line outside any record), or the end, where an open record
 * is finished.  buf (CSVTOK_PIECE bytes) takes the text read from a file.  With
 * t->validate every byte read is checked first, and one that is not UTF-8 stops
 * it before any record it is in reaches fn (t->invalid). */
void csvtok_range(struct csvtok *t, const struct text_source *src, char *buf, size_t start,
                  size_t stop_at, long first_line);

/* csvin_read over an input that input_open (csvdecode.h) has opened. */
int csvin_read_input(const char *name, const struct input *in,
                     const struct csvin_options *opt, csv_record_fn fn, void *ctx,
                     struct csvin_info *info, FILE *err);

#endif
