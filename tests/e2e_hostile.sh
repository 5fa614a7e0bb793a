#!/usr/bin/env bash
# Hostile and broken inputs: every case ends with a clear error or with rejected
# rows, never with a crash, a hang or a damaged report.  Each run is checked for an
# exit status of 0-3 (a signal or a timeout fails), for its message or rejects.csv
# rows, and for outputs that are whole: UTF-8 CSV files without NUL bytes, a PDF
# that qpdf accepts, a workbook whose XML parts all parse, no temporary files.
# Uses $AIREPORT_BIN when set (make test-asan), else ./aireport.
# Prints "hostile: N passed, N failed".
set -u
suite=hostile
source "$(dirname "$0")/lib_e2e.sh"

if [ ! -x "$bin" ]; then
	echo "hostile: $bin is not built"
	echo "hostile: 0 passed, 1 failed"
	exit 1
fi

# The worked example is the base of every case; rejects never fail the run here,
# so each case shows exactly which rows it rejected.
we=$root/tests/worked-example
cp "$we/survey.csv" "$we/timesheet.csv" "$tmp/"
sed 's/^max_reject_ratio.*/max_reject_ratio = 100%/' "$we/rules.ini" >"$tmp/rules.ini"
report_dir=example-company-b-v/2026-Q3

# run NAME SURVEY TIMESHEET RULES [OPTIONS...]: one run into $tmp/out-NAME.
# Sets st (exit status), err (stderr file), out (the report folder).
run() {
	local name=$1 s=$2 t=$3 r=$4
	shift 4
	rm -rf "$tmp/out-$name"
	err=$tmp/err-$name
	(cd "$tmp" && timeout 300 "$bin" -q -s "$s" -t "$t" -r "$r" -o "out-$name" "$@") 2>"$err"
	st=$?
	out=$tmp/out-$name/$report_dir
	if [ "$st" -gt 3 ]; then
		bad "$name: exit status $st (crash, signal or timeout): $(head -c 300 "$err")"
	else
		ok
	fi
}

