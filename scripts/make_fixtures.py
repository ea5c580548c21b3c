#!/usr/bin/env python3
"""Writes the numpy reference fixtures for AttentionCore's tests.

Each case holds float32 Q and K (plain JSON arrays, so the tests do not depend on the .npy
reader), the parameters, and what float64 numpy computes from those float32 values: logits and
weights (masked entries null), per-row entropy, every statistic by its definition in the issue,
and histogram counts at several bin counts. Inputs are redrawn until no value lies within 1e-3
of a bin edge, so float32-vs-float64 rounding cannot move a value across an edge.

Run from the repository root:  python3 scripts/make_fixtures.py
"""
import json
import math
import os

import numpy as np

OUT = os.path.join("Tests", "AttentionCoreTests", "Fixtures", "attention")
BIN_COUNTS = (64, 17, 200)
EDGE_MARGIN = 1e-3


def divisor(scale, alpha, dk):
    if scale == "sqrt":
        return alpha * math.sqrt(dk)
    if scale == "dk":
        return alpha * dk
    if scale == "none":
        return alpha
    return float(scale)


def visible_count(i, n, m, causal):
    return max(0, min(m, i + (m - n) + 1)) if causal else m


def reference(q32, k32, dk, s, causal):
    q = q32[:, :dk].astype(np.float64)
    k = k32[:, :dk].astype(np.float64)
    n, m = q.shape[0], k.shape[0]
    logits = q @ k.T / s
    weights = np.zeros((n, m))
    rows = []
    for i in range(n):
        v = visible_count(i, n, m, causal)
        if v == 0:
            continue
        l = logits[i, :v]
        e = np.exp(l - l.max())
        z = e.sum()
        p = e / z
        nz = p[p > 0]
        h = float(-(nz * np.log(nz)).sum())
        # 1 - p_i as (sum of the other e) / Z: exact for rows within 1e-12 of one-hot.
        others = np.array([np.delete(e, j).sum() for j in range(v)]) / z
        jac = -np.outer(p, p)
        jac[np.diag_indices(v)] = p * others
        rows.append(dict(v=v, h=h, maxw=float(p.max()), jac=float(np.sqrt((jac ** 2).sum()))))
        weights[i, :v] = p
    return logits, weights, rows


def stats_of(logits, rows, n, m, s, causal):
    vals = np.concatenate([logits[i, :visible_count(i, n, m, causal)] for i in range(n)])
    choice = [r["h"] / math.log(r["v"]) for r in rows if r["v"] > 1]
    mw = float(np.mean([r["maxw"] for r in rows]))
    en = float(np.mean(choice)) if choice else 0.0
    regime = "peaked" if mw >= 0.5 else ("flat" if en >= 0.95 else "balanced")
    return {
        "logit_mean": float(vals.mean()),
        "logit_std": float(vals.std()),
        "entropy_mean": float(np.mean([r["h"] for r in rows])),
        "entropy_normalized_mean": en,
        "max_weight_mean": mw,
        "effective_tokens_mean": float(np.mean([math.exp(r["h"]) for r in rows])),
        "jacobian_fro_mean": float(np.mean([r["jac"] for r in rows])),
        "score_grad_mean": float(np.mean([r["jac"] for r in rows]) / s),
        "regime": regime,
    }, vals


def histograms(vals, wvals, bins):
    radius = float(np.abs(vals).max()) or 1.0
    pos = (vals + radius) * bins / (2 * radius)
    logit_counts = np.bincount(np.clip(np.floor(pos).astype(int), 0, bins - 1), minlength=bins)
    with np.errstate(divide="ignore"):
        lw = np.log10(wvals)
    wpos = (lw + 8) * bins / 8
    under = int((wpos < 0).sum())
    inside = wpos[wpos >= 0]
    weight_counts = np.bincount(np.clip(np.floor(inside).astype(int), 0, bins - 1), minlength=bins)
    return {
        "bins": bins,
        "logit_radius": radius,
        "logits": logit_counts.tolist(),
        "weights": weight_counts.tolist(),
        "weights_underflow": under,
    }, pos, wpos


def near_edge(pos, lo, hi):
    """True if a position (in bin units) is within EDGE_MARGIN of an edge in lo..hi."""
    finite = pos[np.isfinite(pos)]
    nearest = np.round(finite)
    close = (np.abs(finite - nearest) < EDGE_MARGIN) & (nearest >= lo) & (nearest <= hi)
    return bool(close.any())


