/* pdf_doc.h - the libharu document behind assessment.pdf: creating and saving it,
 * the fonts (DejaVu Sans or a custom TrueType font with its bold companion), the
 * glyph closure and ToUnicode repairs, A4 pages, the outline, the document
 * information and the checked PNG logo.  Drawing on a page is pdf_canvas.h. */
#ifndef AIREPORT_PDF_DOC_H
#define AIREPORT_PDF_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include <hpdf.h>

#include "pdf_canvas.h"

#define DEFAULT_FONT      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define DEFAULT_FONT_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

struct pdf_doc {
	struct canvas *c;              /* its document, fonts and current page are set here */
	HPDF_Encoder utf8;
	HPDF_Page *pages;              /* every page so far, in order */
	size_t page_count, page_cap;
	HPDF_STATUS error, error_detail;   /* the first libharu error */
};

/* Creates the document (compressed, UTF-8 encodings) drawn on through c; false
 * when libharu is out of memory.  libharu errors are recorded in d->error, not
 * raised: check doc_failed. */
bool doc_open(struct pdf_doc *d, struct canvas *c);
bool doc_failed(const struct pdf_doc *d);
/* Frees the document and the page list; the writer's strings are its own. */
void doc_close(struct pdf_doc *d);
/* Writes the document to exactly path; false on a write or an earlier error. */
bool doc_save(struct pdf_doc *d, const char *path);

/* Loads the custom font (when set and usable, else DejaVu Sans with a warning on
 * err) as FONT_REGULAR and its bold companion as FONT_BOLD.  paths[] receives the
 * xmalloc'd paths of the two files, for doc_embed_glyphs.  False when not even
 * DejaVu Sans loads. */
bool doc_load_fonts(struct pdf_doc *d, const char *custom, char *paths[2], FILE *err);
/* Gives a TrueType font definition's format 4 cmap to libharu as one segment over
 * a table indexed by the code point: the same glyph for every code point, found in
 * one step instead of a scan of the segments (doc_load_fonts does it). */
void doc_flatten_cmap(HPDF_FontDef def);
/* Marks every component of every used composite glyph for embedding; call once,
 * after the last page is drawn. */
void doc_embed_glyphs(struct pdf_doc *d, char *const paths[2]);

/* Opens the outline panel when the document is shown. */
void doc_show_outline(struct pdf_doc *d);
/* Adds an A4 page and makes it the canvas's page; false when libharu failed. */
bool doc_add_page(struct pdf_doc *d);
/* An outline entry for the current page. */
void doc_add_outline(struct pdf_doc *d, const char *title);

/* Draws the PNG at path scaled into max_w x max_h, its top-right corner at
 * (right, top).  A file that is not a sound PNG (checked, then test-loaded in a
 * child process, since libpng aborts on some corrupt images) gives a warning on
 * err and no image. */
void doc_draw_png(struct pdf_doc *d, const char *path, float right, float top, float max_w,
                  float max_h, FILE *err);

/* The document information: dates from created, title, subject and an optional
 * author (NULL or empty: none), stored as UTF-16. */
void doc_set_info(struct pdf_doc *d, time_t created, const char *title, const char *subject,
                  const char *author);

#endif
