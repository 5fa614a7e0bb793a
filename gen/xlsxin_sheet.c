/* xlsxin_sheet.c - the worksheet's XML (xlsxin_sheet.h): rows and cells as they
 * stream by, each cell's text as a CSV export of the sheet shows it (shared and
 * inline strings, numbers, booleans, errors, dates by their style), and one
 * record per row handed to the caller. */
#include "xlsxin_sheet.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xlsxcell.h"

/* The elements of a sheet the reader looks at, by local name: compared without a
 * call, as they come by several times per cell. */
enum element { EL_OTHER, EL_ROW, EL_C, EL_V, EL_IS, EL_RPH, EL_T };

static enum element element_of(const char *n)
{
	switch (n[0]) {
	case 'r':
		if (n[1] == 'o' && n[2] == 'w' && !n[3])
			return EL_ROW;
		return n[1] == 'P' && n[2] == 'h' && !n[3] ? EL_RPH : EL_OTHER;
	case 'c':
		return n[1] ? EL_OTHER : EL_C;
	case 'v':
		return n[1] ? EL_OTHER : EL_V;
	case 'i':
		return n[1] == 's' && !n[2] ? EL_IS : EL_OTHER;
	case 't':
		return n[1] ? EL_OTHER : EL_T;
	default:
		return EL_OTHER;
	}
}

/* The open elements, as their enum element: an end tag closes the element of
 * its start tag (expat checks that), so its name need not be read again. */
static void open_element(struct reader *r, enum element e)
{
	GROW(r->open_elements, r->open_cap, r->open_depth + 1);
	r->open_elements[r->open_depth++] = (unsigned char)e;
}

static enum element close_element(struct reader *r)
{
	return r->open_depth ? (enum element)r->open_elements[--r->open_depth] : EL_OTHER;
}

/* A cell's attributes r, t and s (local names of one letter), in one pass. */
static void cell_attrs(const char **atts, const char **ref, const char **t, const char **s)
{
	*ref = *t = *s = NULL;
	for (size_t i = 0; atts[i]; i += 2) {
		const char *n = atts[i];
		if (n[0] && !n[1]) {
			if (n[0] == 'r' && !*ref)
				*ref = atts[i + 1];
			else if (n[0] == 't' && !*t)
				*t = atts[i + 1];
			else if (n[0] == 's' && !*s)
				*s = atts[i + 1];
			continue;
		}
		n = local_name(n);
		if (strcmp(n, "r") == 0 && !*ref)
			*ref = atts[i + 1];
		else if (strcmp(n, "t") == 0 && !*t)
			*t = atts[i + 1];
		else if (strcmp(n, "s") == 0 && !*s)
			*s = atts[i + 1];
	}
}

void XMLCALL sheet_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	enum element e = element_of(local_name(el));
	open_element(r, e);
	if (e == EL_ROW) {
		const char *v = attr_get(atts, "r");
		long long row = v ? digits_parse(v, strlen(v)) : r->last_row + 1;
		r->in_row = true;
		r->cell_count = 0;
		buf_clear(&r->row_text);
		r->next_column = 0;
		r->column = 0;
		if (row < 1 || row > XLSXIN_MAX_ROWS) {
			reader_fail(r, EXIT_DATA, "%s:%lu: row number \"%s\" is not 1 to %ld",
			            r->part, (unsigned long)XML_GetCurrentLineNumber(r->parser),
			            v ? v : "", XLSXIN_MAX_ROWS);
			return;
		}
		if (row <= r->last_row) {
			reader_fail(r, EXIT_DATA, "%s:%lu: row %lld comes after row %ld", r->part,
			            (unsigned long)XML_GetCurrentLineNumber(r->parser), row,
			            r->last_row);
			return;
		}
		r->row = (long)row;
		r->last_row = (long)row;
	} else if (e == EL_C && r->in_row) {
		const char *ref, *t, *s;
		cell_attrs(atts, &ref, &t, &s);
		int col = ref ? xlsxcell_ref_column(ref) : r->next_column;
		if (col < 0 || col >= XLSXCELL_MAX_COLUMNS) {
			reader_fail(r, EXIT_DATA, "%s:%lu: cell reference \"%s\" is not A to XFD "
			            "followed by a row number", r->part,
			            (unsigned long)XML_GetCurrentLineNumber(r->parser),
			            ref ? ref : "");
			return;
		}
		if (col < r->next_column) {
			/* Excel writes cells left to right; allowing repeats would let one
			 * row hold millions of cells. */
			char prev[24];
			xlsxcell_ref(r->row, r->next_column - 1, prev);
			reader_fail(r, EXIT_DATA, "%s:%lu: cell %s is out of order (after %s)",
			            r->part, (unsigned long)XML_GetCurrentLineNumber(r->parser),
			            ref, prev);
			return;
		}
		r->in_cell = true;
		r->column = col;
		r->next_column = col + 1;
		r->cell_style = s ? (long)digits_parse(s, strlen(s)) : 0;
		r->cell_type = CELL_NUMBER;
		if (!t || strcmp(t, "n") == 0)
			r->cell_type = CELL_NUMBER;
		else if (strcmp(t, "s") == 0)
			r->cell_type = CELL_SHARED;
		else if (strcmp(t, "inlineStr") == 0)
			r->cell_type = CELL_INLINE;
		else if (strcmp(t, "str") == 0)
			r->cell_type = CELL_FORMULA_STRING;
		else if (strcmp(t, "b") == 0)
			r->cell_type = CELL_BOOL;
		else if (strcmp(t, "e") == 0)
			r->cell_type = CELL_ERROR;
		else
			r->cell_type = CELL_DATE_TEXT;    /* "d": an ISO 8601 text */
		buf_clear(&r->value);
	} else if (!r->in_cell) {
		return;
	} else if (e == EL_V) {
		r->in_value = true;
	} else if (e == EL_IS) {
		r->in_inline = true;
	} else if (e == EL_RPH) {
		r->phonetic_depth++;
	} else if (e == EL_T && r->in_inline && r->phonetic_depth == 0) {
		r->in_text = true;
	}
}

