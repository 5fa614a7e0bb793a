#!/usr/bin/env bash
# Surveys built from the questionnaire templates (rules/questionnaire-{nl,en,de}.md):
# first checks that each template's machine-readable block lists the eleven canonical
# columns with one-line titles that differ in their first 25 characters, and that every
# title appears verbatim as a column header of that language's Google Forms and
# Microsoft Forms fixture (tests/exports/template/); then runs aireport on each fixture
# with template/rules.ini, which has no [survey_columns] and no [survey_scale], so the
# program must recognise the templates' titles and answer texts by itself, and
# compares metrics.csv (without the data_quality rows) with tests/reference/ref.py on
# the shared canonical twin template/canonical-survey.csv and
# tests/exports/common/timesheet.csv.  *.xlsx.csv sheets are turned into .xlsx with
# openpyxl as in e2e_tools.sh.  Prints one "ok"/"FAIL" line per fixture and
# "template: N passed, N failed".
set -u
suite=template
source "$(dirname "$0")/lib_e2e.sh"
ex=tests/exports

# A python3 that has openpyxl (Debian's python3-openpyxl lives in /usr/bin/python3).
py=python3
"$py" -c 'import openpyxl' 2>/dev/null || py=/usr/bin/python3

# The templates against each other and against the fixtures' headers: one line per
# problem on stdout, nothing when all is well.
template_problems() {
	python3 - <<'EOF'
import csv, re
canon = ['department', 'role', 'ai_days_per_week', 'tool_knowledge',
         'application_breadth', 'autonomy', 'innovation', 'knowledge_sharing',
         'satisfaction', 'training_date', 'mentor_id']
likert = ['tool_knowledge', 'application_breadth', 'autonomy', 'innovation',
          'knowledge_sharing']
scales = {
    'nl': ['Helemaal mee oneens', 'Mee oneens', 'Neutraal', 'Mee eens', 'Helemaal mee eens'],
    'en': ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree',
           'Strongly agree'],
    'de': ['Stimme überhaupt nicht zu', 'Stimme nicht zu', 'Weder noch', 'Stimme zu',
           'Stimme voll und ganz zu'],
}
for lang, scale in scales.items():
    md = 'rules/questionnaire-%s.md' % lang
    text = open(md, encoding='utf-8').read()
    blocks = re.findall(r'^```[^\n]*\n(.*?)^```', text, re.S | re.M)
    if not blocks:
        print('%s: no fenced block' % md); continue
    titles = {}
    for line in blocks[-1].splitlines():
        if not line.strip():
            continue
        m = re.fullmatch(r'([a-z_]+) = (\S.*)', line)
        if not m:
            print('%s: not "canonical_column = title": %r' % (md, line)); continue
        k, t = m.groups()
        if k in titles:
            print('%s: %s twice' % (md, k))
        if t != t.strip() or re.match(r'\d', t):
            print('%s: %s: title has outer spaces or a leading number' % (md, k))
        titles[k] = t
    if sorted(titles) != sorted(canon):
        print('%s: columns %s, want %s' % (md, sorted(titles), sorted(canon)))
    keys = list(titles)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            ta, tb = titles[a], titles[b]
            if ta[:25] == tb[:25] or ta.encode()[:25] == tb.encode()[:25]:
                print('%s: %s and %s share their first 25 characters' % (md, a, b))
    for s in scale:
        if '`%s`' % s not in text:
            print('%s: answer text %r not listed' % (md, s))
    for fx in ('gforms-%s.csv' % lang, 'msforms-%s.xlsx.csv' % lang):
        path = 'tests/exports/template/' + fx
        with open(path, newline='', encoding='utf-8') as f:
            rows = list(csv.reader(f))
        header = rows[0]
        for k, t in titles.items():
            if header.count(t) != 1:
                print('%s: title of %s is not a column header exactly once: %r' % (fx, k, t))
            elif k in likert:
                col = header.index(t)
                for n, row in enumerate(rows[1:], 2):
                    if row[col] not in scale:
                        print('%s:%d: %r is not on the %s scale' % (fx, n, row[col], lang))
