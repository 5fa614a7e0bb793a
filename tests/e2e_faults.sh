#!/usr/bin/env bash
# Faults while writing: a read-only output folder, a full disk, SIGTERM and SIGINT
# in the middle of a run.  Each must end with exit status 3 (or the signal's), leave
# no temporary file and no new report under its final name, and keep the reports of
# an earlier run in the same folder byte for byte.
# The full disk is a small tmpfs; it needs mount (root) and is skipped otherwise.
# Every run here leaves the history alone (--no-history): these are the reports'
# own faults, the history's are tests/e2e_history.sh's, and the larger runs must not
# read the earlier run's quarters from it.
# Uses $AIREPORT_BIN when set (make test-asan), else ./aireport.
# Prints "faults: N passed, N failed".
set -u
suite=faults
source "$(dirname "$0")/lib_e2e.sh"
mounts=()
cleanup() {
	local m
	for m in "${mounts[@]+"${mounts[@]}"}"; do umount "$m" 2>/dev/null; done
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

if [ ! -x "$bin" ] || [ ! -x tests/gen_data ]; then
	echo "faults: $bin or tests/gen_data is not built"
	echo "faults: 0 passed, 1 failed"
	exit 1
fi
chmod 755 "$tmp"

# Two runs of one client (same organisation and quarter): a small earlier one whose
# reports must survive, and a large one (100 000 use cases: long to write) that is
# made to fail.
cat >"$tmp/rules.ini" <<'INI'
[organisation]
name = Fault B.V.
language = en
[period]
quarter = 2026-Q3
program_start = 2026-01-01
[input]
max_reject_ratio = 100%
[costs]
program_fixed_per_quarter = 3000
[rates]
default = 60
INI
tests/gen_data --out "$tmp" >/dev/null
awk 'BEGIN {
	print "employee_id,date,use_case,minutes,ai_assisted,items,department"
	for (u = 0; u < 100000; u++)
		for (e = 1; e <= 3; e++)
			printf "VM%03d,2026-07-%02d,Use case %06d,%d,%s,1,Verkoop\n", e, 1 + u % 28, u, 30 + e, (e == 2 ? "no" : "yes")
}' >"$tmp/large.csv"
reports="rejects/rejects.csv metrics.csv assessment.pdf roi.xlsx"
period=fault-b-v/2026-Q3

# earlier OUT: writes the small run's reports into OUT and keeps a copy of them.
earlier() {
	local out=$1
	"$bin" -q --no-history -s "$tmp/survey.csv" -t "$tmp/timesheet.csv" -r "$tmp/rules.ini" -o "$out" || return 1
	rm -rf "$tmp/saved" && cp -r "$out/$period" "$tmp/saved"
}
# intact OUT: the earlier reports are there, unchanged, and nothing else is.
intact() {
	local dir=$1/$period f
	for f in $reports; do
		cmp -s "$dir/$f" "$tmp/saved/$f" || { echo "$dir/$f changed or missing" >&2; return 1; }
	done
	[ "$(ls -A "$dir" | sort | tr '\n' ' ')" = "assessment.pdf metrics.csv rejects roi.xlsx " ] ||
		{ echo "unexpected files in $dir: $(ls -A "$dir")" >&2; return 1; }
	[ "$(ls -A "$dir/rejects")" = "rejects.csv" ] ||
		{ echo "unexpected files in $dir/rejects: $(ls -A "$dir/rejects")" >&2; return 1; }
}
# large OUT: the large run; sets st and err.
large() {
	err=$tmp/err
	"$bin" -q --no-history -s "$tmp/survey.csv" -t "$tmp/large.csv" -r "$tmp/rules.ini" -o "$1" 2>"$err"
	st=$?
}

# --- the output folder is read-only ----------------------------------------------------
# root writes anywhere, so as root the run is made as user nobody.
as_user=()
if [ "$(id -u)" = 0 ]; then
	as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
fi
out=$tmp/out-readonly
earlier "$out"
chmod 555 "$out/$period"
err=$tmp/err
"${as_user[@]+"${as_user[@]}"}" "$bin" -q --no-history -s "$tmp/survey.csv" -t "$tmp/large.csv" \
	-r "$tmp/rules.ini" -o "$out" 2>"$err"
st=$?
check "read-only folder exits 3 (got $st)" test "$st" = 3
check "read-only folder: one clear message" grep -Eq "fault-b-v/2026-Q3(/rejects)?: cannot write: Permission denied" "$err"
check "read-only folder: earlier reports intact" intact "$out"
chmod 755 "$out/$period"

# The output root itself read-only: the client's folder cannot be made.
mkdir -p "$tmp/out-noroot" && chmod 555 "$tmp/out-noroot"
"${as_user[@]+"${as_user[@]}"}" "$bin" -q --no-history -s "$tmp/survey.csv" -t "$tmp/timesheet.csv" \
	-r "$tmp/rules.ini" -o "$tmp/out-noroot" 2>"$err"
st=$?
check "read-only output root exits 3 (got $st)" test "$st" = 3
check "read-only output root: names the folder" grep -q "out-noroot/fault-b-v.*cannot create folder: Permission denied" "$err"

