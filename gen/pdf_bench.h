/* pdf_bench.h - assessment.pdf's benchmark page (--batch only, README "Benchmark"). */
#ifndef AIREPORT_PDF_BENCH_H
#define AIREPORT_PDF_BENCH_H

#include "pdf_layout.h"

/* The organisation's headline KPIs against the peer group's median and middle
 * half; nothing when the report has no peer statistics (p->r->benchmark). */
void pdf_benchmark(struct pdf *p);

#endif
