/* benchmark.h - peer statistics across the clients of one --batch (README
 * "Benchmark"): per headline KPI the first quartile, median and third quartile of
 * the clients' published figures, with the number of clients n.
 *
 * A client enters a KPI only with a figure it publishes (status ok in its
 * metrics.csv), with the value exactly as metrics.csv prints it, so the statistics
 * can be recomputed from the clients' own files.  A KPI with fewer than
 * min_clients such clients has no statistics; no minimum or maximum is ever kept. */
#ifndef AIREPORT_BENCHMARK_H
#define AIREPORT_BENCHMARK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "report.h"

enum bench_kpi {
	BK_ADOPTION_RATE,
	BK_HOURS_PER_100,        /* hours_saved_per_week / headcount x 100 */
	BK_MATURITY_INDEX,
	BK_MATURITY_TOOL_KNOWLEDGE,   /* + d: the mean level of dimension d */
	BK_MATURITY_APPLICATION_BREADTH,
	BK_MATURITY_AUTONOMY,
	BK_MATURITY_INNOVATION,
	BK_MATURITY_KNOWLEDGE_SHARING,
	BK_ROI,
	BK_ROI_CUMULATIVE,
	BK_PAYBACK_MONTHS,
	BK_BUDDY_COVERAGE,
	BK_COUNT
};
/* The KPI's name in benchmark.csv: "adoption_rate", "hours_saved_per_week_per_100", ... */
extern const char *const bench_kpi_names[BK_COUNT];

/* The fewest clients a benchmark may cover, whatever the rules say. */
#define BENCH_MIN_CLIENTS_FLOOR 3
/* [benchmark] min_clients when no rules file sets it */
#define BENCH_DEFAULT_MIN_CLIENTS 5

/* One client's KPIs as published. */
struct bench_values {
	struct figure kpi[BK_COUNT];
};

struct bench_stat {
	int n;                   /* clients with a published figure */
	bool published;          /* n >= min_clients: q1, median, q3 hold */
	double q1, median, q3;   /* rounded to 6 decimals, as benchmark.csv prints them */
};

/* The peer statistics of one quarter. */
struct benchmark {
	char period[16];         /* "2026-Q3" */
	int min_clients;
	int clients;             /* clients of the peer group */
	int previous;            /* of them, with the figures of the quarter before */
	struct bench_stat stat[BK_COUNT];
};

/* r's KPIs as metrics.csv publishes them: the printed value read back, so the
 * figures compared are the ones a reader sees.  The hours per 100 staff are
 * derived from the published hours_saved_per_week and headcount; not published
 * when either is not. */
void bench_values_of(const struct report *r, struct bench_values *out);

/* The quartiles of sorted[0..n), n >= 1, by linear interpolation between the
 * closest ranks, the "inclusive" method of Python's statistics.quantiles(): the
 * quantile p lies at position p x (n - 1) of the sorted values. */
void bench_quartiles(const double *sorted, size_t n, double *q1, double *median, double *q3);

/* The statistics over values[0..n) (one client each) into *out. */
void bench_compute(const struct bench_values *values, size_t n, int min_clients,
                   struct benchmark *out);

/* One client's published KPIs of one quarter, as the peer groups are built from:
 * this batch's clients, and with OUT/benchmark.sqlite those of earlier batches. */
struct bench_entry {
	char client[72];         /* the client's key: its pseudonym in the store */
	char period[16];         /* "2026-Q3" */
	int min_clients;         /* what its rules asked for */
	struct bench_values values;
};

/* The peer group of period among e[0..n): every client with figures of period or
 * of the quarter before, each with its latest of the two, into out (n entries of
 * room); *min_clients becomes the largest any of them asked for (at least the
 * floor), *previous how many entered with the quarter before's figures.  Returns
 * the number of clients. */
size_t bench_peer_group(const struct bench_entry *e, size_t n, const char *period,
                        struct bench_values *out, int *min_clients, int *previous);

/* The statistics of period among b[0..count), or NULL. */
const struct benchmark *bench_find(const struct benchmark *b, size_t count, const char *period);

/* benchmark.csv: period,kpi,n,q1,median,q3 for every KPI of every quarter; a KPI
 * without statistics has empty q1, median and q3.  Returns 0 or -1 (errno). */
int bench_write_csv(FILE *f, const struct benchmark *b, size_t count);

#endif
