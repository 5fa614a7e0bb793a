#!/usr/bin/env bash
# End-to-end checks of assessment.pdf through real tools (qpdf, pdffonts,
# pdftotext, pdftoppm): the sample and the worked example, all three languages,
# byte-identical output, and edge cases generated here (40 departments, a
# 100-character name, a formula-like use case, characters the font lacks,
# negative savings, an organisation below the privacy threshold, a quarter
# without AI entries, no payback, a corrupt logo).
# Run from the repository root after `make`; prints "pdf: N passed, N failed".
set -u
suite=pdf
source "$(dirname "$0")/lib_e2e.sh"
export LC_ALL=C.UTF-8

if [ ! -x "$bin" ]; then
	echo "pdf: ./aireport is not built" >&2
	echo "pdf: 0 passed, 1 failed"
	exit 1
fi

# ---- helpers ----------------------------------------------------------------

# The organisation-scope value of a metric in metrics.csv ("" unless status ok).
metric() { awk -F, -v m="$2" '$2 == "organisation" && $4 == m && $6 == "ok" { print $5 }' "$1"; }

# Independent formatting of a ratio as a percentage with one decimal, half up.
percent() { # lang value
	awk -v l="$1" -v v="$2" 'BEGIN {
		x = v * 1000; neg = x < 0; if (neg) x = -x
		q = int(x + 0.5 + 1e-9); s = int(q / 10) (l == "en" ? "." : ",") (q % 10)
		if (neg && q != 0) s = "-" s
		print s (l == "en" ? "%" : " %") }'
}

# A number with one decimal and grouped thousands, half up.
number1() { # lang value
	awk -v l="$1" -v v="$2" 'BEGIN {
		x = v * 10; neg = x < 0; if (neg) x = -x
		q = int(x + 0.5 + 1e-9); ip = int(q / 10); g = ""
		t = (l == "en") ? "," : "."; d = (l == "en") ? "." : ","
		s = ip ""; while (length(s) > 3) { g = t substr(s, length(s) - 2) g; s = substr(s, 1, length(s) - 3) }
		r = s g d (q % 10); if (neg && q != 0) r = "-" r; print r }'
}

# Money without decimals in the report's style (EUR).
money() { # lang value
	awk -v l="$1" -v v="$2" 'BEGIN {
		neg = v < 0; x = neg ? -v : v; q = int(x + 0.5 + 1e-9); g = ""
		t = (l == "en") ? "," : "."
		s = q ""; while (length(s) > 3) { g = t substr(s, length(s) - 2) g; s = substr(s, 1, length(s) - 3) }
		s = s g; sg = (neg && q != 0) ? "-" : ""
		if (l == "nl") print "€ " sg s; else if (l == "de") print sg s " €"; else print sg "€" s }'
}

section_titles() { # lang
	case $1 in
	nl) printf '%s\n' "AI-competentiemeting" "Managementsamenvatting" "Adoptie" "Volwassenheid" \
		"Tijdsbesparing" "Rendement (ROI)" "Kennisoverdracht en behoud" "Datakwaliteit en methode" ;;
	en) printf '%s\n' "AI competence assessment" "Executive summary" "Adoption" "Maturity" \
		"Time savings" "Return on investment (ROI)" "Knowledge transfer and retention" "Data quality and method" ;;
	de) printf '%s\n' "KI-Kompetenzbewertung" "Management-Zusammenfassung" "KI-Nutzung" "Reifegrad" \
		"Zeitersparnis" "Rendite (ROI)" "Wissenstransfer und Bindung" "Datenqualität und Methode" ;;
	esac
}

page_word() { case $1 in nl) echo "Pagina 2 van";; en) echo "Page 2 of";; de) echo "Seite 2 von";; esac; }

