#!/usr/bin/env bash
# The organisation's history, OUT/<org>/history.sqlite, through the sqlite3 shell
# and python3's sqlite3: what the first run records (runs, inputs' SHA-256, every
# figure of metrics.csv, cells and survey rows under pseudonyms, no plain id
# anywhere in the file), the secret's mode, an identical re-run (no new version),
# a changed survey answer (exactly the changed figures listed, both versions kept),
# --no-history, --batch, and the faults: a read-only, a corrupt, a newer and a
# locked database, and a SIGKILL inside the transaction.  Each fault ends with
# exit 3 (the kill with the signal) and the history as it was; a history that
# cannot be opened stops the run before its reports (the earlier ones stay), a
# locked one after them.  Then the read side: the sample's three quarters run one
# after the other on exports cut by quarter report what one run over all the data
# does, byte for byte in metrics.csv (and the worked example's two); a quarter
# whose timesheet export is empty takes its cells from the history without
# publishing a pseudonym; a version 1 history is migrated and read.
# Uses $AIREPORT_BIN when set (make test-asan), else ./aireport.
# Prints "history: N passed, N failed".
set -u
suite=history
source "$(dirname "$0")/lib_e2e.sh"
cleanup() {
	[ -n "${holder:-}" ] && kill "$holder" 2>/dev/null
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
chmod 755 "$tmp"

# The worked example with long, distinctive employee ids (E7 -> person-7-id), so
# that finding an id among the database's bytes cannot happen by chance.
in=$tmp/in
mkdir -p "$in"
for f in survey.csv timesheet.csv; do
	sed -E 's/\bE([0-9]+)\b/person-\1-id/g' "tests/worked-example/$f" >"$in/$f"
done
cp tests/worked-example/rules.ini "$in/rules.ini"
org=example-company-b-v
period=2026-Q3

# run OUT [SURVEY] [more options]: one run of the example; sets st, err.
run() {
	local out=$1 survey=${2:-$in/survey.csv}
	shift 2 2>/dev/null || shift $#
	err=$tmp/err
	"$bin" -s "$survey" -t "$in/timesheet.csv" -r "$in/rules.ini" -o "$out" "$@" 2>"$err"
	st=$?
}
q() { sqlite3 "$1" "$2"; }
counts() {
	q "$1" "SELECT (SELECT count(*) FROM run), (SELECT count(*) FROM run_input),
	        (SELECT count(*) FROM publication), (SELECT count(*) FROM figure),
	        (SELECT count(*) FROM timesheet_cell), (SELECT count(*) FROM survey_answer),
	        (SELECT count(*) FROM person), (SELECT count(*) FROM baseline_cell)"
}

# --- the first run -----------------------------------------------------------------
out=$tmp/out
run "$out"
db=$out/$org/history.sqlite
check "first run exits 0 (got $st)" test "$st" = 0
check "history.sqlite beside the period folder" test -f "$db"
check "the period folder holds the four reports only" \
	test "$(ls -A "$out/$org/$period" | sort | tr '\n' ' ')" = "assessment.pdf metrics.csv rejects roi.xlsx "
check "secret: mode 0600, 32 bytes" test "$(stat -c '%a %s' "$out/$org/history.secret")" = "600 32"
check "schema version 3, WAL, integrity ok" \
	test "$(q "$db" 'PRAGMA user_version; PRAGMA journal_mode; PRAGMA integrity_check' | tr '\n' ' ')" = "3 wal ok "
check "one run, one publication of 2026-Q3 (version 1)" \
	test "$(q "$db" "SELECT count(*) FROM run; SELECT quarter, version FROM publication" | tr '\n' ' ')" = "1 8106|1 "
check "the run's inputs and their SHA-256" test "$(q "$db" "SELECT role || ' ' || sha256 FROM run_input ORDER BY role")" = "$(
	for r in rules survey timesheet; do
		f=$in/$r.csv; [ "$r" = rules ] && f=$in/rules.ini
		echo "$r $(sha256sum "$f" | cut -d' ' -f1)"
	done)"
check "the run's version and period" test "$(q "$db" "SELECT program_version, period FROM run")" = "$("$bin" --version | cut -d' ' -f2)|$period"

cp "$out/$org/$period/metrics.csv" "$tmp/metrics-1.csv"
python3 - "$db" "$tmp/metrics-1.csv" "$in" "$out/$org/history.secret" >"$tmp/py" 2>&1 <<'PY'
import csv, hashlib, hmac, sqlite3, sys
db, metrics, inp, secret_path = sys.argv[1:]
con = sqlite3.connect(db)
fail = []
rows = list(csv.reader(open(metrics, newline="")))[1:]
stored = con.execute("SELECT '2026-Q3', scope, grp, metric, value, status FROM figure "
                     "ORDER BY line").fetchall()
if [tuple(r) for r in rows] != stored:
    fail.append("figures differ from metrics.csv")
used = {}
for r in rows:
    if r[1] == "data_quality" and r[3] == "rows_used":
        used[r[2].rsplit("/", 1)[-1]] = int(r[4])
# every used survey row is one stored answer, every used entry is in one cell
n = con.execute("SELECT count(*) FROM survey_answer").fetchone()[0]
if n != used["survey.csv"]:
    fail.append(f"survey_answer {n} != rows_used {used['survey.csv']}")
