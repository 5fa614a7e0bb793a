/* xlsxin_book.c - the parts around the worksheet (xlsxin_book.h): workbook.xml
 * names the sheets in tab order and points at each through
 * xl/_rels/workbook.xml.rels; xl/sharedStrings.xml holds most text and
 * xl/styles.xml the number formats, which alone tell a date from a number.  These
 * small parts are read first and kept; then the chosen sheet is streamed
 * (xlsxin_sheet.c). */
#include "xlsxin_book.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xlsxcell.h"
#include "xlsxin_scan.h"
#include "xlsxin_sheet.h"

#define SHEET_LIST_MAX 20           /* sheet names listed in an error message */

/* ---- workbook.xml and relationships ------------------------------------------ */

static void XMLCALL workbook_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "workbookPr") == 0) {
		const char *v = attr_get(atts, "date1904");
		r->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	} else if (strcmp(n, "sheet") == 0) {
		const char *name = attr_get(atts, "name");
		const char *id = attr_get(atts, "id");
		GROW(r->sheets, r->sheet_cap, r->sheet_count + 1);
		r->sheets[r->sheet_count].name = xstrdup(name ? name : "");
		r->sheets[r->sheet_count].rel_id = xstrdup(id ? id : "");
		r->sheet_count++;
	}
}

static void XMLCALL rels_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	if (strcmp(local_name(el), "Relationship") != 0)
		return;
	const char *id = attr_get(atts, "Id");
	const char *type = attr_get(atts, "Type");
	const char *target = attr_get(atts, "Target");
	GROW(r->rels, r->rel_cap, r->rel_count + 1);
	struct relationship *rel = &r->rels[r->rel_count++];
	rel->id = xstrdup(id ? id : "");
	rel->type = xstrdup(type ? type : "");
	rel->target = xstrdup(target ? target : "");
}

static void XMLCALL ignore_end(void *ud, const XML_Char *el)
{
	(void)ud, (void)el;
}

