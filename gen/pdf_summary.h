/* pdf_summary.h - the cover and the executive summary of assessment.pdf.
 * Each function lays its section out from the cursor (pdf_layout.h). */
#ifndef AIREPORT_PDF_SUMMARY_H
#define AIREPORT_PDF_SUMMARY_H

#include <stdio.h>

struct pdf;

void pdf_cover(struct pdf *p, FILE *err);
void pdf_summary(struct pdf *p);

#endif
