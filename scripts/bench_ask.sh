#!/usr/bin/env bash
# Times issue 20's figures on the real model (needs `make model`; release build):
#   scripts/bench_ask.sh [ROUNDS]      (default 7)
# 1. In-process (`attnview bench --model minilm` at 64 tokens): the encoder again with every divisor
#    × a new alpha (target ≤ 40 ms), a whole divisor key with A on, and the weight from one token to
#    another in all 72 heads, ranked (target ≤ 10 ms after the model ran once). Columns: median wall
#    ms, fastest wall ms, median CPU ms.
# 2. Whole process: `attnview embed` of two sentences against scripts/embed_numpy.py (the float64
#    numpy reference with HF tokenizers), alternating, ROUNDS times each; wall and CPU (user + sys)
#    medians and the ratio (target ≤ 0.3).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
model_dir="${XDG_DATA_HOME:-$HOME/.local/share}/attnview/models/minilm"
[ -f "$model_dir/model.safetensors" ] || { echo "bench_ask.sh: run 'make model' first" >&2; exit 1; }
swift build -c release --product attnview >/dev/null
bin=.build/release/attnview
text="The animal didn't cross the street because it was too tired, so it lay down by the gate and slept \
while the rain fell on the old town; when it woke, the street was empty, the shops were closed, and \
nobody was there to see it walk slowly home."
echo "$(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" bench --model minilm --text "$text" --repeats 30 | grep -E "alpha|A on|ranked|tokens"

measure() {  # prints "wall cpu" in ms for one run of the command
    /usr/bin/time -f "%e %U %S" -o /tmp/bench_ask_time.$$ "$@" >/dev/null
    awk '{ printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000 }' /tmp/bench_ask_time.$$
}
a="The new movie is awesome" b="The new movie is so great"
swift_runs=() numpy_runs=()
for _ in $(seq "$rounds"); do
    swift_runs+=("$(measure "$bin" embed --model minilm --text "$a" --text "$b")")
    numpy_runs+=("$(measure python3 scripts/embed_numpy.py "$model_dir" "$a" "$b")")
done
rm -f /tmp/bench_ask_time.$$
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
sw=$(printf '%s\n' "${swift_runs[@]}" | cut -d' ' -f1 | median)
sc=$(printf '%s\n' "${swift_runs[@]}" | cut -d' ' -f2 | median)
nw=$(printf '%s\n' "${numpy_runs[@]}" | cut -d' ' -f1 | median)
nc=$(printf '%s\n' "${numpy_runs[@]}" | cut -d' ' -f2 | median)
echo "embed, two sentences, whole process (median of $rounds): attnview $sw ms wall / $sc ms CPU," \
    "numpy $nw ms wall / $nc ms CPU; ratio wall $(awk "BEGIN { printf \"%.2f\", $sw / $nw }")," \
    "CPU $(awk "BEGIN { printf \"%.2f\", $sc / $nc }")"
