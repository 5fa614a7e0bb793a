"""The attacks.  Each takes a Context and returns the recoveries it made:
(class, description, recovered value, true value, group size), one for every value it
could pin down with ordinary spreadsheet arithmetic on published figures for a group of
fewer than k people, checked against the truth (a guess that is not the true value is
not a recovery).  The promise they test: no published figure, and no combination of
published figures, pins down a value about a group of fewer than k people."""
import re
from collections import Counter

from truth import DIMS, qlabel, mlabel

CLASSES = {
    1: "survey suppressed, counts published",
    2: "department figures over fewer than k respondents",
    3: "ratios over a sub-group below k",
    4: "suppressed groups recovered by subtraction",
    5: "complement that protects nothing",
    6: "rate classes and use cases in the workbook",
    7: "migration table against level shares",
    8: "concentration x hours = one person's hours",
    9: "re-issued figures differ by one person",
    10: "configuration and side files",
}


class Context:
    """runs: name -> (Published, quarter); A = the last quarter, B = the quarter before
    (both from the full survey), C = the first issue of B's quarter (without the late
    answers).  late = the people whose answers came late."""

    def __init__(self, co, runs, late=(), config=()):
        self.co, self.runs, self.late, self.config = co, runs, set(late), list(config)
        self.k = co.k
        self.R = co.R

    def reports(self, names=("A", "B")):
        for n in names:
            if n in self.runs:
                pub, q = self.runs[n]
                yield n, pub, q, self.co.quarter(q)


def isint(x):
    return x is not None and abs(x - round(x)) < 1e-6


def same(a, b, tol=1e-4):
    return a is not None and b is not None and abs(a - b) <= tol * max(1.0, abs(b))


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs) if xs else None


# ---- 1 ------------------------------------------------------------------------------
def attack_counts(ctx):
    """With fewer than k respondents, the counts that come from survey answers (active
    users, trainings) read back from costs, the workbook and the PDF."""
    out, k, R = [], ctx.k, ctx.R
    lic, tpp, fixed = R["lic"], R["train"], R["fixed"]
    for name, pub, P, tq in ctx.reports():
        n = len(tq.resp)
        if 0 < n < k:
            act, trn = [], []
            x = pub.get("organisation", "", "active_employees")
            if x is not None:
                act.append(("active_employees", x))
            cl = pub.get("organisation", "", "cost_licenses")
            if lic and cl is not None:
                act.append(("cost_licenses / (licence x 3)", cl / (lic * 3)))
            ct, ctr, cf = (pub.get("organisation", "", m) for m in ("cost_total", "cost_training", "cost_fixed"))
            if lic and None not in (ct, ctr, cf):
                act.append(("(cost_total - training - fixed) / (licence x 3)", (ct - ctr - cf) / (lic * 3)))
            a, h = pub.get("organisation", "", "adoption_rate"), pub.get("organisation", "", "headcount")
            if a is not None and h is not None:
                act.append(("adoption_rate x headcount", a * h))
            if pub.name_value("active_users") is not None:
                act.append(("workbook cell active_users", pub.name_value("active_users")))
            for m in re.finditer(r"\((\d+) active users", pub.text):
                act.append(("PDF licence line", float(m.group(1))))
            if tpp and ctr is not None:
                trn.append(("cost_training / training per participant", ctr / tpp))
            if pub.name_value("trainees") is not None:
                trn.append(("workbook cell trainees", pub.name_value("trainees")))
            for m in re.finditer(r"\((\d+) participants?", pub.text):
                trn.append(("PDF training line", float(m.group(1))))
            for desc, x in act:
                if isint(x) and round(x) == tq.nactive:
                    out.append((1, "%s %s: active respondents from %s" % (name, qlabel(P), desc),
                                round(x), tq.nactive, n))
            for desc, x in trn:
                if isint(x) and round(x) == len(tq.trainees):
                    out.append((1, "%s %s: trainings (survey training_date) from %s" % (name, qlabel(P), desc),
                                round(x), len(tq.trainees), n))
        # every quarter of the monthly series: its active count from the month costs
        months = {}
        for g in pub.groups("month"):
            c = pub.get("month", g, "cost")
            if c is not None:
                months[g] = c
        wbactive = {}
        for sheet, r, hdr, body in pub.tables("ROI", r"^Month$"):
            for label, row in body.items():
                for h, v in row.items():
                    if re.fullmatch(r"Active", str(h), re.I) and isinstance(v, (int, float)):
                        wbactive[label] = float(v)
        for q in ctx.co.squarters:
            if q > P:
                continue
            tqq = ctx.co.quarter(q)
            n = len(tqq.resp)
            if not 0 < n < k:
                continue
            labels = [mlabel(m) for m in sorted(tqq.months_of_q)]
            if lic and all(l in months for l in labels):
                cands = []
                for A in range(0, len(tqq.members) + 2):
                    good = True
                    for l in labels:
                        rem = months[l] - fixed / 3 - A * lic
                        if rem < -1e-4 or not (abs(rem) < 1e-4 or (tpp and isint(rem / tpp))):
                            good = False
                    if good:
                        cands.append(A)
                if len(cands) == 1 and cands[0] == tqq.nactive:
                    out.append((1, "%s: %s active respondents from the month costs" % (name, qlabel(q)),
                                cands[0], tqq.nactive, n))
            vals = {wbactive.get(l) for l in labels}
            if len(vals) == 1 and None not in vals:
                x = vals.pop()
                if isint(x) and round(x) == tqq.nactive:
                    out.append((1, "%s: %s active respondents from the workbook's monthly Active column"
                                % (name, qlabel(q)), round(x), tqq.nactive, n))
    return out


