#!/usr/bin/env bash
# The manual and make install/uninstall: the page renders without a groff warning,
# every long option of --help is in the page and the reverse, and
# `make install DESTDIR=… PREFIX=/usr/local` installs the binary, the manual and the
# share files, which `make uninstall` removes again.  Prints "install: N passed, N failed".
set -u
suite=install
source "$(dirname "$0")/lib_e2e.sh"

make -s build/aireport.1 >/dev/null
page=build/aireport.1
check "groff -ww finds nothing to warn about" bash -c "[ -z \"\$(groff -man -ww -z '$page' 2>&1)\" ]"
help_opts=$("$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
page_opts=$(sed 's/\\-/-/g' "$page" | grep -o -- '--[a-z][a-z-]*' | sort -u)
check "every option of --help is in the manual" \
	test -z "$(comm -23 <(echo "$help_opts") <(echo "$page_opts"))"
check "every option of the manual is in --help" \
	test -z "$(comm -13 <(echo "$help_opts") <(echo "$page_opts"))"
check "the manual names the version" grep -q "aireport $(sed -n 's/^#define AIREPORT_VERSION "\(.*\)"/\1/p' gen/main.c)" "$page"

dest=$tmp/dest
make -s install DESTDIR="$dest" PREFIX=/usr/local >/dev/null
for f in bin/aireport share/man/man1/aireport.1.gz share/aireport/default.ini \
         share/aireport/questionnaire-nl.md share/aireport/questionnaire-en.md \
         share/aireport/questionnaire-de.md share/aireport/survey.csv share/aireport/timesheet.csv; do
	check "make install puts $f in place" test -s "$dest/usr/local/$f"
done
check "the installed manual reads" bash -c "man -l '$dest/usr/local/share/man/man1/aireport.1.gz' 2>/dev/null | grep -q 'init-rules'"
make -s uninstall DESTDIR="$dest" PREFIX=/usr/local >/dev/null
check "make uninstall leaves no file" test -z "$(find "$dest" -type f)"
finish
