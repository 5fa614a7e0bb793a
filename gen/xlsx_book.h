/* xlsx_book.h - the libxlsxwriter adapter of roi.xlsx: the workbook, its formats,
 * the sheets and how cells are written (text, numbers, figures, formulas with
 * their cached results), cell references, defined names, tables and validation.
 *
 * The only header that includes <xlsxwriter.h>; the other xlsx_*.c files see
 * libxlsxwriter through it, for what belongs to one sheet alone (its charts, frozen
 * panes, print setup).  Shared by out_xlsx.c, xlsx_roi.c and xlsx_sheets.c only. */
#ifndef AIREPORT_XLSX_BOOK_H
#define AIREPORT_XLSX_BOOK_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>

#include <xlsxwriter.h>

#include "report.h"
#include "util.h"

/* How a number is shown: one format of each family (num, strong, total, input) per kind. */
enum kind { K_COUNT, K_DECIMAL, K_PERCENT, K_MONEY };

struct formats {
	lxw_format *title, *note, *warning, *heading, *header, *header_num, *label_bold, *text;
	lxw_format *num[4];          /* by enum kind */
	lxw_format *strong[4];       /* results */
	lxw_format *total[4];        /* total rows: bold under a rule */
	lxw_format *input[4];        /* editable input cells */
	lxw_format *missing;         /* "n<k" and "n/a" */
	/* a number privacy hides where a formula still needs it: prints "n<k" */
	lxw_format *masked;
	lxw_format *band;            /* a share's band: "≥ 50 %" */
};

/* One worksheet and the widths its columns need, in characters. */
struct sheet {
	lxw_worksheet *ws;
	const char *name;
	double *width;
	double *overflow;            /* longest note starting in each column */
	size_t ncols;
};

/* The workbook being written: the report, its language, the formats and the first
 * error.  xlsx_book_open() fills it, xlsx_book_close() ends it. */
struct xlsx {
	const struct report *r;
	enum lang lang;
	lxw_workbook *wb;
	struct formats f;
	char suppressed[24];         /* "n<5" */
	const char *na;              /* "n/a" in the report language */
	lxw_error error;             /* first error libxlsxwriter reported */

	char weeks[32];              /* W = D / 7 written as a formula term, "(92/7)" */

	locale_t c_locale;           /* the "C" numbers libxlsxwriter's printf needs */
	locale_t previous_locale;
};

/* Creates the workbook at path for r: the document properties, the formats, the
 * texts of missing figures, and the thread-local "C" locale for the whole write.
 * Returns 0, or -1 when the workbook cannot be created; either way
 * xlsx_book_close() must follow. */
int xlsx_book_open(struct xlsx *x, const struct report *r, const char *path);
/* Writes and frees the workbook (also when an error came before) and restores the
 * locale.  Returns 0, or -1 when anything failed: xlsx_book_error() says what. */
int xlsx_book_close(struct xlsx *x);
/* The first error of the write, for one line on stderr. */
const char *xlsx_book_error(const struct xlsx *x);

/* Keeps the first error libxlsxwriter reported; later calls go on without effect. */
void xlsx_note_error(struct xlsx *x, lxw_error e);

/* Adds the worksheet `name` (A4 landscape, one page wide when printed). */
void xlsx_sheet_init(struct xlsx *x, struct sheet *s, const char *name);
/* Sets every column to the width its content needs, then frees the width table. */
void xlsx_sheet_finish(struct sheet *s);
/* The first column right of every note of rows written so far in columns >= from,
 * with a small margin: where a chart can go without hiding text. */
int xlsx_column_after_notes(const struct sheet *s, size_t from);

/* Text that may have come from the input files, always as a string (never a
 * formula).  With fit, the column grows to the text; else it may run over empty
 * cells to its right. */
void xlsx_put_text_fmt(struct xlsx *x, struct sheet *s, int row, int col, const char *text,
                       lxw_format *fmt, bool fit);
void xlsx_put_text(struct xlsx *x, struct sheet *s, int row, int col, const char *text);
/* A note: long text that may run over the empty cells to its right (fmt NULL: the
 * note format). */
void xlsx_put_note(struct xlsx *x, struct sheet *s, int row, int col, const char *text,
                   lxw_format *fmt);
void xlsx_put_number(struct xlsx *x, struct sheet *s, int row, int col, double v,
                     lxw_format *fmt, enum kind kind);
/* A figure of the report: its value when FIG_OK, else "n<k" or "n/a". */
void xlsx_put_figure(struct xlsx *x, struct sheet *s, int row, int col,
                     const struct figure *fig, enum kind kind);
/* A formula with a numeric cached result. */
void xlsx_put_formula(struct xlsx *x, struct sheet *s, int row, int col, const char *formula,
                      lxw_format *fmt, double cached, enum kind kind);
/* A formula whose cached result may be "n/a" (a figure that is not FIG_OK). */
void xlsx_put_formula_figure(struct xlsx *x, struct sheet *s, int row, int col,
                             const char *formula, lxw_format *fmt,
                             const struct figure *cached, enum kind kind);

/* "$B$7" */
void xlsx_cell_abs(char *out, size_t outsz, int row, int col);
/* "B7" */
void xlsx_cell_rel(char *out, size_t outsz, int row, int col);
/* "'Sheet name'!$B$7:$B$9": a sheet reference for charts and defined names. */
void xlsx_sheet_range(char *out, size_t outsz, const char *sheet, int row1, int col1,
                      int row2, int col2);
/* Appends s to b as a string literal for a formula: "..." with inner quotes doubled. */
void xlsx_formula_string(struct buf *b, const char *s);
/* The workbook-wide name `name` for one cell of sheet. */
void xlsx_define_name(struct xlsx *x, const char *name, const char *sheet, int row, int col);
/* Data validation of an input cell: a number >= min, or between min and max with
 * range; the message is the text of message_key. */
void xlsx_validate(struct xlsx *x, struct sheet *s, int row, int col, bool range,
                   double min, double max, const char *message_key);

/* Fills the blank {1} of a translated text with the minimum group size k. */
void xlsx_with_k(char *out, size_t outsz, const char *text, int k);
/* Row 0: "<title of key> — <organisation> — <year>-Q<quarter>". */
void xlsx_put_title(struct xlsx *x, struct sheet *s, const char *key);
/* The statement that the survey cannot be reported (§5), on row `row`, wrapped over
 * the first four columns so that it also prints whole. */
void xlsx_put_survey_statement(struct xlsx *x, struct sheet *s, int row);
/* An Excel table (autofilter, banded rows) over rows first_row (header) to
 * first_row + nrows, with the given headers; the data cells are written by the
 * caller.  Without rows the header is written as plain cells and empty_key's text
 * below it. */
void xlsx_add_table(struct xlsx *x, struct sheet *s, const char *name, int first_row,
                    int first_col, int nrows, const char *const *headers, int ncols,
                    const char *empty_key);

#endif
