/* history_figures.c - published figures: metrics.csv text parsed into rows, the
 * rows of a stored publication, and their comparison (see history_figures.h). */
#include "history_db.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "util.h"

/* ---- metrics.csv ------------------------------------------------------------------ */

/* One RFC 4180 field at *p (up to end); the text goes to out.  Returns the
 * character after it (',' '\n' or end) or NULL on a malformed quote. */
static const char *csv_field(const char *p, const char *end, struct buf *out)
{
	buf_clear(out);
	buf_reserve(out, 1);
	out->data[0] = 0;
	if (p < end && *p == '"') {
		for (p++;; p++) {
			if (p >= end)
				return NULL;
			if (*p == '"') {
				if (p + 1 < end && p[1] == '"') {
					buf_putc(out, '"');
					p++;
					continue;
				}
				return p + 1;
			}
			buf_putc(out, *p);
		}
	}
	const char *start = p;
	while (p < end && *p != ',' && *p != '\n')
		p++;
	buf_append(out, start, (size_t)(p - start));
	return p;
}

void history_figures_free(struct history_figures *f)
{
	for (size_t i = 0; i < f->count; i++) {
		struct history_figure *x = &f->items[i];
		free(x->scope);
		free(x->group);
		free(x->metric);
		free(x->value);
		free(x->status);
	}
	free(f->items);
	memset(f, 0, sizeof(*f));
	f->quarter = -1;
}

static void figures_add(struct history_figures *f, const char *scope, const char *group,
                        const char *metric, const char *value, const char *status)
{
	GROW(f->items, f->cap, f->count + 1);
	f->items[f->count++] = (struct history_figure){ xstrdup(scope), xstrdup(group),
	                                                xstrdup(metric), xstrdup(value),
	                                                xstrdup(status) };
}

int history_parse_metrics(const char *text, size_t len, struct history_figures *out)
{
	static const char header[] = "period,scope,group,metric,value,status\n";
	memset(out, 0, sizeof(*out));
	out->quarter = -1;
	if (len < sizeof(header) - 1 || memcmp(text, header, sizeof(header) - 1) != 0)
		return -1;
	const char *p = text + sizeof(header) - 1, *end = text + len;
	struct buf field[6] = { { 0 } };
	int status = 0;
	while (p < end && !status) {
		for (int i = 0; i < 6 && !status; i++) {
			p = csv_field(p, end, &field[i]);
			if (!p || p >= end || *p != (i == 5 ? '\n' : ','))
				status = -1;
			else
				p++;
		}
		if (status)
			break;
		int q;
		if (!parse_quarter(field[0].data, &q) || (out->count && q != out->quarter)) {
			status = -1;
			break;
		}
		out->quarter = q;
		figures_add(out, field[1].data, field[2].data, field[3].data, field[4].data,
		            field[5].data);
	}
	for (int i = 0; i < 6; i++)
		buf_free(&field[i]);
	if (status)
		history_figures_free(out);
	return status;
}

/* ---- comparing ------------------------------------------------------------------- */

