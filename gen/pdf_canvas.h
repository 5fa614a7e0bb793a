/* pdf_canvas.h - drawing on a page of assessment.pdf through libharu: measured and
 * sanitised text, colours, shapes and paths.  The charts (pdf_chart.c) and the
 * page layout (pdf_layout.c) draw only through these functions.
 *
 * Coordinates are points measured from the top-left corner of the page; y grows
 * downwards (libharu's bottom-up system stays inside pdf_canvas.c). */
#ifndef AIREPORT_PDF_CANVAS_H
#define AIREPORT_PDF_CANVAS_H

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

/* Paths (polylines and polygons), emitted in the order of the calls: set the pen
 * (and the fill colour, the dash) first, then path_move and path_line, and end the
 * path with one of path_stroke, path_close_stroke or path_close_fill_stroke. */
void path_pen(struct canvas *c, struct rgb color, float width, bool round_joins);
void path_fill_color(struct canvas *c, struct rgb color);
void path_dash(struct canvas *c, bool dashed);
void path_move(struct canvas *c, float x, float y);
void path_line(struct canvas *c, float x, float y);
void path_stroke(struct canvas *c);
void path_close_stroke(struct canvas *c);
void path_close_fill_stroke(struct canvas *c);

#endif
