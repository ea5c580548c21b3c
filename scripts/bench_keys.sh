#!/usr/bin/env bash
# Keypress → finished frame in the interactive view (release build), driven through tmux like a
# user would: for each key the time until attnview has computed, rendered and drawn the frame
# (its own ATTNVIEW_TIMING log) and the time until that line appears on tmux's screen; then a
# burst of 200 keys sent at once and the time until the screen shows the final state.
# Usage: scripts/bench_keys.sh [rounds per key, default 20]
# The issue asks for < 10 ms at n = 64, d_k = 512, < 30 ms at n = 256, d_k = 4096, and a burst
# that settles within 0.5 s; the figures go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
command -v tmux >/dev/null || { echo "bench_keys: needs tmux" >&2; exit 69; }
swift build -c release --product attnview >&2
binary=$PWD/.build/release/attnview
work=$(mktemp -d)
socket=""
sessions=0
cleanup() { cleanup_server; rm -rf "$work"; }
trap cleanup EXIT

cleanup_server() {
    [ -n "$socket" ] || return 0
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
}
tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
screen() { tmux_ capture-pane -p -t 0; }
now_ns() { date +%s%N; }
log_lines() { wc -l <"$work/timing.log"; }

# wait_for REGEX [seconds]: poll the screen until a line matches (no fixed sleeps).
wait_for() {
    local deadline=$(($(now_ns) + ${2:-10} * 1000000000))
    until screen | grep -Eq "$1"; do
        if (($(now_ns) > deadline)); then
            echo "bench_keys: timed out waiting for /$1/" >&2
            screen >&2
            exit 1
        fi
    done
}

# wait_for_log COUNT: until the timing log has more than COUNT lines (the frame is drawn).
wait_for_log() {
    local deadline=$(($(now_ns) + 10 * 1000000000))
    until (($(log_lines) > $1)); do
        if (($(now_ns) > deadline)); then echo "bench_keys: no frame logged" >&2; exit 1; fi
    done
}

# start N DK: a fresh 160 × 50 view with the timing log on, on a tmux server of its own.
start() {
    cleanup_server
    sessions=$((sessions + 1))
    socket="attnview-bench-$$-$sessions"
    mkdir -p "$work" && : >"$work/timing.log"
    tmux_ new-session -d -x 160 -y 50 \
        "env -u NO_COLOR -u COLORTERM TERM=xterm-256color LANG=C.UTF-8 ATTNVIEW_TIMING=$work/timing.log $binary --n $1 --dk $2"
    wait_for "d_k +$2 "
}

# summary LABEL FILE: median and max of the numbers in FILE (one per line).
summary() {
    sort -g "$2" | awk -v label="$1" '{ v[NR] = $1 } END {
        printf "  %-44s median %7.2f ms   max %7.2f ms   (%d keys)\n", label, v[int((NR + 1) / 2)], v[NR], NR }'
}

# measure N DK LABEL KEY...: press the keys in turn, `rounds` times over.
measure() {
    local n=$1 dk=$2 label=$3
    shift 3
    : >"$work/inside"
    : >"$work/screen"
    for ((round = 0; round < rounds; round++)); do
        for key in "$@"; do
            local before start
            before=$(log_lines)
            start=$(now_ns)
            tmux_ send-keys -t 0 "$key"
            wait_for_log "$before"
            echo "$((($(now_ns) - start) / 1000))" | awk '{ print $1 / 1000 }' >>"$work/screen"
            tail -n 1 "$work/timing.log" | sed -E 's/.*total_ms=([0-9.]+).*/\1/' >>"$work/inside"
            # Keys at a brisk human pace (~15 a second), so tmux has drawn one frame before the next.
            sleep 0.06
        done
    done
    summary "$label: inside attnview" "$work/inside"
    summary "$label: send-keys → frame drawn" "$work/screen"
}

# burst N DK: 200 × `r` (new seed) at once; time until the screen shows seed 200.
burst() {
    start "$1" "$2"
    local keys=() start before elapsed
    for ((i = 0; i < 200; i++)); do keys+=(r); done
    before=$(log_lines)
    start=$(now_ns)
    tmux_ send-keys -t 0 "${keys[@]}"
    wait_for "seed +200 "
    elapsed=$((($(now_ns) - start) / 1000000))
    wait_for_log "$before"
    echo "  200 × r sent at once: screen shows seed 200 after $elapsed ms ($(($(log_lines) - before)) frames drawn)"
}

