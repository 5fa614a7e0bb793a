/* pdf_chart.h - the charts of assessment.pdf (vector graphics): horizontal bars,
 * lines over quarters or months, the maturity radar and the ROI band.  Pure
 * geometry over pdf_canvas.h: the charts know nothing of the report. */
#ifndef AIREPORT_PDF_CHART_H
#define AIREPORT_PDF_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "pdf_canvas.h"

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
