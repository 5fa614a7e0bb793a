#!/usr/bin/python3
"""The attacker: runs aireport on companies and tries every attack of attacks.py on
what it publishes.

  attack.py [--seeds N] [--first S] [--case DIR ...] [--jobs J] [--examples N] [--quiet]

--seeds N: random companies S .. S+N-1 (tests/privacy/company.py); --case DIR: a
hand-built company (rules.ini, survey.csv, timesheet.csv, optional survey_early.csv).
Per company the program runs three times: A = the last quarter, B = the quarter
before (both from the full survey), C = B's quarter from survey_early.csv (its first
issue, before the late answers came in).  The configuration checks (class 10) run on
the first random company and on every case whose folder name starts with class10.

Prints per class how many recoveries were found, one example each, and exits 1 when
any was found.  The binary is $AIREPORT_BIN, else ./aireport."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import company  # noqa: E402
import truth  # noqa: E402
from attacks import CLASSES, Context, run_all  # noqa: E402
from published import Published  # noqa: E402

BIN = os.environ.get("AIREPORT_BIN") or os.path.join(ROOT, "aireport")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", LC_ALL="C")


def run(d, survey, period, out, rules="rules.ini", quiet=True):
    args = [BIN, "-s", survey, "-t", "timesheet.csv", "-r", rules, "-o", out, "-p", period]
    if quiet:
        args.insert(1, "-q")
    p = subprocess.run(args, cwd=d, env=ENV, capture_output=True, text=True)
    return p.returncode, p.stderr


def report_dir(d, out, period):
    base = os.path.join(d, out)
    for org in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        f = os.path.join(base, org, period)
        if os.path.exists(os.path.join(f, "metrics.csv")):
            return f
    return None


def config_checks(d):
    """Class 10: what the configuration lets through, and where the side files land."""
    found = []
    rules = open(os.path.join(d, "rules.ini")).read()
    co = truth.Company(os.path.join(d, "survey.csv"), os.path.join(d, "timesheet.csv"), os.path.join(d, "rules.ini"))
    period = truth.qlabel(co.squarters[-1])

    def variant(tag, k=None, extra=""):
        text = rules
        if k is not None:
            import re
            text = re.sub(r"(?m)^min_group_size\s*=.*$", "min_group_size = %d" % k, text)
        if extra:
            text = text.replace("[privacy]", "[privacy]\n" + extra, 1)
        open(os.path.join(d, "rules-%s.ini" % tag), "w").write(text)
        st, err = run(d, "survey.csv", period, "out-" + tag, "rules-%s.ini" % tag, quiet=False)
        warn = [l for l in err.splitlines() if "warning" in l.lower() or "min_group_size" in l or "employee" in l.lower()]
        return st, warn, report_dir(d, "out-" + tag, period)

    for k in (1, 2):
        st, warn, f = variant("k%d" % k, k)
        if st == 0:
            found.append("min_group_size = %d accepted (exit 0%s) without allow_small_groups" %
                         (k, ", no warning" if not warn else ""))
    st, warn, f = variant("k3", 3)
    if st == 0:
        if not warn:
            found.append("min_group_size = 3 accepted without a warning")
        text = Published(f).text if f else ""
        for claim in ("No employee can be identified", "cannot be identified", "not identifiable"):
            if claim.lower() in " ".join(text.lower().split()):
                found.append("min_group_size = 3 and the PDF still says '%s'" % claim)
                break
    st, warn, f = variant("sheet", None, "employee_sheet = true")
    if st == 0 and not [l for l in warn if "employee" in l.lower() or "sheet" in l.lower()]:
        found.append("employee_sheet = true without a warning")
    st, warn, f = variant("plain")
    if f and os.path.exists(os.path.join(f, "rejects.csv")):
        found.append("rejects.csv (raw answers and ids) written beside the management report in %s" %
                     os.path.relpath(f, d))
    if f and "rejects.csv" in Published(f).text:
        found.append("the PDF points its readers to rejects.csv")
    return found


def attack_company(d, late_from_files=True, config=False):
    """Runs A, B, C on the exports in d and returns the recoveries."""
    co = truth.Company(os.path.join(d, "survey.csv"), os.path.join(d, "timesheet.csv"), os.path.join(d, "rules.ini"))
    if not co.squarters:
        return []
    L = co.squarters[-1]
    runs = {}
    plan = [("A", "survey.csv", L), ("B", "survey.csv", L - 1)]
    early = os.path.join(d, "survey_early.csv")
    if os.path.exists(early):
        plan.append(("C", "survey_early.csv", L - 1))
    for name, survey, q in plan:
        st, err = run(d, survey, truth.qlabel(q), "out" + name)
        if st == 0:
            f = report_dir(d, "out" + name, truth.qlabel(q))
            if f:
                runs[name] = (Published(f), q)
        elif st not in (1,):
            raise SystemExit("%s: run %s exits %d: %s" % (d, name, st, err.strip()))
    late = set()
    if os.path.exists(early):
        ce = truth.Company(early, os.path.join(d, "timesheet.csv"), os.path.join(d, "rules.ini"))
        late = co.quarter(L - 1).resp - ce.quarter(L - 1).resp
    cfg = config_checks(d) if config else []
    return run_all(Context(co, runs, late, cfg))


def fmt(x):
    if isinstance(x, float):
        return ("%.6f" % x).rstrip("0").rstrip(".")
    return str(x)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=0)
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--case", action="append", default=[])
    ap.add_argument("--examples", type=int, default=1)
    ap.add_argument("--keep", help="keep the companies in this folder")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    tmp = a.keep or tempfile.mkdtemp(prefix="privacy.")
    found = []  # (company, recovery)
    try:
        for s in range(a.first, a.first + a.seeds):
            d = os.path.join(tmp, "seed%d" % s)
            c = company.Company(s)
            c.write(d)
            for r in attack_company(d, config=(s == a.first)):
                found.append(("seed %d" % s, r))
            if not a.keep:
                shutil.rmtree(d, ignore_errors=True)
        for case in a.case:
            d = os.path.join(tmp, os.path.basename(os.path.normpath(case)))
            shutil.rmtree(d, ignore_errors=True)
            shutil.copytree(case, d)
            cfg = os.path.basename(os.path.normpath(case)).startswith("class10")
            for r in attack_company(d, config=cfg):
                found.append((os.path.basename(os.path.normpath(case)), r))
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    what = "%d random companies" % a.seeds if a.seeds else ""
    if a.case:
        what += (" and " if what else "") + ", ".join(os.path.basename(os.path.normpath(c)) for c in a.case)
    print("privacy attacker on %s: %d recoveries" % (what, len(found)))
    for cls in sorted(CLASSES):
        hits = [(w, r) for w, r in found if r[0] == cls]
        comps = len({w for w, r in hits})
        print("  class %2d %-52s %4d recoveries in %d companies" % (cls, CLASSES[cls], len(hits), comps))
        if not a.quiet:
            for w, r in hits[:a.examples]:
                if r[2] is None:
                    print("           e.g. %s: %s" % (w, r[1]))
                else:
                    print("           e.g. %s: %s -> recovered %s, true %s, group of %d" %
                          (w, r[1], fmt(r[2]), fmt(r[3]), r[4]))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
