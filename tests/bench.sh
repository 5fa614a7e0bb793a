#!/usr/bin/env bash
# make bench: generates 100k, 1M and 10M timesheet rows (250 employees; 10k survey
# rows) in a temporary folder, runs the whole pipeline (all four outputs and the
# history) RUNS times per size with --threads 1 and with one thread per CPU (and
# with --no-history: the four outputs alone), and prints the median wall
# times, rows/s and MB/s (all threads), the highest peak RSS, the median time of
# `cat FILE > /dev/null` as the floor, and the ratio of peak RSS 10M / 100k
# (SPEC §10).  The machine's load average is printed first: other work on the
# cores makes the figures worse.  SIZES and RUNS may be overridden.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sizes=${SIZES:-"100000 1000000 10000000"}
runs=${RUNS:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/aireport-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/rules.ini" <<'INI'
[organisation]
name = Benchmark B.V.
[period]
quarter = 2026-Q3
program_start = 2024-01-01
[costs]
training_per_participant = 1500
license_per_active_user_month = 20
program_fixed_per_quarter = 3000
[rates]
default = 60
[rates.department]
Productie = 55
INI

# median FILE...: the median of the numbers on stdin.
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed THREADS DIR [TAG OPTION...]: one run of the whole pipeline; appends "secs kb"
# to DIR/times-THREADS (DIR/times-TAG).
timed() {
	local threads=$1 dir=$2 tag=${3:-$1}
	shift 3 2>/dev/null || shift $#
	rm -rf "$dir/out"
	/usr/bin/time -f '%e %M' -o "$dir/time" "$root/aireport" -q --threads "$threads" \
		-s "$dir/survey.csv" -t "$dir/timesheet.csv" -r "$tmp/rules.ini" -o "$dir/out" "$@"
	cat "$dir/time" >>"$dir/times-$tag"
}
cpus=$(nproc)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $cpus CPUs"
printf '%-9s %7s %7s %9s %9s %11s %8s %9s %12s\n' rows MB "cat s" "1 thr s" "$cpus thr s" rows/s MB/s \
	"peak RSS" "no history s"
declare -A rss
for n in $sizes; do
	dir=$tmp/$n
	mkdir -p "$dir"
	tests/gen_data --out "$dir" --timesheet-rows "$n" --employees 250 --survey-rows 10000
	bytes=$(( $(stat -c %s "$dir/timesheet.csv") + $(stat -c %s "$dir/survey.csv") ))
	cats=()
	for ((i = 0; i < runs; i++)); do
		start=$(date +%s.%N)
		cat "$dir/timesheet.csv" >/dev/null
		end=$(date +%s.%N)
		cats+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
		timed 1 "$dir"
		timed "$cpus" "$dir"
		timed "$cpus" "$dir" nohist --no-history
	done
	for f in metrics.csv rejects/rejects.csv assessment.pdf roi.xlsx; do
		test -s "$dir/out/benchmark-b-v/2026-Q3/$f" || { echo "missing $f" >&2; exit 1; }
	done
	cat_s=$(printf '%s\n' "${cats[@]}" | median)
	one=$(cut -d' ' -f1 "$dir/times-1" | median)
	all=$(cut -d' ' -f1 "$dir/times-$cpus" | median)
	nohist=$(cut -d' ' -f1 "$dir/times-nohist" | median)
	peak=$(cut -d' ' -f2 "$dir/times-1" "$dir/times-$cpus" | sort -g | tail -1)
	awk -v n="$n" -v b="$bytes" -v c="$cat_s" -v o="$one" -v t="$all" -v kb="$peak" \
		-v nh="$nohist" 'BEGIN {
		if (t <= 0) t = 0.001
		printf "%-9d %7.1f %7.3f %9.3f %9.3f %11.0f %8.1f %6.1f MB %12.3f\n", n, b / 1e6, c, o, t,
		       n / t, b / 1e6 / t, kb / 1024, nh }'
	rss[$n]=$peak
	rm -f "$dir"/*.csv
done
if [ -n "${rss[100000]:-}" ] && [ -n "${rss[10000000]:-}" ]; then
	awk -v a="${rss[10000000]}" -v b="${rss[100000]}" \
		'BEGIN { printf "peak RSS 10M / 100k = %.2f (limit 1.5)\n", a / b }'
fi

# The same rows as an .xlsx timesheet (written by libxlsxwriter, tests/csv2xlsx),
# beside the CSV of the same rows: time and peak RSS, flat in the row count.
xlsx_sizes=${XLSX_SIZES:-"100000 1000000"}
printf '\n%-10s %10s %10s %12s %10s %10s\n' "xlsx rows" "xlsx MB" "median s" "rows/s" "peak RSS" "CSV s"
for n in $xlsx_sizes; do
	dir=$tmp/xlsx-$n
	mkdir -p "$dir"
	tests/gen_data --out "$dir" --timesheet-rows "$n" --employees 250 --survey-rows 10000
	tests/csv2xlsx "$dir/timesheet.csv" "$dir/timesheet.xlsx"
	declare -A med
	peak=0
	for kind in xlsx csv; do
		times=()
		for ((i = 0; i < runs; i++)); do
			rm -rf "$dir/out"
			/usr/bin/time -f '%e %M' -o "$dir/time" "$root/aireport" -q -s "$dir/survey.csv" \
				-t "$dir/timesheet.$kind" -r "$tmp/rules.ini" -o "$dir/out"
			read -r secs kb <"$dir/time"
			times+=("$secs")
			[ "$kind" = xlsx ] && [ "$kb" -gt "$peak" ] && peak=$kb
		done
		med[$kind]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	done
	awk -v n="$n" -v b="$(stat -c %s "$dir/timesheet.xlsx")" -v t="${med[xlsx]}" -v kb="$peak" \
		-v c="${med[csv]}" 'BEGIN { if (t <= 0) t = 0.001
		printf "%-10d %10.1f %10.3f %12.0f %7.1f MB %10.3f\n", n, b / 1e6, t, n / t, kb / 1024, c }'
	rm -rf "$dir"
done
echo

# --batch: 20 clients of BATCH_ROWS timesheet rows, -j 1 against -j 2 (SPEC §9), each
# client on one thread (--threads 1), so the figure is the scaling over processes.
batch_rows=${BATCH_ROWS:-200000}
clients=$tmp/clients
tests/gen_data --out "$tmp/client" --timesheet-rows "$batch_rows" --employees 250 --survey-rows 10000
for i in $(seq -w 1 20); do
	mkdir -p "$clients/client-$i"
	ln "$tmp/client/survey.csv" "$tmp/client/timesheet.csv" "$clients/client-$i/"
	sed "s/^name = .*/name = Client $i/" "$tmp/rules.ini" >"$clients/client-$i/rules.ini"
done
declare -A batch
for j in 1 2; do
	times=()
	for ((i = 0; i < runs; i++)); do
		rm -rf "$tmp/batch-out"
		start=$(date +%s.%N)
		"$root/aireport" -q --batch "$clients" -o "$tmp/batch-out" -j "$j" --threads 1
		end=$(date +%s.%N)
		times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
	done
	batch[$j]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	printf 'batch 20 clients x %d rows, -j %d: median %.3f s\n' "$batch_rows" "$j" "${batch[$j]}"
done
awk -v a="${batch[1]}" -v b="${batch[2]}" 'BEGIN { printf "batch speed-up -j 2 / -j 1 = %.2f (target 1.7)\n", a / b }'
