#!/usr/bin/env bash
# Exports as the tools write them (tests/exports/, see SOURCES.md there): for each
# fixture, runs aireport on the tool's file with the tool's rules.ini and compares
# metrics.csv (without the data_quality rows, whose group is the file name) with
# tests/reference/ref.py on the hand-converted canonical files.  *.xlsx.csv sheets
# are first turned into .xlsx with openpyxl (ISO dates become date cells, plain
# numbers become numbers).  Prints one "ok"/"FAIL" line per fixture and
# "tools: N passed, N failed".
set -u
suite=tools
source "$(dirname "$0")/lib_e2e.sh"
ex=tests/exports

# A python3 that has openpyxl (Debian's python3-openpyxl lives in /usr/bin/python3).
py=python3
"$py" -c 'import openpyxl' 2>/dev/null || py=/usr/bin/python3

# name | survey | timesheet | rules | reference survey | reference timesheet
cases="
toggl|common/survey.csv|toggl/timesheet.csv|toggl/rules.ini|common/survey.csv|toggl/canonical-timesheet.csv
toggl-decimal|common/survey.csv|toggl/timesheet-decimal.csv|toggl/rules.ini|common/survey.csv|toggl/canonical-timesheet-decimal.csv
toggl-classic|common/survey.csv|toggl/timesheet-classic.csv|toggl/rules.ini|common/survey.csv|toggl/canonical-timesheet-classic.csv
clockify|common/survey.csv|clockify/timesheet.csv|clockify/rules.ini|common/survey.csv|clockify/canonical-timesheet.csv
clockify-us-dates|common/survey.csv|clockify/timesheet-us-dates.csv|clockify/rules-us-dates.ini|common/survey.csv|clockify/canonical-timesheet-us-dates.csv
harvest|common/survey.csv|harvest/timesheet.csv|harvest/rules.ini|common/survey.csv|harvest/canonical-timesheet.csv
harvest-dmy|common/survey.csv|harvest/timesheet-dmy.csv|harvest/rules.ini|common/survey.csv|harvest/canonical-timesheet-dmy.csv
kimai-de|common/survey.csv|kimai/timesheet-de.csv|kimai/rules-de.ini|common/survey.csv|kimai/canonical-timesheet-de.csv
kimai-en|common/survey.csv|kimai/timesheet-en.csv|kimai/rules-en.ini|common/survey.csv|kimai/canonical-timesheet-en.csv
personio-csv|common/survey.csv|personio/timesheet.csv|personio/rules.ini|common/survey.csv|personio/canonical-timesheet.csv
personio-xlsx|common/survey.csv|personio/timesheet.xlsx.csv|personio/rules-xlsx.ini|common/survey.csv|personio/canonical-timesheet-xlsx.csv
simplicate|common/survey.csv|simplicate/timesheet.csv|simplicate/rules.ini|common/survey.csv|simplicate/canonical-timesheet.csv
tempo|common/survey.csv|tempo/timesheet.csv|tempo/rules.ini|common/survey.csv|tempo/canonical-timesheet.csv
google-forms|google-forms/survey.csv|common/timesheet.csv|google-forms/rules.ini|google-forms/canonical-survey.csv|common/timesheet.csv
ms-forms|ms-forms/survey.xlsx.csv|common/timesheet.csv|ms-forms/rules.ini|ms-forms/canonical-survey.csv|common/timesheet.csv
surveymonkey-csv|surveymonkey/survey.csv|common/timesheet.csv|surveymonkey/rules.ini|surveymonkey/canonical-survey.csv|common/timesheet.csv
surveymonkey-xlsx|surveymonkey/survey.xlsx.csv|common/timesheet.csv|surveymonkey/rules-xlsx.ini|surveymonkey/canonical-survey.csv|common/timesheet.csv
"

# to_xlsx IN.xlsx.csv OUT.xlsx: the sheet as the tool's workbook (tests/csv_to_xlsx.py).
to_xlsx() { "$py" tests/csv_to_xlsx.py "$1" "$2" Sheet1; }

# fixture_input PATH DIR: the file aireport reads (an .xlsx built in DIR for *.xlsx.csv)
fixture_input() {
	case $1 in
	*.xlsx.csv)
		local x=$2/$(basename "$1" .csv)
		to_xlsx "$ex/$1" "$x" && echo "$x" ;;
	*) echo "$root/$ex/$1" ;;
	esac
}

