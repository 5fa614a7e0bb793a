/* report_roi.h - the ROI series of the model: the workbook's live ROI sheet as its
 * formulas compute it, its sensitivity grids, and the projected payback month. */
#ifndef AIREPORT_REPORT_ROI_H
#define AIREPORT_REPORT_ROI_H

#include "report.h"

/* Fills r->roi and r->projected_payback from the model's figures, rate classes,
 * months and settings.  Runs after privacy_apply(): the use-case rows follow
 * which use cases are published. */
void report_roi_compute(struct report *r);

void roi_sheet_free(struct roi_sheet *s);

#endif
