/* pdf_chart.c - the charts of assessment.pdf: axes with round steps, horizontal
 * bars, line charts, the radar and the band scale, drawn through pdf_canvas.h. */
#include <math.h>
#include <stdio.h>

#include "i18n.h"
#include "pdf_chart.h"

#define WARNING_SIGN "\xE2\x9A\xA0"   /* ⚠ */
#define PI 3.14159265358979323846

/* ---- values and axes ----------------------------------------------------- */

void format_value(const struct canvas *c, enum value_kind kind, double v, char *out,
                  size_t outsz)
{
	switch (kind) {
	case VALUE_PERCENT:
		format_percent(out, outsz, c->lang, v, fabs(v) >= 10 ? 0 : 1);
		break;
	case VALUE_MONEY:
		format_money(out, outsz, c->lang, c->currency, v, 0);
		break;
	case VALUE_LEVEL:
		format_number(out, outsz, c->lang, v, 1);
		break;
	default:
		format_number(out, outsz, c->lang, v, fabs(v) >= 100 ? 0 : 1);
		break;
	}
}

/* Axis tick labels: percentages without decimals where the step allows. */
static void format_tick(const struct canvas *c, enum value_kind kind, double v, double step,
                        char *out, size_t outsz)
{
	switch (kind) {
	case VALUE_PERCENT:
		format_percent(out, outsz, c->lang, v, step >= 0.01 - 1e-12 ? 0 : 1);
		break;
	case VALUE_MONEY:
		format_money(out, outsz, c->lang, c->currency, v, 0);
		break;
	default:
		format_number(out, outsz, c->lang, v, step >= 1 - 1e-12 ? 0 : 1);
		break;
	}
}

/* A 1-2-2.5-5 step giving about `ticks` intervals over [lo, hi]. */
static double nice_step(double lo, double hi, int ticks)
{
	double range = hi - lo;
	if (!(range > 0))
		return 1;
	double raw = range / ticks;
	double mag = pow(10, floor(log10(raw)));
	double f = raw / mag;
	double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
	return nice * mag;
}

struct axis {
	double lo, hi, step;
};

static struct axis make_axis(double lo, double hi, int ticks)
{
	struct axis a;
	if (!(hi > lo))
		hi = lo + 1;
	a.step = nice_step(lo, hi, ticks);
	a.lo = floor(lo / a.step + 1e-9) * a.step;
	a.hi = ceil(hi / a.step - 1e-9) * a.step;
	if (a.hi <= a.lo)
		a.hi = a.lo + a.step;
	return a;
}

static float axis_pos(const struct axis *a, double v, float from, float to)
{
	return from + (float)((v - a->lo) / (a->hi - a->lo)) * (to - from);
}

/* ---- horizontal bars ----------------------------------------------------- */

#define HBAR_TOP    12.0f   /* room for the target label */
#define HBAR_BOTTOM 12.0f   /* axis labels */

float hbar_chart_height(const struct hbar_chart *spec, size_t n)
{
	return HBAR_TOP + (float)n * spec->row_height + HBAR_BOTTOM;
}

