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
check "the good clients' reports are in their own folders" test -s "$tmp/out/alpha/2026-Q3/metrics.csv" -a \
	-s "$tmp/out/delta/2026-Q3/roi.xlsx"
check "their figures are the worked example's" bash -c "diff <(grep -v data_quality '$tmp/out/alpha/2026-Q3/metrics.csv' | cut -d, -f2-) <(grep -v data_quality tests/worked-example/expected-metrics.csv | cut -d, -f2-) >/dev/null"
check "the rules error is named on stderr" grep -q "beta/rules.ini:.*bogus_key" "$tmp/stderr"
check "the summary carries the rules error's own line" \
	grep -qx "beta,,rules error,0,[0-9.]*,rules.ini:46: unknown key 'bogus_key' in \[risk\]" "$summary"
check "the summary names gamma's missing file" \
	grep -q "^gamma,.*,i/o error,.*,timesheet.csv: cannot open: No such file or directory" "$summary"
check "one progress line per client" test "$(grep -c '^aireport: \[[0-9]/4\]' "$tmp/stderr")" = 4
check "summary table printed" grep -q "4 clients, 2 failed" "$tmp/stdout"

"$bin" --batch "$tmp/nowhere" -o "$tmp/out2" 2>"$tmp/stderr"; st=$?
check "missing batch folder exits 3 (got $st)" test "$st" = 3
rm -rf "$clients/beta" "$clients/gamma"
"$bin" -q --batch "$clients" -o "$tmp/out3" -j 1; st=$?
check "all clients ok exits 0 (got $st)" test "$st" = 0

# Four clients, two of them different companies with the same name (and one a
# copy of another client, re-run under a new folder).  Each must keep its own
# complete set of reports, equal to that client's single run.
same=$tmp/same
for c in bakker-utrecht bakker-zwolle bakker-zwolle-copy visser; do
	mkdir -p "$same/$c"
	cp tests/worked-example/survey.csv tests/worked-example/timesheet.csv "$same/$c/"
done
sed 's/^name = .*/name = Bakker B.V./' tests/worked-example/rules.ini >"$same/bakker-utrecht/rules.ini"
sed 's/^name = .*/name = Bakker B.V./; s/^default = 60/default = 72/' tests/worked-example/rules.ini \
	>"$same/bakker-zwolle/rules.ini"
cp "$same/bakker-zwolle/rules.ini" "$same/bakker-zwolle-copy/rules.ini"
sed -i 's/^E4,2026-09-02,Report,30,yes/E4,2026-09-02,Report,20,yes/' "$same/bakker-zwolle-copy/timesheet.csv"
sed 's/^name = .*/name = Visser \& Zn./' tests/worked-example/rules.ini >"$same/visser/rules.ini"
for c in bakker-utrecht bakker-zwolle bakker-zwolle-copy visser; do
	"$bin" -q -s "$same/$c/survey.csv" -t "$same/$c/timesheet.csv" -r "$same/$c/rules.ini" \
		-o "$tmp/single-$c"
done
check "the two Bakker companies differ (rates 60 and 72)" \
	bash -c "! cmp -s '$tmp/single-bakker-utrecht/bakker-b-v/2026-Q3/metrics.csv' '$tmp/single-bakker-zwolle/bakker-b-v/2026-Q3/metrics.csv'"
for j in 1 2; do
	"$bin" -q --batch "$same" -o "$tmp/same-j$j" -j $j; st=$?
	check "-j $j: duplicate names all succeed (got $st)" test "$st" = 0
	for c in bakker-utrecht bakker-zwolle bakker-zwolle-copy visser; do
		d=$tmp/same-j$j/$c/2026-Q3
		check "-j $j: $c has all four reports" test -s "$d/metrics.csv" -a -s "$d/rejects/rejects.csv" \
			-a -s "$d/assessment.pdf" -a -s "$d/roi.xlsx"
		slug=bakker-b-v; [ $c = visser ] && slug=visser-zn
		check "-j $j: $c's metrics.csv equals its single run" \
			cmp -s "$d/metrics.csv" "$tmp/single-$c/$slug/2026-Q3/metrics.csv"
		check "-j $j: $c's workbook equals its single run" \
			cmp -s "$d/roi.xlsx" "$tmp/single-$c/$slug/2026-Q3/roi.xlsx"
	done
	check "-j $j: no organisation-named folder" test ! -e "$tmp/same-j$j/bakker-b-v"
done

# Two single runs into the same OUT/<organisation>/ at once: the second waits for
# the first's lock, and the folder ends with one run's complete set, never a mix.
# Two companies' data under one name: without the history, whose re-issue rule
# would (rightly) keep the first one's survey answers for the second.
out=$tmp/locked
a=$same/bakker-utrecht b=$same/bakker-zwolle
"$bin" -q -s "$a/survey.csv" -t "$a/timesheet.csv" -r "$a/rules.ini" -o "$out" --no-history
exec 9>"$out/bakker-b-v/.aireport.lock"
flock -x 9
"$bin" -s "$b/survey.csv" -t "$b/timesheet.csv" -r "$b/rules.ini" -o "$out" --no-history 2>"$tmp/wait.err" &
waiter=$!
sleep 1
check "a second run waits while the folder is locked" kill -0 $waiter
check "the earlier reports are untouched while it waits" \
	cmp -s "$out/bakker-b-v/2026-Q3/metrics.csv" "$tmp/single-bakker-utrecht/bakker-b-v/2026-Q3/metrics.csv"
flock -u 9
exec 9>&-
wait $waiter; st=$?
check "it completes once the lock is released (got $st)" test "$st" = 0
check "it said why it waited" grep -q "bakker-b-v: another run is writing reports here; waiting for it" "$tmp/wait.err"
check "its reports are all in place" \
	cmp -s "$out/bakker-b-v/2026-Q3/roi.xlsx" "$tmp/single-bakker-zwolle/bakker-b-v/2026-Q3/roi.xlsx"
mixed=0
for round in 1 2 3 4 5 6 7 8; do
	"$bin" -q -s "$a/survey.csv" -t "$a/timesheet.csv" -r "$a/rules.ini" -o "$out" --no-history & p1=$!
	"$bin" -q -s "$b/survey.csv" -t "$b/timesheet.csv" -r "$b/rules.ini" -o "$out" --no-history & p2=$!
	wait $p1 $p2
	d=$out/bakker-b-v/2026-Q3
	cmp -s "$d/metrics.csv" "$tmp/single-bakker-utrecht/bakker-b-v/2026-Q3/metrics.csv" ||
		cmp -s "$d/metrics.csv" "$tmp/single-bakker-zwolle/bakker-b-v/2026-Q3/metrics.csv" ||
		mixed=$((mixed + 1))
	for one in bakker-utrecht bakker-zwolle; do
		s=$tmp/single-$one/bakker-b-v/2026-Q3
		if cmp -s "$d/metrics.csv" "$s/metrics.csv"; then
			for f in rejects/rejects.csv assessment.pdf roi.xlsx; do
				cmp -s "$d/$f" "$s/$f" || mixed=$((mixed + 1))
			done
		fi
	done
done
check "8 rounds of two simultaneous runs never leave a mix ($mixed mixed files)" test "$mixed" = 0

finish
