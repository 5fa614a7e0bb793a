#!/usr/bin/env bash
# Every figure of metrics.csv against an independent implementation of SPEC §4, §5
# and §11 (tests/reference/ref.py, written apart from gen/report.c) on random small
# companies: duplicates, invalid rows, ids in one file only, role, department and
# default rates, fixed and computed baselines, baseline windows, program starts
# before, inside and after the period, headcount overrides, k from 1 to 5, the three
# overall modes, the timesheet activity criterion.  SEEDS (default 30) sets how many.
# Each company is also read with --threads 1, 2 and 4 and in chunks of a few
# bytes (lib_e2e.sh threads_agree): all outputs byte for byte the same.
# Prints "reference: N passed, N failed".
set -u
suite=reference
source "$(dirname "$0")/lib_e2e.sh"
seeds=${SEEDS:-30}
for ((s = 1; s <= seeds; s++)); do
	d=$tmp/$s
	python3 tests/reference/gen.py "$s" "$d"
	(cd "$d" && "$bin" -q -s survey.csv -t timesheet.csv -r rules.ini -o out 2>err)
	st=$?
	if [ "$st" != 0 ]; then
		bad "seed $s exits $st: $(head -1 "$d/err")"
		continue
	fi
	tail -n +2 "$d"/out/probe/*/metrics.csv | cut -d, -f2- >"$d/got"
	(cd "$d" && python3 "$root/tests/reference/ref.py" survey.csv timesheet.csv rules.ini >want)
	if python3 tests/reference/cmp.py "$d/got" "$d/want" >"$d/diff"; then
		ok
	else
		bad "seed $s"; head -5 "$d/diff" >&2
	fi
	# the same, byte for byte, on 1, 2 and 4 threads and in chunks of a few bytes
	CHUNKS=${REF_CHUNKS:-"2: 4: 2:1 4:5 2:64"} threads_agree "seed $s" -q -s "$d/survey.csv" \
		-t "$d/timesheet.csv" -r "$d/rules.ini" -o "$d/out-threads"
done
finish
