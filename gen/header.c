/* header.c - an export's header -> the canonical columns; see header.h. */
#include "header.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

/* Appends s[0..n) to out trimmed, with runs of white space (and no-break spaces)
 * as one space and ASCII letters in lower case. */
static void normalise(const char *s, size_t n, struct buf *out)
{
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool white = c == ' ' || c == '\t' || c == '\r' || c == '\n';
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			white = true;
			i++;
		}
		if (white) {
			space = true;
			continue;
		}
		if (space && out->len)
			buf_putc(out, ' ');
		space = false;
		buf_putc(out, (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
	}
	buf_reserve(out, 0);
	out->data[out->len] = '\0';   /* also for an empty name */
}

bool header_name_matches(const char *cell, size_t len, const char *name)
{
	size_t n = strlen(name);
	bool prefix = n > 1 && name[n - 1] == '*';
	if (prefix)
		n--;
	struct buf a = { 0 }, b = { 0 };
	normalise(cell, len, &a);
	normalise(name, n, &b);
	bool match = prefix ? a.len >= b.len && memcmp(a.data, b.data, b.len) == 0
	                    : a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
	buf_free(&a);
	buf_free(&b);
	return match;
}

/* Splits a name from the rules at " + " into at most HEADER_MAX_PARTS parts
 * (copies, trimmed); returns how many. */
static int split_parts(const char *name, char *parts[HEADER_MAX_PARTS])
{
	int n = 0;
	const char *p = name;
	for (;;) {
		const char *plus = strstr(p, " + ");
		size_t len = plus ? (size_t)(plus - p) : strlen(p);
		const char *s = trim_span(p, &len);
		if (n == HEADER_MAX_PARTS) {
			for (int i = 0; i < n; i++)
				free(parts[i]);
			return 0;
		}
		parts[n++] = xstrndup(s, len);
		if (!plus)
			return n;
		p = plus + 3;
	}
}

static bool from_rules(const struct header_spec *spec, size_t c)
{
	return spec->renamed[c] && !strchr(spec->renamed[c], HEADER_ALTERNATIVE);
}

/* The first alternative of a name (a copy). */
static char *first_alternative(const char *name)
{
	return xstrndup(name, strcspn(name, "\x1f"));
}

static int find_cell(const struct header_map *h, const char *name)
{
	for (size_t i = 0; i < h->count; i++) {
		if (header_name_matches(h->names[i], strlen(h->names[i]), name))
			return (int)i;
		if (!h->full)
			continue;
		if ((h->full[i] && header_name_matches(h->full[i], strlen(h->full[i]), name)) ||
		    (h->row1[i][0] && header_name_matches(h->row1[i], strlen(h->row1[i]), name)))
			return (int)i;
	}
	return -1;
}

/* Export names under which the tools write a canonical column, for the
 * suggestion in a missing-column message. */
static const char *const *known_names(const char *canonical)
{
	static const char *const employee[] = { "medewerker", "werknemer", "personeelsnummer",
		"mitarbeiter", "personalnummer", "employee", "employee id", "user", "gebruiker",
		"benutzer", "email", "e-mail", "e-mailadres", "email address", "naam", "name", NULL };
	static const char *const date[] = { "datum", "start date", "startdatum", "date", NULL };
	static const char *const use_case[] = { "activiteit", "project", "projekt", "task", "taak",
		"tätigkeit", "aufgabe", "activity", "dienst", "component", NULL };
	static const char *const hours[] = { "uren", "stunden", "hours", "duration", "dauer",
		"duur", "duration (decimal)", "time spent (h)", NULL };
	static const char *const minutes[] = { "minuten", "minutes", NULL };
	static const char *const ai[] = { "tags", "labels", "schlagworte", "urensoort", "ai", "ki",
		NULL };
	static const char *const department[] = { "afdeling", "abteilung", "team", "group",
		"gruppe", NULL };
	static const char *const submitted[] = { "timestamp", "tijdstempel", "zeitstempel",
		"completion time", "end date", NULL };
	static const struct { const char *canonical; const char *const *names; } table[] = {
		{ "employee_id", employee }, { "date", date }, { "use_case", use_case },
		{ "hours", hours }, { "minutes", minutes }, { "ai_assisted", ai },
		{ "department", department }, { "submitted", submitted },
	};
	for (size_t i = 0; i < ARRAY_LEN(table); i++)
		if (strcmp(table[i].canonical, canonical) == 0)
			return table[i].names;
	return NULL;
}

