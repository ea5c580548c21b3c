#!/usr/bin/env python3
"""Writes the float64 numpy reference of sentence embeddings and of "the divisor everywhere" (every head of
every layer dividing by alpha·√d_head), which `attnview embed` and the encoder's alpha are checked against.

Embedding = mean over all tokens ([CLS] and [SEP] included) of the last hidden states, as the
sentence-transformers config of all-MiniLM-L6-v2 pools (its final L2 normalisation leaves cosines alone).
For each model and alpha: every text's embedding, the texts' pairwise cosines, each text's cosine to its own
embedding at alpha 1, and every layer's mean over heads and rows of H / ln n (row entropy over its maximum).

- tiny-f32 (the tiny random BERT of make_model_fixtures.py): always.
- minilm (all-MiniLM-L6-v2, `make model`): when installed; the published similarity of the first two texts
  is 0.8939. Embeddings are left out (384 numbers each); cosines and entropies are kept.

Run from the repository root: python3 scripts/make_embed_fixtures.py
Output: Tests/TransformerTests/Fixtures/models/embed_reference.json
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
OUT = ROOT / "Tests/TransformerTests/Fixtures/models/embed_reference.json"
MINILM = pathlib.Path(os.environ.get("XDG_DATA_HOME", pathlib.Path.home() / ".local/share")) / "attnview/models/minilm"
ALPHAS = [0.5, 1.0, 2.0]
TEXTS = {
    "tiny-f32": ["The cat sat on the mat.", "Dogs playing!", "the 猫 was too tired (xyz)"],
    "minilm": [
        "The new movie is awesome",
        "The new movie is so great",
        "The animal didn't cross the street because it was too tired.",
        "A man is playing a guitar.",
    ],
}


def entropies(config, w, ids, alpha):
    """Per layer: mean over heads and rows of H / ln n at alpha (Q and K from the alpha run)."""
    qs, ks, _ = bert_numpy.forward_all(config, w, ids, alpha)
    heads = config["num_attention_heads"]
    d_head = config["hidden_size"] // heads
    n = len(ids)
    out = []
    for q, k in zip(qs, ks):
        qh = q.reshape(n, heads, d_head).transpose(1, 0, 2)
        kh = k.reshape(n, heads, d_head).transpose(1, 0, 2)
        logits = qh @ kh.transpose(0, 2, 1) / (alpha * np.sqrt(d_head))
        p = np.exp(logits - logits.max(axis=-1, keepdims=True))
        p /= p.sum(axis=-1, keepdims=True)
        h = -(p * np.log(np.where(p > 0, p, 1))).sum(axis=-1)
        out.append(float((h / np.log(n)).mean()))
    return out


def cosine(a, b):
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def reference(folder, texts, keep_embeddings):
    config, weights = bert_numpy.load(folder, dtype=np.float64)
    tokenizer = BertWordPieceTokenizer(str(folder / "vocab.txt"), lowercase=True)
    encodings = [tokenizer.encode(t) for t in texts]
    result = {"texts": texts, "tokens": [e.tokens for e in encodings], "alphas": []}
    base = [bert_numpy.forward_all(config, weights, e.ids)[2].mean(axis=0) for e in encodings]
    for alpha in ALPHAS:
        embeddings = [bert_numpy.forward_all(config, weights, e.ids, alpha)[2].mean(axis=0) for e in encodings]
        entry = {
            "alpha": alpha,
            "cosine": [[cosine(a, b) for b in embeddings] for a in embeddings],
            "cosine_to_alpha_1": [cosine(a, b) for a, b in zip(embeddings, base)],
            "layer_entropy": [entropies(config, weights, e.ids, alpha) for e in encodings],
        }
        if keep_embeddings:
            entry["embeddings"] = [[float(f"{v:.9g}") for v in e] for e in embeddings]
        result["alphas"].append(entry)
    return result


def main():
    out = {"tiny-f32": reference(ROOT / "Tests/TransformerTests/Fixtures/models/tiny-f32", TEXTS["tiny-f32"], True)}
    if (MINILM / "model.safetensors").exists():
        out["minilm"] = reference(MINILM, TEXTS["minilm"], False)
        print("minilm: similarity of the first two texts %.4f" % out["minilm"]["alphas"][1]["cosine"][0][1])
    else:
        print("minilm not installed (make model): only tiny-f32 written")
    OUT.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