n = con.execute("SELECT sum(entries) FROM timesheet_cell").fetchone()[0]
if n != used["timesheet.csv"]:
    fail.append(f"sum(entries) {n} != rows_used {used['timesheet.csv']}")
# pseudonyms are HMAC-SHA-256(secret, id); mentors under the same key
key = open(secret_path, "rb").read()
ids = set()
for name in ("survey.csv", "timesheet.csv"):
    for r in csv.DictReader(open(f"{inp}/{name}", newline="")):
        ids.add(r["employee_id"])
        if r.get("mentor_id"):
            ids.add(r["mentor_id"])
pseudo = {hmac.new(key, i.encode(), hashlib.sha256).hexdigest(): i for i in ids}
persons = {p for (p,) in con.execute("SELECT pseudonym FROM person")}
if not persons or not persons <= set(pseudo):
    fail.append("a person is not the HMAC of an input id")
mentors = {p for (p,) in con.execute("SELECT m.pseudonym FROM survey_answer s "
                                     "JOIN person m ON m.id = s.mentor")}
named = {r["mentor_id"] for r in csv.DictReader(open(f"{inp}/survey.csv", newline=""))
         if r["mentor_id"]}
if not mentors or {pseudo[m] for m in mentors} - named:
    fail.append("mentor pseudonyms do not match the survey's mentor ids")
# no plain id anywhere in the file's bytes
con.close()
data = open(db, "rb").read()
for suffix in ("-wal", "-shm"):
    try:
        data += open(db + suffix, "rb").read()
    except FileNotFoundError:
        pass
found = sorted(i for i in ids if i.encode() in data)
if found:
    fail.append("plain ids in the database: " + ", ".join(found))
if len(ids) < 7:
    fail.append(f"only {len(ids)} ids read")
print("\n".join(fail) if fail else "ok")
PY
check "figures as published, rows, pseudonyms, no plain id ($(head -c 300 "$tmp/py"))" \
	test "$(cat "$tmp/py")" = ok

# --- the same inputs again: nothing to say, no new version ---------------------------
before=$(counts "$db")
run "$out"
check "identical re-run exits 0 (got $st)" test "$st" = 0
check "identical re-run: no warning" test -z "$(grep 'differs' "$err")"
check "identical re-run: a run row more, no new publication" \
	test "$(q "$db" "SELECT count(*) FROM run; SELECT count(*) FROM publication" | tr '\n' ' ')" = "2 1 "
check "identical re-run: the same figures and data" \
	test "$(counts "$db" | cut -d'|' -f3-)" = "$(echo "$before" | cut -d'|' -f3-)"
cp -r "$out" "$tmp/out-1"      # the history after a run and its repetition

# --- a late change to one survey answer: held back -----------------------------
# The first respondent of the quarter changes satisfaction.  With k = 3 the two
# reports would single that person out: the change is held back.
awk -F, -v OFS=, 'NR > 1 && !done && $2 ~ /^2026-0[789]/ && $11 != "" { $11 = ($11 == 5 ? 1 : 5); done = 1 } 1' \
	"$in/survey.csv" >"$tmp/survey-one.csv"
one_line=$(diff "$in/survey.csv" "$tmp/survey-one.csv" | sed -n 's/^\([0-9]*\)c.*/\1/p')
check "the one-answer survey differs in one line ($one_line)" test "$(diff "$in/survey.csv" "$tmp/survey-one.csv" | grep -c '^>')" = 1
run "$out" "$tmp/survey-one.csv"
check "held-back re-run exits 0 (got $st)" test "$st" = 0
check "held-back re-run: the same figures as the first report" \
	cmp -s <(grep -v ',data_quality,' "$out/$org/$period/metrics.csv") <(grep -v ',data_quality,' "$tmp/metrics-1.csv")
check "held-back re-run: no figure differs, one answer held back ($(tr '\n' ' ' <"$err"))" \
	test -z "$(grep differs "$err")" -a "$(grep -c 'warning: .*survey-one.csv: 1 survey answer held back: .*fewer than 3 people' "$err")" = 1
check "held-back re-run: the row is superseded in rejects.csv with its reason" \
	grep -q "^[^,]*/survey-one.csv,$one_line,employee_id,person-[0-9]*-id,superseded by the answers already published for 2026-Q3: the change would single out fewer than 3 people\$" \
	"$out/$org/$period/rejects/rejects.csv"
sup() { grep ",data_quality,[^,]*/$1,rows_superseded," "$2" | cut -d, -f5; }
check "held-back re-run: counted as superseded" \
	test "$(sup survey-one.csv "$out/$org/$period/metrics.csv")" = "$(( $(sup survey.csv "$tmp/metrics-1.csv") + 1 ))"
check "held-back re-run: no new version, the history keeps the first answers" \
	test "$(q "$db" "SELECT count(*) FROM publication")|$(counts "$db" | cut -d'|' -f5-)" = "1|$(echo "$before" | cut -d'|' -f5-)"