void history_changes_free(struct history_changes *c)
{
	for (size_t i = 0; i < c->count; i++) {
		struct history_change *x = &c->items[i];
		free(x->scope);
		free(x->group);
		free(x->metric);
		free(x->old_value);
		free(x->old_status);
		free(x->new_value);
		free(x->new_status);
	}
	free(c->items);
	memset(c, 0, sizeof(*c));
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void change_add(struct history_changes *c, const struct history_figure *key,
                       const struct history_figure *old, const struct history_figure *new)
{
	GROW(c->items, c->cap, c->count + 1);
	c->items[c->count++] = (struct history_change){
		xstrdup(key->scope), xstrdup(key->group), xstrdup(key->metric),
		dup_or_null(old ? old->value : NULL), dup_or_null(old ? old->status : NULL),
		dup_or_null(new ? new->value : NULL), dup_or_null(new ? new->status : NULL),
	};
}

static void figure_key(struct buf *b, const struct history_figure *f)
{
	buf_clear(b);
	buf_printf(b, "%s%c%s%c%s", f->scope, 0x1f, f->group, 0x1f, f->metric);
}

/* The figures of a publication, in line order. */
int history_load_figures(struct history *h, sqlite3_int64 publication, int quarter,
                        struct history_figures *out, FILE *err)
{
	memset(out, 0, sizeof(*out));
	out->quarter = quarter;
	int rc;
	sqlite3_stmt *st = history_prepare(h, "SELECT scope, grp, metric, value, status FROM figure "
	                              "WHERE publication = ?1 ORDER BY line", &rc);
	if (!st)
		return history_fail(h, rc, err);
	sqlite3_bind_int64(st, 1, publication);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col[5];
		for (int i = 0; i < 5; i++) {
			col[i] = (const char *)sqlite3_column_text(st, i);
			if (!col[i])
				col[i] = "";
		}
		figures_add(out, col[0], col[1], col[2], col[3], col[4]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		history_figures_free(out);
		return history_fail(h, rc, err);
	}
	return 0;
}

/* The latest publication of quarter: *id and *version, both 0 when none. */
static int latest_publication(struct history *h, int quarter, sqlite3_int64 *id, int *version,
                              FILE *err)
{
	*id = 0;
	*version = 0;
	int rc;
	sqlite3_stmt *st = history_prepare(h, "SELECT id, version FROM publication WHERE quarter = ?1 "
	                              "ORDER BY version DESC LIMIT 1", &rc);
	if (!st)
		return history_fail(h, rc, err);
	sqlite3_bind_int(st, 1, quarter);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*version = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : history_fail(h, rc, err);
}

/* Scope data_quality describes the files read (their names as given and their
 * row counts), not the organisation: the same exports under another path are not
 * a changed publication.  The run rows keep each file's SHA-256. */
static bool compared(const struct history_figure *f)
{
	return strcmp(f->scope, "data_quality") != 0;
}

/* Fills changes from old (the latest version) and new. */
static void diff_figures(const struct history_figures *old, const struct history_figures *new,
                         struct history_changes *changes)
{
	struct strmap index = { 0 };
	struct buf key = { 0 };
	for (size_t i = 0; i < old->count; i++) {
		figure_key(&key, &old->items[i]);
		strmap_intern(&index, key.data, key.len, NULL);
	}
	bool *seen = xcalloc(old->count + 1, sizeof(bool));
	for (size_t i = 0; i < new->count; i++) {
		const struct history_figure *n = &new->items[i];
		if (!compared(n))
			continue;
		figure_key(&key, n);
		size_t k = strmap_find(&index, key.data, key.len);
		if (k == SIZE_MAX) {
			change_add(changes, n, NULL, n);
			continue;
		}
		seen[k] = true;
		const struct history_figure *o = &old->items[k];
		if (strcmp(o->value, n->value) != 0 || strcmp(o->status, n->status) != 0)
			change_add(changes, n, o, n);
	}
	for (size_t i = 0; i < old->count; i++)
		if (!seen[i] && compared(&old->items[i]))
			change_add(changes, &old->items[i], &old->items[i], NULL);
	free(seen);
	buf_free(&key);
	strmap_free(&index);
}

int history_compare_latest(struct history *h, const struct history_figures *figures,
                   struct history_changes *changes, sqlite3_int64 *latest, FILE *err)
{
	history_changes_free(changes);
	changes->quarter = figures->quarter;
	int status = latest_publication(h, figures->quarter, latest, &changes->previous_version,
	                                err);
	if (status || !*latest)
		return status;
	struct history_figures old;
	status = history_load_figures(h, *latest, figures->quarter, &old, err);
	if (status)
		return status;
	diff_figures(&old, figures, changes);
	history_figures_free(&old);
	return 0;
}

int history_compare(struct history *h, const struct history_figures *figures,
                    struct history_changes *changes, FILE *err)
{
	sqlite3_int64 latest;
	int status = history_compare_latest(h, figures, changes, &latest, err);
	if (status)
		history_changes_free(changes);
	return status;
}

static const char *shown(const char *value, const char *status)
{
	if (!status)
		return "(none)";
	return strcmp(status, "ok") == 0 ? value : status;
}

void history_print_changes(const struct history *h, const struct history_changes *c,
                           FILE *err)
{
	if (is_quiet())
		return;
	for (size_t i = 0; i < c->count; i++) {
		const struct history_change *x = &c->items[i];
		fprintf(err, "aireport: warning: %s: %04d-Q%d differs from its version %d: %s%s%s/%s: "
		        "%s \xe2\x86\x92 %s\n", h->path, c->quarter / 4, c->quarter % 4 + 1,
		        c->previous_version, x->scope, *x->group ? "/" : "", x->group, x->metric,
		        shown(x->old_value, x->old_status), shown(x->new_value, x->new_status));
	}
}
