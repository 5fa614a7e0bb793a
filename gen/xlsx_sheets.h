/* xlsx_sheets.h - the sheets of roi.xlsx besides the ROI sheet (SPEC §8): each
 * shows the report's figures as they are.  Summary refers to the ROI sheet's
 * defined names, so xlsx_roi_sheet() is written first. */
#ifndef AIREPORT_XLSX_SHEETS_H
#define AIREPORT_XLSX_SHEETS_H

#include "xlsx_book.h"

/* The organisation's figures against their targets; the money figures are formulas
 * over the ROI sheet.  The active sheet when the workbook opens. */
void xlsx_summary_sheet(struct xlsx *x, struct sheet *s);
/* One row per department with its published figures. */
void xlsx_departments_sheet(struct xlsx *x, struct sheet *s);
/* One row per use case, and the bar chart of saved hours. */
void xlsx_use_cases_sheet(struct xlsx *x, struct sheet *s);
/* Dimensions by level, career levels, level migration, and the radar chart. */
void xlsx_maturity_sheet(struct xlsx *x, struct sheet *s);
/* The quarters of the history file. */
void xlsx_trend_sheet(struct xlsx *x, struct sheet *s);
/* Rows read, used and rejected per input file, and the method in brief. */
void xlsx_data_quality_sheet(struct xlsx *x, struct sheet *s);
/* One row per employee (only with employee_sheet = true). */
void xlsx_employees_sheet(struct xlsx *x, struct sheet *s);

#endif