def make_case(name, n, m, d, dk, scale, alpha, causal, seed, make_inputs):
    s = divisor(scale, alpha, dk)
    for attempt in range(200):
        rng = np.random.default_rng(seed + 1000 * attempt)
        q32, k32 = make_inputs(rng, n, m, d)
        logits, weights, rows = reference(q32, k32, dk, s, causal)
        stats, vals = stats_of(logits, rows, n, m, s, causal)
        wvals = np.concatenate([weights[i, :visible_count(i, n, m, causal)] for i in range(n)])
        hists, ok = [], True
        for bins in BIN_COUNTS:
            h, pos, wpos = histograms(vals, wvals, bins)
            hists.append(h)
            ok = ok and not near_edge(pos, 1, bins - 1) and not near_edge(wpos, 0, bins - 1)
        if ok:
            break
    else:
        raise SystemExit(f"{name}: no seed keeps values off bin edges")
    masked = lambda a: [[None if j >= visible_count(i, n, m, causal) else float(a[i, j]) for j in range(m)]
                        for i in range(n)]
    entropy = [None] * n
    it = iter(rows)
    for i in range(n):
        if visible_count(i, n, m, causal) > 0:
            entropy[i] = next(it)["h"]
    return {
        "name": name,
        "n": n, "m": m, "d": d, "dk": dk,
        "scale": scale, "alpha": alpha, "causal": causal, "divisor": s,
        "q": q32.tolist(), "k": k32.tolist(),
        "logits": masked(logits), "weights": masked(weights), "row_entropy": entropy,
        "stats": stats, "histograms": hists,
    }


def gaussian(sigma=1.0):
    def make(rng, n, m, d):
        return ((rng.standard_normal((n, d)) * sigma).astype(np.float32),
                (rng.standard_normal((m, d)) * sigma).astype(np.float32))
    return make


def aligned(rho):
    def make(rng, n, m, d):
        q = rng.standard_normal((n, d))
        k = rng.standard_normal((m, d))
        a = min(n, m)
        k[:a] = rho * q[:a] + math.sqrt(1 - rho * rho) * k[:a]
        return q.astype(np.float32), k.astype(np.float32)
    return make


def offset(shift, sigma):
    def make(rng, n, m, d):
        return ((shift + sigma * rng.standard_normal((n, d))).astype(np.float32),
                (shift + sigma * rng.standard_normal((m, d))).astype(np.float32))
    return make


CASES = [
    ("square_sqrt", 8, 8, 16, 16, "sqrt", 1.0, False, 1, gaussian()),
    ("wide_causal_prefix_dk", 5, 11, 32, 24, "sqrt", 1.0, True, 2, gaussian()),
    ("tall_causal_empty_rows", 12, 7, 8, 8, "sqrt", 1.0, True, 3, gaussian()),
    ("unscaled_peaked", 6, 9, 96, 96, "none", 1.0, False, 4, gaussian()),
    ("dk_scaled_flat", 10, 10, 64, 64, "dk", 1.0, False, 5, gaussian()),
    ("aligned_rho", 16, 16, 128, 128, "sqrt", 0.5, True, 6, aligned(0.8)),
    ("offset_fixed_divisor", 4, 6, 32, 32, "3", 1.0, False, 7, offset(1.0, 1.0)),
    ("single_key", 3, 1, 4, 4, "sqrt", 2.0, False, 8, gaussian()),
]


# The counter-based generator of docs/inputs.md ("Generated"), written again
# from its description with libm's log/cos/sin: the Swift golden test checks its first values.
MASK64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def normal(seed, stream, row, dim):
    key = mix64(mix64(seed) ^ ((stream * 0xD1B54A32D192ED03) & MASK64))
    counter = (row << 32) | (dim >> 1)
    position = (key + (2 * counter + 1) * GAMMA) & MASK64
    u1 = 1 - (mix64(position) >> 12) * 2.0 ** -52
    u2 = (mix64((position + GAMMA) & MASK64) >> 12) * 2.0 ** -52
    radius = math.sqrt(-2 * math.log(u1))
    return radius * (math.cos(2 * math.pi * u2) if dim % 2 == 0 else math.sin(2 * math.pi * u2))


def generator_fixture(seed=42, sigma=1.5, rho=0.6, n=3, m=4, dims=5):
    q = [[float(np.float32(sigma * normal(seed, 1, i, d))) for d in range(dims)] for i in range(n)]
    k = []
    for j in range(m):
        row = []
        for d in range(dims):
            z = normal(seed, 2, j, d)
            value = rho * normal(seed, 1, j, d) + math.sqrt(1 - rho * rho) * z if j < min(n, m) else z
            row.append(float(np.float32(sigma * value)))
        k.append(row)
    return {"seed": seed, "sigma": sigma, "rho": rho, "n": n, "m": m, "dims": dims, "q": q, "k": k}


def main():
    os.makedirs(OUT, exist_ok=True)
    for case in CASES:
        fixture = make_case(*case)
        with open(os.path.join(OUT, fixture["name"] + ".json"), "w") as f:
            json.dump(fixture, f, separators=(",", ":"))
            f.write("\n")
    with open(os.path.join(OUT, "generator.json"), "w") as f:
        json.dump(generator_fixture(), f, indent=1)
        f.write("\n")
    print(f"wrote {len(CASES)} fixtures and generator.json to {OUT}")


if __name__ == "__main__":
    main()
