#!/usr/bin/env bash
# End-to-end checks of the binary: the worked example byte for byte, exit
# statuses, atomic outputs, locale independence.  Prints "core: N passed, N failed".
set -u
suite=core
source "$(dirname "$0")/lib_e2e.sh"

# --- the worked example, byte for byte ------------------------------------------
we=$tmp/we
cp -r tests/worked-example "$we"
(cd "$we" && "$bin" -q -s survey.csv -t timesheet.csv -r rules.ini) ; st=$?
check "worked example exits 0 (got $st)" test "$st" = 0
out=$we/output/example-company-b-v/2026-Q3
check "worked example metrics.csv" cmp -s "$out/metrics.csv" "$we/expected-metrics.csv"
check "worked example rejects.csv" cmp -s "$out/rejects/rejects.csv" "$we/expected-rejects.csv"
# The spec's worked example differs from ours only in the rows PRIVACY.md explains.
check "worked example differs from the spec's only where PRIVACY.md says" python3 - "$we" <<'PYEOF'
import sys
d = sys.argv[1]
rows = lambda f: {tuple(l.split(',')[1:4]): l.split(',')[4:] for l in open(f"{d}/{f}").read().splitlines()}
a, b = rows("spec-metrics.csv"), rows("expected-metrics.csv")
differ = {','.join(k) for k in a if a[k] != b.get(k)} | {','.join(k) for k in b if k not in a}
doc = open(f"{d}/PRIVACY.md").read().split("```text\n")[1].split("```")[0].split()
sys.exit(0 if differ == set(doc) else 1)
PYEOF
for f in assessment.pdf roi.xlsx; do check "worked example writes $f" test -s "$out/$f"; done
check "no temporary files left" test -z "$(find "$out" -name '.*' ! -name .aireport.lock)"

# --- locale independence (§6) ----------------------------------------------------
for loc in de_DE.UTF-8 nl_NL.UTF-8; do
	rm -rf "$we/output"
	(cd "$we" && LC_ALL=$loc "$bin" -q -s survey.csv -t timesheet.csv -r rules.ini)
	check "metrics.csv identical under $loc" cmp -s "$out/metrics.csv" "$we/expected-metrics.csv"
done

# --- exit statuses (§1) ---------------------------------------------------------
run() { (cd "$we" && "$bin" -q "$@") 2>"$tmp/err"; echo $?; }
st=$(run -s missing.csv -t timesheet.csv -r rules.ini)
check "missing input exits 3 (got $st)" test "$st" = 3
check "missing input names the file" grep -q "missing.csv" "$tmp/err"

cut -d, -f1-4,6- "$we/survey.csv" >"$we/nodays.csv"
rm -rf "$we/output"
st=$(run -s nodays.csv -t timesheet.csv -r rules.ini)
check "missing column exits 1 (got $st)" test "$st" = 1
check "missing column: one line naming file, column and header" \
	grep -q "nodays.csv:1: missing required column 'ai_days_per_week' (nor the questionnaire's question for it); if the export names it differently, map it with ai_days_per_week = <its name> under \[survey_columns\] (header found: employee_id,submitted,department,role,tool_knowledge" "$tmp/err"
check "missing column: exactly one line" test "$(wc -l <"$tmp/err")" = 1
# §11.13: the other file is still read and its rejects written.
check "missing survey column: the timesheet's rejects are written" \
	test "$(cat "$out/rejects/rejects.csv" 2>/dev/null)" = "$(printf 'file,line,column,value,reason\ntimesheet.csv,26,date,2026-09-31,not a valid date')"
check "missing survey column: no reports" test ! -e "$out/metrics.csv"

sed 's/^min_group_size = 3/min_grup_size = 3/' "$we/rules.ini" >"$we/typo.ini"
st=$(run -s survey.csv -t timesheet.csv -r typo.ini)
check "rules typo exits 2 (got $st)" test "$st" = 2
check "rules typo names file:line and suggests" grep -q "typo.ini:.*min_grup_size.*min_group_size" "$tmp/err"

