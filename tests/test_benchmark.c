/* test_benchmark.c - the --batch peer statistics (benchmark.h): the quartiles
 * against Python's statistics.quantiles(method='inclusive'), who enters a KPI,
 * the derived hours per 100 staff, benchmark.csv. */
#include <stdlib.h>

#include "benchmark.h"
#include "check.h"
#include "tests.h"

static void test_quartiles(void)
{
	/* statistics.quantiles(d, n=4, method='inclusive') */
	double q1, med, q3;
	const double four[] = { 1, 2, 3, 4 };
	bench_quartiles(four, 4, &q1, &med, &q3);
	CHECK_DBL(q1, 1.75); CHECK_DBL(med, 2.5); CHECK_DBL(q3, 3.25);
	const double five[] = { 10, 20, 30, 40, 50 };
	bench_quartiles(five, 5, &q1, &med, &q3);
	CHECK_DBL(q1, 20); CHECK_DBL(med, 30); CHECK_DBL(q3, 40);
	const double seven[] = { 0.1, 0.25, 0.3, 0.5, 0.55, 0.9, 1.2 };
	bench_quartiles(seven, 7, &q1, &med, &q3);
	CHECK_DBL(q1, 0.275); CHECK_DBL(med, 0.5); CHECK_DBL(q3, 0.725);
	const double six[] = { -0.4, -0.1, 0.2, 0.6, 1.0, 3.0 };
	bench_quartiles(six, 6, &q1, &med, &q3);
	CHECK_DBL(q1, -0.025); CHECK_DBL(med, 0.4); CHECK_DBL(q3, 0.9);
}

static struct bench_values client(double adoption, enum figure_status buddy)
{
	struct bench_values v;
	memset(&v, 0, sizeof v);
	for (int k = 0; k < BK_COUNT; k++)
		v.kpi[k] = (struct figure){ 1, FIG_OK };
	v.kpi[BK_ADOPTION_RATE].value = adoption;
	v.kpi[BK_BUDDY_COVERAGE].status = buddy;
	return v;
}

static void test_compute(void)
{
	/* unsorted, one client without a published buddy coverage, one with n/a */
	struct bench_values v[6] = {
		client(0.6, FIG_OK), client(0.2, FIG_OK), client(0.4, FIG_SUPPRESSED),
		client(0.8, FIG_OK), client(0.1, FIG_NA), client(0.3, FIG_OK),
	};
	struct benchmark b;
	memset(&b, 0, sizeof b);
	bench_compute(v, 6, 4, &b);
	CHECK_INT(b.clients, 6);
	CHECK_INT(b.stat[BK_ADOPTION_RATE].n, 6);
	CHECK(b.stat[BK_ADOPTION_RATE].published);
	/* 0.1 0.2 0.3 0.4 0.6 0.8: positions 1.25, 2.5, 3.75 */
	CHECK_DBL(b.stat[BK_ADOPTION_RATE].q1, 0.225);
	CHECK_DBL(b.stat[BK_ADOPTION_RATE].median, 0.35);
	CHECK_DBL(b.stat[BK_ADOPTION_RATE].q3, 0.55);
	CHECK_INT(b.stat[BK_BUDDY_COVERAGE].n, 4);
	CHECK(b.stat[BK_BUDDY_COVERAGE].published);
	bench_compute(v, 6, 5, &b);
	CHECK_INT(b.stat[BK_BUDDY_COVERAGE].n, 4);
	CHECK(!b.stat[BK_BUDDY_COVERAGE].published);
	CHECK(b.stat[BK_ADOPTION_RATE].published);
	snprintf(b.period, sizeof b.period, "2026-Q3");

	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	CHECK_INT(bench_write_csv(f, &b, 1), 0);
	fclose(f);
	CHECK(strncmp(text, "period,kpi,n,q1,median,q3\n2026-Q3,adoption_rate,6,0.225,0.35,0.55\n", 66) == 0);
	CHECK(strstr(text, "\n2026-Q3,buddy_coverage,4,,,\n") != NULL);
	CHECK(strstr(text, "\n2026-Q3,payback_months,6,1,1,1\n") != NULL);
	free(text);
	CHECK(bench_find(&b, 1, "2026-Q3") == &b);
	CHECK(bench_find(&b, 1, "2026-Q2") == NULL);
}

