/* test_chunks.c - the timesheet read on several threads in chunks of any size
 * (chunk.c, ts_merge.c) gives the very tables one thread gives: every employee,
 * use case and department in the same order, every cell and baseline cell with
 * the same sums to the last bit, the latest department by date and then line,
 * the first AI dates, the quarters, the counts, the reject rows and reasons of
 * --check, and the lines of the date evidence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "csvin.h"
#include "calendar.h"
#include "dataset.h"
#include "out_csv.h"
#include "rules.h"
#include "tests.h"
#include "timesheet.h"

static void dump_strings(FILE *f, const char *what, const struct strmap *m)
{
	fprintf(f, "%s:", what);
	for (size_t i = 0; i < m->count; i++)
		fprintf(f, " [%s]", strmap_key(m, i));
	fputc('\n', f);
}

/* Every table the timesheet reader fills, exactly (doubles in hexadecimal). */
static void dump_dataset(FILE *f, const struct dataset *d)
{
	dump_strings(f, "employees", &d->employees);
	dump_strings(f, "use cases", &d->use_cases);
	dump_strings(f, "departments", &d->departments);
	for (size_t i = 0; i < d->cell_index.count; i++) {
		const struct ts_cell *c = &d->cells[i];
		fprintf(f, "cell %u %u %d: %u %u %a %a dep %u %d %ld\n", c->employee, c->use_case,
		        c->month, c->entries, c->ai_entries, c->ai_items, c->ai_minutes,
		        c->department, c->department_date, c->department_line);
	}
	for (size_t i = 0; i < d->baseline_index.count; i++)
		fprintf(f, "baseline %u %d: %a %a\n", d->baselines[i].use_case, d->baselines[i].month,
		        d->baselines[i].minutes, d->baselines[i].items);
	for (size_t i = 0; i < d->use_cases.count && i < d->first_ai_cap; i++)
		fprintf(f, "first ai %zu: %d\n", i, d->first_ai_date[i]);
	const struct file_counts *t = &d->timesheet_file;
	fprintf(f, "quarters %d %d; rows %ld %ld %ld; missing %d\n", d->ts_first_quarter,
	        d->ts_last_quarter, t->rows_read, t->rows_used, t->rows_rejected,
	        t->missing_column);
	const struct date_sense *ds = &t->read.dates;
	fprintf(f, "dates %ld [%s] %ld [%s] %ld [%s]\n", ds->dmy_line, ds->dmy_text, ds->mdy_line,
	        ds->mdy_text, ds->undecided_line, ds->undecided_text);
	for (size_t i = 0; i < t->read.reason_count; i++) {
		const struct reason_count *r = &t->read.reasons[i];
		fprintf(f, "reason %s / %s: %ld at %ld %ld %ld\n", r->column, r->reason, r->count,
		        r->lines[0], r->lines[1], r->lines[2]);
	}
}

/* The reading of path on threads threads in chunks of chunk bytes (0: the
 * default), as text. */
static char *reading(const char *path, const struct rules *r, int threads, int chunk)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct dataset d;
	dataset_init(&d);
	d.timesheet_rejects = (struct reject_sink){ csv_reject_sink_row, csv_reject_sink_reset, f };
	char size[32];
	snprintf(size, sizeof(size), "%d", chunk);
	if (chunk)
		setenv("AIREPORT_CHUNK_BYTES", size, 1);
	csvin_set_threads(threads);
	FILE *err = fopen("/dev/null", "w");
	int st = timesheet_read(&d, path, r, false, err);
	fclose(err);
	csvin_set_threads(1);
	unsetenv("AIREPORT_CHUNK_BYTES");
	fprintf(f, "status %d\n", st);
	dump_dataset(f, &d);
	dataset_free(&d);
	fclose(f);
	return out;
}

/* path read on 2 and 4 threads in chunks of many sizes is path read on one. */
static void same_in_chunks(const char *path, const struct rules *r)
{
	static const int chunks[] = { 0, 1, 2, 3, 5, 8, 13, 31, 64, 200, 1000 };
	char *one = reading(path, r, 1, 0);
	CHECK(strstr(one, "status 0\n") != NULL);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		for (int threads = 2; threads <= 4; threads += 2) {
			char *many = reading(path, r, threads, chunks[i]);
			if (strcmp(one, many) != 0)
				fprintf(stderr, "  %s on %d threads in chunks of %d bytes differs\n", path,
				        threads, chunks[i]);
			CHECK_STR(many, one);
			free(many);
		}
	}
	free(one);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

