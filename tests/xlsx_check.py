#!/usr/bin/python3
"""Checks roi.xlsx against metrics.csv (SPEC §8), with openpyxl and LibreOffice.

    xlsx_check.py check  ROI.xlsx METRICS.csv RULES.ini
    xlsx_check.py recalc ROI.xlsx METRICS.csv RULES.ini WORKDIR
    xlsx_check.py render ROI.xlsx WORKDIR

`check` reads the workbook as written: sheets, headers, tables, defined names, that
the results are formulas, and that every figure and cached result equals metrics.csv.
`recalc` strips the cached results, lets LibreOffice recalculate (forced on load in a
throw-away profile under WORKDIR) and compares again; then it halves `realisation`
and raises `rate_default` and checks that `value_saved` follows.  `render` converts
the workbook to PDF and PNG pages (for a person to look at the charts).

Each check prints "ok - ..." or "not ok - ...: detail"; the exit status is 1 when one
failed.  Run it with Debian's /usr/bin/python3 (python3-openpyxl).
"""
import csv
import glob
import os
import re
import shutil
import subprocess
import sys
import xml.dom.minidom
import zipfile

import openpyxl

TOLERANCE = 0.01
FAILED = 0

SHEETS = {
    "en": ["Summary", "ROI", "Departments", "Use cases", "Maturity", "Trend",
           "Data quality", "Employees"],
    "nl": ["Samenvatting", "ROI", "Afdelingen", "Toepassingen", "Volwassenheid", "Trend",
           "Datakwaliteit", "Medewerkers"],
    "de": ["Übersicht", "ROI", "Abteilungen", "Anwendungsfälle", "Reifegrad", "Trend",
           "Datenqualität", "Mitarbeitende"],
}
# The first header of each table, per language.
FIRST_HEADER = {
    "en": {"Summary": "Figure", "Departments": "Department", "UseCases": "Use case",
           "Trend": "Quarter", "DataQuality": "File", "Maturity": "Dimension"},
    "nl": {"Summary": "Kengetal", "Departments": "Afdeling", "UseCases": "Toepassing",
           "Trend": "Kwartaal", "DataQuality": "Bestand", "Maturity": "Dimensie"},
    "de": {"Summary": "Kennzahl", "Departments": "Abteilung", "UseCases": "Anwendungsfall",
           "Trend": "Quartal", "DataQuality": "Datei", "Maturity": "Dimension"},
}
INPUT_NAMES = ["rate_default", "realisation"]
RESULT_NAMES = ["value_saved", "cost_total", "roi", "roi_cumulative", "payback_months"]
# Further named results and the metric each equals.
EXTRA_RESULTS = {"hours_saved": "hours_saved", "cost_training": "cost_training",
                 "cost_licenses": "cost_licenses", "cost_fixed": "cost_fixed"}

# The Summary sheet's rows in order: metric, survey-based (left out when the survey
# cannot be reported).
SUMMARY_ROWS = [
    ("headcount", False), ("respondents", False), ("response_rate", False),
    ("active_employees", True), ("adoption_rate", True), ("logged_ai_share", False),
    ("hours_saved", False), ("hours_saved_per_week", False), ("value_saved", False),
    ("cost_training", False), ("cost_licenses", False), ("cost_fixed", False),
    ("cost_total", False), ("roi", False), ("roi_cumulative", False),
    ("payback_months", False), ("maturity_index", True), ("level_share_1", True),
    ("level_share_2", True), ("level_share_3", True), ("use_cases_active", False),
    ("use_cases_new", False), ("ai_entries_without_baseline", False),
    ("satisfaction_mean", True), ("buddy_coverage", True), ("mentor_max_load", True),
    ("retention_6m", True), ("employees_survey_only", False),
    ("employees_timesheet_only", False),
]
DEPARTMENT_COLUMNS = [
    ("headcount", False), ("respondents", False), ("active_employees", True),
    ("adoption_rate", True), ("logged_ai_share", False), ("hours_saved", False),
    ("hours_saved_per_week", False), ("value_saved", False), ("maturity_index", True),
    ("maturity_tool_knowledge", True), ("maturity_application_breadth", True),
    ("maturity_autonomy", True), ("maturity_innovation", True),
    ("maturity_knowledge_sharing", True),
]
USE_CASE_COLUMNS = ["ai_entries", "ai_users", "baseline_minutes", "hours_saved",
                    "hours_saved_per_week", "value_saved", "concentration", "at_risk"]
