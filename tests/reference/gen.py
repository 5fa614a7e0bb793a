"""Random small exports and rules for the reference comparison (tests/e2e_reference.sh):
usage: gen.py SEED DIR [wide].  Clean comma CSVs with ISO dates, a few invalid rows,
duplicates, ids in one file only, and every rules knob the figures depend on.
With `wide` (tests/e2e_property.sh) the company also varies in the number of
quarters (1-10), the report language, k up to 10 and an explicit reported quarter
that may hold no survey rows."""
import random, sys, datetime as dt, os
seed = int(sys.argv[1]); out = sys.argv[2]; rnd = random.Random(seed)
wide = len(sys.argv) > 3 and sys.argv[3] == "wide"
os.makedirs(out, exist_ok=True)
NQ = rnd.randint(1, 10) if wide else 5
nemp = rnd.randint(3, 14)
emps = [f"E{i}" for i in range(nemp)]
depts = ["Sales", "Ops", "IT", "HR"][:rnd.randint(1,4)]
roles = ["", "Boss", "Dev", "Clerk"]
ucs = ["Quote", "Report", "Mail", "Plan"][:rnd.randint(1,4)]
def rdate(y0=2025, q0=3, nq=None):
    nq = nq or NQ
    q = rnd.randint(0, nq-1); qq = q0 - 1 + q; y = y0 + qq//4; m = (qq%4)*3 + 1 + rnd.randint(0,2)
    d = rnd.randint(1, 28); return dt.date(y, m, d)
def f(d): return d.isoformat() if d else ""
lines = ["employee_id,submitted,department,role,ai_days_per_week,tool_knowledge,application_breadth,autonomy,innovation,knowledge_sharing,satisfaction,training_date,mentor_id"]
edept = {e: rnd.choice(depts) for e in emps}
for _ in range(rnd.randint(5, 40)):
    e = rnd.choice(emps)
    dep = edept[e] if rnd.random() < 0.85 else rnd.choice(depts)
    sc = [rnd.randint(1,5) for _ in range(5)]
    if rnd.random() < 0.05: sc[rnd.randint(0,4)] = 6
    sat = str(rnd.randint(1,5)) if rnd.random() < 0.7 else ""
    tr = f(rdate(2025, 1, 8)) if rnd.random() < 0.4 else ""
    men = rnd.choice(emps) if rnd.random() < 0.4 else ""
    days = rnd.choice(["0", "0.5", "1", "2", "3", "5"])
    lines.append(",".join([e, f(rdate()), dep, rnd.choice(roles), days] + [str(x) for x in sc] + [sat, tr, men]))
open(f"{out}/survey.csv", "w").write("\n".join(lines) + "\n")
lines = ["employee_id,date,use_case,minutes,ai_assisted,items,department"]
temps = emps + [f"T{i}" for i in range(rnd.randint(0,3))]
for _ in range(rnd.randint(5, 80)):
    e = rnd.choice(temps)
    dep = rnd.choice(depts + [""]) if rnd.random() < 0.5 else ""
    it = rnd.choice(["", "1", "2", "3"])
    mins = str(rnd.choice([10, 20, 30, 45, 60, 90, 120, 150]))
    d = rdate()
    if rnd.random() < 0.03: mins = "2000"
    lines.append(",".join([e, f(d), rnd.choice(ucs), mins, rnd.choice(["yes", "no", "no"]), it, dep]))
open(f"{out}/timesheet.csv", "w").write("\n".join(lines) + "\n")
k = rnd.choice([1, 2, 3, 5, 8, 10] if wide else [1, 2, 3, 5])
lang = rnd.choice(["nl", "en", "de"]) if wide else "en"
quarter = "auto"
if wide and rnd.random() < 0.3:
    qq = 2 + rnd.randint(0, NQ)           # 2025-Q3 .. one quarter past the data
    quarter = "%d-Q%d" % (2025 + qq // 4, qq % 4 + 1)
r = f"""[organisation]
name = Probe
language = {lang}
{"headcount = %d" % rnd.randint(5,30) if rnd.random() < 0.2 else ""}
[period]
quarter = {quarter}
{"program_start = " + f(rdate(2025,1,8)) if rnd.random() < 0.6 else ""}
[input]
max_reject_ratio = 100%
[privacy]
min_group_size = {k}
allow_small_groups = {"true" if k < 3 else "false"}
[adoption]
active_min_days_per_week = {rnd.choice([1, 2, 0.5])}
active_min_ai_entries = {rnd.choice([0, 0, 1, 2])}
[maturity]
overall = {rnd.choice(["median", "min", "mean"])}
{"[baseline]" + chr(10) + "from = 2025-10-01" + chr(10) + "to = 2026-06-30" if rnd.random() < 0.2 else ""}
[costs]
training_per_participant = {rnd.choice([0, 100, 1500])}
license_per_active_user_month = {rnd.choice([0, 10, 20])}
program_fixed_per_quarter = {rnd.choice([0, 90, 3000])}
[rates]
default = 60
realisation = {rnd.choice(["100%", "80%", "50%"])}
[rates.role]
Boss = 100
dev = 80
[rates.department]
Ops = 40
{"unassigned = 10" if rnd.random() < 0.3 else ""}
[use_cases]
{"Report = 70" if rnd.random() < 0.5 else ""}
[risk]
concentration_share = {rnd.choice(["50%", "60%", "40%"])}
"""
open(f"{out}/rules.ini", "w").write(r)