static void test_values_of(void)
{
	struct report *r = calloc(1, sizeof(*r));
	if (!r)
		return;
	for (int m = 0; m < ORG_METRIC_COUNT; m++)
		r->org[m] = (struct figure){ 0.5, FIG_OK };
	r->org[ORG_ADOPTION_RATE].value = 0.12345678;      /* published as 0.123457 */
	r->org[ORG_HOURS_SAVED_PER_WEEK].value = 53.8476789;   /* 53.847679 */
	r->org[ORG_HEADCOUNT].value = 85;
	r->org[ORG_PAYBACK_MONTHS].status = FIG_NA;
	r->org[ORG_BUDDY_COVERAGE].status = FIG_SUPPRESSED;
	struct bench_values v;
	bench_values_of(r, &v);
	CHECK(v.kpi[BK_ADOPTION_RATE].value == 0.123457);
	CHECK(v.kpi[BK_HOURS_PER_100].value == 53.847679 / 85 * 100);
	CHECK_INT(v.kpi[BK_HOURS_PER_100].status, FIG_OK);
	CHECK_INT(v.kpi[BK_PAYBACK_MONTHS].status, FIG_NA);
	CHECK_INT(v.kpi[BK_BUDDY_COVERAGE].status, FIG_SUPPRESSED);
	CHECK_DBL(v.kpi[BK_MATURITY_AUTONOMY].value, 0.5);
	/* the derived figure follows its inputs' status */
	r->org[ORG_HOURS_SAVED_PER_WEEK].status = FIG_SUPPRESSED;
	bench_values_of(r, &v);
	CHECK_INT(v.kpi[BK_HOURS_PER_100].status, FIG_SUPPRESSED);
	r->org[ORG_HOURS_SAVED_PER_WEEK].status = FIG_OK;
	r->org[ORG_HEADCOUNT].status = FIG_NA;
	bench_values_of(r, &v);
	CHECK_INT(v.kpi[BK_HOURS_PER_100].status, FIG_NA);
	free(r);
}

static struct bench_entry entry(const char *key, const char *period, int min_clients,
                                double adoption)
{
	struct bench_entry e;
	memset(&e, 0, sizeof e);
	snprintf(e.client, sizeof e.client, "%s", key);
	snprintf(e.period, sizeof e.period, "%s", period);
	e.min_clients = min_clients;
	e.values = client(adoption, FIG_OK);
	return e;
}

static void test_peer_group(void)
{
	const struct bench_entry e[] = {
		entry("a", "2026-Q2", 5, 0.1), entry("a", "2026-Q3", 5, 0.2),   /* Q3 counts */
		entry("b", "2026-Q2", 6, 0.3),                                  /* Q2: one before */
		entry("c", "2026-Q1", 9, 0.4),                                  /* too old for Q3 */
		entry("d", "2026-Q4", 9, 0.5),                                  /* after Q3 */
		entry("e", "2026-Q3", 3, 0.6),
	};
	struct bench_values out[6];
	int min_clients, previous;
	CHECK_INT(bench_peer_group(e, 6, "2026-Q3", out, &min_clients, &previous), 3);
	CHECK_INT(previous, 1);
	CHECK_DBL(out[0].kpi[BK_ADOPTION_RATE].value, 0.2);
	CHECK_DBL(out[1].kpi[BK_ADOPTION_RATE].value, 0.3);
	CHECK_DBL(out[2].kpi[BK_ADOPTION_RATE].value, 0.6);
	CHECK_INT(min_clients, 6);      /* the largest among those that enter */
	/* 2026-Q2: a's Q2 figure (its Q3 is later), b, and c of the quarter before */
	CHECK_INT(bench_peer_group(e, 6, "2026-Q2", out, &min_clients, &previous), 3);
	CHECK_INT(previous, 1);
	CHECK_DBL(out[0].kpi[BK_ADOPTION_RATE].value, 0.1);
	CHECK_INT(min_clients, 9);
	CHECK_INT(bench_peer_group(e, 6, "2025-Q1", out, &min_clients, &previous), 0);
	CHECK_INT(min_clients, BENCH_DEFAULT_MIN_CLIENTS);
	const struct bench_entry low[] = { entry("x", "2026-Q3", 3, 0.1), entry("y", "2026-Q3", 0, 0.2) };
	CHECK_INT(bench_peer_group(low, 2, "2026-Q3", out, &min_clients, &previous), 2);
	CHECK_INT(previous, 0);
	CHECK_INT(min_clients, 3);
}

void test_benchmark(void)
{
	test_quartiles();
	test_compute();
	test_values_of();
	test_peer_group();
}
