#!/usr/bin/env bash
# End-to-end checks of roi.xlsx (SPEC §8) through openpyxl and LibreOffice:
# structure, defined names, formulas whose cached results equal metrics.csv, the
# same after LibreOffice recalculates, inputs that drive value_saved, privacy, text
# from the inputs kept as text, byte-identical output.  Assumes ./aireport is built.
# Prints "xlsx: N passed, N failed".  XLSX_KEEP=DIR keeps the PDF renderings there.
set -u
suite=xlsx
source "$(dirname "$0")/lib_e2e.sh"
py=/usr/bin/python3            # Debian's, with python3-openpyxl
checker=$root/tests/xlsx_check.py

# Runs xlsx_check.py and counts its "ok" / "not ok" lines.
run_checker() {
	local label=$1; shift
	local out
	out=$("$py" "$checker" "$@" 2>&1)
	local n_ok n_bad
	n_ok=$(grep -c '^ok - ' <<<"$out")
	n_bad=$(grep -c '^not ok' <<<"$out")
	pass=$((pass + n_ok))
	fail=$((fail + n_bad))
	grep '^not ok' <<<"$out" | sed "s/^/FAIL xlsx: $label: /" >&2
	if [ "$n_ok" = 0 ] && [ "$n_bad" = 0 ]; then
		bad "$label: checker gave no result: $(tail -n 3 <<<"$out")"
	fi
}

# A copy of the worked example, optionally with a changed rules file.
example() {
	local dir=$tmp/$1
	cp -r tests/worked-example "$dir"
	echo "$dir"
}
run_example() {
	(cd "$1" && "${@:2}" "$bin" -q -s survey.csv -t timesheet.csv -r rules.ini -o out)
}
we_out=out/example-company-b-v/2026-Q3

check "python3-openpyxl is installed" "$py" -c "import openpyxl"

# --- the worked example ----------------------------------------------------------
we=$(example we)
run_example "$we" env; st=$?
check "worked example exits 0 (got $st)" test "$st" = 0
x=$we/$we_out/roi.xlsx
check "worked example writes roi.xlsx" test -s "$x"
if [ -s "$x" ]; then
	run_checker "worked example" check "$x" "$we/$we_out/metrics.csv" "$we/rules.ini"
	run_checker "worked example recalc" recalc "$x" "$we/$we_out/metrics.csv" "$we/rules.ini" \
		"$tmp/lo-we"
	keep=${XLSX_KEEP:-$tmp/render}
	run_checker "worked example render" render "$x" "$keep/worked-example"
fi

# --- byte-identical: a second run, and one under a decimal-comma locale -------------
we2=$(example we2)
run_example "$we2" env
check "two runs give identical roi.xlsx" cmp -s "$x" "$we2/$we_out/roi.xlsx"
we3=$(example we3)
run_example "$we3" env LC_ALL=de_DE.UTF-8
check "roi.xlsx identical under LC_ALL=de_DE.UTF-8" cmp -s "$x" "$we3/$we_out/roi.xlsx"
we4=$(example we4)
run_example "$we4" env LC_ALL=nl_NL.UTF-8 LC_NUMERIC=de_DE.UTF-8
check "roi.xlsx identical under LC_NUMERIC=de_DE.UTF-8" cmp -s "$x" "$we4/$we_out/roi.xlsx"

# --- the sample ----------------------------------------------------------------------
"$bin" -q -o "$tmp/sample"; st=$?
check "sample exits 0 (got $st)" test "$st" = 0
s=$(ls "$tmp"/sample/*/*/roi.xlsx 2>/dev/null | head -n 1)
check "sample writes roi.xlsx" test -n "$s"
if [ -n "$s" ]; then
	sd=$(dirname "$s")
	run_checker "sample" check "$s" "$sd/metrics.csv" rules/default.ini
	run_checker "sample recalc" recalc "$s" "$sd/metrics.csv" rules/default.ini "$tmp/lo-sample"
	if [ -n "${XLSX_KEEP:-}" ]; then
		run_checker "sample render" render "$s" "$XLSX_KEEP/sample"
	fi
	LC_ALL=de_DE.UTF-8 "$bin" -q -o "$tmp/sample-de"
	check "sample roi.xlsx identical under LC_ALL=de_DE.UTF-8" \
		cmp -s "$s" "$tmp/sample-de/${s#"$tmp/sample/"}"
