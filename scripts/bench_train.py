#!/usr/bin/env python3
"""Times one run of the retrieval task in numpy (scripts/training_numpy.py), the reference of
scripts/bench_train.sh: the steps only, with every batch generated beforehand (numpy's generator
is a vectorised re-implementation, slower than the training itself, and not what is compared).

  python3 scripts/bench_train.py [--dk 1024] [--scale sqrt] [--lr 4] [--optimizer sgd] [--repeats 3]
prints the fastest run's seconds, its final loss, and the seconds numpy's own fastest generator
(default_rng, float32) takes to draw the same amount of data: what a numpy run that draws its data
would add (attnview's runs draw theirs, with a counter-based generator, inside the time measured).
"""
import argparse
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import numpy as np  # noqa: E402
import training_numpy as tn  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--dk", type=int, default=1024)
parser.add_argument("--scale", default="sqrt")
parser.add_argument("--lr", type=float, default=4.0)
parser.add_argument("--optimizer", default="sgd")
parser.add_argument("--steps", type=int, default=250)
parser.add_argument("--repeats", type=int, default=3)
args = parser.parse_args()

task = dict(d_model=64, n=16, batch=64, noise=0.3, steps=args.steps, seed=0)
batches = [tn.batch(task, step) for step in range(args.steps)]
best = None
for _ in range(args.repeats):
    start = time.perf_counter()
    losses, _, _ = tn.run(task, args.dk, args.scale, args.lr, args.optimizer, batches=batches)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
rng = np.random.default_rng(0)
data = None
for _ in range(args.repeats):
    start = time.perf_counter()
    for _ in range(args.steps):
        rng.standard_normal((task["batch"], task["n"], task["d_model"]), dtype=np.float32)
        rng.standard_normal((task["batch"], task["d_model"]), dtype=np.float32)
    elapsed = time.perf_counter() - start
    data = elapsed if data is None else min(data, elapsed)
print(f"{best:.4f} {tn.final_loss(losses):.6g} {data:.4f}")
