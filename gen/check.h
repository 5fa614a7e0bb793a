/* check.h - aireport --check: what the program sees in the exports before a
 * first real run (format, encoding, delimiter, date order and its evidence,
 * profile, column mapping, AI marker rule, rows and the commonest reasons for
 * rejects, quarters, ids in both files), as aligned text or as JSON. */
#ifndef AIREPORT_CHECK_H
#define AIREPORT_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "dataset.h"
#include "rules.h"

struct check_view {
	const struct rules *rules;   /* NULL when the rules could not be read */
	const char *rules_path;
	const struct dataset *d;
	int quarter;                 /* the period a run would report; -1 = none */
	int status;                  /* the exit status a run would have */
	bool survey_read, timesheet_read;   /* false: the file could not be opened */
};

/* Writes the check to out; json selects the format.  Returns 0 or -1 on a
 * write error. */
int check_print(FILE *out, const struct check_view *v, bool json);

#endif
