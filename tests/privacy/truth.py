"""The ground truth of a company: who is in which group, every raw answer and every
saved hour, per quarter, as the definitions of SPEC §4/§11 give them.  The files are
read with the independent reference (tests/reference/ref.py): the attacker's truth
never comes from the program it attacks."""
import datetime as dt
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
import ref  # noqa: E402

DIMS = ref.DIMS


def qlabel(q):
    return "%d-Q%d" % (q // 4, q % 4 + 1)


def mlabel(m):
    return "%04d-%02d" % (m // 12, m % 12 + 1)


class Company:
    """All quarters of one set of exports."""

    def __init__(self, survey, timesheet, rules):
        self.R = ref.load_rules(rules)
        self.k = self.R["k"]
        self.S_all, _ = ref.read_survey(survey)
        self.T_all, _ = ref.read_ts(timesheet)
        self._views = {}
        self.squarters = sorted({ref.qidx(r["sub"]) for r in self.S_all})

    def quarter(self, q):
        if q not in self._views:
            self._views[q] = Quarter(self, q)
        return self._views[q]


class Quarter:
    """One quarter as if it were the reported one (P)."""

    def __init__(self, co, q):
        R = self.R = co.R
        self.co, self.q = co, q
        v = self.v = ref.View(q, co.S_all, co.T_all, R)
        self.end = v.end
        self.S = v.S                      # employee -> survey row of the quarter
        self.resp = set(v.S)
        self.members = v.members
        self.dept = v.dept
        self.active = v.active
        self.level = v.overall
        self.H = v.H
        self.nactive = v.nactive
        self.trainees = [e for e, d in v.train.items() if d and v.start <= d <= v.end]
        # rate class of every employee, named as the workbook names it
        self.rclass = {}
        for e in v.dept:
            rows = [r for r in co.S_all if r["emp"] == e and r["sub"] <= v.end]
            ls = v.S.get(e) or (max(rows, key=lambda r: (r["sub"], r["line"])) if rows else None)
            role = ls["role"] if ls else ""
            if role and role.lower() in R["role"]:
                self.rclass[e] = ("role", role.lower())
            elif v.dept[e].lower() in R["dept"]:
                self.rclass[e] = ("department", v.dept[e].lower())
            else:
                self.rclass[e] = ("default", "")
        # saved hours of every AI entry with a baseline: (employee, use case, month, hours)
        self.entries = []
        for t in co.T_all:
            b = v.base.get(t["uc"])
            if t["ai"] and b is not None and t["date"] <= v.end:
                self.entries.append((t["emp"], t["uc"], ref.midx(t["date"]), (t["items"] * b - t["min"]) / 60.0))
        self.months_of_q = {ref.midx(v.start) + i for i in range(3)}
        self.pentries = [x for x in self.entries if x[2] in self.months_of_q]
        self.ai_users = defaultdict(set)  # use case -> distinct AI users in the quarter
        for t in v.T:
            if t["ai"]:
                self.ai_users[t["uc"]].add(t["emp"])
        self.ucs = sorted({t["uc"] for t in v.T})

    # ---- answers -------------------------------------------------------------------
    def dimlevel(self, e, i):
        return self.v.lvl(self.S[e]["scores"][i])

    def resp_of(self, depts):
        return {e for e in self.resp if self.dept[e] in depts}

    def members_of(self, depts):
        return {e for e in self.members if self.dept[e] in depts}

    # ---- hours ---------------------------------------------------------------------
    def hours(self, pred, quarter_only=True):
        """(saved hours, contributing employees) of the AI entries that pass pred(e, uc, month)."""
        h, who = 0.0, set()
        for e, u, m, x in (self.pentries if quarter_only else self.entries):
            if pred(e, u, m):
                h += x
                who.add(e)
        return h, who

    def value(self, pred):
        return sum(x * self.v.rate[e] * self.R["real"] for e, u, m, x in self.pentries if pred(e, u, m))

    def rate_of_class(self, c):
        kind, name = c
        if kind == "role":
            return self.R["role"][name]
        if kind == "department":
            return self.R["dept"][name]
        return self.R["default"]

    def top_user_hours(self, u):
        net = defaultdict(float)
        for e, uu, m, x in self.pentries:
            if uu == u:
                net[e] += x
        pos = [x for x in net.values() if x > 0]
        return (max(pos), max(net, key=net.get)) if pos else (None, None)

    def sat_answers(self):
        return {e: r["sat"] for e, r in self.S.items() if r["sat"]}

    def retention_pool(self):
        lim = self.end - dt.timedelta(days=182)
        return [e for e in self.members if self.v.train.get(e) and self.v.train[e] <= lim]

    def level1(self):
        return [e for e in self.resp if self.level[e] == 1]

    def mentor_answers(self):
        return {e: r["mentor"] for e, r in self.S.items() if r["mentor"]}
