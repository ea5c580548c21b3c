"""A BERT encoder in numpy: the reference attnview's Swift encoder is checked and timed against.

load(folder) reads config.json and model.safetensors (parsed by hand: 8-byte little-endian header
length, JSON header, data) with the `bert.` prefix or without; forward(...) runs embeddings →
LayerNorm → layers (Q/K/V, attention at 1/(alpha·√d_head), output + residual + LayerNorm, exact-erf GELU
feed-forward + residual + LayerNorm) in the given dtype and returns every layer's Q and K.
"""
import json
import pathlib
import struct

import numpy as np
from scipy.special import erf

DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64}


def read_safetensors(path):
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    (length,) = struct.unpack("<Q", raw[:8].tobytes())
    header = json.loads(raw[8 : 8 + length].tobytes())
    data = raw[8 + length :]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__" or entry["dtype"] not in DTYPES:
            continue
        begin, end = entry["data_offsets"]
        tensors[name] = data[begin:end].view(np.dtype(DTYPES[entry["dtype"]]).newbyteorder("<")).reshape(entry["shape"])
    return tensors


def load(folder, dtype=np.float32):
    folder = pathlib.Path(folder)
    config = json.loads((folder / "config.json").read_text())
    tensors = read_safetensors(folder / "model.safetensors")
    prefix = "bert." if "bert.embeddings.word_embeddings.weight" in tensors else ""
    weights = {name[len(prefix) :]: np.asarray(value, dtype=dtype) for name, value in tensors.items() if name.startswith(prefix)}
    return config, weights


def layer_norm(x, gamma, beta, eps):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def forward(config, w, ids):
    """Every layer's Q and K (n × hidden each, all heads side by side, before any divisor)."""
    qs, ks, _ = forward_all(config, w, ids)
    return qs, ks


def forward_all(config, w, ids, alpha=1.0):
    """forward, with every head dividing by alpha·√d_head in every layer; also the last hidden states."""
    hidden, heads = config["hidden_size"], config["num_attention_heads"]
    eps, d_head, n = config.get("layer_norm_eps", 1e-12), hidden // heads, len(ids)
    dtype = w["embeddings.word_embeddings.weight"].dtype
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
    x = x + w["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
    qs, ks = [], []
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."

        def linear(name, h):
            return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q, k, v = (linear("attention.self." + part, x) for part in ["query", "key", "value"])
        qs.append(q)
        ks.append(k)
        qh = q.reshape(n, heads, d_head).transpose(1, 0, 2)
        kh = k.reshape(n, heads, d_head).transpose(1, 0, 2)
        vh = v.reshape(n, heads, d_head).transpose(1, 0, 2)
        logits = qh @ kh.transpose(0, 2, 1) / dtype.type(alpha * np.sqrt(d_head))
        weights = np.exp(logits - logits.max(axis=-1, keepdims=True))
        weights /= weights.sum(axis=-1, keepdims=True)
        context = (weights @ vh).transpose(1, 0, 2).reshape(n, hidden)
        x = layer_norm(
            linear("attention.output.dense", context) + x,
            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], eps)
        inner = linear("intermediate.dense", x)
        inner = dtype.type(0.5) * inner * (1 + erf(inner / dtype.type(np.sqrt(2))))
        x = layer_norm(linear("output.dense", inner) + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
    return qs, ks, x
