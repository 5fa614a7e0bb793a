#!/usr/bin/env bash
# The organisation's history, OUT/<org>/history.sqlite, through the sqlite3 shell
# and python3's sqlite3: what the first run records (runs, inputs' SHA-256, every
# figure of metrics.csv, cells and survey rows under pseudonyms, no plain id
# anywhere in the file), the secret's mode, an identical re-run (no new version),
# a changed survey answer (exactly the changed figures listed, both versions kept),
# --no-history, --batch, and the faults: a read-only, a corrupt, a newer and a
# locked database, and a SIGKILL inside the transaction.  Each fault ends with
# exit 3 (the kill with the signal), the new reports in place and the history as
# it was.
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
check "schema version 1, WAL, integrity ok" \
	test "$(q "$db" 'PRAGMA user_version; PRAGMA journal_mode; PRAGMA integrity_check' | tr '\n' ' ')" = "1 wal ok "
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

# --- a late change to one survey answer -------------------------------------------
# The first respondent of the quarter changes satisfaction: 3 -> 5.
awk -F, -v OFS=, 'NR > 1 && !done && $2 ~ /^2026-0[789]/ && $11 != "" { $11 = ($11 == 5 ? 1 : 5); done = 1 } 1' \
	"$in/survey.csv" >"$tmp/survey-changed.csv"
check "the changed survey differs in one line" test "$(diff "$in/survey.csv" "$tmp/survey-changed.csv" | grep -c '^>')" = 1
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
# fault NAME: a copy of the history after the first run (out-1) in $tmp/f-NAME.
fault_out() {
	rm -rf "$tmp/f-$1"
	cp -r "$tmp/out-1" "$tmp/f-$1"
	fdb=$tmp/f-$1/$org/history.sqlite
}
# The new reports are in place: metrics.csv is the changed run's.
reports_new() { cmp -s "$1/$org/$period/metrics.csv" "$tmp/metrics-2.csv"; }
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
check "read-only database: the new reports are in place" reports_new "$tmp/f-readonly"
check "read-only database: unchanged" cmp -s "$fdb" "$tmp/before.sqlite"

# A corrupt database: one page of the file overwritten.
fault_out corrupt
head -c 4096 /dev/urandom | dd of="$fdb" bs=4096 seek=3 conv=notrunc status=none
cp "$fdb" "$tmp/before.sqlite"
run "$tmp/f-corrupt" "$tmp/survey-changed.csv" -q
check "corrupt database exits 3 (got $st)" test "$st" = 3
check "corrupt database: one line naming it ($(head -c 200 "$err"))" one_line "f-corrupt/$org/history.sqlite: corrupt history"
check "corrupt database: the new reports are in place" reports_new "$tmp/f-corrupt"
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
check "newer schema: the new reports are in place" reports_new "$tmp/f-newer"
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

finish