# Checks one assessment.pdf: name, language, the survey file (ids must not appear),
# and whether survey figures may appear.
check_pdf() { # label pdf lang survey metrics [suppressed]
	local label=$1 pdf=$2 lang=$3 survey=$4 metrics=$5 suppressed=${6:-no}
	check "$label: assessment.pdf exists" test -s "$pdf" || return
	check "$label: qpdf --check" qpdf --check "$pdf" >/dev/null 2>&1
	local fonts
	fonts=$(pdffonts "$pdf" 2>/dev/null | tail -n +3)
	check "$label: fonts listed" test -n "$fonts"
	check "$label: every font embedded" test -z "$(printf '%s\n' "$fonts" | awk '$(NF-4) != "yes"')"
	pdftotext "$pdf" "$tmp/text.txt" 2>"$tmp/pdftotext.err"
	check "$label: pdftotext reads it without warnings" test ! -s "$tmp/pdftotext.err"
	local text=$tmp/text.txt
	while IFS= read -r title; do
		check "$label: text has section title '$title'" grep -qF -- "$title" "$text"
	done < <(section_titles "$lang")
	check "$label: page numbers" grep -qF -- "$(page_word "$lang")" "$text"
	local outlines
	outlines=$(qpdf --json --json-key=outlines "$pdf" 2>/dev/null | grep -c '"title"')
	check "$label: outline has 8 entries (got $outlines)" test "$outlines" -ge 8

	# key figures, formatted independently from metrics.csv
	local v
	if [ "$suppressed" = no ]; then
		v=$(metric "$metrics" adoption_rate)
		[ -n "$v" ] && check "$label: adoption $(percent "$lang" "$v")" grep -qF -- "$(percent "$lang" "$v")" "$text"
		v=$(metric "$metrics" maturity_index)
		[ -n "$v" ] && check "$label: maturity $(number1 "$lang" "$v")" grep -qF -- "$(number1 "$lang" "$v")" "$text"
	else
		for m in adoption_rate maturity_index; do
			check "$label: $m suppressed in metrics.csv" test -z "$(metric "$metrics" "$m")"
		done
	fi
	v=$(metric "$metrics" hours_saved_per_week)
	[ -n "$v" ] && check "$label: hours/week $(number1 "$lang" "$v")" grep -qF -- "$(number1 "$lang" "$v")" "$text"
	v=$(metric "$metrics" value_saved)
	[ -n "$v" ] && check "$label: value saved $(money "$lang" "$v")" grep -qF -- "$(money "$lang" "$v")" "$text"
	v=$(metric "$metrics" cost_total)
	[ -n "$v" ] && check "$label: total cost $(money "$lang" "$v")" grep -qF -- "$(money "$lang" "$v")" "$text"
	v=$(metric "$metrics" roi)
	[ -n "$v" ] && check "$label: roi $(percent "$lang" "$v")" grep -qF -- "$(percent "$lang" "$v")" "$text"

	# no employee id anywhere in the text
	local leaked
	leaked=$(tail -n +2 "$survey" | cut -d, -f1 | sort -u | grep -v '^$' | grep -owFf - "$text" | head -3 | tr '\n' ' ')
	check "$label: no employee id in the text ($leaked)" test -z "$leaked"

	# every page renders
	local pages rendered
	pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	rm -rf "$tmp/png" && mkdir -p "$tmp/png"
	pdftoppm -png -r 30 "$pdf" "$tmp/png/p" 2>/dev/null
	rendered=$(find "$tmp/png" -name '*.png' -size +0 | wc -l)
	check "$label: all $pages pages render ($rendered)" test "${pages:-0}" -gt 2 -a "$rendered" = "${pages:-x}"
}