void test_chunks(void)
{
	char dir[] = "/tmp/aireport-chunks-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	char path[128];
	struct rules r;
	rules_init(&r);
	r.org_name = strdup("T");
	r.has_baseline_from = true;
	r.baseline_from = days_from_civil(2026, 1, 1);

	/* On the 1/1024 grid: every chunk is merged.  One cell holds rows of the same
	 * date under other departments all through the file (the last line wins);
	 * rejects of every kind, quoted line breaks, CRLF and UTF-8 between them; dates
	 * that cannot tell the order, then one that can. */
	struct buf b = { 0 };
	buf_puts(&b, "employee_id,date,use_case,minutes,ai_assisted,items,department\r\n");
	for (int i = 0; i < 60; i++) {
		char row[256];
		snprintf(row, sizeof(row), "E%d,0%d.02.2026,\"Quote\r\n%d\",%d.5,%s,%d,Dep %c\n",
		         i % 4, 1 + i % 9, i % 3, 10 + i, i % 2 ? "yes" : "no", 1 + i % 5,
		         'A' + i % 7);
		buf_puts(&b, row);
		snprintf(row, sizeof(row), "E1,03.02.2026,Übersetzung ✓,30,ja,,\"Dép\nß %d\"\r\n",
		         i % 5);
		buf_puts(&b, row);
		if (i % 7 == 3)
			buf_puts(&b, "E2,31.02.2026,Quote,20,yes,1,X\n");     /* no such date */
		if (i % 11 == 5)
			buf_puts(&b, "E3,01.03.2026,Quote,20,maybe,1,X\n\n");  /* not yes/no */
		if (i % 13 == 7)
			buf_puts(&b, "E3,01.03.2026,Quote\n");                /* too few fields */
		if (i == 40)
			buf_puts(&b, "E0,25.03.2026,Quote,60,yes,1,Dep Z\n"); /* day first */
	}
	snprintf(path, sizeof(path), "%s/grid.csv", dir);
	write_file(path, b.data);
	same_in_chunks(path, &r);

	/* Off the grid (tenths of minutes): the sums depend on the order of adding, so
	 * from the first such chunk on, every chunk is read again in order. */
	buf_clear(&b);
	buf_puts(&b, "employee_id,date,use_case,minutes,ai_assisted,department\n");
	for (int i = 0; i < 80; i++) {
		char row[128];
		snprintf(row, sizeof(row), "E%d,2026-02-%02d,Quote,%d.%d,%s,D\n", i % 2, 1 + i % 20,
		         i % 4, 1 + i % 9, i % 3 ? "yes" : "no");
		buf_puts(&b, row);
	}
	snprintf(path, sizeof(path), "%s/offgrid.csv", dir);
	write_file(path, b.data);
	same_in_chunks(path, &r);

	/* The same with a windows-1252 byte at the end, past the first piece read: the
	 * file is not UTF-8, which a chunk finds after others were merged; everything
	 * is forgotten and read again in order. */
	buf_clear(&b);
	buf_puts(&b, "employee_id,date,use_case,minutes,ai_assisted,department\n");
	for (int i = 0; i < 4000; i++) {
		char row[128];
		snprintf(row, sizeof(row), "Émile %d,2026-02-%02d,Übersetzung %d,%d,yes,Dép\n",
		         i % 3, 1 + i % 20, i % 4, i % 100);
		buf_puts(&b, row);
	}
	buf_puts(&b, "Z,2026-02-01,Gr\xfc\xdf""e,5,no,X\n");
	snprintf(path, sizeof(path), "%s/late1252.csv", dir);
	write_file(path, b.data);
	static const int big_chunks[] = { 0, 999, 4096, 50000 };
	char *one = reading(path, &r, 1, 0);
	CHECK(strstr(one, "[Ã‰mile 0]") != NULL);   /* read as windows-1252 */
	for (size_t i = 0; i < sizeof(big_chunks) / sizeof(big_chunks[0]); i++) {
		char *many = reading(path, &r, 2, big_chunks[i]);
		CHECK_STR(many, one);
		free(many);
	}
	free(one);

	/* Month-first dates: read day-first, then again month-first, in chunks too. */
	buf_clear(&b);
	buf_puts(&b, "employee_id,date,use_case,minutes,ai_assisted\n");
	for (int i = 0; i < 40; i++) {
		char row[128];
		snprintf(row, sizeof(row), "E%d,02/%02d/2026,Quote,%d,yes\n", i % 3, 1 + i % 28, i);
		buf_puts(&b, row);
	}
	snprintf(path, sizeof(path), "%s/mdy.csv", dir);
	write_file(path, b.data);
	same_in_chunks(path, &r);

	buf_free(&b);
	rules_free(&r);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}
