#!/usr/bin/env bash
# Times the renderer on a 200 × 60 screen (release build): layout, every widget and colour mapping.
# With `attnview bench --render` (Rendering's RenderBenchmark: 200 frames in-process, also timing
# theme set-up + ANSI text, at truecolor, 256 and no colour) it prints those figures for n = m = 64
# and 1024. Without it, it opens the interactive view in a 200 × 60 tmux window with the view's own
# timing log (ATTNVIEW_TIMING), presses `v` and `j` (redraws that compute nothing) and reports the
# render time of each frame. The issue asks for well under 5 ms per 200 × 60 frame; the figures go
# in README "Performance".
# Usage: scripts/bench_render.sh [frames for the tmux route, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-60}
swift build -c release --product attnview >&2
binary=$PWD/.build/release/attnview

if "$binary" bench --help 2>&1 | grep -q -- '--render'; then
    for n in 64 1024; do
        "$binary" bench --render --n "$n" --dk 64 --causal --width 200 --height 60
    done
    exit 0
fi

command -v tmux >/dev/null || { echo "bench_render: needs tmux (or an attnview with 'bench --render')" >&2; exit 69; }
work=$(mktemp -d)
socket="attnview-render-$$"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket" # tmux leaves its socket file behind
    rm -rf "$work"
}
trap cleanup EXIT
tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
now_ns() { date +%s%N; }
log_lines() { wc -l <"$work/timing.log"; }
wait_for_log() {
    local deadline=$(($(now_ns) + 10 * 1000000000))
    until (($(log_lines) > $1)); do
        if (($(now_ns) > deadline)); then echo "bench_render: no frame logged" >&2; exit 1; fi
    done
}

for n in 64 1024; do
    : >"$work/timing.log"
    tmux_ kill-server 2>/dev/null || true
    tmux_ new-session -d -x 200 -y 60 \
        "env -u NO_COLOR TERM=xterm-256color COLORTERM=truecolor LANG=C.UTF-8 ATTNVIEW_TIMING=$work/timing.log $binary --n $n --dk 64 --causal"
    wait_for_log 0
    for ((frame = 0; frame < frames; frame++)); do
        before=$(log_lines)
        if ((frame % 2)); then key=j; else key=v; fi
        tmux_ send-keys -t 0 "$key"
        wait_for_log "$before"
    done
    tail -n "$frames" "$work/timing.log" | sed -E 's/.*render_ms=([0-9.]+).*/\1/' | sort -g |
        awk -v n="$n" '{ v[NR] = $1 } END {
            printf "render 200x60 in the interactive view, n = m = %d, d_k = 64, causal: median %.3f ms, max %.3f ms (%d frames)\n",
                n, v[int((NR + 1) / 2)], v[NR], NR }'
done
