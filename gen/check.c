/* check.c - aireport --check; see check.h. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "profile.h"
#include "util.h"

/* Rows per quarter of one file, oldest first. */
struct quarter_rows {
	int quarter;
	long rows;
};

static void add_quarter(struct quarter_rows **q, size_t *n, size_t *cap, int quarter, long rows)
{
	for (size_t i = 0; i < *n; i++) {
		if ((*q)[i].quarter == quarter) {
			(*q)[i].rows += rows;
			return;
		}
	}
	GROW(*q, *cap, *n + 1);
	size_t at = *n;
	while (at > 0 && (*q)[at - 1].quarter > quarter) {
		(*q)[at] = (*q)[at - 1];
		at--;
	}
	(*q)[at] = (struct quarter_rows){ quarter, rows };
	(*n)++;
}

static struct quarter_rows *quarters_of(const struct dataset *d, bool survey, size_t *n)
{
	struct quarter_rows *q = NULL;
	size_t cap = 0;
	*n = 0;
	if (survey) {
		for (size_t i = 0; i < d->survey_count; i++)
			add_quarter(&q, n, &cap, quarter_of_days(d->survey[i].submitted), 1);
	} else {
		for (size_t i = 0; i < d->cell_index.count; i++)
			add_quarter(&q, n, &cap, d->cells[i].month / 3, (long)d->cells[i].entries);
	}
	return q;
}

static const char *encoding_name(const struct file_read *how)
{
	if (how->workbook)
		return "xlsx";
	switch (how->encoding) {
	case CSV_UTF8: return "UTF-8";
	case CSV_UTF8_BOM: return "UTF-8 with BOM";
	case CSV_UTF16LE: return "UTF-16 LE";
	case CSV_UTF16BE: return "UTF-16 BE";
	case CSV_WINDOWS1252: return "Windows-1252";
	}
	return "?";
}

static const char *delimiter_name(char d)
{
	return d == ';' ? "semicolon" : d == '\t' ? "tab" : d == ',' ? "comma" : "";
}

/* What the dates of a file said, in words. */
static void date_words(const struct file_read *how, struct buf *b)
{
	const struct date_sense *ds = &how->dates;
	if (ds->order == DATE_ORDER_MDY && !ds->mdy_line && !ds->dmy_line)
		buf_puts(b, "month-first");
	else if (ds->order == DATE_ORDER_DMY)
		buf_puts(b, "day-first (date_order = dmy)");
	else if (ds->order == DATE_ORDER_YMD)
		buf_puts(b, "year first (date_order = ymd)");
	if (b->len)
		return;
	if (ds->dmy_line && ds->mdy_line)
		buf_printf(b, "both orders: day-first on line %ld (%s), month-first on line %ld (%s)",
		           ds->dmy_line, ds->dmy_text, ds->mdy_line, ds->mdy_text);
	else if (ds->mdy_line)
		buf_printf(b, "month-first: line %ld has %s", ds->mdy_line, ds->mdy_text);
	else if (ds->dmy_line)
		buf_printf(b, "day-first: line %ld has %s", ds->dmy_line, ds->dmy_text);
	else if (ds->undecided_line)
		buf_printf(b, "undecided, read day-first (line %ld has %s); set date_order if wrong",
		           ds->undecided_line, ds->undecided_text);
	else
		buf_puts(b, "year first (ISO) or none read");
}

/* Reasons by count, most common first (ties: first seen). */
static int by_count(const void *a, const void *b)
{
	const struct reason_count *x = *(const struct reason_count *const *)a;
	const struct reason_count *y = *(const struct reason_count *const *)b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x < y ? -1 : x > y;
}

static const struct reason_count **top_reasons(const struct file_read *how, size_t *n)
{
	const struct reason_count **r = xcalloc(how->reason_count + 1, sizeof(*r));
	for (size_t i = 0; i < how->reason_count; i++)
		r[i] = &how->reasons[i];
	qsort(r, how->reason_count, sizeof(*r), by_count);
	*n = how->reason_count < 5 ? how->reason_count : 5;
	return r;
}

/* ---- text ---------------------------------------------------------------- */

