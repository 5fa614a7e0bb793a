/* run.c - one client from rules and exports to the four outputs. */
#include "run.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "check.h"
#include "csvin.h"
#include "dataset.h"
#include "digests.h"
#include "fields.h"
#include "fsutil.h"
#include "heap.h"
#include "history.h"
#include "history_merge.h"
#include "ingest.h"
#include "out_csv.h"
#include "out_docs.h"
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
	/* Rejected rows hold raw answers and ids: they go to a folder of their own, for
	 * whoever fixes the export, not beside the management report. */
	struct buf sub = { 0 };
	buf_printf(&sub, "%s/%s", dir, REJECTS_DIR);
	int made = make_dirs(sub.data);
	if (made != 0 || pending_create(p, sub.data, "rejects.csv") != 0) {
		fprintf(err, "aireport: %s: cannot write: %s\n", sub.data, strerror(errno));
		buf_free(&sub);
		return EXIT_IO;
	}
	buf_free(&sub);
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

/* The report's figures as metrics.csv holds them.  Returns 0 or EXIT_IO. */
static int report_figures(const struct report *r, const char *org_dir,
                          struct history_figures *figures, FILE *err)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f || csv_write_metrics(f, r) != 0 || fclose(f) != 0) {
		fprintf(err, "aireport: %s/%s: cannot write: %s\n", org_dir, HISTORY_FILE,
		        strerror(errno));
		free(text);
		return EXIT_IO;
	}
	int status = history_parse_metrics(text, len, figures);
	free(text);
	if (status) {
		fprintf(err, "aireport: %s/%s: cannot read back this run's metrics.csv\n", org_dir,
		        HISTORY_FILE);
		return EXIT_IO;
	}
	return 0;
}

/* A re-issue: the figures of P that differ from its latest publication, for the
 * reports' data quality page.  Returns 0 or EXIT_IO. */
static int compare_published(struct report *r, struct history *h,
                             const struct history_figures *figures, FILE *err)
{
	struct history_changes changes = { 0 };
	int status = history_compare(h, figures, &changes, err);
	if (!status && changes.previous_version && changes.count) {
		r->reissue_of = changes.previous_version;
		r->changes = xcalloc(changes.count, sizeof(*r->changes));
		r->change_count = changes.count;
		for (size_t i = 0; i < changes.count; i++) {
			const struct history_change *x = &changes.items[i];
			r->changes[i] = (struct figure_change){
				xstrdup(x->scope), xstrdup(x->group), xstrdup(x->metric),
				x->old_value ? xstrdup(x->old_value) : NULL,
				x->old_status ? xstrdup(x->old_status) : NULL,
				x->new_value ? xstrdup(x->new_value) : NULL,
				x->new_status ? xstrdup(x->new_status) : NULL,
			};
		}
	}
	history_changes_free(&changes);
	return status;
}

enum { REJECTS, METRICS, PDF, XLSX, OUTPUTS };
static const char *const output_names[OUTPUTS] = { REJECTS_DIR "/rejects.csv", "metrics.csv",
                                                   "assessment.pdf", "roi.xlsx" };

/* One client's run: what each stage hands to the next. */
struct client {
	const struct run_options *opt;
	struct run_result *res;
	FILE *err;
	struct rules rules;
	struct dataset d;
	struct report report;
	int quarter;                  /* -1 = none */
	FILE *ts_rejects;             /* the timesheet's reject rows, as CSV */
	char *slug;
	struct buf dir, org_dir;      /* OUT/<folder>/<period>, OUT/<folder> */
	int lock;
	struct pending_file out[OUTPUTS];
	struct history *history;      /* open when earlier quarters were read from it */
	struct input_digests digests; /* the inputs' SHA-256 for the history */
	struct history_figures figures; /* the report's metrics.csv rows, for the history */
};