TREND_COLUMNS = ["adoption_rate", "maturity_index", "hours_saved_per_week", "roi"]
QUALITY_COLUMNS = ["rows_read", "rows_used", "rows_rejected", "rows_superseded"]
YES_NO = {"en": ("yes", "no"), "nl": ("ja", "nee"), "de": ("ja", "nein")}


def report(ok, what, detail=""):
    global FAILED
    if ok:
        print("ok - %s" % what)
    else:
        FAILED += 1
        print("not ok - %s%s" % (what, ": " + detail if detail else ""))
    return ok


# ---- inputs --------------------------------------------------------------------

def read_rules(path):
    """language, min_group_size and employee_sheet of a rules file (defaults of §3)."""
    rules = {"language": "nl", "min_group_size": 5, "employee_sheet": False}
    section = ""
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.strip()
            if not line or line[0] in ";#":
                continue
            if line.startswith("["):
                section = line.strip("[]").strip().lower()
                continue
            if "=" not in line:
                continue
            key, value = line.split("=", 1)
            key = key.strip().lower()
            value = re.split(r"\s;", value)[0].strip()
            if section == "organisation" and key == "language":
                rules["language"] = value.lower()
            elif section == "privacy" and key == "min_group_size":
                rules["min_group_size"] = int(value)
            elif section == "privacy" and key == "employee_sheet":
                rules["employee_sheet"] = value.lower() in ("true", "yes", "1", "on")
    return rules


def unneutralise(group):
    """The raw name of a group that metrics.csv neutralised against formulas (§11.31)."""
    if len(group) > 1 and group[0] == "'" and group[1] in "=+-@":
        return group[1:]
    return group


def read_metrics(path):
    """{(scope, group, metric): (value or None, status)}"""
    metrics = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            value = float(row["value"]) if row["value"] != "" else None
            key = (row["scope"], unneutralise(row["group"]), row["metric"])
            metrics[key] = (value, row["status"])
    return metrics


def groups(metrics, scope):
    return sorted({g for (s, g, _m) in metrics if s == scope})


# ---- workbook helpers ------------------------------------------------------------

def named_cells(wb):
    cells = {}
    for dn in wb.defined_names.definedName:
        for sheet, ref in dn.destinations:
            cells[dn.name] = (sheet, ref.replace("$", ""))
    return cells


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def figure_matches(cell_value, expected, k, na_texts, fmt=None):
    """Whether a cell shows a metrics.csv figure the way §5 asks: the number when ok,
    n<k when suppressed (the text, or a formula over masked inputs whose number
    format prints n<k), n/a (or empty) when undefined."""
    value, status = expected
    if status == "ok":
        return is_number(cell_value) and abs(cell_value - value) <= TOLERANCE
    if status == "suppressed":
        return cell_value == "n<%d" % k or (fmt is not None and '"n<%d"' % k in fmt)
    return cell_value is None or cell_value in na_texts


def describe(cell_value, expected):
    return "cell %r, metrics.csv %r" % (cell_value, expected)


def table_rows(ws, name):
    """Header and data rows of the worksheet table `name` (values)."""
    table = ws.tables.get(name) if hasattr(ws, "tables") else None
    if table is None:
        return None, []
    ref = table.ref
    rows = [[c.value for c in row] for row in ws[ref]]
    return rows[0], rows[1:]


def table_formats(ws, name):
    """The number formats of the data rows of table `name` (a formula workbook)."""
    table = ws.tables.get(name)
    return [[c.number_format for c in row] for row in ws[table.ref]][1:]