# ---- 2 ------------------------------------------------------------------------------
def dept_rows(pub):
    rows = {}
    for sheet, r, hdr, body in pub.tables("Departments", r"^Department$"):
        rows.update(body)
    return rows


def attack_departments(ctx):
    """A department with k or more staff but fewer than k respondents: its adoption
    (active count) and maturity are those few people's answers."""
    out, k = [], ctx.k
    for name, pub, P, tq in ctx.reports():
        wb = dept_rows(pub)
        for d in sorted(set(tq.dept[e] for e in tq.members)):
            resp = tq.resp_of({d})
            n = len(resp)
            if not 0 < n < k:
                continue
            true_act = sum(1 for e in tq.members_of({d}) if tq.active[e])
            cands = []
            x = pub.get("department", d, "active_employees")
            if x is not None:
                cands.append(("active_employees", x))
            a, h = pub.get("department", d, "adoption_rate"), pub.get("department", d, "headcount")
            if a is not None and h is not None:
                cands.append(("adoption_rate x headcount", a * h))
            row = wb.get(d, {})
            for hh, v in row.items():
                if re.fullmatch(r"Active employees", str(hh), re.I) and isinstance(v, (int, float)):
                    cands.append(("workbook Active employees", float(v)))
            for desc, x in cands:
                if isint(x) and round(x) == true_act:
                    out.append((2, "%s %s: %s active of %d respondents, from %s" % (name, d, round(x), n, desc),
                                round(x), true_act, n))
                    break
            # the PDF: a sentence or table line naming the department with its adoption
            hc = len(tq.members_of({d}))
            want = "%.1f" % (100.0 * true_act / hc) if hc else None
            logged = pub.get("department", d, "logged_ai_share")
            for m in re.finditer(re.escape(d) + r"\b[^\n%]{0,80}?(\d+[.,]\d) ?%", pub.text):
                got = m.group(1).replace(",", ".")
                if want and got == want and not (logged is not None and "%.1f" % (100 * logged) == got):
                    out.append((2, "%s %s: adoption %s %% named in the PDF over %d respondents" % (name, d, got, n),
                                float(got), float(want), n))
                    break
            tm = mean(tq.level[e] for e in resp)
            fig = [("maturity_index", tm)] + [("maturity_" + dn, mean(tq.dimlevel(e, i) for e in resp))
                                               for i, dn in enumerate(DIMS)]
            for metric, t in fig:
                x = pub.get("department", d, metric)
                if same(x, t, 1e-5):
                    out.append((2, "%s %s: %s over %d respondents" % (name, d, metric, n), x, t, n))
    return out


