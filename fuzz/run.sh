#!/usr/bin/env bash
# `make fuzz`: builds every fuzz target in fuzz/ with libFuzzer + AddressSanitizer and runs each for
# FUZZ_SECONDS (default 60), one after another, from a corpus of the committed fixtures plus the inputs
# that once crashed or hung attnview (fuzz/corpus/TARGET). A crash stops that target with its input
# saved as fuzz/crash-*; the script then exits 1. Prints inputs run and time per target.
# Usage: fuzz/run.sh [TARGET…]   (targets: npy safetensors tokenizer themes config; default all)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(npy safetensors tokenizer themes config)
# Reuse the dependencies the main build fetched, so no network is needed.
mkdir -p .build
for shared in checkouts repositories; do
    [ -d "$root/.build/$shared" ] && [ ! -e ".build/$shared" ] && cp -a "$root/.build/$shared" .build/
done
echo "building ${targets[*]} with -sanitize=fuzzer,address (first build: several minutes)…"
swift build --sanitize fuzzer --sanitize address >.build/fuzz-build.log 2>&1 \
    || { tail -30 .build/fuzz-build.log; exit 1; }

seed() {  # seed TARGET FOLDER: the committed fixtures the reader knows, then the corpus of past findings
    local target=$1 out=$2
    case $target in
    npy) cp "$root"/Tests/TensorFilesTests/Fixtures/npy/*.npy "$out/" ;;
    safetensors)
        cp "$root"/Tests/TensorFilesTests/Fixtures/safetensors/*.safetensors "$out/"
        for weights in "$root"/Tests/TransformerTests/Fixtures/models/tiny-*/*.safetensors; do
            cp "$weights" "$out/$(basename "$(dirname "$weights")")-$(basename "$weights")"
        done ;;
    themes) cp "$root"/Sources/Rendering/Themes/*.toml "$out/" ;;
    config) for config in "$root"/Tests/TransformerTests/Fixtures/models/tiny-*/config.json; do
            cp "$config" "$out/$(basename "$(dirname "$config")").json"
        done ;;
    tokenizer) python3 - "$root" "$out" <<'PY'
import json, pathlib, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for folder in sorted((root / "Tests/TransformerTests/Fixtures/tokenizer").glob("cased*")):
    if not (folder / "vocab.txt").exists():  # a tokenizer.json fixture
        continue
    vocabulary = (folder / "vocab.txt").read_bytes()
    config = (folder / "tokenizer_config.json").read_bytes()
    for index, case in enumerate(json.loads((folder / "expected.json").read_text())["cases"]):
        head = bytes([len(vocabulary) & 255, len(vocabulary) >> 8, len(config)])
        text = case["text"].encode("utf-8", "replace")
        (out / f"{folder.name}-{index}").write_bytes(head + vocabulary + config + text)
PY
        ;;
    esac
    [ -d "corpus/$target" ] && cp corpus/"$target"/* "$out/"
    return 0
}

status=0
printf '%-12s %10s %8s %s\n' target inputs seconds result
for target in "${targets[@]}"; do
    work=$(mktemp -d)
    seed "$target" "$work"
    started=$(date +%s)
    log=.build/fuzz-$target.log
    if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 ".build/debug/fuzz-$target" "$work" \
        -max_total_time="$seconds" -max_len=16384 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$PWD/crash-$target-" >"$log" 2>&1; then
        result=ok
    else
        result="FAILED (see fuzz/$log)"
        status=1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    printf '%-12s %10s %8s %s\n' "$target" "$runs" "$(($(date +%s) - started))" "$result"
    rm -rf "$work"
done
exit $status
