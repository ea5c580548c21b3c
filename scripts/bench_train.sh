#!/usr/bin/env bash
# Times training in one run: attnview train (the whole process, release) against the numpy
# implementation of the same task (scripts/bench_train.py: its steps only, batches made beforehand).
#   scripts/bench_train.sh [ROUNDS]       (default 3)
# Figures of issue 19: one 250-step SGD run at d_k 1024 (defaults otherwise) ≤ 0.3× numpy's time;
# the default SGD grid (3 policies × 4 d_k × 7 learning rates) ≤ 15 s on 2 cores.
# numpy runs with OPENBLAS_NUM_THREADS=1 and with its default threads; the faster counts. Each side
# keeps its fastest round, so a burst of load from other processes does not decide the ratio.
# The "Prescott" figures time the same with OPENBLAS_CORETYPE=Prescott: the kernels Debian's
# OpenBLAS 0.3.21 falls back to on CPUs it does not know (Zen 4, recent Xeons), which attnview
# replaces at start-up with the AVX2 or AVX-512 ones the CPU has (BLASKernels.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
swift build -c release --product attnview >/dev/null
bin=.build/release/attnview
echo "numpy $(python3 -c 'import numpy; print(numpy.__version__)'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "OpenBLAS kernels: $(OPENBLAS_VERBOSE=2 "$bin" train --steps 1 --dk 1 --scale 1 2>&1 >/dev/null | paste -sd' ' -)"

seconds() { # wall seconds of a command, its output discarded
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }'
}
smaller() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }

run=(train --dk 1024 --scale sqrt --lr 4)
best_tool="" best_numpy="" best_prescott="" best_data=""
for round in $(seq "$rounds"); do
    tool=$(seconds "$bin" "${run[@]}")
    prescott=$(OPENBLAS_CORETYPE=Prescott seconds "$bin" "${run[@]}")
    single_line=$(OPENBLAS_NUM_THREADS=1 python3 scripts/bench_train.py --dk 1024)
    single=$(echo "$single_line" | awk '{print $1}')
    data=$(echo "$single_line" | awk '{print $3}')
    threaded=$(python3 scripts/bench_train.py --dk 1024 | awk '{print $1}')
    echo "round $round: attnview ${tool} s (Prescott kernels ${prescott} s), numpy ${single} s (1 thread) ${threaded} s (default), numpy's data ${data} s"
    best_tool=$(smaller "$best_tool" "$tool")
    best_prescott=$(smaller "$best_prescott" "$prescott")
    best_numpy=$(smaller "$(smaller "$best_numpy" "$single")" "$threaded")
    best_data=$(smaller "$best_data" "$data")
done
awk -v t="$best_tool" -v h="$best_prescott" -v p="$best_numpy" -v d="$best_data" 'BEGIN {
    printf "== one 250-step SGD run, d_k 1024, s = sqrt(d_k), lr 4\n"
    printf "   attnview %.3f s (whole process), numpy %.3f s (steps only): attnview / numpy = %.2f (target <= 0.3)\n", t, p, t / p
    printf "   with OPENBLAS_CORETYPE=Prescott: attnview %.3f s, %.2f of numpy\n", h, h / p
    printf "   numpy steps + its data drawn by default_rng (%.3f s): attnview / numpy = %.2f\n", d, t / (p + d) }'

grid=$(seconds "$bin" train --grid)
grid_prescott=$(OPENBLAS_CORETYPE=Prescott seconds "$bin" train --grid)
adam=$(seconds "$bin" train --grid --optimizer adam)
echo "== default SGD grid (84 runs): ${grid} s (target <= 15 s); Prescott kernels ${grid_prescott} s; Adam grid ${adam} s"