/* The survey, the identity map and the timesheet into c->d. */
static int read_inputs(struct client *c, int *survey_status, int *timesheet_status)
{
	const struct run_options *opt = c->opt;
	bool progress = !opt->quiet && isatty(STDERR_FILENO);
	*survey_status = survey_read(&c->d, opt->survey, &c->rules, progress, c->err);
	if (*survey_status == EXIT_IO) {
		set_message(c->res, "cannot read %s", opt->survey);
		return EXIT_IO;
	}
	c->ts_rejects = tmpfile();
	if (!c->ts_rejects) {
		fprintf(c->err, "aireport: cannot create a temporary file: %s\n", strerror(errno));
		return EXIT_IO;
	}
	c->d.timesheet_rejects = (struct reject_sink){ csv_reject_sink_row,
	                                               csv_reject_sink_reset, c->ts_rejects };
	if (c->rules.identity_map) {
		int id_status = identity_load(&c->d, c->rules.identity_map, c->err);
		if (id_status) {
			set_message(c->res, "cannot use the identity map %s", c->rules.identity_map);
			return id_status;
		}
	}
	*timesheet_status = timesheet_read(&c->d, opt->timesheet, &c->rules, progress, c->err);
	if (!*survey_status && !*timesheet_status)
		dataset_check_identity(&c->d, c->rules.identity_min_match, c->err);
	if (*timesheet_status == EXIT_IO) {
		set_message(c->res, "cannot read %s", opt->timesheet);
		return EXIT_IO;
	}
	if (c->res)
		c->res->rows = c->d.survey_file.rows_read + c->d.timesheet_file.rows_read;
	return 0;
}

/* The run's status from what was read: the files' own, the reject limit, and
 * survey rows in the period.  Also settles c->quarter. */
static int judge_inputs(struct client *c, int survey_status, int timesheet_status)
{
	const struct run_options *opt = c->opt;
	struct dataset *d = &c->d;
	int status = survey_status ? survey_status : timesheet_status;
	if (status)
		set_message(c->res, "unusable input (%s)",
		            survey_status ? opt->survey : opt->timesheet);
	if (c->quarter < 0)
		c->quarter = report_latest_survey_quarter(d);
	if (c->quarter < 0 && d->ts_last_quarter != INT32_MIN)
		c->quarter = d->ts_last_quarter;   /* only to place rejects.csv */

	double limit = opt->strict ? 0 : c->rules.max_reject_ratio;
	const char *why = opt->strict ? "none allowed with --strict"
	                              : "the limit [input] max_reject_ratio";
	if (!d->survey_file.missing_column && over_limit(&d->survey_file, limit, why, c->err)) {
		status = EXIT_DATA;
		set_message(c->res, "too many rejected rows in %s", opt->survey);
	}
	if (!d->timesheet_file.missing_column &&
	    over_limit(&d->timesheet_file, limit, why, c->err)) {
		status = EXIT_DATA;
		set_message(c->res, "too many rejected rows in %s", opt->timesheet);
	}
	if (!status && report_latest_survey_quarter(d) < 0) {
		fprintf(c->err, "aireport: %s: no usable survey rows\n", opt->survey);
		status = EXIT_DATA;
	}
	if (!status) {
		bool have_rows = false;
		for (size_t i = 0; i < d->survey_count && !have_rows; i++)
			have_rows = quarter_of_days(d->survey[i].submitted) == c->quarter;
		if (!have_rows) {
			fprintf(c->err, "aireport: %s: no survey rows in %04d-Q%d\n", opt->survey,
			        c->quarter / 4, c->quarter % 4 + 1);
			set_message(c->res, "no survey rows in the period");
			status = EXIT_DATA;
		}
	}
	return status;
}

/* --check: what was found, on standard output. */
static int print_check(struct client *c, int status)
{
	struct dataset *d = &c->d;
	if (d->survey_count && d->cell_index.count && !d->ids.survey_ids)
		dataset_check_identity(d, c->rules.identity_min_match, c->err);
	struct check_view view = { .rules = &c->rules, .rules_path = c->opt->rules, .d = d,
	                           .quarter = status ? -1 : c->quarter, .status = status,
	                           .survey_read = true, .timesheet_read = true };
	fflush(c->err);
	if (check_print(stdout, &view, c->opt->check_json) != 0 || fflush(stdout) != 0) {
		fprintf(c->err, "aireport: cannot write to standard output: %s\n", strerror(errno));
		return EXIT_IO;
	}
	return status;
}