# A read-only file system, when mount is allowed.
out=$tmp/out-rofs
mkdir -p "$out"
if mount -t tmpfs -o size=16m tmpfs "$out" 2>/dev/null; then
	mounts+=("$out")
	earlier "$out"
	if mount -o remount,ro "$out" 2>/dev/null; then
		large "$out"
		check "read-only file system exits 3 (got $st)" test "$st" = 3
		check "read-only file system: one clear message" grep -q "cannot write: Read-only file system" "$err"
		check "read-only file system: earlier reports intact" intact "$out"
	else
		echo "faults: read-only file system: skipped (remount not permitted)"
	fi
	umount "$out" && mounts=()
else
	echo "faults: read-only file system: skipped (mount -t tmpfs not permitted)"
fi

# --- the disk is full ---------------------------------------------------------------------
out=$tmp/out-full
mkdir -p "$out"
if mount -t tmpfs -o size=2m tmpfs "$out" 2>/dev/null; then
	mounts+=("$out")
	earlier "$out"
	large "$out"
	check "full disk exits 3 (got $st)" test "$st" = 3
	check "full disk: one clear message" grep -q "cannot write: No space left on device" "$err"
	check "full disk: exactly one line" test "$(wc -l <"$err")" = 1
	check "full disk: earlier reports intact, no temporary files" intact "$out"
	# Full before the first byte: even rejects.csv cannot be started.
	rm -rf "${out:?}/fault-b-v"
	head -c 4m /dev/zero >"$out/filler" 2>/dev/null
	large "$out"
	check "disk full from the start exits 3 (got $st)" test "$st" = 3
	check "disk full from the start: no reports" test -z "$(find "$out" -name '*.csv' -o -name '*.pdf' -o -name '*.xlsx' -o -name '.*.??????')"
	umount "$out" && mounts=()
else
	echo "faults: disk full: skipped (mount -t tmpfs not permitted; run as root)"
fi

# --- SIGTERM and SIGINT ------------------------------------------------------------------
# signal_run SIG WHEN: starts the large run and sends SIG as soon as WHEN is true
# (polled every 10 ms); sets st.
signal_run() {
	local sig=$1 when=$2 i   # $3 = ignored: leave SIGINT ignored
	out=$tmp/out-$sig
	rm -rf "$out"
	earlier "$out"
	# A background job of a script starts with SIGINT ignored (and so may this whole
	# script, when its caller ran it in the background), and aireport keeps an
	# ignored signal ignored, as nohup wants: env restores the default first, or
	# ignores it explicitly for the "ignored" case.
	local disposition=--default-signal=INT
	[ "${3:-}" = ignored ] && disposition=--ignore-signal=INT
	env "$disposition" "$bin" -q --no-history -s "$tmp/survey.csv" -t "$tmp/large.csv" -r "$tmp/rules.ini" \
		-o "$out" 2>"$tmp/err" &
	local pid=$!
	for ((i = 0; i < 3000; i++)); do
		if eval "$when"; then break; fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.01
	done
	kill -s "$sig" "$pid" 2>/dev/null
	wait "$pid"
	st=$?
}
# "In the middle of writing": every temporary report file exists.
writing='test -n "$(find "$out/$period" -name ".roi.xlsx.??????")"'
for sig in TERM INT; do
	code=$((128 + $(kill -l "$sig")))
	signal_run "$sig" "$writing"
	check "SIG$sig while writing exits $code (got $st)" test "$st" = "$code"
	check "SIG$sig while writing: earlier reports intact, no temporary files" intact "$out"
done
# A SIGINT the caller ignores (a script's background job, nohup) stays ignored: the
# run completes with exit 0 and four new reports.
signal_run INT "$writing" ignored
check "ignored SIGINT: the run completes (got $st)" test "$st" = 0
check "ignored SIGINT: no temporary files" test -z "$(find "$out" -name '.*' ! -name .aireport.lock)"
check "ignored SIGINT: the new metrics.csv is in place" test "$out/$period/metrics.csv" -nt "$tmp/saved/metrics.csv"

# SIGTERM at the first rename: the run may finish its renames or not, but the folder
# always holds the four reports of one run, never a mix of both.
rm -rf "$tmp/out-ref"
large "$tmp/out-ref"
cp -r "$tmp/out-ref/$period" "$tmp/new"
one_run() {
	local dir=$1/$period f old=0 new=0
	for f in $reports; do
		cmp -s "$dir/$f" "$tmp/saved/$f" && old=$((old + 1))
		cmp -s "$dir/$f" "$tmp/new/$f" && new=$((new + 1))
	done
	[ "$old" = 4 ] || [ "$new" = 4 ] || { echo "mixed reports: $old earlier, $new new" >&2; return 1; }
	[ -z "$(find "$dir" -name '.*' ! -name .aireport.lock)" ]
}
signal_run TERM 'test -n "$(find "$out/$period" -name rejects.csv -newer "$tmp/saved/rejects/rejects.csv")"'
check "SIGTERM at the renames exits 0 or 143 (got $st)" test "$st" = 0 -o "$st" = 143
check "SIGTERM at the renames: the reports of one run" one_run "$out"

signal_run TERM 'sleep 0.2; true'
check "SIGTERM while reading exits 143 (got $st)" test "$st" = 143
check "SIGTERM while reading: earlier reports intact, no temporary files" intact "$out"

finish