# Three changed answers, but one of them the only change in Service: held back too.
awk -F, -v OFS=, 'NR > 1 && $2 ~ /^2026-09-0[78]$/ && $1 ~ /^person-[124]-id$/ { $11 = ($11 == 5 ? 1 : 5) } 1' \
	"$in/survey.csv" >"$tmp/survey-split.csv"
cp -r "$out" "$tmp/out-split"
run "$tmp/out-split" "$tmp/survey-split.csv"
check "three changes, one alone in its department: all three held back" \
	test "$(diff "$in/survey.csv" "$tmp/survey-split.csv" | grep -c '^>') $(grep -c '3 survey answers held back' "$err") $(grep -c differs "$err")" = "3 1 0"

# --- a late change to three survey answers: re-issued ------------------------------
# E1, E2 and E3 of Sales change their satisfaction in 2026-Q3 (E3 gives one): three
# people in every group that changes, so the re-issue is published.
awk -F, -v OFS=, 'NR > 1 && $2 ~ /^2026-09-(07|10)$/ && $1 ~ /^person-[123]-id$/ { $11 = ($1 == "person-1-id" ? 5 : $1 == "person-2-id" ? 4 : 3) } 1' \
	"$in/survey.csv" >"$tmp/survey-changed.csv"
check "the changed survey differs in three lines" test "$(diff "$in/survey.csv" "$tmp/survey-changed.csv" | grep -c '^>')" = 3
run "$out" "$tmp/survey-changed.csv"
check "changed re-run exits 0 (got $st)" test "$st" = 0
cp "$out/$org/$period/metrics.csv" "$tmp/metrics-2.csv"
# The figures that changed, from the two metrics.csv (the files' scope aside).
python3 - "$tmp/metrics-1.csv" "$tmp/metrics-2.csv" >"$tmp/want" <<'PY'
import csv, sys
def load(p):
    rows = list(csv.reader(open(p, newline="")))[1:]
    return {(r[1], r[2], r[3]): r[5] == "ok" and r[4] or r[5] for r in rows if r[1] != "data_quality"}
a, b = load(sys.argv[1]), load(sys.argv[2])
for k in sorted(set(a) | set(b)):
    if a.get(k) != b.get(k):
        s, g, m = k
        print(f"{s}/{g}/{m}: {a.get(k, '(none)')} \u2192 {b.get(k, '(none)')}".replace("//", "/"))
PY
sed -n 's/^aireport: warning: .*history.sqlite: 2026-Q3 differs from its version 1: //p' "$err" | sort >"$tmp/got"
check "changed re-run: some figures changed" test -s "$tmp/want"
check "changed re-run: exactly the figures that changed listed ($(tr '\n' ';' <"$tmp/got"))" \
	cmp -s <(sort "$tmp/want") "$tmp/got"
check "satisfaction_mean is among them" grep -q '^organisation/satisfaction_mean: ' "$tmp/got"
check "changed re-run: version 2 kept beside version 1" \
	test "$(q "$db" "SELECT group_concat(version) FROM publication WHERE quarter = 8106")" = "1,2"
check "version 1 still holds the first figures" test "$(q "$db" \
	"SELECT value FROM figure f JOIN publication p ON p.id = f.publication WHERE p.version = 1
	 AND scope = 'organisation' AND metric = 'satisfaction_mean'")" = "$(grep ',organisation,,satisfaction_mean,' "$tmp/metrics-1.csv" | cut -d, -f5)"
check "the survey rows of 2026-Q3 are the changed export's" test "$(q "$db" \
	"SELECT count(*) FROM survey_answer WHERE quarter = 8106 AND satisfaction IS NOT NULL")" -gt 0
run "$out" "$tmp/survey-changed.csv"
check "the changed figures again: no warning, no version 3" \
	test -z "$(grep differs "$err")" -a "$(q "$db" "SELECT max(version) FROM publication")" = 2
run "$out" "$tmp/survey-changed.csv" -q
check "-q: no warning either" test ! -s "$err"

# --- --no-history ------------------------------------------------------------------------
run "$tmp/out-none" "$in/survey.csv" --no-history
check "--no-history exits 0 (got $st)" test "$st" = 0
check "--no-history: reports, no history, no secret" \
	test -f "$tmp/out-none/$org/$period/metrics.csv" -a ! -e "$tmp/out-none/$org/history.sqlite" -a ! -e "$tmp/out-none/$org/history.secret"
cp "$tmp/out-1/$org/history.sqlite" "$tmp/saved.sqlite"
run "$tmp/out-1" "$tmp/survey-changed.csv" --no-history
check "--no-history leaves an existing history byte for byte" cmp -s "$tmp/out-1/$org/history.sqlite" "$tmp/saved.sqlite"

# --- faults --------------------------------------------------------------------------------
# fault NAME: a copy of the history after the first run (out-1) in $tmp/f-NAME,
# beside the first run's reports.
fault_out() {
	rm -rf "$tmp/f-$1"
	cp -r "$tmp/out-1" "$tmp/f-$1"
	cp "$tmp/metrics-1.csv" "$tmp/f-$1/$org/$period/metrics.csv"
	fdb=$tmp/f-$1/$org/history.sqlite
}
# The new reports are in place: metrics.csv is the changed run's.
reports_new() { cmp -s "$1/$org/$period/metrics.csv" "$tmp/metrics-2.csv"; }
# No new reports: a history that cannot be read ends the run before any report is
# written (its quarters would be missing from them), the earlier reports stay.
reports_kept() { cmp -s "$1/$org/$period/metrics.csv" "$tmp/metrics-1.csv"; }
one_line() { test "$(wc -l <"$err")" = 1 && grep -q "$1" "$err"; }

