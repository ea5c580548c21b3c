#!/usr/bin/env python3
"""The numpy side of scripts/bench_core.sh: the same full recompute as `attnview bench`
(logits + softmax + every statistic + both 64-bin histograms) with float32 `@`, written the
fast vectorised way (one exp per entry, one log per row): median and fastest of the repeats, ms."""
import argparse
import math
import time

import numpy as np


def full_compute(q, k, s, causal):
    n, m = q.shape[0], k.shape[0]
    logits = (q @ k.T) / np.float32(s)
    if causal:
        logits[np.triu(np.ones((n, m), dtype=bool), k=m - n + 1)] = -np.inf
    top = logits.max(axis=1, keepdims=True)
    shifted = logits - top
    e = np.exp(shifted)
    z = e.sum(axis=1, keepdims=True)
    p = e / z
    visible = np.isfinite(logits)
    vals = logits[visible]
    counts = visible.sum(axis=1)
    h = np.log(z[:, 0]) - (p * np.where(visible, shifted, 0)).sum(axis=1)
    s2 = (p * p).sum(axis=1)
    s3 = (p * p * p).sum(axis=1)
    jac = np.sqrt(np.maximum(s2 - 2 * s3 + s2 * s2, 0))
    choice = counts > 1
    stats = dict(
        logit_mean=float(vals.mean()), logit_std=float(vals.std()), entropy_mean=float(h.mean()),
        entropy_normalized_mean=float((h[choice] / np.log(counts[choice])).mean()) if choice.any() else 0.0,
        max_weight_mean=float(p.max(axis=1).mean()), effective_tokens_mean=float(np.exp(h).mean()),
        jacobian_fro_mean=float(jac.mean()), score_grad_mean=float(jac.mean() / s))
    radius = float(np.abs(vals).max()) or 1.0
    logit_hist = np.histogram(vals, bins=64, range=(-radius, radius))[0]
    w = p[visible]
    big = w >= 1e-8
    weight_hist = np.histogram(np.log10(w[big]), bins=64, range=(-8, 0))[0]
    return stats, logit_hist, weight_hist, int((~big).sum())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=256)
    parser.add_argument("--dk", type=int, default=4096)
    parser.add_argument("--repeats", type=int, default=21)
    parser.add_argument("--causal", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    q = rng.standard_normal((args.n, args.dk), dtype=np.float32)
    k = rng.standard_normal((args.n, args.dk), dtype=np.float32)
    s = math.sqrt(args.dk)
    full_compute(q, k, s, args.causal)
    times = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        full_compute(q, k, s, args.causal)
        times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    print(f"{times[len(times) // 2]:8.3f} {times[0]:8.3f}  numpy full compute (float32 @ + softmax + stats + histograms)")


if __name__ == "__main__":
    main()