# ---- 3 ------------------------------------------------------------------------------
def attack_ratios(ctx):
    """Organisation ratios whose denominator is a sub-group of fewer than k people."""
    out, k = [], ctx.k
    for name, pub, P, tq in ctx.reports():
        sats = tq.sat_answers()
        pool = tq.retention_pool()
        l1 = tq.level1()
        ment = tq.mentor_answers()
        loads = Counter(ment.values())
        checks = [
            ("satisfaction_mean", r"^satisfaction", len(sats), mean(sats.values())),
            ("retention_6m", r"retention", len(pool), mean(1.0 if tq.active[e] else 0.0 for e in pool)),
            ("buddy_coverage", r"buddy", len(l1), mean(1.0 if tq.S[e]["mentor"] else 0.0 for e in l1)),
            ("mentor_max_load", r"mentees", len(ment), float(max(loads.values())) if loads else None),
        ]
        for metric, label, n, t in checks:
            if not 0 < n < k or t is None:
                continue
            cands = [("metrics.csv", pub.get("organisation", "", metric))]
            cands += [("workbook " + s, x) for s, r, x in pub.labelled(label)]
            for desc, x in cands:
                if same(x, t, 1e-5):
                    out.append((3, "%s %s: %s over %d people (%s)" % (name, qlabel(P), metric, n, desc), x, t, n))
                    break
    return out


# ---- 4 and 5 --------------------------------------------------------------------------
def _subtract(out, name, pub, tq, k, scope, groups, metric, weight, contrib, truth_of, label):
    total = pub.get("organisation", "", metric)
    if total is None:
        return
    published, hidden, empty_shown = {}, [], []
    for g in groups:
        x = pub.get(scope, g, metric)
        w = pub.get(scope, g, weight) if weight else 1.0
        if x is not None and w is not None:
            published[g] = (x, w)
        else:
            hidden.append(g)
            if pub.status.get((scope, g, metric)) == "n/a":
                empty_shown.append(g)
    if not hidden:
        return
    who = set()
    for g in hidden:
        who |= contrib(g)
    n = len(who)
    if not 0 < n < k:
        return
    if weight:
        W = pub.get("organisation", "", weight)
        if W is None:
            return
        wh = W - sum(w for x, w in published.values())
        if wh <= 0.5:
            return
        rec = (total * W - sum(x * w for x, w in published.values())) / wh
    else:
        rec = total - sum(x for x, w in published.values())
    t = truth_of(hidden)
    if t is None or not same(rec, t, 1e-4):
        return
    silent = [g for g in hidden if not contrib(g)]
    cls = 5 if (silent or empty_shown) and len(hidden) > 1 else 4
    out.append((cls, "%s %s: %s of %s (%d people) = organisation - published%s" %
                (name, label, metric, "+".join(hidden), n,
                 "; %s contributes nobody" % "+".join(silent or empty_shown) if cls == 5 else ""), rec, t, n))


