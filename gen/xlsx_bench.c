/* xlsx_bench.c - the Benchmark sheet: the figures of the PDF's benchmark page. */
#include "xlsx_bench.h"

#include <stdio.h>

#include "benchmark.h"
#include "i18n.h"

void xlsx_benchmark_sheet(struct xlsx *x, struct sheet *s)
{
	const struct benchmark *b = x->r->benchmark;
	enum lang lang = x->lang;
	xlsx_put_title(x, s, "xlsx.title.benchmark");
	char text[1024];
	xlsx_with_k(text, sizeof(text), tr(lang, "xlsx.benchmark.note"), b->min_clients);
	xlsx_put_note(x, s, 1, 0, text, NULL);
	int header = 3;
	const char *hdr[6] = { tr(lang, "bench.col.kpi"), tr(lang, "bench.col.own"),
	                       tr(lang, "bench.col.q1"), tr(lang, "bench.col.median"),
	                       tr(lang, "bench.col.q3"), tr(lang, "bench.col.n") };
	struct bench_values own;
	bench_values_of(x->r, &own);
	for (int k = 0; k < BK_COUNT; k++) {
		int row = header + 1 + k;
		enum kind kind = k == BK_ADOPTION_RATE || k == BK_ROI || k == BK_ROI_CUMULATIVE ||
		                 k == BK_BUDDY_COVERAGE ? K_PERCENT : K_DECIMAL;
		const char *label;
		char key[48];
		if (k >= BK_MATURITY_TOOL_KNOWLEDGE && k <= BK_MATURITY_KNOWLEDGE_SHARING) {
			label = dimension_label(lang, (enum dimension)(k - BK_MATURITY_TOOL_KNOWLEDGE));
		} else {
			snprintf(key, sizeof(key), "bench.kpi.%s", bench_kpi_names[k]);
			label = tr(lang, key);
		}
		xlsx_put_text(x, s, row, 0, label);
		xlsx_put_figure(x, s, row, 1, &own.kpi[k], kind);
		const struct bench_stat *st = &b->stat[k];
		if (st->published) {
			xlsx_put_number(x, s, row, 2, st->q1, x->f.num[kind], kind);
			xlsx_put_number(x, s, row, 3, st->median, x->f.strong[kind], kind);
			xlsx_put_number(x, s, row, 4, st->q3, x->f.num[kind], kind);
		} else {
			xlsx_with_k(text, sizeof(text), tr(lang, "bench.too_few"), b->min_clients);
			for (int c = 2; c <= 4; c++)
				xlsx_put_text_fmt(x, s, row, c, c == 3 ? text : "", x->f.missing, false);
		}
		xlsx_put_number(x, s, row, 5, (double)st->n, x->f.num[K_COUNT], K_COUNT);
	}
	xlsx_add_table(x, s, "Benchmark", header, 0, BK_COUNT, hdr, 6, "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);
}
