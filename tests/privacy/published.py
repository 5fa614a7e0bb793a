"""Everything one run publishes, as a reader gets it: metrics.csv (status ok rows), every
cell of roi.xlsx (cached values and formulas, read with openpyxl) and the text of
assessment.pdf (pdftotext -layout)."""
import csv
import os
import re
import subprocess

import openpyxl


def num(x):
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    return None


class Published:
    def __init__(self, folder):
        self.folder = folder
        self.ok, self.status = {}, {}
        with open(os.path.join(folder, "metrics.csv"), newline="") as f:
            for row in csv.DictReader(f):
                key = (row["scope"], row["group"].lstrip("'"), row["metric"])
                self.status[key] = row["status"]
                if row["status"] == "ok" and row["value"] != "":
                    self.ok[key] = float(row["value"])
        self.period = row["period"] if self.status else None
        self._wb = self._text = None

    @property
    def text(self):
        """The PDF's text (read on first use)."""
        if self._text is None:
            pdf = os.path.join(self.folder, "assessment.pdf")
            self._text = ""
            if os.path.exists(pdf):
                self._text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                                            text=True).stdout
        return self._text

    def _workbook(self):
        if self._wb is not None:
            return self._wb
        values, formulas, names = {}, {}, {}
        path = os.path.join(self.folder, "roi.xlsx")
        if os.path.exists(path):
            for data_only, store in ((True, values), (False, formulas)):
                wb = openpyxl.load_workbook(path, data_only=data_only, read_only=True)
                for ws in wb.worksheets:
                    cells = store.setdefault(ws.title, {})
                    for row in ws.iter_rows():
                        for c in row:
                            if getattr(c, "value", None) is not None:
                                cells[(c.row, c.column)] = c.value
                if not data_only:
                    for d in wb.defined_names.definedName:
                        m = re.fullmatch(r"'?([^'!]+)'?!\$?([A-Z]+)\$?(\d+)", d.attr_text or "")
                        if m:
                            names[d.name.lower()] = (m.group(1), col_index(m.group(2)), int(m.group(3)))
                wb.close()
        self._wb = (values, formulas, names)
        return self._wb

    @property
    def values(self):
        """sheet -> {(row, column): cached value} of every cell of roi.xlsx"""
        return self._workbook()[0]

    @property
    def formulas(self):
        """sheet -> {(row, column): formula or constant}"""
        return self._workbook()[1]

    @property
    def names(self):
        """defined name (lower case) -> (sheet, column, row)"""
        return self._workbook()[2]

    # ---- metrics.csv -----------------------------------------------------------------
    def get(self, scope, group, metric):
        return self.ok.get((scope, group, metric))

    def groups(self, scope):
        return sorted({g for (s, g, m) in self.status if s == scope})

    # ---- the workbook ----------------------------------------------------------------
    def name_value(self, name):
        """The cached value of a defined name's cell."""
        loc = self.names.get(name)
        if not loc:
            return None
        sheet, c, r = loc
        return num(self.values.get(sheet, {}).get((r, c)))

    def labelled(self, pattern):
        """Numbers in the column right of every cell whose text matches pattern (regex,
        case-insensitive): [(sheet, row, number)]."""
        out = []
        rx = re.compile(pattern, re.I)
        for sheet, cells in self.values.items():
            for (r, c), v in cells.items():
                if isinstance(v, str) and rx.search(v):
                    x = num(cells.get((r, c + 1)))
                    if x is not None:
                        out.append((sheet, r, x))
        return out

    def tables(self, sheet_pattern, header_pattern):
        """Tables whose header row has a cell matching header_pattern: for each, the
        header {column: label} and the rows below it {row label: {header label: value}}
        until the first row without a label in column A."""
        found = []
        for sheet, cells in self.values.items():
            if not re.search(sheet_pattern, sheet, re.I):
                continue
            rows = sorted({r for r, c in cells})
            for r in rows:
                hdr = {c: v for (rr, c), v in cells.items() if rr == r and isinstance(v, str)}
                if not any(re.search(header_pattern, v, re.I) for v in hdr.values()) or 1 not in hdr:
                    continue
                body = {}
                rr = r + 1
                while (rr, 1) in cells:
                    label = cells[(rr, 1)]
                    body[str(label)] = {hdr[c]: cells.get((rr, c)) for c in hdr if c != 1}
                    rr += 1
                found.append((sheet, r, hdr, body))
        return found


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n
