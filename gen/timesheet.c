/* timesheet.c - time-tracking export -> compact tables (SPEC §2, §2.2, §10).
 * Rows are folded into per employee x use case x month cells as they stream by;
 * rejected rows go straight to rejects.csv. */
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "dataset.h"
#include "fields.h"
#include "timesheet.h"

/* A start or end time; a date with it when the export writes one. */
struct clock {
	bool set, has_day;
	int32_t day, seconds;
};

struct ts_row {
	uint32_t employee, use_case, department;   /* department NO_STRING when empty */
	int32_t date;
	double minutes;
	long items;
	bool ai;
	long line;
	struct clock start, end;    /* with start/end columns instead of a duration */
	double pause;               /* minutes of the break column */
};

void timesheet_reject(struct timesheet_reader *tr, long line, const char *column,
                      const char *value, const char *reason)
{
	if (tr->global) {
		GROW(tr->rejects, tr->reject_cap, tr->reject_count + 1);
		tr->rejects[tr->reject_count++] = (struct ts_reject){
			.line = line, .column = column, .value = value ? xstrdup(value) : NULL,
			.reason = xstrdup(reason) };
		return;
	}
	file_read_reason(&tr->d->timesheet_file.read, line, column, reason);
	const struct reject_sink *sink = &tr->d->timesheet_rejects;
	if (sink->row) {
		sink->row(sink->ctx, tr->file, line, column, value, reason);
		tr->d->timesheet_reject_rows++;
	}
}

void timesheet_caches_clear(struct timesheet_reader *tr)
{
	tr->last_date = NO_DATE;
	tr->date_len = SIZE_MAX;
	memset(tr->employees, 0, sizeof(tr->employees));
	memset(tr->use_cases, 0, sizeof(tr->use_cases));
	memset(tr->departments, 0, sizeof(tr->departments));
	memset(tr->cells, 0, sizeof(tr->cells));
	memset(tr->baselines, 0, sizeof(tr->baselines));
	memset(tr->durations, 0, sizeof(tr->durations));
	memset(tr->counts, 0, sizeof(tr->counts));
	memset(tr->flags, 0, sizeof(tr->flags));
}

static inline uint32_t quick_hash(const char *s, size_t n)
{
	uint64_t a = 0, b = 0;
	if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
	} else if (n >= 4) {
		uint32_t x, y;
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		a = x;
		b = y;
	} else if (n > 0) {
		a = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
		    (uint64_t)(unsigned char)s[n - 1] << 16;
	}
	uint64_t h = (a ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
	h ^= (b + n) * 0x94D049BB133111EBULL;
	return (uint32_t)(h ^ h >> 29 ^ h >> 47);
}

/* Whether a[0..n) and b[0..n) are the same bytes: short keys without a call. */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
	if (n >= 4 && n < 8) {
		uint32_t p0, p1, q0, q1;
		memcpy(&p0, a, 4);
		memcpy(&q0, b, 4);
		memcpy(&p1, a + n - 4, 4);
		memcpy(&q1, b + n - 4, 4);
		return ((p0 ^ q0) | (p1 ^ q1)) == 0;
	}
	if (n < 4 || n > 32)
		return memcmp(a, b, n) == 0;
	uint64_t x = 0;
	for (size_t i = 0; i + 8 < n; i += 8) {
		uint64_t p, q;
		memcpy(&p, a + i, 8);
		memcpy(&q, b + i, 8);
		x |= p ^ q;
	}
	uint64_t p, q;   /* the last 8 bytes, overlapping the others */
	memcpy(&p, a + n - 8, 8);
	memcpy(&q, b + n - 8, 8);
	return (x | (p ^ q)) == 0;
}

/* The slot of s in cache (slots a power of two): a hit when it holds s.  Each
 * string has two slots next to each other, so two strings whose hashes meet
 * (Verkoop and Inkoop, say) do not push each other out row after row: a miss
 * moves the first slot's string to the second, and the caller may keep s in
 * the first. */
