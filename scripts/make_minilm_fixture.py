#!/usr/bin/env python3
"""Writes the fixture of the MiniLM test: a float64 numpy forward pass of the installed
all-MiniLM-L6-v2 (`make model`) on one text, with HuggingFace `tokenizers` for the tokens.

Kept small: the full Q and K of three heads, and for every (layer, head) Σq² and Σk² over the
head's n × 32 entries, which any wrong weight, bias or layer would move.

Run from the repository root after `make model`: python3 scripts/make_minilm_fixture.py
Output: Tests/TransformerTests/Fixtures/minilm/reference.json
"""
import json
import os
import pathlib
import sys

import numpy as np
from tokenizers import BertWordPieceTokenizer

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bert_numpy  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/TransformerTests/Fixtures/minilm/reference.json"
MODEL = pathlib.Path(os.environ.get("XDG_DATA_HOME", pathlib.Path.home() / ".local/share")) / "attnview/models/minilm"
TEXT = "The animal didn't cross the street because it was too tired."
HEADS = [(0, 0), (2, 3), (5, 11)]


def main():
    config, weights = bert_numpy.load(MODEL, dtype=np.float64)
    tokenizer = BertWordPieceTokenizer(str(MODEL / "vocab.txt"), lowercase=True)
    encoding = tokenizer.encode(TEXT)
    qs, ks = bert_numpy.forward(config, weights, encoding.ids)
    d_head = config["hidden_size"] // config["num_attention_heads"]

    def head(matrix, index):
        return matrix[:, index * d_head : (index + 1) * d_head]

    def rounded(matrix):
        return [[float(f"{value:.9g}") for value in row] for row in matrix]

    reference = {
        "text": TEXT,
        "tokens": encoding.tokens,
        "heads": [
            {"layer": layer, "head": index, "q": rounded(head(qs[layer], index)), "k": rounded(head(ks[layer], index))}
            for layer, index in HEADS
        ],
        "q_square_sums": [[float(np.sum(head(q, h) ** 2)) for h in range(config["num_attention_heads"])] for q in qs],
        "k_square_sums": [[float(np.sum(head(k, h) ** 2)) for h in range(config["num_attention_heads"])] for k in ks],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(reference) + "\n")


if __name__ == "__main__":
    main()
