/* out_csv.h - metrics.csv and rejects.csv (SPEC §6, §2, §11.9, §11.26, §11.31). */
#ifndef AIREPORT_OUT_CSV_H
#define AIREPORT_OUT_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"

/* Writes s as one CSV field: quoted only where needed (RFC 4180).  With
 * neutralise, a leading = + - @ gets a ' prefix against formula injection. */
void csv_write_field(FILE *f, const char *s, bool neutralise);

/* Writes the header line of rejects.csv. */
void csv_write_rejects_header(FILE *f);
/* Writes one rejects.csv row; column and value may be NULL (wrong field count). */
void csv_write_reject(FILE *f, const char *file, long line, const char *column,
                      const char *value, const char *reason);

/* A reject sink (dataset.h) over a FILE *: row writes a rejects.csv row to it,
 * reset empties it (a temporary file; a stream without a file is rewound). */
void csv_reject_sink_row(void *file, const char *name, long line, const char *column,
                         const char *value, const char *reason);
void csv_reject_sink_reset(void *file);

/* Writes metrics.csv of r to f.  Returns 0 or -1 on a write error. */
int csv_write_metrics(FILE *f, const struct report *r);

#endif
