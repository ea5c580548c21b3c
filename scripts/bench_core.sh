#!/usr/bin/env bash
# Times the core's full recompute against numpy side by side, and measures peak memory.
#   scripts/bench_core.sh [N] [DK] [REPEATS] [ROUNDS]      (defaults 256 4096 21 3)
# The two sides run in alternating rounds; each round prints medians, and the ratio uses each
# side's best round median, so a burst of load from other processes does not decide it.
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (set on some machines for old OpenBLAS builds) slow a
# current OpenBLAS; they are unset for both sides, in these commands only.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-256}
dk=${2:-4096}
repeats=${3:-21}
rounds=${4:-3}

swift build -c release --product attnview >/dev/null
bin=.build/release/attnview
clean=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
echo "numpy $(python3 -c 'import numpy; print(numpy.__version__)'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"

best_swift="" best_numpy=""
for round in $(seq "$rounds"); do
    echo "== round $round: attnview bench (Swift, release)"
    swift_out=$("${clean[@]}" "$bin" bench --n "$n" --dk "$dk" --repeats "$repeats")
    echo "$swift_out"
    numpy_out=$("${clean[@]}" python3 scripts/bench_numpy.py --n "$n" --dk "$dk" --repeats "$repeats")
    echo "== round $round: numpy"
    echo "$numpy_out"
    s=$(echo "$swift_out" | awk '/full compute, cached inputs/ {print $1}')
    p=$(echo "$numpy_out" | awk '{print $1}')
    best_swift=$(awk -v a="$best_swift" -v b="$s" 'BEGIN { print (a == "" || b < a) ? b : a }')
    best_numpy=$(awk -v a="$best_numpy" -v b="$p" 'BEGIN { print (a == "" || b < a) ? b : a }')
done
awk -v s="$best_swift" -v p="$best_numpy" -v n="$n" -v dk="$dk" 'BEGIN {
    printf "== full recompute at n = m = %d, d_k = %d (best round median): attnview %.3f ms, numpy %.3f ms, numpy / attnview = %.2f\n", n, dk, s, p, p / s }'

echo "== peak memory at n = m = 1024, d_k = 4096 (every measurement once)"
"${clean[@]}" /usr/bin/time -f "max RSS (time -v): %M KB" "$bin" bench --n 1024 --dk 4096 --repeats 1 2>&1 | grep -E "RSS"
