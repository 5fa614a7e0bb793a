#!/usr/bin/python3
"""csv_to_xlsx.py SRC.csv DST.xlsx [SHEET] - writes a CSV export as the workbook an
HR tool would give: the header row as text, ISO dates as real date cells with a
date format, numbers as numbers, empty fields as no cell at all, anything else
(an impossible date such as 2026-09-31 included) as text; "YYYY-MM-DD hh:mm[:ss]"
becomes a date-time cell.  Used by tests/e2e_xlsx_input.sh, e2e_tools.sh and
e2e_template.sh; needs python3-openpyxl."""
import csv
import datetime
import re
import sys

import openpyxl


def cell_value(text):
    if text == "":
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?", text)
    if m:
        parts = [int(x) if x else 0 for x in m.groups()]
        try:
            if m.group(4):
                return datetime.datetime(*parts)
            return datetime.date(*parts[:3])
        except ValueError:
            return text
    if re.fullmatch(r"-?(0|[1-9]\d*)", text):   # "007" stays text, as an id would
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return text


def main():
    src, dst = sys.argv[1], sys.argv[2]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sys.argv[3] if len(sys.argv) > 3 else "Blad1"
    with open(src, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.reader(f)):
            ws.append([v or None for v in row] if i == 0 else [cell_value(v) for v in row])
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, datetime.datetime):
                timed = c.value.time() != datetime.time(0)
                c.number_format = "yyyy-mm-dd hh:mm:ss" if timed else "yyyy-mm-dd"
    wb.save(dst)


main()
