/* xlsx_book.c - the libxlsxwriter adapter of roi.xlsx (see xlsx_book.h): the
 * workbook and its formats, sheets and column widths, and the writing of cells.
 *
 * Privacy: only FIG_OK values are written as numbers; a suppressed figure is the
 * text "n<k", an undefined one the report language's "n/a".
 *
 * Text that came from the input files is always written as a string, never as a
 * formula, so "=HYPERLINK(...)" as a department name stays text.
 *
 * Byte-identical output: the workbook's created date is r->created (libxlsxwriter
 * writes every zip entry with a fixed date), and the whole write runs under a
 * thread-local "C" locale, because libxlsxwriter 1.1.4 formats numbers with printf
 * and writes "3,14" into the XML under a decimal-comma LC_NUMERIC. */
#include "xlsx_book.h"

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* ---- sheets, column widths and cells ------------------------------------------ */

void xlsx_note_error(struct xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
		x->error = e;
}

void xlsx_sheet_init(struct xlsx *x, struct sheet *s, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->ws = workbook_add_worksheet(x->wb, name);
	if (!s->ws) {
		xlsx_note_error(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	/* Printed, every sheet is A4 landscape and one page wide. */
	worksheet_set_landscape(s->ws);
	worksheet_set_paper(s->ws, 9);
	worksheet_fit_to_pages(s->ws, 1, 0);
}

static void sheet_grow(struct sheet *s, size_t col)
{
	if (col < s->ncols)
		return;
	size_t n = col + 16;
	s->width = xrealloc(s->width, n * sizeof(*s->width));
	s->overflow = xrealloc(s->overflow, n * sizeof(*s->overflow));
	for (size_t i = s->ncols; i < n; i++)
		s->width[i] = s->overflow[i] = 0;
	s->ncols = n;
}

static void sheet_fit(struct sheet *s, int col, double chars)
{
	if (col < 0)
		return;
	sheet_grow(s, (size_t)col);
	if (chars > s->width[col])
		s->width[col] = chars;
}

/* The width column c will get, in characters (Excel's default is 8.43). */
static double column_width(const struct sheet *s, size_t c)
{
	if (c >= s->ncols || s->width[c] <= 0)
		return 8.43;
	double w = s->width[c] + 2;
	return w < 8 ? 8 : w > 60 ? 60 : w;
}

/* Pixels of a column as Excel draws it with the default font. */
static double column_pixels(const struct sheet *s, size_t c)
{
	return column_width(s, c) * 7 + 5;
}

/* The first column right of every note of rows written so far in columns >= from,
 * with a small margin: where a chart can go without hiding text. */
int xlsx_column_after_notes(const struct sheet *s, size_t from)
{
	double right = 0, left = 0;
	for (size_t c = 0; c < s->ncols || c < from; c++) {
		if (c >= from && c < s->ncols && s->overflow[c] > 0) {
			double end = left + s->overflow[c] * 6.5;
			if (end > right)
				right = end;
		}
		left += column_pixels(s, c);
	}
	size_t c = 0;
	for (left = 0; left < right + 15; c++)
		left += column_pixels(s, c);
	return (int)(c > from ? c : from);
}

/* Sets every column to the width its content needs (Excel has no autofit on
 * load), then frees the width table. */
void xlsx_sheet_finish(struct sheet *s)
{
	for (size_t c = 0; c < s->ncols; c++)
		if (s->width[c] > 0)
			worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, column_width(s, c),
			                     NULL);
	free(s->width);
	free(s->overflow);
	s->width = s->overflow = NULL;
	s->ncols = 0;
}

static double text_width(const char *s)
{
	/* Wide enough for proportional fonts: 1.1 characters per code point. */
	return 1.1 * (double)utf8_length(s, strlen(s));
}

/* Characters a number needs in format kind. */
static double number_width(double v, enum kind kind)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%.0f", fabs(v));
	double w = (double)strlen(buf);
	w += (w - 1) / 3;                      /* thousands separators */
	if (v < 0)
		w += 1;
	switch (kind) {
	case K_COUNT:
		break;
	case K_DECIMAL:
		w += 2;
		break;
	case K_PERCENT:
		w += 4;
		break;
	case K_MONEY:
		w += 6;
		break;
	}
	return w;
}

