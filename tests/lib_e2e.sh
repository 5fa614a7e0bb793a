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