/* The header cell a user most likely meant by name (the rules' name or the
 * canonical one), or -1: a cell within a few edits, one that contains the name
 * or is contained in it, or a known export name of the canonical column. */
static int suggest_cell(const struct header_map *h, const char *name, const char *canonical,
                        const bool *used)
{
	struct buf want = { 0 };
	size_t n = strlen(name);
	normalise(name, n && name[n - 1] == '*' ? n - 1 : n, &want);
	int best = -1;
	size_t best_score = (size_t)-1;
	for (size_t i = 0; i < h->count; i++) {
		if (used[i])
			continue;
		struct buf cell = { 0 };
		normalise(h->names[i], strlen(h->names[i]), &cell);
		size_t score = edit_distance(cell.data, want.data);
		size_t limit = want.len / 4 > 2 ? want.len / 4 : 2;
		if (score > limit)
			score = (size_t)-1;
		if (score == (size_t)-1 && cell.len >= 3 && want.len >= 3 &&
		    (strstr(cell.data, want.data) || strstr(want.data, cell.data)))
			score = 1000;
		const char *const *known = known_names(canonical);
		for (size_t k = 0; score == (size_t)-1 && known && known[k]; k++)
			if (strcmp(cell.data, known[k]) == 0)
				score = 2000 + k;
		if (score < best_score) {
			best_score = score;
			best = (int)i;
		}
		buf_free(&cell);
	}
	buf_free(&want);
	return best;
}

/* With the header split at another delimiter, would every required column be
 * there?  Returns that delimiter, or 0. */
static char other_delimiter(const struct header_map *h, const struct header_spec *spec)
{
	static const char delimiters[] = { ',', ';', '\t' };
	for (size_t d = 0; d < ARRAY_LEN(delimiters); d++) {
		struct header_map split = { .count = 0 };
		size_t cap = 0;
		bool split_any = false;
		for (size_t i = 0; i < h->count; i++) {
			const char *p = h->names[i];
			for (;;) {
				const char *end = strchr(p, delimiters[d]);
				size_t len = end ? (size_t)(end - p) : strlen(p);
				const char *s = trim_span(p, &len);
				if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
					s++;
					len -= 2;
				}
				GROW(split.names, cap, split.count + 1);
				split.names[split.count++] = xstrndup(s, len);
				if (!end)
					break;
				split_any = true;
				p = end + 1;
			}
		}
		bool all = split_any;
		for (size_t c = 0; all && c < spec->count; c++) {
			if (!spec->required[c])
				continue;
			char *parts[HEADER_MAX_PARTS];
			char *first = first_alternative(spec->renamed[c] ? spec->renamed[c] : spec->canonical[c]);
			int n = split_parts(first, parts);
			free(first);
			for (int k = 0; k < n; k++) {
				if (all && find_cell(&split, parts[k]) < 0)
					all = false;
				free(parts[k]);
			}
		}
		for (size_t i = 0; i < split.count; i++)
			free(split.names[i]);
		free(split.names);
		if (all)
			return delimiters[d];
	}
	return 0;
}

static const char *delimiter_word(char d)
{
	return d == ';' ? "semicolon" : d == '\t' ? "tab" : "comma";
}

/* Stores the names of the header row(s) in h. */
static void take_names(struct header_map *h, const struct csv_record *rec)
{
	if (h->rows_seen == 0) {
		h->count = rec->count;
		h->names = xcalloc(rec->count ? rec->count : 1, sizeof(*h->names));
		for (size_t i = 0; i < rec->count; i++)
			h->names[i] = xstrndup(rec->fields[i].data, rec->fields[i].len);
		return;
	}
	/* Row 2: its text names the cell, row 1's where it is blank.  Row 1's own
	 * text (a question whose row 2 says "Response") and row 1 carried over blank
	 * cells + row 2 (a matrix question's items) match too. */
	size_t n = rec->count > h->count ? rec->count : h->count;
	h->row1 = xcalloc(n ? n : 1, sizeof(*h->row1));
	for (size_t i = 0; i < n; i++)
		h->row1[i] = i < h->count ? h->names[i] : xstrdup("");
	free(h->names);
	h->names = xcalloc(n ? n : 1, sizeof(*h->names));
	h->full = xcalloc(n ? n : 1, sizeof(*h->full));
	h->count = n;
	const char *carried = "";
	for (size_t i = 0; i < n; i++) {
		const char *r1 = h->row1[i];
		size_t len1 = strlen(r1);
		trim_span(r1, &len1);
		if (len1)
			carried = r1;
		size_t len2 = i < rec->count ? rec->fields[i].len : 0;
		const char *r2 = i < rec->count ? trim_span(rec->fields[i].data, &len2) : "";
		if (len2 == 0) {
			h->names[i] = xstrdup(r1);
			continue;
		}
		h->names[i] = xstrndup(r2, len2);
		struct buf full = { 0 };
		buf_puts(&full, carried);
		buf_putc(&full, ' ');
		buf_append(&full, r2, len2);
		h->full[i] = full.data;
	}
}

