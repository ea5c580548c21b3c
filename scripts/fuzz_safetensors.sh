#!/usr/bin/env bash
# Fuzzes the safetensors reader with libFuzzer + AddressSanitizer for SECONDS (default 60),
# starting from the valid and broken fixtures and the tiny models. Each input is read as a file
# (header, then every float tensor decoded); any trap, crash or memory error stops it with the
# input saved as crash-*.
# Usage: scripts/fuzz_safetensors.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/harness.swift" <<'SWIFT'
import Foundation

private let path = NSTemporaryDirectory() + "safetensors-fuzz-\(getpid()).safetensors"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    try? Data(bytes: start, count: count).write(to: URL(fileURLWithPath: path))
    do {
        let file = try SafetensorsFile(path: path)
        for (name, entry) in file.header.entries where entry.dtype.isDecodable && entry.offsets.count <= 1 << 20 {
            let tensor = try file.floats(named: name)
            precondition(tensor.values.allSatisfy { $0.isFinite }, "non-finite value accepted")
        }
    } catch {
        if case .fileNotFound = error { preconditionFailure("the file just written was not found") }
    }
    return 0
}
SWIFT
files=Sources/TensorFiles
swiftc -sanitize=fuzzer,address -parse-as-library -module-name TensorFiles "$work/harness.swift" \
    $files/Safetensors/*.swift $files/NPY/NPYHeader.swift $files/NPY/NPYHeaderParser.swift $files/TensorFileError.swift $files/Matrix.swift \
    $files/MappedFile.swift $files/FloatTensor.swift -o "$work/fuzz-safetensors" 2>"$work/build.log" \
    || { cat "$work/build.log"; exit 1; }  # on success the log holds only gold's ASan export warnings
mkdir -p "$work/corpus"
cp Tests/TensorFilesTests/Fixtures/safetensors/*.safetensors "$work/corpus/"
for model in Tests/TransformerTests/Fixtures/models/tiny-*/; do
    cp "$model/model.safetensors" "$work/corpus/$(basename "$model").safetensors"
done
SWIFT_BACKTRACE=enable=no "$work/fuzz-safetensors" "$work/corpus" -max_total_time="$seconds" -max_len=12000 2>&1 | tail -3