static inline __attribute__((always_inline)) struct intern_slot *
intern_slot(struct intern_slot *cache, size_t slots, const char *s, size_t n, bool *hit)
{
	size_t i = quick_hash(s, n) & (slots - 1);
	struct intern_slot *a = &cache[i], *b = &cache[i ^ 1];
	*hit = true;
	if (a->len == n && n && same_bytes(a->key, s, n))
		return a;
	if (b->len == n && n && same_bytes(b->key, s, n))
		return b;
	*hit = false;
	*b = *a;
	return a;
}

static void intern_keep(struct intern_slot *slot, const char *s, size_t n, size_t index)
{
	if (n == 0 || n > INTERN_KEY)
		return;
	slot->len = (uint32_t)n;
	slot->index = (uint32_t)index;
	memcpy(slot->key, s, n);
}

/* strmap_intern, through the cache. */
static inline __attribute__((always_inline)) uint32_t
intern(struct intern_slot *cache, size_t slots, struct strmap *m, const char *s, size_t n)
{
	bool hit;
	struct intern_slot *slot = intern_slot(cache, slots, s, n, &hit);
	if (hit)
		return slot->index;
	size_t i = strmap_intern(m, s, n, NULL);
	intern_keep(slot, s, n, i);
	return (uint32_t)i;
}

/* The employee of a timesheet id (identity_lookup; a chunk's reader looks the id
 * up in the file's identity map).  The cache knows an id as written when it is
 * the employee's key itself (no identity mapping, no case folding), so a hit
 * needs neither the '@' scan nor a lookup. */
static uint32_t employee_of(struct timesheet_reader *tr, const struct csv_field *f)
{
	bool hit;
	struct intern_slot *slot = intern_slot(tr->employees, EMPLOYEE_SLOTS, f->data, f->len, &hit);
	if (hit)
		return slot->index;
	struct csv_field id = id_field(f, &tr->id_scratch);
	struct strmap *m = &tr->d->employees;
	size_t i = SIZE_MAX;
	if (!tr->global) {
		i = identity_lookup(tr->d, &id);
	} else {
		const struct dataset *g = tr->global;
		size_t k = g->identity_from.count ? strmap_find(&g->identity_from, id.data, id.len)
		                                  : SIZE_MAX;
		i = k != SIZE_MAX ? strmap_intern(m, g->identity_to[k], strlen(g->identity_to[k]), NULL)
		                  : strmap_intern(m, id.data, id.len, NULL);
	}
	if (m->key_lens[i] == f->len && memcmp(strmap_key(m, i), f->data, f->len) == 0)
		intern_keep(slot, f->data, f->len, i);
	return (uint32_t)i;
}

/* The date of a field, through the last date text (rows come in date order):
 * the same text reads the same, and the evidence it gave is noted already. */
static enum field_error date_of(struct timesheet_reader *tr, const struct csv_field *f,
                                long line, int32_t *out)
{
	if (f->len == tr->date_len && same_bytes(f->data, tr->date_text, f->len)) {
		*out = tr->date_value;
		return (enum field_error)tr->date_error;
	}
	enum field_error e = date_sense_read(&tr->dates, line, f->data, f->len, out);
	if (f->len < sizeof(tr->date_text)) {
		memcpy(tr->date_text, f->data, f->len);
		tr->date_len = f->len;
		tr->date_value = e == FIELD_OK ? *out : 0;
		tr->date_error = (int)e;
	}
	return e;
}

/* The n <= VALUE_KEY bytes at s packed into a number; with n, no two byte
 * strings give the same. */
static inline uint64_t value_key(const char *s, size_t n)
{
	if (n >= 4) {   /* two overlapping words: the bytes they share agree */
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return a | (uint64_t)b << (8 * (n - 4));
	}
	if (n == 0)
		return 0;
	return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
	       (uint64_t)(unsigned char)s[n - 1] << 16;
}

/* The slot of f in cache (VALUE_SLOTS of them): a hit when it holds f's bytes.
 * NULL for a field too long to keep.  Two slots per value, as in intern_slot. */
static inline struct value_slot *value_slot(struct value_slot *cache, const struct csv_field *f,
                                            bool *hit)
{
	*hit = false;
	if (f->len > VALUE_KEY)
		return NULL;
	uint64_t key = value_key(f->data, f->len);
	uint32_t len = (uint32_t)f->len + 1;
	size_t i = ((key + f->len) * 0x9E3779B97F4A7C15ULL) >> (64 - VALUE_BITS);
	struct value_slot *a = &cache[i], *b = &cache[i ^ 1];
	*hit = true;
	if (a->len == len && a->key == key)
		return a;
	if (b->len == len && b->key == key)
		return b;
	*hit = false;
	*b = *a;
	a->len = 0;   /* the caller fills in the value once it is accepted */
	a->key = key;
	return a;
}

