/* init_rules.c - aireport --init-rules FILE: a starter rules file for the given
 * exports; see init_rules.h. */
#include "init_rules.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dataset.h"
#include "fields.h"
#include "header.h"
#include "ingest.h"
#include "profile.h"
#include "share.h"
#include "util.h"

/* What one pass over an export found. */
struct scan {
	enum profile_kind kind;
	const char *file;
	FILE *err;
	struct input_settings in;
	struct reader_profile profile;
	struct header_map map;
	const char *const *canonical;
	const bool *required;
	size_t ncolumns;
	char *mapping[HEADER_MAX_COLUMNS];   /* the export's column per canonical one */
	struct file_read how;
	struct date_sense dates;
	struct strmap values;                /* of the AI column: tags, split at ',' */
	long *counts;
	size_t counts_cap;
	long rows, ids_with_at;
	struct buf scratch;
	struct buf unused;                   /* the export's columns nobody reads */
};

static void count_value(struct scan *s, const char *v, size_t n)
{
	const char *t = trim_span(v, &n);
	if (n == 0)
		return;
	bool added;
	size_t i = strmap_intern(&s->values, t, n, &added);
	if (added) {
		GROW(s->counts, s->counts_cap, i + 1);
		s->counts[i] = 0;
	}
	s->counts[i]++;
}

static int scan_record(const struct csv_record *rec, void *ctx)
{
	struct scan *s = ctx;
	static const bool none[HEADER_MAX_COLUMNS];
	if (!s->map.built) {
		if (s->map.rows_seen == 0) {
			char *no_rules[HEADER_MAX_COLUMNS] = { NULL };
			reader_profile_choose(&s->profile, s->kind, &s->in, no_rules, s->canonical,
			                      s->ncolumns, rec, s->file, s->err);
		}
		struct header_spec spec = { .canonical = s->canonical, .renamed = s->profile.names,
		                            .required = none, .count = s->ncolumns,
		                            .section = "", .header_rows = s->profile.header_rows };
		bool quiet = is_quiet();
		set_quiet(true);   /* unknown columns are the rule in an export, not news */
		header_map_take(&s->map, &spec, rec, s->file, s->err);
		set_quiet(quiet);
		if (!s->map.built)
			return 0;
		bool *used = xcalloc(s->map.count + 1, sizeof(*used));
		for (size_t c = 0; c < s->ncolumns; c++) {
			const struct header_column *col = &s->map.col[c];
			for (int k = 0; k < col->nparts; k++)
				used[col->part[k]] = true;
			if (col->nparts != 1) {
				s->mapping[c] = col->nparts ? xstrdup(col->label) : NULL;
				continue;
			}
			/* with two header rows the row-2 text ("Response") is not unique: the
			 * question's text before it is */
			int cell = col->part[0];
			s->mapping[c] = xstrdup(s->map.full && s->map.full[cell] ? s->map.full[cell]
			                                                          : s->map.names[cell]);
		}
		for (size_t i = 0; i < s->map.count; i++) {
			size_t len = strlen(s->map.names[i]);
			trim_span(s->map.names[i], &len);
			if (used[i] || !len)
				continue;
			buf_puts(&s->unused, s->unused.len ? ", " : "");
			buf_puts(&s->unused, s->map.names[i]);
		}
		free(used);
		return 0;
	}
	s->rows++;
	struct csv_field f;
	int date = s->kind == PROFILE_SURVEY ? SC_SUBMITTED : TC_DATE;
	if (header_map_has(&s->map, date)) {
		int32_t day;
		header_map_field(&s->map, date, rec, &s->scratch, &f);
		date_sense_read(&s->dates, rec->line, f.data, f.len, &day);
	}
	int id = s->kind == PROFILE_SURVEY ? SC_EMPLOYEE_ID : TC_EMPLOYEE_ID;
	if (header_map_has(&s->map, id)) {
		header_map_field(&s->map, id, rec, &s->scratch, &f);
		s->ids_with_at += memchr(f.data, '@', f.len) != NULL;
	}
	if (s->kind == PROFILE_TIMESHEET && header_map_has(&s->map, TC_AI_ASSISTED)) {
		header_map_field(&s->map, TC_AI_ASSISTED, rec, &s->scratch, &f);
		/* a tag list counts each tag; other text counts as a whole */
		const char *p = f.data, *end = f.data + f.len;
		if (s->profile.profile->marker_column && memchr(p, ',', f.len)) {
			while (p < end) {
				const char *comma = memchr(p, ',', (size_t)(end - p));
				size_t n = comma ? (size_t)(comma - p) : (size_t)(end - p);
				count_value(s, p, n);
				p += n + 1;
			}
		} else {
			count_value(s, f.data, f.len);
		}
	}
	return 0;
}

