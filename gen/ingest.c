/* ingest.c - what both readers share (ingest.h): reading an export through csvin
 * or xlsxin, the profile and header mapping, reject reasons, the date order and
 * the [identity] map. */
#include "ingest.h"

#include <stdlib.h>
#include <string.h>

#include "xlsxin.h"

const char *field_error_reason(int e)
{
	switch ((enum field_error)e) {
	case FIELD_OK: return "ok";
	case FIELD_EMPTY: return "empty";
	case FIELD_NOT_NUMBER: return "not a number";
	case FIELD_NOT_INTEGER: return "not a whole number";
	case FIELD_OUT_OF_RANGE: return "out of range";
	case FIELD_NOT_DATE: return "not a valid date";
	case FIELD_NOT_BOOLEAN: return "not a yes/no value";
	case FIELD_TOO_LONG: return "too long";
	case FIELD_NOT_TIME: return "not a time of day (expected h:mm, h:mm:ss or h:mm am/pm)";
	case FIELD_NOT_DURATION: return "not a duration (expected a number, h:mm or 1h 30m)";
	case FIELD_NOT_LIKERT: return "not an answer on the 1-5 scale";
	}
	return "invalid";
}

int check_text_field(const struct csv_field *f, size_t max, char *reason, size_t rsz)
{
	if (f->len == 0) {
		snprintf(reason, rsz, "empty");
		return -1;
	}
	/* a field of at most max bytes has at most max code points */
	if (f->len > max && utf8_length(f->data, f->len) > max) {
		snprintf(reason, rsz, "too long (more than %zu characters)", max);
		return -1;
	}
	return 0;
}