/* Marks slot (from value_slot) as holding f's value, which the caller sets. */
static inline void value_keep(struct value_slot *slot, const struct csv_field *f)
{
	slot->len = (uint32_t)f->len + 1;
}

/* minutes (0-1440) or hours (0-24) as a number, h:mm, h:mm:ss or "1h 30m". */
static int duration_field(const struct csv_field *f, enum duration_unit unit, double *minutes,
                          char *reason, size_t rsz)
{
	enum field_error e = parse_duration(f->data, f->len, unit, minutes);
	if (e == FIELD_OK && *minutes > 1440)
		e = FIELD_OUT_OF_RANGE;
	if (e == FIELD_OUT_OF_RANGE) {
		snprintf(reason, rsz, unit == DURATION_HOURS ? "out of range 0-24" : "out of range 0-1440");
		return -1;
	}
	if (e != FIELD_OK) {
		snprintf(reason, rsz, "%s", field_error_reason(e));
		return -1;
	}
	return 0;
}

/* A start or end: a time of day, or a date and a time (Personio, Kimai). */
static int clock_field(struct timesheet_reader *tr, const struct csv_field *f, long line,
                       struct clock *out, char *reason, size_t rsz)
{
	int evidence = 0;
	int32_t days, seconds;
	enum field_error e = parse_datetime(f->data, f->len, tr->dates.order == DATE_ORDER_AUTO ?
	                                    DATE_ORDER_DMY : tr->dates.order, &days, &seconds,
	                                    &evidence);
	(void)line;
	if (e == FIELD_OK) {
		*out = (struct clock){ .set = true, .has_day = true, .day = days, .seconds = seconds };
		return 0;
	}
	e = parse_time_of_day(f->data, f->len, &seconds);
	if (e == FIELD_OK) {
		*out = (struct clock){ .set = true, .seconds = seconds };
		return 0;
	}
	snprintf(reason, rsz, "%s", field_error_reason(e));
	return -1;
}

/* The minutes from start to end less the break; an end before the start on the
 * same day is past midnight.  Returns 0, or -1 with the reason. */
static int clock_duration(struct ts_row *row, char *reason, size_t rsz)
{
	const struct clock *a = &row->start, *b = &row->end;
	double seconds = (double)b->seconds - (double)a->seconds;
	if (a->has_day && b->has_day)
		seconds += ((double)b->day - (double)a->day) * 86400;
	else if (seconds < 0)
		seconds += 86400;
	double minutes = seconds / 60 - row->pause;
	if (minutes < 0 || minutes > 1440) {
		snprintf(reason, rsz, minutes < 0 ? "the break is longer than the time from start to end"
		                                  : "more than 24 hours from start to end");
		return -1;
	}
	row->minutes = minutes;
	return 0;
}

