"""dump_xlsx.py ROI.xlsx - every cell of the workbook as text, for the golden test.

One line per non-empty cell, sheet by sheet in the workbook's order:
    Sheet!A1 <tab> value                      (a constant)
    Sheet!B7 <tab> =FORMULA <tab> cached      (a formula and its cached result)
Numbers are printed with 12 significant digits: enough to see any change of a
figure, and the same on every machine.  Defined names follow at the end.
"""
import sys
import openpyxl


def show(v):
    if isinstance(v, float):
        return "%.12g" % v
    return "" if v is None else str(v)


def main(path):
    formulas = openpyxl.load_workbook(path, data_only=False)
    values = openpyxl.load_workbook(path, data_only=True)
    out = []
    for ws in formulas.worksheets:
        cached = values[ws.title]
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                ref = "%s!%s" % (ws.title, c.coordinate)
                if isinstance(c.value, str) and c.value.startswith("="):
                    out.append("%s\t%s\t%s" % (ref, c.value, show(cached[c.coordinate].value)))
                else:
                    out.append("%s\t%s" % (ref, show(c.value)))
    for name in sorted(formulas.defined_names):
        out.append("name %s\t%s" % (name, formulas.defined_names[name].attr_text))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