def attack_subtraction(ctx):
    """Organisation total minus the published groups of a breakdown gives the hidden
    groups together; a leak when they hold fewer than k contributors."""
    out, k = [], ctx.k
    for name, pub, P, tq in ctx.reports():
        depts = sorted(set(tq.dept[e] for e in tq.members) | set(pub.groups("department")))
        resp = lambda g: tq.resp_of({g})
        workers = lambda g: tq.hours(lambda e, u, m: tq.dept.get(e) == g)[1]
        _subtract(out, name, pub, tq, k, "department", depts, "active_employees", None, resp,
                  lambda hs: float(sum(1 for e in tq.members_of(set(hs)) if tq.active[e])), "departments")
        _subtract(out, name, pub, tq, k, "department", depts, "hours_saved", None, workers,
                  lambda hs: tq.hours(lambda e, u, m: tq.dept.get(e) in hs)[0], "departments")
        _subtract(out, name, pub, tq, k, "department", depts, "value_saved", None, workers,
                  lambda hs: tq.value(lambda e, u, m: tq.dept.get(e) in hs), "departments")
        _subtract(out, name, pub, tq, k, "department", depts, "maturity_index", "respondents", resp,
                  lambda hs: mean(tq.level[e] for e in tq.resp_of(set(hs))), "departments")
        for i, dn in enumerate(DIMS):
            _subtract(out, name, pub, tq, k, "department", depts, "maturity_" + dn, "respondents", resp,
                      lambda hs, i=i: mean(tq.dimlevel(e, i) for e in tq.resp_of(set(hs))), "departments")
        ucs = sorted(set(tq.ucs) | set(pub.groups("use_case")))
        users = lambda g: tq.hours(lambda e, u, m: u == g)[1]
        _subtract(out, name, pub, tq, k, "use_case", ucs, "hours_saved", None, users,
                  lambda hs: tq.hours(lambda e, u, m: u in hs)[0], "use cases")
        _subtract(out, name, pub, tq, k, "use_case", ucs, "value_saved", None, users,
                  lambda hs: tq.value(lambda e, u, m: u in hs), "use cases")
        # the workbook's combined row of the use cases it does not list
        for sheet, r, hdr, body in pub.tables("ROI", r"^Use case$"):
            listed = set(body) & set(tq.ucs)
            rest = set(tq.ucs) - listed
            for label, row in body.items():
                if label in tq.ucs or not re.search(r"together|fewer than", label, re.I):
                    continue
                for h, v in row.items():
                    if re.fullmatch(r"Hours saved", str(h), re.I) and isinstance(v, (int, float)):
                        t, who = tq.hours(lambda e, u, m: u in rest)
                        if 0 < len(who) < k and same(float(v), t, 1e-6):
                            out.append((4, "%s workbook row '%s': hours of %d people" % (name, label, len(who)),
                                        float(v), t, len(who)))
    return out


# ---- 6 ------------------------------------------------------------------------------
def class_of_header(h):
    m = re.fullmatch(r"\s*(Role|Department)\s*:\s*(.+?)\s*", str(h), re.I)
    if m:
        return (m.group(1).lower(), m.group(2).lower())
    if re.fullmatch(r"\s*Default\s*", str(h), re.I):
        return ("default", "")
    return None


