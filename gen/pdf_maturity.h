/* pdf_maturity.h - the maturity page of assessment.pdf.
 * Each function lays its section out from the cursor (pdf_layout.h). */
#ifndef AIREPORT_PDF_MATURITY_H
#define AIREPORT_PDF_MATURITY_H

struct pdf;

void pdf_maturity(struct pdf *p);

#endif