# A read-only database (as root: the folder given to nobody, the run made as nobody).
fault_out readonly
as_user=()
if [ "$(id -u)" = 0 ]; then
	chown -R 65534:65534 "$tmp/f-readonly"
	as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
fi
chmod 444 "$fdb"
cp "$fdb" "$tmp/before.sqlite"
"${as_user[@]+"${as_user[@]}"}" "$bin" -q -s "$tmp/survey-changed.csv" -t "$in/timesheet.csv" \
	-r "$in/rules.ini" -o "$tmp/f-readonly" 2>"$tmp/err"
st=$?
check "read-only database exits 3 (got $st)" test "$st" = 3
check "read-only database: one line naming it ($(head -c 200 "$tmp/err"))" one_line "f-readonly/$org/history.sqlite: cannot write"
check "read-only database: no new reports, the earlier ones kept" reports_kept "$tmp/f-readonly"
check "read-only database: unchanged" cmp -s "$fdb" "$tmp/before.sqlite"

# A corrupt database: one page of the file overwritten.
fault_out corrupt
head -c 4096 /dev/urandom | dd of="$fdb" bs=4096 seek=3 conv=notrunc status=none
cp "$fdb" "$tmp/before.sqlite"
run "$tmp/f-corrupt" "$tmp/survey-changed.csv" -q
check "corrupt database exits 3 (got $st)" test "$st" = 3
check "corrupt database: one line naming it ($(head -c 200 "$err"))" one_line "f-corrupt/$org/history.sqlite: corrupt history"
check "corrupt database: no new reports, the earlier ones kept" reports_kept "$tmp/f-corrupt"
check "corrupt database: left as it was" cmp -s "$fdb" "$tmp/before.sqlite"
# Not a database at all.
fault_out garbage
head -c 8192 /dev/urandom >"$fdb"
run "$tmp/f-garbage" "$tmp/survey-changed.csv" -q
check "a file that is no database exits 3 (got $st)" test "$st" = 3
check "no database: one line naming it ($(head -c 200 "$err"))" one_line "f-garbage/$org/history.sqlite: corrupt history"

# A database from a newer schema.
fault_out newer
sqlite3 "$fdb" "PRAGMA user_version = 7"
before=$(counts "$fdb")
run "$tmp/f-newer" "$tmp/survey-changed.csv" -q
check "newer schema exits 3 (got $st)" test "$st" = 3
check "newer schema: one line naming it ($(head -c 200 "$err"))" one_line "f-newer/$org/history.sqlite: written by a newer aireport (schema version 7"
check "newer schema: no new reports, the earlier ones kept" reports_kept "$tmp/f-newer"
check "newer schema: untouched" test "$(sqlite3 "$fdb" 'PRAGMA user_version')|$(counts "$fdb")" = "7|$before"

# A database another program holds a write lock on for longer than the busy timeout.
fault_out locked
before=$(counts "$fdb")
python3 - "$fdb" "$tmp/locked" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("INSERT INTO meta VALUES('holder', 'x')")
open(sys.argv[2], "w").close()
time.sleep(30)
PY
holder=$!
for ((i = 0; i < 500; i++)); do [ -e "$tmp/locked" ] && break; sleep 0.02; done
start=$SECONDS
run "$tmp/f-locked" "$tmp/survey-changed.csv" -q
check "locked database exits 3 (got $st)" test "$st" = 3
check "locked database: waited the busy timeout" test $((SECONDS - start)) -ge 4
check "locked database: one line naming it ($(head -c 200 "$err"))" one_line "f-locked/$org/history.sqlite: locked by another program"
check "locked database: the new reports are in place" reports_new "$tmp/f-locked"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null; holder=
check "locked database: unchanged once the holder is gone" test "$(counts "$fdb")" = "$before"

# SIGKILL inside the transaction.  A large timesheet (120 000 cells) makes SQLite
# spill pages of the open transaction into the WAL before the commit, so the kill
# leaves uncommitted frames behind that recovery must ignore.
fault_out kill
before=$(counts "$fdb")
awk 'BEGIN {
	print "employee_id,date,use_case,minutes,ai_assisted,items,department"
	for (u = 0; u < 40000; u++)
		for (e = 1; e <= 3; e++)
			printf "person-%d-id,2026-07-%02d,Use case %06d,%d,%s,1,Sales\n", e, 1 + u % 28, u, 30 + e, (e == 2 ? "no" : "yes")
}' >"$tmp/large.csv"
sed 's/^max_reject_ratio.*/max_reject_ratio = 100%/' "$in/rules.ini" >"$tmp/rules-large.ini"
rm -f "$tmp/paused"
AIREPORT_TEST_HISTORY_PAUSE=$tmp/paused "$bin" -q -s "$tmp/survey-changed.csv" -t "$tmp/large.csv" \
	-r "$tmp/rules-large.ini" -o "$tmp/f-kill" 2>"$tmp/err" &
