#!/bin/sh
# Regenerates the bundled sample data input/survey.csv and input/timesheet.csv
# (the fictional "Voorbeeld Metaal B.V.").  The output is byte-identical on every
# machine, so a diff after running this means the generator changed.
set -e
cd "$(dirname "$0")/.."
make -s tests/gen_data
tests/gen_data --sample --out input
