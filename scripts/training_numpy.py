"""The training lab's retrieval task in numpy: the reference attnview's Training module is checked
and timed against (scripts/make_training_fixtures.py, scripts/bench_train.sh).

Written from the issue's description, the plain way round: q = x_q W_q and u = W_k q, so a step
costs O(B·d_model·d_k) (the Swift code goes through M = W_k W_qᵀ instead). float32 throughout,
as the tool runs; Adam's bias corrections are Python floats (NEP 50: they become float32).

The data come from the counter-based generator of docs/inputs.md ("Generated"), vectorised here
with numpy's uint64 arithmetic and libm's log/cos/sin; streams 3–8 are the task's tokens, query
noise, W_q, W_k, probe tokens and probe noise; targets cycle: j = (step·B + b) mod n.
"""
import math

import numpy as np

GAMMA = np.uint64(0x9E3779B97F4A7C15)
STREAMS = {"tokens": 3, "query_noise": 4, "query_weights": 5, "key_weights": 6, "probe_tokens": 7, "probe_noise": 8}
MASK64 = (1 << 64) - 1


def _mix(z):
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _mix_int(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def normals(seed, stream, rows, columns, scale=1.0):
    """float32 (len(rows), columns): Float(scale · normal(seed, stream, row, dim))."""
    key = np.uint64(_mix_int(_mix_int(seed) ^ ((STREAMS[stream] * 0xD1B54A32D192ED03) & MASK64)))
    rows = np.asarray(rows, dtype=np.uint64)[:, None]
    dims = np.arange(columns, dtype=np.uint64)[None, :]
    counter = (rows << np.uint64(32)) | (dims >> np.uint64(1))
    with np.errstate(over="ignore"):
        position = key + (np.uint64(2) * counter + np.uint64(1)) * GAMMA
        w1 = _mix(position)
        w2 = _mix(position + GAMMA)
    u1 = 1.0 - (w1 >> np.uint64(12)).astype(np.float64) * 2.0**-52
    u2 = (w2 >> np.uint64(12)).astype(np.float64) * 2.0**-52
    radius = np.sqrt(-2.0 * np.log(u1))
    angle = 2.0 * math.pi * u2
    value = np.where(dims % np.uint64(2) == 0, radius * np.cos(angle), radius * np.sin(angle))
    return (scale * value).astype(np.float32)


def batch(task, step):
    """Tokens (B, n, d), queries (B, d) and targets (B,) of step `step`."""
    d, n, b = task["d_model"], task["n"], task["batch"]
    first = step * b
    tokens = normals(task["seed"], "tokens", range(first * n, (first + b) * n), d).reshape(b, n, d)
    noise = normals(task["seed"], "query_noise", range(first, first + b), d, task["noise"])
    targets = (first + np.arange(b)) % n
    queries = tokens[np.arange(b), targets] + noise
    return tokens, queries, targets


def probe(task):
    d, n = task["d_model"], task["n"]
    tokens = normals(task["seed"], "probe_tokens", range(n), d)
    queries = tokens + normals(task["seed"], "probe_noise", range(n), d, task["noise"])
    return tokens, queries


def initial_weights(task, dk):
    d = task["d_model"]
    scale = 1.0 / math.sqrt(d)
    return normals(task["seed"], "query_weights", range(d), dk, scale), normals(task["seed"], "key_weights", range(d), dk, scale)


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def loss_and_gradient(wq, wk, tokens, queries, targets, s):
    """Mean ‖o − x_j‖²/d over the batch and (∂L/∂W_q, ∂L/∂W_k), by hand."""
    b, n, d = tokens.shape
    f = tokens.dtype.type
    q = queries @ wq                              # (B, d_k)
    u = q @ wk.T                                  # (B, d): kᵢ·q = xᵢ·(W_k q)
    z = (tokens @ u[:, :, None])[:, :, 0] / f(s)
    p = softmax(z)
    o = (p[:, None, :] @ tokens)[:, 0, :]
    diff = o - tokens[np.arange(b), targets]
    loss = (diff * diff).sum(axis=1) / f(d)
    go = diff * f(2.0 / (b * d))
    dp = (tokens @ go[:, :, None])[:, :, 0]
    dz = p * (dp - (p * dp).sum(axis=1, keepdims=True))
    a = (dz[:, None, :] @ tokens)[:, 0, :] / f(s)   # ∂L/∂u
    grad_wk = a.T @ q                             # Σ_b a_b q_bᵀ
    grad_q = a @ wk                               # W_kᵀ a_b
    grad_wq = queries.T @ grad_q
    return loss.mean(dtype=f), grad_wq, grad_wk


def divisor(policy, dk, alpha=1.0):
    return {"sqrt": alpha * math.sqrt(dk), "dk": alpha * dk, "none": alpha}.get(policy) or float(policy)


def run(task, dk, policy, lr, optimizer, batches=None, dtype=np.float32):
    """(losses, gradient norms, diverged) of one run; `batches` may hold the steps' data in advance.
    dtype float64 gives the same run with less rounding (to see where float32 can be trusted)."""
    f = np.dtype(dtype).type
    wq, wk = (w.astype(dtype) for w in initial_weights(task, dk))
    s = divisor(policy, dk)
    state = [np.zeros_like(wq), np.zeros_like(wq), np.zeros_like(wk), np.zeros_like(wk)]
    losses, norms = [], []
    for step in range(task["steps"]):
        tokens, queries, targets = batches[step] if batches is not None else batch(task, step)
        loss, gq, gk = loss_and_gradient(wq, wk, tokens.astype(dtype), queries.astype(dtype), targets, s)
        norm = np.sqrt(f((gq * gq).sum() + (gk * gk).sum()))
        if not (np.isfinite(loss) and np.isfinite(norm)):
            return losses, norms, True
        losses.append(float(loss))
        norms.append(float(norm))
        if optimizer == "sgd":
            wq = wq - f(lr) * gq
            wk = wk - f(lr) * gk
        else:
            t = step + 1
            c1, c2 = 1 - 0.9**t, 1 - 0.999**t
            for index, (w, g) in enumerate(((wq, gq), (wk, gk))):
                m, v = state[2 * index], state[2 * index + 1]
                m[:] = f(0.9) * m + f(0.1) * g
                v[:] = f(0.999) * v + f(0.001) * (g * g)
                w -= f(lr) * (m / f(c1)) / (np.sqrt(v / f(c2)) + f(1e-8))
    return losses, norms, False


def probe_attention(task, wq, wk, s):
    tokens, queries = probe(task)
    return softmax((queries @ wq) @ (tokens @ wk).T / np.float32(s))


def final_loss(losses):
    return float(np.mean(losses[-20:]))