def workbook_tables(wb):
    found = {}
    for ws in wb.worksheets:
        for name in ws.tables:
            found[name] = ws
    return found


# ---- check: the workbook as written ------------------------------------------------

def check(path, metrics_path, rules_path):
    rules = read_rules(rules_path)
    lang, k = rules["language"], rules["min_group_size"]
    metrics = read_metrics(metrics_path)
    org = {m: metrics[(s, g, m)] for (s, g, m) in metrics if s == "organisation"}
    survey_suppressed = org.get("adoption_rate", (None, ""))[1] == "suppressed" and \
        org.get("maturity_index", (None, ""))[1] == "suppressed"
    na_texts = {"n/a", "n.v.t.", "k. A."}

    # Well-formed XML in every part (a broken part makes Excel offer a repair).
    with zipfile.ZipFile(path) as z:
        bad = []
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    xml.dom.minidom.parseString(z.read(name))
                except Exception as e:  # noqa: BLE001 - any parse error is a failure
                    bad.append("%s: %s" % (name, e))
        report(not bad, "every XML part is well-formed", "; ".join(bad))
        charts = [z.read(n).decode("utf-8") for n in z.namelist()
                  if n.startswith("xl/charts/chart")]
    kinds = {kind for kind in ("lineChart", "barChart", "radarChart")
             if any("<c:%s>" % kind in c for c in charts)}
    want = {"lineChart", "barChart"} | (set() if survey_suppressed else {"radarChart"})
    report(kinds >= want, "native charts: cumulative line, hours bar, maturity radar",
           "found %s" % sorted(kinds))
    report(all(c.count("<c:ser>") >= 1 for c in charts), "every chart has a series")

    wb = openpyxl.load_workbook(path)
    wv = openpyxl.load_workbook(path, data_only=True)

    expected = SHEETS[lang][:7] + (SHEETS[lang][7:] if rules["employee_sheet"] else [])
    report(wb.sheetnames == expected, "sheets in the report language",
           "got %s, want %s" % (wb.sheetnames, expected))
    for ws in wb.worksheets:
        title = ws["A1"].value
        report(isinstance(title, str) and title.strip() != "",
               "sheet %s has a title" % ws.title)
        if not ws.tables and ws.title != SHEETS[lang][1]:
            continue   # only the statement that the survey cannot be reported
        report(ws.freeze_panes is not None, "sheet %s has frozen header rows" % ws.title)
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        report(len(widths) > 0, "sheet %s has fitted column widths" % ws.title)

    tables = workbook_tables(wb)
    want_tables = ["Summary", "Departments", "UseCases", "Trend", "DataQuality"]
    if not survey_suppressed:
        want_tables.append("Maturity")
    if rules["employee_sheet"]:
        want_tables.append("Employees")
    for name in want_tables:
        if not report(name in tables, "table %s exists" % name):
            continue
        ws = tables[name]
        table = ws.tables[name]
        header, _rows = table_rows(ws, name)
        report(table.autoFilter is not None, "table %s has an autofilter" % name)
        report(all(isinstance(h, str) and h for h in header),
               "table %s has a header row" % name, repr(header))
        first = FIRST_HEADER[lang].get(name)
        if first:
            report(header[0] == first, "table %s headers in the report language" % name,
                   "got %r, want %r" % (header[0], first))

    # Defined names, inputs and formulas.
    names = named_cells(wb)
    for name in INPUT_NAMES + RESULT_NAMES:
        report(name in names, "defined name %s" % name)
    for name in INPUT_NAMES:
        if name not in names:
            continue
        sheet, ref = names[name]
        v = wb[sheet][ref].value
        report(is_number(v), "input %s is a number cell" % name, repr(v))
        covered = any(ref in dv.sqref for dv in wb[sheet].data_validations.dataValidation)
        report(covered, "input %s has data validation" % name)
        fill = wb[sheet][ref].fill.fgColor.rgb if wb[sheet][ref].fill else None
        report(fill not in (None, "00000000"), "input %s is visibly styled" % name)
    for name in RESULT_NAMES + list(EXTRA_RESULTS):
        if name not in names:
            continue
        sheet, ref = names[name]
        v = wb[sheet][ref].value
        report(isinstance(v, str) and v.startswith("="), "result %s is a formula" % name,
               repr(v))
        metric = EXTRA_RESULTS.get(name, name)
        cached = wv[sheet][ref].value
        report(figure_matches(cached, org[metric], k, na_texts, wb[sheet][ref].number_format),
               "cached %s equals metrics.csv" % name, describe(cached, org[metric]))

    # Summary rows, in order.
    if "Summary" in tables:
        _h, rows = table_rows(wv[tables["Summary"].title], "Summary")
        shown = [m for m, survey in SUMMARY_ROWS if not (survey and survey_suppressed)]
        report(len(rows) == len(shown), "Summary has one row per figure",
               "%d rows, want %d" % (len(rows), len(shown)))
        fmts = table_formats(wb[tables["Summary"].title], "Summary")
        bad = [describe(row[1], org[m]) + " for " + m for m, row, fm in zip(shown, rows, fmts)
               if not figure_matches(row[1], org[m], k, na_texts, fm[1])]
        report(not bad, "Summary figures equal metrics.csv", "; ".join(bad))

    # Departments, by name and column order.
    if "Departments" in tables:
        ws = tables["Departments"]
        _h, rows = table_rows(wv[ws.title], "Departments")
        cols = [m for m, survey in DEPARTMENT_COLUMNS if not (survey and survey_suppressed)]
        names_seen = [r[0] for r in rows]
        report(names_seen == groups(metrics, "department"),
               "Departments rows are the departments of metrics.csv", repr(names_seen))
        bad = []
        for row in rows:
            for i, m in enumerate(cols):
                want_fig = metrics.get(("department", row[0], m))
                if want_fig and not figure_matches(row[1 + i], want_fig, k, na_texts):
                    bad.append("%s/%s: %s" % (row[0], m, describe(row[1 + i], want_fig)))
        report(not bad, "Departments figures equal metrics.csv (n<k when suppressed)",
               "; ".join(bad[:5]))
        # Names from the inputs are strings, never formulas.
        types = [wb[ws.title].cell(row=cell.row, column=1).data_type
                 for cell in wb[ws.title]["A"] if cell.value in names_seen]
        report(all(t == "s" for t in types), "department names are written as text")

    if "UseCases" in tables:
        ws = tables["UseCases"]
        _h, rows = table_rows(wv[ws.title], "UseCases")
        names_seen = [r[0] for r in rows]
        report(names_seen == groups(metrics, "use_case"),
               "Use cases rows are the use cases of metrics.csv", repr(names_seen))
        yes, no = YES_NO[lang]
        bad = []
        for row in rows:
            for i, m in enumerate(USE_CASE_COLUMNS):
                want_fig = metrics.get(("use_case", row[0], m))
                got = row[1 + i]
                if m == "at_risk" and want_fig and want_fig[1] == "ok":
                    ok = got == (yes if want_fig[0] else no)
                else:
                    ok = want_fig is None or figure_matches(got, want_fig, k, na_texts)
                if not ok:
                    bad.append("%s/%s: %s" % (row[0], m, describe(got, want_fig)))
        report(not bad, "Use cases figures equal metrics.csv", "; ".join(bad[:5]))
        types = [c.data_type for c in wb[ws.title]["A"] if c.value in names_seen]
        report(all(t == "s" for t in types), "use-case names are written as text")

    if "Trend" in tables:
        _h, rows = table_rows(wv[tables["Trend"].title], "Trend")
        report([r[0] for r in rows] == groups(metrics, "quarter"),
               "Trend rows are the quarters of metrics.csv")
        bad = [(r[0], m) for r in rows for i, m in enumerate(TREND_COLUMNS)
               if not figure_matches(r[1 + i], metrics[("quarter", r[0], m)], k, na_texts)]
        report(not bad, "Trend figures equal metrics.csv", repr(bad))

    if "DataQuality" in tables:
        _h, rows = table_rows(wv[tables["DataQuality"].title], "DataQuality")
        bad = [(r[0], m) for r in rows for i, m in enumerate(QUALITY_COLUMNS)
               if not figure_matches(r[1 + i], metrics[("data_quality", r[0], m)], k,
                                     na_texts)]
        report(len(rows) == 2 and not bad, "Data quality equals metrics.csv", repr(bad))

    # The monthly series on the ROI sheet: cached benefit, cost and cumulative sums.
    roi = wv[SHEETS[lang][1]]
    month_rows = [row for row in roi.iter_rows() if isinstance(row[0].value, str)
                  and re.fullmatch(r"\d{4}-\d{2}", row[0].value)]
    want_months = groups(metrics, "month")
    report([r[0].value for r in month_rows] == want_months,
           "ROI monthly series covers the months of metrics.csv")
    if month_rows:
        header = [c.value for c in roi[month_rows[0][0].row - 1]]
        n = max(i for i, v in enumerate(header) if v is not None) + 1
        cols = {"benefit": n - 6, "cost": n - 5, "cumulative_benefit": n - 3,
                "cumulative_cost": n - 2}
        bad = []
        roi_f = wb[SHEETS[lang][1]]
        for row in month_rows:
            for m, col in cols.items():
                got = row[col].value
                want_fig = metrics[("month", row[0].value, m)]
                fm = roi_f.cell(row=row[col].row, column=row[col].column).number_format
                if not figure_matches(got, want_fig, k, na_texts, fm):
                    bad.append("%s/%s: %s" % (row[0].value, m, describe(got, want_fig)))
        report(not bad, "ROI monthly cached values equal metrics.csv", "; ".join(bad[:5]))

    if survey_suppressed:
        mat = wv[SHEETS[lang][4]]
        numbers = [c.coordinate for row in mat.iter_rows() for c in row if is_number(c.value)]
        report(not numbers, "no survey figure on the maturity sheet", repr(numbers[:5]))

    return FAILED == 0


