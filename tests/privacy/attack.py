#!/usr/bin/python3
"""The attacker: runs aireport on companies and tries every attack of attacks.py on
what it publishes.

  attack.py [--seeds N] [--first S] [--case DIR ...] [--jobs J] [--examples N] [--quiet]

--seeds N: random companies S .. S+N-1 (tests/privacy/company.py); --case DIR: a
hand-built company (rules.ini, survey.csv, timesheet.csv, optional survey_early.csv).
Per company the program runs three times: A = the last quarter, B = the quarter
before (both from the full survey), C = B's quarter from survey_early.csv (its first
issue, before the late answers came in).  With survey_early.csv they run in the
order C, B, A into one output folder, so B is a re-issue and A reads the history.  The configuration checks (class 10) run on
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
        # As a consultant runs them, into one folder with its history: the first
        # issue of L-1, its re-issue after the late answers, then quarter L.
        plan = [("C", "survey_early.csv", L - 1), ("B", "survey.csv", L - 1),
                ("A", "survey.csv", L)]
    for name, survey, q in plan:
        out = "out" if os.path.exists(early) else "out" + name
        st, err = run(d, survey, truth.qlabel(q), out)
        if st == 0:
            f = report_dir(d, out, truth.qlabel(q))
            if f:
                kept = os.path.join(d, "published-" + name)
                shutil.copytree(f, kept)
                runs[name] = (Published(kept), q)
        elif st not in (1,):
            raise SystemExit("%s: run %s exits %d: %s" % (d, name, st, err.strip()))
    late = set()
    if os.path.exists(early):
        ce = truth.Company(early, os.path.join(d, "timesheet.csv"), os.path.join(d, "rules.ini"))
        late = co.quarter(L - 1).resp - ce.quarter(L - 1).resp
    cfg = config_checks(d) if config else []
    return run_all(Context(co, runs, late, cfg))


def _depts(t):
    return {t.dept[e] for e in t.members}


# What each hand-built case must hold in its ground truth, so that a case can only pass
# because the reports withstand its attack, never because the case lost its point.
SCENARIOS = {
    "class1": lambda co, t, p: 0 < len(t.resp) < co.k,
    "class2": lambda co, t, p: any(len(t.members_of({d})) >= co.k and 0 < len(t.resp_of({d})) < co.k
                                   for d in _depts(t)),
    "class3": lambda co, t, p: len(t.resp) >= co.k and 0 < len(t.sat_answers()) < co.k,
    "class4": lambda co, t, p: len([d for d in _depts(t) if 0 < len(t.resp_of({d})) < co.k]) >= 2
    and len(t.resp_of({d for d in _depts(t) if len(t.resp_of({d})) < co.k})) < co.k,
    "class5": lambda co, t, p: any(0 < len(t.members_of({d})) < co.k for d in _depts(t))
    and any(len(t.members_of({d})) >= co.k and not t.resp_of({d}) for d in _depts(t)),
    "class6": lambda co, t, p: any(len(t.ai_users[u]) >= co.k and any(
        0 < len({e for e in t.ai_users[u] if t.rclass[e] == c}) < co.k for c in set(t.rclass.values())) for u in t.ucs),
    "class7": lambda co, t, p: len(t.resp & p.resp) >= co.k and 0 < len(t.resp - p.resp) < co.k,
    "class8": lambda co, t, p: any(len(t.ai_users[u]) >= co.k and t.top_user_hours(u)[0] for u in t.ucs),
    "class9": lambda co, t, p: True,
    "class10": lambda co, t, p: True,
}


def check_scenario(name, d):
    key = name.split("-")[0]
    if key not in SCENARIOS:
        return
    co = truth.Company(os.path.join(d, "survey.csv"), os.path.join(d, "timesheet.csv"), os.path.join(d, "rules.ini"))
    L = co.squarters[-1]
    if not SCENARIOS[key](co, co.quarter(L), co.quarter(L - 1)):
        raise SystemExit("case %s no longer holds the situation its attack needs" % name)
    if key == "class9":
        ce = truth.Company(os.path.join(d, "survey_early.csv"), os.path.join(d, "timesheet.csv"),
                           os.path.join(d, "rules.ini"))
        n = len(co.quarter(L - 1).resp - ce.quarter(L - 1).resp)
        if not 0 < n < co.k:
            raise SystemExit("case %s no longer has fewer than k late answers" % name)


def one_seed(s, config):
    tmp = tempfile.mkdtemp(prefix="privacy-seed%d." % s)
    try:
        company.Company(s).write(tmp)
        return [("seed %d" % s, r) for r in attack_company(tmp, config=config)]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


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
    ap.add_argument("--jobs", type=int, default=1, help="companies attacked in parallel")
    ap.add_argument("--open", type=int, action="append", default=[],
                    help="a class known to be open: reported, not failed")
    a = ap.parse_args()
    tmp = a.keep or tempfile.mkdtemp(prefix="privacy.")
    found = []  # (company, recovery)
    try:
        seeds = list(range(a.first, a.first + a.seeds))
        if a.keep:
            for s in seeds:
                d = os.path.join(tmp, "seed%d" % s)
                company.Company(s).write(d)
                found += [("seed %d" % s, r) for r in attack_company(d, config=(s == a.first))]
        elif a.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor
            with ProcessPoolExecutor(a.jobs) as ex:
                for part in ex.map(one_seed, seeds, [s == a.first for s in seeds]):
                    found += part
        else:
            for s in seeds:
                found += one_seed(s, s == a.first)
        for case in a.case:
            d = os.path.join(tmp, os.path.basename(os.path.normpath(case)))
            shutil.rmtree(d, ignore_errors=True)
            shutil.copytree(case, d)
            check_scenario(os.path.basename(os.path.normpath(case)), d)
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
    for cls in a.open:
        print("  class %d is known to be open: its recoveries are reported, not failed" % cls)
    return 1 if [f for f in found if f[1][0] not in a.open] else 0


if __name__ == "__main__":
    sys.exit(main())
