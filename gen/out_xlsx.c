/* out_xlsx.c - roi.xlsx (SPEC §8), the workbook finance works with.
 *
 * The only file that includes <xlsxwriter.h>.  The ROI sheet is a live model: hourly
 * rates, realisation, costs and saved hours are input cells, and every derived figure
 * is a formula over them.  Each formula is written with its cached result, because
 * LibreOffice does not recalculate on load and would show 0.  The cached results are
 * computed here with the same arithmetic as the formulas, from the parts the report
 * model carries, so a recalculation changes nothing (the tests check that they equal
 * metrics.csv).  The other sheets show the report's figures as they are.
 *
 * Privacy: only FIG_OK values are written as numbers; a suppressed figure is the
 * text "n<k", an undefined one the report language's "n/a".  Use cases whose figures
 * are suppressed appear on the ROI sheet only as one summed row, so no suppressed use
 * case can be read there.  When the survey cannot be reported, no survey-based figure
 * is written and the sheets say why.
 *
 * Text that came from the input files is always written as a string, never as a
 * formula, so "=HYPERLINK(...)" as a department name stays text.
 *
 * Byte-identical output: the workbook's created date is r->created (libxlsxwriter
 * writes every zip entry with a fixed date), and the whole write runs under a
 * thread-local "C" locale, because libxlsxwriter 1.1.4 formats numbers with printf
 * and writes "3,14" into the XML under a decimal-comma LC_NUMERIC. */
#include "out_xlsx.h"

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "i18n.h"
#include "tie.h"
#include "util.h"

/* ---- formats and writing helpers ------------------------------------------- */

enum kind { K_COUNT, K_DECIMAL, K_PERCENT, K_MONEY };

struct formats {
	lxw_format *title, *note, *warning, *heading, *header, *header_num, *label_bold, *text;
	lxw_format *num[4];          /* by enum kind */
	lxw_format *strong[4];       /* results */
	lxw_format *total[4];        /* total rows: bold under a rule */
	lxw_format *input[4];        /* editable input cells */
	lxw_format *missing;         /* "n<k" and "n/a" */
};

/* One worksheet and the widths its columns need, in characters. */
struct sheet {
	lxw_worksheet *ws;
	const char *name;
	double *width;
	double *overflow;            /* longest note starting in each column */
	size_t ncols;
};

struct xlsx {
	const struct report *r;
	enum lang lang;
	lxw_workbook *wb;
	struct formats f;
	char suppressed[24];         /* "n<5" */
	const char *na;              /* "n/a" in the report language */
	lxw_error error;             /* first error libxlsxwriter reported */

	char weeks[32];              /* W = D / 7 written as a formula term, "(92/7)" */
};

static void note_error(struct xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
		x->error = e;
}