static void keep_text(char *out, size_t size, const char *s, size_t n)
{
	trim_span(s, &n);
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

enum field_error date_sense_read(struct date_sense *ds, long line, const char *s, size_t n,
                                 int32_t *out)
{
	int evidence = 0;
	enum field_error e = parse_date_ordered(s, n, ds->order, out, &evidence);
	if (ds->order != DATE_ORDER_AUTO)
		return e;
	if (evidence > 0 && !ds->dmy_line) {
		ds->dmy_line = line;
		keep_text(ds->dmy_text, sizeof(ds->dmy_text), s, n);
	} else if (evidence < 0 && !ds->mdy_line) {
		ds->mdy_line = line;
		keep_text(ds->mdy_text, sizeof(ds->mdy_text), s, n);
	} else if (evidence == 0 && e == FIELD_OK && !ds->undecided_line) {
		/* only a date with the day and month both first can be undecided */
		size_t len = n;
		const char *t = trim_span(s, &len);
		size_t digits = 0;
		while (digits < len && t[digits] >= '0' && t[digits] <= '9')
			digits++;
		if (digits < 4) {
			ds->undecided_line = line;
			keep_text(ds->undecided_text, sizeof(ds->undecided_text), s, n);
		}
	}
	return e;
}

int date_sense_verdict(const struct date_sense *ds, const char *file, const char *section,
                       FILE *err)
{
	if (ds->order != DATE_ORDER_AUTO)
		return 0;
	if (ds->dmy_line && ds->mdy_line) {
		fprintf(err, "aireport: %s: some dates are day-first (line %ld: %s) and some "
		        "month-first (line %ld: %s); set date_order = dmy or mdy under [%s]\n",
		        file, ds->dmy_line, ds->dmy_text, ds->mdy_line, ds->mdy_text, section);
		return EXIT_DATA;
	}
	if (ds->mdy_line)
		return DATES_MONTH_FIRST;
	if (!ds->dmy_line && ds->undecided_line && !is_quiet())
		fprintf(err, "aireport: warning: %s: no date shows whether the day or the month "
		        "comes first (line %ld: %s); read day-first, set date_order = mdy under "
		        "[%s] if that is wrong\n", file, ds->undecided_line, ds->undecided_text,
		        section);
	return 0;
}

struct csv_field id_field(const struct csv_field *f, struct buf *scratch)
{
	if (!memchr(f->data, '@', f->len))
		return *f;
	buf_clear(scratch);
	buf_append(scratch, f->data, f->len);
	for (size_t i = 0; i < scratch->len; i++)
		if (scratch->data[i] >= 'A' && scratch->data[i] <= 'Z')
			scratch->data[i] = (char)(scratch->data[i] + ('a' - 'A'));
	return (struct csv_field){ .data = scratch->data, .len = scratch->len, .quoted = f->quoted };
}

/* Notes the columns a header map found, for --check. */
static void file_read_mapping(struct file_read *how, const struct header_map *h, size_t ncolumns)
{
	for (size_t c = 0; c < ncolumns && c < HEADER_MAX_COLUMNS; c++) {
		free(how->mapping[c]);
		how->mapping[c] = h->col[c].nparts ? xstrdup(h->col[c].label) : NULL;
	}
}

/* fn through xlsxin, which stops at any non-zero value: CSVIN_SPLIT goes on. */
struct no_split {
	csv_record_fn fn;
	void *ctx;
};

static int no_split_record(const struct csv_record *rec, void *ctx)
{
	const struct no_split *ns = ctx;
	int rc = ns->fn(rec, ns->ctx);
	return rc == CSVIN_SPLIT ? 0 : rc;
}

int export_read_parallel(const char *path, const struct input_settings *in, bool progress,
                         csv_record_fn fn, void *ctx, const struct csvin_parallel *par,
                         struct header_map *h, struct file_read *how, FILE *err)
{
	int status;
	if (xlsxin_is_workbook(path)) {
		/* Rows are padded to the header's width: a sheet stores no trailing empty
		 * cells, where a CSV export of it writes the delimiters. */
		struct xlsxin_options opt = { .sheet = in->sheet, .pad_to_header = true,
		                              .progress = progress };
		struct xlsxin_info info = { .records = 0 };
		struct no_split ns = { fn, ctx };
		status = xlsxin_read(path, &opt, no_split_record, &ns, &info, err);
		how->workbook = true;
		memcpy(how->sheet, info.sheet, sizeof(how->sheet));
	} else {
		struct csvin_options opt = { .encoding = in->encoding,
		                             .delimiter = in->delimiter, .progress = progress };
		struct csvin_info info = { .delimiter = 0 };
		status = par ? csvin_read_parallel(path, &opt, fn, ctx, par, &info, err)
		             : csvin_read(path, &opt, fn, ctx, &info, err);
		how->delimiter = info.delimiter;
		how->encoding = (int)info.encoding;
	}
	if (h->built)
		file_read_mapping(how, h, HEADER_MAX_COLUMNS);
	if (status == 0 && !h->built) {
		fprintf(err, "aireport: %s: the file is empty (a header row is required)\n", path);
		status = EXIT_DATA;
	}
	if (status == 0 && h->failed)
		status = EXIT_DATA;
	header_map_free(h);
	return status;
}

int export_read(const char *path, const struct input_settings *in, bool progress,
                csv_record_fn fn, void *ctx, struct header_map *h, struct file_read *how,
                FILE *err)
{
	return export_read_parallel(path, in, progress, fn, ctx, NULL, h, how, err);
}

struct identity_reader {
	struct dataset *d;
	const char *path;
	FILE *err;
	struct buf scratch;
	long line;
	bool header_seen, failed;
};

static int identity_record(const struct csv_record *rec, void *ctx)
{
	struct identity_reader *ir = ctx;
	if (!ir->header_seen) {
		ir->header_seen = true;
		return 0;
	}
	size_t a = 0, b = 0;
	if (rec->count >= 2) {
		a = rec->fields[0].len;
		b = rec->fields[1].len;
		trim_span(rec->fields[0].data, &a);
		trim_span(rec->fields[1].data, &b);
	}
	if (a == 0 || b == 0) {
		fprintf(ir->err, "aireport: %s:%ld: expected a timesheet id and a survey id\n",
		        ir->path, rec->line);
		ir->failed = true;
		return 1;
	}
	struct dataset *d = ir->d;
	struct csv_field from = id_field(&rec->fields[0], &ir->scratch);
	bool added;
	size_t i = strmap_intern(&d->identity_from, from.data, from.len, &added);
	struct csv_field to = id_field(&rec->fields[1], &ir->scratch);
	if (added) {
		GROW(d->identity_to, d->identity_cap, i + 1);
	} else {
		free(d->identity_to[i]);   /* the last line of an id wins */
	}
	d->identity_to[i] = xstrndup(to.data, to.len);
	return 0;
}

int identity_load(struct dataset *d, const char *path, FILE *err)
{
	struct identity_reader ir = { .d = d, .path = path, .err = err };
	struct input_settings in = { .header_rows = 1 };
	int status;
	if (xlsxin_is_workbook(path)) {
		struct xlsxin_options opt = { .pad_to_header = false };
		status = xlsxin_read(path, &opt, identity_record, &ir, NULL, err);
	} else {
		struct csvin_options opt = { .encoding = in.encoding, .delimiter = in.delimiter };
		status = csvin_read(path, &opt, identity_record, &ir, NULL, err);
	}
	buf_free(&ir.scratch);
	if (!status && ir.failed)
		status = EXIT_DATA;
	return status;
}

uint32_t identity_lookup(struct dataset *d, const struct csv_field *id)
{
	if (d->identity_from.count) {
		size_t i = strmap_find(&d->identity_from, id->data, id->len);
		if (i != SIZE_MAX)
			return (uint32_t)strmap_intern(&d->employees, d->identity_to[i],
			                               strlen(d->identity_to[i]), NULL);
	}
	return (uint32_t)strmap_intern(&d->employees, id->data, id->len, NULL);
}

void reader_profile_choose(struct reader_profile *rp, enum profile_kind kind,
                           const struct input_settings *in, char *const *rules_columns,
                           const char *const *canonical, size_t n,
                           const struct csv_record *row1, const char *file, FILE *err)
{
	memset(rp, 0, sizeof(*rp));
	rp->profile = in->profile ? profile_find(kind, in->profile) : NULL;
	if (!rp->profile) {
		rp->profile = profile_detect(kind, row1);
		if (strcmp(rp->profile->name, "aireport") != 0 && !is_quiet())
			fprintf(err, "aireport: %s: read as %s (profile %s)\n", file, rp->profile->title,
			        rp->profile->name);
	}
	rp->header_rows = in->header_rows_set ? in->header_rows : rp->profile->header_rows;
	profile_columns(rp->profile, rules_columns, canonical, n, rp->names);
}

void reader_profile_free(struct reader_profile *rp)
{
	for (size_t i = 0; i < HEADER_MAX_COLUMNS; i++)
		free(rp->names[i]);
	memset(rp, 0, sizeof(*rp));
}
