#!/usr/bin/env bash
# Fuzzes BertTokenizer with libFuzzer + AddressSanitizer for SECONDS (default 60): each input is a vocab.txt, a
# tokenizer_config.json and a text (bytes 0–1: the vocabulary's length, byte 2: the config's, the rest: the
# text), parsed in memory as BertTokenizer(folder:) parses the files, starting from the committed fixtures. Any trap, crash, memory error or broken invariant (a token not
# from the vocabulary, no [CLS] … [SEP]) stops it with the input saved as crash-*.
# Usage: scripts/fuzz_tokenizer.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/harness.swift" <<'SWIFT'
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    guard bytes.count >= 3 else { return 0 }
    let vocabularyEnd = min(bytes.count, 3 + Int(bytes[0]) | Int(bytes[1]) << 8)
    let configEnd = min(bytes.count, vocabularyEnd + Int(bytes[2]))
    let vocabulary = Array(bytes[3..<vocabularyEnd])
    let config = Array(bytes[vocabularyEnd..<configEnd])
    let text = String(decoding: bytes[configEnd...], as: UTF8.self)
    // What BertTokenizer(folder:) does after reading the two files, without the file system's cost.
    let options = (try? TokenizerConfig.options(config, path: "config")) ?? .init(lowercase: bytes[2] & 1 == 0)
    if let parsed = try? Vocabulary(fileBytes: vocabulary, source: "vocab") {
        check(BertTokenizer(vocabulary: parsed, options: options), text)
    }
    let lines = String(decoding: vocabulary, as: UTF8.self).split(separator: "\n").map(String.init)
    if let tokenizer = try? BertTokenizer(vocabulary: lines, options: options) { check(tokenizer, text) }
    return 0
}

private func check(_ tokenizer: BertTokenizer, _ text: String) {
    let tokens = tokenizer.encode(text)
    precondition(tokens.count >= 2 && tokens.first?.text == "[CLS]" && tokens.last?.text == "[SEP]", "\(tokens)")
    for token in tokens {
        precondition(tokenizer.token(id: token.id) == token, "token \(token) is not the vocabulary's")
    }
}
SWIFT
swiftc -sanitize=fuzzer,address -parse-as-library -module-name Transformer "$work/harness.swift" \
    Sources/Transformer/Tokenizer/*.swift -o "$work/fuzz-tokenizer" 2>"$work/build.log" \
    || { cat "$work/build.log"; exit 1; }  # on success the log holds only gold's ASan export warnings
mkdir -p "$work/corpus"
python3 - "$work/corpus" <<'PY'
import json, pathlib, sys
fixtures = pathlib.Path("Tests/TransformerTests/Fixtures/tokenizer")
for folder in sorted(fixtures.glob("cased*")):
    vocabulary = (folder / "vocab.txt").read_bytes()
    config = (folder / "tokenizer_config.json").read_bytes()
    for index, case in enumerate(json.loads((folder / "expected.json").read_text())["cases"]):
        head = bytes([len(vocabulary) & 255, len(vocabulary) >> 8, len(config)])
        data = head + vocabulary + config + case["text"].encode("utf-8", "replace")
        (pathlib.Path(sys.argv[1]) / f"{folder.name}-{index}").write_bytes(data)
PY
SWIFT_BACKTRACE=enable=no "$work/fuzz-tokenizer" "$work/corpus" -max_total_time="$seconds" -max_len=4096 \
    -print_final_stats=1 2>&1 | tail -12
