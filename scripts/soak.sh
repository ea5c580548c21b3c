#!/usr/bin/env bash
# The suite's soak test, longer: random keys (every documented key, unbound function, editing and
# Ctrl keys, bursts) and resizes from 30×10 to 230×70 against the view in tmux; it must stay alive,
# keep its memory (VmRSS) within the test's tolerance, and exit 0 on q with the terminal restored.
# Usage: scripts/soak.sh [SECONDS] [SEED]      (defaults 300 and a seed from the clock, printed)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
seed=${2:-$(date +%s)}
echo "soak: $seconds s, seed $seed (replay: scripts/soak.sh $seconds $seed)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
ATTNVIEW_SOAK_SECONDS=$seconds ATTNVIEW_SOAK_SEED=$seed swift test --filter SoakTests >"$log" 2>&1 || status=$?
grep -E "✘|✔ Test run|recorded an issue|error:" "$log" || tail -20 "$log"
exit "$status"