void hbar_chart_draw(struct canvas *c, float x, float y, float w, const struct hbar_chart *spec,
                     const struct hbar_item *items, size_t n,
                     const struct hbar_item *items_all, size_t n_all)
{
	struct rgb muted = rgb_hex(COLOR_MUTED), hair = rgb_hex(COLOR_HAIRLINE);
	struct rgb ink = rgb_hex(COLOR_INK), accent = rgb_hex(COLOR_ACCENT);
	char label[64];

	double lo = 0, hi = spec->max_hint > 0 ? spec->max_hint : 0;
	for (size_t i = 0; i < n_all; i++)
		for (int s = 0; s < spec->series; s++)
			if (items_all[i].has[s]) {
				if (items_all[i].value[s] < lo)
					lo = items_all[i].value[s];
				if (items_all[i].value[s] > hi)
					hi = items_all[i].value[s];
			}
	if (spec->has_target && spec->target > hi)
		hi = spec->target;
	struct axis ax = make_axis(lo, hi, 4);

	/* room for the value labels on both sides of the bars */
	float value_room = 0;
	for (size_t i = 0; i < n_all; i++)
		for (int s = 0; s < spec->series; s++)
			if (items_all[i].has[s]) {
				format_value(c, spec->kind, items_all[i].value[s], label, sizeof label);
				float lw = text_width(c, FONT_REGULAR, SIZE_NOTE, label) +
				           (items_all[i].flagged ? text_width(c, FONT_REGULAR, SIZE_NOTE, " " WARNING_SIGN) : 0);
				if (lw > value_room)
					value_room = lw;
			}
	value_room += 4;
	float x0 = x + spec->label_width + (lo < 0 ? value_room : 0);
	float x1 = x + w - value_room;
	float top = y + HBAR_TOP, bottom = top + (float)n * spec->row_height;

	/* gridlines and axis labels */
	for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step) {
		float gx = axis_pos(&ax, t, x0, x1);
		draw_line(c, gx, top, gx, bottom, 0.4f, hair, false);
		format_tick(c, spec->kind, t, ax.step, label, sizeof label);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, gx, bottom + 9, ALIGN_CENTER, label);
	}
	float zero = axis_pos(&ax, 0, x0, x1);
	draw_line(c, zero, top, zero, bottom, 0.6f, muted, false);

	float bar_h = spec->series == 2 ? 6.5f : 8.0f, gap = 1.5f;
	float bars_h = spec->series * bar_h + (spec->series - 1) * gap;
	for (size_t i = 0; i < n; i++) {
		float ry = top + (float)i * spec->row_height;
		float by = ry + (spec->row_height - bars_h) / 2;
		draw_text_fit(c, FONT_REGULAR, SIZE_TABLE, ink, x, ry + spec->row_height / 2 + 3,
		              ALIGN_LEFT, spec->label_width - 6, items[i].label);
		for (int s = 0; s < spec->series; s++, by += bar_h + gap) {
			if (!items[i].has[s])
				continue;
			double v = items[i].value[s];
			float vx = axis_pos(&ax, v, x0, x1);
			float left = v < 0 ? vx : zero, width = fabsf(vx - zero);
			fill_rect(c, left, by, width < 0.6f && v != 0 ? 0.6f : width, bar_h, spec->color[s]);
			format_value(c, spec->kind, v, label, sizeof label);
			float tb = by + bar_h / 2 + 2.6f;
			if (v < 0) {
				float lw = text_width(c, FONT_REGULAR, SIZE_NOTE, label);
				draw_text(c, FONT_REGULAR, SIZE_NOTE, ink, vx - 2, tb, ALIGN_RIGHT, label);
				if (items[i].flagged && s == 0)
					draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, vx - 4 - lw, tb, ALIGN_RIGHT, WARNING_SIGN);
			} else {
				draw_text(c, FONT_REGULAR, SIZE_NOTE, ink, vx + 2, tb, ALIGN_LEFT, label);
				if (items[i].flagged && s == 0) {
					float lw = text_width(c, FONT_REGULAR, SIZE_NOTE, label);
					draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, vx + 4 + lw, tb, ALIGN_LEFT, WARNING_SIGN);
				}
			}
		}
	}
	if (spec->has_target) {
		float tx = axis_pos(&ax, spec->target, x0, x1);
		draw_line(c, tx, top - 2, tx, bottom, 1.0f, accent, true);
		if (spec->target_label) {
			float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->target_label);
			enum align al = tx + tw / 2 > x + w ? ALIGN_RIGHT : ALIGN_CENTER;
			draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, al == ALIGN_RIGHT ? x + w : tx,
			          top - 4, al, spec->target_label);
		}
	}
}

