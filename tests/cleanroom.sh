#!/usr/bin/env bash
# cleanroom.sh - the package as a user who never sees the source gets it (run by
# .ci/run as root, after `make deb`): apt-get installs ./aireport_*.deb, then, in
# an empty folder, --version, the manual, --init-rules on the installed sample
# exports, --check and a full run; apt-get removes it and nothing of it may be
# left.  Safe to run twice.  Prints "cleanroom: N passed, N failed".
set -u
suite=cleanroom
source "$(dirname "$0")/lib_e2e.sh"
export DEBIAN_FRONTEND=noninteractive
deb=$(ls "$root"/aireport_*.deb 2>/dev/null | head -n 1)
check "a package was built" test -n "$deb" || finish
apt-get remove -y -qq aireport >/dev/null 2>&1
apt-get install -y -qq --no-install-recommends "$deb" >"$tmp/apt" 2>&1; st=$?
check "apt-get installs the package (exit $st)" test "$st" = 0 || { tail -5 "$tmp/apt"; finish; }
files=$(dpkg -L aireport | while read -r f; do [ -f "$f" ] && echo "$f"; done)

cd "$tmp" || exit 1
mkdir clean && cd clean || exit 1
check "aireport is on the PATH" test "$(command -v aireport)" = /usr/bin/aireport
check "--version names the package's version" \
	test "$(aireport --version)" = "aireport $(dpkg-query -W -f='${Version}' aireport)"
check "the package holds the manual" bash -c "dpkg -c '$deb' | grep -q '/usr/share/man/man1/aireport.1.gz$'"
if grep -qs 'path-exclude.*/usr/share/man' /etc/dpkg/dpkg.cfg.d/*; then
	echo "cleanroom: this machine's dpkg leaves manual pages out; man -w not tried"
else
	check "man finds the manual" test "$(man -w aireport)" = /usr/share/man/man1/aireport.1.gz
fi
check "--help names the installed rules file" bash -c "aireport --help | grep -q /usr/share/aireport/default.ini"
cp /usr/share/aireport/survey.csv /usr/share/aireport/timesheet.csv .
aireport -q --init-rules rules.ini -s survey.csv -t timesheet.csv; st=$?
check "--init-rules on the sample exports (exit $st)" test "$st" = 0 -a -s rules.ini
sed -i 's/^name =$/name = Voorbeeld Metaal B.V./; s/^default =$/default = 60/' rules.ini
aireport --check -r rules.ini -s survey.csv -t timesheet.csv >check.txt 2>check.err; st=$?
check "--check with the filled-in rules exits 0 (got $st: $(head -1 check.err))" test "$st" = 0
aireport -q -r rules.ini -s survey.csv -t timesheet.csv -o out; st=$?
check "a full run from an empty folder (exit $st)" test "$st" = 0
for f in metrics.csv rejects/rejects.csv assessment.pdf roi.xlsx; do
	check "the run wrote $f" test -s "out/voorbeeld-metaal-b-v/2026-Q3/$f"
done
cd "$tmp" || exit 1

apt-get remove -y -qq aireport >/dev/null 2>&1; st=$?
check "apt-get removes the package (exit $st)" test "$st" = 0
left=""
for f in $files; do [ -e "$f" ] && left="$left $f"; done
check "nothing of the package is left:$left" test -z "$left"
check "its share folder is gone" test ! -e /usr/share/aireport
finish