static inline __attribute__((always_inline)) int
timesheet_field(struct timesheet_reader *tr, struct ts_row *row, int column,
                const struct csv_field *f, char *reason, size_t rsz)
{
	struct dataset *d = tr->d;
	enum field_error e = FIELD_OK;
	switch ((enum timesheet_column)column) {
	case TC_EMPLOYEE_ID: {
		if (check_text_field(f, 64, reason, rsz))
			return -1;
		row->employee = employee_of(tr, f);
		return 0;
	}
	case TC_USE_CASE:
		if (check_text_field(f, 100, reason, rsz))
			return -1;
		row->use_case = intern(tr->use_cases, USE_CASE_SLOTS, &d->use_cases, f->data, f->len);
		return 0;
	case TC_DEPARTMENT:
		row->department = f->len ? intern(tr->departments, DEPARTMENT_SLOTS, &d->departments,
		                                  f->data, f->len)
		                         : NO_STRING;
		return 0;
	case TC_DATE:
		e = date_of(tr, f, row->line, &row->date);
		break;
	case TC_MINUTES:
	case TC_HOURS: {
		if (tr->duration != (column == TC_MINUTES ? FROM_MINUTES : FROM_HOURS))
			return 0;
		bool hit;
		struct value_slot *slot = value_slot(tr->durations, f, &hit);
		if (hit) {
			row->minutes = slot->v.minutes;
			return 0;
		}
		if (duration_field(f, column == TC_MINUTES ? DURATION_MINUTES : DURATION_HOURS,
		                   &row->minutes, reason, rsz))
			return -1;
		if (slot) {
			value_keep(slot, f);
			slot->v.minutes = row->minutes;
		}
		return 0;
	}
	case TC_AI_ASSISTED: {
		if (tr->rules->ai_marker_count) {
			/* a tag, label or hour type: never a reason to reject the row */
			row->ai = text_has_marker(f->data, f->len, (const char *const *)tr->rules->ai_markers,
			                          tr->rules->ai_marker_count);
			return 0;
		}
		bool hit;
		struct value_slot *slot = value_slot(tr->flags, f, &hit);
		if (hit) {
			row->ai = slot->v.ai;
			return 0;
		}
		e = parse_bool(f->data, f->len, &row->ai);
		if (e == FIELD_OK && slot) {
			value_keep(slot, f);
			slot->v.ai = row->ai;
		}
		break;
	}
	case TC_START:
		return clock_field(tr, f, row->line, &row->start, reason, rsz);
	case TC_END:
		return clock_field(tr, f, row->line, &row->end, reason, rsz);
	case TC_BREAK: {
		size_t n = f->len;
		trim_span(f->data, &n);
		if (n == 0) {
			row->pause = 0;
			return 0;
		}
		return duration_field(f, DURATION_MINUTES, &row->pause, reason, rsz);
	}
	case TC_ITEMS: {
		bool hit;
		struct value_slot *slot = value_slot(tr->counts, f, &hit);
		if (hit) {
			row->items = slot->v.items;
			return 0;
		}
		size_t n = f->len;
		trim_span(f->data, &n);
		if (n == 0) {
			row->items = 1;
		} else {
			e = parse_integer(f->data, f->len, &row->items);
			if (e == FIELD_OK && (row->items < 1 || row->items > 10000)) {
				snprintf(reason, rsz, "out of range 1-10000");
				return -1;
			}
		}
		if (e == FIELD_OK && slot) {
			value_keep(slot, f);
			slot->v.items = row->items;
		}
		break;
	}
	case TC_COUNT:
		break;
	}
	if (e != FIELD_OK) {
		snprintf(reason, rsz, "%s", field_error_reason(e));
		return -1;
	}
	return 0;
}

/* Column c of rec into row, when the export has it; a failure sets bit c of
 * *failed with its reason in reasons[c].  Inlined for each c as a constant. */
static inline __attribute__((always_inline)) void
take_field(struct timesheet_reader *tr, struct ts_row *row, const struct csv_record *rec, int c,
           char reasons[][96], unsigned *failed)
{
	const struct header_column *col = &tr->map.col[c];
	if (col->nparts == 0)
		return;
	struct csv_field joined;
	const struct csv_field *f = &joined;
	if (col->nparts == 1 && (size_t)col->part[0] < rec->count)
		f = &rec->fields[col->part[0]];
	else
		header_map_field(&tr->map, c, rec, &tr->scratch, &joined);
	if (timesheet_field(tr, row, c, f, reasons[c], sizeof(reasons[c])))
		*failed |= 1u << c;
}

static bool in_baseline(const struct rules *rules, int32_t date)
{
	return (!rules->has_baseline_from || date >= rules->baseline_from) &&
	       (!rules->has_baseline_to || date <= rules->baseline_to);
}