static void text_file(FILE *out, const struct check_view *v, bool survey)
{
	const struct dataset *d = v->d;
	const struct file_counts *fc = survey ? &d->survey_file : &d->timesheet_file;
	const struct file_read *how = &fc->read;
	const char *const *names = survey ? survey_column_names : timesheet_column_names;
	size_t ncol = survey ? SC_COUNT : TC_COUNT;

	fprintf(out, "%-10s %s\n", survey ? "Survey" : "Timesheet", fc->name ? fc->name : "");
	if (!(survey ? v->survey_read : v->timesheet_read)) {
		fputs("  (could not be read; see the message above)\n\n", out);
		return;
	}
	if (how->workbook)
		fprintf(out, "  %-10s workbook, sheet %s\n", "format", how->sheet);
	else
		fprintf(out, "  %-10s CSV, %s, %s-separated\n", "format", encoding_name(how),
		        delimiter_name(how->delimiter));
	if (how->profile)
		fprintf(out, "  %-10s %s (%s)\n", "profile", how->profile->name, how->profile->title);
	struct buf b = { 0 };
	date_words(how, &b);
	fprintf(out, "  %-10s %s\n", "dates", b.data);
	buf_free(&b);
	for (size_t c = 0; c < ncol; c++)
		fprintf(out, "  %-10s %-20s %s %s\n", c == 0 ? "columns" : "", names[c],
		        how->mapping[c] ? "<-" : "  ", how->mapping[c] ? how->mapping[c] : "(not in the export)");
	if (!survey) {
		const struct rules *r = v->rules;
		if (r && r->ai_marker_count) {
			fprintf(out, "  %-10s an entry is AI-assisted when '%s' holds one of:", "AI flag",
			        how->mapping[TC_AI_ASSISTED] ? how->mapping[TC_AI_ASSISTED] : "ai_assisted");
			for (size_t i = 0; i < r->ai_marker_count; i++)
				fprintf(out, "%s %s", i ? "," : "", r->ai_markers[i]);
			fputs(" (whole words, any case)\n", out);
		} else {
			fprintf(out, "  %-10s '%s' holds yes/no values\n", "AI flag",
			        how->mapping[TC_AI_ASSISTED] ? how->mapping[TC_AI_ASSISTED] : "ai_assisted");
		}
	}
	fprintf(out, "  %-10s %ld read, %ld used, %ld rejected, %ld superseded\n", "rows",
	        fc->rows_read, fc->rows_used, fc->rows_rejected, fc->rows_superseded);
	size_t nr;
	const struct reason_count **r = top_reasons(how, &nr);
	for (size_t i = 0; i < nr; i++) {
		if (r[i]->column[0])
			fprintf(out, "  %-10s %s: %s", i == 0 ? "rejected" : "", r[i]->column, r[i]->reason);
		else
			fprintf(out, "  %-10s %s", i == 0 ? "rejected" : "", r[i]->reason);
		fprintf(out, ", %ld row%s (line%s", r[i]->count, r[i]->count == 1 ? "" : "s",
		        r[i]->count == 1 ? "" : "s");
		long shown = r[i]->count < REASON_EXAMPLES ? r[i]->count : REASON_EXAMPLES;
		for (long k = 0; k < shown; k++)
			fprintf(out, "%s %ld", k ? "," : "", r[i]->lines[k]);
		fputs(r[i]->count > shown ? ", ...)\n" : ")\n", out);
	}
	free(r);
	size_t nq;
	struct quarter_rows *q = quarters_of(d, survey, &nq);
	fprintf(out, "  %-10s", "quarters");
	for (size_t i = 0; i < nq; i++)
		fprintf(out, "%s %04d-Q%d: %ld", i ? "," : "", q[i].quarter / 4, q[i].quarter % 4 + 1,
		        q[i].rows);
	fputs(nq ? (survey ? " answers\n" : " entries\n") : " none\n", out);
	free(q);
	fputc('\n', out);
}