pid=$!
for ((i = 0; i < 6000; i++)); do [ -e "$tmp/paused" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done
check "the run paused inside the transaction" test -e "$tmp/paused"
wal=$(stat -c %s "$fdb-wal" 2>/dev/null || echo 0)
check "uncommitted frames in the WAL at the kill ($wal bytes)" test "$wal" -gt 0
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
st=$?
check "SIGKILL: the run died of it (got $st)" test "$st" = 137
check "SIGKILL: integrity ok" test "$(q "$fdb" 'PRAGMA integrity_check')" = ok
check "SIGKILL: the previous history, row for row" test "$(counts "$fdb")" = "$before"
run "$tmp/f-kill" "$tmp/survey-changed.csv" -q
check "after the kill the next run records (got $st)" \
	test "$st" = 0 -a "$(q "$fdb" "SELECT group_concat(version) FROM publication")" = "1,2"

# --- --batch: each client its own history under its own folder ---------------------------
mkdir -p "$tmp/batch/alpha" "$tmp/batch/beta"
for c in alpha beta; do cp "$in/survey.csv" "$in/timesheet.csv" "$in/rules.ini" "$tmp/batch/$c/"; done
"$bin" -q --batch "$tmp/batch" -o "$tmp/out-batch" -j 2 >/dev/null 2>"$tmp/err"
st=$?
check "batch exits 0 (got $st)" test "$st" = 0
for c in alpha beta; do
	check "batch: $c has its history" test "$(q "$tmp/out-batch/$c/history.sqlite" 'SELECT count(*) FROM run')" = 1
done
differ() { ! cmp -s "$1" "$2"; }
check "batch: each client its own secret" differ "$tmp/out-batch/alpha/history.secret" "$tmp/out-batch/beta/history.secret"
"$bin" -q --batch "$tmp/batch" -o "$tmp/out-batch-none" -j 2 --no-history >/dev/null 2>&1
check "batch --no-history: no history" test -z "$(find "$tmp/out-batch-none" -name 'history.*')"

# --- quarter by quarter: each run's exports hold only its own quarter ------------------
# Three runs one after the other into one folder, each with the survey and the
# timesheet rows of its quarter only, report what one run over all the data
# reports for that quarter: every row of metrics.csv byte for byte (the trend, the
# deltas, the migration, the baselines, the monthly series, the cumulative ROI and
# the payback among them), but the data_quality rows, which name the files read
# and count their rows.
# split_quarters FILE DIR: FILE cut into DIR/YYYY-Qn.csv by the quarter of each
# row's date (the second column in both exports), the header on each, lines byte
# for byte; prints the quarters.
split_quarters() {
	python3 - "$1" "$2" <<'PY'
import csv, io, os, re, sys
path, outdir = sys.argv[1:]
lines = open(path, newline="", encoding="utf-8").read().splitlines(keepends=True)
parts = {}
for line in lines[1:]:
    if line.strip():
        m = re.match(r"(\d{4})-(\d{2})", next(csv.reader(io.StringIO(line)))[1])
        parts.setdefault(f"{m[1]}-Q{(int(m[2]) - 1) // 3 + 1}", []).append(line)
os.makedirs(outdir, exist_ok=True)
for q, rows in parts.items():
    open(f"{outdir}/{q}.csv", "w", newline="", encoding="utf-8").write(lines[0] + "".join(rows))
print(" ".join(sorted(parts)))
PY
}
figures() { grep -v '^[^,]*,data_quality,' "$1"; }
sample_org=voorbeeld-metaal-b-v
qs=$(split_quarters input/survey.csv "$tmp/qs")
qt=$(split_quarters input/timesheet.csv "$tmp/qt")
check "the sample splits into 2026-Q1..Q3 ($qs / $qt)" \
	test "$qs|$qt" = "2026-Q1 2026-Q2 2026-Q3|2026-Q1 2026-Q2 2026-Q3"
for p in $qs; do
	"$bin" -s "$tmp/qs/$p.csv" -t "$tmp/qt/$p.csv" -r rules/default.ini -o "$tmp/split" 2>"$tmp/err-$p"
	st=$?
	check "$p alone exits 0 (got $st)" test "$st" = 0
	"$bin" -q --no-history -p "$p" -r rules/default.ini -o "$tmp/whole"
	check "$p alone: metrics.csv as a run over all the data, byte for byte" \
		cmp -s <(figures "$tmp/whole/$sample_org/$p/metrics.csv") <(figures "$tmp/split/$sample_org/$p/metrics.csv")
done
m3=$tmp/split/$sample_org/2026-Q3/metrics.csv
check "2026-Q3 alone: the trend has all three quarters" \
	test "$(grep -c '^2026-Q3,quarter,2026-Q[123],' "$m3")" = 12
check "2026-Q3 alone: the monthly series starts in 2026-01" grep -q '^2026-Q3,month,2026-01,cumulative_cost,' "$m3"
check "2026-Q3 alone: migration against 2026-Q2 matched people" \
	test "$(grep '^2026-Q3,organisation,,migration_matched,' "$m3" | cut -d, -f5)" -gt 0
check "2026-Q3 alone says which quarters came from the history" \
	test "$(grep 'from the history' "$tmp/err-2026-Q3" | tr '\n' ' ')" = "aireport: timesheet of 2026-Q1, 2026-Q2 from the history aireport: survey of 2026-Q1, 2026-Q2 from the history "
check "... and so do the PDF and the workbook (in Dutch, the sample's language)" test "$(
	pdftotext "$tmp/split/$sample_org/2026-Q3/assessment.pdf" - | tr -s ' \n' '  ' |
		grep -o 'urenregistratie (2026-Q1, 2026-Q2) en van de enquête (2026-Q1, 2026-Q2)' | head -1
	)|$(/usr/bin/python3 -c '
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["Datakwaliteit"]
print(sum("urenregistratie (2026-Q1, 2026-Q2)" in str(c) for r in ws.iter_rows(values_only=True) for c in r))
' "$tmp/split/$sample_org/2026-Q3/roi.xlsx")" = "urenregistratie (2026-Q1, 2026-Q2) en van de enquête (2026-Q1, 2026-Q2)|1"
check "... and that the trend shows them as published" \
	sh -c "pdftotext '$tmp/split/$sample_org/2026-Q3/assessment.pdf' - | tr -s ' \n' '  ' | grep -q 'zoals gepubliceerd: 2026-Q1 (versie 1), 2026-Q2 (versie 1)'"
"$bin" -q --no-history -s "$tmp/qs/2026-Q3.csv" -t "$tmp/qt/2026-Q3.csv" -r rules/default.ini -o "$tmp/alone"
check "without the history 2026-Q3 alone reports other figures" \
	differ "$tmp/whole/$sample_org/2026-Q3/metrics.csv" "$tmp/alone/$sample_org/2026-Q3/metrics.csv"
check "the split history holds three quarters of each" test "$(q "$tmp/split/$sample_org/history.sqlite" \
	"SELECT (SELECT count(*) FROM timesheet_quarter), (SELECT count(*) FROM survey_quarter)")" = "3|3"

# The worked example (its survey has rows in Q2 and Q3, program_start 2026-04-01,
# a fixed baseline, a rejected row in Q3: the limit is raised for the smaller files).
split_quarters "$in/survey.csv" "$tmp/ws" >/dev/null
split_quarters "$in/timesheet.csv" "$tmp/wt" >/dev/null
for p in 2026-Q2 2026-Q3; do
	sed "s/^quarter = .*/quarter = $p/; s/^max_reject_ratio.*/max_reject_ratio = 50%/" "$in/rules.ini" >"$tmp/rules-$p.ini"
	"$bin" -q -s "$tmp/ws/$p.csv" -t "$tmp/wt/$p.csv" -r "$tmp/rules-$p.ini" -o "$tmp/wsplit"
	st=$?
	"$bin" -q --no-history -s "$in/survey.csv" -t "$in/timesheet.csv" -r "$tmp/rules-$p.ini" -o "$tmp/wwhole"
	check "worked example $p alone (exit $st): metrics.csv as over all the data" \
		cmp -s <(figures "$tmp/wwhole/$org/$p/metrics.csv") <(figures "$tmp/wsplit/$org/$p/metrics.csv")
done

# A re-run of 2026-Q3 with its survey and a timesheet export without a row: the
# quarter's cells come from the history.  People the survey does not name are
# known only by their pseudonym, which is never published: the employee sheet
# shows them as history-N.
sed 's/^employee_sheet *=.*/employee_sheet = true/' rules/default.ini >"$tmp/rules-sheet.ini"
head -1 input/timesheet.csv >"$tmp/empty-timesheet.csv"
cp -r "$tmp/split" "$tmp/resplit"
"$bin" -q -s "$tmp/qs/2026-Q3.csv" -t "$tmp/empty-timesheet.csv" -r "$tmp/rules-sheet.ini" -o "$tmp/resplit" 2>/dev/null
st=$?
check "2026-Q3 with an empty timesheet exits 0 (got $st)" test "$st" = 0
check "2026-Q3 with an empty timesheet: the same figures from the history" \
	cmp -s <(figures "$tmp/whole/$sample_org/2026-Q3/metrics.csv") <(figures "$tmp/resplit/$sample_org/2026-Q3/metrics.csv")
python3 - "$tmp/resplit/$sample_org/2026-Q3" "$tmp/resplit/$sample_org/history.sqlite" >"$tmp/py" <<'PY'
import re, sqlite3, sys, zipfile
folder, db = sys.argv[1:]
pseudonyms = {p for (p,) in sqlite3.connect(db).execute("SELECT pseudonym FROM person")}
book = zipfile.ZipFile(f"{folder}/roi.xlsx")
text = b"".join(book.read(n) for n in book.namelist())
for name in ("assessment.pdf", "metrics.csv", "rejects/rejects.csv"):
    text += open(f"{folder}/{name}", "rb").read()
found = [p for p in pseudonyms if p[:16].encode() in text]
print(len(pseudonyms), len(found), len(set(re.findall(rb"history-\d+", text))))
PY
read -r npseudo nfound nlabels <"$tmp/py"
check "no pseudonym in the outputs ($nfound of $npseudo found)" test "${npseudo:-0}" -gt 0 -a "${nfound:-1}" = 0
check "the people only the history knows are history-N on the employee sheet ($nlabels)" \
	test "${nlabels:-0}" -gt 0

# --- a history of schema version 1 is brought forward ---------------------------------
# Version 1 had no ordinal and no department_line, and keyed the cells by person
# with an index on month: made from a copy of the split history by rebuilding the
# table that way.  The next run migrates it in one transaction and reads its rows
# (NULL in the new columns) as before.
cp -r "$tmp/split" "$tmp/v1"
v1db=$tmp/v1/$sample_org/history.sqlite
sqlite3 "$v1db" "CREATE TABLE v1_cell(person INTEGER NOT NULL REFERENCES person(id),
	  use_case TEXT NOT NULL, month INTEGER NOT NULL, entries INTEGER NOT NULL,
	  ai_entries INTEGER NOT NULL, ai_items REAL NOT NULL, ai_minutes REAL NOT NULL,
	  department TEXT, department_date INTEGER,
	  PRIMARY KEY(person, use_case, month)) WITHOUT ROWID;
	INSERT INTO v1_cell SELECT person, use_case, month, entries, ai_entries, ai_items,
	  ai_minutes, department, department_date FROM timesheet_cell;
	DROP TABLE timesheet_cell; ALTER TABLE v1_cell RENAME TO timesheet_cell;
	CREATE INDEX timesheet_cell_month ON timesheet_cell(month);
	ALTER TABLE baseline_cell DROP COLUMN ordinal;
	DELETE FROM migration WHERE version >= 2; PRAGMA user_version = 1"