# rules/default.ini with some keys replaced: key=value ...
make_rules() { # out key=value...
	local out=$1
	shift
	cp rules/default.ini "$out"
	for kv in "$@"; do
		local k=${kv%%=*} v=${kv#*=}
		# replace the key, or add it to [organisation] when the file lacks it
		awk -v k="$k" -v v="$v" '$0 ~ "^" k "[ \t]*=" && !done { lines[++n] = k " = " v; done = 1; next }
			{ lines[++n] = $0 }
			$0 == "[organisation]" && !at { at = n }
			END { for (i = 1; i <= n; i++) { print lines[i]; if (i == at && !done) print k " = " v } }' \
			"$out" >"$out.tmp"
		mv "$out.tmp" "$out"
	done
}

run() { # outdir args...
	local out=$1
	shift
	"$bin" -q -o "$out" "$@" 2>"$tmp/stderr"
}

# ---- the sample, in all three languages -------------------------------------------
sample_pdf=""
for lang in nl en de; do
	make_rules "$tmp/rules-$lang.ini" "language=$lang" "name=Voorbeeld Metaal B.V. – Zoë Müller Øre Façade"
	run "$tmp/sample-$lang" -s input/survey.csv -t input/timesheet.csv -r "$tmp/rules-$lang.ini"
	check "sample $lang exits 0" test $? = 0
	dir=$(dirname "$(find "$tmp/sample-$lang" -name assessment.pdf | head -1)")
	check_pdf "sample $lang" "$dir/assessment.pdf" "$lang" input/survey.csv "$dir/metrics.csv"
	pdftotext "$dir/assessment.pdf" "$tmp/text.txt" 2>/dev/null
	check "sample $lang: organisation name with accents" grep -qF "Zoë Müller Øre Façade" "$tmp/text.txt"
	[ "$lang" = nl ] && sample_pdf=$dir/assessment.pdf
done
# the figures the issue names: nl "63,5 %"-style, en "63.5%"-style
v=$(metric "$(dirname "$sample_pdf")/metrics.csv" adoption_rate)
check "sample nl adoption written with a decimal comma and a space before %" \
	grep -qE '[0-9],[0-9] %' <(pdftotext "$sample_pdf" - 2>/dev/null)

# the bundled sample with the default rules, as `make run` does
run "$tmp/default" ; st=$?
check "default run exits 0 (got $st)" test "$st" = 0
def_pdf=$(find "$tmp/default" -name assessment.pdf | head -1)
check_pdf "default sample" "$def_pdf" nl input/survey.csv "$(dirname "$def_pdf")/metrics.csv"

# ---- byte-identical output ----------------------------------------------------------
run "$tmp/again" ; again=$(find "$tmp/again" -name assessment.pdf | head -1)
check "two runs give identical PDFs" cmp -s "$def_pdf" "$again"
LC_ALL=de_DE.UTF-8 "$bin" -q -o "$tmp/de-locale" 2>/dev/null
check "identical PDF under LC_ALL=de_DE.UTF-8" cmp -s "$def_pdf" "$(find "$tmp/de-locale" -name assessment.pdf | head -1)"
LC_ALL=nl_NL.UTF-8 "$bin" -q -o "$tmp/nl-locale" 2>/dev/null
check "identical PDF under LC_ALL=nl_NL.UTF-8" cmp -s "$def_pdf" "$(find "$tmp/nl-locale" -name assessment.pdf | head -1)"
SOURCE_DATE_EPOCH=1700000000 "$bin" -q -o "$tmp/sde" 2>/dev/null
check "SOURCE_DATE_EPOCH sets the creation date" \
	grep -q "2023" <(pdfinfo "$(find "$tmp/sde" -name assessment.pdf | head -1)" 2>/dev/null | grep CreationDate)

# ---- the worked example ---------------------------------------------------------------
if [ -d tests/worked-example ]; then
	we=$tmp/we
	cp -r tests/worked-example "$we"
	(cd "$we" && "$bin" -q -s survey.csv -t timesheet.csv -r rules.ini 2>/dev/null)
	check "worked example exits 0" test $? = 0
	we_pdf=$we/output/example-company-b-v/2026-Q3/assessment.pdf
	check_pdf "worked example" "$we_pdf" en "$we/survey.csv" "$we/output/example-company-b-v/2026-Q3/metrics.csv"
	pdftotext "$we_pdf" "$tmp/text.txt" 2>/dev/null
	# value, ROI and cumulative ROI as tests/worked-example/PRIVACY.md explains (the
	# one Consultant and the one Service employee who saved time are valued at 60/h)
	for s in "Example Company B.V." "57.1%" "2.0" "€504" "€260" "93.8%" "22.4%" "6 months" \
	         "Quote" "Report" "Sales" "fewer than 3 people"; do
		check "worked example text has '$s'" grep -qF -- "$s" "$tmp/text.txt"
	done
fi

# ---- edge cases: 40 departments, long and odd names, negative savings ------------------
gen_many() { # dir
	local d=$1
	mkdir -p "$d"
	awk -v dir="$d" 'BEGIN {
		long = "Afdeling met een uitzonderlijk lange naam voor onderzoek, ontwikkeling en innovatie in de regio"
		while (length(long) < 100) long = long "x"
		s = dir "/survey.csv"; t = dir "/timesheet.csv"
		print "employee_id,submitted,department,role,ai_days_per_week,tool_knowledge,application_breadth,autonomy,innovation,knowledge_sharing,satisfaction,training_date,mentor_id" > s
		print "employee_id,date,use_case,minutes,ai_assisted,items,department" > t
		for (dep = 1; dep <= 40; dep++) {
			name = sprintf("Afdeling %02d", dep)
			if (dep == 1) name = long
			if (dep == 2) name = "営業 🚀 Sales"
			if (dep == 3) name = "Zoë & Müller Øre Façade"
			for (j = 1; j <= 6; j++) {
				id = sprintf("EMP%02d%d", dep, j)
				for (q = 2; q <= 3; q++) {
					sc = (dep + j + q) % 5 + 1
					printf "%s,2026-%02d-15,\"%s\",Medewerker,%d,%d,%d,%d,%d,%d,%d,%s,%s\n", id, q == 2 ? 5 : 8, name,
						(dep * j + q) % 5, sc, (sc + 1) % 5 + 1, (dep + 2 * j) % 5 + 1, (j + q) % 5 + 1,
						(dep + q) % 5 + 1, (dep + j) % 5 + 1, j % 2 ? "2026-01-20" : "", j == 1 ? "" : sprintf("EMP%02d1", dep) >> s
				}
				n = (dep - 1) * 6 + j
				uc = sprintf("Use case %02d", n % 28 + 1)
				if (n % 30 == 0) uc = "=HYPERLINK(\"\"x\"\")"
				if (n % 30 == 1) uc = "Trage taak"
				for (k = 1; k <= 3; k++) {
					printf "%s,2026-05-%02d,\"%s\",60,no,1,\n", id, k + 4, uc >> t
					printf "%s,2026-08-%02d,\"%s\",%d,yes,1,\n", id, k + 4, uc, uc == "Trage taak" ? 95 : 35 + k >> t
				}
			}
		}
	}'
}
gen_many "$tmp/many"
for lang in nl en de; do
	make_rules "$tmp/many/rules-$lang.ini" "language=$lang" "quarter=2026-Q3" "name=Veel Afdelingen GmbH"
	run "$tmp/many-$lang" -s "$tmp/many/survey.csv" -t "$tmp/many/timesheet.csv" -r "$tmp/many/rules-$lang.ini"
	st=$?
	check "40 departments $lang exits 0 (got $st)" test "$st" = 0
	pdf=$(find "$tmp/many-$lang" -name assessment.pdf | head -1)
	check_pdf "40 departments $lang" "$pdf" "$lang" "$tmp/many/survey.csv" "$(dirname "$pdf")/metrics.csv"
	pdftotext "$pdf" "$tmp/text.txt" 2>/dev/null
	check "40 departments $lang: last department listed" grep -qF "Afdeling 40" "$tmp/text.txt"
	check "40 departments $lang: long name shortened with …" grep -qE "Afdeling met een uitzonderlijk[^…]*…" "$tmp/text.txt"
	check "40 departments $lang: the 100-character name never appears whole" \
		test "$(grep -cF "innovatie in de regioxx" "$tmp/text.txt")" = 0
	check "40 departments $lang: formula-like use case shown as text" grep -qF '=HYPERLINK("x")' "$tmp/text.txt"
	check "40 departments $lang: accented department" grep -qF "Zoë & Müller Øre Façade" "$tmp/text.txt"
	check "40 departments $lang: negative savings shown" grep -qE -- '-[0-9]+[.,][0-9]' "$tmp/text.txt"
	check "40 departments $lang: tables continue on later pages" \
		grep -qE "\((vervolg|continued|Fortsetzung)\)" "$tmp/text.txt"