while IFS='|' read -r name s t r rs rt; do
	[ -n "$name" ] || continue
	d=$tmp/$name
	mkdir -p "$d"
	if ! si=$(fixture_input "$s" "$d") || ! ti=$(fixture_input "$t" "$d"); then
		bad "$name: cannot build the .xlsx"; echo "FAIL $name"; continue
	fi
	"$bin" -q -s "$si" -t "$ti" -r "$root/$ex/$r" -o "$d/out" 2>"$d/err"
	st=$?
	if [ "$st" != 0 ]; then
		bad "$name exits $st: $(head -1 "$d/err")"; echo "FAIL $name"; continue
	fi
	tail -n +2 "$d"/out/*/*/metrics.csv | cut -d, -f2- | grep -v '^data_quality,' >"$d/got"
	python3 tests/reference/ref.py "$ex/$rs" "$ex/$rt" "$ex/$r" | grep -v '^data_quality,' >"$d/want"
	if python3 tests/reference/cmp.py "$d/got" "$d/want" >"$d/diff"; then
		ok; echo "ok   $name"
	else
		bad "$name"; head -5 "$d/diff" >&2; echo "FAIL $name"
	fi
	# the same, byte for byte, on 1, 2 and 4 threads and in chunks of a few bytes
	CHUNKS="2: 4: 2:1 4:3 2:29" threads_agree "$name" -s "$si" -t "$ti" \
		-r "$root/$ex/$r" -o "$d/out-threads"

	# The built-in profile: the same export with the person, date, use case, duration,
	# department and AI columns no longer mapped must be recognised (one line on
	# stderr naming the profile) and give the same figures.
	profile=${name%%-*}
	case $name in ms-forms) profile=microsoft-forms ;; google-forms) profile=google-forms ;; esac
	python3 - "$ex/$r" "$d/$(basename "$r")" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"\[timesheet_columns\].*?(?=\n\[|\Z)", "", s, flags=re.S)
s = re.sub(r"(?m)^(employee_id|submitted) *=.*\n", "", s)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
	for f in ids.csv; do [ -e "$ex/$(dirname "$r")/$f" ] && cp "$ex/$(dirname "$r")/$f" "$d/"; done
	"$bin" -s "$si" -t "$ti" -r "$d/$(basename "$r")" -o "$d/out-profile" 2>"$d/err-profile"
	st=$?
	check "$name: read with the built-in profile alone (exit $st: $(grep -v warning "$d/err-profile" | head -1))" \
		test "$st" = 0 || continue
	check "$name: recognised as profile $profile" grep -q "(profile $profile)\$" "$d/err-profile"
	# --init-rules, its placeholders filled in as a user would (the name, the rate,
	# the AI marker, the questions of a survey not built from the questionnaire, the
	# identity map the fixture has), then --check and a run.
	"$bin" -q --init-rules "$d/init.ini" -s "$si" -t "$ti"; st=$?
	check "$name: --init-rules writes a rules file (exit $st)" test "$st" = 0 -a -s "$d/init.ini" || continue
	"$bin" -q --init-rules "$d/init.ini" -s "$si" -t "$ti" 2>"$d/err-again"; st=$?
	check "$name: --init-rules never overwrites (exit $st)" test "$st" = 3
	python3 - "$ex/$r" "$d/init.ini" "$d/filled.ini" "$ex/$(dirname "$r")/ids.csv" <<'PY'
import configparser, os, re, sys
src = open(sys.argv[1], encoding="utf-8").read()
def section(name):
    m = re.search(r"(?ms)^\[%s\]\n(.*?)(?=^\[|\Z)" % re.escape(name), src)
    out = {}
    for line in (m.group(1).splitlines() if m else []):
        k = re.match(r"^([^;#=\s][^=]*?)\s*=\s*(.*)$", line)
        if k: out[k.group(1)] = k.group(2)
    return out
marker = section("timesheet_values").get("ai_assisted", "")
questions = section("survey_columns")
lines, todo = [], False
for line in open(sys.argv[2], encoding="utf-8").read().splitlines():
    if line.startswith("; FILL IN"):
        todo = True
    elif todo and not line.startswith(";"):
        key = line.split("=")[0].strip()
        value = {"name": "Example Company B.V.", "default": "60", "ai_assisted": marker}.get(key)
        line = "%s = %s" % (key, value if value is not None else questions[key])
        todo = False
    lines.append(line)
if os.path.exists(sys.argv[4]):
    lines.append("map = " + os.path.abspath(sys.argv[4]))   # under [identity], written before
