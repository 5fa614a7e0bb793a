/* pdf_chart.h - the drawing layer of assessment.pdf: measured and sanitised text,
 * colours, shapes and the charts (vector graphics).  Only out_pdf.c uses it.
 *
 * Coordinates are points measured from the top-left corner of the page; y grows
 * downwards (libharu's bottom-up system stays inside pdf_chart.c). */
#ifndef AIREPORT_PDF_CHART_H
#define AIREPORT_PDF_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include <hpdf.h>

#include "rules.h"
#include "util.h"

struct rgb {
	float r, g, b;
};
struct rgb rgb_hex(unsigned hex);
/* a + (b - a) * t, per channel. */
struct rgb rgb_mix(struct rgb a, struct rgb b, float t);

/* The palette of REPORT_DESIGN.md. */
#define COLOR_INK        0x1F2937u
#define COLOR_MUTED      0x6B7280u
#define COLOR_HAIRLINE   0xD1D5DBu
#define COLOR_ZEBRA      0xF3F4F6u
#define COLOR_BRAND      0x1F3A5Fu
#define COLOR_BRAND_TINT 0x93A5BDu   /* the second series beside the brand colour */
#define COLOR_ACCENT     0xB45309u
#define COLOR_ACCENT_BAND 0xFBEEDDu  /* reference bands, shaded lightly */
#define COLOR_BENEFIT    0x2A9D8Fu
#define COLOR_COST       0xE76F51u
#define COLOR_GREEN      0x2E7D32u
#define COLOR_AMBER      0xF9A825u
#define COLOR_RED        0xC62828u
#define COLOR_WHITE      0xFFFFFFu

/* The type scale: no other sizes are used. */
#define SIZE_COVER    24.0f
#define SIZE_HEADING  16.0f
#define SIZE_SUB      11.5f
#define SIZE_BODY      9.5f
#define LEADING_BODY  13.0f
#define SIZE_TABLE     8.5f
#define SIZE_NOTE      7.5f

enum font_style { FONT_REGULAR, FONT_BOLD };

struct canvas {
	HPDF_Doc doc;
	HPDF_Page page;              /* the page drawn on */
	HPDF_Font font[2];           /* FONT_REGULAR, FONT_BOLD */
	HPDF_FontDef fontdef[2];     /* their TrueType definitions, for widths and glyphs */
	enum lang lang;
	const char *currency;
	float page_height;
};

/* Text.  Every string may be any bytes: invalid UTF-8 becomes U+FFFD, control
 * characters become spaces, characters the font lacks become '?', so nothing that
 * came from an input file can break the PDF. */
void text_sanitize(const struct canvas *c, enum font_style f, const char *s, struct buf *out);
float text_width(const struct canvas *c, enum font_style f, float size, const char *s);
/* Writes s into out, shortened with "…" to at most max_width. */
void text_fit(const struct canvas *c, enum font_style f, float size, const char *s,
              float max_width, struct buf *out);
/* Breaks s into lines of at most max_width (a word longer than a line is cut with
 * "…").  Returns the number of lines; *lines is an array of xmalloc'd strings the
 * caller frees with text_lines_free. */
size_t text_wrap(const struct canvas *c, enum font_style f, float size, const char *s,
                 float max_width, char ***lines);
void text_lines_free(char **lines, size_t n);

enum align { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER };
/* Draws s with its baseline at y; x is the left edge, right edge or centre. */
void draw_text(struct canvas *c, enum font_style f, float size, struct rgb color,
               float x, float y, enum align align, const char *s);
/* Like draw_text, shortened with "…" to max_width. */
void draw_text_fit(struct canvas *c, enum font_style f, float size, struct rgb color,
                   float x, float y, enum align align, float max_width, const char *s);

/* Shapes. */
void fill_rect(struct canvas *c, float x, float y, float w, float h, struct rgb color);
void stroke_rect(struct canvas *c, float x, float y, float w, float h, float width,
                 struct rgb color);
void draw_line(struct canvas *c, float x1, float y1, float x2, float y2, float width,
               struct rgb color, bool dashed);
void fill_circle(struct canvas *c, float x, float y, float radius, struct rgb color);

/* How chart values are written on axes and labels. */
enum value_kind { VALUE_PERCENT, VALUE_NUMBER, VALUE_MONEY, VALUE_LEVEL };
void format_value(const struct canvas *c, enum value_kind kind, double v, char *out,
                  size_t outsz);

/* Horizontal bars, one row per item with one or two bars (series 0 and 1).
 * Items without a value for a series get no bar for it.  Negative values grow to
 * the left of a zero line.  A flagged item gets a "⚠" after its value. */
struct hbar_item {
	const char *label;
	double value[2];
	bool has[2];
	bool flagged;
};
struct hbar_chart {
	int series;                  /* 1 or 2 */
	struct rgb color[2];
	enum value_kind kind;
	bool has_target;
	double target;
	const char *target_label;    /* "doel 60 %" */
	float label_width;           /* width of the label column */
	float row_height;
	double max_hint;             /* the axis reaches at least this (e.g. 1.0 = 100 %) */
};
/* Height the rows [0, n) take, axis included. */
float hbar_chart_height(const struct hbar_chart *spec, size_t n);
/* Draws items[0..n) at (x, y) with total width w; the axis uses all of items_all
 * so that continued parts of one chart share their scale. */
void hbar_chart_draw(struct canvas *c, float x, float y, float w, const struct hbar_chart *spec,
                     const struct hbar_item *items, size_t n,
                     const struct hbar_item *items_all, size_t n_all);

/* A line chart over categories (quarters, months).  A series point with has[i]
 * false leaves a gap. */
#define LINE_MAX_SERIES 2
struct line_series {
	const double *value;
	const bool *has;
	struct rgb color;
	const char *name;            /* written at the line's end; NULL = none */
	bool label_points;           /* write each value above its point */
};
struct line_chart {
	size_t count;                /* categories */
	const char *const *category; /* labels under the axis; NULL entries are skipped */
	size_t series_count;
	struct line_series series[LINE_MAX_SERIES];
	enum value_kind kind;
	double min_hint, max_hint;   /* the axis covers at least this range */
	bool has_target;
	double target;
	const char *target_label;
	/* a shaded band of categories [band_from, band_to] (0-based), when band_label */
	const char *band_label;
	size_t band_from, band_to;
	/* a vertical rule at category marker (0-based), when marker_label */
	const char *marker_label;
	size_t marker;
};
void line_chart_draw(struct canvas *c, float x, float y, float w, float h,
                     const struct line_chart *spec);

/* A radar over n axes (levels 1..3) centred at cy in the box [x, x + w]: the
 * organisation's polygon and an optional dashed target polygon.  labels[i] is
 * written outside axis i; the radius shrinks from max_radius until they fit. */
void radar_chart_draw(struct canvas *c, float x, float cy, float w, float max_radius, size_t n,
                      const char *const *labels, const double *value, const bool *has,
                      bool has_target, double target, const char *org_label,
                      const char *target_label);

/* A horizontal scale with a shaded reference band and labelled markers (ROI
 * against 200-400 %). */
struct band_marker {
	double value;
	const char *label;
	struct rgb color;
};
void band_chart_draw(struct canvas *c, float x, float y, float w, enum value_kind kind,
                     double band_from, double band_to, const char *band_label,
                     bool has_target, double target, const char *target_label,
                     const struct band_marker *markers, size_t n);
float band_chart_height(void);

#endif
