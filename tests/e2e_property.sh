#!/usr/bin/env bash
# Property test over seeded random companies (tests/reference/gen.py ... wide):
# 1 to 10 quarters, k from 1 to 10, nl/en/de, every rules knob, and sometimes a
# reported quarter without survey rows.  Every run must end with the status the
# reference implementation gives (0 or 1, never a crash), a successful run's
# figures must equal the reference's, and every PDF must pass qpdf --check.
# make test-asan runs it against a build whose stack starts as a pattern
# (-ftrivial-auto-var-init=pattern): a read of a slot nobody filled then crashes.
# SEEDS (default 200) sets how many.  Prints "property: N passed, N failed".
set -u
suite=property
source "$(dirname "$0")/lib_e2e.sh"
seeds=${SEEDS:-200}
# All companies and the reference's answers come from one Python process.
python3 - "$tmp" "$seeds" <<'PY'
import contextlib, os, runpy, sys
tmp, seeds = sys.argv[1], int(sys.argv[2])
root = os.getcwd()
sys.path.insert(0, os.path.join(root, "tests/reference"))
import ref
for s in range(1, seeds + 1):
    d = os.path.join(tmp, str(s))
    sys.argv = ["gen.py", str(s), d, "wide"]
    runpy.run_path(os.path.join(root, "tests/reference/gen.py"))
    os.chdir(d)
    status = ref.expected_status("survey.csv", "timesheet.csv", "rules.ini")
    open("status", "w").write("%d\n" % status)
    if status == 0:
        with open("want", "w") as f, contextlib.redirect_stdout(f):
            ref.main("survey.csv", "timesheet.csv", "rules.ini")
    os.chdir(root)
PY
statuses="" compare=""
for ((s = 1; s <= seeds; s++)); do
	d=$tmp/$s
	want=$(cat "$d/status")
	(cd "$d" && "$bin" -q -s survey.csv -t timesheet.csv -r rules.ini -o out 2>err)
	st=$?
	statuses="$statuses$st"
	if [ "$st" != "$want" ]; then
		bad "seed $s exits $st, the reference says $want: $(head -1 "$d/err")"
		continue
	fi
	if [ "$st" = 0 ]; then
		qpdf --check "$d"/out/probe/*/assessment.pdf >"$d/qpdf" 2>&1 || { bad "seed $s: qpdf --check"; tail -3 "$d/qpdf" >&2; continue; }
		tail -n +2 "$d"/out/probe/*/metrics.csv | cut -d, -f2- >"$d/got"
		compare="$compare $s"
	else
		ok
	fi
done
# The figures of every successful run against the reference's (as tests/reference/cmp.py).
if [ -n "$compare" ]; then
	while read -r s verdict; do
		if [ "$verdict" = same ]; then ok; else bad "seed $s figures: $verdict"; fi
	done < <(python3 - "$tmp" $compare <<'PY'
import sys
tmp = sys.argv[1]
for s in sys.argv[2:]:
    rows = lambda f: [l.rstrip("\n").split(",") for l in open(f"{tmp}/{s}/{f}")]
    a, b = rows("got"), rows("want")
    da = {tuple(x[:3]): x[3:] for x in a}; db = {tuple(x[:3]): x[3:] for x in b}
    diff = []
    for k in sorted(set(da) | set(db)):
        x, y = da.get(k), db.get(k)
        if x is None or y is None or x[1] != y[1]:
            diff.append("%s %s %s" % ("/".join(k), x, y)); continue
        if x[0] != y[0]:
            try:
                if abs(float(x[0]) - float(y[0])) <= 2e-6: continue
            except ValueError: pass
            diff.append("%s %s %s" % ("/".join(k), x, y))
    if [tuple(x[:3]) for x in a] != [tuple(x[:3]) for x in b]: diff.append("row order")
    print(s, "same" if not diff else diff[0])
PY
)
fi
# The generator must reach both outcomes, or the test proves less than it says.
check "some runs succeed" grep -q 0 <<<"$statuses"
check "some runs have no survey rows in the reported quarter" grep -q 1 <<<"$statuses"
finish
