/* out_csv.c - metrics.csv and rejects.csv (SPEC §6, §11.9, §11.26, §11.31). */
#include "out_csv.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

void csv_write_field(FILE *f, const char *s, bool neutralise)
{
	if (!s)
		return;
	bool prefix = neutralise && (*s == '=' || *s == '+' || *s == '-' || *s == '@');
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		if (prefix)
			fputc('\'', f);
		fputs(s, f);
		return;
	}
	fputc('"', f);
	if (prefix)
		fputc('\'', f);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	fputc('"', f);
}

void csv_write_rejects_header(FILE *f)
{
	fputs("file,line,column,value,reason\n", f);
}

void csv_write_reject(FILE *f, const char *file, long line, const char *column,
                      const char *value, const char *reason)
{
	csv_write_field(f, file, false);
	fprintf(f, ",%ld,", line);
	csv_write_field(f, column, true);
	fputc(',', f);
	csv_write_field(f, value, true);
	fputc(',', f);
	csv_write_field(f, reason, false);
	fputc('\n', f);
}

static void write_row(FILE *f, const char *period, const char *scope, const char *group,
                      bool neutralise, const char *metric, struct figure fig)
{
	fprintf(f, "%s,%s,", period, scope);
	csv_write_field(f, group, neutralise);
	fprintf(f, ",%s,", metric);
	if (fig.status == FIG_OK) {
		char num[400];   /* "%.6f" of any finite double: up to 309 digits before the point */
		format_decimal(num, sizeof(num), fig.value, 6);
		fputs(num, f);
	}
	fputs(fig.status == FIG_OK ? ",ok\n" : fig.status == FIG_NA ? ",n/a\n" : ",suppressed\n", f);
}

static const char *const *sort_names_base;

static int compare_by_name(const void *a, const void *b)
{
	return strcmp(sort_names_base[*(const int *)a], sort_names_base[*(const int *)b]);
}

/* Indexes 0..n-1 ordered by names[i] in byte order. */
static int *sorted_order(const char *const *names, int n)
{
	int *order = xmalloc((size_t)n * sizeof(int));
	for (int i = 0; i < n; i++)
		order[i] = i;
	sort_names_base = names;
	qsort(order, (size_t)n, sizeof(int), compare_by_name);
	return order;
}

int csv_write_metrics(FILE *f, const struct report *r)
{
	char period[16];
	snprintf(period, sizeof(period), "%04d-Q%d", r->year, r->quarter);
	fputs("period,scope,group,metric,value,status\n", f);

	int *order = sorted_order(org_metric_names, ORG_METRIC_COUNT);
	for (int i = 0; i < ORG_METRIC_COUNT; i++)
		write_row(f, period, "organisation", "", false, org_metric_names[order[i]],
		          r->org[order[i]]);
	free(order);

	order = sorted_order(department_metric_names, DEPT_METRIC_COUNT);
	for (size_t d = 0; d < r->department_count; d++)
		for (int i = 0; i < DEPT_METRIC_COUNT; i++)
			write_row(f, period, "department", r->departments[d].name, true,
			          department_metric_names[order[i]], r->departments[d].fig[order[i]]);
	free(order);

	order = sorted_order(use_case_metric_names, UC_METRIC_COUNT);
	for (size_t u = 0; u < r->use_case_count; u++)
		for (int i = 0; i < UC_METRIC_COUNT; i++)
			write_row(f, period, "use_case", r->use_cases[u].name, true,
			          use_case_metric_names[order[i]], r->use_cases[u].fig[order[i]]);
	free(order);

	for (size_t m = 0; m < r->month_count; m++) {
		const struct month *mo = &r->months[m];
		char group[16];
		snprintf(group, sizeof(group), "%04d-%02d", mo->year, mo->month);
		write_row(f, period, "month", group, false, "benefit",
		          (struct figure){ mo->benefit, mo->benefit_status });
		write_row(f, period, "month", group, false, "cost",
		          (struct figure){ mo->cost, mo->cost_status });
		write_row(f, period, "month", group, false, "cumulative_benefit",
		          (struct figure){ mo->cumulative_benefit, mo->cumulative_benefit_status });
		write_row(f, period, "month", group, false, "cumulative_cost",
		          (struct figure){ mo->cumulative_cost, mo->cumulative_cost_status });
	}

	for (size_t q = 0; q < r->quarter_count; q++) {
		const struct quarter *qu = &r->quarters[q];
		char group[16];
		snprintf(group, sizeof(group), "%04d-Q%d", qu->year, qu->quarter);
		write_row(f, period, "quarter", group, false, "adoption_rate", qu->adoption_rate);
		write_row(f, period, "quarter", group, false, "hours_saved_per_week",
		          qu->hours_saved_per_week);
		write_row(f, period, "quarter", group, false, "maturity_index", qu->maturity_index);
		write_row(f, period, "quarter", group, false, "roi", qu->roi);
	}

	int first = strcmp(r->files[0].name, r->files[1].name) <= 0 ? 0 : 1;
	for (int k = 0; k < 2; k++) {
		const struct file_quality *fq = &r->files[k ? 1 - first : first];
		write_row(f, period, "data_quality", fq->name, false, "rows_read",
		          (struct figure){ (double)fq->rows_read, FIG_OK });
		write_row(f, period, "data_quality", fq->name, false, "rows_rejected",
		          (struct figure){ (double)fq->rows_rejected, FIG_OK });
		write_row(f, period, "data_quality", fq->name, false, "rows_superseded",
		          (struct figure){ (double)fq->rows_superseded, FIG_OK });
		write_row(f, period, "data_quality", fq->name, false, "rows_used",
		          (struct figure){ (double)fq->rows_used, FIG_OK });
	}
	return ferror(f) ? -1 : 0;
}

void csv_reject_sink_row(void *file, const char *name, long line, const char *column,
                         const char *value, const char *reason)
{
	csv_write_reject(file, name, line, column, value, reason);
}

void csv_reject_sink_reset(void *file)
{
	FILE *f = file;
	fflush(f);
	rewind(f);
	int fd = fileno(f);
	if (fd >= 0 && ftruncate(fd, 0) != 0)
		clearerr(f);
}