# ---- LibreOffice -------------------------------------------------------------------

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice(workdir, src, fmt, outdir):
    """Converts src with LibreOffice headless in a throw-away profile that forces
    recalculation on load (OOXMLRecalcMode 0 = always).  Returns the output path."""
    profile = os.path.join(workdir, "lo-profile")
    user = os.path.join(profile, "user")
    if not os.path.exists(user):
        os.makedirs(user)
        with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
            f.write(PROFILE)
    os.makedirs(outdir, exist_ok=True)
    cmd = ["soffice", "-env:UserInstallation=file://" + os.path.abspath(profile),
           "--headless", "--norestore", "--convert-to", fmt, "--outdir", outdir, src]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=180, check=False)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
    return out if os.path.exists(out) else None


def strip_and_recalc(workdir, src, tag, edit=None):
    """Saves src through openpyxl (which drops every cached result), applying
    edit(wb) first, and has LibreOffice recalculate it.  Returns the recalculated
    workbook (values) or None."""
    os.makedirs(workdir, exist_ok=True)
    wb = openpyxl.load_workbook(src)
    if edit:
        edit(wb)
    stripped = os.path.join(workdir, tag + ".xlsx")
    wb.save(stripped)
    out = soffice(workdir, stripped, "xlsx", os.path.join(workdir, "recalc-" + tag))
    return openpyxl.load_workbook(out, data_only=True) if out else None