# Every file the run left is whole.
outputs_whole() {
	local dir=$1 f
	[ -d "$dir" ] || return 0
	[ -z "$(find "$dir" -name '.*' ! -name .aireport.lock)" ] || { echo "temporary files left in $dir" >&2; return 1; }
	for f in "$dir"/*.csv; do
		[ -e "$f" ] || continue
		iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || { echo "$f: not UTF-8" >&2; return 1; }
		[ "$(tr -d '\000' <"$f" | wc -c)" = "$(wc -c <"$f")" ] || { echo "$f: NUL byte" >&2; return 1; }
	done
	if [ -e "$dir/assessment.pdf" ] && command -v qpdf >/dev/null; then
		qpdf --check "$dir/assessment.pdf" >/dev/null 2>&1 || { echo "$dir/assessment.pdf: qpdf --check fails" >&2; return 1; }
	fi
	if [ -e "$dir/roi.xlsx" ]; then
		python3 - "$dir/roi.xlsx" <<'PY' || return 1
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, "bad zip member"
for n in z.namelist():
    if n.endswith((".xml", ".rels")):
        xml.dom.minidom.parseString(z.read(n))
PY
	fi
	return 0
}

# has_reject NAME FILE LINE COLUMN REASON: rejects.csv of run NAME has that row
# (the value, which may be huge, is not compared).
has_reject() {
	local f=$tmp/out-$1/$report_dir/rejects/rejects.csv
	[ -e "$f" ] && awk -F, -v file="$2" -v line="$3" -v col="$4" -v reason="$5" '
		$1 == file && $2 == line && $3 == col && index($0, reason) { found = 1 }
		END { exit !found }' "$f"
}
no_reject_at() { ! awk -F, -v line="$2" '$2 == line { found = 1 } END { exit !found }' \
	"$tmp/out-$1/$report_dir/rejects/rejects.csv"; }
metric() {   # metric NAME SCOPE GROUP METRIC -> value
	awk -F, -v s="$2" -v g="$3" -v m="$4" '$2 == s && $3 == g && $4 == m { print $5 }' \
		"$tmp/out-$1/$report_dir/metrics.csv"
}

header_s=$(head -1 "$tmp/survey.csv")
header_t=$(head -1 "$tmp/timesheet.csv")
survey_rows=$(($(wc -l <"$tmp/survey.csv")))          # data rows end at this line
timesheet_rows=$(($(wc -l <"$tmp/timesheet.csv")))
next_s=$((survey_rows + 1)) next_t=$((timesheet_rows + 1))

run plain survey.csv timesheet.csv rules.ini
check "the unchanged worked example exits 0 (got $st)" test "$st" = 0

# --- empty files and a header only --------------------------------------------------
: >"$tmp/empty.csv"
run empty-survey empty.csv timesheet.csv rules.ini
check "empty survey exits 1 (got $st)" test "$st" = 1
check "empty survey: message" grep -q "empty.csv: the file is empty (a header row is required)" "$err"
check "empty survey: no metrics.csv" test ! -e "$out/metrics.csv"

run empty-timesheet survey.csv empty.csv rules.ini
check "empty timesheet exits 1 (got $st)" test "$st" = 1
check "empty timesheet: message" grep -q "empty.csv: the file is empty (a header row is required)" "$err"

run empty-rules survey.csv timesheet.csv empty.csv
check "empty rules exits 2 (got $st)" test "$st" = 2
check "empty rules: names the missing name" grep -q "empty.csv: missing required key 'name' in \[organisation\]" "$err"

echo "$header_s" >"$tmp/survey-header.csv"
echo "$header_t" >"$tmp/timesheet-header.csv"
run header-survey survey-header.csv timesheet.csv rules.ini
check "header-only survey exits 1 (got $st)" test "$st" = 1
check "header-only survey: message" grep -q "survey-header.csv: no usable survey rows" "$err"

run header-timesheet survey.csv timesheet-header.csv rules.ini
check "header-only timesheet exits 0 (got $st)" test "$st" = 0
check "header-only timesheet: 0 rows read" test "$(metric header-timesheet data_quality timesheet-header.csv rows_read)" = 0
check "header-only timesheet: outputs whole" outputs_whole "$out"

# --- a 10 MB field --------------------------------------------------------------------
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
big = b"X" * (10 << 20)
s = open(d + "/survey.csv", "rb").read()
t = open(d + "/timesheet.csv", "rb").read()
open(d + "/survey-big.csv", "wb").write(s + big + b",2026-07-01,Sales,,1,3,3,3,3,3,,,\n")
open(d + "/timesheet-big.csv", "wb").write(t + b"E1,2026-07-01," + big + b",30,yes,1,Sales\n")
# 10 MB in a quoted field with 1000 line breaks, then a bad row: its line number
# must still be the physical line.
multi = (b"y" * 10000 + b"\n") * 1000
open(d + "/timesheet-multiline.csv", "wb").write(
    t + b'E1,2026-07-01,Report,30,yes,1,"' + multi + b'"\nE1,2026-07-40,Report,30,yes,1,Sales\n')
PY
run big-survey survey-big.csv timesheet.csv rules.ini
check "10 MB employee_id exits 0 (got $st)" test "$st" = 0
check "10 MB employee_id is rejected as too long" \
	has_reject big-survey survey-big.csv "$next_s" employee_id "too long (more than 64 characters)"
check "10 MB employee_id: outputs whole" outputs_whole "$out"

run big-timesheet survey.csv timesheet-big.csv rules.ini
check "10 MB use_case exits 0 (got $st)" test "$st" = 0
check "10 MB use_case is rejected as too long" \
	has_reject big-timesheet timesheet-big.csv "$next_t" use_case "too long (more than 100 characters)"

run big-multiline survey.csv timesheet-multiline.csv rules.ini
check "10 MB multi-line field exits 0 (got $st)" test "$st" = 0
check "line numbers stay physical after a 1000-line field" \
	has_reject big-multiline timesheet-multiline.csv $((next_t + 1001)) date "not a valid date"

# --- NUL bytes, invalid UTF-8, a BOM in the middle ------------------------------------
{ cat "$tmp/survey.csv"; printf 'E9\000,2026-07-01,Sales,,1,3,3,3,3,3,,,\nE10,2026-07-01,Sales,,1\000,3,3,3,3,3,,,\n'; } \
	>"$tmp/survey-nul.csv"
run nul survey-nul.csv timesheet.csv rules.ini
check "NUL bytes exit 0 (got $st)" test "$st" = 0
check "NUL inside a number is rejected" has_reject nul survey-nul.csv $((next_s + 1)) ai_days_per_week "not a number"
check "NUL inside an id: the row is used" no_reject_at nul "$next_s"
check "NUL bytes: outputs whole (no NUL written)" outputs_whole "$out"

sed 's/Sales/Verk\xe4uf/' "$tmp/survey.csv" >"$tmp/survey-1252.csv"
run cp1252 survey-1252.csv timesheet.csv rules.ini
check "invalid UTF-8 exits 0 (got $st)" test "$st" = 0
check "invalid UTF-8 is read as Windows-1252" grep -q ",department,Verkäuf," "$out/metrics.csv"
check "invalid UTF-8: outputs whole" outputs_whole "$out"
sed 's/^encoding.*//; s/^\[input\]/[input]\nencoding = utf-8/' "$tmp/rules.ini" >"$tmp/rules-utf8.ini"
run cp1252-forced survey-1252.csv timesheet.csv rules-utf8.ini
check "invalid UTF-8 with encoding = utf-8 exits 1 (got $st)" test "$st" = 1
check "invalid UTF-8 with encoding = utf-8 names file and line" \
	grep -q "survey-1252.csv:2: not valid UTF-8" "$err"

{ cat "$tmp/survey.csv"; printf '\357\273\277%s\n' "$header_s"; sed -n 2p "$tmp/survey.csv"; } \
	>"$tmp/survey-bom.csv"
run bom-middle survey-bom.csv timesheet.csv rules.ini
check "BOM in the middle exits 0 (got $st)" test "$st" = 0
check "BOM in the middle: the repeated header is a rejected row" \
	has_reject bom-middle survey-bom.csv "$next_s" submitted "not a valid date"
check "BOM in the middle: outputs whole" outputs_whole "$out"

# --- a million delimiters, mixed line endings, an unterminated quote -------------------
{ cat "$tmp/survey.csv"; head -c 1000000 /dev/zero | tr '\0' ','; echo; } >"$tmp/survey-delims.csv"
start=$(date +%s)
run delimiters survey-delims.csv timesheet.csv rules.ini
check "a million delimiters exits 1 (got $st)" test "$st" = 1
check "a million delimiters: names file, line and the limit" \
	grep -q "survey-delims.csv:$next_s: record has more than 10000 fields" "$err"
check "a million delimiters: no metrics.csv" test ! -e "$out/metrics.csv"
check "a million delimiters: fast (under 60 s)" test $(($(date +%s) - start)) -lt 60

# The limits of gen/csvin.h (README, Limits): 10 000 fields, 64 MiB per record.
python3 -c "print(','.join('c%d' % i for i in range(10001)))" >"$tmp/survey-columns.csv"
run columns survey-columns.csv timesheet.csv rules.ini
check "10 001 columns exits 1 (got $st)" test "$st" = 1
check "10 001 columns: names the header line" grep -q "survey-columns.csv:1: record has more than 10000 fields" "$err"
{ cat "$tmp/timesheet.csv"; printf 'E1,"'; head -c $((65 << 20)) /dev/zero | tr '\0' q; } >"$tmp/timesheet-huge.csv"
run huge-record survey.csv timesheet-huge.csv rules.ini
check "a record over 64 MiB exits 1 (got $st)" test "$st" = 1
check "a record over 64 MiB: names file, line and limit" \
	grep -q "timesheet-huge.csv:$next_t: record longer than 64 MiB" "$err"
check "a record over 64 MiB: rejects.csv of the rows before it" \
	has_reject huge-record timesheet-huge.csv 26 date "not a valid date"
rm -f "$tmp/timesheet-huge.csv"

python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
lines = open(d + "/timesheet.csv", "rb").read().split(b"\n")[:-1]
ends = [b"\n", b"\r\n", b"\r"]
out = b"".join(l + ends[i % 3] for i, l in enumerate(lines))
out += b"E1,2026-07-40,Report,30,yes,1,Sales\r\nE1,2026-07-02,Report,30,yes,1,Sales"
open(d + "/timesheet-mixed.csv", "wb").write(out)
PY
run mixed survey.csv timesheet-mixed.csv rules.ini
check "mixed line endings exit 0 (got $st)" test "$st" = 0
check "mixed line endings: physical line numbers" \
	has_reject mixed timesheet-mixed.csv "$next_t" date "not a valid date"
check "mixed line endings: every row read" \
	test "$(metric mixed data_quality timesheet-mixed.csv rows_read)" = $((timesheet_rows + 1))

{ cat "$tmp/timesheet.csv"; printf 'E1,2026-07-01,"Report,30,yes,1,Sales\nE2,2026-07-01,Report,30,yes,1,Sales\n'; } \
	>"$tmp/timesheet-quote.csv"
run quote survey.csv timesheet-quote.csv rules.ini
check "unterminated quote exits 0 (got $st)" test "$st" = 0
check "unterminated quote: one short record, rejected at its first line" \
	has_reject quote timesheet-quote.csv "$next_t" "" "wrong number of fields (3, header has 7)"
check "unterminated quote: outputs whole" outputs_whole "$out"

# --- numbers and dates ------------------------------------------------------------------
{ cat "$tmp/survey.csv"
  for v in 1e309 -0 00012 1.2.3; do echo "N$v,2026-07-01,Sales,,$v,3,3,3,3,3,,,"; done
  echo "N5,2026-07-01,Sales,,2,00003,3,3,3,3,,,"
} >"$tmp/survey-numbers.csv"
{ cat "$tmp/timesheet.csv"
  for v in 1e309 -0 00012 1.2.3; do echo "E1,2026-07-01,Report,$v,yes,1,Sales"; done
} >"$tmp/timesheet-numbers.csv"
run numbers survey-numbers.csv timesheet-numbers.csv rules.ini
check "numbers exit 0 (got $st)" test "$st" = 0
check "1e309 is not a number" has_reject numbers survey-numbers.csv "$next_s" ai_days_per_week "not a number"
check "-0 is accepted" no_reject_at numbers $((next_s + 1))
check "00012 is 12: out of range 0-7" has_reject numbers survey-numbers.csv $((next_s + 2)) ai_days_per_week "out of range 0-7"
check "1.2.3 is not a number" has_reject numbers survey-numbers.csv $((next_s + 3)) ai_days_per_week "not a number"
check "00003 is a Likert 3" no_reject_at numbers $((next_s + 4))
check "1e309 minutes is not a duration" has_reject numbers timesheet-numbers.csv "$next_t" minutes "not a duration"
check "1.2.3 minutes is not a duration" has_reject numbers timesheet-numbers.csv $((next_t + 3)) minutes "not a duration"
check "-0 and 00012 minutes are accepted" test "$(metric numbers data_quality timesheet-numbers.csv rows_rejected)" = \
	$(($(metric plain data_quality timesheet.csv rows_rejected) + 2))

{ cat "$tmp/survey.csv"
  echo "D1,0000-01-01,Sales,,1,3,3,3,3,3,,,"
  echo "D2,2026-07-01,Sales,,1,3,3,3,3,3,,9999-12-31,"
  echo "D3,31-04-2026,Sales,,1,3,3,3,3,3,,,"
  echo "D4,9999-12-31,Sales,,1,3,3,3,3,3,,,"
} >"$tmp/survey-dates.csv"
{ cat "$tmp/timesheet.csv"
  for v in 0000-01-01 9999-12-31 31-04-2026; do echo "E1,$v,Report,30,yes,1,Sales"; done
} >"$tmp/timesheet-dates.csv"
run dates survey-dates.csv timesheet-dates.csv rules.ini
check "dates exit 0 (got $st)" test "$st" = 0
check "0000-01-01 is not a date" has_reject dates survey-dates.csv "$next_s" submitted "not a valid date"
check "9999-12-31 is a date (training)" no_reject_at dates $((next_s + 1))
check "31-04-2026 is not a date" has_reject dates survey-dates.csv $((next_s + 2)) submitted "not a valid date"
check "0000-01-01 is not a date (timesheet)" has_reject dates timesheet-dates.csv "$next_t" date "not a valid date"
check "31-04-2026 is not a date (timesheet)" has_reject dates timesheet-dates.csv $((next_t + 2)) date "not a valid date"
check "a 9999 row does not move the rules' quarter" test -s "$out/metrics.csv"
check "dates: outputs whole" outputs_whole "$out"

# --- the rules file ---------------------------------------------------------------------
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
r = open(d + "/rules.ini", "rb").read()
name = b"name = Example Company B.V.\n"
# inih would cut this line at 199 bytes and read "headcount=5" as a key of its own
open(d + "/rules-long.ini", "wb").write(r.replace(name, b"name = " + b"N" * 280 + b"headcount=5\n"))
open(d + "/rules-dup.ini", "wb").write(r.replace(name, b"name = First Name\n" + name) + b"\n[organisation]\nname = Last Name\n")
open(d + "/rules-bom.ini", "wb").write(b"\xef\xbb\xbf" + r)
open(d + "/rules-noname.ini", "wb").write(r.replace(name, b""))
emoji = "\U0001F600".encode()
open(d + "/rules-emoji.ini", "wb").write(r.replace(name, b"name = " + emoji * 40 + b"\n"))
open(d + "/rules-emoji300.ini", "wb").write(r.replace(name, b"name = " + emoji * 75 + b"\n"))
PY
run rules-long survey.csv timesheet.csv rules-long.ini
check "300-byte rules line exits 2 (got $st)" test "$st" = 2
check "300-byte rules line: read whole, the name is too long" grep -q "rules-long.ini:3: 'name' in \[organisation\] is 291 characters long; at most 200 are supported" "$err"
check "300-byte rules line: its tail is no key of its own" bash -c "! grep -q headcount '$err'"
check "300-byte rules line: nothing written" test ! -e "$tmp/out-rules-long"

run rules-dup survey.csv timesheet.csv rules-dup.ini
check "duplicate keys exit 0 (got $st)" test "$st" = 0
check "duplicate keys: the last one wins" test -s "$tmp/out-rules-dup/last-name/2026-Q3/metrics.csv"

run rules-bom survey.csv timesheet.csv rules-bom.ini
check "rules with a BOM exit 0 (got $st)" test "$st" = 0
check "rules with a BOM read like without" cmp -s "$tmp/out-rules-bom/$report_dir/metrics.csv" "$tmp/out-plain/$report_dir/metrics.csv"

# A cost of 10^70 (a rules line could hold ~187 digits) is refused with exit 2:
# money in the rules stays below a billion, so every report can print it.
sed "s/^training_per_participant.*/training_per_participant = 1$(printf '%070d' 0)/" \
	"$tmp/rules.ini" >"$tmp/rules-bigcost.ini"
run rules-bigcost survey.csv timesheet.csv rules-bigcost.ini
check "a cost of 10^70 exits 2 (got $st)" test "$st" = 2
check "a cost of 10^70: message names the key and the bound" \
	grep -q "rules-bigcost.ini:[0-9]*: invalid value '1$(printf '%070d' 0)' for 'training_per_participant' in \[costs\]: expected a number from 0 to 1000000000" "$err"

run rules-noname survey.csv timesheet.csv rules-noname.ini
check "no [organisation] name exits 2 (got $st)" test "$st" = 2
check "no [organisation] name: message" grep -q "rules-noname.ini: missing required key 'name' in \[organisation\]" "$err"

# --- names of 300 bytes with emoji, formula injection ------------------------------------
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
e = "\U0001F600".encode() * 75                  # 300 bytes, 75 characters
s = open(d + "/survey.csv", "rb").read()
t = open(d + "/timesheet.csv", "rb").read()
open(d + "/survey-emoji.csv", "wb").write(s + e + b",2026-07-01,Sales,,1,3,3,3,3,3,,,\n" +
    b"F1,2026-07-01," + e + b"," + e + b",1,3,3,3,3,3,,," + e + b"\n")
rows = b"".join(b"E%d,2026-07-0%d,%s,20,yes,1,%s\n" % (i, i, e, e) for i in range(1, 4))
open(d + "/timesheet-emoji.csv", "wb").write(t + rows)
h = b'"=HYPERLINK(""x"")"'
rows = b"".join(b"E%d,2026-07-0%d,%s,20,yes,1,Sales\n" % (i, i, h) for i in range(1, 4))
open(d + "/timesheet-formula.csv", "wb").write(t + b"E1,2026-07-01," + h + b",30,no,1,Sales\n" + rows +
    b"E1," + h + b",Report,30,yes,1,Sales\n")
PY
run emoji survey-emoji.csv timesheet-emoji.csv rules.ini
check "300-byte emoji names exit 0 (got $st)" test "$st" = 0
check "300-byte emoji employee_id is too long" has_reject emoji survey-emoji.csv "$next_s" employee_id "too long (more than 64 characters)"
check "300-byte emoji department (75 characters) is accepted" no_reject_at emoji $((next_s + 1))
check "300-byte emoji use case in metrics.csv" grep -q "$(printf ',use_case,\360\237\230\200\360\237\230\200')" "$out/metrics.csv"
check "300-byte emoji names: outputs whole" outputs_whole "$out"

run emoji-org survey.csv timesheet.csv rules-emoji.ini
check "emoji organisation name exits 0 (got $st)" test "$st" = 0
check "emoji organisation name: folder 'organisation'" test -s "$tmp/out-emoji-org/organisation/2026-Q3/assessment.pdf"
run emoji-org300 survey.csv timesheet.csv rules-emoji300.ini
check "300-byte emoji organisation name exits 0 (got $st)" test "$st" = 0
check "300-byte emoji organisation name: folder 'organisation'" test -s "$tmp/out-emoji-org300/organisation/2026-Q3/metrics.csv"

run formula survey.csv timesheet-formula.csv rules.ini
check "formula use case exits 0 (got $st)" test "$st" = 0
check "metrics.csv neutralises =HYPERLINK" grep -q "^2026-Q3,use_case,\"'=HYPERLINK(\"\"x\"\")\",ai_users,3,ok$" "$out/metrics.csv"
check "rejects.csv neutralises =HYPERLINK" grep -q "^timesheet-formula.csv,$((next_t + 4)),date,\"'=HYPERLINK(\"\"x\"\")\",not a valid date$" "$out/rejects/rejects.csv"
check "roi.xlsx holds =HYPERLINK as text, never a formula" python3 - "$out/roi.xlsx" <<'PY'
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
assert "HYPERLINK" in text, "use case missing"
assert not re.search(r"<f>[^<]*HYPERLINK", text, re.I), "written as a formula"
PY
check "formula use case: outputs whole" outputs_whole "$out"

# --- a corrupt PNG logo -------------------------------------------------------------------
python3 - "$tmp" <<'PY'
import sys, struct, zlib
d = sys.argv[1]
def chunk(t, data, crc=None):
    c = zlib.crc32(t + data) & 0xFFFFFFFF if crc is None else crc
    return struct.pack(">I", len(data)) + t + data + struct.pack(">I", c)
sig = b"\x89PNG\r\n\x1a\n"
def ihdr(w, h, depth=8, colour=2):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, 0))
rows = b"".join(b"\x00" + b"\xff\x00\x00" * 16 for _ in range(16))
end = chunk(b"IEND", b"")
logos = {
    "garbage": sig + b"garbage" * 20,
    "truncated": sig + ihdr(16, 16),
    "badzlib": sig + ihdr(16, 16) + chunk(b"IDAT", b"\x00\x01notzlib") + end,
    "shortdata": sig + ihdr(16, 16) + chunk(b"IDAT", zlib.compress(rows[:100])) + end,
    "badcrc": sig + ihdr(16, 16) + chunk(b"IDAT", zlib.compress(rows), crc=1) + end,
    "huge": sig + ihdr(100000, 100000) + chunk(b"IDAT", zlib.compress(rows)) + end,
    "nopalette": sig + ihdr(16, 16, 8, 3) + chunk(b"IDAT", zlib.compress(rows)) + end,
}
r = open(d + "/rules.ini", "rb").read()
for k, v in logos.items():
    open("%s/logo-%s.png" % (d, k), "wb").write(v)
    open("%s/rules-logo-%s.ini" % (d, k), "wb").write(
        r.replace(b"currency = EUR\n", b"currency = EUR\nlogo = logo-%s.png\n" % k.encode()))
PY
for k in garbage truncated badzlib shortdata badcrc huge nopalette; do
	run "logo-$k" survey.csv timesheet.csv "rules-logo-$k.ini"
	check "corrupt logo ($k) exits 0 (got $st)" test "$st" = 0
	check "corrupt logo ($k): a warning names the logo" grep -q "logo-$k.png" "$err"
	check "corrupt logo ($k): outputs whole" outputs_whole "$out"
done

finish