done

# ---- edge case: an organisation below the privacy threshold ----------------------------
mkdir -p "$tmp/small"
head -1 input/survey.csv >"$tmp/small/survey.csv"
grep ',2026-0[789]-' input/survey.csv | head -3 >>"$tmp/small/survey.csv"
cp input/timesheet.csv "$tmp/small/timesheet.csv"
make_rules "$tmp/small/rules.ini" "quarter=2026-Q3" "max_reject_ratio=100%"
run "$tmp/small-out" -s "$tmp/small/survey.csv" -t "$tmp/small/timesheet.csv" -r "$tmp/small/rules.ini"
st=$?
check "below threshold exits 0 (got $st)" test "$st" = 0
pdf=$(find "$tmp/small-out" -name assessment.pdf | head -1)
check_pdf "below threshold" "$pdf" nl "$tmp/small/survey.csv" "$(dirname "$pdf")/metrics.csv" yes
pdftotext "$pdf" "$tmp/text.txt" 2>/dev/null
check "below threshold: says the survey cannot be reported" grep -qF "kan daarom niet worden gerapporteerd" "$tmp/text.txt"
check "below threshold: no maturity matrix" test "$(grep -cF "Basis prompten" "$tmp/text.txt")" = 0
check "below threshold: no level shares" test "$(grep -cF "leerpad basisgebruikers" "$tmp/text.txt")" = 0

