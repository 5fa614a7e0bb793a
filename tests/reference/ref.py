#!/usr/bin/env python3
"""Independent mini reference of SPEC §4/§5/§11 for clean comma CSVs (ISO dates)."""
import csv, sys, datetime as dt, configparser, math
from collections import defaultdict

def pdate(s):
    s = s.strip()
    if not s: return None
    try: return dt.date.fromisoformat(s)
    except Exception: raise ValueError
def pnum(s):
    s = s.strip().replace(',', '.')
    import re
    if not re.fullmatch(r'[+-]?(\d+(\.\d*)?|\.\d+)', s): raise ValueError
    return float(s)
def pint(s):
    v = pnum(s)
    if v != int(v): raise ValueError
    return int(v)
def qidx(d): return d.year*4 + (d.month-1)//3
def qstart(q): return dt.date(q//4, (q%4)*3+1, 1)
def qend(q):
    n = q+1; return dt.date(n//4, (n%4)*3+1, 1) - dt.timedelta(days=1)
def midx(d): return d.year*12 + d.month-1

def load_rules(path):
    cp = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(';',), delimiters=('=',))
    cp.optionxform = str
    cp.read(path)
    g = lambda s,k,d=None: cp.get(s,k,fallback=d)
    def pct(v): v=v.strip(); return float(v[:-1])/100 if v.endswith('%') else float(v)
    R = dict(k=int(g('privacy','min_group_size','5')), headcount=int(g('organisation','headcount','0') or 0),
        quarter=g('period','quarter','auto'), program_start=g('period','program_start',None),
        amin_days=float(g('adoption','active_min_days_per_week','1')), amin_ai=int(g('adoption','active_min_ai_entries','0')),
        l2=float(g('maturity','level2_min','3')), l3=float(g('maturity','level3_min','4')), overall=g('maturity','overall','median'),
        bfrom=g('baseline','from','') or None, bto=g('baseline','to','') or None,
        train=float(g('costs','training_per_participant','0')), lic=float(g('costs','license_per_active_user_month','0')),
        fixed=float(g('costs','program_fixed_per_quarter','0')), default=float(g('rates','default')),
        real=pct(g('rates','realisation','100%')), conc=pct(g('risk','concentration_share','50%')))
    R['role'] = {k.lower(): float(v) for k,v in cp.items('rates.role')} if cp.has_section('rates.role') else {}
    R['dept'] = {k.lower(): float(v) for k,v in cp.items('rates.department')} if cp.has_section('rates.department') else {}
    R['uc'] = {k.lower(): float(v) for k,v in cp.items('use_cases')} if cp.has_section('use_cases') else {}
    for x in ('bfrom','bto','program_start'):
        if R[x]: R[x] = dt.date.fromisoformat(R[x].strip())
    return R

DIMS = ['tool_knowledge','application_breadth','autonomy','innovation','knowledge_sharing']

def read_survey(path):
    rows, rej, nread = [], [], 0
    with open(path, newline='') as f:
        rd = csv.reader(f); hdr = [h.strip().lower() for h in next(rd)]
        for i, rec in enumerate(rd, start=2):
            nread += 1
            if len(rec) != len(hdr): rej.append(i); continue
            r = dict(zip(hdr, [x.strip() for x in rec])); ok = True
            try:
                assert 1 <= len(r['employee_id']) <= 64 and 1 <= len(r['department']) <= 100
                row = dict(emp=r['employee_id'], sub=pdate(r['submitted']), dept=r['department'], role=r.get('role',''),
                           days=pnum(r['ai_days_per_week']), line=i, mentor=r.get('mentor_id',''))
                assert row['sub'] and 0 <= row['days'] <= 7
                row['scores'] = [pint(r[d]) for d in DIMS]; assert all(1<=x<=5 for x in row['scores'])
                s = r.get('satisfaction',''); row['sat'] = pint(s) if s else None
                assert row['sat'] is None or 1<=row['sat']<=5
                row['train'] = pdate(r.get('training_date',''))
            except Exception: ok = False
            if ok: rows.append(row)
            else: rej.append(i)
    groups = defaultdict(list)
    for r in rows: groups[(r['emp'], qidx(r['sub']))].append(r)
    used, sup = [], 0
    for g in groups.values():
        g.sort(key=lambda r:(r['sub'], r['line'])); used.append(g[-1]); sup += len(g)-1
    return used, dict(read=nread, rejected=len(rej), superseded=sup, used=len(used))

def read_ts(path):
    rows, nrej, nread = [], 0, 0
    with open(path, newline='') as f:
        rd = csv.reader(f); hdr = [h.strip().lower() for h in next(rd)]
        for i, rec in enumerate(rd, start=2):
            nread += 1
            if len(rec) != len(hdr): nrej += 1; continue
            r = dict(zip(hdr, [x.strip() for x in rec]))
            try:
                assert 1 <= len(r['employee_id']) <= 64 and 1 <= len(r['use_case']) <= 100
                d = pdate(r['date']); assert d
                m = pnum(r['minutes']); assert 0 <= m <= 1440
                a = r['ai_assisted'].lower()
                assert a in ('1','true','yes','y','ja','j','x','0','false','no','n','nee','nein','')
                it = r.get('items','');  it = pint(it) if it else 1; assert 1 <= it <= 10000
                rows.append(dict(emp=r['employee_id'], date=d, uc=r['use_case'], min=m, ai=a in ('1','true','yes','y','ja','j','x'),
                                 items=it, dept=r.get('department',''), line=i))
            except Exception: nrej += 1
    return rows, dict(read=nread, rejected=nrej, superseded=0, used=len(rows))

class View:
    def __init__(s, q, S_all, T_all, R):
        s.q, s.start, s.end = q, qstart(q), qend(q)
        s.S = {r['emp']: r for r in S_all if qidx(r['sub']) == q}
        s.T = [t for t in T_all if qidx(t['date']) == q]
        s.members = set(s.S) | {t['emp'] for t in s.T}
        emps = {r['emp'] for r in S_all} | {t['emp'] for t in T_all}
        def latest_survey(e):
            c = [r for r in S_all if r['emp']==e and r['sub'] <= s.end]
            return max(c, key=lambda r:(r['sub'], r['line'])) if c else None
        s.dept, s.rate, s.train, s.active, s.overall, s.cls = {}, {}, {}, {}, {}, {}
        inT = {t['emp'] for t in s.T}
        for e in emps:
            ls = s.S.get(e) or latest_survey(e)
            if ls: d = ls['dept']
            else:
                pool = s.T if e in inT else [t for t in T_all if t['date'] <= s.end]
                c = [t for t in pool if t['emp']==e and t['dept']]
                d = max(c, key=lambda t:(t['date'], t['line']))['dept'] if c else 'Unassigned'
            s.dept[e] = d
            role = ls['role'] if ls else ''
            if role and role.lower() in R['role']: s.rate[e] = R['role'][role.lower()]; s.cls[e] = ('role', role.lower())
            elif d.lower() in R['dept']: s.rate[e] = R['dept'][d.lower()]; s.cls[e] = ('dept', d.lower())
            else: s.rate[e] = R['default']; s.cls[e] = 'default'
            c = [r for r in S_all if r['emp']==e and r['sub'] <= s.end and r['train']]
            s.train[e] = max(c, key=lambda r:(r['sub'], r['line']))['train'] if c else None
        nai = defaultdict(int)
        for t in s.T:
            if t['ai']: nai[t['emp']] += 1
        for e in s.members:
            a = e in s.S and s.S[e]['days'] >= R['amin_days']
            if R['amin_ai'] > 0 and nai[e] >= R['amin_ai']: a = True
            s.active[e] = a
        def lvl(x): return 3 if x >= R['l3'] else 2 if x >= R['l2'] else 1
        s.lvl = lvl
        for e, r in s.S.items():
            L = sorted(lvl(x) for x in r['scores'])
            s.overall[e] = L[0] if R['overall']=='min' else int(math.floor(sum(L)/5+0.5)) if R['overall']=='mean' else L[2]
        s.base = {}
        for u in {t['uc'] for t in T_all}:
            if u.lower() in R['uc']: s.base[u] = R['uc'][u.lower()]; continue
            c = [t for t in T_all if t['uc']==u and not t['ai'] and t['date'] <= s.end
                 and (not R['bfrom'] or t['date'] >= R['bfrom']) and (not R['bto'] or t['date'] <= R['bto'])]
            s.base[u] = sum(t['min'] for t in c)/sum(t['items'] for t in c) if c else None
        # who saved time (an AI entry with a baseline); a rate class of fewer than k
        # of them is valued at the default rate
        s.savers = {t['emp'] for t in s.T if t['ai'] and s.base[t['uc']] is not None}
        per = defaultdict(int)
        for e in s.savers: per[s.cls[e]] += 1
        s.merged = {c for c, n in per.items() if c != 'default' and 0 < n < R['k']}
        dn = per['default'] + sum(per[c] for c in s.merged)
        while 0 < dn < R['k']:
            order = [('role', x) for x in R['role']] + [('dept', x) for x in R['dept']]
            rest = sorted((per[c], order.index(c), c) for c in per if c != 'default' and c not in s.merged and per[c] > 0)
            if not rest: break
            c = rest[0][2]; s.merged.add(c); dn += per[c]
        for e in emps:
            if s.cls[e] in s.merged: s.cls[e] = 'default'; s.rate[e] = R['default']
        s.H = R['headcount'] or len(s.members)
        s.nactive = sum(s.active.values())
        s.hours = sum((t['items']*s.base[t['uc']]-t['min'])/60 for t in s.T if t['ai'] and s.base[t['uc']] is not None)
        s.value = sum((t['items']*s.base[t['uc']]-t['min'])/60*s.rate[t['emp']]*R['real'] for t in s.T if t['ai'] and s.base[t['uc']] is not None)
        s.trainees = sum(1 for e in emps if s.train[e] and s.start <= s.train[e] <= s.end)
        s.ct, s.cl, s.cf = R['train']*s.trainees, R['lic']*s.nactive*3, R['fixed']
        s.cost = s.ct + s.cl + s.cf
        s.days = (s.end - s.start).days + 1
        s.roi = (s.value - s.cost)/s.cost if s.cost else None
        s.adoption = s.nactive / s.H if s.H else None
        s.mi = sum(s.overall.values())/len(s.S) if s.S else None

def main(sp, tp, rp, period=None):
    R = load_rules(rp); S_all, sq = read_survey(sp); T_all, tq = read_ts(tp)
    if period: y, q = period.split('-Q'); P = int(y)*4 + int(q)-1
    elif R['quarter'] and R['quarter'] != 'auto': y, q = R['quarter'].split('-Q'); P = int(y)*4+int(q)-1
    else: P = max(qidx(r['sub']) for r in S_all)
    squarters = sorted({qidx(r['sub']) for r in S_all})
    views = {}
    def V(q):
        if q not in views: views[q] = View(q, S_all, T_all, R)
        return views[q]
    k = R['k']; v = V(P); W = v.days/7
    out = []  # (scope, group, metric, value|None, status)
    org = {}
    def put(d, m, val, st=None): d[m] = (val, st or ('ok' if val is not None else 'n/a'))
    R_ = len(v.S)
    put(org,'headcount',v.H); put(org,'respondents',R_); put(org,'response_rate',R_/v.H)
    put(org,'active_employees',v.nactive); put(org,'adoption_rate',v.adoption)
    put(org,'hours_saved',v.hours); put(org,'hours_saved_per_week',v.hours/W); put(org,'value_saved',v.value)
    put(org,'cost_training',v.ct); put(org,'cost_licenses',v.cl); put(org,'cost_fixed',v.cf); put(org,'cost_total',v.cost)
    put(org,'roi',v.roi); put(org,'maturity_index',v.mi)
    for i,dn in enumerate(DIMS): put(org,'maturity_'+dn, sum(v.lvl(r['scores'][i]) for r in v.S.values())/R_)
    for l in (1,2,3): put(org,f'level_share_{l}', sum(1 for e in v.S if v.overall[e]==l)/R_)
    sats = [r['sat'] for r in v.S.values() if r['sat']]
    put(org,'satisfaction_mean', sum(sats)/len(sats) if sats else None)
    l1 = [e for e in v.S if v.overall[e]==1]
    put(org,'buddy_coverage', sum(1 for e in l1 if v.S[e]['mentor'])/len(l1) if l1 else None)
    load = defaultdict(set)
    for e,r in v.S.items():
        if r['mentor']: load[r['mentor']].add(e)
    put(org,'mentor_max_load', max((len(x) for x in load.values()), default=0))
    tr = [e for e in v.members if v.train[e] and v.train[e] <= v.end - dt.timedelta(days=182)]
    put(org,'retention_6m', sum(v.active[e] for e in tr)/len(tr) if tr else None)
    inT = {t['emp'] for t in v.T}
    put(org,'employees_survey_only', len(set(v.S)-inT)); put(org,'employees_timesheet_only', len(inT-set(v.S)))
    put(org,'logged_ai_share', sum(t['ai'] for t in v.T)/len(v.T) if v.T else None)
    # use cases
    def isolates(people):
        per = defaultdict(int)
        for e in people: per[v.cls[e]] += 1
        return len(per) >= 2 and any(0 < n < k for n in per.values())
    ucs = {}; iso = {}; uusers = {}
    nobase = 0; active_uc = 0; new_uc = 0
    for u in sorted({t['uc'] for t in v.T}):
        ts = [t for t in v.T if t['uc']==u]; ai = [t for t in ts if t['ai']]; b = v.base[u]
        users = {t['emp'] for t in ai}
        d = {}; iso[u] = isolates(users); uusers[u] = users
        put(d,'ai_entries',len(ai)); put(d,'ai_users',len(users))
        if b is None:
            nobase += len(ai); h = val = 0; conc = None
        else:
            h = sum((t['items']*b-t['min'])/60 for t in ai); val = sum((t['items']*b-t['min'])/60*v.rate[t['emp']]*R['real'] for t in ai)
            net = defaultdict(float)
            for t in ai: net[t['emp']] += t['items']*b-t['min']
            pos = [x for x in net.values() if x > 0]
            conc = max(pos)/sum(pos) if pos else None
        put(d,'hours_saved',h); put(d,'hours_saved_per_week',h/W); put(d,'baseline_minutes',b); put(d,'value_saved',val)
        put(d,'concentration',conc); put(d,'at_risk', 1 if (len(users)==1 or (conc is not None and conc >= R['conc'])) else 0)
        if h > 0: active_uc += 1
        if ai and not any(t['ai'] and t['uc']==u and t['date'] < v.start for t in T_all): new_uc += 1
        ucs[u] = (len(users), d)
    put(org,'use_cases_active',active_uc); put(org,'use_cases_new',new_uc); put(org,'ai_entries_without_baseline',nobase)
    # migration
    pv = V(P-1); matched = [e for e in v.S if e in pv.S]
    joiners = len([e for e in v.S if e not in pv.S]); leavers = len([e for e in pv.S if e not in v.S])
    put(org,'migration_matched',len(matched))
    for a in (1,2,3):
        for b in (1,2,3): put(org,f'migration_{a}_{b}', sum(1 for e in matched if pv.overall[e]==a and v.overall[e]==b))
    # departments
    depts = {}
    for dn in sorted({v.dept[e] for e in v.members}):
        mem = [e for e in v.members if v.dept[e]==dn]; resp = [e for e in mem if e in v.S]
        ts = [t for t in v.T if v.dept[t['emp']]==dn]
        ai = [t for t in ts if t['ai'] and v.base[t['uc']] is not None]
        h = sum((t['items']*v.base[t['uc']]-t['min'])/60 for t in ai)
        val = sum((t['items']*v.base[t['uc']]-t['min'])/60*v.rate[t['emp']]*R['real'] for t in ai)
        d = {}
        put(d,'headcount',len(mem)); put(d,'respondents',len(resp)); put(d,'active_employees',sum(v.active[e] for e in mem))
        put(d,'adoption_rate',sum(v.active[e] for e in mem)/len(mem)); put(d,'logged_ai_share', sum(t['ai'] for t in ts)/len(ts) if ts else None)
        put(d,'hours_saved',h); put(d,'hours_saved_per_week',h/W); put(d,'value_saved',val)
        put(d,'maturity_index', sum(v.overall[e] for e in resp)/len(resp) if resp else None)
        for i,dd in enumerate(DIMS): put(d,'maturity_'+dd, sum(v.lvl(v.S[e]['scores'][i]) for e in resp)/len(resp) if resp else None)
        sv = [e for e in mem if e in v.savers]
        depts[dn] = (len(mem), len(resp), d, len(sv), isolates(sv))
    # months
    ps = R['program_start'] or qstart(squarters[0])
    months = []; msavers = []; mresp = []
    first, last = midx(ps), midx(v.end)
    if first > last: put(org,'roi_cumulative',None); put(org,'payback_months',None)
    else:
        cb = cc = 0; pb = None
        for m in range(first, last+1):
            mt = [t for t in T_all if t['ai'] and midx(t['date'])==m and v.base[t['uc']] is not None]
            ben = sum((t['items']*v.base[t['uc']]-t['min'])/60*v.rate[t['emp']]*R['real'] for t in mt)
            msavers.append({t['emp'] for t in mt})
            q = m//3; act = V(q).nactive if q in squarters else 0
            mresp.append(len(V(q).S) if q in squarters else 0)
            ntr = sum(1 for e,x in v.train.items() if x and midx(x)==m)
            cost = ntr*R['train'] + act*R['lic'] + R['fixed']/3
            cb += ben; cc += cost
            if pb is None and cb >= cc: pb = m-first+1
            months.append((f'{m//12:04d}-{m%12+1:02d}', ben, cost, cb, cc))
        put(org,'roi_cumulative',(cb-cc)/cc if cc else None); put(org,'payback_months',pb)
    quarters = [q for q in squarters if q <= P][-8:]
    # privacy: one rule over each figure's contributors, secondary suppression that holds
    def sup(d, ms):
        for m in ms: d[m] = (None,'suppressed')
    def small(n): return 0 < n < k
    def breakdown(sizes, pre=()):
        hide = set(pre) | {g for g,x in sizes.items() if small(x)}
        while small(sum(sizes[g] for g in hide)):
            c = sorted((x, g.encode(), g) for g,x in sizes.items() if g not in hide and x > 0)
            if not c: break
            hide.add(c[0][2])
        return hide
    survey_sup = R_ < k
    if survey_sup:
        sup(org, ['active_employees','adoption_rate','maturity_index']+['maturity_'+d for d in DIMS]+
            ['level_share_1','level_share_2','level_share_3','satisfaction_mean','buddy_coverage','mentor_max_load','retention_6m'])
        sup(org, ['cost_training','cost_licenses','cost_total','roi','roi_cumulative','payback_months'])
    if small(len(v.savers)):
        sup(org, ['hours_saved','hours_saved_per_week','value_saved','roi','roi_cumulative','payback_months'])
    if small(len(sats)): sup(org, ['satisfaction_mean'])
    if small(len(l1)): sup(org, ['buddy_coverage'])
    if small(sum(1 for r in v.S.values() if r['mentor'])): sup(org, ['mentor_max_load'])
    if small(len(tr)): sup(org, ['retention_6m'])
    if survey_sup or len(matched) < k or small(joiners) or small(leavers):
        sup(org, ['migration_matched']+[f'migration_{a}_{b}' for a in (1,2,3) for b in (1,2,3)])
    mstat = []
    seen = set(); open_span = False; cost_since = False
    for i, ppl in enumerate(msavers):
        seen |= ppl
        bst = 'suppressed' if small(len(ppl)) else 'ok'
        if small(len(seen)): cst = 'suppressed'; open_span = True
        else:
            cst = 'ok'; seen = set()
            if open_span: bst = 'suppressed'
            open_span = False
        costh = survey_sup or small(mresp[i])
        cost_since = cost_since or costh
        mstat.append((bst, 'suppressed' if costh else 'ok', cst, 'suppressed' if cost_since else 'ok'))
    # payback is counted at the first month whose cumulative benefit is shown
    if org.get('payback_months', (None, ''))[1] == 'ok':
        pbn = next((i + 1 for i, (mo, st) in enumerate(zip(months, mstat))
                    if st[2] == 'ok' and mo[3] >= mo[4] - 1e-9 * max(1, abs(mo[4]))), None)
        if pbn: org['payback_months'] = (pbn, 'ok')
        else: sup(org, ['payback_months'])
    if mstat and mstat[-1][2] != 'ok': sup(org, ['roi_cumulative'])
    if cost_since: sup(org, ['roi_cumulative', 'payback_months'])
    IDS = ['headcount','respondents','logged_ai_share']
    SUR = ['active_employees','adoption_rate','maturity_index']+['maturity_'+d for d in DIMS]
    SAV = ['hours_saved','hours_saved_per_week','value_saved']
    byH = breakdown({g:x[0] for g,x in depts.items()})
    for g in byH: sup(depts[g][2], IDS)
    for g in breakdown({g:x[1] for g,x in depts.items()}, byH | (set(depts) if survey_sup else set())): sup(depts[g][2], SUR)
    for g in breakdown({g:x[3] for g,x in depts.items()}, byH | {g for g,x in depts.items() if x[3] > 0 and x[4]}): sup(depts[g][2], SAV)
    def uc_breakdown(pre=()):
        # use cases share people: the hidden ones must hold k distinct users
        hide = set(pre) | {g for g,x in ucs.items() if small(x[0])}
        # a use case without a baseline saves nobody anything: it neither counts nor is added
        while small(len(set().union(*[uusers[g] for g in hide if v.base[g] is not None], set()))):
            c = sorted((ucs[g][0], g.encode(), g) for g in ucs
                       if g not in hide and ucs[g][0] > 0 and v.base[g] is not None)
            if not c: break
            hide.add(c[0][2])
        return hide
    uh = uc_breakdown()
    for g in uh: sup(ucs[g][1], list(ucs[g][1]))
    for g in uc_breakdown(uh | {g for g in ucs if iso[g]}): sup(ucs[g][1], ['value_saved'])
    for g,x in ucs.items():
        c = x[1]['concentration']
        if c[1] == 'ok': x[1]['concentration'] = (math.floor(c[0]*4 + 1e-9)/4, 'ok')
    months = [mo + (st,) for mo, st in zip(months, mstat)]
    for sc, grp, m, val, st in emit(org, depts, ucs, months, quarters, V, k, sq, sp, tq, tp): print(f"{sc},{grp},{m},{val},{st}")

def fmt(x):
    if x is None: return ''
    s = f"{x:.6f}".rstrip('0').rstrip('.')
    return '0' if s == '-0' else s

def emit(org, depts, ucs, months, quarters, V, k, sq, sp, tq, tp):
    for m in sorted(org): yield ('organisation','',m,fmt(org[m][0]),org[m][1])
    for g in sorted(depts, key=lambda s:s.encode()):
        d = depts[g][2]
        for m in sorted(d): yield ('department',g,m,fmt(d[m][0]),d[m][1])
    for g in sorted(ucs, key=lambda s:s.encode()):
        d = ucs[g][1]
        for m in sorted(d): yield ('use_case',g,m,fmt(d[m][0]),d[m][1])
    for (g,b,c,cb,cc,(bst,cst,cbst,ccst)) in months:
        for m,x,st in (('benefit',b,bst),('cost',c,cst),('cumulative_benefit',cb,cbst),('cumulative_cost',cc,ccst)):
            yield ('month',g,m,fmt(x) if st == 'ok' else '',st)
    for q in quarters:
        w = V(q); g = f'{q//4:04d}-Q{q%4+1}'
        few = len(w.S) < k; fs = 0 < len(w.savers) < k
        hidden = {'adoption_rate': few, 'maturity_index': few, 'hours_saved_per_week': fs, 'roi': few or fs}
        vals = {'adoption_rate': w.adoption, 'hours_saved_per_week': w.hours/(w.days/7),
                'maturity_index': w.mi, 'roi': w.roi}
        for m in sorted(vals):
            if hidden[m]: yield ('quarter',g,m,'','suppressed')
            else: yield ('quarter',g,m,fmt(vals[m]),'ok' if vals[m] is not None else 'n/a')
    for name, qd in sorted([(sp,sq),(tp,tq)]):
        for m in ('rows_read','rows_rejected','rows_superseded','rows_used'):
            yield ('data_quality',name,m,str(qd[m.split('_')[1]]),'ok')

def expected_status(sp, tp, rp):
    """The exit status SPEC §1/§11.18 gives these files (the generated rules allow
    every reject): 1 when no survey row is usable or the reported quarter has none."""
    R = load_rules(rp); S_all, _ = read_survey(sp)
    if not S_all: return 1
    if R['quarter'] and R['quarter'] != 'auto':
        y, q = R['quarter'].split('-Q'); P = int(y)*4 + int(q)-1
        if not any(qidx(r['sub']) == P for r in S_all): return 1
    return 0

if __name__ == '__main__':
    if sys.argv[1] == '--status': print(expected_status(*sys.argv[2:]))
    else: main(*sys.argv[1:])
