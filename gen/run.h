/* run.h - one client: rules + exports -> the four outputs (SPEC §1). */
#ifndef AIREPORT_RUN_H
#define AIREPORT_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "benchmark.h"

struct run_options {
	const char *survey;      /* default input/survey.csv */
	const char *timesheet;   /* default input/timesheet.csv */
	const char *rules;       /* default rules/default.ini */
	const char *out;         /* default output */
	const char *period;      /* NULL = rules, else latest quarter with survey rows */
	const char *folder;      /* reports go to OUT/<folder>/<period>/; NULL = the
	                            organisation's slug.  --batch sets the client's
	                            folder name, which no other client can share. */
	bool strict;
	bool quiet;
	bool check;              /* --check: read and report, write nothing */
	bool check_json;         /* --check --format=json */
	bool no_history;         /* --no-history: leave OUT/<folder>/history.sqlite alone */
	bool republish;          /* --republish: the trend shows re-issued versions */
	const char *version;     /* the program's version, for the history's run rows */
	/* --batch benchmark (batch.c): the first pass computes the figures only,
	 * writes nothing and returns the KPIs in run_result.bench (so it needs a
	 * run_result); the second hands
	 * every quarter's peer statistics in, and the report of P shows its own. */
	bool bench_pass;
	const struct benchmark *benchmarks;
	size_t benchmark_count;
};

/* What a run did, for the batch summary. */
struct run_result {
	char period[16];         /* "2026-Q3" or "" */
	char out_dir[1024];      /* folder the reports went to, or "" */
	long rows;               /* data rows read from both files */
	char message[512];       /* first error line, or "" */
	int min_clients;         /* the rules' [benchmark] min_clients; 0 = not loaded */
	bool bench_ready;        /* bench holds the KPIs (a bench_pass that succeeded) */
	struct bench_values bench;
};

/* The sub-folder of a report folder that holds rejects.csv. */
#define REJECTS_DIR "rejects"

/* Runs one client; every problem is one line on err.  Returns the exit status of
 * SPEC §1 (0, 1, 2 or 3).  result may be NULL. */
int run_client(const struct run_options *opt, struct run_result *result, FILE *err);

/* Organisation name -> folder name (§11.32); the caller frees it. */
char *org_slug(const char *name);

#endif