static void sheet_init(struct xlsx *x, struct sheet *s, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->ws = workbook_add_worksheet(x->wb, name);
	if (!s->ws) {
		note_error(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
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
static int column_after_notes(const struct sheet *s, size_t from)
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
static void sheet_finish(struct sheet *s)
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
static void put_text_fmt(struct xlsx *x, struct sheet *s, int row, int col, const char *text,
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
	note_error(x, worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, b.data, fmt));
	if (fit) {
		sheet_fit(s, col, text_width(text));
	} else if (col >= 0) {
		sheet_grow(s, (size_t)col);
		if (text_width(text) > s->overflow[col])
			s->overflow[col] = text_width(text);
	}
	buf_free(&b);
}

static void put_text(struct xlsx *x, struct sheet *s, int row, int col, const char *text)
{
	put_text_fmt(x, s, row, col, text, x->f.text, true);
}

/* A note: long text that may run over the empty cells to its right. */
static void put_note(struct xlsx *x, struct sheet *s, int row, int col, const char *text,
                     lxw_format *fmt)
{
	put_text_fmt(x, s, row, col, text, fmt ? fmt : x->f.note, false);
}

static void put_number(struct xlsx *x, struct sheet *s, int row, int col, double v,
                       lxw_format *fmt, enum kind kind)
{
	note_error(x, worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col, v, fmt));
	sheet_fit(s, col, number_width(v, kind));
}

/* A figure of the report: its value when FIG_OK, else "n<k" or "n/a". */
static void put_figure(struct xlsx *x, struct sheet *s, int row, int col,
                       const struct figure *fig, enum kind kind)
{
	switch (fig->status) {
	case FIG_OK:
		put_number(x, s, row, col, fig->value, x->f.num[kind], kind);
		break;
	case FIG_SUPPRESSED:
		put_text_fmt(x, s, row, col, x->suppressed, x->f.missing, true);
		break;
	case FIG_NA:
		put_text_fmt(x, s, row, col, x->na, x->f.missing, true);
		break;
	}
}

/* A formula with a numeric cached result. */
static void put_formula(struct xlsx *x, struct sheet *s, int row, int col, const char *formula,
                        lxw_format *fmt, double cached, enum kind kind)
{
	note_error(x, worksheet_write_formula_num(s->ws, (lxw_row_t)row, (lxw_col_t)col,
	                                          formula, fmt, cached));
	sheet_fit(s, col, number_width(cached, kind));
}

/* A formula whose result may be "n/a" (a figure that is not FIG_OK). */
static void put_formula_figure(struct xlsx *x, struct sheet *s, int row, int col,
                               const char *formula, lxw_format *fmt,
                               const struct figure *cached, enum kind kind)
{
	if (cached->status == FIG_OK) {
		put_formula(x, s, row, col, formula, fmt, cached->value, kind);
		return;
	}
	note_error(x, worksheet_write_formula_str(s->ws, (lxw_row_t)row, (lxw_col_t)col,
	                                          formula, fmt, x->na));
	sheet_fit(s, col, text_width(x->na));
}

static void cell_abs(char *out, size_t outsz, int row, int col)
{
	char tmp[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell_abs(tmp, (lxw_row_t)row, (lxw_col_t)col, 1, 1);
	snprintf(out, outsz, "%s", tmp);
}

/* "B7" */
static void cell_rel(char *out, size_t outsz, int row, int col)
{
	char tmp[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell(tmp, (lxw_row_t)row, (lxw_col_t)col);
	snprintf(out, outsz, "%s", tmp);
}

/* "'Sheet name'!$B$7:$B$9": a sheet reference for charts and defined names. */
static void sheet_range(char *out, size_t outsz, const char *sheet, int row1, int col1,
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
static void formula_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

static void define_name(struct xlsx *x, const char *name, const char *sheet, int row, int col)
{
	char ref[160];
	char formula[170];
	sheet_range(ref, sizeof(ref), sheet, row, col, row, col);
	snprintf(formula, sizeof(formula), "=%s", ref);
	note_error(x, workbook_define_name(x->wb, name, formula));
}

/* Fills the blank {1} of a translated text with the minimum group size. */
static void with_k(char *out, size_t outsz, const char *text, int k)
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

static void put_title(struct xlsx *x, struct sheet *s, const char *key)
{
	const struct report *r = x->r;
	char title[512];
	snprintf(title, sizeof(title), "%s \xE2\x80\x94 %s \xE2\x80\x94 %d-Q%d", tr(x->lang, key),
	         r->set.org_name, r->year, r->quarter);
	put_note(x, s, 0, 0, title, x->f.title);
	worksheet_set_row(s->ws, 0, 22, NULL);
}

/* The statement that the survey cannot be reported (§5), on row `row`, wrapped over
 * the first four columns so that it also prints whole. */
static void put_survey_statement(struct xlsx *x, struct sheet *s, int row)
{
	char text[512];
	with_k(text, sizeof(text), tr(x->lang, "xlsx.survey_suppressed"), x->r->min_group_size);
	note_error(x, worksheet_merge_range(s->ws, (lxw_row_t)row, 0, (lxw_row_t)row, 3, text,
	                                    x->f.warning));
	worksheet_set_row(s->ws, (lxw_row_t)row, 45, NULL);
}

/* An Excel table (autofilter, banded rows) over rows first_row (header) to
 * first_row + nrows, with the given headers; the data cells are written by the
 * caller.  A table needs at least one data row: without rows the header is written
 * as plain cells and `empty_key`'s text below it. */
static void add_table(struct xlsx *x, struct sheet *s, const char *name, int first_row,
                      int first_col, int nrows, const char *const *headers, int ncols,
                      const char *empty_key)
{
	for (int c = 0; c < ncols; c++)
		sheet_fit(s, first_col + c, text_width(headers[c]) + 3);   /* + filter button */
	if (nrows == 0) {
		for (int c = 0; c < ncols; c++)
			put_text_fmt(x, s, first_row, first_col + c, headers[c], x->f.header, false);
		put_note(x, s, first_row + 1, first_col, tr(x->lang, empty_key), NULL);
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
	note_error(x, worksheet_add_table(s->ws, (lxw_row_t)first_row, (lxw_col_t)first_col,
	                                  (lxw_row_t)(first_row + nrows),
	                                  (lxw_col_t)(first_col + ncols - 1), &opt));
	free(ptrs);
	free(cols);
}

/* ---- formats ----------------------------------------------------------------- */

static const char *currency_symbol(const char *code)
{
	if (strcmp(code, "EUR") == 0)
		return "\xE2\x82\xAC";
	if (strcmp(code, "USD") == 0)
		return "$";
	if (strcmp(code, "GBP") == 0)
		return "\xC2\xA3";
	return code;
}

/* The money format: symbol before (nl, en) or after (de) the amount, as the PDF. */
static void money_format(char *out, size_t outsz, enum lang lang, const char *currency)
{
	struct buf sym = {0};
	formula_string(&sym, currency_symbol(currency));
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
static void validate(struct xlsx *x, struct sheet *s, int row, int col, bool range,
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
	note_error(x, worksheet_data_validation_cell(s->ws, (lxw_row_t)row, (lxw_col_t)col, &v));
}

/* ---- ROI sheet: the live model ---------------------------------------------- */

/* "Default", "Role: Consultant", "Department: Service". */
static void class_label(char *out, size_t outsz, enum lang lang, const struct rate_class *rc)
{
	switch (rc->kind) {
	case RATE_DEFAULT:
		snprintf(out, outsz, "%s", tr(lang, "xlsx.class.default"));
		break;
	case RATE_ROLE:
		snprintf(out, outsz, "%s: %s", tr(lang, "xlsx.class.role"), rc->name);
		break;
	case RATE_DEPARTMENT:
		snprintf(out, outsz, "%s: %s", tr(lang, "xlsx.class.department"), rc->name);
		break;
	}
}

/* Rows and columns of the ROI sheet, decided before anything is written because the
 * results refer to the tables below them. */
struct roi_layout {
	size_t classes;                          /* C */
	int rate_row;                            /* first rate input; class c at +c */
	int realisation_row, training_row, licence_row, fixed_row;
	int trainees_row, active_row;
	int results_row;                         /* hours; value, costs, roi... follow */
	int uc_header_row, uc_rate_row, uc_first_row, uc_rows, uc_total_row;
	int month_header_row, month_first_row;
	int sens_row;
	/* columns of the use-case table: A name, B.. classes, then: */
	int uc_hours_col, uc_gross_col, uc_value_col;
	/* columns of the monthly table: A month, B.. classes, then: */
	int m_trainings_col, m_active_col, m_gross_col, m_benefit_col, m_cost_col,
	    m_cum_gross_col, m_cum_benefit_col, m_cum_cost_col, m_reached_col;
};

enum result_row {
	RES_HOURS, RES_VALUE, RES_TRAINING, RES_LICENCES, RES_FIXED, RES_TOTAL, RES_ROI,
	RES_ROI_CUMULATIVE, RES_PAYBACK, RES_COUNT
};

static bool published_use_case(const struct use_case *u)
{
	return u->fig[UC_HOURS_SAVED].status == FIG_OK;
}

static void roi_layout(const struct report *r, struct roi_layout *l)
{
	int C = (int)r->rate_class_count;
	l->classes = r->rate_class_count;
	l->rate_row = 5;
	l->realisation_row = l->rate_row + C;
	l->training_row = l->realisation_row + 1;
	l->licence_row = l->training_row + 1;
	l->fixed_row = l->licence_row + 1;
	l->trainees_row = l->fixed_row + 3;              /* blank, heading */
	l->active_row = l->trainees_row + 1;
	l->results_row = l->active_row + 4;              /* blank, heading, header */

	int published = 0, hidden = 0;
	for (size_t u = 0; u < r->use_case_count; u++) {
		if (published_use_case(&r->use_cases[u]))
			published++;
		else
			hidden++;
	}
	l->uc_header_row = l->results_row + RES_COUNT + 2;   /* blank, heading */
	l->uc_rate_row = l->uc_header_row + 1;
	l->uc_first_row = l->uc_rate_row + 1;
	l->uc_rows = published + (hidden ? 1 : 0);
	l->uc_total_row = l->uc_first_row + l->uc_rows;
	l->uc_hours_col = 1 + C;
	l->uc_gross_col = 2 + C;
	l->uc_value_col = 3 + C;

	l->month_header_row = l->uc_total_row + 3;       /* blank, heading */
	l->month_first_row = l->month_header_row + 1;
	l->m_trainings_col = 1 + C;
	l->m_active_col = 2 + C;
	l->m_gross_col = 3 + C;
	l->m_benefit_col = 4 + C;
	l->m_cost_col = 5 + C;
	l->m_cum_gross_col = 6 + C;
	l->m_cum_benefit_col = 7 + C;
	l->m_cum_cost_col = 8 + C;
	l->m_reached_col = 9 + C;
	int month_rows = r->month_count ? (int)r->month_count : 1;   /* or a note */
	l->sens_row = l->month_first_row + month_rows + 1;
}

static void roi_inputs(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	const struct report *r = x->r;
	const struct report_settings *ru = &r->set;
	enum lang lang = x->lang;

	put_note(x, s, l->rate_row - 2, 0, tr(lang, "xlsx.roi.inputs"), x->f.heading);
	const char *hdr[3] = { tr(lang, "xlsx.col.input"), tr(lang, "xlsx.col.value"),
	                       tr(lang, "xlsx.col.explanation") };
	for (int c = 0; c < 3; c++)
		put_text_fmt(x, s, l->rate_row - 1, c, hdr[c],
		             c == 1 ? x->f.header_num : x->f.header, c < 2);

	for (size_t c = 0; c < l->classes; c++) {
		const struct rate_class *rc = &r->rate_classes[c];
		char cls[256], label[320];
		class_label(cls, sizeof(cls), lang, rc);
		snprintf(label, sizeof(label), "%s \xE2\x80\x93 %s", tr(lang, "xlsx.in.rate"), cls);
		int row = l->rate_row + (int)c;
		put_text(x, s, row, 0, label);
		put_number(x, s, row, 1, rc->rate, x->f.input[K_MONEY], K_MONEY);
		validate(x, s, row, 1, false, 0, 0, "xlsx.validation.nonnegative");
		put_note(x, s, row, 2, tr(lang, c == 0 ? "xlsx.in.rate_default.note"
		                                        : "xlsx.in.rate.note"), NULL);
	}
	define_name(x, "rate_default", s->name, l->rate_row, 1);

	struct {
		int row;
		const char *label, *note, *name;
		double value;
		enum kind kind;
	} in[] = {
		{ l->realisation_row, "xlsx.in.realisation", "xlsx.in.realisation.note",
		  "realisation", ru->realisation, K_PERCENT },
		{ l->training_row, "xlsx.in.training", "xlsx.in.training.note",
		  "training_per_participant", ru->training_per_participant, K_MONEY },
		{ l->licence_row, "xlsx.in.licence", "xlsx.in.licence.note",
		  "license_per_user_month", ru->license_per_active_user_month, K_MONEY },
		{ l->fixed_row, "xlsx.in.fixed", "xlsx.in.fixed.note",
		  "fixed_per_quarter", ru->program_fixed_per_quarter, K_MONEY },
	};
	for (size_t i = 0; i < ARRAY_LEN(in); i++) {
		put_text(x, s, in[i].row, 0, tr(lang, in[i].label));
		put_number(x, s, in[i].row, 1, in[i].value, x->f.input[in[i].kind], in[i].kind);
		if (in[i].kind == K_PERCENT)
			validate(x, s, in[i].row, 1, true, 0, 1, "xlsx.validation.percent");
		else
			validate(x, s, in[i].row, 1, false, 0, 0, "xlsx.validation.nonnegative");
		put_note(x, s, in[i].row, 2, tr(lang, in[i].note), NULL);
		define_name(x, in[i].name, s->name, in[i].row, 1);
	}

	/* The counts behind the costs: data from the inputs, not assumptions, so they
	 * are not styled as inputs (the licence count is known from the invoices, §11.30). */
	put_note(x, s, l->trainees_row - 1, 0, tr(lang, "xlsx.roi.quarter_data"), x->f.heading);
	put_text(x, s, l->trainees_row, 0, tr(lang, "xlsx.in.trainees"));
	put_number(x, s, l->trainees_row, 1, r->trainees_in_period, x->f.num[K_COUNT], K_COUNT);
	put_note(x, s, l->trainees_row, 2, tr(lang, "xlsx.in.trainees.note"), NULL);
	define_name(x, "trainees", s->name, l->trainees_row, 1);
	put_text(x, s, l->active_row, 0, tr(lang, "xlsx.in.active"));
	put_number(x, s, l->active_row, 1, r->active_in_period, x->f.num[K_COUNT], K_COUNT);
	put_note(x, s, l->active_row, 2, tr(lang, "xlsx.in.active.note"), NULL);
	define_name(x, "active_users", s->name, l->active_row, 1);
}

/* "=SUM(B9:B12)" over rows first..last of col, or "=0" when there are none. */
static void sum_formula(char *out, size_t outsz, int first, int last, int col)
{
	if (last < first) {
		snprintf(out, outsz, "=0");
		return;
	}
	char a[32], b[32];
	cell_rel(a, sizeof(a), first, col);
	cell_rel(b, sizeof(b), last, col);
	snprintf(out, outsz, "=SUM(%s:%s)", a, b);
}

/* The saved hours per use case and rate class with their value, and the totals. */
static void roi_use_cases(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	int C = (int)l->classes;
	char a[32], b[32], f[512];

	put_note(x, s, l->uc_header_row - 1, 0, tr(lang, "xlsx.roi.hours"), x->f.heading);
	put_text_fmt(x, s, l->uc_header_row, 0, tr(lang, "xlsx.col.use_case"), x->f.header, true);
	for (int c = 0; c < C; c++) {
		char cls[256];
		class_label(cls, sizeof(cls), lang, &r->rate_classes[c]);
		put_text_fmt(x, s, l->uc_header_row, 1 + c, cls, x->f.header_num, true);
	}
	put_text_fmt(x, s, l->uc_header_row, l->uc_hours_col, tr(lang, "xlsx.col.hours_saved"),
	             x->f.header_num, true);
	put_text_fmt(x, s, l->uc_header_row, l->uc_gross_col, tr(lang, "xlsx.col.gross_value"),
	             x->f.header_num, true);
	put_text_fmt(x, s, l->uc_header_row, l->uc_value_col, tr(lang, "xlsx.col.value_saved"),
	             x->f.header_num, true);

	/* The rates above their columns, so each row's value is one SUMPRODUCT. */
	put_text(x, s, l->uc_rate_row, 0, tr(lang, "xlsx.row.rate"));
	for (int c = 0; c < C; c++) {
		cell_abs(a, sizeof(a), l->rate_row + c, 1);
		snprintf(f, sizeof(f), "=%s", a);
		put_formula(x, s, l->uc_rate_row, 1 + c, f, x->f.num[K_MONEY],
		            r->rate_classes[c].rate, K_MONEY);
	}
	char rates[64];
	cell_abs(a, sizeof(a), l->uc_rate_row, 1);
	cell_abs(b, sizeof(b), l->uc_rate_row, C);
	snprintf(rates, sizeof(rates), "%s:%s", a, b);

	const struct roi_sheet *rs = &r->roi;
	for (size_t i = 0; i < rs->row_count; i++) {
		const struct roi_row *ur = &rs->rows[i];
		int row = l->uc_first_row + (int)i;
		if (ur->name) {
			put_text(x, s, row, 0, ur->name);
		} else {
			char label[256];
			with_k(label, sizeof(label), tr(lang, "xlsx.row.hidden_use_cases"),
			       r->min_group_size);
			put_text(x, s, row, 0, label);
		}
		for (int c = 0; c < C; c++)
			put_number(x, s, row, 1 + c, ur->hours[c], x->f.input[K_DECIMAL], K_DECIMAL);
		cell_rel(a, sizeof(a), row, 1);
		cell_rel(b, sizeof(b), row, C);
		snprintf(f, sizeof(f), "=SUM(%s:%s)", a, b);
		put_formula(x, s, row, l->uc_hours_col, f, x->f.num[K_DECIMAL], ur->hours_total,
		            K_DECIMAL);
		snprintf(f, sizeof(f), "=SUMPRODUCT(%s:%s,%s)", a, b, rates);
		put_formula(x, s, row, l->uc_gross_col, f, x->f.num[K_MONEY], ur->gross, K_MONEY);
		cell_rel(a, sizeof(a), row, l->uc_gross_col);
		snprintf(f, sizeof(f), "=realisation*%s", a);
		put_formula(x, s, row, l->uc_value_col, f, x->f.num[K_MONEY], ur->value, K_MONEY);
	}
	if (rs->row_count > 0) {
		/* Net savings may be negative (§4), so any number is accepted here. */
		lxw_data_validation v = {0};
		v.validate = LXW_VALIDATION_TYPE_DECIMAL;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = -1e9;
		v.maximum_number = 1e9;
		v.show_input = LXW_VALIDATION_ON;
		v.show_error = LXW_VALIDATION_ON;
		v.input_title = (char *)tr(lang, "xlsx.validation.title");
		v.input_message = (char *)tr(lang, "xlsx.validation.hours");
		v.error_title = v.input_title;
		v.error_message = v.input_message;
		note_error(x, worksheet_data_validation_range(s->ws, (lxw_row_t)l->uc_first_row, 1,
		                                              (lxw_row_t)(l->uc_total_row - 1),
		                                              (lxw_col_t)C, &v));
	} else {
		put_note(x, s, l->uc_total_row + 1, 0, tr(lang, "xlsx.none.use_cases"), NULL);
	}

	/* Totals: SUM over the rows above. */
	put_text_fmt(x, s, l->uc_total_row, 0, tr(lang, "xlsx.row.total"), x->f.label_bold, true);
	for (int col = 1; col <= l->uc_value_col; col++) {
		double sum = col <= C ? rs->class_totals[col - 1]
		           : col == l->uc_hours_col ? rs->hours_total
		           : col == l->uc_gross_col ? rs->gross_total : rs->value_total;
		enum kind kind = col <= l->uc_hours_col ? K_DECIMAL : K_MONEY;
		sum_formula(f, sizeof(f), l->uc_first_row, l->uc_total_row - 1, col);
		put_formula(x, s, l->uc_total_row, col, f, x->f.total[kind], sum, kind);
	}
}

/* The monthly series: benefit and cost per month and their cumulative sums.
 * Fills the cached cumulative figures for the results. */
static void roi_months(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	int C = (int)l->classes;
	char a[32], b[32], c2[32], f[512];

	put_note(x, s, l->month_header_row - 1, 0, tr(lang, "xlsx.roi.months"), x->f.heading);
	put_text_fmt(x, s, l->month_header_row, 0, tr(lang, "xlsx.col.month"), x->f.header, true);
	for (int c = 0; c < C; c++) {
		char cls[256], label[300];
		class_label(cls, sizeof(cls), lang, &r->rate_classes[c]);
		snprintf(label, sizeof(label), "%s", cls);
		put_text_fmt(x, s, l->month_header_row, 1 + c, label, x->f.header_num, true);
	}
	const struct {
		int col;
		const char *key;
	} hdr[] = {
		{ l->m_trainings_col, "xlsx.col.trainings" },
		{ l->m_active_col, "xlsx.col.active" },
		{ l->m_gross_col, "xlsx.col.gross_value" },
		{ l->m_benefit_col, "xlsx.col.benefit" },
		{ l->m_cost_col, "xlsx.col.cost" },
		{ l->m_cum_gross_col, "xlsx.col.cum_gross" },
		{ l->m_cum_benefit_col, "xlsx.col.cum_benefit" },
		{ l->m_cum_cost_col, "xlsx.col.cum_cost" },
		{ l->m_reached_col, "xlsx.col.break_even" },
	};
	for (size_t i = 0; i < ARRAY_LEN(hdr); i++)
		put_text_fmt(x, s, l->month_header_row, hdr[i].col, tr(lang, hdr[i].key),
		             x->f.header_num, true);

	char rates[64];
	cell_abs(a, sizeof(a), l->uc_rate_row, 1);
	cell_abs(b, sizeof(b), l->uc_rate_row, C);
	snprintf(rates, sizeof(rates), "%s:%s", a, b);

	for (size_t m = 0; m < r->month_count; m++) {
		const struct month *mo = &r->months[m];
		const struct roi_month *rm = &r->roi.months[m];
		int row = l->month_first_row + (int)m;
		char label[16];
		snprintf(label, sizeof(label), "%04d-%02d", mo->year, mo->month);
		put_text(x, s, row, 0, label);
		for (int c = 0; c < C; c++)
			put_number(x, s, row, 1 + c, mo->hours_by_class[c], x->f.num[K_DECIMAL],
			           K_DECIMAL);
		put_number(x, s, row, l->m_trainings_col, mo->trainings, x->f.num[K_COUNT], K_COUNT);
		put_number(x, s, row, l->m_active_col, mo->active, x->f.num[K_COUNT], K_COUNT);

		cell_rel(a, sizeof(a), row, 1);
		cell_rel(b, sizeof(b), row, C);
		snprintf(f, sizeof(f), "=SUMPRODUCT(%s:%s,%s)", a, b, rates);
		put_formula(x, s, row, l->m_gross_col, f, x->f.num[K_MONEY], rm->gross, K_MONEY);

		cell_rel(a, sizeof(a), row, l->m_gross_col);
		snprintf(f, sizeof(f), "=realisation*%s", a);
		put_formula(x, s, row, l->m_benefit_col, f, x->f.num[K_MONEY], rm->benefit, K_MONEY);

		cell_rel(a, sizeof(a), row, l->m_trainings_col);
		cell_rel(b, sizeof(b), row, l->m_active_col);
		snprintf(f, sizeof(f),
		         "=%s*training_per_participant+%s*license_per_user_month+fixed_per_quarter/3",
		         a, b);
		put_formula(x, s, row, l->m_cost_col, f, x->f.num[K_MONEY], rm->cost, K_MONEY);

		/* Running sums: the first month is its own value, later ones add the row
		 * above. */
		const int run_cols[3][2] = {
			{ l->m_cum_gross_col, l->m_gross_col },
			{ l->m_cum_benefit_col, l->m_benefit_col },
			{ l->m_cum_cost_col, l->m_cost_col },
		};
		const double run[3] = { rm->cum_gross, rm->cum_benefit, rm->cum_cost };
		for (int k = 0; k < 3; k++) {
			cell_rel(a, sizeof(a), row, run_cols[k][1]);
			if (m == 0) {
				snprintf(f, sizeof(f), "=%s", a);
			} else {
				cell_rel(b, sizeof(b), row - 1, run_cols[k][0]);
				snprintf(f, sizeof(f), "=%s+%s", b, a);
			}
			put_formula(x, s, row, run_cols[k][0], f, x->f.num[K_MONEY], run[k], K_MONEY);
		}

		/* Reached with the model's tie rule (tie.h), so that a recalculated sheet
		 * and metrics.csv name the same payback month when the benefit exactly
		 * meets the cost; the cached value is the model's. */
		cell_rel(a, sizeof(a), row, l->m_cum_benefit_col);
		cell_rel(c2, sizeof(c2), row, l->m_cum_cost_col);
		snprintf(f, sizeof(f), "=IF(%s>=%s-%s*MAX(1,ABS(%s)),1,0)", a, c2, TIE_MARGIN_TEXT, c2);
		put_formula(x, s, row, l->m_reached_col, f, x->f.num[K_COUNT], mo->covered ? 1 : 0,
		            K_COUNT);
	}
	if (r->month_count == 0)
		put_note(x, s, l->month_first_row, 0, tr(lang, "xlsx.none.months"), NULL);
}

/* The quarter's results.  The cached values come from x (value and costs) and the
 * monthly series (cumulative ROI, payback). */
static void roi_results(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	char a[32], b[32], f[512], na_lit[64];
	struct buf lit = {0};
	formula_string(&lit, x->na);
	snprintf(na_lit, sizeof(na_lit), "%s", lit.data);
	buf_free(&lit);

	put_note(x, s, l->results_row - 2, 0, tr(lang, "xlsx.roi.results"), x->f.heading);
	const char *hdr[3] = { tr(lang, "xlsx.col.figure"), tr(lang, "xlsx.col.value"),
	                       tr(lang, "xlsx.col.explanation") };
	for (int c = 0; c < 3; c++)
		put_text_fmt(x, s, l->results_row - 1, c, hdr[c],
		             c == 1 ? x->f.header_num : x->f.header, c < 2);

	const struct roi_sheet *rs = &r->roi;
	int row = l->results_row;
	char last_cb[32] = "", last_cc[32] = "", months[96] = "";
	if (r->month_count > 0) {
		int last = l->month_first_row + (int)r->month_count - 1;
		cell_abs(last_cb, sizeof(last_cb), last, l->m_cum_benefit_col);
		cell_abs(last_cc, sizeof(last_cc), last, l->m_cum_cost_col);
		cell_abs(a, sizeof(a), l->month_first_row, l->m_reached_col);
		cell_abs(b, sizeof(b), last, l->m_reached_col);
		snprintf(months, sizeof(months), "%s:%s", a, b);
	}
	struct {
		const char *label, *note, *name;
		enum kind kind;
	} res[RES_COUNT] = {
		[RES_HOURS] = { "xlsx.res.hours", "xlsx.res.hours.note", "hours_saved", K_DECIMAL },
		[RES_VALUE] = { "xlsx.res.value", "xlsx.res.value.note", "value_saved", K_MONEY },
		[RES_TRAINING] = { "xlsx.res.training", "xlsx.res.training.note", "cost_training",
		                   K_MONEY },
		[RES_LICENCES] = { "xlsx.res.licences", "xlsx.res.licences.note", "cost_licenses",
		                   K_MONEY },
		[RES_FIXED] = { "xlsx.res.fixed", "xlsx.res.fixed.note", "cost_fixed", K_MONEY },
		[RES_TOTAL] = { "xlsx.res.total", "xlsx.res.total.note", "cost_total", K_MONEY },
		[RES_ROI] = { "xlsx.res.roi", "xlsx.res.roi.note", "roi", K_PERCENT },
		[RES_ROI_CUMULATIVE] = { "xlsx.res.roi_cumulative", "xlsx.res.roi_cumulative.note",
		                         "roi_cumulative", K_PERCENT },
		[RES_PAYBACK] = { "xlsx.res.payback", "xlsx.res.payback.note", "payback_months",
		                  K_COUNT },
	};
	for (int i = 0; i < RES_COUNT; i++) {
		int rr = row + i;
		put_text_fmt(x, s, rr, 0, tr(lang, res[i].label), x->f.label_bold, true);
		lxw_format *fmt = x->f.strong[res[i].kind];
		switch (i) {
		case RES_HOURS:
			cell_abs(a, sizeof(a), l->uc_total_row, l->uc_hours_col);
			snprintf(f, sizeof(f), "=%s", a);
			put_formula(x, s, rr, 1, f, fmt, rs->hours_total, K_DECIMAL);
			break;
		case RES_VALUE:
			cell_abs(a, sizeof(a), l->uc_total_row, l->uc_gross_col);
			snprintf(f, sizeof(f), "=realisation*%s", a);
			put_formula(x, s, rr, 1, f, fmt, rs->value_saved, K_MONEY);
			break;
		case RES_TRAINING:
			put_formula(x, s, rr, 1, "=trainees*training_per_participant", fmt,
			            rs->cost_training, K_MONEY);
			break;
		case RES_LICENCES:
			put_formula(x, s, rr, 1, "=active_users*license_per_user_month*3", fmt,
			            rs->cost_licenses, K_MONEY);
			break;
		case RES_FIXED:
			put_formula(x, s, rr, 1, "=fixed_per_quarter", fmt, rs->cost_fixed, K_MONEY);
			break;
		case RES_TOTAL:
			put_formula(x, s, rr, 1, "=cost_training+cost_licenses+cost_fixed", fmt,
			            rs->cost_total, K_MONEY);
			break;
		case RES_ROI:
			snprintf(f, sizeof(f),
			         "=IF(cost_total=0,%s,(value_saved-cost_total)/cost_total)", na_lit);
			put_formula_figure(x, s, rr, 1, f, fmt, &rs->roi, K_PERCENT);
			break;
		case RES_ROI_CUMULATIVE:
			if (r->month_count > 0)
				snprintf(f, sizeof(f), "=IF(%s=0,%s,(%s-%s)/%s)", last_cc, na_lit,
				         last_cb, last_cc, last_cc);
			else
				snprintf(f, sizeof(f), "=%s", na_lit);
			put_formula_figure(x, s, rr, 1, f, fmt, &r->org[ORG_ROI_CUMULATIVE], K_PERCENT);
			break;
		case RES_PAYBACK:
			if (r->month_count > 0)
				snprintf(f, sizeof(f), "=IFERROR(MATCH(1,%s,0),%s)", months, na_lit);
			else
				snprintf(f, sizeof(f), "=%s", na_lit);
			put_formula_figure(x, s, rr, 1, f, fmt, &r->org[ORG_PAYBACK_MONTHS], K_COUNT);
			break;
		}
		put_note(x, s, rr, 2, tr(lang, res[i].note), NULL);
		define_name(x, res[i].name, s->name, rr, 1);
	}
}

/* ROI and payback when realisation and every hourly rate change; costs stay. */
static void roi_sensitivity(struct xlsx *x, struct sheet *s, const struct roi_layout *l)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	char a[32], b[32], f[2048], na_lit[64], gross_ref[32], cum_gross[64], cum_cost[64];
	struct buf lit = {0};
	formula_string(&lit, x->na);
	snprintf(na_lit, sizeof(na_lit), "%s", lit.data);
	buf_free(&lit);
	cell_abs(gross_ref, sizeof(gross_ref), l->uc_total_row, l->uc_gross_col);
	int last = l->month_first_row + (int)r->month_count - 1;
	cell_abs(a, sizeof(a), l->month_first_row, l->m_cum_gross_col);
	cell_abs(b, sizeof(b), last, l->m_cum_gross_col);
	snprintf(cum_gross, sizeof(cum_gross), "%s:%s", a, b);
	cell_abs(a, sizeof(a), l->month_first_row, l->m_cum_cost_col);
	cell_abs(b, sizeof(b), last, l->m_cum_cost_col);
	snprintf(cum_cost, sizeof(cum_cost), "%s:%s", a, b);
	char last_ref[32], reach[256];
	cell_abs(last_ref, sizeof(last_ref), last, l->m_cum_gross_col);
	snprintf(reach, sizeof(reach), "%s-%s*(1+ABS(%s)+ABS(ABS(%s)-1))/2", cum_cost,
	         TIE_MARGIN_TEXT, cum_cost, cum_cost);

	int row = l->sens_row;
	put_note(x, s, row, 0, tr(lang, "xlsx.roi.sensitivity"), x->f.heading);
	put_note(x, s, row + 1, 0, tr(lang, "xlsx.roi.sensitivity.note"), NULL);

	const struct roi_sheet *rs = &r->roi;
	const double *rate_change = rs->sens_rate_change;
	const char *grid_key[2] = { "xlsx.sens.roi", "xlsx.sens.payback" };
	int grid_row[2] = { row + 3, row + 10 };
	for (int g = 0; g < 2; g++) {
		int hr = grid_row[g];
		put_text_fmt(x, s, hr - 1, 0, tr(lang, grid_key[g]), x->f.label_bold, true);
		put_text_fmt(x, s, hr, 0, tr(lang, "xlsx.sens.corner"), x->f.header, true);
		for (int j = 0; j < 3; j++) {
			if (g == 0) {
				put_number(x, s, hr, 1 + j, rate_change[j], x->f.input[K_PERCENT],
				           K_PERCENT);
				validate(x, s, hr, 1 + j, true, -1, 10, "xlsx.validation.change");
			} else {
				cell_rel(a, sizeof(a), grid_row[0], 1 + j);
				snprintf(f, sizeof(f), "=%s", a);
				put_formula(x, s, hr, 1 + j, f, x->f.strong[K_PERCENT], rate_change[j],
				            K_PERCENT);
			}
		}
		for (int i = 0; i < 4; i++) {
			int rr = hr + 1 + i;
			double real = rs->sens_realisation[i];
			if (g == 0 && i == 0) {
				put_formula(x, s, rr, 0, "=realisation", x->f.strong[K_PERCENT], real,
				            K_PERCENT);
			} else if (g == 0) {
				put_number(x, s, rr, 0, real, x->f.input[K_PERCENT], K_PERCENT);
				validate(x, s, rr, 0, true, 0, 1, "xlsx.validation.percent");
			} else {
				cell_rel(a, sizeof(a), grid_row[0] + 1 + i, 0);
				snprintf(f, sizeof(f), "=%s", a);
				put_formula(x, s, rr, 0, f, x->f.strong[K_PERCENT], real, K_PERCENT);
			}
			for (int j = 0; j < 3; j++) {
				char rc[32], cc_ref[32];
				/* The parameters live in the ROI grid's labels. */
				lxw_rowcol_to_cell_abs(rc, (lxw_row_t)(grid_row[0] + 1 + i), 0, 0, 1);
				lxw_rowcol_to_cell_abs(cc_ref, (lxw_row_t)grid_row[0],
				                       (lxw_col_t)(1 + j), 1, 0);
				if (g == 0) {
					snprintf(f, sizeof(f),
					         "=IF(cost_total=0,%s,(%s*(1+%s)*%s-cost_total)/cost_total)",
					         na_lit, rc, cc_ref, gross_ref);
					put_formula_figure(x, s, rr, 1 + j, f, x->f.num[K_PERCENT],
					                   &rs->sens_roi[i][j], K_PERCENT);
					continue;
				}
				const struct figure *cached = &rs->sens_payback[i][j];
				if (r->month_count == 0) {
					snprintf(f, sizeof(f), "=%s", na_lit);
					put_formula_figure(x, s, rr, 1 + j, f, x->f.num[K_COUNT], cached,
					                   K_COUNT);
					continue;
				}
				/* The first month whose cumulative benefit reaches the cost, without
				 * an array formula (libxlsxwriter cannot cache a text result for
				 * one): the largest (last row + 1 - row) among the months reached
				 * gives the first of them.  "Reaches" has the model's tie margin,
				 * MAX(1,|cost|) written element-wise as (1+|c|+||c|-1|)/2. */
				snprintf(f, sizeof(f),
				         "=IF(SUMPRODUCT(--(%s*(1+%s)*%s>=%s))=0,%s,"
				         "ROWS(%s)+1-SUMPRODUCT(MAX((%s*(1+%s)*%s>=%s)*(ROW(%s)+1-ROW(%s)))))",
				         rc, cc_ref, cum_gross, reach, na_lit, cum_gross, rc, cc_ref,
				         cum_gross, reach, last_ref, cum_gross);
				put_formula_figure(x, s, rr, 1 + j, f, x->f.num[K_COUNT], cached, K_COUNT);
			}
		}
	}
}

/* The cumulative benefit and cost line chart, top right at column col. */
static void roi_chart(struct xlsx *x, struct sheet *s, const struct roi_layout *l, int col)
{
	const struct report *r = x->r;
	if (r->month_count == 0)
		return;
	enum lang lang = x->lang;
	int first = l->month_first_row, last = first + (int)r->month_count - 1;
	char cats[160], vals[160];
	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_LINE);
	if (!chart) {
		note_error(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	sheet_range(cats, sizeof(cats), s->name, first, 0, last, 0);
	const struct {
		int col;
		const char *key;
		lxw_color_t color;
		uint8_t dash;
	} series[2] = {
		{ l->m_cum_benefit_col, "xlsx.col.cum_benefit", 0x2A9D8F, LXW_CHART_LINE_DASH_SOLID },
		{ l->m_cum_cost_col, "xlsx.col.cum_cost", 0xE76F51, LXW_CHART_LINE_DASH_SOLID },
	};
	for (int i = 0; i < 2; i++) {
		sheet_range(vals, sizeof(vals), s->name, first, series[i].col, last, series[i].col);
		lxw_chart_series *ser = chart_add_series(chart, cats, vals);
		chart_series_set_name(ser, tr(lang, series[i].key));
		lxw_chart_line line = { .color = series[i].color, .width = 2.25,
		                        .dash_type = series[i].dash };
		chart_series_set_line(ser, &line);
		chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
		chart_series_set_marker_size(ser, 5);
		lxw_chart_fill fill = { .color = series[i].color };
		chart_series_set_marker_fill(ser, &fill);
		lxw_chart_line mline = { .color = series[i].color };
		chart_series_set_marker_line(ser, &mline);
	}
	chart_title_set_name(chart, tr(lang, "xlsx.chart.cumulative"));
	lxw_chart_font title_font = { .size = 11, .bold = LXW_TRUE };
	chart_title_set_name_font(chart, &title_font);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	chart_axis_set_num_format(chart->y_axis, "#,##0");
	lxw_chart_line grid = { .color = 0xD1D5DB };
	chart_axis_major_gridlines_set_line(chart->y_axis, &grid);
	lxw_chart_options opt = { .x_scale = 1.15, .y_scale = 1.3 };
	note_error(x, worksheet_insert_chart_opt(s->ws, (lxw_row_t)(l->rate_row - 2),
	                                         (lxw_col_t)col, chart, &opt));
}

static void roi_sheet(struct xlsx *x, struct sheet *s)
{
	struct roi_layout l;
	roi_layout(x->r, &l);
	put_title(x, s, "xlsx.title.roi");
	put_note(x, s, 1, 0, tr(x->lang, "xlsx.roi.note"), NULL);
	roi_inputs(x, s, &l);
	roi_use_cases(x, s, &l);
	roi_months(x, s, &l);
	roi_results(x, s, &l);
	roi_sensitivity(x, s, &l);
	roi_chart(x, s, &l, column_after_notes(s, 2));
	worksheet_freeze_panes(s->ws, 2, 1);
}

/* ---- Summary ----------------------------------------------------------------- */

/* Figures based on survey answers: never shown when the survey cannot be reported
 * (§5, §11.30). */
static bool survey_based(enum org_metric m)
{
	switch (m) {
	case ORG_ACTIVE_EMPLOYEES:
	case ORG_ADOPTION_RATE:
	case ORG_MATURITY_INDEX:
	case ORG_LEVEL_SHARE_1:
	case ORG_LEVEL_SHARE_2:
	case ORG_LEVEL_SHARE_3:
	case ORG_SATISFACTION_MEAN:
	case ORG_BUDDY_COVERAGE:
	case ORG_MENTOR_MAX_LOAD:
	case ORG_RETENTION_6M:
		return true;
	default:
		return m >= ORG_MATURITY_TOOL_KNOWLEDGE && m <= ORG_MATURITY_KNOWLEDGE_SHARING;
	}
}

static void summary_sheet(struct xlsx *x, struct sheet *s)
{
	const struct roi_sheet *rs = &x->r->roi;
	const struct report *r = x->r;
	const struct report_settings *ru = &r->set;
	enum lang lang = x->lang;
	static const struct {
		enum org_metric m;
		const char *key;
		enum kind kind;
	} rows[] = {
		{ ORG_HEADCOUNT, "xlsx.m.headcount", K_COUNT },
		{ ORG_RESPONDENTS, "xlsx.m.respondents", K_COUNT },
		{ ORG_RESPONSE_RATE, "xlsx.m.response_rate", K_PERCENT },
		{ ORG_ACTIVE_EMPLOYEES, "xlsx.m.active_employees", K_COUNT },
		{ ORG_ADOPTION_RATE, "xlsx.m.adoption_rate", K_PERCENT },
		{ ORG_LOGGED_AI_SHARE, "xlsx.m.logged_ai_share", K_PERCENT },
		{ ORG_HOURS_SAVED, "xlsx.m.hours_saved", K_DECIMAL },
		{ ORG_HOURS_SAVED_PER_WEEK, "xlsx.m.hours_saved_per_week", K_DECIMAL },
		{ ORG_VALUE_SAVED, "xlsx.m.value_saved", K_MONEY },
		{ ORG_COST_TRAINING, "xlsx.m.cost_training", K_MONEY },
		{ ORG_COST_LICENSES, "xlsx.m.cost_licenses", K_MONEY },
		{ ORG_COST_FIXED, "xlsx.m.cost_fixed", K_MONEY },
		{ ORG_COST_TOTAL, "xlsx.m.cost_total", K_MONEY },
		{ ORG_ROI, "xlsx.m.roi", K_PERCENT },
		{ ORG_ROI_CUMULATIVE, "xlsx.m.roi_cumulative", K_PERCENT },
		{ ORG_PAYBACK_MONTHS, "xlsx.m.payback_months", K_COUNT },
		{ ORG_MATURITY_INDEX, "xlsx.m.maturity_index", K_DECIMAL },
		{ ORG_LEVEL_SHARE_1, "xlsx.m.level_share_1", K_PERCENT },
		{ ORG_LEVEL_SHARE_2, "xlsx.m.level_share_2", K_PERCENT },
		{ ORG_LEVEL_SHARE_3, "xlsx.m.level_share_3", K_PERCENT },
		{ ORG_USE_CASES_ACTIVE, "xlsx.m.use_cases_active", K_COUNT },
		{ ORG_USE_CASES_NEW, "xlsx.m.use_cases_new", K_COUNT },
		{ ORG_AI_ENTRIES_WITHOUT_BASELINE, "xlsx.m.ai_entries_without_baseline", K_COUNT },
		{ ORG_SATISFACTION_MEAN, "xlsx.m.satisfaction_mean", K_DECIMAL },
		{ ORG_BUDDY_COVERAGE, "xlsx.m.buddy_coverage", K_PERCENT },
		{ ORG_MENTOR_MAX_LOAD, "xlsx.m.mentor_max_load", K_COUNT },
		{ ORG_RETENTION_6M, "xlsx.m.retention_6m", K_PERCENT },
		{ ORG_EMPLOYEES_SURVEY_ONLY, "xlsx.m.employees_survey_only", K_COUNT },
		{ ORG_EMPLOYEES_TIMESHEET_ONLY, "xlsx.m.employees_timesheet_only", K_COUNT },
	};

	put_title(x, s, "xlsx.title.summary");
	put_note(x, s, 1, 0, tr(lang, "xlsx.summary.note"), NULL);
	int header = 3;
	if (r->survey_suppressed) {
		put_survey_statement(x, s, 2);
		header = 4;
	}
	const char *hdr[4] = { tr(lang, "xlsx.col.figure"), tr(lang, "xlsx.col.value"),
	                       tr(lang, "xlsx.col.target"), tr(lang, "xlsx.col.reference") };
	int row = header + 1;
	char f[256];
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		enum org_metric m = rows[i].m;
		if (r->survey_suppressed && survey_based(m))
			continue;
		put_text(x, s, row, 0, tr(lang, rows[i].key));
		enum kind kind = rows[i].kind;
		lxw_format *fmt = x->f.num[kind];
		/* The money figures follow the ROI sheet's inputs. */
		switch (m) {
		case ORG_HOURS_SAVED:
			snprintf(f, sizeof(f), "=hours_saved");
			put_formula(x, s, row, 1, f, fmt, rs->hours_total, kind);
			break;
		case ORG_HOURS_SAVED_PER_WEEK:
			snprintf(f, sizeof(f), "=hours_saved/%s", x->weeks);
			put_formula(x, s, row, 1, f, fmt, rs->hours_per_week, kind);
			break;
		case ORG_VALUE_SAVED:
			put_formula(x, s, row, 1, "=value_saved", fmt, rs->value_saved, kind);
			break;
		case ORG_COST_TRAINING:
			put_formula(x, s, row, 1, "=cost_training", fmt, rs->cost_training, kind);
			break;
		case ORG_COST_LICENSES:
			put_formula(x, s, row, 1, "=cost_licenses", fmt, rs->cost_licenses, kind);
			break;
		case ORG_COST_FIXED:
			put_formula(x, s, row, 1, "=cost_fixed", fmt, rs->cost_fixed, kind);
			break;
		case ORG_COST_TOTAL:
			put_formula(x, s, row, 1, "=cost_total", fmt, rs->cost_total, kind);
			break;
		case ORG_ROI:
			put_formula_figure(x, s, row, 1, "=roi", fmt, &rs->roi, kind);
			break;
		case ORG_ROI_CUMULATIVE:
			put_formula_figure(x, s, row, 1, "=roi_cumulative", fmt, &r->org[ORG_ROI_CUMULATIVE],
			                   kind);
			break;
		case ORG_PAYBACK_MONTHS:
			put_formula_figure(x, s, row, 1, "=payback_months", fmt, &r->org[ORG_PAYBACK_MONTHS], kind);
			break;
		default:
			put_figure(x, s, row, 1, &r->org[m], kind);
			break;
		}
		const struct opt_number *target = NULL;
		if (m == ORG_ADOPTION_RATE)
			target = &ru->target_adoption;
		else if (m == ORG_HOURS_SAVED_PER_WEEK)
			target = &ru->target_hours_saved_per_week;
		else if (m == ORG_ROI)
			target = &ru->target_roi;
		else if (m == ORG_MATURITY_INDEX)
			target = &ru->target_maturity;
		if (target && target->set)
			put_number(x, s, row, 2, target->value, fmt, kind);
		if (m == ORG_ROI || m == ORG_ROI_CUMULATIVE)
			put_text(x, s, row, 3, tr(lang, "xlsx.ref.roi"));
		else if (m == ORG_PAYBACK_MONTHS)
			put_text(x, s, row, 3, tr(lang, "xlsx.ref.payback"));
		row++;
	}
	add_table(x, s, "Summary", header, 0, row - header - 1, hdr, 4, "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 0);
	/* Narrow and long: printed upright on one page. */
	worksheet_set_portrait(s->ws);
	worksheet_fit_to_pages(s->ws, 1, 1);
	worksheet_activate(s->ws);
}

/* ---- Departments, Use cases, Trend, Data quality, Employees --------------------- */

static void departments_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	static const struct {
		enum department_metric m;
		const char *key;
		enum kind kind;
		bool survey;
	} cols[] = {
		{ DEPT_HEADCOUNT, "xlsx.m.headcount", K_COUNT, false },
		{ DEPT_RESPONDENTS, "xlsx.m.respondents", K_COUNT, false },
		{ DEPT_ACTIVE_EMPLOYEES, "xlsx.m.active_employees", K_COUNT, true },
		{ DEPT_ADOPTION_RATE, "xlsx.m.adoption_rate", K_PERCENT, true },
		{ DEPT_LOGGED_AI_SHARE, "xlsx.m.logged_ai_share", K_PERCENT, false },
		{ DEPT_HOURS_SAVED, "xlsx.m.hours_saved", K_DECIMAL, false },
		{ DEPT_HOURS_SAVED_PER_WEEK, "xlsx.m.hours_saved_per_week", K_DECIMAL, false },
		{ DEPT_VALUE_SAVED, "xlsx.m.value_saved", K_MONEY, false },
		{ DEPT_MATURITY_INDEX, "xlsx.m.maturity_index", K_DECIMAL, true },
		{ DEPT_MATURITY_TOOL_KNOWLEDGE, NULL, K_DECIMAL, true },
		{ DEPT_MATURITY_APPLICATION_BREADTH, NULL, K_DECIMAL, true },
		{ DEPT_MATURITY_AUTONOMY, NULL, K_DECIMAL, true },
		{ DEPT_MATURITY_INNOVATION, NULL, K_DECIMAL, true },
		{ DEPT_MATURITY_KNOWLEDGE_SHARING, NULL, K_DECIMAL, true },
	};
	put_title(x, s, "xlsx.title.departments");
	char note[512];
	with_k(note, sizeof(note), tr(lang, "xlsx.privacy.note"), r->min_group_size);
	put_note(x, s, 1, 0, note, NULL);
	int header = 3;
	if (r->survey_suppressed) {
		put_survey_statement(x, s, 2);
		header = 4;
	}
	const char *hdr[1 + ARRAY_LEN(cols)];
	int n = 0;
	hdr[n++] = tr(lang, "xlsx.col.department");
	for (size_t c = 0; c < ARRAY_LEN(cols); c++) {
		if (r->survey_suppressed && cols[c].survey)
			continue;
		if (cols[c].key)
			hdr[n++] = tr(lang, cols[c].key);
		else
			hdr[n++] = dimension_label(lang, (enum dimension)(cols[c].m -
			                                                 DEPT_MATURITY_TOOL_KNOWLEDGE));
	}
	for (size_t d = 0; d < r->department_count; d++) {
		const struct department *dep = &r->departments[d];
		int row = header + 1 + (int)d, col = 0;
		put_text(x, s, row, col++, dep->name);
		for (size_t c = 0; c < ARRAY_LEN(cols); c++) {
			if (r->survey_suppressed && cols[c].survey)
				continue;
			put_figure(x, s, row, col++, &dep->fig[cols[c].m], cols[c].kind);
		}
	}
	add_table(x, s, "Departments", header, 0, (int)r->department_count, hdr, n,
	          "xlsx.none.departments");
	put_note(x, s, header + 2 + (int)r->department_count, 0,
	         tr(lang, "xlsx.departments.value_note"), NULL);
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);
}

static int compare_hours_desc(const void *a, const void *b)
{
	const struct use_case *const *ua = a, *const *ub = b;
	double ha = (*ua)->fig[UC_HOURS_SAVED].value, hb = (*ub)->fig[UC_HOURS_SAVED].value;
	if (ha != hb)
		return ha < hb ? 1 : -1;
	return strcmp((*ua)->name, (*ub)->name);
}

static void use_cases_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	static const struct {
		enum use_case_metric m;
		const char *key;
		enum kind kind;
	} cols[] = {
		{ UC_AI_ENTRIES, "xlsx.col.ai_entries", K_COUNT },
		{ UC_AI_USERS, "xlsx.col.ai_users", K_COUNT },
		{ UC_BASELINE_MINUTES, "xlsx.col.baseline_minutes", K_DECIMAL },
		{ UC_HOURS_SAVED, "xlsx.m.hours_saved", K_DECIMAL },
		{ UC_HOURS_SAVED_PER_WEEK, "xlsx.m.hours_saved_per_week", K_DECIMAL },
		{ UC_VALUE_SAVED, "xlsx.m.value_saved", K_MONEY },
		{ UC_CONCENTRATION, "xlsx.col.concentration", K_PERCENT },
		{ UC_AT_RISK, "xlsx.col.at_risk", K_COUNT },
	};
	put_title(x, s, "xlsx.title.use_cases");
	char note[512];
	with_k(note, sizeof(note), tr(lang, "xlsx.use_cases.note"), r->min_group_size);
	put_note(x, s, 1, 0, note, NULL);
	int header = 3;
	const char *hdr[1 + ARRAY_LEN(cols)];
	hdr[0] = tr(lang, "xlsx.col.use_case");
	for (size_t c = 0; c < ARRAY_LEN(cols); c++)
		hdr[1 + c] = tr(lang, cols[c].key);
	for (size_t u = 0; u < r->use_case_count; u++) {
		const struct use_case *uc = &r->use_cases[u];
		int row = header + 1 + (int)u;
		put_text(x, s, row, 0, uc->name);
		for (size_t c = 0; c < ARRAY_LEN(cols); c++) {
			const struct figure *fig = &uc->fig[cols[c].m];
			if (cols[c].m == UC_AT_RISK && fig->status == FIG_OK)
				put_text(x, s, row, 1 + (int)c,
				         tr(lang, fig->value != 0 ? "xlsx.yes" : "xlsx.no"));
			else
				put_figure(x, s, row, 1 + (int)c, fig, cols[c].kind);
		}
	}
	int ncols = 1 + (int)ARRAY_LEN(cols);
	add_table(x, s, "UseCases", header, 0, (int)r->use_case_count, hdr, ncols,
	          "xlsx.none.use_cases");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);

	/* The chart's data: published use cases by hours saved, largest first. */
	const struct use_case **shown = xcalloc(r->use_case_count + 1, sizeof(*shown));
	size_t n = 0, left_out = 0;
	for (size_t u = 0; u < r->use_case_count; u++) {
		if (published_use_case(&r->use_cases[u]))
			shown[n++] = &r->use_cases[u];
		else
			left_out++;
	}
	qsort(shown, n, sizeof(*shown), compare_hours_desc);
	int data_col = ncols + 1;
	int below = header + 2 + (r->use_case_count ? (int)r->use_case_count : 1);
	if (n > 0) {
		put_text_fmt(x, s, header, data_col, tr(lang, "xlsx.col.use_case"), x->f.header,
		             true);
		put_text_fmt(x, s, header, data_col + 1, tr(lang, "xlsx.m.hours_saved"),
		             x->f.header, true);
		for (size_t i = 0; i < n; i++) {
			put_text(x, s, header + 1 + (int)i, data_col, shown[i]->name);
			put_figure(x, s, header + 1 + (int)i, data_col + 1,
			           &shown[i]->fig[UC_HOURS_SAVED], K_DECIMAL);
		}
		put_note(x, s, header - 1, data_col, tr(lang, "xlsx.chart.data"), NULL);

		lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_BAR);
		if (!chart) {
			note_error(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		} else {
			char cats[160], vals[160];
			sheet_range(cats, sizeof(cats), s->name, header + 1, data_col,
			            header + (int)n, data_col);
			sheet_range(vals, sizeof(vals), s->name, header + 1, data_col + 1,
			            header + (int)n, data_col + 1);
			lxw_chart_series *ser = chart_add_series(chart, cats, vals);
			chart_series_set_name(ser, tr(lang, "xlsx.m.hours_saved"));
			lxw_chart_fill fill = { .color = 0x1F3A5F };
			chart_series_set_fill(ser, &fill);
			chart_series_set_labels(ser);
			chart_series_set_labels_num_format(ser, "0.0");
			chart_title_set_name(chart, tr(lang, "xlsx.chart.hours"));
			lxw_chart_font title_font = { .size = 11, .bold = LXW_TRUE };
			chart_title_set_name_font(chart, &title_font);
			chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
			/* The largest at the top; the value axis stays at the bottom. */
			chart_axis_set_reverse(chart->y_axis);
			chart_axis_set_crossing_max(chart->y_axis);
			chart_axis_set_num_format(chart->x_axis, "0");
			lxw_chart_line grid = { .color = 0xD1D5DB };
			chart_axis_major_gridlines_set_line(chart->x_axis, &grid);
			double height = 60 + 28.0 * (double)n;
			if (height < 220)
				height = 220;
			lxw_chart_options opt = { .x_scale = 1.2, .y_scale = height / 288.0 };
			note_error(x, worksheet_insert_chart_opt(s->ws, (lxw_row_t)below, 0, chart,
			                                         &opt));
		}
	}
	if (left_out > 0) {
		char text[512], count[32];
		snprintf(count, sizeof(count), "%zu", left_out);
		with_k(text, sizeof(text), tr(lang, "xlsx.chart.left_out"), r->min_group_size);
		char line[600];
		snprintf(line, sizeof(line), "%s: %s", text, count);
		put_note(x, s, below - 1, 0, line, NULL);
	}
	free(shown);
}

static void maturity_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	put_title(x, s, "xlsx.title.maturity");
	if (r->survey_suppressed) {
		put_survey_statement(x, s, 2);
		return;
	}
	put_note(x, s, 1, 0, tr(lang, "xlsx.maturity.note"), NULL);

	/* Dimension x level matrix, with the shares as formulas over the counts. */
	const struct report_settings *ru = &r->set;
	bool target = ru->target_maturity.set;
	const char *hdr[9];
	int n = 0;
	hdr[n++] = tr(lang, "xlsx.col.dimension");
	hdr[n++] = tr(lang, "xlsx.col.mean_level");
	hdr[n++] = tr(lang, "xlsx.col.level1");
	hdr[n++] = tr(lang, "xlsx.col.level2");
	hdr[n++] = tr(lang, "xlsx.col.level3");
	hdr[n++] = tr(lang, "xlsx.col.share1");
	hdr[n++] = tr(lang, "xlsx.col.share2");
	hdr[n++] = tr(lang, "xlsx.col.share3");
	if (target)
		hdr[n++] = tr(lang, "xlsx.col.target");
	int header = 3;
	bool all_ok = true;
	for (int d = 0; d < DIM_COUNT; d++) {
		int row = header + 1 + d;
		put_text(x, s, row, 0, dimension_label(lang, (enum dimension)d));
		const struct figure *mean = &r->org[ORG_MATURITY_TOOL_KNOWLEDGE + d];
		put_figure(x, s, row, 1, mean, K_DECIMAL);
		if (mean->status != FIG_OK)
			all_ok = false;
		int total = 0;
		for (int k = 0; k < 3; k++) {
			put_number(x, s, row, 2 + k, r->dimension_levels[d][k], x->f.num[K_COUNT],
			           K_COUNT);
			total += r->dimension_levels[d][k];
		}
		char a[32], b[32], c[32], f[256];
		cell_abs(b, sizeof(b), row, 2);
		cell_abs(c, sizeof(c), row, 4);
		for (int k = 0; k < 3; k++) {
			cell_rel(a, sizeof(a), row, 2 + k);
			snprintf(f, sizeof(f), "=IF(SUM(%s:%s)=0,0,%s/SUM(%s:%s))", b, c, a, b, c);
			double share = total ? (double)r->dimension_levels[d][k] / total : 0;
			put_formula(x, s, row, 5 + k, f, x->f.num[K_PERCENT], share, K_PERCENT);
		}
		if (target)
			put_number(x, s, row, 8, ru->target_maturity.value, x->f.num[K_DECIMAL],
			           K_DECIMAL);
	}
	add_table(x, s, "Maturity", header, 0, DIM_COUNT, hdr, n, "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);

	/* Career levels and learning paths. */
	int lv = header + DIM_COUNT + 3;
	const char *lhdr[4] = { tr(lang, "xlsx.col.level"), tr(lang, "xlsx.col.career_level"),
	                        tr(lang, "xlsx.col.learning_path"), tr(lang, "xlsx.col.share") };
	for (int k = 1; k <= 3; k++) {
		int row = lv + k;
		put_number(x, s, row, 0, k, x->f.num[K_COUNT], K_COUNT);
		put_text(x, s, row, 1, level_name(lang, k));
		put_text(x, s, row, 2, learning_path_name(lang, k));
		put_figure(x, s, row, 3, &r->org[ORG_LEVEL_SHARE_1 + k - 1], K_PERCENT);
	}
	add_table(x, s, "CareerLevels", lv, 0, 3, lhdr, 4, "xlsx.none.rows");

	/* Level migration since the previous quarter (§4, §11.33). */
	int mg = lv + 6;
	const char *mhdr[4] = { tr(lang, "xlsx.col.from_level"), tr(lang, "xlsx.col.to_level1"),
	                        tr(lang, "xlsx.col.to_level2"), tr(lang, "xlsx.col.to_level3") };
	put_note(x, s, mg - 1, 0, tr(lang, "xlsx.maturity.migration"), x->f.label_bold);
	for (int a = 1; a <= 3; a++) {
		int row = mg + a;
		put_number(x, s, row, 0, a, x->f.num[K_COUNT], K_COUNT);
		for (int b = 1; b <= 3; b++)
			put_figure(x, s, row, b, &r->org[ORG_MIGRATION_1_1 + 3 * (a - 1) + (b - 1)],
			           K_COUNT);
	}
	add_table(x, s, "Migration", mg, 0, 3, mhdr, 4, "xlsx.none.rows");
	put_text(x, s, mg + 4, 0, tr(lang, "xlsx.m.migration_matched"));
	put_figure(x, s, mg + 4, 1, &r->org[ORG_MIGRATION_MATCHED], K_COUNT);

	if (!all_ok)
		return;
	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_RADAR_WITH_MARKERS);
	if (!chart) {
		note_error(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	char cats[160], vals[160];
	sheet_range(cats, sizeof(cats), s->name, header + 1, 0, header + DIM_COUNT, 0);
	sheet_range(vals, sizeof(vals), s->name, header + 1, 1, header + DIM_COUNT, 1);
	lxw_chart_series *ser = chart_add_series(chart, cats, vals);
	chart_series_set_name(ser, tr(lang, "xlsx.chart.organisation"));
	lxw_chart_line line = { .color = 0x1F3A5F, .width = 2.25 };
	chart_series_set_line(ser, &line);
	if (target) {
		sheet_range(vals, sizeof(vals), s->name, header + 1, 8, header + DIM_COUNT, 8);
		lxw_chart_series *t = chart_add_series(chart, cats, vals);
		chart_series_set_name(t, tr(lang, "xlsx.col.target"));
		lxw_chart_line tl = { .color = 0xB45309, .width = 1.5,
		                      .dash_type = LXW_CHART_LINE_DASH_DASH };
		chart_series_set_line(t, &tl);
	}
	chart_title_set_name(chart, tr(lang, "xlsx.chart.maturity"));
	lxw_chart_font title_font = { .size = 11, .bold = LXW_TRUE };
	chart_title_set_name_font(chart, &title_font);
	chart_axis_set_min(chart->y_axis, 0);
	chart_axis_set_max(chart->y_axis, 3);
	chart_axis_set_major_unit(chart->y_axis, 1);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = { .x_scale = 1.1, .y_scale = 1.3 };
	/* Below the dimension table, right of the four-column tables. */
	note_error(x, worksheet_insert_chart_opt(s->ws, (lxw_row_t)(lv - 1), 5, chart, &opt));
}

static void trend_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	put_title(x, s, "xlsx.title.trend");
	put_note(x, s, 1, 0, tr(lang, "xlsx.trend.note"), NULL);
	int header = 3;
	if (r->survey_suppressed) {
		put_survey_statement(x, s, 2);
		header = 4;
	}
	const char *hdr[5] = { tr(lang, "xlsx.col.quarter"), tr(lang, "xlsx.m.adoption_rate"),
	                       tr(lang, "xlsx.m.maturity_index"),
	                       tr(lang, "xlsx.m.hours_saved_per_week"), tr(lang, "xlsx.m.roi") };
	for (size_t q = 0; q < r->quarter_count; q++) {
		const struct quarter *qu = &r->quarters[q];
		int row = header + 1 + (int)q;
		char label[16];
		snprintf(label, sizeof(label), "%04d-Q%d", qu->year, qu->quarter);
		put_text(x, s, row, 0, label);
		put_figure(x, s, row, 1, &qu->adoption_rate, K_PERCENT);
		put_figure(x, s, row, 2, &qu->maturity_index, K_DECIMAL);
		put_figure(x, s, row, 3, &qu->hours_saved_per_week, K_DECIMAL);
		put_figure(x, s, row, 4, &qu->roi, K_PERCENT);
	}
	add_table(x, s, "Trend", header, 0, (int)r->quarter_count, hdr, 5, "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);
}

static void data_quality_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	const struct report_settings *ru = &r->set;
	enum lang lang = x->lang;
	put_title(x, s, "xlsx.title.data_quality");
	put_note(x, s, 1, 0, tr(lang, "xlsx.data_quality.note"), NULL);
	int header = 3;
	const char *hdr[5] = { tr(lang, "xlsx.col.file"), tr(lang, "xlsx.col.rows_read"),
	                       tr(lang, "xlsx.col.rows_used"), tr(lang, "xlsx.col.rows_rejected"),
	                       tr(lang, "xlsx.col.rows_superseded") };
	for (int i = 0; i < 2; i++) {
		const struct file_quality *fq = &r->files[i];
		int row = header + 1 + i;
		put_text(x, s, row, 0, fq->name ? fq->name : "");
		put_number(x, s, row, 1, (double)fq->rows_read, x->f.num[K_COUNT], K_COUNT);
		put_number(x, s, row, 2, (double)fq->rows_used, x->f.num[K_COUNT], K_COUNT);
		put_number(x, s, row, 3, (double)fq->rows_rejected, x->f.num[K_COUNT], K_COUNT);
		put_number(x, s, row, 4, (double)fq->rows_superseded, x->f.num[K_COUNT], K_COUNT);
	}
	add_table(x, s, "DataQuality", header, 0, 2, hdr, 5, "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 0);

	/* The method in brief: what the figures rest on. */
	int row = header + 5;
	put_note(x, s, row++, 0, tr(lang, "xlsx.method"), x->f.heading);
	char text[600];
	with_k(text, sizeof(text), tr(lang, "xlsx.privacy.note"), r->min_group_size);
	put_note(x, s, row++, 0, text, x->f.text);
	if (r->survey_suppressed) {
		put_survey_statement(x, s, row++);
	}
	put_note(x, s, row++, 0, tr(lang, "xlsx.method.as_known"), x->f.text);
	put_note(x, s, row++, 0, tr(lang, "xlsx.method.value"), x->f.text);
	if (r->month_count > 0) {
		snprintf(text, sizeof(text), "%s: %04d-%02d", tr(lang, "xlsx.method.program_start"),
		         r->months[0].year, r->months[0].month);
		put_note(x, s, row++, 0, text, x->f.text);
	}
	if (ru->rules_path) {
		snprintf(text, sizeof(text), "%s: ", tr(lang, "xlsx.method.rules"));
		put_note(x, s, row, 0, text, x->f.text);
		/* The path is input text: written as a string like every other. */
		put_text_fmt(x, s, row, 1, ru->rules_path, x->f.text, false);
	}
}

static void employees_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	bool survey = !r->survey_suppressed;
	put_title(x, s, "xlsx.title.employees");
	put_note(x, s, 1, 0, tr(lang, "xlsx.employees.note"), NULL);
	int header = 3;
	if (!survey) {
		put_survey_statement(x, s, 2);
		header = 4;
	}
	const char *hdr[11];
	int n = 0;
	hdr[n++] = tr(lang, "xlsx.col.employee");
	hdr[n++] = tr(lang, "xlsx.col.department");
	hdr[n++] = tr(lang, "xlsx.col.role");
	hdr[n++] = tr(lang, "xlsx.col.in_survey");
	hdr[n++] = tr(lang, "xlsx.col.in_timesheet");
	if (survey) {
		hdr[n++] = tr(lang, "xlsx.col.active");
		hdr[n++] = tr(lang, "xlsx.col.career_level");
	}
	hdr[n++] = tr(lang, "xlsx.col.rate_class");
	hdr[n++] = tr(lang, "xlsx.col.ai_entries");
	hdr[n++] = tr(lang, "xlsx.m.hours_saved");
	hdr[n++] = tr(lang, "xlsx.m.value_saved");
	for (size_t e = 0; e < r->employee_count; e++) {
		const struct employee_row *em = &r->employees[e];
		int row = header + 1 + (int)e, col = 0;
		put_text(x, s, row, col++, em->id);
		put_text(x, s, row, col++, em->department);
		put_text(x, s, row, col++, em->role);
		put_text(x, s, row, col++, tr(lang, em->in_survey ? "xlsx.yes" : "xlsx.no"));
		put_text(x, s, row, col++, tr(lang, em->in_timesheet ? "xlsx.yes" : "xlsx.no"));
		if (survey) {
			put_text(x, s, row, col++, tr(lang, em->active ? "xlsx.yes" : "xlsx.no"));
			if (em->overall_level >= 1 && em->overall_level <= 3)
				put_text(x, s, row, col, level_name(lang, em->overall_level));
			col++;
		}
		if (em->rate_class >= 0 && (size_t)em->rate_class < r->rate_class_count) {
			char cls[256];
			class_label(cls, sizeof(cls), lang, &r->rate_classes[em->rate_class]);
			put_text(x, s, row, col, cls);
		}
		col++;
		put_number(x, s, row, col++, em->ai_entries, x->f.num[K_COUNT], K_COUNT);
		put_number(x, s, row, col++, em->hours_saved, x->f.num[K_DECIMAL], K_DECIMAL);
		put_number(x, s, row, col++, em->value_saved, x->f.num[K_MONEY], K_MONEY);
	}
	add_table(x, s, "Employees", header, 0, (int)r->employee_count, hdr, n,
	          "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);
}

/* ---- the workbook ------------------------------------------------------------- */

static int write_workbook(struct xlsx *x, const char *path)
{
	const struct report *r = x->r;
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
	note_error(x, workbook_set_properties(x->wb, &props));
	formats_init(x);
	snprintf(x->suppressed, sizeof(x->suppressed), "n<%d", r->min_group_size);
	x->na = tr(x->lang, "xlsx.na");
	snprintf(x->weeks, sizeof(x->weeks), "(%d/7)", r->days);

	/* Sheets in the order of §8; ROI first in the writing, because Summary shows its
	 * results (the tab order is fixed by creation, so Summary is created first). */
	struct sheet summary, roi, departments, use_cases, maturity, trend, quality, employees;
	sheet_init(x, &summary, tr(x->lang, "xlsx.sheet.summary"));
	sheet_init(x, &roi, tr(x->lang, "xlsx.sheet.roi"));
	sheet_init(x, &departments, tr(x->lang, "xlsx.sheet.departments"));
	sheet_init(x, &use_cases, tr(x->lang, "xlsx.sheet.use_cases"));
	sheet_init(x, &maturity, tr(x->lang, "xlsx.sheet.maturity"));
	sheet_init(x, &trend, tr(x->lang, "xlsx.sheet.trend"));
	sheet_init(x, &quality, tr(x->lang, "xlsx.sheet.data_quality"));
	bool with_employees = r->set.employee_sheet;
	if (with_employees)
		sheet_init(x, &employees, tr(x->lang, "xlsx.sheet.employees"));

	if (x->error == LXW_NO_ERROR) {
		roi_sheet(x, &roi);
		summary_sheet(x, &summary);
		departments_sheet(x, &departments);
		use_cases_sheet(x, &use_cases);
		maturity_sheet(x, &maturity);
		trend_sheet(x, &trend);
		data_quality_sheet(x, &quality);
		if (with_employees)
			employees_sheet(x, &employees);
	}
	sheet_finish(&summary);
	sheet_finish(&roi);
	sheet_finish(&departments);
	sheet_finish(&use_cases);
	sheet_finish(&maturity);
	sheet_finish(&trend);
	sheet_finish(&quality);
	if (with_employees)
		sheet_finish(&employees);

	lxw_error e = workbook_close(x->wb);   /* frees the workbook, also on error */
	x->wb = NULL;
	note_error(x, e);
	return x->error == LXW_NO_ERROR ? 0 : -1;
}

int xlsx_write_roi(const struct report *r, const char *path, FILE *err)
{
	struct xlsx x = { .r = r, .lang = r->set.language };

	/* Thread-local "C" numbers for libxlsxwriter's printf (see the top of the file);
	 * thread-local so batch workers do not disturb each other. */
	locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	locale_t previous = (locale_t)0;
	if (c_locale != (locale_t)0)
		previous = uselocale(c_locale);

	int status = write_workbook(&x, path);

	if (c_locale != (locale_t)0) {
		uselocale(previous);
		freelocale(c_locale);
	}
	if (status != 0) {
		fprintf(err, "aireport: %s: cannot write workbook: %s\n", path,
		        x.error != LXW_NO_ERROR ? lxw_strerror(x.error) : "out of memory");
		return EXIT_IO;
	}
	return 0;
}
