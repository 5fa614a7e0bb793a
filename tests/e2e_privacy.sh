#!/usr/bin/env bash
# The privacy attacker (tests/privacy/attack.py): the promise of README "Privacy" is
# that no published figure, and no combination of published figures a reader can form
# with ordinary spreadsheet arithmetic, pins down a value about a group of fewer than
# k people.  The attacker reads every figure of metrics.csv, roi.xlsx and the PDF
# text of seeded random small companies and tries ten classes of attack against the
# ground truth; any recovery fails the test.
#
# PRIVACY_SEEDS (default 30, about a minute) sets how many random companies;
# `make privacy-long` runs 2000.  PRIVACY_JOBS runs companies in parallel.
#
# The hand-built cases in tests/privacy/cases/ demonstrate one class each with exact
# numbers (see each case's README.md).  On the model before issue 13's privacy rules
# every one of them fails, and so does the random set:
#   class1-survey-suppressed           licence/training cost give the active and trained counts
#   class2-dept-one-respondent         a department of 6 with one respondent publishes its adoption
#   class3-satisfaction-one-answer     satisfaction_mean over one answer
#   class4-two-suppressed-depts        two single-person departments, no complement
#   class5-complement-without-respondents  the complement has no respondents
#   class6-rate-class-of-one           the Boss column / value vs hours give one person's hours
#   class7-one-joiner                  migration vs level shares gives the joiner's level
#   class8-concentration               concentration x hours = the top user's hours
#   class9-late-answer                 the re-issued quarter differs by the late answer
#   class10-config                     k = 1/2 accepted, no warnings, rejects.csv beside the PDF
set -u
suite=privacy
source "$(dirname "$0")/lib_e2e.sh"
py=${PYTHON:-/usr/bin/python3}
seeds=${PRIVACY_SEEDS:-30}
jobs=${PRIVACY_JOBS:-1}
export AIREPORT_BIN=$bin

for c in tests/privacy/cases/*/; do
	name=$(basename "$c")
	if "$py" tests/privacy/attack.py --quiet --case "$c" >"$tmp/$name.out" 2>&1; then
		ok
	else
		grep -v ' 0 recoveries' "$tmp/$name.out" | sed "s/^/  [$name] /" >&2
		bad "case $name: the attack of tests/privacy/cases/$name/README.md still works"
	fi
done
"$py" tests/privacy/attack.py --seeds "$seeds" --jobs "$jobs" >"$tmp/random.out" 2>&1
st=$?
cat "$tmp/random.out"
check "no recovery on $seeds random companies" test "$st" = 0
# Seed 124 once found a use case without a baseline counted among the people of
# the hidden use cases (its users save nothing): kept as a regression.
"$py" tests/privacy/attack.py --seeds 1 --first 124 >"$tmp/seed124.out" 2>&1 ||
	cat "$tmp/seed124.out" >&2
check "no recovery on seed 124 (a use case without a baseline among the hidden)" \
	grep -q " 0 recoveries in 0 companies" <(grep "class  5" "$tmp/seed124.out")
finish
