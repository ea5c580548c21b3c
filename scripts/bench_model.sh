#!/usr/bin/env bash
# Times attnview on the real model against numpy, side by side, and measures memory.
#   scripts/bench_model.sh [ROUNDS]      (default 7; needs `make model`)
# 1. Whole process: `attnview snapshot --model minilm --text <95 tokens> --format text` (release)
#    and scripts/bench_model_numpy.py doing the same work (float32 numpy/scipy encoder + HF
#    tokenizers), alternating, ROUNDS times each; wall time and CPU time (user + sys) per run,
#    then the medians and the fastest runs. On a shared machine wall time follows the load (CPU
#    time much less), so both are printed, with the load average.
# 2. In-process: `attnview bench --model minilm`: load, encoder, and a layer/head switch.
# 3. Peak RSS of the whole snapshot at 512 tokens (the model's limit).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
model_dir="${XDG_DATA_HOME:-$HOME/.local/share}/attnview/models/minilm"
[ -f "$model_dir/model.safetensors" ] || { echo "bench_model.sh: run 'make model' first" >&2; exit 1; }
text="Attention lets every token look at every other token: the query of one word is compared with the keys \
of all words, the scores are divided by the square root of the head size, and a softmax turns them into weights \
that mix the values. Without the divisor, trained heads would saturate, gradients would vanish, and learning \
would stall; with it, the logits keep a standard deviation near one at initialisation, whatever the dimension."
swift build -c release --product attnview >/dev/null
bin=.build/release/attnview
clean=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
echo "numpy $(python3 -c 'import numpy; print(numpy.__version__)'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() {  # prints "wall cpu" in ms for one run of the command
    /usr/bin/time -f "%e %U %S" -o /tmp/bench_model_time.$$ "$@" >/dev/null
    awk '{ printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000 }' /tmp/bench_model_time.$$
}
swift_runs=() numpy_runs=()
for round in $(seq "$rounds"); do
    swift_runs+=("$(measure "${clean[@]}" "$bin" snapshot --model minilm --text "$text" --format text)")
    numpy_runs+=("$(measure "${clean[@]}" python3 scripts/bench_model_numpy.py "$model_dir" "$text")")
    echo "round $round: attnview ${swift_runs[-1]// / ms wall, } ms cpu; numpy ${numpy_runs[-1]// / ms wall, } ms cpu"
done
rm -f /tmp/bench_model_time.$$
summary() {  # median and minimum of column $1 over the runs on stdin
    sort -n -k"$1" | awk -v c="$1" '{ v[NR] = $c } END { printf "%d %d\n", v[int((NR + 1) / 2)], v[1] }'
}
read -r sw_med sw_min < <(printf '%s\n' "${swift_runs[@]}" | summary 1)
read -r sc_med sc_min < <(printf '%s\n' "${swift_runs[@]}" | summary 2)
read -r nw_med nw_min < <(printf '%s\n' "${numpy_runs[@]}" | summary 1)
read -r nc_med nc_min < <(printf '%s\n' "${numpy_runs[@]}" | summary 2)
echo "== whole process, 95 tokens (median / fastest, ms)"
awk -v a="$sw_med" -v b="$sw_min" -v c="$nw_med" -v d="$nw_min" \
    'BEGIN { printf "   wall: attnview %d / %d, numpy %d / %d, attnview / numpy = %.2f / %.2f\n", a, b, c, d, a / c, b / d }'
awk -v a="$sc_med" -v b="$sc_min" -v c="$nc_med" -v d="$nc_min" \
    'BEGIN { printf "   cpu:  attnview %d / %d, numpy %d / %d, attnview / numpy = %.2f / %.2f\n", a, b, c, d, a / c, b / d }'
echo "== in-process (wall median, wall fastest, CPU median; ms)"
"${clean[@]}" "$bin" bench --model minilm --text "$text" --repeats 21
echo "== peak RSS, snapshot at 512 tokens"
long=$(printf 'the %.0s' $(seq 510))
/usr/bin/time -f "   %M KB (%e s wall)" "${clean[@]}" "$bin" snapshot --model minilm --text "$long" --format text >/dev/null
