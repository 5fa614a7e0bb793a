#!/usr/bin/env bash
# The --batch benchmark (README "Benchmark"): seven generated clients give
# OUT/benchmark.csv with the quartiles Python computes from the clients' own
# metrics.csv; every client's PDF has the benchmark page and its workbook the
# Benchmark sheet with the same figures; a client whose figure is suppressed does
# not enter it; the strictest min_clients counts; a batch of four has no benchmark.
# Prints "benchmark: N passed, N failed".
set -u
suite=benchmark
source "$(dirname "$0")/lib_e2e.sh"
export SOURCE_DATE_EPOCH=1780000000

make_client() {   # make_client DIR SEED LANGUAGE RATE FIXED [K]
	mkdir -p "$1"
	tests/gen_data --sample --seed "$2" --out "$1" >/dev/null
	sed "s/^name = .*/name = Client $2 B.V./; s/^language = .*/language = $3/;
	     s/^default = .*/default = $4/; s/^program_fixed_per_quarter = .*/program_fixed_per_quarter = $5/;
	     s/^min_group_size = .*/min_group_size = ${6:-5}/" rules/default.ini >"$1/rules.ini"
}
clients=$tmp/clients
langs=(nl en de nl en de nl)
for i in 1 2 3 4 5 6 7; do
	make_client "$clients/c$i" "$i" "${langs[$((i - 1))]}" $((45 + 6 * i)) $((3000 + 500 * i))
done
# c7's level-1 respondents are fewer than 20: its buddy coverage is suppressed
sed -i 's/^min_group_size = .*/min_group_size = 20/' "$clients/c7/rules.ini"

"$bin" --batch "$clients" -o "$tmp/out" -j 2 >"$tmp/stdout" 2>"$tmp/stderr"; st=$?
check "a batch of seven succeeds (got $st)" test "$st" = 0
csv=$tmp/out/benchmark.csv
check "benchmark.csv written" test -s "$csv"
check "the summary names the benchmark" grep -qx "benchmark for 2026-Q3: 7 clients (min_clients = 5)" "$tmp/stdout"
check "c7 publishes no buddy coverage" \
	grep -qx "2026-Q3,organisation,,buddy_coverage,,suppressed" "$tmp/out/c7/2026-Q3/metrics.csv"

# The statistics, independently: the organisation rows of every client's
# metrics.csv with status ok, statistics.quantiles(method='inclusive').
cat >"$tmp/expect.py" <<'EOF'
import csv, statistics, sys
# expect.py OUT MIN_CLIENTS CLIENT[:PERIOD]...: the statistics of 2026-Q3 over the
# clients' metrics.csv (of 2026-Q3 unless another PERIOD is named)
out, min_clients, clients = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
kpis = ["adoption_rate", "hours_saved_per_week_per_100", "maturity_index",
        "maturity_tool_knowledge", "maturity_application_breadth", "maturity_autonomy",
        "maturity_innovation", "maturity_knowledge_sharing", "roi", "roi_cumulative",
        "payback_months", "buddy_coverage"]
def fmt(v):
    s = "%.6f" % v
    s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s
values = {k: [] for k in kpis}
for c in clients:
    c, _, period = (c + ":2026-Q3").partition(":")
    period = period.split(":")[0]
    org = {}
    for row in csv.DictReader(open(f"{out}/{c}/{period}/metrics.csv")):
        if row["scope"] == "organisation" and row["status"] == "ok":
            org[row["metric"]] = float(row["value"])
    if "hours_saved_per_week" in org and org.get("headcount", 0) > 0:
        org["hours_saved_per_week_per_100"] = org["hours_saved_per_week"] / org["headcount"] * 100
    for k in kpis:
        if k in org:
            values[k].append(org[k])
print("period,kpi,n,q1,median,q3")
for k in kpis:
    v = sorted(values[k])
    if len(v) >= min_clients:
        q1, med, q3 = statistics.quantiles(v, n=4, method="inclusive")
        assert med == statistics.median(v)
        print(f"2026-Q3,{k},{len(v)},{fmt(q1)},{fmt(med)},{fmt(q3)}")
    else:
        print(f"2026-Q3,{k},{len(v)},,,")
