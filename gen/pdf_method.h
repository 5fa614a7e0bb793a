/* pdf_method.h - the data quality and method page of assessment.pdf.
 * Each function lays its section out from the cursor (pdf_layout.h). */
#ifndef AIREPORT_PDF_METHOD_H
#define AIREPORT_PDF_METHOD_H

struct pdf;

void pdf_method(struct pdf *p);

#endif
