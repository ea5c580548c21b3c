#!/usr/bin/env bash
# Times the renderer on a 200 × 60 screen (release build): layout, every widget and colour mapping.
# `attnview bench --render` (RenderBenchmark beside the bench command: 200 frames in-process, also timing theme
# set-up + ANSI text, at truecolor, 256 and no colour; then the SVG document of one frame, time and
# bytes) prints those figures for n = m = 64 and 1024.
# The issue asks for well under 5 ms per 200 × 60 frame; the figures go
# in docs/performance.md.
# Usage: scripts/bench_render.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product attnview >&2
binary=$PWD/.build/release/attnview

for n in 64 1024; do
    "$binary" bench --render --n "$n" --dk 64 --causal --width 200 --height 60
done
