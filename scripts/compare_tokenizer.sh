#!/usr/bin/env bash
# Tokenizes every line of the given text files with BertTokenizer (Swift) and HuggingFace `tokenizers` on the
# committed all-MiniLM-L6-v2 vocabulary, and prints each line where the ids differ (exit 1 if any does).
# A check on real text beyond the fixtures. Usage: scripts/compare_tokenizer.sh FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: scripts/compare_tokenizer.sh FILE..." >&2; exit 64; }
folder=Tests/TransformerTests/Fixtures/tokenizer/minilm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/main.swift" <<'SWIFT'
import Foundation

@main struct CompareTokenizer {
    static func main() throws {
        let tokenizer = try BertTokenizer(folder: URL(fileURLWithPath: CommandLine.arguments[1]))
        for path in CommandLine.arguments.dropFirst(2) {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                print(tokenizer.encode(String(line)).map { String($0.id) }.joined(separator: " "))
            }
        }
    }
}
SWIFT
swiftc -O -parse-as-library -module-name Transformer Sources/Transformer/Tokenizer/*.swift "$work/main.swift" \
    -o "$work/compare"
"$work/compare" "$folder" "$@" > "$work/swift.txt"
python3 - "$folder" "$work/swift.txt" "$@" <<'PY'
import sys
from tokenizers import BertWordPieceTokenizer
tokenizer = BertWordPieceTokenizer(f"{sys.argv[1]}/vocab.txt", lowercase=True)
swift = open(sys.argv[2], encoding="utf-8").read().split("\n")
lines = [line for path in sys.argv[3:] for line in open(path, "rb").read().decode("utf-8", "replace").split("\n")]
differ = 0
for index, line in enumerate(lines):
    hf = " ".join(str(i) for i in tokenizer.encode(line).ids)
    if hf != swift[index]:
        differ += 1
        print(f"differs: {line!r}\n  swift {swift[index]}\n  hf    {hf}")
tokens = sum(len(s.split()) for s in swift[: len(lines)])
print(f"{len(lines)} lines, {tokens} tokens, {differ} lines differ")
sys.exit(1 if differ else 0)
PY
