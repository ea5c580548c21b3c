#!/usr/bin/env python3
"""The numpy/scipy side of scripts/bench_model.sh: as a whole process, the work of
`attnview snapshot --model minilm --text TEXT --format text` — load the model (float32), tokenize
(HuggingFace tokenizers), run the float32 encoder keeping every layer's Q and K, then one head's
logits, softmax, statistics and histograms — and print the statistics.
Usage: python3 scripts/bench_model_numpy.py FOLDER TEXT [LAYER HEAD]
"""
import pathlib
import sys

import numpy as np
from tokenizers import BertWordPieceTokenizer

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bert_numpy  # noqa: E402


def main():
    folder, text = pathlib.Path(sys.argv[1]), sys.argv[2]
    layer, head = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (0, 0)
    config, weights = bert_numpy.load(folder, dtype=np.float32)
    tokenizer = BertWordPieceTokenizer(str(folder / "vocab.txt"), lowercase=True)
    ids = tokenizer.encode(text).ids
    qs, ks = bert_numpy.forward(config, weights, ids)
    d_head = config["hidden_size"] // config["num_attention_heads"]
    q = qs[layer][:, head * d_head : (head + 1) * d_head]
    k = ks[layer][:, head * d_head : (head + 1) * d_head]
    logits = q @ k.T / np.float32(np.sqrt(d_head))
    weights = np.exp(logits - logits.max(axis=1, keepdims=True))
    weights /= weights.sum(axis=1, keepdims=True)
    entropy = -(weights * np.log(np.maximum(weights, 1e-30))).sum(axis=1)
    np.histogram(logits, bins=64)
    np.histogram(np.log10(np.maximum(weights, 1e-12)), bins=64)
    print(f"tokens {len(ids)} logit_std {logits.std():.4f} entropy_mean {entropy.mean():.4f} "
          f"max_weight_mean {weights.max(axis=1).mean():.4f}")


if __name__ == "__main__":
    main()
