/* ingest.c - what both readers share: header mapping, reject reasons and the
 * dataset's life cycle. */
#include "dataset.h"

#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "xlsxin.h"

void dataset_init(struct dataset *d)
{
	memset(d, 0, sizeof(*d));
	d->ts_first_quarter = INT32_MAX;
	d->ts_last_quarter = INT32_MIN;
}

void dataset_free(struct dataset *d)
{
	strmap_free(&d->employees);
	strmap_free(&d->departments);
	strmap_free(&d->use_cases);
	strmap_free(&d->strings);
	free(d->survey);
	key3_free(&d->cell_index);
	key3_free(&d->baseline_index);
	free(d->cells);
	free(d->baselines);
	free(d->first_ai_date);
	free(d->survey_file.name);
	free(d->timesheet_file.name);
	for (size_t i = 0; i < d->survey_reject_count; i++) {
		free(d->survey_rejects[i].column);
		free(d->survey_rejects[i].value);
		free(d->survey_rejects[i].reason);
	}
	free(d->survey_rejects);
	memset(d, 0, sizeof(*d));
}

static uint64_t key3_hash(struct key3 k)
{
	uint64_t h = (uint64_t)k.a * 0x9E3779B97F4A7C15ULL;
	h ^= ((uint64_t)k.b + 0x632BE59BD9B4E019ULL) * 0xC2B2AE3D27D4EB4FULL;
	h ^= ((uint64_t)(uint32_t)k.c + 0x165667B19E3779F9ULL) * 0x94D049BB133111EBULL;
	return h ^ (h >> 31);
}

static bool key3_equal(struct key3 x, struct key3 y)
{
	return x.a == y.a && x.b == y.b && x.c == y.c;
}

static void key3_rehash(struct key3_index *x, size_t nslots)
{
	free(x->slots);
	x->slots = xcalloc(nslots, sizeof(*x->slots));
	x->nslots = nslots;
	for (size_t i = 0; i < x->count; i++) {
		size_t s = key3_hash(x->keys[i]) & (nslots - 1);
		while (x->slots[s])
			s = (s + 1) & (nslots - 1);
		x->slots[s] = (uint32_t)(i + 1);
	}
}

size_t key3_intern(struct key3_index *x, struct key3 key, bool *added)
{
	if ((x->count + 1) * 2 > x->nslots)
		key3_rehash(x, x->nslots ? x->nslots * 2 : 256);
	size_t s = key3_hash(key) & (x->nslots - 1);
	while (x->slots[s]) {
		size_t i = x->slots[s] - 1;
		if (key3_equal(x->keys[i], key)) {
			*added = false;
			return i;
		}
		s = (s + 1) & (x->nslots - 1);
	}
	GROW(x->keys, x->cap, x->count + 1);
	x->keys[x->count] = key;
	x->slots[s] = (uint32_t)(x->count + 1);
	*added = true;
	return x->count++;
}

void key3_free(struct key3_index *x)
{
	free(x->keys);
	free(x->slots);
	memset(x, 0, sizeof(*x));
}

void dataset_add_survey_reject(struct dataset *d, long line, const char *column,
                               const char *value, const char *reason)
{
	GROW(d->survey_rejects, d->survey_reject_cap, d->survey_reject_count + 1);
	struct reject *r = &d->survey_rejects[d->survey_reject_count++];
	r->line = line;
	r->order = (long)d->survey_reject_count;
	r->column = column ? xstrdup(column) : NULL;
	r->value = value ? xstrdup(value) : NULL;
	r->reason = xstrdup(reason);
}

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

int export_read(const char *path, const struct rules *rules, bool progress,
                csv_record_fn fn, void *ctx, struct header_map *h, FILE *err)
{
	int status;
	if (xlsxin_is_workbook(path)) {
		/* Rows are padded to the header's width: a sheet stores no trailing empty
		 * cells, where a CSV export of it writes the delimiters. */
		struct xlsxin_options opt = { .sheet = NULL, .pad_to_header = true,
		                              .progress = progress };
		status = xlsxin_read(path, &opt, fn, ctx, NULL, err);
	} else {
		struct csvin_options opt = { .encoding = rules->encoding,
		                             .delimiter = rules->delimiter, .progress = progress };
		status = csvin_read(path, &opt, fn, ctx, NULL, err);
	}
	if (status == 0 && !h->built) {
		fprintf(err, "aireport: %s: the file is empty (a header row is required)\n", path);
		status = EXIT_DATA;
	}
	if (status == 0 && h->failed)
		status = EXIT_DATA;
	header_map_free(h);
	return status;
}