static void sheet_text_check(struct reader *r)
{
	if (r->row_text.len + r->value.len > CSVIN_MAX_RECORD_BYTES) {
		char msg[96];
		snprintf(msg, sizeof(msg), "row %ld holds more than %zu MiB of text", r->row,
		         CSVIN_MAX_RECORD_BYTES >> 20);
		reader_fail_cell(r, msg);
	}
}

void XMLCALL sheet_text(void *ud, const XML_Char *s, int len)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	if (r->in_value || r->in_text) {
		buf_append(&r->value, s, (size_t)len);
		sheet_text_check(r);
	}
}

/* The text a finished cell shows, into r->value; false for an empty cell. */
static bool cell_finish(struct reader *r, bool *quoted)
{
	char out[40];
	const char *v = r->value.data ? r->value.data : "";
	*quoted = false;
	switch (r->cell_type) {
	case CELL_SHARED: {
		size_t n = r->value.len;
		while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\n' || v[n - 1] == '\r'))
			n--;
		long long i = digits_parse(v, n);
		if (i < 0 || (unsigned long long)i >= r->string_count) {
			char msg[96];
			snprintf(msg, sizeof(msg), "shared string %.20s does not exist (the workbook "
			         "has %zu)", v, r->string_count);
			reader_fail_cell(r, msg);
			return false;
		}
		size_t start = r->offsets[i], end = r->offsets[i + 1];
		buf_clear(&r->value);
		if (end > start)      /* pool.data is NULL when every string is empty */
			buf_append(&r->value, r->pool.data + start, end - start);
		*quoted = true;
		break;
	}
	case CELL_INLINE:
	case CELL_FORMULA_STRING:
		if (r->value.data) {
			r->value.len = xlsxcell_unescape(r->value.data, r->value.len);
			r->value.data[r->value.len] = '\0';
		}
		*quoted = true;
		break;
	case CELL_BOOL:
		if (strcmp(v, "1") == 0 || strcmp(v, "0") == 0) {
			bool b = v[0] == '1';
			buf_clear(&r->value);
			buf_puts(&r->value, b ? "TRUE" : "FALSE");
		}
		break;
	case CELL_ERROR:
	case CELL_DATE_TEXT:
		break;
	case CELL_NUMBER: {
		bool is_date = r->cell_style >= 0 && (size_t)r->cell_style < r->xf_count &&
		               r->xf_date[r->cell_style];
		if (!is_date && xlsxcell_plain_integer(v, r->value.len))
			break;                   /* shown as it is written */
		double x;
		if (!xlsxcell_parse_number(v, &x))
			break;                   /* not a number: keep the text as it is */
		if (!is_date || !xlsxcell_format_serial(x, r->date1904, out))
			xlsxcell_format_number(x, out);
		buf_clear(&r->value);
		buf_puts(&r->value, out);
		break;
	}
	}
	return r->value.len > 0;
}

static void row_emit(struct reader *r)
{
	if (r->cell_count == 0)
		return;
	size_t count = 0;
	for (size_t i = 0; i < r->cell_count; i++)
		if ((size_t)r->cells[i].column + 1 > count)
			count = (size_t)r->cells[i].column + 1;
	if (r->opt->pad_to_header && count < r->header_count)
		count = r->header_count;
	GROW(r->fields, r->field_cap, count);
	for (size_t i = 0; i < count; i++)
		r->fields[i] = (struct csv_field){ .data = "", .len = 0, .quoted = false };
	for (size_t i = 0; i < r->cell_count; i++) {
		const struct row_cell *c = &r->cells[i];
		r->fields[c->column] = (struct csv_field){ .data = r->row_text.data + c->offset,
		                                           .len = c->len, .quoted = c->quoted };
	}
	if (r->records == 0)
		r->header_count = count;
	struct csv_record rec = { .line = r->row, .count = count, .fields = r->fields };
	r->records++;
	if (r->row <= r->skip_through)
		return;                  /* handed over by the scanner's pass (xlsxin_scan.c) */
	r->emitted_through = r->row;
	if (r->fn(&rec, r->ctx) != 0) {
		r->stopped = true;
		XML_StopParser(r->parser, XML_FALSE);
	}
}

void XMLCALL sheet_end(void *ud, const XML_Char *el)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	(void)el;
	enum element e = close_element(r);
	if (e == EL_ROW && r->in_row) {
		r->in_row = false;
		row_emit(r);
	} else if (!r->in_cell) {
		return;
	} else if (e == EL_C) {
		r->in_cell = r->in_value = r->in_inline = r->in_text = false;
		r->phonetic_depth = 0;
		bool quoted;
		if (!cell_finish(r, &quoted) || r->failed)
			return;
		sheet_text_check(r);
		if (r->failed)
			return;
		GROW(r->cells, r->cell_cap, r->cell_count + 1);
		r->cells[r->cell_count++] = (struct row_cell){ .column = r->column,
		                                               .offset = r->row_text.len,
		                                               .len = r->value.len,
		                                               .quoted = quoted };
		buf_append(&r->row_text, r->value.data, r->value.len);
		buf_putc(&r->row_text, '\0');
	} else if (e == EL_V) {
		r->in_value = false;
	} else if (e == EL_IS) {
		r->in_inline = false;
	} else if (e == EL_RPH) {
		if (r->phonetic_depth > 0)
			r->phonetic_depth--;
	} else if (e == EL_T) {
		r->in_text = false;
	}
}