/* OUT/<folder>/<period>/, created when something will be written there. */
static int make_output_dir(struct client *c, int status, bool any_rejects)
{
	const struct run_options *opt = c->opt;
	c->slug = org_slug(c->rules.org_name);
	buf_printf(&c->org_dir, "%s/%s", opt->out, opt->folder ? opt->folder : c->slug);
	if (c->quarter < 0) {
		/* No period at all (no accepted row with a date): rejects.csv goes to the
		 * organisation's folder, so the export can still be fixed. */
		if (!status)
			status = EXIT_DATA;
		buf_puts(&c->dir, c->org_dir.data);
	} else {
		buf_printf(&c->dir, "%s/%04d-Q%d", c->org_dir.data, c->quarter / 4,
		           c->quarter % 4 + 1);
		if (c->res)
			snprintf(c->res->period, sizeof(c->res->period), "%04d-Q%d", c->quarter / 4,
			         c->quarter % 4 + 1);
	}
	if (!opt->bench_pass && (status == 0 || any_rejects) && make_dirs(c->dir.data) != 0) {
		fprintf(c->err, "aireport: %s: cannot create folder: %s\n", c->dir.data,
		        strerror(errno));
		set_message(c->res, "cannot create %s", c->dir.data);
		return EXIT_IO;
	}
	if (c->res)
		snprintf(c->res->out_dir, sizeof(c->res->out_dir), "%s", c->dir.data);
	return status;
}

/* The four reports into temporary files beside their final names. */
static int write_reports(struct client *c)
{
	int status = write_rejects(&c->d, c->ts_rejects, c->dir.data, &c->out[REJECTS], c->err);
	for (int i = METRICS; i < OUTPUTS && !status; i++) {
		if (pending_create(&c->out[i], c->dir.data, output_names[i]) != 0) {
			fprintf(c->err, "aireport: %s: cannot write: %s\n", c->dir.data,
			        strerror(errno));
			status = EXIT_IO;
		}
	}
	if (!status)
		status = write_metrics(&c->report, &c->out[METRICS], c->err);
	if (!status)
		status = write_documents(&c->report, c->out[PDF].temp_path, c->out[XLSX].temp_path,
		                         csvin_threads() > 1, c->err);
	return status;
}

/* The four renames are one step.  Another run renaming into the same folder at
 * the same time would leave a mix of both runs' reports: the folder lock makes
 * the second wait.  A SIGINT/SIGTERM in between would leave new and earlier
 * reports side by side: it is held until all are in place. */