static int scan_file(struct scan *s, const char *path)
{
	s->file = path;
	s->in = (struct input_settings){ .header_rows = 1 };
	s->dates.order = DATE_ORDER_AUTO;
	int status = export_read(path, &s->in, false, scan_record, s, &s->map, &s->how, s->err);
	buf_free(&s->scratch);
	return status;
}

static void scan_free(struct scan *s)
{
	reader_profile_free(&s->profile);
	for (size_t c = 0; c < HEADER_MAX_COLUMNS; c++)
		free(s->mapping[c]);
	file_read_free(&s->how);
	strmap_free(&s->values);
	free(s->counts);
	buf_free(&s->unused);
}

/* A header as a rules value: whole when inih would read it back unchanged, else
 * the part before the trouble as a prefix ("... (1 = slecht; 5 = goed)"). */
static void put_value(struct buf *b, const char *label)
{
	size_t n = strlen(label);
	for (size_t i = 1; i < n; i++)
		if ((label[i] == ';' || label[i] == '#') && (label[i - 1] == ' ' || label[i - 1] == '\t')) {
			size_t len = i;
			const char *t = trim_span(label, &len);
			buf_append(b, t, len);
			buf_putc(b, '*');
			return;
		}
	buf_puts(b, label);
}

/* The most frequent values first (ties: first seen). */
static int by_frequency(const void *a, const void *b, const long *counts)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	if (counts[x] != counts[y])
		return counts[x] > counts[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void write_columns(struct buf *b, const char *section, const struct scan *s)
{
	buf_printf(b, "\n[%s]\n", section);
	buf_printf(b, "; The export's column for each canonical one, as found (profile %s: %s).\n"
	           "; A line may be removed: the profile finds it again.\n",
	           s->profile.profile->name, s->profile.profile->title);
	if (s->unused.len)
		buf_printf(b, "; Columns nothing reads yet: %s\n", s->unused.data);
	for (size_t c = 0; c < s->ncolumns; c++) {
		if (!s->mapping[c] && s->required[c]) {
			buf_printf(b, "; FILL IN the export's column for %s (a name, or its start and *).\n"
			           "%s =\n", s->canonical[c], s->canonical[c]);
			continue;
		}
		if (!s->mapping[c]) {
			buf_printf(b, "; %s =\n", s->canonical[c]);
			continue;
		}
		buf_printf(b, "%s = ", s->canonical[c]);
		put_value(b, s->mapping[c]);
		buf_putc(b, '\n');
	}
}

static void write_input(struct buf *b, const char *section, const struct scan *s)
{
	buf_printf(b, "\n[%s]\n", section);
	buf_printf(b, "; Read as: %s (profile = auto recognises it again).\n",
	           s->profile.profile->title);
	buf_printf(b, "profile = %s\n", s->profile.profile->name);
	if (s->dates.mdy_line && !s->dates.dmy_line)
		buf_printf(b, "; Month-first dates (line %ld: %s).\ndate_order = mdy\n",
		           s->dates.mdy_line, s->dates.mdy_text);
	else if (s->dates.undecided_line && !s->dates.dmy_line)
		buf_printf(b, "; No date tells the order of day and month (line %ld: %s): set dmy or "
		           "mdy.\n; date_order = dmy\n", s->dates.undecided_line, s->dates.undecided_text);
	else
		buf_puts(b, "; date_order = auto\n");
	if (s->how.workbook)
		buf_printf(b, "sheet = %s\n", s->how.sheet);
}

/* Every other key, commented out, with its default. */
static const char *const other_keys =
	"\n[period]\n"
	"; The quarter to report (2026-Q3); auto = the latest quarter with survey answers.\n"
	"; quarter = auto\n"
	"; Start of the AI programme: the cumulative ROI and payback count from here.\n"
	"; program_start = 2026-01-01\n"
	"\n[privacy]\n"
	"; No published figure covers fewer than this many people.\n"
	"; min_group_size = 5\n"
	"; A per-employee sheet in roi.xlsx (never in the PDF).\n"
	"; employee_sheet = false\n"
	"\n[adoption]\n"
	"; Active: at least this many AI days a week in the survey.\n"
	"; active_min_days_per_week = 1\n"
	"; ... or at least this many AI entries in the quarter (0 = off).\n"
	"; active_min_ai_entries = 0\n"
	"\n[maturity]\n"
	"; Likert score from which a dimension is at level 2 (AI-specialist) and 3 (AI-expert).\n"
	"; level2_min = 3\n"
	"; level3_min = 4\n"
	"; How five dimension levels make one: median, min or mean.\n"
	"; overall = median\n"
	"\n[costs]\n"
	"; One-off training cost per participant, in the month of the training.\n"
	"; training_per_participant = 0\n"
	"; AI licence per active user and month.\n"
	"; license_per_active_user_month = 0\n"
	"; Fixed programme cost per quarter.\n"
	"; program_fixed_per_quarter = 0\n"
	"\n[targets]\n"
	"; Traffic lights in the PDF; off switches one off.\n"
	"; adoption = 60%\n"
	"; hours_saved_per_week = 40\n"
	"; roi = 200%\n"
	"; maturity = 2.0\n"
	"\n[risk]\n"
	"; A use case is at risk when one person holds at least this share of its savings.\n"
	"; concentration_share = 50%\n";

static void write_rules(struct buf *b, const struct scan *sv, const struct scan *ts,
                        const char *survey, const char *timesheet)
{
	buf_printf(b, "; Rules for the exports %s and %s.\n", survey, timesheet);
	buf_puts(b, "; Fill in every line marked FILL IN, then check with\n");
	buf_printf(b, ";   aireport --check -s %s -t %s -r <this file>\n", survey, timesheet);
	buf_puts(b, "; Every key is explained in " AIREPORT_SHARE "/default.ini.\n");
	buf_puts(b, "\n[organisation]\n; FILL IN the organisation's name (the reports' title and folder).\nname =\n"
	         "; nl, en or de: the reports' language and number format.\nlanguage = nl\n"
	         "; currency = EUR\n; prepared_by =\n; logo = logo.png\n");
	buf_puts(b, "\n[rates]\n; FILL IN the loaded cost of an hour of work, in the currency above.\n"
	         "default =\n; Share of the saved time that turns into value (50% for a careful case).\n"
	         "; realisation = 100%\n");
	buf_puts(b, "\n[rates.role]\n; Optional: a rate per role, as the survey names it.  Sales = 70\n"
	         "\n[rates.department]\n; Optional: a rate per department.  Productie = 55\n"
	         "\n[use_cases]\n; Optional: a fixed baseline in minutes per item.  Offertetraject = 120\n");
	write_input(b, "survey_input", sv);
	write_input(b, "timesheet_input", ts);
	write_columns(b, "survey_columns", sv);
	write_columns(b, "timesheet_columns", ts);

	if (ts->profile.profile->marker_column) {
		size_t n = ts->values.count;
		size_t *order = xcalloc(n + 1, sizeof(*order));
		for (size_t i = 0; i < n; i++)
			order[i] = i;
		for (size_t i = 1; i < n; i++)   /* insertion sort: few distinct tags */
			for (size_t j = i; j > 0 && by_frequency(&order[j - 1], &order[j], ts->counts) > 0; j--) {
				size_t t = order[j];
				order[j] = order[j - 1];
				order[j - 1] = t;
			}
		buf_puts(b, "\n[timesheet_values]\n");
		buf_printf(b, "; FILL IN the tag, label or word of '%s' that marks AI work (several: AI, KI).\n",
		           ts->mapping[TC_AI_ASSISTED] ? ts->mapping[TC_AI_ASSISTED] : "ai_assisted");
		buf_puts(b, "; Found, most frequent first:");
		for (size_t i = 0; i < n && i < 12; i++)
			buf_printf(b, "%s %s (%ld)", i ? "," : "", strmap_key(&ts->values, order[i]),
			           ts->counts[order[i]]);
		buf_puts(b, n > 12 ? ", ...\nai_assisted =\n" : "\nai_assisted =\n");
		free(order);
	} else {
		buf_puts(b, "\n[timesheet_values]\n; The AI column holds yes/no values; for tags name "
		         "them here.\n; ai_assisted = AI\n");
	}

	buf_puts(b, "\n[identity]\n");
	bool survey_mail = sv->rows && sv->ids_with_at * 2 > sv->rows;
	bool ts_mail = ts->rows && ts->ids_with_at * 2 > ts->rows;
	if (survey_mail != ts_mail)
		buf_printf(b, "; The survey names people by %s, the timesheet by %s: a file with a "
		           "header and\n; one line per person (timesheet id, survey id) joins them.\n"
		           "; map = ids.csv\n", survey_mail ? "e-mail address" : "id",
		           ts_mail ? "e-mail address" : "name or number");
	else
		buf_puts(b, "; Only when the two files name people differently: map = ids.csv\n");
	buf_puts(b, other_keys);
}

int init_rules_write(const char *path, const char *survey, const char *timesheet, FILE *err)
{
	struct stat st;
	if (stat(path, &st) == 0) {
		fprintf(err, "aireport: %s: exists; --init-rules never overwrites a file\n", path);
		return EXIT_IO;
	}
	static const bool survey_required[SC_COUNT] = {
		[SC_EMPLOYEE_ID] = true, [SC_SUBMITTED] = true, [SC_DEPARTMENT] = true,
		[SC_AI_DAYS_PER_WEEK] = true, [SC_TOOL_KNOWLEDGE] = true,
		[SC_APPLICATION_BREADTH] = true, [SC_AUTONOMY] = true, [SC_INNOVATION] = true,
		[SC_KNOWLEDGE_SHARING] = true,
	};
	static const bool timesheet_required[TC_COUNT] = {
		[TC_EMPLOYEE_ID] = true, [TC_DATE] = true, [TC_USE_CASE] = true,
		[TC_AI_ASSISTED] = true,
	};
	struct scan sv = { .kind = PROFILE_SURVEY, .err = err, .canonical = survey_column_names,
	                   .required = survey_required, .ncolumns = SC_COUNT };
	struct scan ts = { .kind = PROFILE_TIMESHEET, .err = err,
	                   .canonical = timesheet_column_names, .required = timesheet_required,
	                   .ncolumns = TC_COUNT };
	int status = scan_file(&sv, survey);
	if (!status)
		status = scan_file(&ts, timesheet);
	if (status) {
		scan_free(&sv);
		scan_free(&ts);
		return status;
	}
	struct buf text = { 0 };
	write_rules(&text, &sv, &ts, survey, timesheet);
	scan_free(&sv);
	scan_free(&ts);

	/* O_EXCL: a file that appeared meanwhile is not overwritten either */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (fd < 0) {
		fprintf(err, "aireport: %s: cannot write: %s\n", path, strerror(errno));
		buf_free(&text);
		return EXIT_IO;
	}
	bool ok = write(fd, text.data, text.len) == (ssize_t)text.len;
	ok = close(fd) == 0 && ok;
	buf_free(&text);
	if (!ok) {
		fprintf(err, "aireport: %s: cannot write: %s\n", path, strerror(errno));
		unlink(path);
		return EXIT_IO;
	}
	if (!is_quiet())
		fprintf(err, "aireport: %s: written; fill in the lines marked FILL IN\n", path);
	return 0;
}
