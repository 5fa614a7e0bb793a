/* xlsx_roi.h - the ROI sheet of roi.xlsx (SPEC §8): the live model finance works
 * with.  Its inputs (hourly rates, realisation, costs, saved hours) are input cells,
 * every derived figure is a formula over them, and the results are defined names
 * the Summary sheet refers to. */
#ifndef AIREPORT_XLSX_ROI_H
#define AIREPORT_XLSX_ROI_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"
#include "xlsx_book.h"

/* Writes the ROI sheet into s: inputs, saved hours per use case and rate class, the
 * monthly series, the results (ROI, cumulative ROI, payback month), the sensitivity
 * grids and the cumulative chart.  Must come before any sheet that uses its names. */
void xlsx_roi_sheet(struct xlsx *x, struct sheet *s);

/* "Default", "Role: Consultant", "Department: Service". */
void xlsx_rate_class_label(char *out, size_t outsz, enum lang lang,
                           const struct rate_class *rc);

/* Whether a use case is shown by name: its saved hours are published (FIG_OK).  The
 * others appear on the ROI sheet only as one summed row. */
bool xlsx_use_case_published(const struct use_case *u);

#endif