def attack_rate_classes(ctx):
    """Hours per rate class in the workbook (per use case, the combined row, per month),
    and value against hours of a group with two rate classes."""
    out, k, real = [], ctx.k, ctx.R["real"]
    for name, pub, P, tq in ctx.reports():
        for sheet, r, hdr, body in pub.tables("ROI", r"^(Use case|Month)$"):
            cols = {h: class_of_header(h) for h in hdr.values() if class_of_header(h)}
            named = {c for c in cols.values() if c[0] != "default"}
            # a column's people: its class; the default column has everybody whose class has no column
            in_col = lambda e, c: (tq.rclass.get(e) == c) if c[0] != "default" else (tq.rclass.get(e) not in named)
            listed = set(body) & set(tq.ucs)
            for label, row in body.items():
                if re.fullmatch(r"\d{4}-\d{2}", label):
                    y, mo = label.split("-")
                    mi = int(y) * 12 + int(mo) - 1
                    rowpred, qonly = (lambda u, m, mi=mi: m == mi), False
                elif label in tq.ucs:
                    rowpred, qonly = (lambda u, m, label=label: u == label), True
                elif re.search(r"together|fewer than", label, re.I):
                    rowpred, qonly = (lambda u, m: u not in listed), True
                elif re.fullmatch(r"Total", label, re.I):
                    rowpred, qonly = (lambda u, m: True), True
                else:
                    continue
                for h, c in cols.items():
                    v = row.get(h)
                    if not isinstance(v, (int, float)):
                        continue
                    t, who = tq.hours(lambda e, u, m: in_col(e, c) and rowpred(u, m), qonly)
                    if 0 < len(who) < k and same(float(v), t, 1e-6):
                        out.append((6, "%s workbook %s row '%s' column '%s': hours of %d people" %
                                    (name, sheet, label, h, len(who)), float(v), t, len(who)))
        # the live workbook: raise one class's rate by 1 and read what moves
        out += live_rates(name, pub, tq, k, real)
        # value against hours: two rate classes in a group solve for each class's hours
        groups = [("organisation", "", lambda e, u: True)]
        groups += [("department", d, lambda e, u, d=d: tq.dept.get(e) == d) for d in pub.groups("department")]
        groups += [("use_case", g, lambda e, u, g=g: u == g) for g in pub.groups("use_case")]
        for scope, g, pred in groups:
            h, v = pub.get(scope, g, "hours_saved"), pub.get(scope, g, "value_saved")
            if h is None or v is None or not real:
                continue
            classes = {}
            for e, u, m, x in tq.pentries:
                if pred(e, u):
                    classes.setdefault(tq.rclass[e], set()).add(e)
            if len(classes) != 2:
                continue
            (c1, w1), (c2, w2) = sorted(classes.items())
            r1, r2 = tq.rate_of_class(c1), tq.rate_of_class(c2)
            if r1 == r2:
                continue
            h1 = (v / real - r2 * h) / (r1 - r2)
            for c, w, rec in ((c1, w1, h1), (c2, w2, h - h1)):
                if 0 < len(w) < k:
                    t = tq.hours(lambda e, u, m: pred(e, u) and tq.rclass[e] == c)[0]
                    if same(rec, t, 1e-3):
                        out.append((6, "%s %s %s: hours of rate class %s (%d people) from value and hours" %
                                    (name, scope, g or "organisation", ":".join(c).rstrip(":"), len(w)),
                                    rec, t, len(w)))
    return out


def live_rates(name, pub, tq, k, real):
    from formulas import rate_sensitivities
    out, seen = [], set()
    sens = rate_sensitivities(pub)
    named = {class_of_header(l) for l, m in sens if class_of_header(l) and class_of_header(l)[0] != "default"}
    for label, moved in sens:
        c = class_of_header(label)
        if not c:
            continue
        in_cls = (lambda e: tq.rclass.get(e) == c) if c[0] != "default" else (lambda e: tq.rclass.get(e) not in named)
        for (sheet, r, col), delta in moved.items():
            row = str(pub.values.get(sheet, {}).get((r, 1), ""))
            if re.fullmatch(r"\d{4}-\d{2}", row):
                y, mo = row.split("-")
                mi = int(y) * 12 + int(mo) - 1
                pred, qonly, grp = (lambda e, u, m, mi=mi: in_cls(e) and m == mi), False, row
            elif row in tq.ucs:
                pred, qonly, grp = (lambda e, u, m, row=row: in_cls(e) and u == row), True, row
            else:
                pred, qonly, grp = (lambda e, u, m: in_cls(e)), True, "organisation"
            t, who = tq.hours(pred, qonly)
            if not 0 < len(who) < k:
                continue
            for x in (delta, delta / real if real else None):
                if same(x, t, 1e-6) and (grp, c) not in seen:
                    seen.add((grp, c))
                    out.append((6, "%s live workbook: %s!R%dC%d moves by %.6g when the rate of %s goes up by 1: "
                                "hours of %d people (%s)" % (name, sheet, r, col, delta, label, len(who), grp),
                                x, t, len(who)))
                    break
    return out


