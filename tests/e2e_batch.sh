#!/usr/bin/env bash
# --batch (SPEC §9): every client folder reported, a broken one does not stop the
# others, batch-summary.csv, exit status.  Prints "batch: N passed, N failed".
set -u
suite=batch
source "$(dirname "$0")/lib_e2e.sh"

clients=$tmp/clients
for c in alpha beta gamma delta; do
	mkdir -p "$clients/$c"
	cp tests/worked-example/survey.csv tests/worked-example/timesheet.csv "$clients/$c/"
	sed "s/^name = .*/name = Client $c/" tests/worked-example/rules.ini >"$clients/$c/rules.ini"
done
echo "bogus_key = 1" >>"$clients/beta/rules.ini"          # a rules error: exit 2
rm "$clients/gamma/timesheet.csv"                          # unreadable input: exit 3
mkdir -p "$clients/not-a-client"                           # no rules.ini: skipped

"$bin" --batch "$clients" -o "$tmp/out" -j 2 >"$tmp/stdout" 2>"$tmp/stderr"; st=$?
check "exit status is the worst client's (got $st)" test "$st" = 3
summary=$tmp/out/batch-summary.csv
check "batch-summary.csv written" test -s "$summary"
check "summary header" test "$(head -1 "$summary")" = "client,period,status,rows,seconds,message"
check "four clients in the summary" test "$(tail -n +2 "$summary" | wc -l)" = 4
check "alpha ok with 37 rows" grep -q '^alpha,2026-Q3,ok,37,' "$summary"
check "delta ok" grep -q '^delta,2026-Q3,ok,37,' "$summary"
check "beta reported as a rules error" grep -q '^beta,,rules error,0,' "$summary"
check "gamma reported as an i/o error" grep -q '^gamma,.*,i/o error,' "$summary"
check "the good clients' reports exist" test -s "$tmp/out/client-alpha/2026-Q3/metrics.csv" -a \
	-s "$tmp/out/client-delta/2026-Q3/roi.xlsx"
check "their figures are the worked example's" bash -c "diff <(grep -v data_quality '$tmp/out/client-alpha/2026-Q3/metrics.csv' | cut -d, -f2-) <(grep -v data_quality tests/worked-example/expected-metrics.csv | cut -d, -f2-) >/dev/null"
check "the rules error is named on stderr" grep -q "beta/rules.ini:.*bogus_key" "$tmp/stderr"
check "one progress line per client" test "$(grep -c '^aireport: \[[0-9]/4\]' "$tmp/stderr")" = 4
check "summary table printed" grep -q "4 clients, 2 failed" "$tmp/stdout"

"$bin" --batch "$tmp/nowhere" -o "$tmp/out2" 2>"$tmp/stderr"; st=$?
check "missing batch folder exits 3 (got $st)" test "$st" = 3
rm -rf "$clients/beta" "$clients/gamma"
"$bin" -q --batch "$clients" -o "$tmp/out3" -j 1; st=$?
check "all clients ok exits 0 (got $st)" test "$st" = 0

finish