static void fold_row(struct timesheet_reader *tr, const struct ts_row *row, long line)
{
	struct dataset *d = tr->d;
	const struct rules *rules = tr->rules;
	if (row->date != tr->last_date) {
		tr->last_date = row->date;
		tr->last_month = month_of_days(row->date);
	}
	bool added = false;
	int32_t month = tr->last_month;
	int32_t quarter = month / 3;
	/* the cell of this employee and use case last month: mostly this month's */
	struct cell_slot *slot = &tr->cells[(row->employee * 31u + row->use_case) &
	                                    (CELL_SLOTS - 1)];
	size_t i;
	if (slot->index && slot->employee == row->employee && slot->use_case == row->use_case &&
	    slot->month == month) {
		i = slot->index - 1;
	} else {
		i = key3_intern(&d->cell_index,
		                (struct key3){ row->employee, row->use_case, month }, &added);
		*slot = (struct cell_slot){ row->employee, row->use_case, month, (uint32_t)i + 1 };
	}
	if (added) {
		GROW(d->cells, d->cell_cap, i + 1);
		d->cells[i] = (struct ts_cell){ .employee = row->employee,
		                                .use_case = row->use_case, .month = month,
		                                .department = NO_STRING };
	}
	struct ts_cell *c = &d->cells[i];
	c->entries++;
	if (row->ai || in_baseline(rules, row->date)) {
		double scaled = row->minutes * 1024;
		tr->offgrid |= scaled != (double)(int64_t)scaled;
		tr->minutes_total += row->minutes;
		tr->items_total += (double)row->items;
	}
	if (row->ai) {
		c->ai_entries++;
		c->ai_items += (double)row->items;
		c->ai_minutes += row->minutes;
		if (row->use_case >= d->first_ai_cap) {
			size_t old = d->first_ai_cap;
			GROW(d->first_ai_date, d->first_ai_cap, (size_t)row->use_case + 1);
			for (size_t k = old; k < d->first_ai_cap; k++)
				d->first_ai_date[k] = NO_DATE;
		}
		int32_t *first = &d->first_ai_date[row->use_case];
		if (*first == NO_DATE || row->date < *first)
			*first = row->date;
	} else if (in_baseline(rules, row->date)) {
		struct cell_slot *bs = &tr->baselines[row->use_case & (BASELINE_SLOTS - 1)];
		size_t b;
		added = false;
		if (bs->index && bs->use_case == row->use_case && bs->month == month) {
			b = bs->index - 1;
		} else {
			b = key3_intern(&d->baseline_index, (struct key3){ row->use_case, 0, month },
			                &added);
			*bs = (struct cell_slot){ 0, row->use_case, month, (uint32_t)b + 1 };
		}
		if (added) {
			GROW(d->baselines, d->baseline_cap, b + 1);
			d->baselines[b] = (struct baseline_cell){ .use_case = row->use_case,
			                                          .month = month };
		}
		d->baselines[b].minutes += row->minutes;
		d->baselines[b].items += (double)row->items;
	}
	if (row->department != NO_STRING &&
	    (c->department == NO_STRING || row->date > c->department_date ||
	     (row->date == c->department_date && line > c->department_line))) {
		c->department = row->department;
		c->department_date = row->date;
		c->department_line = line;
	}
	if (quarter < d->ts_first_quarter)
		d->ts_first_quarter = quarter;
	if (quarter > d->ts_last_quarter)
		d->ts_last_quarter = quarter;
}

/* A header record: maps the columns once every header row is in.  Returns what
 * timesheet_record returns. */
