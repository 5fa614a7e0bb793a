/* run.c - one client from rules and exports to the four outputs. */
#include "run.h"

#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "dataset.h"
#include "fields.h"
#include "fsutil.h"
#include "ingest.h"
#include "out_csv.h"
#include "out_pdf.h"
#include "out_xlsx.h"
#include "report_compute.h"
#include "rules.h"
#include "survey.h"
#include "timesheet.h"
#include "util.h"

char *org_slug(const char *name)
{
	/* Two-byte UTF-8 letters of Latin-1 and their ASCII folds (§11.32). */
	static const struct { const char *utf8, *ascii; } folds[] = {
		{ "ä", "a" }, { "à", "a" }, { "á", "a" }, { "â", "a" }, { "ã", "a" }, { "å", "a" },
		{ "Ä", "a" }, { "À", "a" }, { "Á", "a" }, { "Â", "a" }, { "Ã", "a" }, { "Å", "a" },
		{ "æ", "ae" }, { "Æ", "ae" }, { "ç", "c" }, { "Ç", "c" },
		{ "è", "e" }, { "é", "e" }, { "ê", "e" }, { "ë", "e" },
		{ "È", "e" }, { "É", "e" }, { "Ê", "e" }, { "Ë", "e" },
		{ "ì", "i" }, { "í", "i" }, { "î", "i" }, { "ï", "i" },
		{ "Ì", "i" }, { "Í", "i" }, { "Î", "i" }, { "Ï", "i" },
		{ "ñ", "n" }, { "Ñ", "n" },
		{ "ö", "o" }, { "ò", "o" }, { "ó", "o" }, { "ô", "o" }, { "õ", "o" }, { "ø", "o" },
		{ "Ö", "o" }, { "Ò", "o" }, { "Ó", "o" }, { "Ô", "o" }, { "Õ", "o" }, { "Ø", "o" },
		{ "œ", "oe" }, { "Œ", "oe" }, { "ß", "ss" },
		{ "ù", "u" }, { "ú", "u" }, { "û", "u" }, { "ü", "u" },
		{ "Ù", "u" }, { "Ú", "u" }, { "Û", "u" }, { "Ü", "u" },
		{ "ý", "y" }, { "ÿ", "y" }, { "Ý", "y" }, { "Ÿ", "y" },
	};
	struct buf b = { 0 };
	bool gap = false;
	for (const char *p = name; *p;) {
		const char *fold = NULL;
		size_t used = 1;
		for (size_t i = 0; i < ARRAY_LEN(folds); i++) {
			size_t n = strlen(folds[i].utf8);
			if (strncmp(p, folds[i].utf8, n) == 0) {
				fold = folds[i].ascii;
				used = n;
				break;
			}
		}
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		char one[2] = { c, 0 };
		if (!fold && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			fold = one;
		if (fold) {
			if (gap && b.len)
				buf_putc(&b, '-');
			gap = false;
			buf_puts(&b, fold);
		} else {
			gap = true;
			/* skip a whole UTF-8 sequence */
			while (p[used] && ((unsigned char)p[used] & 0xC0) == 0x80)
				used++;
		}
		p += used;
	}
	if (!b.data)
		buf_puts(&b, "organisation");
	return b.data;
}

static time_t creation_time(int quarter)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	if (env && *env) {
		char *end;
		errno = 0;
		long long v = strtoll(env, &end, 10);
		if (!*end && !errno && v >= 0)
			return (time_t)v;
	}
	return (time_t)quarter_last_day(quarter) * 86400 + 86399;
}