static void check_text(FILE *out, const struct check_view *v)
{
	const struct rules *r = v->rules;
	fprintf(out, "%-10s %s", "Rules", v->rules_path);
	if (r)
		fprintf(out, " (%s, k = %d)", r->org_name, r->min_group_size);
	fputs("\n\n", out);
	text_file(out, v, true);
	text_file(out, v, false);
	const struct identity_check *ids = &v->d->ids;
	fprintf(out, "%-10s %ld in the survey, %ld in the timesheet, %ld in both%s\n", "People",
	        ids->survey_ids, ids->timesheet_ids, ids->matched,
	        ids->low ? " (too few: see [identity])" : "");
	if (v->status == 0)
		fprintf(out, "%-10s ready: a run reports %04d-Q%d\n", "Result", v->quarter / 4,
		        v->quarter % 4 + 1);
	else
		fprintf(out, "%-10s a run would stop with exit status %d (see the messages above)\n",
		        "Result", v->status);
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

static void json_file(FILE *out, const struct check_view *v, bool survey)
{
	const struct dataset *d = v->d;
	const struct file_counts *fc = survey ? &d->survey_file : &d->timesheet_file;
	const struct file_read *how = &fc->read;
	const char *const *names = survey ? survey_column_names : timesheet_column_names;
	size_t ncol = survey ? SC_COUNT : TC_COUNT;
	fputs("{\"path\": ", out);
	json_string(out, fc->name);
	fprintf(out, ", \"read\": %s", (survey ? v->survey_read : v->timesheet_read) ? "true" : "false");
	fprintf(out, ", \"format\": \"%s\"", how->workbook ? "xlsx" : "csv");
	fputs(", \"sheet\": ", out);
	json_string(out, how->workbook ? how->sheet : NULL);
	fputs(", \"encoding\": ", out);
	json_string(out, how->workbook ? NULL : encoding_name(how));
	fputs(", \"delimiter\": ", out);
	json_string(out, how->workbook ? NULL : delimiter_name(how->delimiter));
	fputs(", \"profile\": ", out);
	json_string(out, how->profile ? how->profile->name : NULL);
	struct buf b = { 0 };
	date_words(how, &b);
	fputs(", \"dates\": ", out);
	json_string(out, b.data);
	buf_free(&b);
	fputs(", \"columns\": {", out);
	for (size_t c = 0; c < ncol; c++) {
		fprintf(out, "%s\"%s\": ", c ? ", " : "", names[c]);
		json_string(out, how->mapping[c]);
	}
	fputc('}', out);
	if (!survey && v->rules) {
		fputs(", \"ai_markers\": [", out);
		for (size_t i = 0; i < v->rules->ai_marker_count; i++) {
			fputs(i ? ", " : "", out);
			json_string(out, v->rules->ai_markers[i]);
		}
		fputc(']', out);
	}
	fprintf(out, ", \"rows\": {\"read\": %ld, \"used\": %ld, \"rejected\": %ld, "
	        "\"superseded\": %ld}", fc->rows_read, fc->rows_used, fc->rows_rejected,
	        fc->rows_superseded);
	size_t nr;
	const struct reason_count **r = top_reasons(how, &nr);
	fputs(", \"rejects\": [", out);
	for (size_t i = 0; i < nr; i++) {
		fputs(i ? ", {\"column\": " : "{\"column\": ", out);
		json_string(out, r[i]->column);
		fputs(", \"reason\": ", out);
		json_string(out, r[i]->reason);
		fprintf(out, ", \"count\": %ld, \"lines\": [", r[i]->count);
		long shown = r[i]->count < REASON_EXAMPLES ? r[i]->count : REASON_EXAMPLES;
		for (long k = 0; k < shown; k++)
			fprintf(out, "%s%ld", k ? ", " : "", r[i]->lines[k]);
		fputs("]}", out);
	}
	fputc(']', out);
	free(r);
	size_t nq;
	struct quarter_rows *q = quarters_of(d, survey, &nq);
	fputs(", \"quarters\": {", out);
	for (size_t i = 0; i < nq; i++)
		fprintf(out, "%s\"%04d-Q%d\": %ld", i ? ", " : "", q[i].quarter / 4, q[i].quarter % 4 + 1,
		        q[i].rows);
	fputs("}}", out);
	free(q);
}

static void check_json(FILE *out, const struct check_view *v)
{
	fputs("{\"rules\": ", out);
	json_string(out, v->rules_path);
	fputs(", \"organisation\": ", out);
	json_string(out, v->rules ? v->rules->org_name : NULL);
	fputs(",\n \"survey\": ", out);
	json_file(out, v, true);
	fputs(",\n \"timesheet\": ", out);
	json_file(out, v, false);
	const struct identity_check *ids = &v->d->ids;
	fprintf(out, ",\n \"people\": {\"survey\": %ld, \"timesheet\": %ld, \"both\": %ld, "
	        "\"too_few_in_both\": %s}", ids->survey_ids, ids->timesheet_ids, ids->matched,
	        ids->low ? "true" : "false");
	if (v->quarter >= 0)
		fprintf(out, ",\n \"period\": \"%04d-Q%d\"", v->quarter / 4, v->quarter % 4 + 1);
	else
		fputs(",\n \"period\": null", out);
	fprintf(out, ",\n \"status\": %d}\n", v->status);
}

int check_print(FILE *out, const struct check_view *v, bool json)
{
	if (json)
		check_json(out, v);
	else
		check_text(out, v);
	return ferror(out) ? -1 : 0;
}
