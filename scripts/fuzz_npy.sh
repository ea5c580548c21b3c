#!/usr/bin/env bash
# Fuzzes NPYReader with libFuzzer + AddressSanitizer for SECONDS (default 60), starting from the
# valid fixtures. Any trap, crash or memory error stops it with the input saved as crash-*.
# Usage: scripts/fuzz_npy.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/harness.swift" <<'SWIFT'
import Foundation

private let path = NSTemporaryDirectory() + "npy-fuzz-\(getpid()).npy"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    try? Data(bytes: start, count: count).write(to: URL(fileURLWithPath: path))
    do {
        let matrix = try NPYReader.read(path: path, maxElements: 1 << 16)
        precondition(matrix.values.allSatisfy { $0.isFinite }, "non-finite value accepted")
    } catch {
        if case .fileNotFound = error { preconditionFailure("the file just written was not found") }
    }
    return 0
}
SWIFT
files=Sources/TensorFiles
swiftc -sanitize=fuzzer,address -parse-as-library -module-name TensorFiles "$work/harness.swift" \
    $files/NPY/NPYHeaderParser.swift $files/NPY/NPYHeader.swift $files/NPY/NPYReader.swift \
    $files/TensorFileError.swift $files/Matrix.swift -o "$work/fuzz-npy" 2>"$work/build.log" \
    || { cat "$work/build.log"; exit 1; }  # on success the log holds only gold's ASan export warnings
mkdir -p "$work/corpus"
cp Tests/TensorFilesTests/Fixtures/npy/valid_*.npy "$work/corpus/"
SWIFT_BACKTRACE=enable=no "$work/fuzz-npy" "$work/corpus" -max_total_time="$seconds" -max_len=600 2>&1 | tail -3