/* Keeps the first problem of a run for the batch summary. */
static void set_message(struct run_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void set_message(struct run_result *res, const char *fmt, ...)
{
	if (!res || res->message[0])
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(res->message, sizeof(res->message), fmt, ap);
	va_end(ap);
}

/* rejects.csv: the survey's rows (already in line order), then the timesheet's. */
static int write_rejects(const struct dataset *d, FILE *ts_rejects, const char *dir,
                         struct pending_file *p, FILE *err)
{
	if (pending_create(p, dir, "rejects.csv") != 0) {
		fprintf(err, "aireport: %s: cannot write: %s\n", dir, strerror(errno));
		return EXIT_IO;
	}
	FILE *f = fopen(p->temp_path, "w");
	if (!f) {
		fprintf(err, "aireport: %s: cannot write: %s\n", p->final_path, strerror(errno));
		return EXIT_IO;
	}
	csv_write_rejects_header(f);
	for (size_t i = 0; i < d->survey_reject_count; i++) {
		const struct reject *r = &d->survey_rejects[i];
		csv_write_reject(f, d->survey_file.name, r->line, r->column, r->value, r->reason);
	}
	if (ts_rejects) {
		rewind(ts_rejects);
		char chunk[65536];
		size_t n;
		while ((n = fread(chunk, 1, sizeof(chunk), ts_rejects)) > 0)
			fwrite(chunk, 1, n, f);
	}
	if (ferror(f) | (fclose(f) != 0)) {
		fprintf(err, "aireport: %s: cannot write: %s\n", p->final_path, strerror(errno));
		return EXIT_IO;
	}
	return 0;
}

static bool over_limit(const struct file_counts *fc, double limit, const char *what, FILE *err)
{
	if (fc->rows_read == 0)
		return false;
	double share = (double)fc->rows_rejected / (double)fc->rows_read;
	if (share <= limit)
		return false;
	fprintf(err, "aireport: %s: %ld of %ld rows rejected (%.1f%%), more than %s; "
	        "see rejects.csv\n", fc->name, fc->rows_rejected, fc->rows_read, share * 100, what);
	return true;
}

static int write_metrics(const struct report *r, struct pending_file *p, FILE *err)
{
	FILE *f = fopen(p->temp_path, "w");
	if (!f || csv_write_metrics(f, r) != 0 || fclose(f) != 0) {
		fprintf(err, "aireport: %s: cannot write: %s\n", p->final_path, strerror(errno));
		return EXIT_IO;
	}
	return 0;
}

int run_client(const struct run_options *opt, struct run_result *res, FILE *err)
{
	struct rules rules;
	struct dataset d;
	struct report report;
	FILE *ts_rejects = NULL;
	char *slug = NULL;
	struct buf dir = { 0 }, org_dir = { 0 };
	int lock = -1;
	enum { REJECTS, METRICS, PDF, XLSX, OUTPUTS };
	static const char *const names[OUTPUTS] = { "rejects.csv", "metrics.csv",
	                                            "assessment.pdf", "roi.xlsx" };
	struct pending_file out[OUTPUTS];
	memset(out, 0, sizeof(out));
	memset(&report, 0, sizeof(report));
	dataset_init(&d);
	if (res)
		memset(res, 0, sizeof(*res));

	int status = rules_load(&rules, opt->rules, err);
	if (status) {
		set_message(res, "rules error in %s", opt->rules);
		dataset_free(&d);
		return status;
	}
	int quarter = -1;
	if (opt->period && !parse_quarter(opt->period, &quarter)) {
		fprintf(err, "aireport: invalid --period '%s' (expected YYYY-Qn, e.g. 2026-Q3)\n",
		        opt->period);
		set_message(res, "invalid --period '%s'", opt->period);
		status = EXIT_USAGE;
		goto done;
	}
	if (quarter < 0 && rules.quarter)
		quarter = rules.quarter_year * 4 + rules.quarter - 1;

	bool progress = !opt->quiet && isatty(STDERR_FILENO);
	int survey_status = survey_read(&d, opt->survey, &rules, progress, err);
	if (survey_status == EXIT_IO) {
		status = EXIT_IO;
		set_message(res, "cannot read %s", opt->survey);
		goto done;
	}
	ts_rejects = tmpfile();
	if (!ts_rejects) {
		fprintf(err, "aireport: cannot create a temporary file: %s\n", strerror(errno));
		status = EXIT_IO;
		goto done;
	}
	d.timesheet_rejects = (struct reject_sink){ csv_reject_sink_row, csv_reject_sink_reset,
	                                            ts_rejects };
	if (rules.identity_map) {
		int id_status = identity_load(&d, rules.identity_map, err);
		if (id_status) {
			status = id_status;
			set_message(res, "cannot use the identity map %s", rules.identity_map);
			goto done;
		}
	}
	int timesheet_status = timesheet_read(&d, opt->timesheet, &rules, progress, err);
	if (!survey_status && !timesheet_status)
		dataset_check_identity(&d, rules.identity_min_match, err);
	if (timesheet_status == EXIT_IO) {
		status = EXIT_IO;
		set_message(res, "cannot read %s", opt->timesheet);
		goto done;
	}
	if (res)
		res->rows = d.survey_file.rows_read + d.timesheet_file.rows_read;
	status = survey_status ? survey_status : timesheet_status;
	if (status)
		set_message(res, "unusable input (%s)", survey_status ? opt->survey : opt->timesheet);

	if (quarter < 0)
		quarter = report_latest_survey_quarter(&d);
	if (quarter < 0 && d.ts_last_quarter != INT32_MIN)
		quarter = d.ts_last_quarter;   /* only to place rejects.csv */

	double limit = opt->strict ? 0 : rules.max_reject_ratio;
	const char *why = opt->strict ? "none allowed with --strict"
	                              : "the limit [input] max_reject_ratio";
	if (!d.survey_file.missing_column && over_limit(&d.survey_file, limit, why, err)) {
		status = EXIT_DATA;
		set_message(res, "too many rejected rows in %s", opt->survey);
	}
	if (!d.timesheet_file.missing_column && over_limit(&d.timesheet_file, limit, why, err)) {
		status = EXIT_DATA;
		set_message(res, "too many rejected rows in %s", opt->timesheet);
	}
	if (!status && report_latest_survey_quarter(&d) < 0) {
		fprintf(err, "aireport: %s: no usable survey rows\n", opt->survey);
		status = EXIT_DATA;
	}
	bool have_rows = false;
	if (!status) {
		for (size_t i = 0; i < d.survey_count && !have_rows; i++)
			have_rows = quarter_of_days(d.survey[i].submitted) == quarter;
		if (!have_rows) {
			fprintf(err, "aireport: %s: no survey rows in %04d-Q%d\n", opt->survey,
			        quarter / 4, quarter % 4 + 1);
			set_message(res, "no survey rows in the period");
			status = EXIT_DATA;
		}
	}
	if (opt->check) {
		if (d.survey_count && d.cell_index.count && !d.ids.survey_ids)
			dataset_check_identity(&d, rules.identity_min_match, err);
		struct check_view view = { .rules = &rules, .rules_path = opt->rules, .d = &d,
		                           .quarter = status ? -1 : quarter, .status = status,
		                           .survey_read = true, .timesheet_read = true };
		fflush(err);
		if (check_print(stdout, &view, opt->check_json) != 0 || fflush(stdout) != 0) {
			fprintf(err, "aireport: cannot write to standard output: %s\n", strerror(errno));
			status = EXIT_IO;
		}
		goto done;
	}
	bool any_rejects = d.survey_reject_count > 0 || d.timesheet_file.rows_rejected > 0;
	slug = org_slug(rules.org_name);
	buf_printf(&org_dir, "%s/%s", opt->out, opt->folder ? opt->folder : slug);
	if (quarter < 0) {
		/* No period at all (no accepted row with a date): rejects.csv goes to the
		 * organisation's folder, so the export can still be fixed. */
		if (!status)
			status = EXIT_DATA;
		buf_puts(&dir, org_dir.data);
	} else {
		buf_printf(&dir, "%s/%04d-Q%d", org_dir.data, quarter / 4, quarter % 4 + 1);
		if (res)
			snprintf(res->period, sizeof(res->period), "%04d-Q%d", quarter / 4,
			         quarter % 4 + 1);
	}
	if ((status == 0 || any_rejects) && make_dirs(dir.data) != 0) {
		fprintf(err, "aireport: %s: cannot create folder: %s\n", dir.data, strerror(errno));
		set_message(res, "cannot create %s", dir.data);
		status = EXIT_IO;
		goto done;
	}
	if (res)
		snprintf(res->out_dir, sizeof(res->out_dir), "%s", dir.data);

	if (status) {
		/* A failed run writes no reports, only rejects.csv so the export can be fixed. */
		if (any_rejects && write_rejects(&d, ts_rejects, dir.data, &out[REJECTS], err) == 0) {
			lock = folder_lock(org_dir.data, opt->quiet, err);
			pending_commit(&out[REJECTS]);
		}
		goto done;
	}

	report_compute(&report, &d, &rules, quarter, creation_time(quarter));
	report.org_slug = xstrdup(slug);

	status = write_rejects(&d, ts_rejects, dir.data, &out[REJECTS], err);
	for (int i = METRICS; i < OUTPUTS && !status; i++) {
		if (pending_create(&out[i], dir.data, names[i]) != 0) {
			fprintf(err, "aireport: %s: cannot write: %s\n", dir.data, strerror(errno));
			status = EXIT_IO;
		}
	}
	if (!status)
		status = write_metrics(&report, &out[METRICS], err);
	if (!status)
		status = pdf_write_assessment(&report, out[PDF].temp_path, err);
	if (!status)
		status = xlsx_write_roi(&report, out[XLSX].temp_path, err);
	/* The four renames are one step.  Another run renaming into the same folder
	 * at the same time would leave a mix of both runs' reports: the folder lock
	 * makes the second wait.  A SIGINT/SIGTERM in between would leave new and
	 * earlier reports side by side: it is held until all are in place. */
	if (!status) {
		lock = folder_lock(org_dir.data, opt->quiet, err);
		if (lock < 0) {
			fprintf(err, "aireport: %s/.aireport.lock: cannot lock: %s\n", org_dir.data,
			        strerror(errno));
			status = EXIT_IO;
		}
	}
	sigset_t hold, saved;
	sigemptyset(&hold);
	sigaddset(&hold, SIGINT);
	sigaddset(&hold, SIGTERM);
	sigaddset(&hold, SIGHUP);
	sigprocmask(SIG_BLOCK, &hold, &saved);
	for (int i = 0; i < OUTPUTS && !status; i++) {
		if (pending_commit(&out[i]) != 0) {
			fprintf(err, "aireport: %s: cannot write: %s\n", out[i].final_path,
			        strerror(errno));
			status = EXIT_IO;
		}
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	if (status)
		set_message(res, "cannot write the reports to %s", dir.data);
	else if (!opt->quiet)
		fprintf(err, "aireport: %s: %s, %s, %s, %s\n", dir.data, names[METRICS],
		        names[REJECTS], names[PDF], names[XLSX]);

done:
	folder_unlock(lock);
	for (int i = 0; i < OUTPUTS; i++)
		pending_discard(&out[i]);
	if (ts_rejects)
		fclose(ts_rejects);
	report_free(&report);
	dataset_free(&d);
	rules_free(&rules);
	free(slug);
	buf_free(&dir);
	buf_free(&org_dir);
	return status;
}
