/* xlsx_bench.h - roi.xlsx's Benchmark sheet (--batch only, README "Benchmark"). */
#ifndef AIREPORT_XLSX_BENCH_H
#define AIREPORT_XLSX_BENCH_H

#include "xlsx_book.h"

/* One row per headline KPI: the organisation's own figure, the peer group's first
 * quartile, median and third quartile, and the number of organisations.  Only
 * for a report with peer statistics (x->r->benchmark). */
void xlsx_benchmark_sheet(struct xlsx *x, struct sheet *s);

#endif
