#!/usr/bin/env bash
# The worked example exported the way other tools and Excel in NL/DE write it:
# Windows-1252, ';' and TAB, decimal commas, CRLF, a BOM, quoted line breaks,
# reordered and renamed columns, ja/nee.  The figures must be exactly those of the
# plain export.  Prints "exports: N passed, N failed".
set -u
suite=exports
source "$(dirname "$0")/lib_e2e.sh"
we=tests/worked-example

python3 - "$we" "$tmp" <<'PY'
import csv, io, sys
src, dst = sys.argv[1], sys.argv[2]

rows = list(csv.reader(open(f"{src}/survey.csv", encoding="utf-8")))
header, data = rows[0], rows[1:]
order = list(reversed(range(len(header))))          # every column in reverse order
names = {"employee_id": "Personeelsnummer", "submitted": "Ingevuld op"}
out = io.StringIO()
def line(cells):
    out.write(";".join(cells) + "\r\n")
line([names.get(header[i], header[i].upper()) for i in order])
for r in data:
    r = list(r)
    r[4] = r[4].replace(".", ",")                     # ai_days_per_week 0.5 -> 0,5
    if r[3] == "Account manager":
        r[3] = '"Account\r\nmanager"'                 # a quoted line break in a text column
    if r[3] == "Technician":
        r[3] = "Techniker Büro"                       # a Windows-1252 letter
    y, m, d = r[1].split("-")
    r[1] = f"{int(d)}.{int(m)}.{y}"                   # 7.9.2026
    line([r[i] for i in order])
    if r[0] == "E4" and r[1].endswith(".6.2026"):
        out.write("\r\n")                            # a blank line is skipped
open(f"{dst}/Umfrage.csv", "wb").write(out.getvalue().encode("cp1252"))

rows = list(csv.reader(open(f"{src}/timesheet.csv", encoding="utf-8")))
header, data = rows[0], rows[1:]
out = io.StringIO()
out.write("\ufeff" + "\t".join(h.title() if h != "use_case" else "Activiteit" for h in header) + "\n")
for r in data:
    r = list(r)
    r[3] = r[3] + ",0"                                # 50 -> 50,0
    r[4] = {"yes": "ja", "no": "Nee"}[r[4]]
    out.write("\t".join(r) + "\n")
open(f"{dst}/uren.tsv", "wb").write(out.getvalue().encode("utf-8"))
PY

sed -e 's/^\[use_cases\]/[survey_columns]\nemployee_id = Personeelsnummer\nsubmitted = Ingevuld op\n[timesheet_columns]\nuse_case = Activiteit\n[use_cases]/' \
	"$we/rules.ini" >"$tmp/rules.ini"

(cd "$tmp" && "$bin" -q -s Umfrage.csv -t uren.tsv -r rules.ini); st=$?
# the BOM, the TABs and the decimal commas on 1, 2 and 4 threads, in chunks of a few bytes
threads_agree "messy exports" -q -s "$tmp/Umfrage.csv" -t "$tmp/uren.tsv" -r "$tmp/rules.ini" \
	-o "$tmp/out-threads"
check "messy exports exit 0 (got $st)" test "$st" = 0
out=$tmp/output/example-company-b-v/2026-Q3
# Every figure but the data-quality file names is that of the worked example.
grep -v ',data_quality,' "$we/expected-metrics.csv" >"$tmp/want"
grep -v ',data_quality,' "$out/metrics.csv" >"$tmp/got"
check "same figures as the plain export" cmp -s "$tmp/want" "$tmp/got"
grep ',data_quality,' "$we/expected-metrics.csv" | sed -e 's/survey\.csv/Umfrage.csv/' \
	-e 's/timesheet\.csv/uren.tsv/' | LC_ALL=C sort -t, -k3,3 -s >"$tmp/want-dq"
grep ',data_quality,' "$out/metrics.csv" >"$tmp/got-dq"
check "same row counts" cmp -s "$tmp/want-dq" "$tmp/got-dq"
# Physical lines move: the rows of E1 and E3 take two lines each (a quoted line
# break) and a blank line follows E4's Q2 row, so the superseded E3 row starts on
# line 13, its winner on 15 and the invalid E5 row on 19.  Superseded rows name the
# column employee_id as §11.9 says, invalid ones the export's own header.
cat >"$tmp/want-rejects" <<'CSV'
file,line,column,value,reason
Umfrage.csv,13,employee_id,E3,superseded by line 15
Umfrage.csv,19,TOOL_KNOWLEDGE,6,out of range 1-5
uren.tsv,26,Date,2026-09-31,not a valid date
CSV
check "rejects name the physical lines and the export's column names" \
	diff "$tmp/want-rejects" "$out/rejects/rejects.csv"

finish
