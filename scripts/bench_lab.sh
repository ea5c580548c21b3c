#!/usr/bin/env bash
# The training lab's liveliness (release build, through tmux like a user): frames drawn per second
# while its four runs train (attnview's own ATTNVIEW_TIMING log, one line a frame), and the time
# from a key (r: a new seed, which restarts the runs) until tmux's screen shows it.
# Usage: scripts/bench_lab.sh [rounds, default 10]. Issue 19 asks for ≥ 10 frames/s and < 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
command -v tmux >/dev/null || { echo "bench_lab: needs tmux" >&2; exit 69; }
swift build -c release --product attnview >&2
binary=$PWD/.build/release/attnview
work=$(mktemp -d)
socket="attnview-bench-lab-$$"
tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() { tmux_ kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
screen() { tmux_ capture-pane -p -t 0; }
now_ns() { date +%s%N; }

# wait_for REGEX [seconds]: poll the screen until a line matches.
wait_for() {
    local deadline=$(($(now_ns) + ${2:-20} * 1000000000))
    until screen | grep -Eq "$1"; do
        if (($(now_ns) > deadline)); then
            echo "bench_lab: timed out waiting for /$1/" >&2
            screen >&2
            exit 1
        fi
    done
}

: >"$work/timing.log"
tmux_ new-session -d -x 160 -y 50 \
    "env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 ATTNVIEW_TIMING=$work/timing.log $binary"
wait_for "divisor sweep"
tmux_ send-keys T
wait_for "step [0-9]+ of 250" 10
# d_k 1024 trains longest, and the transfer grid (g) keeps both cores busy for seconds after the
# four runs are done: frames over a second of both.
tmux_ send-keys Right Right
wait_for "d_k 1024, lr 4, seed 0" 10
tmux_ send-keys g
wait_for "grid: [0-9]+ of 84" 10
frames_before=$(wc -l <"$work/timing.log")
t0=$(now_ns)
sleep 1
frames=$(($(wc -l <"$work/timing.log") - frames_before))
elapsed=$((($(now_ns) - t0) / 1000000))
step=$(screen | grep -Eo "step [0-9]+ of 250" | head -1)
grid=$(screen | grep -Eo "grid: [0-9]+ of 84" | head -1)
echo "frames while training at d_k 1024 and filling the grid: $frames in ${elapsed} ms ($step, $grid at the end)"
tmux_ send-keys Escape
sleep 0.3 # Esc then a key at once reads as Alt+key
total=0
worst=0
for round in $(seq 1 "$rounds"); do
    t=$(now_ns)
    tmux_ send-keys r
    wait_for "seed $round\$|seed $round " 5
    ms=$((($(now_ns) - t) / 1000000))
    total=$((total + ms))
    ((ms > worst)) && worst=$ms
done
echo "key r to screen (seed shown): mean $((total / rounds)) ms, worst $worst ms over $rounds rounds"