static int compare_first_position(const void *a, const void *b, const struct header_map *h)
{
	int x = *(const int *)a, y = *(const int *)b;
	int px = h->col[x].part[0], py = h->col[y].part[0];
	if (px != py)
		return px < py ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Orders h->order[0..norder) by first position (insertion sort: at most 16). */
static void sort_order(struct header_map *h)
{
	for (size_t i = 1; i < h->norder; i++)
		for (size_t j = i; j > 0 && compare_first_position(&h->order[j - 1], &h->order[j], h) > 0; j--) {
			int t = h->order[j];
			h->order[j] = h->order[j - 1];
			h->order[j - 1] = t;
		}
}

/* One line for a required column that is missing. */
static void report_missing(const struct header_map *h, const struct header_spec *spec, size_t c,
                           const char *file, bool first, const bool *used, FILE *err)
{
	bool mapped = from_rules(spec, c);
	char *name = first_alternative(mapped ? spec->renamed[c] : spec->canonical[c]);
	struct buf line = { 0 };
	buf_printf(&line, "aireport: %s:%ld: missing required column '%s'", file, h->line, name);
	if (spec->renamed[c] && !mapped) {
		/* a profile's names, then the canonical one, then the questionnaire's titles */
		const char *all = spec->renamed[c];
		size_t canon = strlen(spec->canonical[c]);
		const char *at = all;
		while (at && !(strncmp(at, spec->canonical[c], canon) == 0 &&
		               (at[canon] == HEADER_ALTERNATIVE || !at[canon]))) {
			at = strchr(at, HEADER_ALTERNATIVE);
			at = at ? at + 1 : NULL;
		}
		if (at && at != all) {
			buf_puts(&line, " (looked for ");
			for (const char *p = all; p < at - 1; p++)
				buf_puts(&line, *p == HEADER_ALTERNATIVE ? ", " : (char[2]){ *p, 0 });
			buf_putc(&line, ')');
		}
		if (at && at[canon])
			buf_puts(&line, " (nor the questionnaire's question for it)");
	}
	int cell = suggest_cell(h, name, spec->canonical[c], used);
	if (cell >= 0)
		buf_printf(&line, "; the header has '%s' \xE2\x80\x94 map it with %s = %s under [%s]",
		           h->names[cell], spec->canonical[c], h->names[cell], spec->section);
	else if (!mapped)
		buf_printf(&line, "; if the export names it differently, map it with %s = <its name> "
		           "under [%s]", spec->canonical[c], spec->section);
	free(name);
	if (first) {
		char *found = header_map_list(h);
		buf_printf(&line, " (header found: %s)", found);
		free(found);
	}
	fprintf(err, "%s\n", line.data);
	buf_free(&line);
}

enum header_step header_map_take(struct header_map *h, const struct header_spec *spec,
                                 const struct csv_record *rec, const char *file, FILE *err)
{
	assert(spec->count <= HEADER_MAX_COLUMNS);
	take_names(h, rec);
	h->line = rec->line;
	if (++h->rows_seen < spec->header_rows)
		return HEADER_MORE;
	h->built = true;

	bool *used = xcalloc(h->count ? h->count : 1, sizeof(*used));
	bool any_missing = false;
	for (size_t c = 0; c < spec->count; c++) {
		struct header_column *col = &h->col[c];
		const char *names = spec->renamed[c] ? spec->renamed[c] : spec->canonical[c];
		bool all = false;
		char *name = NULL;
		/* the first alternative whose every part the header has */
		for (const char *alt = names; !all && alt;) {
			const char *sep = strchr(alt, HEADER_ALTERNATIVE);
			free(name);
			name = sep ? xstrndup(alt, (size_t)(sep - alt)) : xstrdup(alt);
			alt = sep ? sep + 1 : NULL;
			char *parts[HEADER_MAX_PARTS];
			int n = split_parts(name, parts);
			all = n > 0;
			col->nparts = 0;
			for (int k = 0; k < n; k++) {
				int cell = all ? find_cell(h, parts[k]) : -1;
				if (cell < 0)
					all = false;
				else
					col->part[col->nparts++] = cell;
				free(parts[k]);
			}
		}
		if (!all) {
			free(name);
			col->nparts = 0;
			if (spec->required[c])
				any_missing = true;
			continue;
		}
		for (int k = 0; k < col->nparts; k++)
			used[col->part[k]] = true;
		col->label = xstrdup(col->nparts == 1 ? h->names[col->part[0]] : name);
		free(name);
		h->order[h->norder++] = (int)c;
	}
	sort_order(h);

	if (any_missing) {
		bool first = true;
		for (size_t c = 0; c < spec->count; c++) {
			if (!spec->required[c] || header_map_has(h, (int)c))
				continue;
			report_missing(h, spec, c, file, first, used, err);
			first = false;
		}
		char d = other_delimiter(h, spec);
		if (d)
			fprintf(err, "aireport: %s:%ld: split at the %s, the header has every required "
			        "column: set delimiter = %s under [%s]\n", file, h->line, delimiter_word(d),
			        delimiter_word(d), strcmp(spec->section, "survey_columns") == 0 ?
			        "survey_input" : "timesheet_input");
		h->failed = true;
		free(used);
		return HEADER_FAILED;
	}
	if (!is_quiet()) {
		for (size_t c = 0; c < spec->count; c++) {
			if (spec->required[c] || header_map_has(h, (int)c) || !from_rules(spec, c))
				continue;
			int cell = suggest_cell(h, spec->renamed[c], spec->canonical[c], used);
			if (cell >= 0)
				fprintf(err, "aireport: warning: %s: %s = %s under [%s] matches no column; "
				        "did you mean '%s'?\n", file, spec->canonical[c], spec->renamed[c],
				        spec->section, h->names[cell]);
			else
				fprintf(err, "aireport: warning: %s: %s = %s under [%s] matches no column\n",
				        file, spec->canonical[c], spec->renamed[c], spec->section);
		}
		struct buf unknown = { 0 };
		for (size_t i = 0; i < h->count; i++) {
			size_t len = strlen(h->names[i]);
			trim_span(h->names[i], &len);
			if (used[i] || len == 0)
				continue;
			if (unknown.len)
				buf_puts(&unknown, ", ");
			buf_puts(&unknown, h->names[i]);
		}
		if (unknown.len)
			fprintf(err, "aireport: warning: %s: ignoring unknown columns: %s\n", file,
			        unknown.data);
		buf_free(&unknown);
	}
	free(used);
	return HEADER_DONE;
}

bool header_map_fits(const struct header_map *h, const struct csv_record *rec)
{
	return rec->count == h->count || (h->pad_short && rec->count < h->count);
}

void header_map_field(const struct header_map *h, int column, const struct csv_record *rec,
                      struct buf *scratch, struct csv_field *out)
{
	const struct header_column *col = &h->col[column];
	static const struct csv_field empty = { .data = "", .len = 0 };
	if (col->nparts == 1) {
		size_t i = (size_t)col->part[0];
		*out = i < rec->count ? rec->fields[i] : empty;
		return;
	}
	buf_clear(scratch);
	buf_reserve(scratch, 1);
	bool quoted = false;
	for (int k = 0; k < col->nparts; k++) {
		size_t i = (size_t)col->part[k];
		if (i >= rec->count)
			continue;
		size_t len = rec->fields[i].len;
		const char *s = trim_span(rec->fields[i].data, &len);
		if (len == 0)
			continue;
		if (scratch->len)
			buf_putc(scratch, ' ');
		buf_append(scratch, s, len);
		quoted |= rec->fields[i].quoted;
	}
	*out = (struct csv_field){ .data = scratch->data, .len = scratch->len, .quoted = quoted };
}

char *header_map_list(const struct header_map *h)
{
	struct buf found = { 0 };
	buf_puts(&found, "");
	for (size_t i = 0; i < h->count; i++) {
		if (i)
			buf_putc(&found, ',');
		buf_puts(&found, h->names[i]);
	}
	return found.data;
}

void header_map_free(struct header_map *h)
{
	for (size_t i = 0; i < h->count; i++) {
		free(h->names[i]);
		if (h->full) {
			free(h->full[i]);
			free(h->row1[i]);
		}
	}
	free(h->names);
	free(h->full);
	free(h->row1);
	for (size_t c = 0; c < HEADER_MAX_COLUMNS; c++)
		free(h->col[c].label);
	memset(h, 0, sizeof(*h));
}