/* ---- line chart ---------------------------------------------------------- */

/* The plot area of a line chart and its scale. */
struct plot {
	struct axis ax;
	float px0, px1;              /* left and right edges */
	float py0, py1;              /* top and bottom */
	float step_x;                /* the width of one category */
};

/* The centre of category i. */
static float cat_x(const struct plot *pl, size_t i)
{
	return pl->px0 + pl->step_x * ((float)i + 0.5f);
}

/* The scale covers every point, the target and the hinted range. */
static struct axis line_axis(const struct line_chart *spec)
{
	double lo = spec->min_hint, hi = spec->max_hint;
	for (size_t s = 0; s < spec->series_count; s++)
		for (size_t i = 0; i < spec->count; i++)
			if (spec->series[s].has[i]) {
				double v = spec->series[s].value[i];
				if (v < lo)
					lo = v;
				if (v > hi)
					hi = v;
			}
	if (spec->has_target) {
		if (spec->target > hi)
			hi = spec->target;
		if (spec->target < lo)
			lo = spec->target;
	}
	return make_axis(lo, hi, 4);
}

/* The left axis labels decide the plot's left edge, the series names its right
 * edge; band and marker labels go above it. */
static struct plot line_plot(const struct canvas *c, float x, float y, float w, float h,
                             const struct line_chart *spec)
{
	struct plot pl;
	char label[64];
	pl.ax = line_axis(spec);
	struct axis ax = pl.ax;
	float left_w = 0, right_w = 0;
	for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step) {
		format_tick(c, spec->kind, t, ax.step, label, sizeof label);
		float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, label);
		if (tw > left_w)
			left_w = tw;
	}
	for (size_t s = 0; s < spec->series_count; s++)
		if (spec->series[s].name) {
			float tw = text_width(c, FONT_BOLD, SIZE_NOTE, spec->series[s].name);
			if (tw > right_w)
				right_w = tw;
		}
	if (spec->has_target && spec->target_label) {
		float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->target_label);
		if (tw > right_w)
			right_w = tw;
	}
	pl.px0 = x + left_w + 5;
	pl.px1 = x + w - (right_w > 0 ? right_w + 6 : 4);
	pl.py0 = y + (spec->band_label || spec->marker_label ? 22 : 10);
	pl.py1 = y + h - 12;
	pl.step_x = spec->count > 1 ? (pl.px1 - pl.px0) / (float)spec->count : pl.px1 - pl.px0;
	return pl;
}

/* The shaded band of categories with its label above the plot. */
static void line_band(struct canvas *c, float x, float w, const struct plot *pl,
                      const struct line_chart *spec)
{
	struct rgb accent = rgb_hex(COLOR_ACCENT);
	float py0 = pl->py0, py1 = pl->py1, step_x = pl->step_x;
	if (spec->band_label && spec->band_from < spec->count) {
		size_t to = spec->band_to < spec->count ? spec->band_to : spec->count - 1;
		float bx0 = cat_x(pl, spec->band_from) - step_x / 2, bx1 = cat_x(pl, to) + step_x / 2;
		fill_rect(c, bx0, py0, bx1 - bx0, py1 - py0, rgb_hex(COLOR_ACCENT_BAND));
		float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->band_label);
		float bx = (bx0 + bx1) / 2;
		if (bx + tw / 2 > x + w)
			bx = x + w - tw / 2;
		draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, bx, py0 - 13, ALIGN_CENTER, spec->band_label);
	}
}

/* Gridlines with the tick labels on the left, and the category labels under the
 * plot, thinned out when they would collide. */