check "the copy is of schema version 1, with the index on month" \
	test "$(q "$v1db" "PRAGMA user_version; SELECT name FROM pragma_index_list('timesheet_cell') WHERE origin = 'c'")" = "$(printf '1\ntimesheet_cell_month')"
"$bin" -q -s "$tmp/qs/2026-Q3.csv" -t "$tmp/qt/2026-Q3.csv" -r rules/default.ini -o "$tmp/v1"
st=$?
check "a version 1 history: the run exits 0 (got $st)" test "$st" = 0
check "a version 1 history: migrated to version 3, every migration listed" \
	test "$(q "$v1db" "PRAGMA user_version; SELECT group_concat(version) FROM migration")" = "$(printf '3\n1,2,3')"
check "a version 1 history: the cells keyed by month first, no other index on them" \
	test "$(q "$v1db" "SELECT group_concat(name) FROM (SELECT name FROM pragma_index_info((SELECT name FROM pragma_index_list('timesheet_cell') WHERE origin = 'pk')) ORDER BY seqno); SELECT count(*) FROM pragma_index_list('timesheet_cell')")" = "$(printf 'month,person,use_case\n1')"
check "a version 1 history: the new columns are there" \
	test "$(q "$v1db" "SELECT count(*) FROM pragma_table_info('timesheet_cell') WHERE name IN ('ordinal', 'department_line')")" = 2