/* Writes text that may have come from the input files.  libxlsxwriter escapes
 * control characters as _xHHHH_ but leaves a literal "_x0041_" alone, which Excel
 * would then show as "A"; such an underscore is written as _x005F_. */
void xlsx_put_text_fmt(struct xlsx *x, struct sheet *s, int row, int col, const char *text,
                       lxw_format *fmt, bool fit)
{
	if (!text || !*text)
		return;
	struct buf b = {0};
	for (const char *p = text; *p; p++) {
		if (p[0] == '_' && p[1] == 'x' && strspn(p + 2, "0123456789abcdefABCDEF") >= 4 &&
		    p[6] == '_')
			buf_puts(&b, "_x005F_");
		else
			buf_putc(&b, *p);
	}
	xlsx_note_error(x, worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, b.data,
	                                          fmt));
	if (fit) {
		sheet_fit(s, col, text_width(text));
	} else if (col >= 0) {
		sheet_grow(s, (size_t)col);
		if (text_width(text) > s->overflow[col])
			s->overflow[col] = text_width(text);
	}
	buf_free(&b);
}

void xlsx_put_text(struct xlsx *x, struct sheet *s, int row, int col, const char *text)
{
	xlsx_put_text_fmt(x, s, row, col, text, x->f.text, true);
}

/* A note: long text that may run over the empty cells to its right. */
void xlsx_put_note(struct xlsx *x, struct sheet *s, int row, int col, const char *text,
                   lxw_format *fmt)
{
	xlsx_put_text_fmt(x, s, row, col, text, fmt ? fmt : x->f.note, false);
}

void xlsx_put_number(struct xlsx *x, struct sheet *s, int row, int col, double v,
                     lxw_format *fmt, enum kind kind)
{
	/* A count or hours privacy hides: the cell stays empty (formulas read 0), so
	 * not even a placeholder that might equal the truth is in the file. */
	if (fmt == x->f.masked && v == 0) {
		xlsx_note_error(x, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)col, fmt));
		return;
	}
	xlsx_note_error(x, worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col, v, fmt));
	sheet_fit(s, col, number_width(v, kind));
}

/* A figure of the report: its value when FIG_OK, else "n<k" or "n/a". */
void xlsx_put_figure(struct xlsx *x, struct sheet *s, int row, int col,
                     const struct figure *fig, enum kind kind)
{
	switch (fig->status) {
	case FIG_OK:
		xlsx_put_number(x, s, row, col, fig->value, x->f.num[kind], kind);
		break;
	case FIG_SUPPRESSED:
		xlsx_put_text_fmt(x, s, row, col, x->suppressed, x->f.missing, true);
		break;
	case FIG_NA:
		xlsx_put_text_fmt(x, s, row, col, x->na, x->f.missing, true);
		break;
	}
}

/* A formula with a numeric cached result. */
void xlsx_put_formula(struct xlsx *x, struct sheet *s, int row, int col, const char *formula,
                      lxw_format *fmt, double cached, enum kind kind)
{
	xlsx_note_error(x, worksheet_write_formula_num(s->ws, (lxw_row_t)row, (lxw_col_t)col,
	                                               formula, fmt, cached));
	sheet_fit(s, col, number_width(cached, kind));
}

/* A formula whose result may be "n/a" (a figure that is not FIG_OK). */
void xlsx_put_formula_figure(struct xlsx *x, struct sheet *s, int row, int col,
                             const char *formula, lxw_format *fmt,
                             const struct figure *cached, enum kind kind)
{
	if (cached->status == FIG_OK) {
		xlsx_put_formula(x, s, row, col, formula, fmt, cached->value, kind);
		return;
	}
	xlsx_note_error(x, worksheet_write_formula_str(s->ws, (lxw_row_t)row, (lxw_col_t)col,
	                                               formula, fmt, x->na));
	sheet_fit(s, col, text_width(x->na));
}