st=$(run -s survey.csv -t timesheet.csv -r rules.ini --period 2026-Q9)
check "bad --period exits 2 (got $st)" test "$st" = 2
st=$(run -s survey.csv -t timesheet.csv -r rules.ini --period 2025-Q1)
check "period without survey rows exits 1 (got $st)" test "$st" = 1
st=$(run -s survey.csv -t timesheet.csv -r rules.ini --strict)
check "--strict with rejects exits 1 (got $st)" test "$st" = 1
st=$(run --bogus)
check "unknown option exits 2 (got $st)" test "$st" = 2

# Default reject limit 5 %: the survey's 1 of 12 rows is over it.
sed '/max_reject_ratio/d' "$we/rules.ini" >"$we/limit.ini"
rm -rf "$we/output"
st=$(run -s survey.csv -t timesheet.csv -r limit.ini)
check "reject ratio over the limit exits 1 (got $st)" test "$st" = 1
check "reject ratio message" grep -q "survey.csv: 1 of 12 rows rejected" "$tmp/err"
check "failed run still writes rejects.csv" cmp -s "$out/rejects/rejects.csv" "$we/expected-rejects.csv"
check "failed run writes no metrics.csv" test ! -e "$out/metrics.csv"

# No accepted row with a date at all: no period, so rejects.csv goes to the
# organisation's folder.
sed '/^quarter/d' "$we/rules.ini" >"$we/auto.ini"
printf '%s\n' "$(head -1 "$we/survey.csv")" 'E1,2026-09-07,Sales,,9,4,3,3,2,3,4,,' >"$we/bad-s.csv"
printf '%s\n' "$(head -1 "$we/timesheet.csv")" 'E1,2026-07-06,Quote,50,maybe,1,Sales' >"$we/bad-t.csv"
rm -rf "$we/output"
st=$(run -s bad-s.csv -t bad-t.csv -r auto.ini)
check "nothing usable exits 1 (got $st)" test "$st" = 1
check "nothing usable: rejects.csv in the organisation's folder" \
	test "$(cat "$we/output/example-company-b-v/rejects/rejects.csv" 2>/dev/null)" = "$(printf '%s\n' \
	'file,line,column,value,reason' 'bad-s.csv,2,ai_days_per_week,9,out of range 0-7' \
	'bad-t.csv,2,ai_assisted,maybe,not a yes/no value')"

# --- an earlier run's reports survive a failed run ------------------------------
rm -rf "$we/output"
run -s survey.csv -t timesheet.csv -r rules.ini >/dev/null
cp "$out/metrics.csv" "$tmp/before.csv"
run -s survey.csv -t timesheet.csv -r limit.ini >/dev/null
check "earlier metrics.csv intact after a failed run" cmp -s "$out/metrics.csv" "$tmp/before.csv"

# --- a programme start long ago: one month row per month since, nothing else ---
sed 's/^program_start = .*/program_start = 1900-01-01/' "$we/rules.ini" >"$we/old.ini"
rm -rf "$we/output"
st=$(run -s survey.csv -t timesheet.csv -r old.ini)
check "program_start 1900 exits 0 (got $st)" test "$st" = 0
# (2026 - 1900) * 12 + 9 months, four rows each
check "program_start 1900 gives 1521 months" test "$(grep -c ',month,' "$out/metrics.csv")" = $((1521 * 4))
check "the series starts in 1900-01" grep -q '^2026-Q3,month,1900-01,cost,30,ok$' "$out/metrics.csv"

# --- --help and --version --------------------------------------------------------
check "--help lists every option" bash -c "'$bin' --help | grep -q -- '--strict' && '$bin' --help | grep -q 'Exit status'"
check "--version" bash -c "'$bin' --version | grep -q '^aireport [0-9]'"

finish
