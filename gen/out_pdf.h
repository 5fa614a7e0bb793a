/* out_pdf.h - assessment.pdf (SPEC §7, REPORT_DESIGN.md). */
#ifndef AIREPORT_OUT_PDF_H
#define AIREPORT_OUT_PDF_H

#include <stdio.h>

#include "report.h"

/* Writes the assessment of r to exactly path (the caller renames it into place).
 * Returns 0, or 3 (EXIT_IO) after one line on err. */
int pdf_write_assessment(const struct report *r, const char *path, FILE *err);

#endif