void xlsx_cell_abs(char *out, size_t outsz, int row, int col)
{
	char tmp[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell_abs(tmp, (lxw_row_t)row, (lxw_col_t)col, 1, 1);
	snprintf(out, outsz, "%s", tmp);
}

/* "B7" */
void xlsx_cell_rel(char *out, size_t outsz, int row, int col)
{
	char tmp[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell(tmp, (lxw_row_t)row, (lxw_col_t)col);
	snprintf(out, outsz, "%s", tmp);
}

/* "'Sheet name'!$B$7:$B$9": a sheet reference for charts and defined names. */
void xlsx_sheet_range(char *out, size_t outsz, const char *sheet, int row1, int col1,
                      int row2, int col2)
{
	struct buf b = {0};
	buf_putc(&b, '\'');
	for (const char *p = sheet; *p; p++) {
		if (*p == '\'')
			buf_putc(&b, '\'');
		buf_putc(&b, *p);
	}
	buf_puts(&b, "'!");
	char a[LXW_MAX_CELL_NAME_LENGTH], c[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell_abs(a, (lxw_row_t)row1, (lxw_col_t)col1, 1, 1);
	buf_puts(&b, a);
	if (row2 != row1 || col2 != col1) {
		lxw_rowcol_to_cell_abs(c, (lxw_row_t)row2, (lxw_col_t)col2, 1, 1);
		buf_printf(&b, ":%s", c);
	}
	snprintf(out, outsz, "%s", b.data);
	buf_free(&b);
}

/* A string literal for a formula: "..." with inner quotes doubled. */
void xlsx_formula_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

void xlsx_define_name(struct xlsx *x, const char *name, const char *sheet, int row, int col)
{
	char ref[160];
	char formula[170];
	xlsx_sheet_range(ref, sizeof(ref), sheet, row, col, row, col);
	snprintf(formula, sizeof(formula), "=%s", ref);
	xlsx_note_error(x, workbook_define_name(x->wb, name, formula));
}

/* Fills the blank {1} of a translated text with the minimum group size. */
void xlsx_with_k(char *out, size_t outsz, const char *text, int k)
{
	struct buf b = {0};
	for (const char *p = text; *p;) {
		if (strncmp(p, "{1}", 3) == 0) {
			buf_printf(&b, "%d", k);
			p += 3;
		} else {
			buf_putc(&b, *p++);
		}
	}
	snprintf(out, outsz, "%s", b.data ? b.data : "");
	buf_free(&b);
}

void xlsx_put_title(struct xlsx *x, struct sheet *s, const char *key)
{
	const struct report *r = x->r;
	char title[512];
	snprintf(title, sizeof(title), "%s \xE2\x80\x94 %s \xE2\x80\x94 %d-Q%d", tr(x->lang, key),
	         r->set.org_name, r->year, r->quarter);
	xlsx_put_note(x, s, 0, 0, title, x->f.title);
	worksheet_set_row(s->ws, 0, 22, NULL);
}

/* The statement that the survey cannot be reported (§5), on row `row`, wrapped over
 * the first four columns so that it also prints whole. */
void xlsx_put_survey_statement(struct xlsx *x, struct sheet *s, int row)
{
	char text[512];
	xlsx_with_k(text, sizeof(text), tr(x->lang, "xlsx.survey_suppressed"), x->r->min_group_size);
	xlsx_note_error(x, worksheet_merge_range(s->ws, (lxw_row_t)row, 0, (lxw_row_t)row, 3, text,
	                                         x->f.warning));
	worksheet_set_row(s->ws, (lxw_row_t)row, 45, NULL);
}

/* An Excel table (autofilter, banded rows) over rows first_row (header) to
 * first_row + nrows, with the given headers; the data cells are written by the
 * caller.  A table needs at least one data row: without rows the header is written
 * as plain cells and `empty_key`'s text below it. */
void xlsx_add_table(struct xlsx *x, struct sheet *s, const char *name, int first_row,
                    int first_col, int nrows, const char *const *headers, int ncols,
                    const char *empty_key)
{
	for (int c = 0; c < ncols; c++)
		sheet_fit(s, first_col + c, text_width(headers[c]) + 3);   /* + filter button */
	if (nrows == 0) {
		for (int c = 0; c < ncols; c++)
			xlsx_put_text_fmt(x, s, first_row, first_col + c, headers[c], x->f.header, false);
		xlsx_put_note(x, s, first_row + 1, first_col, tr(x->lang, empty_key), NULL);
		return;
	}
	lxw_table_column *cols = xcalloc((size_t)ncols, sizeof(*cols));
	lxw_table_column **ptrs = xcalloc((size_t)ncols + 1, sizeof(*ptrs));
	for (int c = 0; c < ncols; c++) {
		cols[c].header = (char *)headers[c];
		ptrs[c] = &cols[c];
	}
	lxw_table_options opt = {
		.name = (char *)name,
		.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM,
		.style_type_number = 2,
		.columns = ptrs,
	};
	xlsx_note_error(x, worksheet_add_table(s->ws, (lxw_row_t)first_row, (lxw_col_t)first_col,
	                                       (lxw_row_t)(first_row + nrows),
	                                       (lxw_col_t)(first_col + ncols - 1), &opt));
	free(ptrs);
	free(cols);
}

/* ---- formats ----------------------------------------------------------------- */

/* The money format: symbol before (nl, en) or after (de) the amount, as the PDF. */
static void money_format(char *out, size_t outsz, enum lang lang, const char *currency)
{
	const char *symbol = currency_symbol(currency);
	struct buf sym = {0};
	xlsx_formula_string(&sym, symbol ? symbol : currency);
	switch (lang) {
	case LANG_DE:
		snprintf(out, outsz, "#,##0.00 %s;-#,##0.00 %s", sym.data, sym.data);
		break;
	case LANG_NL:
		snprintf(out, outsz, "%s #,##0.00;%s -#,##0.00", sym.data, sym.data);
		break;
	case LANG_EN:
		snprintf(out, outsz, "%s#,##0.00;-%s#,##0.00", sym.data, sym.data);
		break;
	}
	buf_free(&sym);
}

static void formats_init(struct xlsx *x)
{
	struct formats *f = &x->f;
	lxw_workbook *wb = x->wb;
	char money[96];
	money_format(money, sizeof(money), x->lang, x->r->set.currency);
	const char *num_format[4] = { "0", "0.0", "0.0%", money };

	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	format_set_font_color(f->title, 0x1F3A5F);

	f->note = workbook_add_format(wb);
	format_set_italic(f->note);
	format_set_font_color(f->note, 0x6B7280);

	f->warning = workbook_add_format(wb);
	format_set_bold(f->warning);
	format_set_font_color(f->warning, 0xC62828);
	format_set_text_wrap(f->warning);
	format_set_align(f->warning, LXW_ALIGN_VERTICAL_TOP);

	f->heading = workbook_add_format(wb);
	format_set_bold(f->heading);
	format_set_font_size(f->heading, 12);
	format_set_font_color(f->heading, 0x1F3A5F);
	format_set_bottom(f->heading, LXW_BORDER_THIN);
	format_set_bottom_color(f->heading, 0x1F3A5F);

	f->header = workbook_add_format(wb);
	format_set_bold(f->header);
	format_set_font_color(f->header, LXW_COLOR_WHITE);
	format_set_bg_color(f->header, 0x1F3A5F);
	f->header_num = workbook_add_format(wb);
	format_set_bold(f->header_num);
	format_set_font_color(f->header_num, LXW_COLOR_WHITE);
	format_set_bg_color(f->header_num, 0x1F3A5F);
	format_set_align(f->header_num, LXW_ALIGN_RIGHT);

	f->label_bold = workbook_add_format(wb);
	format_set_bold(f->label_bold);
	f->text = workbook_add_format(wb);

	f->missing = workbook_add_format(wb);
	format_set_align(f->missing, LXW_ALIGN_RIGHT);
	format_set_font_color(f->missing, 0x6B7280);
	char masked[48];
	snprintf(masked, sizeof(masked), "\"%s\"", x->suppressed);
	f->band = workbook_add_format(wb);
	format_set_num_format(f->band, "\"\xE2\x89\xA5 \"0%");
	format_set_align(f->band, LXW_ALIGN_RIGHT);
	f->masked = workbook_add_format(wb);
	format_set_num_format(f->masked, masked);
	format_set_align(f->masked, LXW_ALIGN_RIGHT);
	format_set_font_color(f->masked, 0x6B7280);

	for (int k = 0; k < 4; k++) {
		f->num[k] = workbook_add_format(wb);
		format_set_num_format(f->num[k], num_format[k]);
		format_set_align(f->num[k], LXW_ALIGN_RIGHT);   /* also a text result */

		f->strong[k] = workbook_add_format(wb);
		format_set_num_format(f->strong[k], num_format[k]);
		format_set_bold(f->strong[k]);
		format_set_align(f->strong[k], LXW_ALIGN_RIGHT);

		f->total[k] = workbook_add_format(wb);
		format_set_num_format(f->total[k], num_format[k]);
		format_set_bold(f->total[k]);
		format_set_top(f->total[k], LXW_BORDER_THIN);
		format_set_align(f->total[k], LXW_ALIGN_RIGHT);

		/* Inputs look like inputs: pale yellow, blue figures, a thin border, and
		 * unlocked so that protecting the sheet keeps them editable. */
		f->input[k] = workbook_add_format(wb);
		format_set_num_format(f->input[k], num_format[k]);
		format_set_bg_color(f->input[k], 0xFFF2CC);
		format_set_font_color(f->input[k], 0x1F4E9C);
		format_set_border(f->input[k], LXW_BORDER_THIN);
		format_set_border_color(f->input[k], 0xBF9000);
		format_set_align(f->input[k], LXW_ALIGN_RIGHT);
		format_set_unlocked(f->input[k]);
	}
}

/* Data validation of an input cell: a number >= 0, or between min and max. */
void xlsx_validate(struct xlsx *x, struct sheet *s, int row, int col, bool range,
                   double min, double max, const char *message_key)
{
	lxw_data_validation v = {0};
	v.validate = LXW_VALIDATION_TYPE_DECIMAL;
	if (range) {
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = min;
		v.maximum_number = max;
	} else {
		v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		v.value_number = min;
	}
	v.show_input = LXW_VALIDATION_ON;
	v.show_error = LXW_VALIDATION_ON;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	v.input_title = (char *)tr(x->lang, "xlsx.validation.title");
	v.input_message = (char *)tr(x->lang, message_key);
	v.error_title = (char *)tr(x->lang, "xlsx.validation.title");
	v.error_message = (char *)tr(x->lang, message_key);
	xlsx_note_error(x, worksheet_data_validation_cell(s->ws, (lxw_row_t)row, (lxw_col_t)col, &v));
}

/* ---- the workbook ------------------------------------------------------------- */

int xlsx_book_open(struct xlsx *x, const struct report *r, const char *path)
{
	memset(x, 0, sizeof(*x));
	x->r = r;
	x->lang = r->set.language;

	/* Thread-local "C" numbers for libxlsxwriter's printf (see the top of the file);
	 * thread-local so batch workers do not disturb each other. */
	x->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	x->previous_locale = (locale_t)0;
	if (x->c_locale != (locale_t)0)
		x->previous_locale = uselocale(x->c_locale);

	lxw_workbook_options options = { .constant_memory = LXW_FALSE };
	x->wb = workbook_new_opt(path, &options);
	if (!x->wb)
		return -1;

	char title[512];
	snprintf(title, sizeof(title), "%s \xE2\x80\x94 %s \xE2\x80\x94 %d-Q%d",
	         tr(x->lang, "xlsx.title.roi"), r->set.org_name, r->year, r->quarter);
	lxw_doc_properties props = {
		.title = title,
		.company = r->set.org_name,
		.author = r->set.prepared_by ? r->set.prepared_by : (char *)"aireport",
		.created = r->created,
	};
	xlsx_note_error(x, workbook_set_properties(x->wb, &props));
	snprintf(x->suppressed, sizeof(x->suppressed), "n<%d", r->min_group_size);
	formats_init(x);
	x->na = tr(x->lang, "xlsx.na");
	snprintf(x->weeks, sizeof(x->weeks), "(%d/7)", r->days);
	return 0;
}

int xlsx_book_close(struct xlsx *x)
{
	int status = -1;
	if (x->wb) {
		lxw_error e = workbook_close(x->wb);   /* frees the workbook, also on error */
		x->wb = NULL;
		xlsx_note_error(x, e);
		status = x->error == LXW_NO_ERROR ? 0 : -1;
	}
	if (x->c_locale != (locale_t)0) {
		uselocale(x->previous_locale);
		freelocale(x->c_locale);
		x->c_locale = (locale_t)0;
	}
	return status;
}

const char *xlsx_book_error(const struct xlsx *x)
{
	return x->error != LXW_NO_ERROR ? lxw_strerror(x->error) : "out of memory";
}
