#!/usr/bin/env bash
# Times the renderer: a whole 200 × 60 frame (layout, widgets, colour mapping) and, separately,
# renderer set-up + frame + ANSI text, at truecolor, 256 colours and none, for n = m = 64 and for
# a pooled n = m = 1024 (d_k = 64, causal). Runs Rendering's RenderBenchmark through the hidden
# `attnview bench --render`. The figures go in README "Performance"; the issue asks for well
# under 5 ms per 200 × 60 frame.
# Usage: scripts/bench_render.sh [extra options for `attnview bench --render`, e.g. --width 120 --height 40]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product attnview >&2
binary=.build/release/attnview
if ! "$binary" bench --help 2>&1 | grep -q -- '--render'; then
    echo "bench_render.sh: this attnview has no 'bench --render' (BenchCommand must call RenderBenchmark.report)" >&2
    exit 69
fi
for n in 64 1024; do
    "$binary" bench --render --n "$n" --dk 64 --causal --width 200 --height 60 "$@"
done
