/* rules.c - the rules file (SPEC §3, §11.14-18, §11.34) -> struct rules: its
 * defaults, its life cycle and one load.
 *
 * Loading is two passes over the text: rules_syntax.c scans every line and hands
 * the well-formed ones to inih, whose handler stores the last raw value of every
 * fixed key (a duplicate key: the last wins, §11.15) and the name = value entries;
 * then rules_values.c checks and converts every stored value.  The sections and
 * keys are in rules_keys.c, the sections about reading the exports in
 * rules_input.c.  All problems are collected and printed sorted by line. */
#include "rules.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rules_keys.h"
#include "rules_syntax.h"
#include "rules_values.h"
#include "util.h"

const struct named_value *named_values_find(const struct named_values *nv, const char *name)
{
	for (size_t i = 0; i < nv->count; i++)
		if (ascii_casecmp(nv->items[i].name, name) == 0)
			return &nv->items[i];
	return NULL;
}

void rules_init(struct rules *r)
{
	memset(r, 0, sizeof(*r));
	r->language = LANG_NL;
	memcpy(r->currency, "EUR", 4);
	r->encoding = ENCODING_AUTO;
	r->delimiter = 0;
	r->date_order = DATE_ORDER_AUTO;
	r->header_rows = 1;
	r->survey_input = r->timesheet_input = (struct input_settings){ .header_rows = 1 };
	r->identity_min_match = 0.5;
	r->max_reject_ratio = 0.05;
	r->min_group_size = 5;
	r->employee_sheet = false;
	r->active_min_days_per_week = 1;
	r->active_min_ai_entries = 0;
	r->level2_min = 3;
	r->level3_min = 4;
	r->overall = OVERALL_MEDIAN;
	r->realisation = 1;
	r->target_adoption = (struct opt_number){ true, 0.6 };
	r->target_hours_saved_per_week = (struct opt_number){ true, 40 };
	r->target_roi = (struct opt_number){ true, 2.0 };
	r->target_maturity = (struct opt_number){ true, 2.0 };
	r->concentration_share = 0.5;
	r->benchmark_min_clients = 5;
}

static void named_values_free(struct named_values *nv)
{
	for (size_t i = 0; i < nv->count; i++)
		free(nv->items[i].name);
	free(nv->items);
}

void rules_free(struct rules *r)
{
	if (!r)
		return;
	free(r->path);
	free(r->org_name);
	free(r->prepared_by);
	free(r->logo);
	free(r->font);
	named_values_free(&r->role_rates);
	named_values_free(&r->department_rates);
	named_values_free(&r->use_case_baselines);
	for (size_t i = 0; i < SC_COUNT; i++)
		free(r->survey_columns[i]);
	for (size_t i = 0; i < TC_COUNT; i++)
		free(r->timesheet_columns[i]);
	free(r->sheet);
	free(r->survey_input.sheet);
	free(r->timesheet_input.sheet);
	free(r->survey_input.profile);
	free(r->timesheet_input.profile);
	for (size_t i = 0; i < r->ai_marker_count; i++)
		free(r->ai_markers[i]);
	free(r->ai_markers);
	for (size_t i = 0; i < r->survey_scale_count; i++)
		free((char *)r->survey_scale[i].text);
	free(r->survey_scale);
	free(r->identity_map);
	rules_init(r);
}

/* Reads the whole file; returns NULL with errno set on failure. */
static char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed) {
		buf_free(&b);
		errno = saved ? saved : EIO;
		return NULL;
	}
	buf_reserve(&b, 0);
	b.data[b.len] = '\0';
	*size = b.len;
	return b.data;
}

bool rules_parse_ratio(const char *s, double *out)
{
	bool percent;
	return rules_read_ratio(s, out, &percent);
}

int rules_load(struct rules *r, const char *path, FILE *err)
{
	rules_init(r);
	r->path = xstrdup(path);

	size_t size = 0;
	char *text = read_file(path, &size);
	if (!text) {
		fprintf(err, "aireport: %s: cannot read: %s\n", path, strerror(errno));
		rules_free(r);
		return EXIT_IO;
	}

	struct load c = { .r = r };
	const char *body = text;
	if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		body += 3;
		size -= 3;
	}
	rules_parse_text(&c, body, size);
	rules_apply_all(&c);

	int status = c.nmessages ? EXIT_USAGE : EXIT_OK;
	rules_print_messages(&c, err);
	rules_load_free(&c);
	free(text);
	if (status != EXIT_OK)
		rules_free(r);
	return status;
}