EOF
python3 "$tmp/expect.py" "$tmp/out" 5 c1 c2 c3 c4 c5 c6 c7 >"$tmp/expected.csv"
check "benchmark.csv equals the Python computation" diff "$tmp/expected.csv" "$csv"
check "the suppressed buddy coverage does not enter (n = 6)" grep -q "^2026-Q3,buddy_coverage,6,[0-9.]*,[0-9.]*,[0-9.]*$" "$csv"
check "the other KPIs count all seven" test "$(grep -c '^2026-Q3,[a-z_0-9]*,7,[-0-9.]*,[-0-9.]*,[-0-9.]*$' "$csv")" = 11
check "no client name in benchmark.csv" bash -c "! grep -qi 'client' '$csv'"

# The PDF: the page in the client's language, its own figure and the peer median.
for i in 1 2 3; do
	pdftotext -layout "$tmp/out/c$i/2026-Q3/assessment.pdf" "$tmp/c$i.txt"
done
check "nl: the benchmark page" grep -q "Uw kengetallen naast de vergelijkingsgroep, 2026-Q3" "$tmp/c1.txt"
check "en: the benchmark page" grep -q "Your figures against the peer group, 2026-Q3" "$tmp/c2.txt"
check "de: the benchmark page" grep -q "Ihre Kennzahlen im Vergleich zur Gruppe, 2026-Q3" "$tmp/c3.txt"
check "the page says how many organisations" grep -q "peer group of 7 organisations" "$tmp/c2.txt"
# en: adoption row = own value, median, "q1 – q3", n as percentages with one decimal
python3 - "$csv" "$tmp/out/c2/2026-Q3/metrics.csv" >"$tmp/adoption-row" <<'EOF'
import csv, sys
stats = {r["kpi"]: r for r in csv.DictReader(open(sys.argv[1]))}
own = [r for r in csv.DictReader(open(sys.argv[2]))
       if r["scope"] == "organisation" and r["metric"] == "adoption_rate"][0]
p = lambda v: "%.1f%%" % (float(v) * 100)
s = stats["adoption_rate"]
print(f"Adoption +{p(own['value'])} +{p(s['median'])} +{p(s['q1'])} – {p(s['q3'])} +{s['n']}")
EOF
check "en: the adoption row shows own value, median, quartiles and n ($(cat "$tmp/adoption-row"))" \
	grep -qE "^ *$(cat "$tmp/adoption-row")\$" "$tmp/c2.txt"
pdftotext -layout "$tmp/out/c7/2026-Q3/assessment.pdf" "$tmp/c7.txt"
check "c7's own buddy coverage is a dash on its page" grep -qE "^ *Buddydekking +— +[0-9]" "$tmp/c7.txt"
check "qpdf --check passes on a PDF with the page" qpdf --check "$tmp/out/c2/2026-Q3/assessment.pdf" >/dev/null

# The workbook: the Benchmark sheet holds the same numbers.
cat >"$tmp/sheet.py" <<'EOF'
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[2])
if sys.argv[3] == "absent":
    sys.exit(0 if "Benchmark" not in wb.sheetnames else 1)
stats = list(csv.DictReader(open(sys.argv[1])))
ws = wb["Benchmark"]
own = {r["metric"]: r for r in csv.DictReader(open(sys.argv[3])) if r["scope"] == "organisation"}
fmt = lambda v: ("%.6f" % v).rstrip("0").rstrip(".")
bad = 0
for i, s in enumerate(stats):
    row = [c.value for c in ws[5 + i]][:6]
    got = [fmt(v) if isinstance(v, float) or isinstance(v, int) else v for v in row[2:5]]
    want = [s["q1"], s["median"], s["q3"]]
    if s["q1"] == "":
        want = [None, row[3], None]
        got = [g or None for g in got]
    if got != want or row[5] != int(s["n"]):
        print("row", i, s, row, file=sys.stderr); bad += 1
    m = own.get(s["kpi"])
    if m and m["status"] == "ok" and fmt(row[1]) != m["value"]:
        print("own", s["kpi"], row[1], m["value"], file=sys.stderr); bad += 1
    if m and m["status"] == "suppressed" and row[1] != "n<20":
        print("own suppressed", s["kpi"], row[1], file=sys.stderr); bad += 1
