#!/usr/bin/env bash
# Times BertTokenizer (optimised build) on the committed all-MiniLM-L6-v2 vocabulary: loading the folder
# (vocab.txt, 30 522 lines, + tokenizer_config.json) and encoding a ~100-token and a ~500-token text; then
# HuggingFace `tokenizers` (Rust, from Python) on the same files and texts, side by side, when installed.
# Each figure is the median and the fastest of REPEATS runs (default 201).
# Usage: scripts/bench_tokenizer.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-201}
folder=Tests/TransformerTests/Fixtures/tokenizer/minilm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
text="The animal didn't cross the street because it was too tired. Attention weights show which tokens a head \
looks at: for the word 'it', some heads of a trained BERT point at 'animal', others at the street, at [SEP] or at \
the punctuation. Dividing the logits by √d_k keeps their spread near one at initialisation; a trained head learns \
its own scale, so café-style accents, naïve résumés and ÜBER-long words like antidisestablishmentarianism all \
matter for what the tokenizer hands the model (東京 too)."
cat > "$work/main.swift" <<'SWIFT'
import Foundation

@main struct TokenizerBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments
        let folder = URL(fileURLWithPath: arguments[1])
        let repeats = Int(arguments[2]) ?? 201
        let short = arguments[3]
        let long = String(repeating: short + " ", count: 5)
        func time(_ label: String, _ body: () throws -> Int) rethrows {
            var samples: [Double] = []
            var count = 0
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                count = try body()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            samples.sort()
            let figures = String(format: "%8.3f ms median %8.3f ms fastest", samples[samples.count / 2], samples[0])
            print("\(figures)  \(label) (\(count))")
        }
        let tokenizer = try BertTokenizer(folder: folder)
        try time("Swift: load vocab.txt + tokenizer_config.json (tokens)") {
            try BertTokenizer(folder: folder).vocabularySize
        }
        time("Swift: encode the short text (tokens)") { tokenizer.encode(short).count }
        time("Swift: encode the long text (tokens)") { tokenizer.encode(long).count }
    }
}
SWIFT
swiftc -O -parse-as-library -module-name Transformer Sources/Transformer/Tokenizer/*.swift "$work/main.swift" \
    -o "$work/bench"
echo "$(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$work/bench" "$folder" "$repeats" "$text"
python3 - "$folder" "$repeats" "$text" <<'PY' || echo "(HuggingFace tokenizers not installed: pip install tokenizers)"
import statistics, sys, time
from tokenizers import BertWordPieceTokenizer
folder, repeats, short = sys.argv[1], int(sys.argv[2]), sys.argv[3]
long = (short + " ") * 5
def bench(label, body):
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        count = body()
        samples.append((time.perf_counter() - start) * 1e3)
    print(f"{statistics.median(samples):8.3f} ms median {min(samples):8.3f} ms fastest  {label} ({count})")
load = lambda: BertWordPieceTokenizer(f"{folder}/vocab.txt", lowercase=True)
tokenizer = load()
bench("HF tokenizers: load vocab.txt (tokens)", lambda: load().get_vocab_size())
bench("HF tokenizers: encode the short text (tokens)", lambda: len(tokenizer.encode(short).ids))
bench("HF tokenizers: encode the long text (tokens)", lambda: len(tokenizer.encode(long).ids))
PY
