#!/usr/bin/env bash
# Install, then run the main job on the sample corpus: ingest + analyze into
# out/seeds.db and write out/report.html. Prints where the report is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
SEEDS="${1:-../shared/corpus/seeds}"
mkdir -p out
rc=0
.venv/bin/newsprism --db out/seeds.db run "$SEEDS" -o out/report.html || rc=$?
.venv/bin/newsprism --db out/seeds.db status
echo "report: $(pwd)/out/report.html"
exit "$rc"
