/* progress.h - the progress line of a long read (README: "When stderr is a
 * terminal and an input is larger than a few MB"): bytes read and rows per
 * second, redrawn at most four times a second and wiped when done. */
#ifndef AIREPORT_PROGRESS_H
#define AIREPORT_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

#define PROGRESS_MIN_BYTES (8LL << 20)

struct progress {
	bool on;
	FILE *out;
	const char *name;
	const char *what;           /* after "MB": "" or " of sheet XML" */
	double start, last;
	int width;
};

/* Turns the line on when wanted, size is above PROGRESS_MIN_BYTES and out is a
 * terminal. */
void progress_begin(struct progress *p, bool wanted, long long size, FILE *out,
                    const char *name, const char *what);
/* Redraws the line (when on and a quarter second has passed). */
void progress_show(struct progress *p, long long done, long long total, long rows);
/* Wipes the line; the progress stays off after it. */
void progress_end(struct progress *p);

#endif
