/* header.h - an export's header -> the canonical columns (SPEC §2, §11.2).
 *
 * Matching ignores letter case (ASCII) and runs of white space.  A name from the
 * rules may end in `*` (the first header cell that starts with the rest) and may
 * join cells with ` + ` (`First Name + Last Name`: the non-empty parts joined by
 * one space).  With two header rows (SurveyMonkey) a cell's name is its row-2
 * text, or its row-1 text where row 2 is blank; a name from the rules also
 * matches the row-1 text carried over blank cells followed by the row-2 text, so
 * `Ich kenne die KI-Werkzeuge*` finds a question whose row 2 says "Response"; so
 * does the question's row-1 text alone.
 * One header cell may serve several columns (a Notes cell as both use case and
 * AI marker). */
#ifndef AIREPORT_HEADER_H
#define AIREPORT_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "csvin.h"
#include "util.h"

#define HEADER_MAX_COLUMNS 16
/* Separates alternatives in a name a profile hands over ("Email\x1fFirst Name +
 * Last Name"): the first the header has is used.  Never in a name from the rules,
 * which is how messages tell the two apart. */
#define HEADER_ALTERNATIVE '\x1f'
#define HEADER_MAX_PARTS 4

/* What a reader looks for. */
struct header_spec {
	const char *const *canonical;   /* canonical names, count of them */
	char *const *renamed;           /* the rules' name per column, NULL = canonical */
	const bool *required;           /* `minutes`/`hours` are checked by the caller */
	size_t count;
	const char *section;            /* "survey_columns" or "timesheet_columns" */
	int header_rows;                /* 1 or 2 */
};

struct header_column {
	int part[HEADER_MAX_PARTS];     /* positions of its cells, in the rules' order */
	int nparts;                     /* 0 = not in the export */
	char *label;                    /* its name in rejects.csv and messages */
};

struct header_map {
	struct header_column col[HEADER_MAX_COLUMNS];
	int order[HEADER_MAX_COLUMNS];  /* the found columns by first position */
	size_t norder;
	char **names;                   /* every header cell's name, as written */
	char **full;                    /* with two header rows: row 1 carried + row 2 */
	char **row1;                    /* with two header rows: row 1's own texts */
	size_t count;                   /* cells in the header */
	int rows_seen;
	long line;                      /* the line of the last header row */
	bool pad_short;                 /* workbook rows omit trailing empty cells */
	bool built;                     /* every header row has been seen */
	bool failed;                    /* a required column is missing */
};

enum header_step { HEADER_MORE, HEADER_DONE, HEADER_FAILED };

/* Takes one header record.  Returns HEADER_MORE while header rows remain,
 * HEADER_DONE when the map is built, HEADER_FAILED after printing one line per
 * missing required column on err (the first also lists the header found; a
 * near-miss or a known export name is suggested as a mapping, and a header that
 * splits into the required columns at another delimiter says so).  Columns the
 * rules name that match nothing and cells nobody uses give one warning each
 * (unless quiet). */
enum header_step header_map_take(struct header_map *h, const struct header_spec *spec,
                                 const struct csv_record *rec, const char *file, FILE *err);

static inline bool header_map_has(const struct header_map *h, int column)
{
	return h->col[column].nparts > 0;
}

/* Whether rec has the header's number of fields (or fewer, for a workbook). */
bool header_map_fits(const struct header_map *h, const struct csv_record *rec);

/* The field of column in rec: its cell, or its cells' non-empty texts joined by
 * one space in scratch (quoted when any part is).  A cell past the end of a short
 * workbook row is empty.  out is valid until scratch changes. */
void header_map_field(const struct header_map *h, int column, const struct csv_record *rec,
                      struct buf *scratch, struct csv_field *out);

/* The header cells joined by ',' for messages; the caller frees it. */
char *header_map_list(const struct header_map *h);
void header_map_free(struct header_map *h);

/* Whether a header cell matches a name from the rules or a canonical name: equal
 * ignoring ASCII case and runs of white space, or starting with it when the name
 * ends in `*`. */
bool header_name_matches(const char *cell, size_t len, const char *name);

#endif