check "a version 1 history: the quarters it holds are read (trend of three)" \
	test "$(grep -c '^2026-Q3,quarter,2026-Q[123],' "$tmp/v1/$sample_org/2026-Q3/metrics.csv")" = 12
check "a version 1 history: the rows are as they were" test "$(q "$v1db" \
	"SELECT count(*), sum(entries) FROM timesheet_cell WHERE month < 2026 * 12 + 6")" = "$(q "$tmp/split/$sample_org/history.sqlite" \
	"SELECT count(*), sum(entries) FROM timesheet_cell WHERE month < 2026 * 12 + 6")"

# --- a re-issued quarter in later reports: first published unless --republish -------
# 2026-Q2 is published, then re-issued with the AI days of its three Sales
# respondents changed (one fewer and two more active: three people, k = 3, so it
# is published); the 2026-Q3 report's trend row and delta for 2026-Q2 keep version 1,
# with --republish they show version 2.
rq=$tmp/reissue
awk -F, -v OFS=, 'NR > 1 && $2 ~ /^2026-06-/ && $1 ~ /^person-[123]-id$/ { $5 = ($1 == "person-1-id" ? 0 : 2) } 1' \
	"$in/survey.csv" >"$tmp/survey-q2.csv"
run "$rq" "$in/survey.csv" --period 2026-Q2
a1=$(grep '^2026-Q2,organisation,,adoption_rate,' "$rq/$org/2026-Q2/metrics.csv" | cut -d, -f5)
t1=$(grep '^2026-Q2,quarter,2026-Q2,adoption_rate,' "$rq/$org/2026-Q2/metrics.csv" | cut -d, -f5)
run "$rq" "$tmp/survey-q2.csv" --period 2026-Q2
a2=$(grep '^2026-Q2,organisation,,adoption_rate,' "$rq/$org/2026-Q2/metrics.csv" | cut -d, -f5)
t2=$(grep '^2026-Q2,quarter,2026-Q2,adoption_rate,' "$rq/$org/2026-Q2/metrics.csv" | cut -d, -f5)
check "2026-Q2 re-issued: adoption $a1 -> $a2 listed as changed, version 2" \
	test "$a1" != "$a2" -a "$(grep -c "differs from its version 1: organisation/adoption_rate: $a1 → $a2\$" "$err") $(q "$rq/$org/history.sqlite" \
	"SELECT max(version) FROM publication WHERE quarter = 2026 * 4 + 1")" = "1 2"