static int take_header(struct timesheet_reader *tr, const struct csv_record *rec)
{
	struct dataset *d = tr->d;
	static const bool required[TC_COUNT] = {
		[TC_EMPLOYEE_ID] = true, [TC_DATE] = true, [TC_USE_CASE] = true,
		[TC_AI_ASSISTED] = true,
	};
	const struct rules *rules = tr->rules;
	if (tr->map.rows_seen == 0) {
		reader_profile_free(&tr->profile);
		reader_profile_choose(&tr->profile, PROFILE_TIMESHEET, &rules->timesheet_input,
		                      rules->timesheet_columns, timesheet_column_names, TC_COUNT,
		                      rec, tr->file, tr->err);
		d->timesheet_file.format = tr->profile.profile->title;
		d->timesheet_file.read.profile = tr->profile.profile;
	}
	const struct header_spec spec = {
		.canonical = timesheet_column_names, .renamed = tr->profile.names,
		.required = required, .count = TC_COUNT, .section = "timesheet_columns",
		.header_rows = tr->profile.header_rows,
	};
	enum header_step step = header_map_take(&tr->map, &spec, rec, tr->file, tr->err);
	if (step != HEADER_DONE)
		return step == HEADER_FAILED;
	if (tr->profile.profile->marker_column && !rules->ai_marker_count &&
	    !rules->timesheet_columns[TC_AI_ASSISTED]) {
		/* a tag list read as yes/no would reject every row */
		fprintf(tr->err, "aireport: %s: the AI flag of a %s is in the column '%s': name "
		        "the tag, label or word that marks AI work with ai_assisted = ... under "
		        "[timesheet_values]\n", tr->file, tr->profile.profile->title,
		        tr->map.col[TC_AI_ASSISTED].label);
		tr->map.failed = true;
		tr->status = EXIT_USAGE;
		return 1;
	}
	if (header_map_has(&tr->map, TC_MINUTES))
		tr->duration = FROM_MINUTES;
	else if (header_map_has(&tr->map, TC_HOURS))
		tr->duration = FROM_HOURS;
	else if (header_map_has(&tr->map, TC_START) && header_map_has(&tr->map, TC_END))
		tr->duration = FROM_CLOCK;
	else {
		char *const *names = tr->rules->timesheet_columns;
		char *found = header_map_list(&tr->map);
		fprintf(tr->err, "aireport: %s:%ld: missing required column '%s' or '%s' (or "
		        "'%s' and '%s') (header found: %s)\n", tr->file, tr->map.line,
		        names[TC_MINUTES] ? names[TC_MINUTES] : "minutes",
		        names[TC_HOURS] ? names[TC_HOURS] : "hours",
		        names[TC_START] ? names[TC_START] : "start",
		        names[TC_END] ? names[TC_END] : "end", found);
		free(found);
		tr->map.failed = true;
		return 1;
	}
	return tr->split ? CSVIN_SPLIT : 0;
}

int timesheet_record(const struct csv_record *rec, void *ctx)
{
	struct timesheet_reader *tr = ctx;
	struct dataset *d = tr->d;
	if (!tr->map.built)
		return take_header(tr, rec);

	d->timesheet_file.rows_read++;
	if (!header_map_fits(&tr->map, rec)) {
		char reason[96];
		snprintf(reason, sizeof(reason), "wrong number of fields (%zu, header has %zu)",
		         rec->count, tr->map.count);
		timesheet_reject(tr, rec->line, NULL, NULL, reason);
		d->timesheet_file.rows_rejected++;
		return 0;
	}
	struct ts_row row = { .department = NO_STRING, .items = 1, .line = rec->line };
	/* Column by column, each with its own code (no dispatch per field); every
	 * invalid field is listed, in the header's order, so one round of fixes is
	 * enough. */
	char reasons[TC_COUNT][96];
	unsigned failed = 0;
	take_field(tr, &row, rec, TC_EMPLOYEE_ID, reasons, &failed);
	take_field(tr, &row, rec, TC_DATE, reasons, &failed);
	take_field(tr, &row, rec, TC_USE_CASE, reasons, &failed);
	take_field(tr, &row, rec, TC_MINUTES, reasons, &failed);
	take_field(tr, &row, rec, TC_HOURS, reasons, &failed);
	take_field(tr, &row, rec, TC_AI_ASSISTED, reasons, &failed);
	take_field(tr, &row, rec, TC_ITEMS, reasons, &failed);
	take_field(tr, &row, rec, TC_DEPARTMENT, reasons, &failed);
	take_field(tr, &row, rec, TC_START, reasons, &failed);
	take_field(tr, &row, rec, TC_END, reasons, &failed);
	take_field(tr, &row, rec, TC_BREAK, reasons, &failed);
	_Static_assert(TC_COUNT == 11, "a column without its take_field");
	bool rejected = failed != 0;
	for (size_t k = 0; failed && k < tr->map.norder; k++) {
		int c = tr->map.order[k];
		if (failed & 1u << c) {
			struct csv_field f;
			header_map_field(&tr->map, c, rec, &tr->scratch, &f);
			timesheet_reject(tr, rec->line, tr->map.col[c].label, f.data, reasons[c]);
		}
	}
	if (!rejected && tr->duration == FROM_CLOCK) {
		char reason[96];
		if (clock_duration(&row, reason, sizeof(reason))) {
			struct csv_field f;
			header_map_field(&tr->map, TC_END, rec, &tr->scratch, &f);
			timesheet_reject(tr, rec->line, tr->map.col[TC_END].label, f.data, reason);
			rejected = true;
		}
	}
	if (rejected) {
		d->timesheet_file.rows_rejected++;
		return 0;
	}
	fold_row(tr, &row, rec->line);
	d->timesheet_file.rows_used++;
	return 0;
}

