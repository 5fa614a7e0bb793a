/* out_docs.h - assessment.pdf and roi.xlsx side by side. */
#ifndef AIREPORT_OUT_DOCS_H
#define AIREPORT_OUT_DOCS_H
#include <stdbool.h>
#include <stdio.h>
#include "report.h"

/* Writes the assessment to pdf_path and the workbook to xlsx_path, on two
 * threads when concurrent (they only read r), else one after the other.
 * Either way the result is that of pdf_write_assessment() followed, when it
 * succeeded, by xlsx_write_roi(): the same status and the same lines on err. */
int write_documents(const struct report *r, const char *pdf_path, const char *xlsx_path,
                    bool concurrent, FILE *err);
#endif
