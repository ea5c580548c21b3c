#!/usr/bin/env bash
# Whole-process time of `attnview snapshot --q Q.npy --k K.npy --format text` against a numpy
# script that loads the same two files and computes the same statistics and histograms
# (scripts/bench_numpy.py's full_compute), side by side in alternating rounds.
#   scripts/bench_startup.sh [ROWS] [D] [RUNS] [ROUNDS] [BINARY]     (defaults 512 8192 11 3)
# Each round runs each side RUNS times; the ratio uses each side's best round median and fastest
# run, so a burst of load from other processes (a shared 2-core machine) does not decide it.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-512}
d=${2:-8192}
runs=${3:-11}
rounds=${4:-3}
binary=${5:-}
if [ -z "$binary" ]; then
    swift build -c release --product attnview >/dev/null
    binary=.build/release/attnview
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$rows" "$d" <<'PY'
import sys
import numpy as np
work, rows, d = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(7)
np.save(f"{work}/q.npy", rng.standard_normal((rows, d), dtype=np.float32))
np.save(f"{work}/k.npy", rng.standard_normal((rows, d), dtype=np.float32))
PY
cat > "$work/numpy_side.py" <<PY
import math, sys
sys.path.insert(0, "$PWD/scripts")
import numpy as np
from bench_numpy import full_compute
q = np.load("$work/q.npy")
k = np.load("$work/k.npy")
stats, logit_hist, weight_hist, _ = full_compute(q, k, math.sqrt(q.shape[1]), False)
print(stats)
PY
clean=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
attnview=("${clean[@]}" "$binary" snapshot --q "$work/q.npy" --k "$work/k.npy" --format text)
numpy=("${clean[@]}" python3 "$work/numpy_side.py")
"${attnview[@]}" >/dev/null  # warm the page cache and check it runs
"${numpy[@]}" >/dev/null

# Prints "median fastest cpu" in ms for RUNS runs of the command: wall-clock median and fastest,
# and the median CPU time (user + sys), which a busy machine disturbs much less than wall time.
timed() {
    local log
    log=$(mktemp)
    for _ in $(seq "$runs"); do
        /usr/bin/time -a -o "$log" -f "%e %U %S" "$@" >/dev/null
    done
    local wall cpu
    wall=$(awk '{ print $1 * 1000 }' "$log" | sort -n | awk '{ t[NR] = $1 } END { printf "%.0f %.0f", t[int((NR + 1) / 2)], t[1] }')
    cpu=$(awk '{ print ($2 + $3) * 1000 }' "$log" | sort -n | awk '{ t[NR] = $1 } END { printf "%.0f", t[int((NR + 1) / 2)] }')
    echo "$wall $cpu"
    rm -f "$log"
}
echo "two ${rows} × ${d} float32 files; $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
best_a="" best_n="" fast_a="" fast_n="" cpu_a="" cpu_n=""
smaller() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
for round in $(seq "$rounds"); do
    read -r median_a fastest_a c_a < <(timed "${attnview[@]}")
    read -r median_n fastest_n c_n < <(timed "${numpy[@]}")
    echo "round $round: attnview median $median_a ms, fastest $fastest_a ms, cpu $c_a ms |" \
        "numpy median $median_n ms, fastest $fastest_n ms, cpu $c_n ms"
    best_a=$(smaller "$best_a" "$median_a"); fast_a=$(smaller "$fast_a" "$fastest_a"); cpu_a=$(smaller "$cpu_a" "$c_a")
    best_n=$(smaller "$best_n" "$median_n"); fast_n=$(smaller "$fast_n" "$fastest_n"); cpu_n=$(smaller "$cpu_n" "$c_n")
done
awk -v a="$best_a" -v n="$best_n" -v fa="$fast_a" -v fn="$fast_n" -v ca="$cpu_a" -v cn="$cpu_n" 'BEGIN {
    printf "best round median: attnview %.0f ms, numpy %.0f ms, attnview / numpy = %.2f\n", a, n, a / n
    printf "fastest run:       attnview %.0f ms, numpy %.0f ms, attnview / numpy = %.2f\n", fa, fn, fa / fn
    printf "cpu (user + sys):  attnview %.0f ms, numpy %.0f ms, attnview / numpy = %.2f\n", ca, cn, ca / cn }'
/usr/bin/time -f "attnview once: %e s wall, %U s user, %S s sys, max RSS %M KB" "${attnview[@]}" 2>&1 >/dev/null | tail -1