# ---- edge case: a quarter without AI entries ---------------------------------------------
mkdir -p "$tmp/noai"
awk -F, 'BEGIN { OFS = "," } NR > 1 { $5 = "no" } { print }' input/timesheet.csv >"$tmp/noai/timesheet.csv"
run "$tmp/noai-out" -s input/survey.csv -t "$tmp/noai/timesheet.csv"
st=$?
check "no AI entries exits 0 (got $st)" test "$st" = 0
pdf=$(find "$tmp/noai-out" -name assessment.pdf | head -1)
check_pdf "no AI entries" "$pdf" nl input/survey.csv "$(dirname "$pdf")/metrics.csv"
check "no AI entries: says nothing was logged" grep -qF "geen werk met AI-ondersteuning" <(pdftotext "$pdf" - 2>/dev/null)

# ---- edge case: no payback, a corrupt logo, a missing font ---------------------------------
mkdir -p "$tmp/nopay"
printf '\211PNG\r\n\032\n\000\000\000\015IHDR\000\000\000\020\000\000\000\020\010\002\000\000\000garbage' >"$tmp/nopay/logo.png"
printf '\000\001\000\000\000\015\000\000garbage-font-data' >"$tmp/nopay/broken.ttf"
make_rules "$tmp/nopay/rules.ini" "training_per_participant=90000" "language=en" "logo=logo.png" \
	"font=broken.ttf"
run "$tmp/nopay-out" -r "$tmp/nopay/rules.ini"
st=$?
check "no payback exits 0 (got $st)" test "$st" = 0
check "corrupt logo gives a warning" grep -q "logo" "$tmp/stderr"
check "missing font gives a warning" grep -q "font" "$tmp/stderr"
pdf=$(find "$tmp/nopay-out" -name assessment.pdf | head -1)
check_pdf "no payback" "$pdf" en input/survey.csv "$(dirname "$pdf")/metrics.csv"
pdftotext "$pdf" "$tmp/text.txt" 2>/dev/null
check "no payback: payback not yet reached" grep -qF "not yet" "$tmp/text.txt"
check "no payback: no payback month" test "$(grep -cF "paid for itself" "$tmp/text.txt")" = 0