EOF
}
problems=$(template_problems 2>&1)
if [ -z "$problems" ]; then
	ok; echo "ok   templates and fixture headers agree"
else
	bad "templates and fixture headers disagree"; echo "$problems" >&2
	echo "FAIL templates and fixture headers agree"
fi

# name | survey (all with template/rules.ini, common/timesheet.csv and the canonical twin)
cases="
gforms-nl|template/gforms-nl.csv
gforms-en|template/gforms-en.csv
gforms-de|template/gforms-de.csv
msforms-nl|template/msforms-nl.xlsx.csv
msforms-en|template/msforms-en.xlsx.csv
msforms-de|template/msforms-de.xlsx.csv
"
r=template/rules.ini rs=template/canonical-survey.csv t=common/timesheet.csv

# to_xlsx IN.xlsx.csv OUT.xlsx: the sheet as the tool's workbook (tests/csv_to_xlsx.py).
to_xlsx() { "$py" tests/csv_to_xlsx.py "$1" "$2" Sheet1; }

python3 tests/reference/ref.py "$ex/$rs" "$ex/$t" "$ex/$r" | grep -v '^data_quality,' >"$tmp/want"
while IFS='|' read -r name s; do
	[ -n "$name" ] || continue
	d=$tmp/$name
	mkdir -p "$d"
	si=$root/$ex/$s
	case $s in
	*.xlsx.csv)
		si=$d/$(basename "$s" .csv)
		if ! to_xlsx "$ex/$s" "$si"; then
			bad "$name: cannot build the .xlsx"; echo "FAIL $name"; continue
		fi ;;
	esac
	"$bin" -q -s "$si" -t "$root/$ex/$t" -r "$root/$ex/$r" -o "$d/out" 2>"$d/err"
	st=$?
	if [ "$st" != 0 ]; then
		bad "$name exits $st: $(head -1 "$d/err")"; echo "FAIL $name"; continue
	fi
	tail -n +2 "$d"/out/*/*/metrics.csv | cut -d, -f2- | grep -v '^data_quality,' >"$d/got"
	if python3 tests/reference/cmp.py "$d/got" "$tmp/want" >"$d/diff"; then
		ok; echo "ok   $name"
	else
		bad "$name"; head -5 "$d/diff" >&2; echo "FAIL $name"
	fi
done <<<"$cases"

# The whole first run of an HR officer: a Forms survey built from the template and a
# Toggl or Clockify export; --init-rules, fill in the name, the rate and the tag,
# then --check and the run, with no mapping written by hand.
for pair in "template/gforms-nl.csv|toggl/timesheet.csv" "template/msforms-de.xlsx.csv|clockify/timesheet.csv"; do
	sv=${pair%%|*} tv=${pair##*|}
	d=$tmp/first-run-$(basename "${sv%%.*}")
	mkdir -p "$d"
	si=$root/$ex/$sv
	case $sv in *.xlsx.csv) si=$d/survey.xlsx; to_xlsx "$ex/$sv" "$si" ;; esac
	ti=$root/$ex/$tv
	"$bin" -q --init-rules "$d/rules.ini" -s "$si" -t "$ti"
	sed -i 's/^name =$/name = Example Company B.V./; s/^default =$/default = 60/; s/^ai_assisted =$/ai_assisted = AI/' "$d/rules.ini"
	check "$sv: the starter rules map no column by hand" bash -c "! grep -q '^; FILL IN the export' '$d/rules.ini'"
	"$bin" --check -r "$d/rules.ini" -s "$si" -t "$ti" >"$d/check" 2>"$d/err"; st=$?
	check "$sv: --check exits 0 (got $st: $(grep -v warning "$d/err" | head -1))" test "$st" = 0
	check "$sv: --check finds 6 people in both files" grep -q "^People     6 in the survey, 7 in the timesheet, 6 in both" "$d/check"
	"$bin" -q -r "$d/rules.ini" -s "$si" -t "$ti" -o "$d/out"; st=$?
	check "$sv: the run writes the four reports (exit $st)" test "$st" = 0 -a -s "$d/out/example-company-b-v/2026-Q3/assessment.pdf" \
		-a -s "$d/out/example-company-b-v/2026-Q3/roi.xlsx"
done

finish
