#!/usr/bin/env bash
# Times the renderer: a whole 200 × 60 frame (layout, widgets, colour mapping) and its ANSI text,
# for n = m = 64 (d_k = 64, causal) and for a pooled n = m = 1024, at truecolor, 256 and no colour.
# Usage: scripts/bench_render.sh [extra `attnview bench --render` options, e.g. --width 120 --height 40]
# The figures go in README "Performance"; the issue asks for well under 5 ms per 200 × 60 frame.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product attnview >&2
binary=.build/release/attnview
for n in 64 1024; do
    "$binary" bench --render --n "$n" --dk 64 --causal --width 200 --height 60 "$@"
done
