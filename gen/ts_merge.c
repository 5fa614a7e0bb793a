/* ts_merge.c - a chunk of the timesheet, read on a worker thread into tables of
 * its own, merged into the file's in file order (csvin.h, chunk.c).
 *
 * The merged tables are those one reading in order builds, bit for bit:
 *  - a chunk's employees, use cases, departments, cells and baseline cells are
 *    numbered in order of first appearance in the chunk; merging them in that
 *    order after the chunks before gives the order of first appearance in the
 *    file;
 *  - counts, minima and maxima merge in any order; the latest department of a
 *    cell compares dates, then lines, and a later chunk's lines are later;
 *  - sums of minutes are exact while every addend is a multiple of 1/1024 and
 *    the total stays far below 2^43 minutes; when a chunk holds another
 *    addend, it and every chunk after it are read again in order instead;
 *  - rejected rows are replayed in order, so rejects.csv and the reasons of
 *    --check come out as from one reading;
 *  - the first line of each kind of date evidence is the first chunk's that
 *    has one. */
#include <stdlib.h>
#include <string.h>

#include "timesheet.h"

#define EXACT_MINUTES 4398046511104.0   /* 2^42 */
#define EXACT_ITEMS 4503599627370496.0  /* 2^52 */

struct ts_part {
	struct timesheet_reader tr;
	struct dataset d;
};

static void *part_new(void *ctx)
{
	const struct timesheet_reader *file = ctx;
	struct ts_part *p = xcalloc(1, sizeof(*p));
	dataset_init(&p->d);
	p->tr = (struct timesheet_reader){
		.d = &p->d, .global = file->d, .rules = file->rules, .file = file->file,
		.map = file->map,           /* read only: the parts never free it */
		.duration = file->duration, .dates = { .order = file->dates.order },
	};
	timesheet_caches_clear(&p->tr);
	return p;
}

static int part_record(const struct csv_record *rec, void *ctx)
{
	struct ts_part *p = ctx;
	return timesheet_record(rec, &p->tr);
}

static void part_free(void *ctx, void *vp)
{
	struct ts_part *p = vp;
	(void)ctx;
	for (size_t i = 0; i < p->tr.reject_count; i++) {
		free(p->tr.rejects[i].value);
		free(p->tr.rejects[i].reason);
	}
	free(p->tr.rejects);
	buf_free(&p->tr.scratch);
	buf_free(&p->tr.id_scratch);
	dataset_free(&p->d);
	free(p);
}

/* The file's index of each of a chunk's strings, interned in the chunk's order. */
static uint32_t *remap(struct strmap *to, const struct strmap *from)
{
	uint32_t *map = xmalloc((from->count ? from->count : 1) * sizeof(*map));
	for (size_t i = 0; i < from->count; i++)
		map[i] = (uint32_t)strmap_intern(to, from->keys[i], from->key_lens[i], NULL);
	return map;
}

static void merge_cells(struct dataset *g, const struct dataset *l, const uint32_t *emp,
                        const uint32_t *uc, const uint32_t *dep, long base)
{
	for (size_t i = 0; i < l->cell_index.count; i++) {
		const struct ts_cell *lc = &l->cells[i];
		bool added;
		size_t k = key3_intern(&g->cell_index,
		                       (struct key3){ emp[lc->employee], uc[lc->use_case], lc->month },
		                       &added);
		if (added) {
			GROW(g->cells, g->cell_cap, k + 1);
			g->cells[k] = (struct ts_cell){ .employee = emp[lc->employee],
			                                .use_case = uc[lc->use_case], .month = lc->month,
			                                .department = NO_STRING };
		}
		struct ts_cell *c = &g->cells[k];
		c->entries += lc->entries;
		c->ai_entries += lc->ai_entries;
		c->ai_items += lc->ai_items;
		c->ai_minutes += lc->ai_minutes;
		long line = base + lc->department_line - 1;
		if (lc->department != NO_STRING &&
		    (c->department == NO_STRING || lc->department_date > c->department_date ||
		     (lc->department_date == c->department_date && line > c->department_line))) {
			c->department = dep[lc->department];
			c->department_date = lc->department_date;
			c->department_line = line;
		}
	}
	for (size_t i = 0; i < l->baseline_index.count; i++) {
		const struct baseline_cell *lb = &l->baselines[i];
		bool added;
		size_t k = key3_intern(&g->baseline_index,
		                       (struct key3){ uc[lb->use_case], 0, lb->month }, &added);
		if (added) {
			GROW(g->baselines, g->baseline_cap, k + 1);
			g->baselines[k] = (struct baseline_cell){ .use_case = uc[lb->use_case],
			                                          .month = lb->month };
		}
		g->baselines[k].minutes += lb->minutes;
		g->baselines[k].items += lb->items;
	}
}