static void line_grid(struct canvas *c, const struct plot *pl, const struct line_chart *spec)
{
	struct rgb muted = rgb_hex(COLOR_MUTED), hair = rgb_hex(COLOR_HAIRLINE);
	char label[64];
	struct axis ax = pl->ax;
	float px0 = pl->px0, px1 = pl->px1, py0 = pl->py0, py1 = pl->py1, step_x = pl->step_x;
	for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step) {
		float gy = axis_pos(&ax, t, py1, py0);
		draw_line(c, px0, gy, px1, gy, 0.4f, fabs(t) < ax.step * 1e-6 ? muted : hair, false);
		format_tick(c, spec->kind, t, ax.step, label, sizeof label);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, px0 - 4, gy + 2.5f, ALIGN_RIGHT, label);
	}
	float widest = 0;
	for (size_t i = 0; i < spec->count; i++)
		if (spec->category[i]) {
			float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->category[i]);
			if (tw > widest)
				widest = tw;
		}
	size_t every = 1;
	while ((float)every * step_x < widest + 4 && every < spec->count)
		every++;
	for (size_t i = 0; i < spec->count; i += every)
		if (spec->category[i])
			draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, cat_x(pl, i), py1 + 9, ALIGN_CENTER,
			          spec->category[i]);
}

/* The dashed target line and the vertical marker with their labels. */
static void line_target_marker(struct canvas *c, float x, float w, const struct plot *pl,
                               const struct line_chart *spec)
{
	struct rgb ink = rgb_hex(COLOR_INK), accent = rgb_hex(COLOR_ACCENT);
	struct axis ax = pl->ax;
	float px0 = pl->px0, px1 = pl->px1, py0 = pl->py0, py1 = pl->py1;
	if (spec->has_target) {
		float ty = axis_pos(&ax, spec->target, py1, py0);
		draw_line(c, px0, ty, px1, ty, 1.0f, accent, true);
		if (spec->target_label)
			draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, px1 + 4, ty + 2.5f, ALIGN_LEFT,
			          spec->target_label);
	}
	if (spec->marker_label && spec->marker < spec->count) {
		float mx = cat_x(pl, spec->marker);
		draw_line(c, mx, py0 - 2, mx, py1, 0.8f, ink, false);
		float tw = text_width(c, FONT_REGULAR, SIZE_NOTE, spec->marker_label);
		enum align al = mx + tw / 2 > x + w ? ALIGN_RIGHT : mx - tw / 2 < x ? ALIGN_LEFT : ALIGN_CENTER;
		draw_text(c, FONT_BOLD, SIZE_NOTE, ink, al == ALIGN_RIGHT ? x + w : al == ALIGN_LEFT ? x : mx,
		          py0 - 3, al, spec->marker_label);
	}
}

/* One series: the line (broken at gaps), its points and their labels.  Returns
 * true with *name_y set when its name goes at the end of the line. */
static bool line_series_draw(struct canvas *c, const struct plot *pl, const struct line_chart *spec,
                             const struct line_series *ser, float *name_y)
{
	struct rgb ink = rgb_hex(COLOR_INK);
	char label[64];
	struct axis ax = pl->ax;
	float py0 = pl->py0, py1 = pl->py1;
	path_pen(c, ser->color, 1.5f, true);
	bool pen = false;
	size_t last = spec->count;
	for (size_t i = 0; i < spec->count; i++) {
		if (!ser->has[i]) {
			if (pen)
				path_stroke(c);
			pen = false;
			continue;
		}
		float vx = cat_x(pl, i), vy = axis_pos(&ax, ser->value[i], py1, py0);
		if (pen)
			path_line(c, vx, vy);
		else
			path_move(c, vx, vy);
		pen = true;
		last = i;
	}
	if (pen)
		path_stroke(c);
	float dot = spec->count > 16 ? 1.2f : 2.2f;
	for (size_t i = 0; i < spec->count; i++) {
		if (!ser->has[i])
			continue;
		float vx = cat_x(pl, i), vy = axis_pos(&ax, ser->value[i], py1, py0);
		fill_circle(c, vx, vy, dot, ser->color);
		if (ser->label_points) {
			format_value(c, spec->kind, ser->value[i], label, sizeof label);
			draw_text(c, FONT_REGULAR, SIZE_NOTE, ink, vx, vy - 4, ALIGN_CENTER, label);
		}
	}
	if (ser->name && last < spec->count) {
		*name_y = axis_pos(&ax, ser->value[last], py1, py0) + 2.5f;
		return true;
	}
	return false;
}