/* Forgets what a first reading of the timesheet folded in (it is read again). */
static void timesheet_reset(struct dataset *d)
{
	key3_free(&d->cell_index);
	key3_free(&d->baseline_index);
	for (size_t i = 0; i < d->first_ai_cap; i++)
		d->first_ai_date[i] = NO_DATE;
	d->ts_first_quarter = INT32_MAX;
	d->ts_last_quarter = INT32_MIN;
	char *name = d->timesheet_file.name;
	const char *format = d->timesheet_file.format;
	file_read_free(&d->timesheet_file.read);
	memset(&d->timesheet_file, 0, sizeof(d->timesheet_file));
	d->timesheet_file.name = name;
	d->timesheet_file.format = format;
	if (d->timesheet_rejects.reset)
		d->timesheet_rejects.reset(d->timesheet_rejects.ctx);
	d->timesheet_reject_rows = 0;
}

/* Keeps the first n keys of m (the ones from before the timesheet). */
static void strmap_keep(struct strmap *m, size_t n)
{
	if (m->count <= n)
		return;
	struct strmap kept = { 0 };
	for (size_t i = 0; i < n; i++)
		strmap_intern(&kept, strmap_key(m, i), m->key_lens[i], NULL);
	strmap_free(m);
	*m = kept;
}

void timesheet_restart(void *ctx)
{
	struct timesheet_reader *tr = ctx;
	struct dataset *d = tr->d;
	timesheet_reset(d);
	strmap_keep(&d->employees, tr->kept_employees);
	strmap_keep(&d->use_cases, tr->kept_use_cases);
	strmap_keep(&d->departments, tr->kept_departments);
	header_map_free(&tr->map);
	tr->status = 0;
	tr->dates = (struct date_sense){ .order = tr->dates.order };
	tr->offgrid = false;
	tr->minutes_total = tr->items_total = 0;
	timesheet_caches_clear(tr);
}

int timesheet_read(struct dataset *d, const char *path, const struct rules *rules,
                   bool progress, FILE *err)
{
	const struct input_settings *in = &rules->timesheet_input;
	struct timesheet_reader *tr = xcalloc(1, sizeof(*tr));
	*tr = (struct timesheet_reader){ .d = d, .rules = rules, .file = path, .err = err,
	                                 .dates = { .order = in->date_order },
	                                 .split = csvin_threads() > 1,
	                                 .kept_employees = d->employees.count,
	                                 .kept_use_cases = d->use_cases.count,
	                                 .kept_departments = d->departments.count };
	timesheet_caches_clear(tr);
	d->timesheet_file.name = xstrdup(path);
	int status = export_read_parallel(path, in, progress, timesheet_record, tr,
	                                  &timesheet_parallel, &tr->map,
	                                  &d->timesheet_file.read, err);
	if (!status) {
		status = date_sense_verdict(&tr->dates, path, "timesheet_input", err);
		if (status == DATES_MONTH_FIRST) {
			/* month-first dates were read day-first: read the file again */
			timesheet_reset(d);
			tr->dates = (struct date_sense){ .order = DATE_ORDER_MDY };
			tr->offgrid = false;
			tr->minutes_total = tr->items_total = 0;
			timesheet_caches_clear(tr);
			bool quiet = is_quiet();
			set_quiet(true);   /* its warnings were printed the first time */
			status = export_read_parallel(path, in, progress, timesheet_record, tr,
			                              &timesheet_parallel, &tr->map,
			                              &d->timesheet_file.read, err);
			set_quiet(quiet);
		}
	}
	d->timesheet_file.read.dates = tr->dates;
	buf_free(&tr->scratch);
	buf_free(&tr->id_scratch);
	reader_profile_free(&tr->profile);
	if (status && tr->status)
		status = tr->status;
	if (status)
		d->timesheet_file.missing_column = true;
	free(tr);
	return status;
}
