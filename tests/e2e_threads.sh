#!/usr/bin/env bash
# The timesheet read on several cores (--threads, chunk.c, ts_merge.c) gives what
# one core gives, byte for byte (reports, rejects.csv, --check, stderr, exit
# status), also with chunks of a few bytes that cut quoted fields with line
# breaks, CRLF pairs and multi-byte characters: the worked example, a hostile
# timesheet (every reading rule of SPEC §11 in one file, rejects between chunks,
# an '@' id folded to lower case, durations off the 1/1024 grid that force the
# reading in order), the same with a windows-1252 byte near the end (found by a
# chunk: all is read again in order), month-first dates (read twice), a record
# over the field limit, a large file of generated rows, and some of them as an .xlsx
# (its sheet inflated on another core), whole and damaged.  Prints "threads: N
# passed, N failed".
set -u
suite=threads
source "$(dirname "$0")/lib_e2e.sh"
we=$root/tests/worked-example

threads_agree "worked example" -q -s "$we/survey.csv" -t "$we/timesheet.csv" \
	-r "$we/rules.ini" -o "$tmp/out"
threads_agree "worked example --check" --check -s "$we/survey.csv" -t "$we/timesheet.csv" \
	-r "$we/rules.ini" -o "$tmp/out"

# hostile.csv: the worked example's rows many times over, each copy bent another way.
python3 - "$we/timesheet.csv" "$tmp" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
header, data = rows[0], rows[1:]
out = []
def put(cells, end="\n"):
    out.append(",".join(cells) + end)
put(header, "\r\n")
for copy in range(40):
    for i, r in enumerate(data):
        r = list(r)
        k = (copy * len(data) + i) % 17
        end = "\r\n" if k % 2 else "\n"
        if k == 0:
            r[2] = '"' + r[2] + ' ""quoted""\r\nover two lines"'
        elif k == 1:
            r[6] = '"Sales é\nSüd 😀"'
        elif k == 2:
            r[1] = "2026-13-45"                      # rejected: not a date
        elif k == 3:
            r[4] = "maybe"                           # rejected: not yes/no
        elif k == 4:
            r[0] = r[0].replace("E", "Emp@Example.COM.")  # folded to lower case
        elif k == 5:
            r[2] = '"' + r[2] + '"tail'              # text after a closing quote
        elif k == 6:
            r[3] = " " + r[3] + " "                  # blanks around a number
        elif k == 7:
            out.append("\n   \r\n")                  # blank lines
        elif k == 8:
            r[5] = "x1"                              # rejected items
        elif k == 9 and copy == 30:
            r[3] = "0.1"                             # off the 1/1024 grid
        elif k == 10:
            r[2] = "Übersetzung ✓ " + r[2]
        elif k == 11:
            r = r[:-1]                               # wrong number of fields
        elif k == 12:
            end = "\r"                               # a lone CR ends the line
        put(r, end)