void line_chart_draw(struct canvas *c, float x, float y, float w, float h,
                     const struct line_chart *spec)
{
	if (spec->count == 0)
		return;
	struct plot pl = line_plot(c, x, y, w, h, spec);
	line_band(c, x, w, &pl, spec);
	line_grid(c, &pl, spec);
	line_target_marker(c, x, w, &pl, spec);

	float name_y[LINE_MAX_SERIES];
	bool has_name[LINE_MAX_SERIES] = { false };
	for (size_t s = 0; s < spec->series_count && s < LINE_MAX_SERIES; s++)
		has_name[s] = line_series_draw(c, &pl, spec, &spec->series[s], &name_y[s]);
	/* series names at the line ends, pushed apart when they would overlap */
	if (spec->series_count == 2 && has_name[0] && has_name[1] && fabsf(name_y[0] - name_y[1]) < 9) {
		float mid = (name_y[0] + name_y[1]) / 2;
		int upper = name_y[0] <= name_y[1] ? 0 : 1;
		name_y[upper] = mid - 4.5f;
		name_y[1 - upper] = mid + 4.5f;
	}
	for (size_t s = 0; s < spec->series_count && s < LINE_MAX_SERIES; s++)
		if (has_name[s])
			draw_text(c, FONT_BOLD, SIZE_NOTE, spec->series[s].color, pl.px1 + 4, name_y[s],
			          ALIGN_LEFT, spec->series[s].name);
}

/* ---- radar --------------------------------------------------------------- */

static void radar_point(float cx, float cy, float radius, size_t i, size_t n, double level,
                        float *px, float *py)
{
	double angle = -PI / 2 + 2 * PI * (double)i / (double)n;
	*px = cx + (float)(cos(angle) * radius * level / 3.0);
	*py = cy + (float)(sin(angle) * radius * level / 3.0);
}

/* The largest radius (at most max_radius) at which the polygon and every axis
 * label fit in [x, x + w]; *cx is the centre in the room the labels leave. */
static float radar_fit(const struct canvas *c, float x, float w, float max_radius, size_t n,
                       const char *const *labels, float *cx)
{
	float radius = max_radius;
	*cx = x + w / 2;
	for (radius = max_radius; radius >= 30; radius -= 1) {
		float lo = -radius, hi = radius;
		for (size_t i = 0; i < n; i++) {
			double angle = -PI / 2 + 2 * PI * (double)i / (double)n;
			float lw = text_width(c, FONT_BOLD, SIZE_NOTE, labels[i]);
			float ax = (float)cos(angle) * (radius + 8);
			float a0 = cos(angle) > 0.3 ? ax : cos(angle) < -0.3 ? ax - lw : ax - lw / 2;
			float a1 = cos(angle) > 0.3 ? ax + lw : cos(angle) < -0.3 ? ax : ax + lw / 2;
			if (a0 < lo)
				lo = a0;
			if (a1 > hi)
				hi = a1;
		}
		if (hi - lo <= w || radius <= 30) {
			*cx = x - lo + (w - (hi - lo)) / 2;
			break;
		}
	}
	return radius;
}

