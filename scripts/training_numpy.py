"""The training lab's retrieval task in numpy: the reference attnview's Training module is checked
and timed against (scripts/make_training_fixtures.py, scripts/bench_train.sh).

Written from the issue's description, the plain way round: q = x_q W_q and u = W_k q, so a step
costs O(B·d_model·d_k) (the Swift code goes through M = W_k W_qᵀ instead). float32 throughout,
as the tool runs; Adam's bias corrections are Python floats (NEP 50: they become float32).

The data come from the single-precision counter-based generator of docs/inputs.md ("The training
lab's data"), vectorised here with numpy's uint32 arithmetic and libm's log/cos/sin in float64;
streams 3–8 are the task's tokens, query noise, W_q, W_k, probe tokens and probe noise; targets
cycle: j = (step·B + b) mod n.
"""
import math

import numpy as np

STREAMS = {"tokens": 3, "query_noise": 4, "query_weights": 5, "key_weights": 6, "probe_tokens": 7, "probe_noise": 8}
MASK64 = (1 << 64) - 1


def _mix_int(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def _lowbias32(x):
    """Wellons' lowbias32 hash of uint32 values (numpy's uint32 products wrap)."""
    x = np.asarray(x, dtype=np.uint32)
    x = x ^ (x >> np.uint32(16))
    x = x * np.uint32(0x7FEB352D)
    x = x ^ (x >> np.uint32(15))
    x = x * np.uint32(0x846CA68B)
    return x ^ (x >> np.uint32(16))


def _words(seed, stream, rows, columns):
    """The two uint32 words (len(rows), columns) each entry's uniforms come from."""
    key = _mix_int(_mix_int(seed) ^ ((STREAMS[stream] * 0xD1B54A32D192ED03) & MASK64))
    rows = np.asarray(rows, dtype=np.uint64)
    low = (rows & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    high = (rows >> np.uint64(32)).astype(np.uint32)
    row1 = _lowbias32(_lowbias32(low ^ np.uint32(key & 0xFFFFFFFF)) ^ high ^ np.uint32(key >> 32))[:, None]
    row2 = _lowbias32(row1 ^ np.uint32(0x68E31DA4))
    pairs = (np.arange(columns, dtype=np.uint32) >> np.uint32(1))[None, :]
    w1 = _lowbias32(row1 ^ _lowbias32(pairs ^ np.uint32(0x1B873593)))
    w2 = _lowbias32(row2 ^ _lowbias32(pairs ^ np.uint32(0xCC9E2D51)))
    return w1, w2, (np.arange(columns) % 2 == 0)[None, :]


def normals_libm(seed, stream, rows, columns, scale=1.0):
    """float32 (len(rows), columns): the generator's normals computed with libm in float64, the
    reference its own float series are checked against (to a few units of float's last place)."""
    w1, w2, even = _words(seed, stream, rows, columns)
    u1 = ((w1 >> np.uint32(8)).astype(np.float64) + 1.0) * 2.0**-24
    turns = (w2 >> np.uint32(8)).astype(np.float64) * 2.0**-24
    radius = np.sqrt(-2.0 * np.log(u1))
    angle = 2.0 * math.pi * turns
    value = np.where(even, radius * np.cos(angle), radius * np.sin(angle))
    return (scale * value).astype(np.float32)


F = np.float32


def _log_float(x):
    """The generator's ln in float32, operation for operation (musl's logf reduction)."""
    shifted = x.view(np.uint32) + np.uint32(0x3F800000 - 0x3F3504F3)
    exponent = ((shifted >> np.uint32(23)).astype(np.int32) - np.int32(127)).astype(np.float32)
    mantissa = ((shifted & np.uint32(0x007FFFFF)) + np.uint32(0x3F3504F3)).view(np.float32)
    s = (mantissa - F(1)) / (mantissa + F(1))
    s2 = s * s
    series = np.full_like(s, F(1) / F(9))
    for k in (7, 5, 3):
        series = series * s2 + F(1) / F(k)
    series = series * s2 + F(1)
    return exponent * F(6.9313812256e-01) + (exponent * F(9.0580006145e-06) + F(2) * s * series)


def _cos_sin_float(r):
    """The generator's (cos 2πt, sin 2πt), t = r·2⁻²⁴, in float32, operation for operation."""
    shifted = r + np.uint32(1 << 21)
    quadrant = (shifted >> np.uint32(22)) & np.uint32(3)
    offset = ((shifted & np.uint32((1 << 22) - 1)).astype(np.int32) - np.int32(1 << 21)).astype(np.float32)
    theta = offset * F(float.fromhex("0x1.921FB6p-22"))
    t2 = theta * theta
    sine = np.full_like(t2, F(1) / F(362880))
    sine = sine * t2 - F(1) / F(5040)
    sine = sine * t2 + F(1) / F(120)
    sine = sine * t2 - F(1) / F(6)
    sine = (sine * t2 + F(1)) * theta
    cosine = np.full_like(t2, F(1) / F(40320))
    cosine = cosine * t2 - F(1) / F(720)
    cosine = cosine * t2 + F(1) / F(24)
    cosine = cosine * t2 - F(0.5)
    cosine = cosine * t2 + F(1)
    c, s = cosine.view(np.uint32), sine.view(np.uint32)
    swap = (quadrant & np.uint32(1)).astype(bool)
    negate_cos = (((quadrant + np.uint32(1)) >> np.uint32(1)) & np.uint32(1)) << np.uint32(31)
    negate_sin = ((quadrant >> np.uint32(1)) & np.uint32(1)) << np.uint32(31)
    return (np.where(swap, s, c) ^ negate_cos).view(np.float32), (np.where(swap, c, s) ^ negate_sin).view(np.float32)


def normals(seed, stream, rows, columns, scale=1.0):
    """float32 (len(rows), columns): scale · normal(seed, stream, row, dim), bit for bit as the
    C generator makes them (its float series written again), so a run's data are the same on
    both sides and the runs differ only in how they sum."""
    w1, w2, even = _words(seed, stream, rows, columns)
    u1 = ((w1 >> np.uint32(8)) + np.uint32(1)).astype(np.float32) * F(2.0**-24)
    radius = np.sqrt(F(-2) * _log_float(u1))
    cosine, sine = _cos_sin_float(w2 >> np.uint32(8))
    return np.where(even, radius * cosine * F(scale), radius * sine * F(scale))


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