def value_of(wb, cells, name):
    sheet, ref = cells[name]
    return wb[sheet][ref].value


def recalc(path, metrics_path, rules_path, workdir):
    rules = read_rules(rules_path)
    k = rules["min_group_size"]
    metrics = read_metrics(metrics_path)
    org = {m: metrics[(s, g, m)] for (s, g, m) in metrics if s == "organisation"}
    na_texts = {"n/a", "n.v.t.", "k. A."}
    os.makedirs(workdir, exist_ok=True)

    wb = openpyxl.load_workbook(path)
    cells = named_cells(wb)
    written = openpyxl.load_workbook(path, data_only=True)

    fresh = strip_and_recalc(workdir, path, "stripped")
    if not report(fresh is not None, "LibreOffice recalculates the workbook"):
        return False
    for name in RESULT_NAMES + list(EXTRA_RESULTS):
        metric = EXTRA_RESULTS.get(name, name)
        got = value_of(fresh, cells, name)
        sheet, ref = cells[name]
        report(figure_matches(got, org[metric], k, na_texts, wb[sheet][ref].number_format),
               "recalculated %s equals metrics.csv" % name, describe(got, org[metric]))

    # Every cached result equals what the formula gives (nothing changes on recalc).
    diffs = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if not (isinstance(c.value, str) and c.value.startswith("=")):
                    continue
                before = written[ws.title][c.coordinate].value
                after = fresh[ws.title][c.coordinate].value
                same = (abs(before - after) <= 1e-6 * (1 + abs(after))
                        if is_number(before) and is_number(after) else before == after)
                if not same:
                    diffs.append("%s!%s %r -> %r" % (ws.title, c.coordinate, before, after))
    report(not diffs, "every cached formula result survives recalculation",
           "; ".join(diffs[:5]))

    base_value = value_of(fresh, cells, "value_saved")
    base_cost = value_of(fresh, cells, "cost_total")
    realisation = value_of(wb, cells, "realisation")
    rate = value_of(wb, cells, "rate_default")

    def set_input(name, value):
        def edit(book):
            sheet, ref = cells[name]
            book[sheet][ref].value = value
        return edit

    halved = strip_and_recalc(workdir, path, "halved", set_input("realisation",
                                                                realisation / 2))
    if report(halved is not None, "LibreOffice recalculates with realisation halved"):
        got = value_of(halved, cells, "value_saved")
        report(is_number(got) and abs(got - base_value / 2) <= TOLERANCE,
               "value_saved halves with realisation", "%r, want %r" % (got, base_value / 2))
        roi = value_of(halved, cells, "roi")
        if is_number(base_cost) and base_cost:
            want = (base_value / 2 - base_cost) / base_cost
            report(is_number(roi) and abs(roi - want) <= TOLERANCE,
                   "roi follows the halved realisation", "%r, want %r" % (roi, want))

    raised = strip_and_recalc(workdir, path, "raised", set_input("rate_default", rate + 10))
    if report(raised is not None, "LibreOffice recalculates with rate_default raised"):
        got = value_of(raised, cells, "value_saved")
        report(is_number(got) and got > base_value + TOLERANCE,
               "value_saved grows with rate_default", "%r, was %r" % (got, base_value))
    return FAILED == 0


def render(path, workdir):
    pdf = soffice(workdir, path, "pdf", os.path.join(workdir, "pdf"))
    if not report(pdf is not None, "LibreOffice converts the workbook to PDF"):
        return False
    prefix = os.path.join(workdir, "pdf", "page")
    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, prefix], check=False)
    pages = sorted(glob.glob(prefix + "*.png"))
    report(len(pages) > 0, "the PDF renders to pages", "%d pages" % len(pages))
    print("# pages: %s" % os.path.dirname(prefix))
    return FAILED == 0


def main(argv):
    if len(argv) >= 5 and argv[1] == "check":
        check(argv[2], argv[3], argv[4])
    elif len(argv) >= 6 and argv[1] == "recalc":
        if shutil.which("soffice") is None:
            report(False, "soffice is installed (libreoffice-calc-nogui)")
        else:
            recalc(argv[2], argv[3], argv[4], argv[5])
    elif len(argv) >= 4 and argv[1] == "render":
        render(argv[2], argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