# a valid logo is embedded
if command -v python3 >/dev/null; then
	python3 - "$tmp/nopay/logo.png" <<'EOF'
import struct, sys, zlib
w, h = 40, 20
raw = b"".join(b"\x00" + bytes([31, 58, 95]) * w for _ in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
EOF
	make_rules "$tmp/nopay/rules2.ini" "logo=logo.png"
	run "$tmp/logo-out" -r "$tmp/nopay/rules2.ini"
	pdf=$(find "$tmp/logo-out" -name assessment.pdf | head -1)
	check "valid logo: no warning" test ! -s "$tmp/stderr"
	check "valid logo embedded as an image" test "$(pdfimages -list "$pdf" 2>/dev/null | tail -n +3 | wc -l)" = 1
	check "valid logo: qpdf --check" qpdf --check "$pdf" >/dev/null 2>&1

	# correct chunk CRCs around a broken zlib stream: libpng would abort the process
	python3 - "$tmp/nopay/logo.png" <<'EOF'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 20, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", b"\x78\x9c" + bytes(range(200))) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
EOF
	run "$tmp/badzlib-out" -r "$tmp/nopay/rules2.ini"
	st=$?
	check "damaged logo data: run still exits 0 (got $st)" test "$st" = 0
	check "damaged logo data: warning" grep -q "damaged PNG" "$tmp/stderr"
	pdf=$(find "$tmp/badzlib-out" -name assessment.pdf | head -1)
	check "damaged logo data: PDF without image" test "$(pdfimages -list "$pdf" 2>/dev/null | tail -n +3 | wc -l)" = 0
fi

# ---- only the two actions that always apply ------------------------------------
# Four employees, all at level 3 in every dimension, each saving time on the same
# use case, no costs: no rule but "share" and "measure" applies.  The summary lists
# two actions and says so; it used to draw a third entry nobody had filled.
two=$tmp/two-actions
mkdir -p "$two"
cat >"$two/survey.csv" <<'EOF'
employee_id,submitted,department,ai_days_per_week,tool_knowledge,application_breadth,autonomy,innovation,knowledge_sharing
E1,2026-08-03,Sales,3,5,5,5,5,5
E2,2026-08-03,Sales,3,5,5,5,5,5
E3,2026-08-04,Sales,3,5,5,5,5,5
E4,2026-08-04,Sales,3,5,5,5,5,5
EOF
{ echo "employee_id,date,use_case,minutes,ai_assisted"
  for e in E1 E2 E3 E4; do echo "$e,2026-07-06,Quote,120,no"; echo "$e,2026-08-10,Quote,60,yes"; done
} >"$two/timesheet.csv"
printf '[organisation]\nname = Twee Acties B.V.\nlanguage = en\n[privacy]\nmin_group_size = 2\nallow_small_groups = true\n[rates]\ndefault = 60\n' >"$two/rules.ini"
"$bin" -q -s "$two/survey.csv" -t "$two/timesheet.csv" -r "$two/rules.ini" -o "$two/out" 2>"$two/err"
st=$?
check "two actions: exit 0 (got $st)" test "$st" = 0
pdf=$two/out/twee-acties-b-v/2026-Q3/assessment.pdf
pdftotext -layout -f 2 -l 2 "$pdf" "$two/p2.txt" 2>/dev/null
actions=$(sed -n '/^Recommended actions/,/^Adoption/p' "$two/p2.txt")
check "two actions: the first is 'Share results'" grep -qE '^ *1 +Share results in a monthly AI update' <<<"$actions"
check "two actions: the second is 'Measure again'" grep -qE '^ *2 +Measure again next quarter' <<<"$actions"
check "two actions: no third entry" bash -c '! grep -qE "^ *3 " <<<"$1"' _ "$actions"
check "two actions: the page says no other action follows" \
	grep -q "No other actions follow from this quarter's figures." <<<"$actions"
check "two actions: qpdf --check" qpdf --check "$pdf" >/dev/null 2>&1

finish