/* The level rings 1..3, numbered on the first axis, and the spokes. */
static void radar_grid(struct canvas *c, float cx, float cy, float radius, size_t n)
{
	struct rgb muted = rgb_hex(COLOR_MUTED), hair = rgb_hex(COLOR_HAIRLINE);
	float px, py;
	char num[32];
	for (int ring = 1; ring <= 3; ring++) {
		path_pen(c, hair, 0.5f, false);
		for (size_t i = 0; i <= n; i++) {
			radar_point(cx, cy, radius, i % n, n, ring, &px, &py);
			if (i == 0)
				path_move(c, px, py);
			else
				path_line(c, px, py);
		}
		path_stroke(c);
		radar_point(cx, cy, radius, 0, n, ring, &px, &py);
		snprintf(num, sizeof num, "%d", ring);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, px + 3, py + 2.5f, ALIGN_LEFT, num);
	}
	for (size_t i = 0; i < n; i++) {
		radar_point(cx, cy, radius, i, n, 3, &px, &py);
		draw_line(c, cx, cy, px, py, 0.5f, hair, false);
	}
}

/* The organisation's polygon with its points, and the dashed target polygon. */
static void radar_polygons(struct canvas *c, float cx, float cy, float radius, size_t n,
                           const double *value, bool all, bool has_target, double target)
{
	struct rgb brand = rgb_hex(COLOR_BRAND), accent = rgb_hex(COLOR_ACCENT);
	float px, py;
	if (all) {
		struct rgb tint = rgb_mix(brand, rgb_hex(COLOR_WHITE), 0.82f);
		path_fill_color(c, tint);
		path_pen(c, brand, 1.5f, true);
		for (size_t i = 0; i < n; i++) {
			radar_point(cx, cy, radius, i, n, value[i], &px, &py);
			if (i == 0)
				path_move(c, px, py);
			else
				path_line(c, px, py);
		}
		path_close_fill_stroke(c);
		for (size_t i = 0; i < n; i++) {
			radar_point(cx, cy, radius, i, n, value[i], &px, &py);
			fill_circle(c, px, py, 2.2f, brand);
		}
	}
	if (has_target) {
		path_pen(c, accent, 1.0f, false);
		path_dash(c, true);
		for (size_t i = 0; i < n; i++) {
			radar_point(cx, cy, radius, i, n, target, &px, &py);
			if (i == 0)
				path_move(c, px, py);
			else
				path_line(c, px, py);
		}
		path_close_stroke(c);
		path_dash(c, false);
	}
}

/* The axis labels outside the rings with the value beneath. */
static void radar_labels(struct canvas *c, float cx, float cy, float radius, size_t n,
                         const char *const *labels, const double *value, const bool *has)
{
	struct rgb ink = rgb_hex(COLOR_INK), brand = rgb_hex(COLOR_BRAND);
	char num[32];
	for (size_t i = 0; i < n; i++) {
		double angle = -PI / 2 + 2 * PI * (double)i / (double)n;
		float lx = cx + (float)cos(angle) * (radius + 8);
		float ly = cy + (float)sin(angle) * (radius + 8);
		enum align al = cos(angle) > 0.3 ? ALIGN_LEFT : cos(angle) < -0.3 ? ALIGN_RIGHT : ALIGN_CENTER;
		float base = sin(angle) < -0.5 ? ly - 12 : sin(angle) > 0.5 ? ly + 8 : ly;
		draw_text_fit(c, FONT_BOLD, SIZE_NOTE, ink, lx, base, al, 110, labels[i]);
		if (has[i]) {
			format_number(num, sizeof num, c->lang, value[i], 1);
			draw_text(c, FONT_REGULAR, SIZE_NOTE, brand, lx, base + 9, al, num);
		}
	}
}