check "the re-issue's PDF lists the changed adoption ($a1 -> $a2)" \
	sh -c "pdftotext -layout '$rq/$org/2026-Q2/assessment.pdf' - | grep -Eq '^ *organisation / adoption_rate +$a1 +$a2\$'"
check "the re-issue's workbook lists every changed figure the run printed" test "$(/usr/bin/python3 - "$rq/$org/2026-Q2/roi.xlsx" <<'PY'
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["Data quality"]
rows = [r[:3] for r in ws.iter_rows(values_only=True)]
i = [r[0] for r in rows].index("Figure")
for name, old, new in rows[i + 1:]:
    if name is None:
        break
    parts = name.split(" / ")
    fmt = lambda v: v if isinstance(v, str) else ("%.6f" % v).rstrip("0").rstrip(".")
    print("%s/%s: %s → %s" % (parts[0], "/".join(parts[1:]), fmt(old), fmt(new)))
PY
)" = "$(sed -n 's/^aireport: warning: .*history.sqlite: 2026-Q2 differs from its version 1: //p' "$err")"
cp -r "$rq" "$tmp/reissue-2"
run "$rq" "$tmp/survey-q2.csv"
check "the 2026-Q3 report's trend shows 2026-Q2 as first published ($t1)" \
	grep -q "^2026-Q3,quarter,2026-Q2,adoption_rate,$t1,ok\$" "$rq/$org/$period/metrics.csv"
run "$tmp/reissue-none" "$tmp/survey-q2.csv" --no-history
check "without the history the same data give version 2's $t2" \
	grep -q "^2026-Q3,quarter,2026-Q2,adoption_rate,$t2,ok\$" "$tmp/reissue-none/$org/$period/metrics.csv"
check "with the history only that trend row differs" test "$(diff "$rq/$org/$period/metrics.csv" \
	"$tmp/reissue-none/$org/$period/metrics.csv" | grep -c '^[<>]')" = 2
check "the PDF says the trend shows 2026-Q2 as first published" \
	sh -c "pdftotext '$rq/$org/$period/assessment.pdf' - | tr -s ' \n' ' ' | grep -q 'as published: 2026-Q2 (version 1)'"
run "$tmp/reissue-2" "$tmp/survey-q2.csv" --republish
check "--republish: the trend shows 2026-Q2's version 2 ($t2), as without the history" \
	cmp -s "$tmp/reissue-2/$org/$period/metrics.csv" "$tmp/reissue-none/$org/$period/metrics.csv"

# --- reports that cannot be put in place --------------------------------------------
# The history's rows are written while the reports are and committed after them: a
# run whose reports fail (a folder where roi.xlsx should go) leaves no history it
# created, and an earlier history as it was.
nr=$tmp/no-reports
mkdir -p "$nr/$org/$period/roi.xlsx"
run "$nr" "" -q
check "reports that cannot be renamed into place exit 3 (got $st)" test "$st" = 3
check "no history is left behind by a run without reports" \
	test ! -e "$nr/$org/history.sqlite" -a ! -e "$nr/$org/history.secret" \
	-a ! -e "$nr/$org/history.sqlite-wal"
rmdir "$nr/$org/$period/roi.xlsx"
run "$nr" "" -q
before=$(counts "$nr/$org/history.sqlite")
check "then a run with its reports records the history (got $st)" test "$st" = 0 -a -n "$before"
secret=$(od -An -tx1 "$nr/$org/history.secret")
rm "$nr/$org/$period/roi.xlsx"
mkdir "$nr/$org/$period/roi.xlsx"
run "$nr" "$tmp/survey-changed.csv" -q
check "a re-run whose reports fail exits 3 (got $st)" test "$st" = 3
check "and leaves the earlier history's rows as they were" \
	test "$(counts "$nr/$org/history.sqlite")" = "$before"
check "and its secret" test "$(od -An -tx1 "$nr/$org/history.secret")" = "$secret"

# --- runs that start a history at the same moment --------------------------------------
# Three runs into one new folder at once, four times: each creates or finds the
# history, the schema is made once, and every run is recorded.
ok_runs=0
for round in 1 2 3 4; do
	cc=$tmp/concurrent-$round
	for k in 1 2 3; do
		"$bin" -q -s "$in/survey.csv" -t "$in/timesheet.csv" -r "$in/rules.ini" -o "$cc" \
			2>"$tmp/cc-err-$k" &
	done
	fails=0
	for k in 1 2 3; do wait -n || fails=$((fails + 1)); done
	[ "$fails" = 0 ] && [ "$(q "$cc/$org/history.sqlite" 'SELECT count(*) FROM run')" = 3 ] &&
		[ "$(q "$cc/$org/history.sqlite" 'SELECT count(*) = max(version) FROM migration')" = 1 ] &&
		ok_runs=$((ok_runs + 1))
done
check "three runs creating one history at once: all recorded, schema made once ($ok_runs of 4 rounds; $(cat "$tmp"/cc-err-* | head -c 200))" \
	test "$ok_runs" = 4

finish
