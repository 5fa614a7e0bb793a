/* benchmark.c - peer statistics across the clients of one --batch (benchmark.h). */
#include "benchmark.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "util.h"

const char *const bench_kpi_names[BK_COUNT] = {
	"adoption_rate", "hours_saved_per_week_per_100", "maturity_index",
	"maturity_tool_knowledge", "maturity_application_breadth", "maturity_autonomy",
	"maturity_innovation", "maturity_knowledge_sharing", "roi", "roi_cumulative",
	"payback_months", "buddy_coverage",
};

/* The organisation metric behind each KPI; -1 for the derived one. */
static const int source_metric[BK_COUNT] = {
	ORG_ADOPTION_RATE, -1, ORG_MATURITY_INDEX,
	ORG_MATURITY_TOOL_KNOWLEDGE, ORG_MATURITY_APPLICATION_BREADTH, ORG_MATURITY_AUTONOMY,
	ORG_MATURITY_INNOVATION, ORG_MATURITY_KNOWLEDGE_SHARING, ORG_ROI, ORG_ROI_CUMULATIVE,
	ORG_PAYBACK_MONTHS, ORG_BUDDY_COVERAGE,
};

/* A figure as metrics.csv prints it (6 decimals at most), read back. */
static struct figure published(struct figure f)
{
	if (f.status != FIG_OK)
		return (struct figure){ 0, f.status };
	char text[64];
	format_decimal(text, sizeof(text), f.value, 6);
	return (struct figure){ strtod(text, NULL), FIG_OK };
}

void bench_values_of(const struct report *r, struct bench_values *out)
{
	for (int k = 0; k < BK_COUNT; k++)
		if (source_metric[k] >= 0)
			out->kpi[k] = published(r->org[source_metric[k]]);
	struct figure hours = published(r->org[ORG_HOURS_SAVED_PER_WEEK]);
	struct figure staff = published(r->org[ORG_HEADCOUNT]);
	if (hours.status == FIG_OK && staff.status == FIG_OK && staff.value > 0)
		out->kpi[BK_HOURS_PER_100] = (struct figure){ hours.value / staff.value * 100, FIG_OK };
	else
		out->kpi[BK_HOURS_PER_100] = (struct figure){
			0, hours.status == FIG_SUPPRESSED || staff.status == FIG_SUPPRESSED
			       ? FIG_SUPPRESSED : FIG_NA };
}

/* Python's statistics.quantiles(data, n=4, method='inclusive'), term by term, so
 * that the same values give the same doubles. */
static double quantile(const double *x, size_t n, int i)
{
	size_t m = n - 1;
	size_t j = (size_t)i * m / 4, delta = (size_t)i * m % 4;
	if (delta == 0)
		return x[j];
	return (x[j] * (double)(4 - delta) + x[j + 1] * (double)delta) / 4;
}

void bench_quartiles(const double *sorted, size_t n, double *q1, double *median, double *q3)
{
	*q1 = quantile(sorted, n, 1);
	*median = quantile(sorted, n, 2);
	*q3 = quantile(sorted, n, 3);
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void bench_compute(const struct bench_values *values, size_t n, int min_clients,
                   struct benchmark *out)
{
	out->min_clients = min_clients;
	out->clients = (int)n;
	double *x = xcalloc(n ? n : 1, sizeof(*x));
	for (int k = 0; k < BK_COUNT; k++) {
		struct bench_stat *s = &out->stat[k];
		size_t count = 0;
		for (size_t c = 0; c < n; c++)
			if (values[c].kpi[k].status == FIG_OK)
				x[count++] = values[c].kpi[k].value;
		*s = (struct bench_stat){ .n = (int)count };
		if (count == 0 || count < (size_t)min_clients)
			continue;
		qsort(x, count, sizeof(*x), compare_doubles);
		bench_quartiles(x, count, &s->q1, &s->median, &s->q3);
		/* kept as benchmark.csv prints them, so the page and the sheet show the
		 * same figures */
		s->q1 = published((struct figure){ s->q1, FIG_OK }).value;
		s->median = published((struct figure){ s->median, FIG_OK }).value;
		s->q3 = published((struct figure){ s->q3, FIG_OK }).value;
		s->published = true;
	}
	free(x);
}

size_t bench_peer_group(const struct bench_entry *e, size_t n, const char *period,
                        struct bench_values *out, int *min_clients, int *previous)
{
	int p;
	size_t count = 0;
	*previous = 0;
	*min_clients = BENCH_DEFAULT_MIN_CLIENTS;
	if (!parse_quarter(period, &p))
		return 0;
	*min_clients = 0;
	for (size_t i = 0; i < n; i++) {
		int q;
		if (!parse_quarter(e[i].period, &q) || (q != p && q != p - 1))
			continue;
		/* the client's latest of the two quarters counts, once */
		bool newer = false;
		for (size_t j = 0; j < n && !newer; j++) {
			int r;
			newer = j != i && strcmp(e[j].client, e[i].client) == 0 &&
			        parse_quarter(e[j].period, &r) && r > q && r <= p;
		}
		if (newer)
			continue;
		out[count++] = e[i].values;
		*previous += q < p;
		if (e[i].min_clients > *min_clients)
			*min_clients = e[i].min_clients;
	}
	if (*min_clients < BENCH_MIN_CLIENTS_FLOOR)
		*min_clients = BENCH_DEFAULT_MIN_CLIENTS;
	return count;
}

const struct benchmark *bench_find(const struct benchmark *b, size_t count, const char *period)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(b[i].period, period) == 0)
			return &b[i];
	return NULL;
}

int bench_write_csv(FILE *f, const struct benchmark *b, size_t count)
{
	fputs("period,kpi,n,q1,median,q3\n", f);
	for (size_t i = 0; i < count; i++) {
		for (int k = 0; k < BK_COUNT; k++) {
			const struct bench_stat *s = &b[i].stat[k];
			fprintf(f, "%s,%s,%d,", b[i].period, bench_kpi_names[k], s->n);
			if (s->published) {
				char q1[64], median[64], q3[64];
				format_decimal(q1, sizeof(q1), s->q1, 6);
				format_decimal(median, sizeof(median), s->median, 6);
				format_decimal(q3, sizeof(q3), s->q3, 6);
				fprintf(f, "%s,%s,%s", q1, median, q3);
			} else {
				fputs(",,", f);
			}
			fputc('\n', f);
		}
	}
	return ferror(f) ? -1 : 0;
}
