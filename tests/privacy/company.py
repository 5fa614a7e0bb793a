"""Seeded random small companies for the privacy attacker (tests/privacy/attack.py).

A company is people in departments with roles, present over several quarters with
joiners and leavers between them, who answer the survey in some quarters and log
tasks in the time-tracking export.  Everything the exports are made from stays in
memory (Company.people and the rows), so an attack's result can be checked against
the truth.  Companies are small on purpose (6-40 staff, departments of 1-7): that is
where groups of fewer than k people are.

Company.write(dir) writes survey.csv (the full export), survey_early.csv (the same
without the late answers of the quarter before the last: the export the first
issue of that quarter's report was made from), timesheet.csv and rules.ini.
"""
import datetime as dt
import random

DIMS = ["tool_knowledge", "application_breadth", "autonomy", "innovation", "knowledge_sharing"]
DEPT_NAMES = ["Sales", "Ops", "IT", "Finance", "Legal", "Lab", "Plant", "Support", "Design", "Board"]
UC_NAMES = ["Quotes", "Reports", "Mail", "Planning", "Translation", "Research", "Minutes", "Code"]
SURVEY_HEADER = ("employee_id,submitted,department,role,ai_days_per_week," + ",".join(DIMS) +
                 ",satisfaction,training_date,mentor_id")
TS_HEADER = "employee_id,date,use_case,minutes,ai_assisted,items,department"