sys.exit(1 if bad else 0)
EOF
for i in 1 7; do
	check "c$i's Benchmark sheet has benchmark.csv's numbers and its own figures" \
		/usr/bin/python3 "$tmp/sheet.py" "$csv" "$tmp/out/c$i/2026-Q3/roi.xlsx" "$tmp/out/c$i/2026-Q3/metrics.csv"
done

# The benchmark changes nothing else: metrics.csv equals the client's single run,
# whose PDF and workbook have no benchmark.
"$bin" -q -s "$clients/c4/survey.csv" -t "$clients/c4/timesheet.csv" -r "$clients/c4/rules.ini" -o "$tmp/single"
check "c4's metrics.csv equals its single run" \
	cmp -s "$tmp/out/c4/2026-Q3/metrics.csv" "$tmp/single/client-4-b-v/2026-Q3/metrics.csv"
check "a single run has no benchmark page" \
	bash -c "! pdftotext '$tmp/single/client-4-b-v/2026-Q3/assessment.pdf' - | grep -q 'Your figures against the peer group'"
check "a single run has no Benchmark sheet" \
	/usr/bin/python3 "$tmp/sheet.py" "$csv" "$tmp/single/client-4-b-v/2026-Q3/roi.xlsx" absent

# The strictest min_clients counts: one client asking for 7 leaves buddy coverage
# (6 clients) without statistics, and the page says so.
echo -e "\n[benchmark]\nmin_clients = 7" >>"$clients/c5/rules.ini"
"$bin" -q --no-history --batch "$clients" -o "$tmp/out7" -j 2; st=$?
check "min_clients = 7: the batch succeeds (got $st)" test "$st" = 0
python3 "$tmp/expect.py" "$tmp/out7" 7 c1 c2 c3 c4 c5 c6 c7 >"$tmp/expected7.csv"
check "min_clients = 7: benchmark.csv equals the Python computation" diff "$tmp/expected7.csv" "$tmp/out7/benchmark.csv"
check "min_clients = 7: buddy coverage has n but no statistics" grep -qx "2026-Q3,buddy_coverage,6,,," "$tmp/out7/benchmark.csv"
check "min_clients = 7: the page says the figure is not compared" \
	bash -c "pdftotext -layout '$tmp/out7/c2/2026-Q3/assessment.pdf' - | grep -qE '^ *Buddy coverage +fewer than 7 organisations +[0-9.]+% +— +— +6\$'"

# min_clients below 3 is a rules error of that client (exit 2).
sed -i 's/^min_clients = 7/min_clients = 2/' "$clients/c5/rules.ini"
"$bin" -q --batch "$clients" -o "$tmp/out2" -j 2 2>"$tmp/stderr2"; st=$?
check "min_clients = 2 is a rules error (got $st)" test "$st" = 2
check "it is named" grep -q "c5/rules.ini:[0-9]*: min_clients = 2 in \[benchmark\]" "$tmp/stderr2"
check "the six other clients still have their benchmark" grep -q "^2026-Q3,adoption_rate,6," "$tmp/out2/benchmark.csv"
"$bin" -q -s "$clients/c5/survey.csv" -t "$clients/c5/timesheet.csv" -r "$clients/c5/rules.ini" \
	-o "$tmp/single5" 2>/dev/null; st=$?
check "and so it is in a single run (got $st)" test "$st" = 2