static int commit_reports(struct client *c)
{
	int status = 0;
	sigset_t hold, saved;
	sigemptyset(&hold);
	sigaddset(&hold, SIGINT);
	sigaddset(&hold, SIGTERM);
	sigaddset(&hold, SIGHUP);
	sigprocmask(SIG_BLOCK, &hold, &saved);
	for (int i = 0; i < OUTPUTS && !status; i++) {
		if (pending_commit(&c->out[i]) != 0) {
			fprintf(c->err, "aireport: %s: cannot write: %s\n", c->out[i].final_path,
			        strerror(errno));
			status = EXIT_IO;
		}
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	return status;
}

static void client_free(struct client *c)
{
	digests_stop(&c->digests);
	history_close(c->history);
	history_figures_free(&c->figures);
	folder_unlock(c->lock);
	for (int i = 0; i < OUTPUTS; i++)
		pending_discard(&c->out[i]);
	if (c->ts_rejects)
		fclose(c->ts_rejects);
	report_free(&c->report);
	dataset_free(&c->d);
	free(c->slug);
	buf_free(&c->dir);
	buf_free(&c->org_dir);
}

static void print_quarters(FILE *err, const char *what, const int *quarters, size_t count)
{
	if (!count)
		return;
	fprintf(err, "aireport: %s of", what);
	for (size_t i = 0; i < count; i++) {
		char label[QUARTER_LABEL_SIZE];
		quarter_label(quarters[i], label);
		fprintf(err, "%s %s", i ? "," : "", label);
	}
	fprintf(err, " from the history\n");
}

/* false only when dir/name does not exist (ENOENT) */
static bool file_exists(const char *dir, const char *name)
{
	struct buf path = { 0 };
	buf_printf(&path, "%s/%s", dir, name);
	bool exists = access(path.data, F_OK) == 0 || errno != ENOENT;
	buf_free(&path);
	return exists;
}

/* The quarters up to the period that the exports do not cover, from the
 * organisation's history when it has one (history_merge.h).  The history is
 * left open for the record at the end.  A history that cannot be read ends the
 * run before any report is written: reports without its quarters would show
 * another trend than the ones already published.  Returns 0 or EXIT_IO. */
static int merge_history(struct client *c)
{
	if (c->opt->no_history)
		return 0;
	if (!file_exists(c->org_dir.data, HISTORY_FILE))
		return 0;
	c->history = history_open(c->org_dir.data, c->err);
	if (!c->history)
		return EXIT_IO;
	struct history_merge_options o = { .last_quarter = c->quarter,
	                                   .min_group_size = c->rules.min_group_size,
	                                   .republish = c->opt->republish };
	int status = history_merge(c->history, &c->d, &o, c->err);
	if (!status && !c->opt->quiet) {
		print_quarters(c->err, "timesheet", c->d.history_timesheet_quarters,
		               c->d.history_timesheet_quarter_count);
		print_quarters(c->err, "survey", c->d.history_survey_quarters,
		               c->d.history_survey_quarter_count);
	}
	if (!status && c->d.survey_held_back && !is_quiet())
		fprintf(c->err, "aireport: warning: %s: %ld survey answer%s held back: an earlier "
		        "report used %s quarter, and publishing the change would single out fewer "
		        "than %d people (see rejects.csv)\n", c->opt->survey, c->d.survey_held_back,
		        c->d.survey_held_back == 1 ? "" : "s", c->d.survey_held_back == 1 ? "its" : "their",
		        c->rules.min_group_size);
	return status;
}

static int compare_employee_ids(const void *a, const void *b)
{
	return strcmp(((const struct employee_row *)a)->id, ((const struct employee_row *)b)->id);
}

/* The employee sheet names people by the exports' ids.  Someone only the history
 * knows (a member of the period through cells the timesheet export lacks) is
 * keyed by a pseudonym, which is never published: the row is shown as
 * "history-N" instead, numbered in the pseudonyms' order. */
static void relabel_history_employees(struct report *r, const struct dataset *d)
{
	int n = 0;
	for (size_t i = 0; i < r->employee_count; i++) {
		struct employee_row *row = &r->employees[i];
		size_t e = strmap_find(&d->employees, row->id, strlen(row->id));
		if (e == SIZE_MAX || e < d->export_employees)
			continue;
		free(row->id);
		struct buf label = { 0 };
		buf_printf(&label, "history-%d", ++n);
		row->id = label.data;
	}
	if (n)
		qsort(r->employees, r->employee_count, sizeof(*r->employees), compare_employee_ids);
}

/* The history of the organisation's folder (history.h): the quarter's figures as
 * metrics.csv holds them and the folded exports, in one transaction, committed
 * once the reports are in place, under the folder lock.  When the run has more
 * than one thread, a thread of its own takes the lock and writes the rows while
 * the reports are written (its messages are told after the reports'); else they
 * are written after the reports.  A run whose reports fail leaves the history as
 * it was, and removes it when the run created it. */
struct history_job {
	struct client *c;
	struct history *opened;         /* opened and created here; else c->history */
	bool created, secret_created;   /* the files did not exist before this run */
	struct history_pending *pending;
	int status;
	pthread_t thread;
	bool started;                   /* on its thread, which takes the lock */
	int lock_errno;                 /* the thread's lock failed */
	FILE *err;                      /* the stage's messages: c->err, or a memory stream */
	char *text;
	size_t len;
};

static void history_job_stage(struct history_job *j)
{
	struct client *c = j->c;
	struct history *h = c->history;
	if (!h) {   /* under the folder lock: no other run creates it meanwhile */
		j->created = !file_exists(c->org_dir.data, HISTORY_FILE);
		j->secret_created = !file_exists(c->org_dir.data, HISTORY_SECRET_FILE);
		h = j->opened = history_open(c->org_dir.data, j->err);
	}
	j->status = EXIT_IO;
	if (!h)
		return;
	const struct run_options *opt = c->opt;
	struct history_run run = {
		.version = opt->version ? opt->version : "unknown",
		.run_at = time(NULL), .created = c->report.created,
		.survey_path = opt->survey, .timesheet_path = opt->timesheet,
		.rules_path = opt->rules, .identity_map_path = c->rules.identity_map,
		.input_sha256 = digests_wait(&c->digests),
		.figures = &c->figures, .data = &c->d, .rules = &c->rules,
	};
	j->status = history_stage(h, &run, &j->pending, j->err);
}

static void *history_job_run(void *arg)
{
	heap_thread_setup();
	struct history_job *j = arg;
	struct client *c = j->c;
	c->lock = folder_lock(c->org_dir.data, c->opt->quiet, c->err);
	if (c->lock < 0)
		j->lock_errno = errno;
	else
		history_job_stage(j);
	return NULL;
}

/* The lock and the stage on a thread, when background and one can be made;
 * else history_finish stages. */
static void history_start(struct history_job *j, struct client *c, bool background)
{
	memset(j, 0, sizeof(*j));
	j->c = c;
	j->err = c->err;
	j->status = EXIT_IO;            /* until staged */
	if (!background)
		return;
	FILE *f = open_memstream(&j->text, &j->len);
	if (!f)
		return;
	j->err = f;
	j->started = pthread_create(&j->thread, NULL, history_job_run, j) == 0;
	if (!j->started) {
		fclose(f);
		free(j->text);
		j->text = NULL;
		j->err = c->err;
	}
}

/* The organisation's folder is locked from before the reports' renames to the
 * history's commit (in one order for every run: the folder, then the history):
 * by the history's thread, or here. */
static int lock_folder(struct client *c, struct history_job *j)
{
	if (j && j->started) {
		pthread_join(j->thread, NULL);
		j->started = false;
		errno = j->lock_errno;
	} else {
		c->lock = folder_lock(c->org_dir.data, c->opt->quiet, c->err);
	}
	if (c->lock < 0) {
		fprintf(c->err, "aireport: %s/.aireport.lock: cannot lock: %s\n", c->org_dir.data,
		        strerror(errno));
		return EXIT_IO;
	}
	return 0;
}

static void remove_created(const struct history_job *j)
{
	static const char *const files[] = { HISTORY_FILE, HISTORY_FILE "-wal",
	                                     HISTORY_FILE "-shm", HISTORY_FILE "-journal" };
	struct buf path = { 0 };
	for (size_t i = 0; i < ARRAY_LEN(files) + j->secret_created; i++) {
		buf_clear(&path);
		buf_printf(&path, "%s/%s", j->c->org_dir.data,
		           i < ARRAY_LEN(files) ? files[i] : HISTORY_SECRET_FILE);
		unlink(path.data);
	}
	buf_free(&path);
}

/* Commits the stage when the reports are in place (reports_ok), else rolls it
 * back.  Returns 0 or EXIT_IO. */
static int history_finish(struct history_job *j, bool reports_ok)
{
	struct client *c = j->c;
	if (j->started) {               /* the reports failed before the lock */
		pthread_join(j->thread, NULL);
		j->started = false;
	}
	if (j->err != c->err) {
		fclose(j->err);
		if (reports_ok && j->len)
			fwrite(j->text, 1, j->len, c->err);
		free(j->text);
		j->err = c->err;
	} else if (reports_ok) {
		history_job_stage(j);
	}
	int status = j->status;
	if (reports_ok && !status) {
		struct history_changes changes = { 0 };
		status = history_commit(j->pending, &changes, c->err);
		if (!status)
			history_print_changes(j->opened ? j->opened : c->history, &changes, c->err);
		history_changes_free(&changes);
	} else {
		history_abandon(j->pending);
	}
	history_close(j->opened);
	if (!reports_ok && j->opened && j->created)
		remove_created(j);
	return reports_ok ? status : 0;
}

/* From the rules to the reports, stage by stage. */
static int run_stages(struct client *c)
{
	const struct run_options *opt = c->opt;
	if (opt->period && !parse_quarter(opt->period, &c->quarter)) {
		fprintf(c->err, "aireport: invalid --period '%s' (expected YYYY-Qn, e.g. 2026-Q3)\n",
		        opt->period);
		set_message(c->res, "invalid --period '%s'", opt->period);
		return EXIT_USAGE;
	}
	if (c->quarter < 0 && c->rules.quarter)
		c->quarter = c->rules.quarter_year * 4 + c->rules.quarter - 1;

	/* Hashed on another core while the run reads and writes, when it has one. */
	const char *inputs[DIGEST_INPUTS] = { opt->survey, opt->timesheet, opt->rules,
	                                      c->rules.identity_map };
	digests_start(&c->digests, inputs, !opt->check && !opt->no_history && csvin_threads() > 1);

	int survey_status = 0, timesheet_status = 0;
	int status = read_inputs(c, &survey_status, &timesheet_status);
	if (status)
		return status;
	status = judge_inputs(c, survey_status, timesheet_status);
	if (opt->check)
		return print_check(c, status);

	bool any_rejects = c->d.survey_reject_count > 0 || c->d.timesheet_file.rows_rejected > 0;
	status = make_output_dir(c, status, any_rejects);
	if (status == EXIT_IO)
		return status;
	if (status) {
		/* A failed run writes no reports, only rejects.csv so the export can be fixed
		 * (not in the benchmark's first pass: the second writes it). */
		if (any_rejects && !opt->bench_pass &&
		    write_rejects(&c->d, c->ts_rejects, c->dir.data, &c->out[REJECTS], c->err) == 0) {
			c->lock = folder_lock(c->org_dir.data, opt->quiet, c->err);
			pending_commit(&c->out[REJECTS]);
		}
		return status;
	}

	status = merge_history(c);
	if (status) {
		set_message(c->res, "cannot read the history %s/%s", c->org_dir.data, HISTORY_FILE);
		return status;
	}
	report_compute(&c->report, &c->d, &c->rules, c->quarter, creation_time(c->quarter));
	if (c->d.history_merged)
		relabel_history_employees(&c->report, &c->d);
	c->report.org_slug = xstrdup(c->slug);
	if (opt->bench_pass) {
		bench_values_of(&c->report, &c->res->bench);
		c->res->bench_ready = true;
		return 0;
	}
	if (c->history || !opt->no_history) {
		status = report_figures(&c->report, c->org_dir.data, &c->figures, c->err);
		if (!status && c->history)
			status = compare_published(&c->report, c->history, &c->figures, c->err);
		if (status) {
			set_message(c->res, "cannot read the history %s/%s", c->org_dir.data,
			            HISTORY_FILE);
			return status;
		}
	}
	if (opt->benchmark_count) {
		char period[QUARTER_LABEL_SIZE];
		quarter_label(c->quarter, period);
		c->report.benchmark = bench_find(opt->benchmarks, opt->benchmark_count, period);
	}
	struct history_job history;
	bool record = !opt->no_history;
	if (record)
		history_start(&history, c, csvin_threads() > 1);
	status = write_reports(c);
	if (!status)
		status = lock_folder(c, record ? &history : NULL);
	if (!status)
		status = commit_reports(c);
	if (status)
		set_message(c->res, "cannot write the reports to %s", c->dir.data);
	else if (!opt->quiet)
		fprintf(c->err, "aireport: %s: %s, %s, %s, %s\n", c->dir.data, output_names[METRICS],
		        output_names[REJECTS], output_names[PDF], output_names[XLSX]);
	/* The reports stay in place whatever happens to the history. */
	if (record) {
		int history_status = history_finish(&history, status == 0);
		if (history_status) {
			status = history_status;
			set_message(c->res, "cannot write the history %s/%s", c->org_dir.data,
			            HISTORY_FILE);
		}
	}
	return status;
}

/* Settings that weaken the privacy of the reports are said out loud. */
static void privacy_warnings(const struct rules *rules, FILE *err)
{
	if (is_quiet())
		return;
	if (rules->min_group_size < 5)
		fprintf(err, "aireport: warning: %s: min_group_size = %d is below 5: groups this "
		        "small are easier to recognise; the report states the threshold it used\n",
		        rules->path, rules->min_group_size);
	if (rules->employee_sheet)
		fprintf(err, "aireport: warning: %s: employee_sheet = true puts every employee's id, "
		        "department and level in roi.xlsx: give that workbook only to those allowed "
		        "to see personal data\n", rules->path);
}

int run_client(const struct run_options *opt, struct run_result *res, FILE *err)
{
	if (res)
		memset(res, 0, sizeof(*res));
	struct client c;
	memset(&c, 0, sizeof(c));
	c.opt = opt;
	c.res = res;
	c.err = err;
	c.quarter = -1;
	c.lock = -1;
	dataset_init(&c.d);
	int status = rules_load(&c.rules, opt->rules, err);
	if (status) {
		set_message(res, "rules error in %s", opt->rules);
		dataset_free(&c.d);
		return status;
	}
	if (res)
		res->min_clients = c.rules.benchmark_min_clients;
	privacy_warnings(&c.rules, err);
	status = run_stages(&c);
	client_free(&c);
	rules_free(&c.rules);
	return status;
}