fi

# --- text from the inputs stays text; the employee sheet --------------------------------
inj=$(example inject)
formula='"=HYPERLINK(""http://example.com/"",""Sales"")"'
sed -i -e "s|,Sales,|,$formula,|" -e "s|,Sales$|,$formula|" "$inj/survey.csv" "$inj/timesheet.csv"
sed -i 's/^\[privacy\]/[privacy]\nemployee_sheet = true/' "$inj/rules.ini"
run_example "$inj" env; st=$?
check "formula-like department: exits 0 (got $st)" test "$st" = 0
if [ -s "$inj/$we_out/roi.xlsx" ]; then
	run_checker "formula-like department" check "$inj/$we_out/roi.xlsx" \
		"$inj/$we_out/metrics.csv" "$inj/rules.ini"
	check "the formula-like department name is a string in the workbook" "$py" - \
		"$inj/$we_out/roi.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
         if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
sys.exit(0 if cells and all(c.data_type == "s" for c in cells) else 1)
EOF
fi

# --- fewer respondents than k: no survey-based figure ---------------------------------
few=$(example few)
sed -i 's/^min_group_size = 3/min_group_size = 6/' "$few/rules.ini"
run_example "$few" env; st=$?
check "survey below k: exits 0 (got $st)" test "$st" = 0
if [ -s "$few/$we_out/roi.xlsx" ]; then
	run_checker "survey below k" check "$few/$we_out/roi.xlsx" "$few/$we_out/metrics.csv" \
		"$few/rules.ini"
fi

# --- a tie: the cumulative benefit exactly meets the cost in the first month ------------
# One minute saved at 21/h is 0.35 a month; a fixed cost of 1.05 a quarter is 0.35 a
# month.  In binary the benefit sums to a hair below the cost; the model counts the
# tie as reached (payback 1), and the workbook's cached values must say the same.
tie=$tmp/tie
mkdir -p "$tie"
printf 'employee_id,submitted,department,ai_days_per_week,tool_knowledge,application_breadth,autonomy,innovation,knowledge_sharing\nE1,2026-08-03,Sales,3,3,3,3,3,3\n' >"$tie/survey.csv"
printf 'employee_id,date,use_case,minutes,ai_assisted\nE1,2026-07-01,Q,60,no\nE1,2026-07-02,Q,59,yes\n' >"$tie/timesheet.csv"
printf '[organisation]\nname = Tie\nlanguage = en\n[period]\nquarter = 2026-Q3\nprogram_start = 2026-07-01\n[privacy]\nmin_group_size = 1\nallow_small_groups = true\n[costs]\nprogram_fixed_per_quarter = 1.05\n[rates]\ndefault = 21\n' >"$tie/rules.ini"
"$bin" -q -s "$tie/survey.csv" -t "$tie/timesheet.csv" -r "$tie/rules.ini" -o "$tie/out"
check "tie: metrics.csv has payback in month 1" \
	grep -q '^2026-Q3,organisation,,payback_months,1,ok$' "$tie/out/tie/2026-Q3/metrics.csv"
check "tie: the workbook caches payback 1, as metrics.csv" /usr/bin/python3 - "$tie/out/tie/2026-Q3/roi.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
def named(name):
    for title, coord in wb.defined_names[name].destinations:
        return wb[title][coord.replace("$", "")].value
sys.exit(0 if named("payback_months") == 1 else 1)
EOF
# Recalculated, the sheet reaches break-even in the same month: its "reached"
# formulas and the sensitivity grid carry the model's tie margin.
run_checker "tie recalc" recalc "$tie/out/tie/2026-Q3/roi.xlsx" \
	"$tie/out/tie/2026-Q3/metrics.csv" "$tie/rules.ini" "$tmp/lo-tie"

finish