static void merge_first_ai(struct dataset *g, const struct dataset *l, const uint32_t *uc)
{
	for (size_t u = 0; u < l->first_ai_cap && u < l->use_cases.count; u++) {
		int32_t date = l->first_ai_date[u];
		if (date == NO_DATE)
			continue;
		size_t gu = uc[u];
		if (gu >= g->first_ai_cap) {
			size_t old = g->first_ai_cap;
			GROW(g->first_ai_date, g->first_ai_cap, gu + 1);
			for (size_t k = old; k < g->first_ai_cap; k++)
				g->first_ai_date[k] = NO_DATE;
		}
		if (g->first_ai_date[gu] == NO_DATE || date < g->first_ai_date[gu])
			g->first_ai_date[gu] = date;
	}
	if (l->ts_first_quarter < g->ts_first_quarter)
		g->ts_first_quarter = l->ts_first_quarter;
	if (l->ts_last_quarter > g->ts_last_quarter)
		g->ts_last_quarter = l->ts_last_quarter;
}

static void merge_evidence(long *line, char *text, long l_line, const char *l_text,
                           size_t size, long base)
{
	if (*line || !l_line)
		return;
	*line = base + l_line - 1;
	memcpy(text, l_text, size);
}

static int part_merge(void *ctx, void *vp, long base)
{
	struct timesheet_reader *tr = ctx;
	struct ts_part *p = vp;
	struct dataset *g = tr->d, *l = &p->d;
	if (tr->offgrid || p->tr.offgrid ||
	    tr->minutes_total + p->tr.minutes_total >= EXACT_MINUTES ||
	    tr->items_total + p->tr.items_total >= EXACT_ITEMS) {
		tr->offgrid = true;     /* in order from here on */
		return CSVIN_REDO;
	}
	tr->minutes_total += p->tr.minutes_total;
	tr->items_total += p->tr.items_total;
	uint32_t *emp = remap(&g->employees, &l->employees);
	uint32_t *uc = remap(&g->use_cases, &l->use_cases);
	uint32_t *dep = remap(&g->departments, &l->departments);
	for (size_t i = 0; i < p->tr.reject_count; i++) {
		const struct ts_reject *r = &p->tr.rejects[i];
		timesheet_reject(tr, base + r->line - 1, r->column, r->value, r->reason);
	}
	g->timesheet_file.rows_read += l->timesheet_file.rows_read;
	g->timesheet_file.rows_used += l->timesheet_file.rows_used;
	g->timesheet_file.rows_rejected += l->timesheet_file.rows_rejected;
	merge_cells(g, l, emp, uc, dep, base);
	merge_first_ai(g, l, uc);
	struct date_sense *ds = &tr->dates;
	const struct date_sense *ls = &p->tr.dates;
	merge_evidence(&ds->dmy_line, ds->dmy_text, ls->dmy_line, ls->dmy_text,
	               sizeof(ds->dmy_text), base);
	merge_evidence(&ds->mdy_line, ds->mdy_text, ls->mdy_line, ls->mdy_text,
	               sizeof(ds->mdy_text), base);
	merge_evidence(&ds->undecided_line, ds->undecided_text, ls->undecided_line,
	               ls->undecided_text, sizeof(ds->undecided_text), base);
	free(emp);
	free(uc);
	free(dep);
	return CSVIN_MERGED;
}

const struct csvin_parallel timesheet_parallel = {
	.part_new = part_new,
	.part_record = part_record,
	.part_merge = part_merge,
	.part_free = part_free,
	.restart = timesheet_restart,
};
