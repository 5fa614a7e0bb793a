#!/usr/bin/env bash
# Runs every tests/e2e_*.sh; each prints "<name>: N passed, N failed".
set -u
cd "$(dirname "$0")/.."
status=0
for t in tests/e2e_*.sh; do
	bash "$t" || status=1
done
exit $status
