#!/bin/sh
# RSS of the view at n = 128, d_k 256, after d_k 65 536, and back at 256 (issue 17, point 10): the
# generated inputs kept for speed stay within their budget, and freed matrices go back to the system.
# Usage: scripts/bench_memory.sh [binary]   (default .build/release/attnview; needs tmux)
set -eu
BINARY=${1:-.build/release/attnview}
SOCKET=attnview-bench-memory-$$
tmux -L "$SOCKET" new-session -d -x 120 -y 40 "$BINARY --n 128 --dk 256"
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true' EXIT
rss() { awk '/VmRSS/ { print $2 }' "/proc/$PID/status"; }
wait_for_dk() {
    for _ in $(seq 1 600); do
        tmux -L "$SOCKET" capture-pane -p | grep -q "d_k  *$1 " && { sleep 1; return; }
        sleep 0.2
    done
    echo "timed out waiting for d_k $1" >&2; exit 1
}
sleep 1
PID=$(pgrep -P "$(tmux -L "$SOCKET" display -p '#{pane_pid}')" || tmux -L "$SOCKET" display -p '#{pane_pid}')
wait_for_dk 256
START=$(rss)
for _ in 1 2 3 4 5 6 7 8; do tmux -L "$SOCKET" send-keys l; done
wait_for_dk 65536
PEAK=$(rss)
for _ in 1 2 3 4 5 6 7 8; do tmux -L "$SOCKET" send-keys h; done
wait_for_dk 256
END=$(rss)
echo "RSS at d_k 256: $START kB; at d_k 65536: $PEAK kB; back at 256: $END kB"
tmux -L "$SOCKET" send-keys q