# ---- 7 ------------------------------------------------------------------------------
def attack_migration(ctx):
    """Migration counts against this and last quarter's level shares x respondents give
    the levels of the joiners and the leavers."""
    out, k = [], ctx.k
    if "A" not in ctx.runs or "B" not in ctx.runs:
        return out
    pa, P = ctx.runs["A"]
    pb, Q = ctx.runs["B"]
    if Q != P - 1:
        return out
    ta, tb = ctx.co.quarter(P), ctx.co.quarter(Q)
    mig = {(a, b): pa.get("organisation", "", "migration_%d_%d" % (a, b)) for a in (1, 2, 3) for b in (1, 2, 3)}
    if None in mig.values():
        return out
    Ra, Rb = pa.get("organisation", "", "respondents"), pb.get("organisation", "", "respondents")
    sa = [pa.get("organisation", "", "level_share_%d" % l) for l in (1, 2, 3)]
    sb = [pb.get("organisation", "", "level_share_%d" % l) for l in (1, 2, 3)]
    matched = ta.resp & tb.resp
    if Ra is not None and None not in sa:
        joiners = ta.resp - matched
        if 0 < len(joiners) < k:
            rec = tuple(round(sa[b - 1] * Ra) - sum(mig[(a, b)] for a in (1, 2, 3)) for b in (1, 2, 3))
            c = Counter(ta.level[e] for e in joiners)
            t = tuple(c.get(b, 0) for b in (1, 2, 3))
            if rec == t:
                out.append((7, "A %s: levels of %d joiner(s) (count per level 1..3)" % (qlabel(P), len(joiners)),
                            rec, t, len(joiners)))
    if Rb is not None and None not in sb:
        leavers = tb.resp - matched
        if 0 < len(leavers) < k:
            rec = tuple(round(sb[a - 1] * Rb) - sum(mig[(a, b)] for b in (1, 2, 3)) for a in (1, 2, 3))
            c = Counter(tb.level[e] for e in leavers)
            t = tuple(c.get(a, 0) for a in (1, 2, 3))
            if rec == t:
                out.append((7, "A %s: levels of %d leaver(s) (count per level 1..3)" % (qlabel(P), len(leavers)),
                            rec, t, len(leavers)))
    return out


# ---- 8 ------------------------------------------------------------------------------
def attack_concentration(ctx):
    """concentration x hours_saved of a use case = its top user's own hours."""
    out = []
    for name, pub, P, tq in ctx.reports():
        wb = {}
        for sheet, r, hdr, body in pub.tables("Use cases", r"^Concentration$"):
            for label, row in body.items():
                c = next((v for h, v in row.items() if re.fullmatch("Concentration", str(h), re.I)), None)
                hs = next((v for h, v in row.items() if re.fullmatch("Hours saved", str(h), re.I)), None)
                if isinstance(c, (int, float)) and isinstance(hs, (int, float)):
                    wb[label] = (float(c), float(hs))
        for u in tq.ucs:
            top, who = tq.top_user_hours(u)
            if top is None:
                continue
            cands = []
            c, h = pub.get("use_case", u, "concentration"), pub.get("use_case", u, "hours_saved")
            if c is not None and h is not None:
                cands.append(("metrics.csv", c * h, c))
            if u in wb:
                cands.append(("workbook", wb[u][0] * wb[u][1], wb[u][0]))
            for desc, x, share in cands:
                # A published band (README: the lower end of the top user's
                # 25-point band, a multiple of 0.25) gives a range h/4 wide,
                # not the top user's hours.
                if abs(share * 4 - round(share * 4)) < 1e-9:
                    continue
                if same(x, top, 1e-4):
                    out.append((8, "%s %s: top user's hours = concentration x hours_saved (%s)" % (name, u, desc),
                                x, top, 1))
                    break
    return out