def qstart(q):
    return dt.date(q // 4, (q % 4) * 3 + 1, 1)


def qend(q):
    n = q + 1
    return dt.date(n // 4, (n % 4) * 3 + 1, 1) - dt.timedelta(days=1)


def qlabel(q):
    return "%d-Q%d" % (q // 4, q % 4 + 1)


class Person:
    def __init__(self, pid, dept, role):
        self.id, self.dept, self.role = pid, dept, role
        self.first = self.last = 0       # quarters present (inclusive)
        self.answers = {}                # quarter -> survey answer dict
        self.training = None             # date of first AI training
        self.ucs = {}                    # use case -> True (AI user) / False


class Company:
    def __init__(self, seed, k=None):
        r = self.rnd = random.Random(seed)
        self.seed = seed
        self.k = k or r.choice([3, 5])
        self.q0 = 2025 * 4 + r.randint(0, 3)
        self.nq = r.randint(2, 4)
        self.quarters = list(range(self.q0, self.q0 + self.nq))
        n = r.randint(6, 40)
        # departments of 1-7 people, small ones frequent
        depts, left = [], n
        names = DEPT_NAMES[:]
        r.shuffle(names)
        while left > 0:
            size = min(left, r.choice([1, 1, 2, 2, 3, 4, 5, 6, 7, 7]))
            depts.append((names[len(depts) % len(names)] + ("" if len(depts) < len(names) else str(len(depts))), size))
            left -= size
        self.depts = [d for d, _ in depts]
        # roles: a common one without its own rate, a rated one, and rare rated ones (1-2 people)
        self.role_rates = {"Engineer": r.choice([75, 80]), "Lawyer": 110, "Boss": 130}
        self.dept_rates = {}
        for d in self.depts:
            if r.random() < 0.3:
                self.dept_rates[d] = r.choice([45, 50, 95])
        self.default_rate = 60
        people = []
        for d, size in depts:
            for _ in range(size):
                people.append(Person("E%03d" % len(people), d, ""))
        roles = ["Staff"] * len(people)
        for i in range(len(people)):
            x = r.random()
            roles[i] = "Engineer" if x < 0.3 else "Staff"
        for rare, count in (("Boss", 1), ("Lawyer", r.choice([1, 2]))):
            for p in r.sample(people, count):
                p.role = rare
        for p, ro in zip(people, roles):
            if not p.role:
                p.role = ro
        # joiners and leavers between quarters
        for p in people:
            p.first, p.last = self.quarters[0], self.quarters[-1]
            x = r.random()
            if x < 0.15 and self.nq > 1:
                p.first = r.choice(self.quarters[1:])
            elif x < 0.28 and self.nq > 1:
                p.last = r.choice(self.quarters[:-1])
        self.people = people
        self.ucs = UC_NAMES[:r.randint(2, 6)]
        self.fixed_baseline = {u: r.choice([45, 90]) for u in self.ucs if r.random() < 0.3}
        for u in self.ucs:
            users = r.sample(people, min(len(people), r.randint(1, 10)))
            for p in users:
                p.ucs[u] = True
            for p in r.sample(people, min(len(people), r.randint(1, 4))):
                p.ucs.setdefault(u, False)
        # the survey: response rate per quarter; the first quarter is sometimes a small pilot
        train_q = {}
        for p in people:
            if r.random() < 0.6:
                tq = r.choice(self.quarters) - r.choice([0, 0, 1, 2, 3])
                p.training = qstart(tq) + dt.timedelta(days=r.randint(0, 80))
        base = {p.id: r.randint(1, 5) for p in people}
        for i, q in enumerate(self.quarters):
            rate = r.choice([0.5, 0.8, 0.95]) if not (i == 0 and r.random() < 0.35) else 0.15
            for p in people:
                if not (p.first <= q <= p.last) or r.random() > rate:
                    continue
                sub = qstart(q) + dt.timedelta(days=r.randint(5, 80))
                a = dict(submitted=sub, dept=p.dept, role=p.role,
                         days=r.choice([0, 0, 0.5, 1, 2, 3, 5]),
                         scores=[max(1, min(5, base[p.id] + r.randint(-1, 1) + (i if r.random() < 0.3 else 0)))
                                 for _ in DIMS],
                         sat=r.randint(1, 5) if r.random() < 0.6 else None,
                         training=p.training if p.training and p.training <= sub and r.random() < 0.9 else None,
                         mentor=r.choice(people).id if r.random() < 0.35 else "")
                p.answers[q] = a
        # the late answer: one respondent of the quarter before the last whose answer
        # arrived after that quarter's report was first issued
        self.late = set()
        if self.nq >= 2:
            pq = self.quarters[-2]
            cands = [p for p in people if pq in p.answers and any(p.ucs.values())]
            if cands:
                self.late.add(r.choice(cands).id)
        # costs and rules
        self.tpp = r.choice([900, 1500])
        self.lic = r.choice([20, 25])
        self.fixed = r.choice([0, 3000])
        self.realisation = r.choice([1.0, 0.8])
        self.timesheet = self._timesheet()

    def _timesheet(self):
        r = self.rnd
        rows = []
        for q in self.quarters:
            for p in self.people:
                if not (p.first <= q <= p.last):
                    continue
                for u, ai in sorted(p.ucs.items()):
                    for _ in range(r.randint(1, 4)):
                        d = qstart(q) + dt.timedelta(days=r.randint(0, 85))
                        items = r.randint(1, 3)
                        if ai and r.random() < 0.8:
                            mins = items * r.randint(20, 55)
                            rows.append((p.id, d, u, mins, True, items))
                        else:
                            mins = items * r.randint(50, 100)
                            rows.append((p.id, d, u, mins, False, items))
                # non-AI work of everyone, so baselines exist
                if r.random() < 0.5:
                    u = r.choice(self.ucs)
                    rows.append((p.id, qstart(q) + dt.timedelta(days=r.randint(0, 85)), u,
                                 r.randint(60, 120), False, 1))
        return rows

    # ---- writing -----------------------------------------------------------------
    def survey_lines(self, early=False):
        lines = [SURVEY_HEADER]
        for p in self.people:
            for q, a in sorted(p.answers.items()):
                if early and p.id in self.late and q == self.quarters[-2]:
                    continue
                lines.append(",".join([p.id, a["submitted"].isoformat(), a["dept"], a["role"], str(a["days"])] +
                                      [str(x) for x in a["scores"]] +
                                      ["" if a["sat"] is None else str(a["sat"]),
                                       a["training"].isoformat() if a["training"] else "", a["mentor"]]))
        return lines

    def timesheet_lines(self):
        lines = [TS_HEADER]
        for e, d, u, m, ai, it in self.timesheet:
            lines.append("%s,%s,%s,%d,%s,%d," % (e, d.isoformat(), u, m, "yes" if ai else "no", it))
        return lines

    def rules(self, k=None, extra=""):
        k = self.k if k is None else k
        role = "\n".join("%s = %s" % x for x in sorted(self.role_rates.items()))
        dept = "\n".join("%s = %s" % x for x in sorted(self.dept_rates.items()))
        ucs = "\n".join("%s = %s" % x for x in sorted(self.fixed_baseline.items()))
        return f"""[organisation]
name = Probe
language = en
currency = EUR
[period]
program_start = {qstart(self.quarters[0]).isoformat()}
[privacy]
min_group_size = {k}
{extra}
[costs]
training_per_participant = {self.tpp}
license_per_active_user_month = {self.lic}
program_fixed_per_quarter = {self.fixed}
[rates]
default = {self.default_rate}
realisation = {int(self.realisation * 100)}%
[rates.role]
{role}
[rates.department]
{dept}
[use_cases]
{ucs}
"""

    def write(self, out):
        import os
        os.makedirs(out, exist_ok=True)
        open(os.path.join(out, "survey.csv"), "w").write("\n".join(self.survey_lines()) + "\n")
        open(os.path.join(out, "survey_early.csv"), "w").write("\n".join(self.survey_lines(True)) + "\n")
        open(os.path.join(out, "timesheet.csv"), "w").write("\n".join(self.timesheet_lines()) + "\n")
        open(os.path.join(out, "rules.ini"), "w").write(self.rules())