# Two 64-token texts for MiniLM ([CLS] and [SEP] included), so each Enter gives a new text.
texts=(
    "The quick brown fox jumps over the lazy dog while the tired animal refuses to cross the busy street because it was far too tired after a long day of running through the quiet forest near the old river bank where children often play and sing songs about the summer sun and the cold winter nights by the warm fire at home"
    "A small red bird sat on the high branch of the tree and sang a song to the morning sky while the farmer walked slowly across the wet field towards the barn where his old horse was waiting for breakfast and fresh water today as the rain began to fall on the green hills and the wide river valley far below us"
)

# start_model NAME: a fresh 160 × 50 view of MiniLM on the first text, timing log on.
start_model() {
    cleanup_server
    sessions=$((sessions + 1))
    socket="attnview-bench-$$-$sessions"
    mkdir -p "$work" && : >"$work/timing.log"
    tmux_ new-session -d -x 160 -y 50 \
        "env -u NO_COLOR -u COLORTERM TERM=xterm-256color LANG=C.UTF-8 ATTNVIEW_TIMING=$work/timing.log $binary --model $1 --text '${texts[0]}'"
    wait_for "attention · layer 0 head 0"
}

# grid_open: `rounds` times `g` timed (72 heads summarised + the grid drawn), then Esc untimed.
grid_open() {
    : >"$work/inside"
    : >"$work/screen"
    for ((round = 0; round < rounds; round++)); do
        local before start
        before=$(log_lines)
        start=$(now_ns)
        tmux_ send-keys -t 0 g
        wait_for_log "$before"
        wait_for "heads at s = "
        echo "$((($(now_ns) - start) / 1000))" | awk '{ print $1 / 1000 }' >>"$work/screen"
        tail -n 1 "$work/timing.log" | sed -E 's/.*total_ms=([0-9.]+).*/\1/' >>"$work/inside"
        before=$(log_lines)
        tmux_ send-keys -t 0 Escape
        wait_for_log "$before"
        sleep 0.06
    done
    summary "g heads grid (72 heads): inside attnview" "$work/inside"
    summary "g heads grid: send-keys → frame drawn" "$work/screen"
}

# new_texts: `rounds` times `/`, Ctrl-U, the other text, then Enter timed (encoder + frame).
new_texts() {
    : >"$work/inside"
    : >"$work/screen"
    for ((round = 0; round < rounds; round++)); do
        local text=${texts[$(((round + 1) % 2))]} before start
        tmux_ send-keys -t 0 /
        wait_for "text ▸"
        tmux_ send-keys -t 0 C-u
        tmux_ send-keys -t 0 -l "$text"
        wait_for "text ▸ .*${text: -12}"
        before=$(log_lines)
        start=$(now_ns)
        tmux_ send-keys -t 0 Enter
        wait_for_log "$before"
        wait_for "64 tokens"
        echo "$((($(now_ns) - start) / 1000))" | awk '{ print $1 / 1000 }' >>"$work/screen"
        tail -n 1 "$work/timing.log" | sed -E 's/.*total_ms=([0-9.]+).*/\1/' >>"$work/inside"
        sleep 0.06
    done
    summary "/ new 64-token text (encoder + frame): inside attnview" "$work/inside"
    summary "/ new 64-token text: send-keys → frame drawn" "$work/screen"
}

for config in "64 512" "256 4096"; do
    set -- $config
    echo "n = m = $1, d_k = $2 (160 × 50, xterm-256color):"
    start "$1" "$2"
    measure "$1" "$2" "↑/↓ divisor (no matmul)" Up Down
    measure "$1" "$2" "→/← d_k ×2 / ÷2" Right Left
    measure "$1" "$2" "r new seed (new Q, K, full recompute)" r
    measure "$1" "$2" "v weights/logits (no compute)" v
    burst "$1" "$2"
done

# The model view, if MiniLM is installed (`make model`): the issue asks for a layer or head
# change ≤ 10 ms and a new 64-token text ≤ 100 ms at 64 tokens, and the heads grid ≤ 30 ms.
if "$binary" snapshot --model minilm --text x --format json >/dev/null 2>&1; then
    echo "MiniLM (6 layers × 12 heads, d_head 32), 64 tokens (160 × 50, xterm-256color):"
    start_model minilm
    measure 64 32 ". / , next / previous head (no encoder)" . ,
    measure 64 32 "PgDn / PgUp next / previous layer" NPage PPage
    grid_open
    new_texts
else
    echo "MiniLM not installed (make model): model figures skipped"
fi
