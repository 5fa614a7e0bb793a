"""Compares two metrics listings (scope,group,metric,value,status): same rows in the
same order, same status, values within 2e-6.  Exit 1 and one line per difference."""
import sys
a = [l.rstrip('\n').split(',') for l in open(sys.argv[1])]
b = [l.rstrip('\n').split(',') for l in open(sys.argv[2])]
da = {tuple(x[:3]): x[3:] for x in a}; db = {tuple(x[:3]): x[3:] for x in b}
bad = 0
for k in sorted(set(da) | set(db)):
    x, y = da.get(k), db.get(k)
    if x is None or y is None: print("MISSING", k, x, y); bad += 1; continue
    if x[1] != y[1]: print("STATUS", k, x, y); bad += 1; continue
    if x[0] != y[0]:
        try:
            if abs(float(x[0]) - float(y[0])) <= 2e-6: continue
        except: pass
        print("VALUE", k, x, y); bad += 1
if [tuple(x[:3]) for x in a] != [tuple(x[:3]) for x in b]: print("ORDER differs"); bad += 1
sys.exit(1 if bad else 0)
