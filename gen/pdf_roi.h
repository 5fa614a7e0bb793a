/* pdf_roi.h - the time savings page and the ROI page of assessment.pdf.
 * Each function lays its section out from the cursor (pdf_layout.h). */
#ifndef AIREPORT_PDF_ROI_H
#define AIREPORT_PDF_ROI_H

struct pdf;

void pdf_savings(struct pdf *p);
void pdf_roi(struct pdf *p);

#endif
