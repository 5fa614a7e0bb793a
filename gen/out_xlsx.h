/* out_xlsx.h - roi.xlsx (SPEC §8). */
#ifndef AIREPORT_OUT_XLSX_H
#define AIREPORT_OUT_XLSX_H

#include <stdio.h>

#include "report.h"

/* Writes the ROI workbook of r to exactly path (the caller renames it into place).
 * Returns 0, or 3 (EXIT_IO) after one line on err. */
int xlsx_write_roi(const struct report *r, const char *path, FILE *err);

#endif
