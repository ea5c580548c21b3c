#!/usr/bin/env python3
"""The float64 numpy reference of `attnview embed`, as a whole process: loads a BERT folder, tokenizes with
HuggingFace `tokenizers`, runs bert_numpy.forward_all (every divisor × alpha), mean-pools and prints the
pairwise cosines. scripts/bench_ask.sh times it against the Swift command; make_embed_fixtures.py writes the
fixtures the tests compare with from the same functions.

Usage: python3 scripts/embed_numpy.py MODEL_DIR [--alpha X] TEXT [TEXT ...]
"""
import argparse
import pathlib
import sys

import numpy as np
from tokenizers import BertWordPieceTokenizer

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bert_numpy  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("texts", nargs="+")
    parser.add_argument("--alpha", type=float, default=1.0)
    args = parser.parse_args()
    folder = pathlib.Path(args.model)
    config, weights = bert_numpy.load(folder, dtype=np.float64)
    tokenizer = BertWordPieceTokenizer(str(folder / "vocab.txt"), lowercase=True)
    embeddings = []
    for text in args.texts:
        ids = tokenizer.encode(text).ids
        embeddings.append(bert_numpy.forward_all(config, weights, ids, args.alpha)[2].mean(axis=0))
    for a in embeddings:
        print(" ".join("%.4f" % (a @ b / np.linalg.norm(a) / np.linalg.norm(b)) for b in embeddings))


if __name__ == "__main__":
    main()
