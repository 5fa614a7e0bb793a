#!/usr/bin/env bash
# End-to-end checks of .xlsx input (SPEC §2): the worked example's two CSV files
# turned into workbooks, once by openpyxl (dates as date cells, numbers as
# numbers) and once by LibreOffice, must give the same metrics.csv and
# rejects.csv as the CSV files, apart from the file names.  Then the one-line
# errors for an old .xls, an encrypted workbook and a damaged one.  Assumes
# ./aireport is built.  Prints "xlsx-input: N passed, N failed".
set -u
suite=xlsx-input
source "$(dirname "$0")/lib_e2e.sh"
py=/usr/bin/python3            # Debian's, with python3-openpyxl
we=tests/worked-example
period=example-company-b-v/2026-Q3

# File names in the data_quality groups and in rejects.csv back to the CSV names.
as_csv() { sed -e 's/survey\.xlsx/survey.csv/g' -e 's/timesheet\.xlsx/timesheet.csv/g' "$1"; }

# Runs the worked example on the workbooks in dir and compares its outputs.
check_workbooks() {
	local label=$1 dir=$2
	local st
	(cd "$dir" && "$bin" -q -s survey.xlsx -t timesheet.xlsx -r "$root/$we/rules.ini" \
		-o out 2>"$dir/stderr"); st=$?
	check "$label: exits 0 (got $st: $(head -c 300 "$dir/stderr"))" test "$st" = 0 || return
	check "$label: metrics.csv equals the CSV run's" \
		cmp -s <(as_csv "$dir/out/$period/metrics.csv") "$we/expected-metrics.csv"
	check "$label: rejects.csv equals the CSV run's" \
		cmp -s <(as_csv "$dir/out/$period/rejects/rejects.csv") "$we/expected-rejects.csv"
	check "$label: the data_quality groups name the workbooks" \
		grep -q '^2026-Q3,data_quality,survey.xlsx,rows_read,12,ok$' "$dir/out/$period/metrics.csv"
}

# --- openpyxl: real date cells and numbers -------------------------------------
check "python3-openpyxl is installed" "$py" -c "import openpyxl"
mkdir -p "$tmp/openpyxl"
"$py" tests/csv_to_xlsx.py "$we/survey.csv" "$tmp/openpyxl/survey.xlsx" Blad1 &&
"$py" tests/csv_to_xlsx.py "$we/timesheet.csv" "$tmp/openpyxl/timesheet.xlsx" Uren
check "openpyxl writes the workbooks" test -s "$tmp/openpyxl/timesheet.xlsx" &&
	check_workbooks openpyxl "$tmp/openpyxl"

# --- LibreOffice's own CSV import ------------------------------------------------
mkdir -p "$tmp/lo" "$tmp/lo-profile"
for f in survey timesheet; do
	soffice -env:UserInstallation="file://$tmp/lo-profile" --headless --norestore \
		--convert-to xlsx --outdir "$tmp/lo" "$we/$f.csv" >/dev/null 2>&1
done
check "LibreOffice writes the workbooks" test -s "$tmp/lo/timesheet.xlsx" &&
	check_workbooks libreoffice "$tmp/lo"

# --- libxlsxwriter (tests/csv2xlsx), a sheet chosen by name -----------------------
mkdir -p "$tmp/lxw"
tests/csv2xlsx "$we/survey.csv" "$tmp/lxw/survey.xlsx" &&
	tests/csv2xlsx "$we/timesheet.csv" "$tmp/lxw/timesheet.xlsx" Uren
check "libxlsxwriter writes the workbooks" test -s "$tmp/lxw/timesheet.xlsx" &&
	check_workbooks libxlsxwriter "$tmp/lxw"
{ cat "$we/rules.ini"; printf '[timesheet_input]\nsheet = Uren\n[survey_input]\nsheet = 1\n'; } \
	>"$tmp/lxw/rules-sheet.ini"
(cd "$tmp/lxw" && "$bin" -q -s survey.xlsx -t timesheet.xlsx -r rules-sheet.ini -o by-name)
check "sheet = Uren and sheet = 1 read the same figures" \
	cmp -s "$tmp/lxw/by-name/$period/metrics.csv" "$tmp/lxw/out/$period/metrics.csv"
printf '[timesheet_input]\nsheet = Blad9\n' | cat "$we/rules.ini" - >"$tmp/lxw/rules-nosheet.ini"
(cd "$tmp/lxw" && "$bin" -q -s survey.xlsx -t timesheet.xlsx -r rules-nosheet.ini -o none 2>err)
st=$?
check "a sheet that does not exist exits 1 (got $st)" test "$st" = 1
check "a sheet that does not exist is named with the sheets there are" \
	grep -q "Blad9.*Uren" "$tmp/lxw/err"

# --- files that cannot be read: one line, exit 1 ---------------------------------
# Runs aireport with the survey replaced by file; wants exit 1 and one stderr line
# containing text.
check_refused() {
	local label=$1 file=$2 text=$3
	local st out
	out=$("$bin" -q -s "$file" -t "$we/timesheet.csv" -r "$we/rules.ini" -o "$tmp/refused" 2>&1 >/dev/null); st=$?
	check "$label: exit 1 (got $st)" test "$st" = 1
	check "$label: one line naming the problem (got: $out)" \
		test "$(wc -l <<<"$out")" = 1 -a -n "$(grep -F -- "$text" <<<"$out")"
}
"$py" - "$tmp" <<'PY'
import struct, sys
tmp = sys.argv[1]
cfb = bytearray(2048)
cfb[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
open(tmp + "/old.xls", "wb").write(cfb)
name = "EncryptionInfo".encode("utf-16-le")
cfb[1024:1024 + len(name)] = name
cfb[1024 + 0x40:1024 + 0x42] = struct.pack("<H", len(name) + 2)
cfb[1024 + 0x42] = 2
open(tmp + "/locked.xlsx", "wb").write(cfb)
PY
check_refused "old .xls" "$tmp/old.xls" "old.xls: an Excel 97-2003 workbook (.xls) is not supported"
check_refused "encrypted" "$tmp/locked.xlsx" "locked.xlsx: the workbook is password-protected"
if [ -s "$tmp/openpyxl/survey.xlsx" ]; then
	head -c 2000 "$tmp/openpyxl/survey.xlsx" >"$tmp/cut.xlsx"
	check_refused "cut short" "$tmp/cut.xlsx" "cut.xlsx: not a readable ZIP archive"
fi

finish
