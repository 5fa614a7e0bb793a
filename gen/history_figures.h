/* history_figures.h - a quarter's published figures (the rows of metrics.csv) as
 * the history keeps them, and their comparison with the latest published version
 * (history_figures.c). */
#ifndef AIREPORT_HISTORY_FIGURES_H
#define AIREPORT_HISTORY_FIGURES_H

#include <stddef.h>
#include <stdio.h>

struct history;

/* One row of metrics.csv without its period (the publication's quarter). */
struct history_figure {
	char *scope, *group, *metric;
	char *value;                    /* as written: "0.571429", "" when not ok */
	char *status;                   /* "ok", "n/a", "suppressed" */
};

/* Every figure of one metrics.csv, in its order. */
struct history_figures {
	int quarter;                    /* year * 4 + quarter - 1, from the period column */
	struct history_figure *items;
	size_t count, cap;
};

/* One figure that differs between the latest published version and this run.
 * old_* are NULL for a figure that is new, new_* NULL for one that is gone. */
struct history_change {
	char *scope, *group, *metric;
	char *old_value, *old_status;
	char *new_value, *new_status;
};

/* The comparison of a run's figures with the quarter's latest publication.
 * previous_version 0: the quarter was never published (nothing to compare). */
struct history_changes {
	int quarter;
	int previous_version;           /* 0 = first publication */
	struct history_change *items;   /* in metrics.csv order; removed figures last */
	size_t count, cap;
};

/* Parses metrics.csv text (as out_csv.c writes it: a header, then period,scope,
 * group,metric,value,status with RFC 4180 quoting) into out.  Returns 0, or -1
 * when the text is not such a file (out is then emptied). */
int history_parse_metrics(const char *text, size_t len, struct history_figures *out);
void history_figures_free(struct history_figures *f);

/* Compares figures with the latest published version of their quarter: fills
 * changes (zeroed or holding an earlier result; emptied first).  Scope data_quality (the files' names and row counts)
 * is stored but not compared.  Reads only; usable before the reports are written.
 * Returns 0 or EXIT_IO after one line on err. */
int history_compare(struct history *h, const struct history_figures *figures,
                    struct history_changes *changes, FILE *err);
/* Prints one warning line per change on err: the figure, old -> new. */
void history_print_changes(const struct history *h, const struct history_changes *changes,
                           FILE *err);
void history_changes_free(struct history_changes *c);

#endif
