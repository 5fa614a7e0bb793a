/* xlsxin_sheet.h - expat handlers for the worksheet part (xlsxin_sheet.c): each
 * row with a non-empty cell becomes one csv_record for the reader's callback. */
#ifndef AIREPORT_XLSXIN_SHEET_H
#define AIREPORT_XLSXIN_SHEET_H

#include <expat.h>

#include "xlsxin_reader.h"

void XMLCALL sheet_start(void *ud, const XML_Char *el, const XML_Char **atts);
void XMLCALL sheet_text(void *ud, const XML_Char *s, int len);
void XMLCALL sheet_end(void *ud, const XML_Char *el);

#endif
