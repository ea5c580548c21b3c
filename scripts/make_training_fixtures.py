#!/usr/bin/env python3
"""Writes the fixtures the Training module's tests compare with: numpy runs of the retrieval task.

For small tasks (and one at the issue's defaults), every policy and both optimisers: each step's
loss and gradient norm, whether the run diverged, and the probe's attention at the end; plus the
first step's gradient of a tiny task, element by element, and the first generated values of each
stream: written again operation for operation in float32 (the runs' data), and computed with libm
in float64 from the description in docs/inputs.md (the reference of its accuracy). See scripts/training_numpy.py.

Run from the repository root: python3 scripts/make_training_fixtures.py
Output: Tests/TrainingTests/Fixtures/training.json
"""
import json
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import training_numpy as tn  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/TrainingTests/Fixtures/training.json"

SMALL = dict(d_model=8, n=5, batch=6, noise=0.3, steps=30, seed=7)
# The defaults for 20 steps, and a medium task: the Swift tests run unoptimised, where
# generating the data costs the most.
DEFAULT = dict(d_model=64, n=16, batch=64, noise=0.3, steps=20, seed=0)
MEDIUM = dict(d_model=32, n=16, batch=16, noise=0.3, steps=60, seed=3)

RUNS = [
    (SMALL, dk, policy, lr, optimizer)
    for dk in (4, 16)
    for policy in ("none", "sqrt", "dk", "2.5")
    for optimizer, lr in (("sgd", 0.5), ("adam", 0.05))
] + [
    (DEFAULT, 256, "sqrt", 4.0, "sgd"),
    (MEDIUM, 64, "sqrt", 4.0, "sgd"),
    (MEDIUM, 256, "none", 4.0, "sgd"),
    (MEDIUM, 256, "dk", 1.0 / 64, "adam"),
    (SMALL, 16, "none", 1e20, "sgd"),
]


def run_fixture(task, dk, policy, lr, optimizer):
    losses, norms, diverged = tn.run(task, dk, policy, lr, optimizer)
    # Where float32 rounding stops mattering little: the first step at which the same run in
    # float64 differs by more than 0.1 % in loss or gradient norm. Some runs are chaotic (s = 1 with a large SGD step): there
    # a 1e-7 change of the weights moves the loss visibly within a few steps, whoever computes it.
    exact, exact_norms, _ = tn.run(task, dk, policy, lr, optimizer, dtype=np.float64)
    pairs = list(zip(losses, exact, norms, exact_norms))
    stable = next((i for i, (a, b, c, d) in enumerate(pairs) if abs(a - b) > 1e-3 * b or abs(c - d) > 1e-3 * d), len(pairs))
    return {
        "task": task, "dk": dk, "scale": policy, "lr": lr, "optimizer": optimizer,
        "losses": losses, "gradient_norms": norms, "diverged": diverged, "stable_steps": stable,
    }


def probe_fixture(task, dk, policy):
    wq, wk = tn.initial_weights(task, dk)
    return {"task": task, "dk": dk, "scale": policy,
            "attention": tn.probe_attention(task, wq, wk, tn.divisor(policy, dk)).astype(float).ravel().tolist()}


def gradient_fixture(task, dk, policy, step):
    wq, wk = tn.initial_weights(task, dk)
    tokens, queries, targets = tn.batch(task, step)
    loss, gq, gk = tn.loss_and_gradient(wq, wk, tokens, queries, targets, tn.divisor(policy, dk))
    return {"task": task, "dk": dk, "scale": policy, "step": step, "loss": float(loss),
            "queries": queries.astype(float).ravel().tolist(), "targets": targets.tolist(),
            "grad_query": gq.astype(float).ravel().tolist(), "grad_key": gk.astype(float).ravel().tolist()}


def main():
    np.seterr(all="ignore")  # the diverging run overflows on purpose
    # 3 rows × 37 columns: a whole block of 32 dims and a partial one.
    stream_heads = {name: tn.normals(11, name, range(3), 37).astype(float).tolist() for name in tn.STREAMS}
    stream_libm = {name: tn.normals_libm(11, name, range(3), 37).astype(float).tolist() for name in tn.STREAMS}
    fixture = {
        "generator": {"seed": 11, "rows": 3, "columns": 37, "streams": stream_heads, "streams_libm": stream_libm},
        "gradients": [gradient_fixture(SMALL, 4, policy, 3) for policy in ("none", "sqrt", "dk")],
        "probes": [probe_fixture(SMALL, 16, "sqrt")],
        "runs": [run_fixture(*run) for run in RUNS],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    print(f"wrote {len(fixture['runs'])} runs to {OUT}")


if __name__ == "__main__":
    main()