open(f"{sys.argv[2]}/hostile.csv", "w", encoding="utf-8", newline="").write("".join(out))
# month-first dates: read day-first, then again month-first
mdy = [header] + [[r[0], f"{r[1][5:7]}/{r[1][8:10]}/{r[1][0:4]}"] + r[2:] for r in data * 30]
with open(f"{sys.argv[2]}/mdy.csv", "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(mdy)
# a record with more fields than the reader takes, after some good rows
with open(f"{sys.argv[2]}/wide.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerows([header] + data * 20)
    f.write("E1" + "," * 10001 + "\n")
    w.writerows(data * 5)
# not UTF-8 after all: a windows-1252 byte near the end (read again in order)
raw = open(f"{sys.argv[2]}/hostile.csv", "rb").read()
raw += b"".join(raw.split(b"\n", 1)[1:]) * 4    # past the first piece read
open(f"{sys.argv[2]}/late1252.csv", "wb").write(raw + b"E1,2026-09-01,Gr\xfc\xdfe,30,yes,1,Sales\n")
# (with a column nobody reads: the header's warning must be printed once)
small = [l + b",x" for l in open(sys.argv[1], "rb").read().split(b"\n") if l]
small[0] = small[0][:-2] + b",Notes"
open(f"{sys.argv[2]}/small1252.csv", "wb").write(
    b"\n".join(small) + b"\nE1,2026-09-01,Gr\xfc\xdfe,30,yes,1,Sales,x\n")
raw = open(f"{sys.argv[2]}/wide.csv", "rb").read()
open(f"{sys.argv[2]}/wide1252.csv", "wb").write(raw + b"E1,2026-09-01,Gr\xfc\xdfe,30,yes,1,Sales\n")
PY
sed 's/^max_reject_ratio = .*/max_reject_ratio = 60%/' "$we/rules.ini" >"$tmp/rules.ini"
check "the hostile file has every kind of row" grep -q 'over two lines' "$tmp/hostile.csv"
threads_agree "hostile timesheet" -q -s "$we/survey.csv" -t "$tmp/hostile.csv" \
	-r "$tmp/rules.ini" -o "$tmp/out"
threads_agree "hostile timesheet --check" --check -s "$we/survey.csv" -t "$tmp/hostile.csv" \
	-r "$tmp/rules.ini" -o "$tmp/out"
threads_agree "hostile timesheet from a pipe" -q -s "$we/survey.csv" -t /dev/stdin \
	-r "$tmp/rules.ini" -o "$tmp/out" <"$tmp/hostile.csv"
"$bin" -q --threads 2 -s "$we/survey.csv" -t "$tmp/hostile.csv" -r "$tmp/rules.ini" -o "$tmp/o2"
tail -n +2 "$tmp"/o2/*/*/rejects/rejects.csv | grep hostile.csv | cut -d, -f2 >"$tmp/o2-lines"
check "the hostile timesheet's rejects are listed in line order ($(wc -l <"$tmp/o2-lines") rows)" \
	bash -c "test -s '$tmp/o2-lines' && sort -c -n '$tmp/o2-lines'"
threads_agree "windows-1252, the first line ASCII" -s "$we/survey.csv" \
	-t "$tmp/small1252.csv" -r "$tmp/rules.ini" -o "$tmp/out"
CHUNKS="2: 4: 2:997 4:4096" threads_agree "UTF-8 up to a windows-1252 byte near the end" -s "$we/survey.csv" \
	-t "$tmp/late1252.csv" -r "$tmp/rules.ini" -o "$tmp/out"
threads_agree "a record over the field limit, a windows-1252 byte after it" -s "$we/survey.csv" \
	-t "$tmp/wide1252.csv" -r "$tmp/rules.ini" -o "$tmp/out"
threads_agree "month-first dates" -q -s "$we/survey.csv" -t "$tmp/mdy.csv" \
	-r "$tmp/rules.ini" -o "$tmp/out"
threads_agree "a record over the field limit" -q -s "$we/survey.csv" -t "$tmp/wide.csv" \
	-r "$tmp/rules.ini" -o "$tmp/out"
"$bin" -q --threads 2 -s "$we/survey.csv" -t "$tmp/wide.csv" -r "$tmp/rules.ini" -o "$tmp/o3" \
	2>"$tmp/wide.err"
check "the field limit names line 502" grep -q 'wide.csv:502: record has more than' "$tmp/wide.err"

# Large enough for the default chunks: 4 MiB chunks over some 30 MiB.
if [ -x tests/gen_data ]; then
	tests/gen_data --out "$tmp/big" --timesheet-rows 600000 --employees 250 --survey-rows 2000 \
		>/dev/null
	CHUNKS='2: 4: 2:1000003' threads_agree "600k generated rows" -q \
		-s "$tmp/big/survey.csv" -t "$tmp/big/timesheet.csv" -r "$we/rules.ini" -o "$tmp/out"
fi
# An .xlsx timesheet whose sheet is inflated on another core (over 1 MiB of XML),
# and the same workbook with a wrong CRC for its sheet: the same outputs, the
# same error line.
if [ -x tests/gen_data ] && [ -x tests/csv2xlsx ]; then
	head -60001 "$tmp/big/timesheet.csv" >"$tmp/big/ts60k.csv"
	tests/csv2xlsx "$tmp/big/ts60k.csv" "$tmp/big/ts60k.xlsx" >/dev/null
	CHUNKS='2: 4:' threads_agree "60k rows as .xlsx" -q \
		-s "$tmp/big/survey.csv" -t "$tmp/big/ts60k.xlsx" -r "$we/rules.ini" -o "$tmp/out"
	# the sheet's CRC flipped: libzip finds it at the end of the inflated data
	python3 - "$tmp/big/ts60k.xlsx" "$tmp/big/damaged.xlsx" <<'PY'
import struct, sys
b = bytearray(open(sys.argv[1], "rb").read())
name = b"xl/worksheets/sheet1.xml"
for sig, size, crc, name_len in ((b"PK\x01\x02", 46, 16, 28), (b"PK\x03\x04", 30, 14, 26)):
    i = b.find(sig)
    while i >= 0:
        n = struct.unpack_from("<H", b, i + name_len)[0]
        if b[i + size:i + size + n] == name:
            b[i + crc] ^= 0xFF
        i = b.find(sig, i + 4)
open(sys.argv[2], "wb").write(b)
PY
	CHUNKS='2: 4:' threads_agree "a damaged .xlsx" -q \
		-s "$tmp/big/survey.csv" -t "$tmp/big/damaged.xlsx" -r "$we/rules.ini" -o "$tmp/out"
	"$bin" -q --threads 2 --no-history -s "$tmp/big/survey.csv" -t "$tmp/big/damaged.xlsx" \
		-r "$we/rules.ini" -o "$tmp/out" 2>"$tmp/damaged.err"; st=$?
	check "a damaged .xlsx is refused (exit $st)" test "$st" != 0
	check "a damaged .xlsx says its ZIP data is damaged" grep -q 'damaged ZIP data (CRC error)' \
		"$tmp/damaged.err"
fi
# With the history: its rows are written on a thread of their own beside the
# reports (--threads 2, 4) or after them (--threads 1).  A first run and a re-run
# with one changed answer of a published quarter (held back) give the same reports, messages (in the same order)
# and history rows (all but the pseudonyms, whose secret is new each time, and
# the wall-clock times) for every thread count.
sed -E '2s/,([1-3]),([1-3]),([1-3]),/,\3,\1,\2,/' "$we/survey.csv" >"$tmp/survey-changed.csv"
history_rows() {
	sqlite3 "$1" "SELECT version, description FROM migration;
		SELECT created, program_version, quarter, period, baseline_from, baseline_to,
		       publication FROM run ORDER BY id;
		SELECT * FROM run_input ORDER BY run, role; SELECT * FROM publication;
		SELECT * FROM figure; SELECT count(*) FROM person;
		SELECT * FROM timesheet_quarter; SELECT * FROM survey_quarter;
		SELECT * FROM timesheet_cell; SELECT * FROM baseline_cell; SELECT * FROM first_ai;
		SELECT * FROM survey_answer; SELECT key FROM meta"
}
for t in 1 2 4; do
	h=$tmp/with-history-$t
	mkdir -p "$h"
	for survey in "$we/survey.csv" "$tmp/survey-changed.csv"; do
		SOURCE_DATE_EPOCH=1700000000 "$bin" --threads "$t" -s "$survey" -t "$we/timesheet.csv" \
			-r "$we/rules.ini" -o "$h/out" >>"$h/stdout" 2>>"$h/stderr"
		echo "exit $?" >>"$h/stdout"
	done
	history_rows "$h/out/example-company-b-v/history.sqlite" >"$h/rows"
	sed -i "s|$h/out|OUT|g" "$h/stderr"
	mv "$h/out/example-company-b-v/2026-Q3" "$h/reports"
	rm -rf "$h/out"
done
check "with the history: both runs exit 0, the second holds back the changed answer" \
	test "$(grep -c '^exit 0$' "$tmp/with-history-1/stdout")" = 2 -a \
	-n "$(grep -F '1 survey answer held back' "$tmp/with-history-1/stderr")" -a \
	-s "$tmp/with-history-1/rows"
for t in 2 4; do
	check "with the history, --threads $t: same reports, messages and history rows as --threads 1" \
		diff -r "$tmp/with-history-1" "$tmp/with-history-$t"
done
"$bin" --threads 0 --help >/dev/null 2>&1; st=$?
check "--threads 0 is a usage error (exit $st)" test "$st" = 2
finish