static void XMLCALL ignore_text(void *ud, const XML_Char *s, int len)
{
	(void)ud, (void)s, (void)len;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The part name a workbook relationship's target points at: relative to xl/,
 * or absolute from the package root.  The caller frees it. */
static char *target_resolve(const char *target)
{
	struct buf b = { 0 };
	if (target[0] == '/') {
		buf_puts(&b, target + 1);
		return b.data;
	}
	buf_puts(&b, "xl/");
	while (strncmp(target, "../", 3) == 0) {
		target += 3;
		buf_clear(&b);      /* xl/.. is the package root */
	}
	buf_puts(&b, target);
	if (!b.data)
		buf_puts(&b, "");
	return b.data;
}

static const struct relationship *rel_by_id(const struct reader *r, const char *id)
{
	for (size_t i = 0; i < r->rel_count; i++)
		if (strcmp(r->rels[i].id, id) == 0)
			return &r->rels[i];
	return NULL;
}

static const struct relationship *rel_by_type(const struct reader *r, const char *suffix)
{
	for (size_t i = 0; i < r->rel_count; i++)
		if (ends_with(r->rels[i].type, suffix))
			return &r->rels[i];
	return NULL;
}

static bool sheet_is_worksheet(const struct reader *r, const struct sheet_entry *s)
{
	const struct relationship *rel = rel_by_id(r, s->rel_id);
	return rel && ends_with(rel->type, "/worksheet");
}

/* "Blad1", "Blad2" (at most SHEET_LIST_MAX names) for error messages. */
static void sheet_list(const struct reader *r, struct buf *b)
{
	for (size_t i = 0; i < r->sheet_count && i < SHEET_LIST_MAX; i++)
		buf_printf(b, "%s\"%s\"", i ? ", " : "", r->sheets[i].name);
	if (r->sheet_count > SHEET_LIST_MAX)
		buf_puts(b, ", ...");
}

/* Picks the sheet opt->sheet asks for.  Returns its index or -1 (message printed). */
static long sheet_choose(struct reader *r)
{
	const char *want = r->opt->sheet;
	struct buf list = { 0 };
	long found = -1;
	if (r->sheet_count == 0) {
		reader_fail(r, EXIT_DATA, "the workbook has no sheets");
		return -1;
	}
	if (!want) {
		for (size_t i = 0; i < r->sheet_count && found < 0; i++)
			if (sheet_is_worksheet(r, &r->sheets[i]))
				found = (long)i;
		if (found < 0)
			reader_fail(r, EXIT_DATA, "the workbook has no worksheet");
		return found;
	}
	long long number = digits_parse(want, strlen(want));
	for (size_t i = 0; i < r->sheet_count && found < 0; i++)
		if (strcmp(r->sheets[i].name, want) == 0)
			found = (long)i;
	for (size_t i = 0; i < r->sheet_count && found < 0; i++)
		if (ascii_casecmp(r->sheets[i].name, want) == 0)
			found = (long)i;
	if (found < 0 && number >= 1 && (size_t)number <= r->sheet_count)
		found = (long)number - 1;
	if (found < 0) {
		sheet_list(r, &list);
		if (number >= 0)
			reader_fail(r, EXIT_DATA, "there is no sheet %s; the workbook has %zu: %s",
			            want, r->sheet_count, list.data);
		else
			reader_fail(r, EXIT_DATA, "no sheet named \"%s\"; the sheets are %s", want,
			            list.data);
	} else if (!sheet_is_worksheet(r, &r->sheets[found])) {
		reader_fail(r, EXIT_DATA, "sheet \"%s\" is not a worksheet (a chart or dialog "
		            "sheet?)", r->sheets[found].name);
		found = -1;
	}
	buf_free(&list);
	return found;
}

/* ---- sharedStrings.xml ------------------------------------------------------- */

static void XMLCALL strings_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	(void)atts;
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "si") == 0) {
		if (r->si_depth++ == 0) {
			if (r->string_count >= r->lim.shared_strings) {
				reader_fail(r, EXIT_DATA, "%s: more than %zu shared strings", r->part,
				            r->lim.shared_strings);
				return;
			}
			GROW(r->offsets, r->offset_cap, r->string_count + 2);
			r->offsets[r->string_count] = r->pool.len;
		}
	} else if (strcmp(n, "rPh") == 0) {
		r->phonetic_depth++;
	} else if (strcmp(n, "t") == 0 && r->si_depth > 0 && r->phonetic_depth == 0) {
		r->in_text = true;
	}
}

static void XMLCALL strings_end(void *ud, const XML_Char *el)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "t") == 0) {
		r->in_text = false;
	} else if (strcmp(n, "rPh") == 0) {
		if (r->phonetic_depth > 0)
			r->phonetic_depth--;
	} else if (strcmp(n, "si") == 0 && r->si_depth > 0 && --r->si_depth == 0) {
		size_t start = r->offsets[r->string_count];
		if (r->pool.data) {
			size_t len = xlsxcell_unescape(r->pool.data + start, r->pool.len - start);
			r->pool.len = start + len;
			r->pool.data[r->pool.len] = '\0';
		}
		r->string_count++;
		r->offsets[r->string_count] = r->pool.len;
	}
}

static void XMLCALL strings_text(void *ud, const XML_Char *s, int len)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	if (r->in_text)
		buf_append(&r->pool, s, (size_t)len);
}

/* ---- styles.xml -------------------------------------------------------------- */

