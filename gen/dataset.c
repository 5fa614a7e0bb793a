/* dataset.c - the dataset's own functions (dataset.h): its life cycle, the key
 * index of its tables, the survey's rejects and the reasons of each file, and how
 * well the two files' ids meet. */
#include "dataset.h"

#include <stdlib.h>
#include <string.h>

void dataset_init(struct dataset *d)
{
	memset(d, 0, sizeof(*d));
	d->ts_first_quarter = INT32_MAX;
	d->ts_last_quarter = INT32_MIN;
}

void dataset_free(struct dataset *d)
{
	strmap_free(&d->employees);
	for (size_t i = 0; i < d->identity_from.count; i++)
		free(d->identity_to[i]);
	free(d->identity_to);
	strmap_free(&d->identity_from);
	strmap_free(&d->departments);
	strmap_free(&d->use_cases);
	strmap_free(&d->strings);
	free(d->survey);
	key3_free(&d->cell_index);
	key3_free(&d->baseline_index);
	free(d->cells);
	free(d->baselines);
	free(d->first_ai_date);
	free(d->export_first_ai_date);
	free(d->survey_file.name);
	free(d->timesheet_file.name);
	file_read_free(&d->survey_file.read);
	file_read_free(&d->timesheet_file.read);
	for (size_t i = 0; i < d->survey_reject_count; i++) {
		free(d->survey_rejects[i].column);
		free(d->survey_rejects[i].value);
		free(d->survey_rejects[i].reason);
	}
	free(d->survey_rejects);
	free(d->history_timesheet_quarters);
	free(d->history_survey_quarters);
	free(d->published);
	free(d->held_back_quarters);
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
	if (strncmp(reason, "superseded", 10) != 0)
		file_read_reason(&d->survey_file.read, line, column, reason);
	r->column = column ? xstrdup(column) : NULL;
	r->value = value ? xstrdup(value) : NULL;
	r->reason = xstrdup(reason);
}

void dataset_check_identity(struct dataset *d, double min_match, FILE *err)
{
	size_t n = d->employees.count;
	unsigned char *seen = xcalloc(n ? n : 1, 1);   /* bit 0: survey, bit 1: timesheet */
	for (size_t i = 0; i < d->survey_count; i++)
		seen[d->survey[i].employee] |= 1;
	for (size_t i = 0; i < d->cell_index.count; i++)
		seen[d->cells[i].employee] |= 2;
	struct identity_check *ids = &d->ids;
	*ids = (struct identity_check){ 0 };
	for (size_t e = 0; e < n; e++) {
		ids->survey_ids += seen[e] & 1;
		ids->timesheet_ids += (seen[e] & 2) >> 1;
		ids->matched += seen[e] == 3;
	}
	free(seen);
	if (!ids->survey_ids || !ids->timesheet_ids)
		return;
	ids->low = (double)ids->matched < min_match * (double)ids->survey_ids ||
	           (double)ids->matched < min_match * (double)ids->timesheet_ids;
	if (ids->low && !is_quiet())
		fprintf(err, "aireport: warning: only %ld of the survey's %ld people and of the "
		        "timesheet's %ld are in both files; if the two files name people "
		        "differently (e-mail and personnel number), join them with map = ids.csv "
		        "under [identity]\n", ids->matched, ids->survey_ids, ids->timesheet_ids);
}

void file_read_reason(struct file_read *how, long line, const char *column, const char *reason)
{
	if (!column)
		column = "";
	/* "wrong number of fields (12, header has 13)" varies by line: one group */
	if (strncmp(reason, "wrong number of fields", 22) == 0)
		reason = "wrong number of fields";
	struct reason_count *r = NULL;
	for (size_t i = 0; i < how->reason_count && !r; i++)
		if (strcmp(how->reasons[i].column, column) == 0 &&
		    strcmp(how->reasons[i].reason, reason) == 0)
			r = &how->reasons[i];
	if (!r && how->reason_count == 64) {
		column = "";
		reason = "other reasons";
		for (size_t i = 0; i < how->reason_count && !r; i++)
			if (strcmp(how->reasons[i].reason, reason) == 0)
				r = &how->reasons[i];
	}
	if (!r) {
		GROW(how->reasons, how->reason_cap, how->reason_count + 1);
		r = &how->reasons[how->reason_count++];
		*r = (struct reason_count){ xstrdup(column), xstrdup(reason), 0, { 0 } };
	}
	if (r->count < REASON_EXAMPLES)
		r->lines[r->count] = line;
	r->count++;
}

void file_read_free(struct file_read *how)
{
	for (size_t c = 0; c < HEADER_MAX_COLUMNS; c++)
		free(how->mapping[c]);
	for (size_t i = 0; i < how->reason_count; i++) {
		free(how->reasons[i].column);
		free(how->reasons[i].reason);
	}
	free(how->reasons);
	memset(how, 0, sizeof(*how));
}
