/* fuzz_readers.c - libFuzzer harness for the survey and timesheet readers
 * (gen/survey.c, gen/timesheet.c over gen/csvin.c) and everything after them:
 * the report model, privacy and metrics.csv / rejects.csv.
 *
 * Input: one byte of options (encoding, delimiter, min_group_size, a fixed
 * period or not), two bytes giving the length of the survey, the survey, then
 * the timesheet.  The readers take paths, so both are written to a private
 * folder under /dev/shm.  Only crashes, sanitizer reports and broken invariants
 * count, and one more: the timesheet is read on one thread and again on two
 * with chunks of 1 to 64 bytes (by the input's length), and the
 * two readings must give the same rejects.csv rows, counts and metrics.csv. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvin.h"
#include "dataset.h"
#include "fields.h"
#include "out_csv.h"
#include "report_compute.h"
#include "rules.h"
#include "survey.h"
#include "timesheet.h"
#include "util.h"

static char dir[64], survey_path[96], timesheet_path[96];
static FILE *devnull;

static void write_file(const char *p, const uint8_t *data, size_t size)
{
	FILE *f = fopen(p, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
}

static void cleanup(void)
{
	unlink(survey_path);
	unlink(timesheet_path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(dir, sizeof(dir), "/dev/shm/aireport-fuzz-readers-%ld", (long)getpid());
	if (mkdir(dir, 0700) != 0)
		abort();
	snprintf(survey_path, sizeof(survey_path), "%s/survey.csv", dir);
	snprintf(timesheet_path, sizeof(timesheet_path), "%s/timesheet.csv", dir);
	devnull = fopen("/dev/null", "w");
	set_quiet(true);
	atexit(cleanup);
	return 0;
}

static void check_counts(const struct file_counts *fc)
{
	if (fc->missing_column)
		return;
	if (fc->rows_read != fc->rows_used + fc->rows_rejected + fc->rows_superseded ||
	    fc->rows_used < 0 || fc->rows_rejected < 0 || fc->rows_superseded < 0)
		abort();                         /* §2: every row used, rejected or superseded */
}

/* Reads both files and writes what they give to out: rejects, counts, metrics. */
static void read_and_report(uint8_t options, FILE *out)
{
	static const enum encoding_mode encodings[4] = { ENCODING_AUTO, ENCODING_UTF8,
	                                                 ENCODING_WINDOWS1252, ENCODING_AUTO };
	static const char delimiters[4] = { 0, ',', ';', '\t' };
	struct rules rules;
	rules_init(&rules);
	rules.org_name = xstrdup("Fuzz B.V.");
	rules.rate_default = 60;
	rules.training_per_participant = 1500;
	rules.license_per_active_user_month = 20;
	rules.program_fixed_per_quarter = 3000;
	rules.encoding = encodings[options & 3];
	rules.delimiter = delimiters[(options >> 2) & 3];
	rules.survey_input.encoding = rules.timesheet_input.encoding = rules.encoding;
	rules.survey_input.delimiter = rules.timesheet_input.delimiter = rules.delimiter;
	rules.min_group_size = (options & 0x10) ? 1 : 5;
	rules.employee_sheet = (options & 0x20) != 0;

	struct dataset d;
	dataset_init(&d);
	d.timesheet_rejects = (struct reject_sink){ csv_reject_sink_row, csv_reject_sink_reset,
	                                            out };
	int st = survey_read(&d, survey_path, &rules, false, devnull);
	int tt = timesheet_read(&d, timesheet_path, &rules, false, devnull);
	if ((st != 0 && st != EXIT_DATA) || (tt != 0 && tt != EXIT_DATA))
		abort();
	check_counts(&d.survey_file);
	check_counts(&d.timesheet_file);
	fprintf(out, "%d %d %ld %ld %ld %zu %zu\n", st, tt, d.timesheet_file.rows_read,
	        d.timesheet_file.rows_used, d.timesheet_file.rows_rejected,
	        d.cell_index.count, d.employees.count);
	for (size_t i = 0; i < d.survey_reject_count; i++) {
		const struct reject *r = &d.survey_rejects[i];
		csv_write_reject(devnull, d.survey_file.name, r->line, r->column, r->value,
		                 r->reason);
	}

	int quarter = report_latest_survey_quarter(&d);
	if (quarter >= 0 && (options & 0x40))
		quarter--;                       /* a period before the latest, maybe empty */
	if (st == 0 && tt == 0 && quarter >= 0) {
		struct report report;
		memset(&report, 0, sizeof(report));
		report_compute(&report, &d, &rules, quarter, 0);
		if (csv_write_metrics(out, &report) != 0)
			abort();
		report_free(&report);
	}
	dataset_free(&d);
	rules_free(&rules);
}

/* What read_and_report writes with the timesheet read on threads threads. */
static char *reading(uint8_t options, int threads)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (!out)
		abort();
	csvin_set_threads(threads);
	read_and_report(options, out);
	csvin_set_threads(1);
	if (fclose(out) != 0)
		abort();
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 4)
		return 0;
	uint8_t options = data[0];
	char chunk[8];
	snprintf(chunk, sizeof(chunk), "%d", 1 + (int)(size % 64));
	size_t survey_len = ((size_t)data[1] | (size_t)data[2] << 8) % (size - 2);
	write_file(survey_path, data + 3, survey_len);
	write_file(timesheet_path, data + 3 + survey_len, size - 3 - survey_len);

	char *one = reading(options, 1);
	setenv("AIREPORT_CHUNK_BYTES", chunk, 1);
	char *two = reading(options, 2);
	unsetenv("AIREPORT_CHUNK_BYTES");
	if (strcmp(one, two) != 0)
		abort();                         /* chunks change nothing */
	free(one);
	free(two);
	return 0;
}
