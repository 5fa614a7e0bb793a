/* out_pdf.c - assessment.pdf (SPEC §7, REPORT_DESIGN.md): the writer's entry point.
 * It opens the document, lays out the eight sections in order, adds the footers
 * and the document information and saves.  The writer's files:
 *
 *   pdf_doc.c       libharu document: fonts, glyph closure, ToUnicode fix, pages,
 *                   outline, document information, the PNG logo and its checks
 *   pdf_canvas.c    libharu drawing: sanitised and measured text, wrapping,
 *                   colours, shapes, paths (the only other file calling libharu)
 *   pdf_chart.c     bar, line, radar and band charts
 *   pdf_format.c    words and figures as printed in the report's language
 *   pdf_layout.c    grid, flow, headings, text, bullets, tables, footers
 *   pdf_summary.c   cover; executive summary: KPI tiles, findings, actions
 *   pdf_adoption.c  adoption; knowledge transfer and retention
 *   pdf_maturity.c  maturity: radar, levels, matrix, heat map, migration
 *   pdf_roi.c       time savings; ROI: costs and benefits, payback, band, trend
 *   pdf_method.c    data quality and method
 *   pdf_bench.c     the --batch benchmark page
 *
 * libharu writes no random document id and no time stamp of its own; the creation
 * date comes from r->created, so identical input gives identical bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out_pdf.h"
#include "pdf_adoption.h"
#include "pdf_bench.h"
#include "pdf_doc.h"
#include "pdf_format.h"
#include "pdf_layout.h"
#include "pdf_maturity.h"
#include "pdf_method.h"
#include "pdf_roi.h"
#include "pdf_summary.h"
#include "util.h"

/* The document information: title "<title> · 2026-Q3", the organisation as the
 * subject, the preparer as the author. */
static void set_info(struct pdf *p)
{
	const struct report *r = p->r;
	struct buf title = { 0 };
	buf_printf(&title, "%s %s %d-Q%d", T(p, "pdf.title"), MIDDOT, r->year, r->quarter);
	doc_set_info(&p->doc, r->created, title.data, r->set.org_name, r->set.prepared_by);
	buf_free(&title);
}

int pdf_write_assessment(const struct report *r, const char *path, FILE *err)
{
	struct pdf pdf;
	memset(&pdf, 0, sizeof pdf);
	struct pdf *p = &pdf;
	p->r = r;
	p->lang = r->set.language;
	p->c.lang = p->lang;
	p->c.currency = r->set.currency;
	p->c.page_height = PAGE_H;
	char *font_paths[2] = { NULL, NULL };
	int status = EXIT_OK;

	if (!doc_open(&p->doc, &p->c)) {
		fprintf(err, "aireport: %s: cannot create the PDF (out of memory)\n", path);
		return EXIT_IO;
	}
	if (!doc_load_fonts(&p->doc, r->set.font, font_paths, err)) {
		fprintf(err, "aireport: %s: cannot load the font %s for the PDF\n", path, DEFAULT_FONT);
		status = EXIT_IO;
		goto done;
	}
	doc_show_outline(&p->doc);

	pdf_cover(p, err);
	pdf_summary(p);
	pdf_adoption(p);
	pdf_maturity(p);
	pdf_savings(p);
	pdf_roi(p);
	pdf_knowledge(p);
	pdf_benchmark(p);
	pdf_method(p);
	footers(p);
	set_info(p);
	doc_embed_glyphs(&p->doc, font_paths);

	if (doc_failed(&p->doc)) {
		fprintf(err, "aireport: %s: PDF error 0x%04X (detail %u)\n", path, (unsigned)p->doc.error,
		        (unsigned)p->doc.error_detail);
		status = EXIT_IO;
		goto done;
	}
	if (!doc_save(&p->doc, path)) {
		fprintf(err, "aireport: %s: cannot write the PDF\n", path);
		status = EXIT_IO;
	}
done:
	doc_close(&p->doc);
	for (size_t i = 0; i < p->arena_count; i++)
		free(p->arena[i]);
	free(p->arena);
	free(font_paths[0]);
	free(font_paths[1]);
	return status;
}
