/* pdf_layout.h - the page layout of assessment.pdf (REPORT_DESIGN.md): the writer's
 * state (struct pdf), the 12-column grid, the flow down the page, headings, text,
 * bullets, tables that continue on the next page, the blocks several sections
 * share, and the footers.  Internal to the PDF writer. */
#ifndef AIREPORT_PDF_LAYOUT_H
#define AIREPORT_PDF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "pdf_canvas.h"
#include "pdf_chart.h"
#include "pdf_doc.h"
#include "report.h"

/* ---- page grid (A4, 18 mm margins, 12 columns, 4 mm gutter) ---------------- */

#define MM(x)      ((float)(x) * 72.0f / 25.4f)
#define PAGE_W     595.276f
#define PAGE_H     841.89f
#define MARGIN     MM(18)
#define GUTTER     MM(4)
#define CONTENT_W  (PAGE_W - 2 * MARGIN)
#define COL_W      ((CONTENT_W - 11 * GUTTER) / 12)
#define CONTENT_BOTTOM (PAGE_H - MARGIN - 16)

/* The left edge of column col (0..11) and the width of cols columns. */
float col_x(int col);
float span_w(int cols);

/* The writer's state. */
struct pdf {
	struct canvas c;               /* drawing on the current page */
	struct pdf_doc doc;            /* the document, its pages and first error */
	const struct report *r;
	enum lang lang;
	float y;                       /* flow cursor, points from the top */

	char **arena;                  /* strings owned by the writer, freed at the end */
	size_t arena_count, arena_cap;
};

/* ---- pages and flow ---------------------------------------------------------- */

/* A new page with the cursor at the top margin. */
void new_page(struct pdf *p);
float space_left(const struct pdf *p);
/* Starts a new page unless h points fit below the cursor. */
void ensure(struct pdf *p, float h);
/* A section heading (translation key) with its outline entry; a new page when
 * less than a third of the page is left, or always when own_page. */
void section(struct pdf *p, const char *key, bool own_page);
/* A sub-heading kept together with at least `after` points of what follows. */
void subheading(struct pdf *p, const char *text, float after);

/* Wrapped text at (x, cursor) of width w; returns the height used.  Breaks pages
 * between lines when `flow`. */
float text_block(struct pdf *p, enum font_style f, float size, float leading,
                 struct rgb col, float x, float w, const char *s, bool flow);
float text_height(struct pdf *p, enum font_style f, float size, float leading, float w,
                  const char *s);
void paragraph(struct pdf *p, const char *s);
void note(struct pdf *p, const char *s);
/* A bullet list item with a hanging indent. */
void bullet(struct pdf *p, const char *s);

/* ---- tables ------------------------------------------------------------------ */

struct column {
	const char *header;            /* may hold '\n' for a two-line header */
	float width;
	enum align align;
};

struct cell {
	const char *text;
	const char *sub;               /* a second, smaller line */
	bool bold;
	bool has_fill;
	struct rgb fill;
	bool has_color;
	struct rgb color;
};

struct table {
	const char *title;             /* repeated with "(continued)" on a new page */
	const struct column *cols;
	size_t ncols;
	float x;
	float header_h;
	size_t rows;
	bool zebra;
};

#define ROW_H     14.0f
#define ROW_H_SUB 24.0f

/* Starts a table: its title (may be NULL) and header, kept together with the first
 * rows.  cols must live until table_end. */
void table_begin(struct pdf *p, struct table *t, const char *title,
                 const struct column *cols, size_t ncols, float x);
/* One row of t->ncols cells; a new page (title "(continued)", header) when it does
 * not fit. */
void table_row(struct pdf *p, struct table *t, const struct cell *cells);
void table_end(struct pdf *p, struct table *t);
/* Column widths spanning total: the first column takes what the others leave. */
void fit_columns(struct column *cols, size_t n, float total);
/* "— = fewer than k people" under a table with a suppressed figure. */
void suppressed_footnote(struct pdf *p);

/* ---- blocks several sections share ------------------------------------------- */

/* A row of legend keys at (x, cursor): a swatch, or a dashed line, and a name. */
void legend(struct pdf *p, float x, const char *const *names, const struct rgb *colors,
            const bool *dashed, size_t n);
/* A horizontal bar chart that continues on further pages, each part with the same
 * scale; the title is repeated with "(continued)".  legend_fn, note_text and source
 * may be NULL. */
void flowing_hbars(struct pdf *p, const char *title, const struct hbar_chart *spec,
                   const struct hbar_item *items, size_t n,
                   void (*legend_fn)(struct pdf *), const char *note_text, const char *source);
/* The line chart of one quarterly figure over r->quarters: which is 0 adoption,
 * 1 hours saved per week, 2 ROI, 3 maturity index. */
void quarter_trend(struct pdf *p, const char *title, size_t which, enum value_kind kind,
                   bool has_target, double target, const char *target_label);

/* The footer of every page but the cover: organisation, period, "page i of n". */
void footers(struct pdf *p);

#endif
