/* xlsxin_scan.h - the worksheet's XML read by a scanner of its plain subset,
 * with expat reading it again whenever the scanner gives up (xlsxin_scan.c).
 * Only xlsxin*.c include it. */
#ifndef AIREPORT_XLSXIN_SCAN_H
#define AIREPORT_XLSXIN_SCAN_H

#include "xlsxin_reader.h"

/* The sheet part at index idx (name for messages) into the reader's record
 * callback.  Returns 0 or the failure status (the message printed). */
int sheet_parse(struct reader *r, zip_int64_t idx, const char *name);

/* Test hook (tests/test_xlsxin.c, tests/e2e_xlsx_input.sh), documented in the
 * README: when set and not empty, every sheet is read by expat alone. */
#define XLSXIN_EXPAT_ENV "AIREPORT_TEST_XLSX_EXPAT"

#endif
