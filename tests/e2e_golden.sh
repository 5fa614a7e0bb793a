#!/usr/bin/env bash
# e2e_golden.sh - the sample's documents as text, against checked-in expected files:
# `pdftotext -layout` of assessment.pdf in nl, en and de, and every cell of the Dutch
# roi.xlsx (tests/golden/dump_xlsx.py).  Any change of content - a figure, a
# sentence, a formula - shows up here as a diff to review.  After an intended
# change: GOLDEN_UPDATE=1 bash tests/e2e_golden.sh, and commit the new files.
suite=golden
. "$(dirname "$0")/lib_e2e.sh"
golden=$root/tests/golden
py=/usr/bin/python3
export SOURCE_DATE_EPOCH=1780000000

compare() {   # compare WHAT EXPECTED ACTUAL
	if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
		cp "$3" "$2"
		ok
	elif diff -u "$2" "$3" >"$tmp/diff"; then
		ok
	else
		bad "$1 differs from ${2#$root/}:"
		head -40 "$tmp/diff" >&2
	fi
}

for lang in nl en de; do
	if [ "$lang" = nl ]; then
		rules=rules/default.ini        # a relative path: the workbook shows it
	else
		rules=$tmp/rules-$lang.ini
		sed "s/^language *=.*/language = $lang/" rules/default.ini >"$rules"
	fi
	out=$tmp/out-$lang
	check "sample ($lang) runs" "$bin" -q -r "$rules" -o "$out" || continue
	dir=$(echo "$out"/*/2026-Q3)
	pdftotext -layout "$dir/assessment.pdf" "$tmp/assessment-$lang.txt"
	compare "assessment.pdf ($lang)" "$golden/assessment-$lang.txt" "$tmp/assessment-$lang.txt"
	if [ "$lang" = nl ]; then
		"$py" "$golden/dump_xlsx.py" "$dir/roi.xlsx" >"$tmp/roi-$lang.txt"
		compare "roi.xlsx ($lang)" "$golden/roi-$lang.txt" "$tmp/roi-$lang.txt"
	fi
done
finish