# A quarter's peer group holds every client with figures of that quarter or the one
# before, each with its latest: c6 reports 2026-Q2 and enters 2026-Q3's group with
# those figures; 2026-Q2 itself has c6 alone, and no benchmark.
sed -i '/^\[benchmark\]/,$d' "$clients/c5/rules.ini"
sed -i 's/^quarter = .*/quarter = 2026-Q2/' "$clients/c6/rules.ini"
"$bin" --batch "$clients" -o "$tmp/outq" -j 2 >"$tmp/stdoutq" 2>/dev/null; st=$?
check "two quarters in one batch succeed (got $st)" test "$st" = 0
check "2026-Q3 is compared over seven clients, c6 of 2026-Q2 included" grep -q "^2026-Q3,adoption_rate,7," "$tmp/outq/benchmark.csv"
check "2026-Q2 has no statistics" bash -c "! grep -q '^2026-Q2' '$tmp/outq/benchmark.csv'"
check "the summary says why" grep -qx "no benchmark for 2026-Q2: 1 client, fewer than \[benchmark\] min_clients = 5" "$tmp/stdoutq"
python3 "$tmp/expect.py" "$tmp/outq" 5 c1 c2 c3 c4 c5 c6:2026-Q2 c7 >"$tmp/expectedq.csv"
check "2026-Q3's statistics equal the Python computation over its peer group" diff "$tmp/expectedq.csv" "$tmp/outq/benchmark.csv"
check "c6 (2026-Q2) has no benchmark page" \
	bash -c "! pdftotext '$tmp/outq/c6/2026-Q2/assessment.pdf' - | grep -q 'Ihre Kennzahlen im Vergleich'"

# The store: OUT/benchmark.sqlite keys clients by pseudonym, its secret is the
# owner's alone.
check "benchmark.secret is mode 600" test "$(stat -c %a "$tmp/out/benchmark.secret")" = 600
check "the store names no client" python3 -c "
import sqlite3, sys
db = sqlite3.connect('$tmp/out/benchmark.sqlite')
clients = {c for (c,) in db.execute('select distinct client from figure')}
rows = db.execute('select count(*) from figure').fetchone()[0]
sys.exit(0 if len(clients) == 7 and rows == 84 and all(len(c) == 64 and set(c) <= set('0123456789abcdef') for c in clients) else 1)"
check "--no-history leaves no store" test ! -e "$tmp/out7/benchmark.sqlite" -a ! -e "$tmp/out7/benchmark.secret"

# A store that cannot be used (not a database, or from a newer aireport): the batch
# says so and exits 3; its clients are still compared with each other.
mkdir -p "$tmp/outbad"
head -c 4096 /dev/zero | tr '\0' x >"$tmp/outbad/benchmark.sqlite"
"$bin" -q --batch "$clients" -o "$tmp/outbad" -j 2 2>"$tmp/stderr-bad"; st=$?
check "a corrupt store: exit 3 (got $st)" test "$st" = 3
check "a corrupt store: one line naming it" grep -qx "aireport: $tmp/outbad/benchmark.sqlite: file is not a database" "$tmp/stderr-bad"
check "a corrupt store: the batch's own benchmark" grep -q "^2026-Q3,adoption_rate,7," "$tmp/outbad/benchmark.csv"
check "a corrupt store: the reports are written" test -s "$tmp/outbad/c1/2026-Q3/assessment.pdf"
python3 -c "import sqlite3; db = sqlite3.connect('$tmp/newer.sqlite'); db.execute('pragma user_version = 2'); db.commit()"
mv "$tmp/newer.sqlite" "$tmp/outbad/benchmark.sqlite"
"$bin" -q --batch "$clients" -o "$tmp/outbad" -j 2 2>"$tmp/stderr-newer"; st=$?
check "a newer store: exit 3 (got $st)" test "$st" = 3
check "a newer store: said" grep -q "benchmark.sqlite: written by a newer aireport (schema 2, this one knows 1)" "$tmp/stderr-newer"

