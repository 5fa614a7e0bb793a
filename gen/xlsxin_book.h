/* xlsxin_book.h - one workbook read from its opened archive (xlsxin_book.c). */
#ifndef AIREPORT_XLSXIN_BOOK_H
#define AIREPORT_XLSXIN_BOOK_H

#include "xlsxin_reader.h"

/* Reads workbook.xml and its relationships, chooses the sheet r->opt names,
 * reads the shared strings and the styles, and streams the sheet to r->fn.
 * Returns 0, or the status of the failure (its message printed). */
int workbook_read(struct reader *r);

#endif
