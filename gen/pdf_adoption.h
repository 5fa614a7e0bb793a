/* pdf_adoption.h - the adoption page and the knowledge transfer and retention page of assessment.pdf.
 * Each function lays its section out from the cursor (pdf_layout.h). */
#ifndef AIREPORT_PDF_ADOPTION_H
#define AIREPORT_PDF_ADOPTION_H

struct pdf;

void pdf_adoption(struct pdf *p);
void pdf_knowledge(struct pdf *p);

#endif
