/* out_xlsx.c - roi.xlsx (SPEC §8), the workbook finance works with: which sheets,
 * in which order.
 *
 * The files behind it:
 *   xlsx_book.c    the libxlsxwriter adapter: workbook, formats, cells, names, tables
 *   xlsx_roi.c     the ROI sheet, the live model (inputs, formulas, payback, chart)
 *   xlsx_sheets.c  Summary, Departments, Use cases, Maturity, Trend, Data quality,
 *                  Employees */
#include "out_xlsx.h"

#include <stdbool.h>
#include <stdio.h>

#include "i18n.h"
#include "util.h"
#include "xlsx_bench.h"
#include "xlsx_book.h"
#include "xlsx_roi.h"
#include "xlsx_sheets.h"

/* Adds the sheets in the order of §8 and writes them. */
static void write_sheets(struct xlsx *x)
{
	const struct report *r = x->r;

	/* Sheets in the order of §8; ROI first in the writing, because Summary shows its
	 * results (the tab order is fixed by creation, so Summary is created first). */
	struct sheet summary, roi, departments, use_cases, maturity, trend, quality, employees;
	xlsx_sheet_init(x, &summary, tr(x->lang, "xlsx.sheet.summary"));
	xlsx_sheet_init(x, &roi, tr(x->lang, "xlsx.sheet.roi"));
	xlsx_sheet_init(x, &departments, tr(x->lang, "xlsx.sheet.departments"));
	xlsx_sheet_init(x, &use_cases, tr(x->lang, "xlsx.sheet.use_cases"));
	xlsx_sheet_init(x, &maturity, tr(x->lang, "xlsx.sheet.maturity"));
	xlsx_sheet_init(x, &trend, tr(x->lang, "xlsx.sheet.trend"));
	xlsx_sheet_init(x, &quality, tr(x->lang, "xlsx.sheet.data_quality"));
	bool with_employees = r->set.employee_sheet;
	if (with_employees)
		xlsx_sheet_init(x, &employees, tr(x->lang, "xlsx.sheet.employees"));
	struct sheet benchmark;
	if (r->benchmark)
		xlsx_sheet_init(x, &benchmark, tr(x->lang, "xlsx.sheet.benchmark"));

	if (x->error == LXW_NO_ERROR) {
		xlsx_roi_sheet(x, &roi);
		xlsx_summary_sheet(x, &summary);
		xlsx_departments_sheet(x, &departments);
		xlsx_use_cases_sheet(x, &use_cases);
		xlsx_maturity_sheet(x, &maturity);
		xlsx_trend_sheet(x, &trend);
		xlsx_data_quality_sheet(x, &quality);
		if (with_employees)
			xlsx_employees_sheet(x, &employees);
		if (r->benchmark)
			xlsx_benchmark_sheet(x, &benchmark);
	}
	xlsx_sheet_finish(&summary);
	xlsx_sheet_finish(&roi);
	xlsx_sheet_finish(&departments);
	xlsx_sheet_finish(&use_cases);
	xlsx_sheet_finish(&maturity);
	xlsx_sheet_finish(&trend);
	xlsx_sheet_finish(&quality);
	if (with_employees)
		xlsx_sheet_finish(&employees);
	if (r->benchmark)
		xlsx_sheet_finish(&benchmark);
}

int xlsx_write_roi(const struct report *r, const char *path, FILE *err)
{
	struct xlsx x;
	if (xlsx_book_open(&x, r, path) == 0)
		write_sheets(&x);
	if (xlsx_book_close(&x) != 0) {
		fprintf(err, "aireport: %s: cannot write workbook: %s\n", path,
		        xlsx_book_error(&x));
		return EXIT_IO;
	}
	return 0;
}
