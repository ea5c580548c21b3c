#!/usr/bin/env bash
# Times the core's full recompute against numpy side by side, and measures peak memory.
#   scripts/bench_core.sh [N] [DK] [REPEATS] [ROUNDS]      (defaults 256 4096 21 5)
# The two sides run in alternating rounds; each round prints the median and the fastest run, and
# the ratios use each side's best round median and fastest run, so a burst of load from other
# processes (on a shared 2-core machine a busy neighbour halves the cores) does not decide them.
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (set on some machines for old OpenBLAS builds) slow a
# current OpenBLAS; they are unset for both sides, in these commands only.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-256}
dk=${2:-4096}
repeats=${3:-21}
rounds=${4:-5}

swift build -c release --product attnview >/dev/null
bin=.build/release/attnview
clean=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
echo "numpy $(python3 -c 'import numpy; print(numpy.__version__)'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"

best_swift="" best_numpy="" fast_swift="" fast_numpy=""
smaller() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
for round in $(seq "$rounds"); do
    echo "== round $round: attnview bench (Swift, release)"
    swift_out=$("${clean[@]}" "$bin" bench --n "$n" --dk "$dk" --repeats "$repeats")
    echo "$swift_out"
    numpy_out=$("${clean[@]}" python3 scripts/bench_numpy.py --n "$n" --dk "$dk" --repeats "$repeats")
    echo "== round $round: numpy"
    echo "$numpy_out"
    line=$(echo "$swift_out" | grep "full compute, cached inputs")
    best_swift=$(smaller "$best_swift" "$(echo "$line" | awk '{print $1}')")
    fast_swift=$(smaller "$fast_swift" "$(echo "$line" | awk '{print $2}')")
    best_numpy=$(smaller "$best_numpy" "$(echo "$numpy_out" | awk '{print $1}')")
    fast_numpy=$(smaller "$fast_numpy" "$(echo "$numpy_out" | awk '{print $2}')")
done
awk -v s="$best_swift" -v p="$best_numpy" -v fs="$fast_swift" -v fp="$fast_numpy" -v n="$n" -v dk="$dk" 'BEGIN {
    printf "== full recompute at n = m = %d, d_k = %d\n", n, dk
    printf "   best round median: attnview %.3f ms, numpy %.3f ms, numpy / attnview = %.2f\n", s, p, p / s
    printf "   fastest run:       attnview %.3f ms, numpy %.3f ms, numpy / attnview = %.2f\n", fs, fp, fp / fs }'

echo "== peak memory at n = m = 1024, d_k = 4096 (every measurement once)"
"${clean[@]}" /usr/bin/time -f "max RSS (time -v): %M KB" "$bin" bench --n 1024 --dk 4096 --repeats 1 2>&1 | grep -E "RSS"