static void XMLCALL styles_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "numFmt") == 0) {
		const char *id = attr_get(atts, "numFmtId");
		const char *code = attr_get(atts, "formatCode");
		long long v = id ? digits_parse(id, strlen(id)) : -1;
		if (v < 0)
			return;
		GROW(r->formats, r->format_cap, r->format_count + 1);
		r->formats[r->format_count].id = (long)v;
		r->formats[r->format_count].is_date = code && xlsxcell_format_is_date(code);
		r->format_count++;
	} else if (strcmp(n, "cellXfs") == 0) {
		r->in_cell_xfs = true;
	} else if (strcmp(n, "xf") == 0 && r->in_cell_xfs) {
		const char *id = attr_get(atts, "numFmtId");
		long long v = id ? digits_parse(id, strlen(id)) : 0;
		GROW(r->xf_format, r->xf_cap, r->xf_count + 1);
		r->xf_format[r->xf_count++] = (long)v;
	}
}

static void XMLCALL styles_end(void *ud, const XML_Char *el)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	if (strcmp(local_name(el), "cellXfs") == 0)
		r->in_cell_xfs = false;
}

/* Decides per cell style whether it shows a date, once the whole part is read
 * (a custom format may redefine a built-in id). */
static void styles_resolve(struct reader *r)
{
	r->xf_date = xcalloc(r->xf_count + 1, sizeof(*r->xf_date));
	for (size_t i = 0; i < r->xf_count; i++) {
		long id = r->xf_format[i];
		bool is_date = xlsxcell_builtin_is_date(id);
		for (size_t k = 0; k < r->format_count; k++)
			if (r->formats[k].id == id)
				is_date = r->formats[k].is_date;
		r->xf_date[i] = is_date;
	}
}

/* ---- putting it together ----------------------------------------------------- */

/* An optional part named by a workbook relationship of the given type, else by
 * its usual name (relative to xl/); parsed with the handlers when present. */
static int optional_part(struct reader *r, const char *type_suffix, const char *usual,
                         XML_StartElementHandler start, XML_EndElementHandler end,
                         XML_CharacterDataHandler text)
{
	const struct relationship *rel = rel_by_type(r, type_suffix);
	char *name = target_resolve(rel ? rel->target : usual);
	zip_int64_t idx = part_find(r, name);
	int status = idx < 0 ? 0 : part_parse(r, idx, name, r->lim.part_bytes, start, end,
	                                      text, false);
	free(name);
	return status;
}

int workbook_read(struct reader *r)
{
	zip_int64_t idx = part_find(r, "xl/workbook.xml");
	if (idx < 0) {
		if (part_find(r, "content.xml") >= 0)
			reader_fail(r, EXIT_DATA, "an OpenDocument spreadsheet (.ods) is not "
			            "supported; save it as .xlsx or CSV");
		else
			reader_fail(r, EXIT_DATA, "a ZIP file but not an Excel workbook (no "
			            "xl/workbook.xml)");
		return r->status;
	}
	if (part_parse(r, idx, "xl/workbook.xml", r->lim.part_bytes, workbook_start,
	               ignore_end, ignore_text, false))
		return r->status;
	idx = part_find(r, "xl/_rels/workbook.xml.rels");
	if (idx >= 0 && part_parse(r, idx, "xl/_rels/workbook.xml.rels", r->lim.part_bytes,
	                           rels_start, ignore_end, ignore_text, false))
		return r->status;
	long chosen = sheet_choose(r);
	if (chosen < 0)
		return r->status;
	const struct sheet_entry *sheet = &r->sheets[chosen];
	snprintf(r->sheet_name, sizeof(r->sheet_name), "%s", sheet->name);

	if (optional_part(r, "/sharedStrings", "sharedStrings.xml", strings_start,
	                  strings_end, strings_text))
		return r->status;
	r->si_depth = r->phonetic_depth = 0;
	r->in_text = false;
	if (optional_part(r, "/styles", "styles.xml", styles_start, styles_end, ignore_text))
		return r->status;
	styles_resolve(r);

	char *name = target_resolve(rel_by_id(r, sheet->rel_id)->target);
	idx = part_find(r, name);
	if (idx < 0)
		reader_fail(r, EXIT_DATA, "sheet \"%s\" is missing its part %s", sheet->name, name);
	else
		sheet_parse(r, idx, name);
	free(name);
	return r->failed ? r->status : 0;
}