void radar_chart_draw(struct canvas *c, float x, float cy, float w, float max_radius, size_t n,
                      const char *const *labels, const double *value, const bool *has,
                      bool has_target, double target, const char *org_label,
                      const char *target_label)
{
	float cx;
	float radius = radar_fit(c, x, w, max_radius, n, labels, &cx);
	struct rgb muted = rgb_hex(COLOR_MUTED), brand = rgb_hex(COLOR_BRAND);
	struct rgb accent = rgb_hex(COLOR_ACCENT);
	if (n < 3)
		return;

	radar_grid(c, cx, cy, radius, n);
	bool all = true;
	for (size_t i = 0; i < n; i++)
		all = all && has[i];
	radar_polygons(c, cx, cy, radius, n, value, all, has_target, target);
	radar_labels(c, cx, cy, radius, n, labels, value, has);

	/* legend under the chart */
	float ly = cy + max_radius + 36;
	float lx = x;
	if (all && org_label) {
		draw_line(c, lx, ly - 2.5f, lx + 14, ly - 2.5f, 1.5f, brand, false);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, lx + 18, ly, ALIGN_LEFT, org_label);
		lx += 24 + text_width(c, FONT_REGULAR, SIZE_NOTE, org_label) + 10;
	}
	if (has_target && target_label) {
		draw_line(c, lx, ly - 2.5f, lx + 14, ly - 2.5f, 1.0f, accent, true);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, lx + 18, ly, ALIGN_LEFT, target_label);
	}
}

/* ---- band chart ---------------------------------------------------------- */

float band_chart_height(void)
{
	return 56;
}

void band_chart_draw(struct canvas *c, float x, float y, float w, enum value_kind kind,
                     double band_from, double band_to, const char *band_label,
                     bool has_target, double target, const char *target_label,
                     const struct band_marker *markers, size_t n)
{
	struct rgb muted = rgb_hex(COLOR_MUTED), accent = rgb_hex(COLOR_ACCENT);
	char label[64];

	double lo = 0, hi = band_to * 1.15;
	for (size_t i = 0; i < n; i++) {
		if (markers[i].value < lo)
			lo = markers[i].value;
		if (markers[i].value > hi)
			hi = markers[i].value;
	}
	if (has_target && target > hi)
		hi = target;
	if (has_target && target < lo)
		lo = target;
	struct axis ax = make_axis(lo, hi, 5);
	float x0 = x + 30, x1 = x + w - 30;
	float track = y + 22;   /* the scale's line */

	float bx0 = axis_pos(&ax, band_from, x0, x1), bx1 = axis_pos(&ax, band_to, x0, x1);
	fill_rect(c, bx0, track - 8, bx1 - bx0, 16, rgb_hex(COLOR_ACCENT_BAND));
	if (band_label)
		draw_text(c, FONT_REGULAR, SIZE_NOTE, accent, (bx0 + bx1) / 2, track + 7, ALIGN_CENTER,
		          band_label);
	draw_line(c, x0, track, x1, track, 0.6f, muted, false);
	for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step) {
		float tx = axis_pos(&ax, t, x0, x1);
		draw_line(c, tx, track - 2, tx, track + 2, 0.5f, muted, false);
		format_tick(c, kind, t, ax.step, label, sizeof label);
		draw_text(c, FONT_REGULAR, SIZE_NOTE, muted, tx, track + 30, ALIGN_CENTER, label);
	}
	if (has_target)
		draw_line(c, axis_pos(&ax, target, x0, x1), track - 10, axis_pos(&ax, target, x0, x1),
		          track + 10, 1.0f, accent, true);
	(void)target_label;
	/* markers: a bar across the track; labels alternate above and below it */
	for (size_t i = 0; i < n; i++) {
		float mx = axis_pos(&ax, markers[i].value, x0, x1);
		draw_line(c, mx, track - 8, mx, track + 8, 2.5f, markers[i].color, false);
		float tw = text_width(c, FONT_BOLD, SIZE_NOTE, markers[i].label);
		float ly = i % 2 == 0 ? track - 11 : track + 18;
		enum align al = mx + tw / 2 > x + w ? ALIGN_RIGHT : mx - tw / 2 < x ? ALIGN_LEFT : ALIGN_CENTER;
		draw_text(c, FONT_BOLD, SIZE_NOTE, markers[i].color,
		          al == ALIGN_RIGHT ? x + w : al == ALIGN_LEFT ? x : mx, ly, al, markers[i].label);
	}
}