text = "\n".join(lines) + "\n"
text = text.replace("[identity]\n", "").replace("\nmap = ", "\n[identity]\nmap = ") if os.path.exists(sys.argv[4]) else text
open(sys.argv[3], "w", encoding="utf-8").write(text)
PY
	"$bin" --check -s "$si" -t "$ti" -r "$d/filled.ini" >"$d/check.txt" 2>"$d/err-check"; st=$?
	check "$name: --check with the filled-in starter rules exits 0 (got $st: $(grep -v warning "$d/err-check" | head -1))" test "$st" = 0
	check "$name: --check says it is ready" grep -q "^Result     ready: a run reports 2026-Q" "$d/check.txt"
	"$bin" --check --format=json -s "$si" -t "$ti" -r "$d/filled.ini" 2>/dev/null >"$d/check.json"
	check "$name: --check --format=json parses" python3 -m json.tool "$d/check.json" >/dev/null

	if [ "$profile" = clockify ]; then
		# Clockify's profile prefers "Duration (decimal)", whose hours are rounded to
		# 0.01: the figures are those of the decimal exports in expected.md.
		sed 's/^minutes = Duration (h)$/hours = Duration (decimal)/' "$ex/$r" >"$d/decimal.ini"
		"$bin" -q -s "$si" -t "$ti" -r "$d/decimal.ini" -o "$d/out-decimal"
		check "$name: the profile reads Duration (decimal)" \
			cmp -s "$d"/out-decimal/*/*/metrics.csv "$d"/out-profile/*/*/metrics.csv
		check "$name: hours saved as in expected.md (-0.5375)" \
			grep -q '^2026-Q3,organisation,,hours_saved,-0.5375,ok$' "$d"/out-profile/*/*/metrics.csv
	else
		check "$name: the profile gives the mapped run's figures" \
			cmp -s "$d"/out/*/*/metrics.csv "$d"/out-profile/*/*/metrics.csv
	fi
done <<<"$cases"
# Without [identity], Harvest's names and the survey's e-mail addresses never meet:
# the run must say so on stderr and in the PDF, with the counts (6 people in the
# survey, 7 in the time logs, none in both).
noid=$tmp/noid
mkdir -p "$noid"
sed '/^\[identity\]/,$d' "$ex/harvest/rules.ini" >"$noid/rules.ini"
cp "$ex/common/survey.csv" "$ex/harvest/timesheet.csv" "$noid/"
(cd "$noid" && "$bin" -s survey.csv -t timesheet.csv -r rules.ini -o out 2>err); st=$?
check "unmatched ids: the run still exits 0 (got $st)" test "$st" = 0
check "unmatched ids: a warning with both counts names [identity]" grep -qx \
	"aireport: warning: only 0 of the survey's 6 people and of the timesheet's 7 are in both files; if the two files name people differently (e-mail and personnel number), join them with map = ids.csv under \[identity\]" \
	"$noid/err"
check "unmatched ids: the PDF's data-quality section says so" bash -c \
	"pdftotext '$noid/out/example-company-b-v/2026-Q3/assessment.pdf' - | tr '\n' ' ' | grep -q 'only 0 of the 6 people in the survey and of the 7 in the time logs appear in both files'"
cp "$ex/harvest/rules.ini" "$ex/harvest/ids.csv" "$noid/"
(cd "$noid" && "$bin" -s survey.csv -t timesheet.csv -r rules.ini -o out-ids 2>err-ids); st=$?
check "with the identity map: exit 0 (got $st)" test "$st" = 0
check "with the identity map: no such warning" bash -c "! grep -q 'in both files' '$noid/err-ids'"

# The canonical files are read as such, with no profile line; a header that fits
# no profile is not taken for one; a tool export without its AI marker says which
# column holds it and what to write.
we=tests/worked-example
"$bin" -s "$we/survey.csv" -t "$we/timesheet.csv" -r "$we/rules.ini" -o "$tmp/canonical" 2>"$tmp/canonical.err"
check "canonical files: no profile named" bash -c "! grep -q '(profile ' '$tmp/canonical.err'"
printf 'Naam,Datum,Taak,Tijd,Tags\nAnna,2026-07-01,Offerte,60,AI\n' >"$tmp/unknown.csv"
"$bin" -s "$we/survey.csv" -t "$tmp/unknown.csv" -r "$we/rules.ini" -o "$tmp/unknown" 2>"$tmp/unknown.err"; st=$?
check "unknown header: exit 1 (got $st)" test "$st" = 1
check "unknown header: no profile named" bash -c "! grep -q '(profile ' '$tmp/unknown.err'"
check "unknown header: the mapping to write is suggested" \
	grep -q "missing required column 'date'; the header has 'Datum'" "$tmp/unknown.err"
sed '/^\[timesheet_values\]/,/^ai_assisted/d' "$ex/toggl/rules.ini" | sed '/^\[timesheet_columns\]/,/^$/d' >"$tmp/nomarker.ini"
"$bin" -s "$ex/common/survey.csv" -t "$ex/toggl/timesheet.csv" -r "$tmp/nomarker.ini" -o "$tmp/nomarker" 2>"$tmp/nomarker.err"; st=$?
check "Toggl without a marker: exit 2 (got $st)" test "$st" = 2
check "Toggl without a marker: names the column and the key" grep -qx \
	"aireport: .*toggl/timesheet.csv: the AI flag of a Toggl Track detailed report is in the column 'Tags': name the tag, label or word that marks AI work with ai_assisted = ... under \[timesheet_values\]" \
	"$tmp/nomarker.err"

finish