# A batch of four into a fresh OUT: no benchmark at all.
rm -rf "$clients/c5" "$clients/c6" "$clients/c7"
"$bin" --batch "$clients" -o "$tmp/out4" -j 2 >"$tmp/stdout4" 2>"$tmp/stderr4"; st=$?
check "a batch of four succeeds (got $st)" test "$st" = 0
check "no benchmark.csv for four clients" test ! -e "$tmp/out4/benchmark.csv"
check "the note on stderr" grep -qx "aireport: no benchmark for 2026-Q3: 4 clients, fewer than \[benchmark\] min_clients = 5" "$tmp/stderr4"
check "the note in the summary" grep -qx "no benchmark for 2026-Q3: 4 clients, fewer than \[benchmark\] min_clients = 5" "$tmp/stdout4"
check "no benchmark page" bash -c "! pdftotext '$tmp/out4/c2/2026-Q3/assessment.pdf' - | grep -q 'Your figures against the peer group'"
check "no Benchmark sheet" /usr/bin/python3 "$tmp/sheet.py" "$csv" "$tmp/out4/c2/2026-Q3/roi.xlsx" absent

# The same four into the first batch's OUT: the store still holds c5, c6 and c7,
# so the four are compared with all seven.
cp "$csv" "$tmp/first-benchmark.csv"
"$bin" -q --batch "$clients" -o "$tmp/out" -j 2; st=$?
check "four clients pooled with the store succeed (got $st)" test "$st" = 0
check "their benchmark is the first batch's seven clients'" cmp -s "$tmp/first-benchmark.csv" "$csv"
check "the four have the page" grep -q "Your figures against the peer group" <(pdftotext "$tmp/out/c2/2026-Q3/assessment.pdf" -)
# With --no-history the store is left alone: four are too few, and the earlier
# benchmark.csv goes.
"$bin" -q --no-history --batch "$clients" -o "$tmp/out" -j 2 2>"$tmp/stderr-nh"; st=$?
check "--no-history: four clients succeed (got $st)" test "$st" = 0
check "--no-history: no benchmark, the earlier benchmark.csv removed" test ! -e "$csv"

# Six clients report 2026-Q2, then three of them 2026-Q3 in a batch of their own:
# 2026-Q3's peer group is the three with their new figures and the other three
# with their 2026-Q2 figures.
ql=$tmp/quarters
for i in 1 2 3 4 5 6; do
	make_client "$ql/c$i" "$((10 + i))" en $((50 + 3 * i)) 4000
	sed -i 's/^quarter = .*/quarter = 2026-Q2/' "$ql/c$i/rules.ini"
done
"$bin" -q --batch "$ql" -o "$tmp/outql" -j 2; st=$?
check "six clients of 2026-Q2 (got $st)" test "$st" = 0
check "2026-Q2 compared over six" grep -q "^2026-Q2,adoption_rate,6," "$tmp/outql/benchmark.csv"
rm -rf "$ql/c4" "$ql/c5" "$ql/c6"
sed -i 's/^quarter = .*/quarter = auto/' "$ql"/c*/rules.ini
"$bin" -q --batch "$ql" -o "$tmp/outql" -j 2; st=$?
check "three clients of 2026-Q3 (got $st)" test "$st" = 0
python3 "$tmp/expect.py" "$tmp/outql" 5 c1 c2 c3 c4:2026-Q2 c5:2026-Q2 c6:2026-Q2 >"$tmp/expectedql.csv"
check "three this quarter and six last quarter: a benchmark over six" diff "$tmp/expectedql.csv" "$tmp/outql/benchmark.csv"
pdftotext "$tmp/outql/c1/2026-Q3/assessment.pdf" "$tmp/ql.txt"
check "their page counts six organisations" grep -q "peer group of 6 organisations" "$tmp/ql.txt"
check "and says three come with last quarter's figures" grep -q "for 3 of them those of 2026-Q2, the latest quarter" "$tmp/ql.txt"
check "a peer group of one quarter says nothing of the kind" bash -c "! grep -q 'for [0-9]* of them' '$tmp/c2.txt'"

finish
