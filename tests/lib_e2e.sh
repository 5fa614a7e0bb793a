# lib_e2e.sh - sourced by every tests/e2e_*.sh after setting `suite`.  Moves to the
# repository root and provides: root, bin ($AIREPORT_BIN when set, as make test-asan
# does, else ./aireport), tmp (removed on exit unless the script sets its own trap),
# the counters pass and fail, ok, bad WHAT, check WHAT COMMAND... (returns 1 when
# the command fails) and finish, which prints "<suite>: N passed, N failed" and exits
# non-zero on any failure.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
root=$PWD
bin=${AIREPORT_BIN:-$root/aireport}
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $suite: $*" >&2; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; return 1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
finish() {
	echo "$suite: $pass passed, $fail failed"
	[ "$fail" = 0 ]
	exit
}
# threads_agree WHAT ARGS...: runs "$bin" ARGS (which must include -o DIR) with
# --threads 1, then with 2 and 4 threads, with the usual chunks and with chunks of a
# few bytes (AIREPORT_CHUNK_BYTES), which cut quoted fields, CRLF pairs and UTF-8
# characters; each run's exit status, stdout, stderr and every file under DIR must
# be byte for byte those of the first.  CHUNKS overrides the list of sizes.  The
# runs keep no history (--no-history): its secret is random by design.
threads_agree() {
	local what=$1 dir="" prev="" a; shift
	for a in "$@"; do [ "$prev" = -o ] && dir=$a; prev=$a; done
	local ref=$tmp/threads-ref st0 st v t c
	rm -rf "$dir" "$ref"; mkdir -p "$ref"
	SOURCE_DATE_EPOCH=1700000000 "$bin" "$@" --no-history --threads 1 >"$ref/stdout" \
		2>"$ref/stderr"; st0=$?
	[ -d "$dir" ] && mv "$dir" "$ref/out"
	for v in ${CHUNKS:-2: 4: 2:1 2:2 4:3 2:7 4:61 2:4096}; do
		t=${v%%:*} c=${v#*:}
		rm -rf "$dir" "$tmp/threads-got"; mkdir -p "$tmp/threads-got"
		AIREPORT_CHUNK_BYTES=$c SOURCE_DATE_EPOCH=1700000000 "$bin" "$@" --no-history --threads "$t" \
			>"$tmp/threads-got/stdout" 2>"$tmp/threads-got/stderr"; st=$?
		[ -d "$dir" ] && mv "$dir" "$tmp/threads-got/out"
		check "$what: --threads $t, chunks of ${c:-4M} bytes: exit $st, not $st0" test "$st" = "$st0" &&
		check "$what: --threads $t, chunks of ${c:-4M} bytes: same outputs" \
			diff -r "$ref" "$tmp/threads-got"
	done
	rm -rf "$dir"
}