# ---- 9 ------------------------------------------------------------------------------
def attack_reissue(ctx):
    """The first issue of a quarter (C) against its re-run after late answers (B) and
    against the next quarter's trend row for it (A): the difference is the late people."""
    out, k = [], ctx.k
    if "C" not in ctx.runs or not ctx.late:
        return out
    pc, Q = ctx.runs["C"]
    tq = ctx.co.quarter(Q)
    late = ctx.late & tq.resp
    n = len(late)
    if not 0 < n < k:
        return out
    t_level = mean(tq.level[e] for e in late)
    t_active = float(sum(1 for e in late if tq.active[e]))
    Rc, Hc = pc.get("organisation", "", "respondents"), pc.get("organisation", "", "headcount")
    if "B" in ctx.runs and ctx.runs["B"][1] == Q:
        pb = ctx.runs["B"][0]
        Rb = pb.get("organisation", "", "respondents")
        if Rb is not None and Rc is not None and Rb - Rc > 0.5:
            for metric, t in [("maturity_index", t_level)] + \
                    [("maturity_" + dn, mean(tq.dimlevel(e, i) for e in late)) for i, dn in enumerate(DIMS)]:
                x1, x0 = pb.get("organisation", "", metric), pc.get("organisation", "", metric)
                if x1 is not None and x0 is not None:
                    rec = (x1 * Rb - x0 * Rc) / (Rb - Rc)
                    if same(rec, t, 1e-4):
                        out.append((9, "re-run of %s: %s of the %d late respondent(s)" % (qlabel(Q), metric, n),
                                    rec, t, n))
            x1, x0 = pb.get("organisation", "", "active_employees"), pc.get("organisation", "", "active_employees")
            if x1 is not None and x0 is not None and same(x1 - x0, t_active):
                out.append((9, "re-run of %s: active count of the %d late respondent(s)" % (qlabel(Q), n),
                            x1 - x0, t_active, n))
            for l in (1, 2, 3):
                s1, s0 = pb.get("organisation", "", "level_share_%d" % l), pc.get("organisation", "", "level_share_%d" % l)
                if s1 is not None and s0 is not None:
                    rec = round(s1 * Rb) - round(s0 * Rc)
                    t = sum(1 for e in late if tq.level[e] == l)
                    if rec == t and t > 0:
                        out.append((9, "re-run of %s: %d late respondent(s) at level %d" % (qlabel(Q), n, l),
                                    rec, t, n))
    if "A" in ctx.runs:
        # A trend row equal to the first issue's figure is that publication shown
        # again (README: later trends show a quarter as first published): it says
        # nothing about the late answers, so a difference of 0 recovers nothing.
        pa = ctx.runs["A"][0]
        if Rc is not None:
            x1, x0 = pa.get("quarter", qlabel(Q), "maturity_index"), pc.get("organisation", "", "maturity_index")
            if x1 is not None and x0 is not None and x1 != x0:
                rec = (x1 * (Rc + n) - x0 * Rc) / n
                if same(rec, t_level, 1e-4):
                    out.append((9, "next quarter's trend row for %s: maturity of the %d late respondent(s)"
                                % (qlabel(Q), n), rec, t_level, n))
        if Hc is not None:
            x1, x0 = pa.get("quarter", qlabel(Q), "adoption_rate"), pc.get("organisation", "", "adoption_rate")
            if x1 is not None and x0 is not None and x1 != x0:
                rec = (x1 - x0) * Hc
                if same(rec, t_active, 1e-4):
                    out.append((9, "next quarter's trend row for %s: active count of the %d late respondent(s)"
                                % (qlabel(Q), n), rec, t_active, n))
    return out


# ---- 10 -----------------------------------------------------------------------------
def attack_config(ctx):
    return [(10, d, None, None, 0) for d in ctx.config]


ATTACKS = [attack_counts, attack_departments, attack_ratios, attack_subtraction, attack_rate_classes,
           attack_migration, attack_concentration, attack_reissue, attack_config]


def run_all(ctx):
    found = []
    for a in ATTACKS:
        found += a(ctx)
    return found
