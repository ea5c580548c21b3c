#!/usr/bin/env python3
"""Writes the fixtures of the safetensors reader and the BERT encoder tests.

A tiny random BERT (2 layers, hidden 8, 2 heads, intermediate 16, 16 positions, a 40-piece vocab
with ## continuations) in the HuggingFace folder layout, four times: F32 and F16, with and
without the `bert.` prefix (the prefixed ones also carry a pooler and an I64 position_ids, which
attnview must ignore). A float64 numpy forward pass of each gives every layer's Q and K (all heads,
biases included, before any divisor) for a few texts; tokens come from HuggingFace `tokenizers`.
Also tiny-overflow (tiny-f32 with a LayerNorm γ of 3e38: NaN from layer 1 on), and broken
safetensors files, each with the words its error message must contain.

Safetensors are written by hand (8-byte little-endian header length + JSON header + data), so
the script needs only numpy, scipy (erf) and tokenizers.

Run from the repository root: python3 scripts/make_model_fixtures.py
Output: Tests/TransformerTests/Fixtures/models/tiny-*/ and reference.json,
        Tests/TensorFilesTests/Fixtures/safetensors/*.safetensors and manifest.json
"""
import json
import pathlib
import struct
import sys

import numpy as np
from tokenizers import BertWordPieceTokenizer

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bert_numpy  # noqa: E402  (the float64 reference forward, shared with the MiniLM fixture)

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODELS = ROOT / "Tests/TransformerTests/Fixtures/models"
SAFETENSORS = ROOT / "Tests/TensorFilesTests/Fixtures/safetensors"

LAYERS, HIDDEN, HEADS, INTERMEDIATE, POSITIONS, TYPES = 2, 8, 2, 16, 16, 2
EPS = 1e-12
VOCAB = (
    ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    + ["the", "cat", "sat", "on", "mat", "a", "dog", "run", "play", "un", "##believ", "t", "it", "was", "too", "tired"]
    + ["##s", "##ing", "##able", "##e", "##d", "##t", "don", "cafe", "is", "here"]
    + [".", ",", "!", "'", "?", "-", "(", ")", "猫", "x"]
)
TEXTS = [
    "The cat sat on the mat.",
    "Dogs playing!",
    "unbelievable cats, don't run",
    "Café is here?",
    "the 猫 was too tired (xyz)",
]
DTYPE_NAMES = {np.float32: "F32", np.float16: "F16", np.int64: "I64"}


def safetensors_bytes(tensors, metadata=None):
    """`tensors`: name → numpy array; written in name order, contiguous, as the format asks."""
    header, chunks, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name in sorted(tensors):
        array = np.ascontiguousarray(tensors[name])
        data = array.astype(array.dtype.newbyteorder("<")).tobytes()
        header[name] = {
            "dtype": DTYPE_NAMES[array.dtype.type],
            "shape": list(array.shape),
            "data_offsets": [offset, offset + len(data)],
        }
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # pad so the data starts 8-byte aligned, as the reference writer does
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def random_weights(rng):
    def normal(*shape, scale=0.5):
        return rng.normal(0, scale, size=shape)

    w = {
        "embeddings.word_embeddings.weight": normal(len(VOCAB), HIDDEN),
        "embeddings.position_embeddings.weight": normal(POSITIONS, HIDDEN),
        "embeddings.token_type_embeddings.weight": normal(TYPES, HIDDEN),
        "embeddings.LayerNorm.weight": 1 + normal(HIDDEN, scale=0.1),
        "embeddings.LayerNorm.bias": normal(HIDDEN, scale=0.1),
    }
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        for part in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"]:
            w[p + part + ".weight"] = normal(HIDDEN, HIDDEN)
            w[p + part + ".bias"] = normal(HIDDEN, scale=0.2)
        w[p + "attention.output.LayerNorm.weight"] = 1 + normal(HIDDEN, scale=0.1)
        w[p + "attention.output.LayerNorm.bias"] = normal(HIDDEN, scale=0.1)
        w[p + "intermediate.dense.weight"] = normal(INTERMEDIATE, HIDDEN)
        w[p + "intermediate.dense.bias"] = normal(INTERMEDIATE, scale=0.2)
        w[p + "output.dense.weight"] = normal(HIDDEN, INTERMEDIATE)
        w[p + "output.dense.bias"] = normal(HIDDEN, scale=0.2)
        w[p + "output.LayerNorm.weight"] = 1 + normal(HIDDEN, scale=0.1)
        w[p + "output.LayerNorm.bias"] = normal(HIDDEN, scale=0.1)
    return w


def rounded(matrix):
    """Nine significant digits: float32 exactness is all the tests need, and the file stays small."""
    return [[float(f"{value:.9g}") for value in row] for row in matrix]


def config():
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": HIDDEN,
        "num_attention_heads": HEADS,
        "num_hidden_layers": LAYERS,
        "intermediate_size": INTERMEDIATE,
        "max_position_embeddings": POSITIONS,
        "type_vocab_size": TYPES,
        "vocab_size": len(VOCAB),
        "layer_norm_eps": EPS,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
    }


def write_model(folder, weights, dtype, prefix, rng):
    folder.mkdir(parents=True, exist_ok=True)
    stored = {prefix + name: value.astype(dtype) for name, value in weights.items()}
    if prefix:
        stored["bert.pooler.dense.weight"] = rng.normal(size=(HIDDEN, HIDDEN)).astype(dtype)
        stored["bert.pooler.dense.bias"] = np.zeros(HIDDEN, dtype=dtype)
        stored["bert.embeddings.position_ids"] = np.arange(POSITIONS, dtype=np.int64)[None, :]
    (folder / "model.safetensors").write_bytes(safetensors_bytes(stored, {"format": "pt"}))
    (folder / "config.json").write_text(json.dumps(config(), indent=2) + "\n")
    (folder / "vocab.txt").write_text("\n".join(VOCAB) + "\n")
    (folder / "tokenizer_config.json").write_text(json.dumps({"do_lower_case": True}, indent=2) + "\n")
    # The reference runs on the weights as stored (F16 rounding included), in float64.
    return {name: value.astype(dtype).astype(np.float64) for name, value in weights.items()}


def write_models():
    rng = np.random.default_rng(8)
    weights = random_weights(rng)
    variants = [("tiny-f32", np.float32, ""), ("tiny-f32-bert", np.float32, "bert."),
                ("tiny-f16", np.float16, ""), ("tiny-f16-bert", np.float16, "bert.")]
    reference = {"models": {}}
    for name, dtype, prefix in variants:
        stored = write_model(MODELS / name, weights, dtype, prefix, rng)
        tokenizer = BertWordPieceTokenizer(str(MODELS / name / "vocab.txt"), lowercase=True, strip_accents=True)
        texts = []
        # Every text for the plain F32 model; two for the other variants keep the file small.
        for text in TEXTS if name == "tiny-f32" else TEXTS[:2]:
            encoding = tokenizer.encode(text)
            qs, ks = bert_numpy.forward(config(), stored, encoding.ids)
            texts.append({
                "text": text,
                "tokens": encoding.tokens,
                "ids": encoding.ids,
                "q": [rounded(q) for q in qs],
                "k": [rounded(k) for k in ks],
            })
        reference["models"][name] = texts
    reference["layers"], reference["heads"], reference["hidden"] = LAYERS, HEADS, HIDDEN
    # The same weights with one LayerNorm γ of 3e38: finite, yet layer 0 overflows float32 and every
    # value from layer 1 on is NaN. attnview must say so (exit 65, an error state), not draw a verdict.
    overflowing = dict(weights)
    overflowing["encoder.layer.0.attention.output.LayerNorm.weight"] = np.full(HIDDEN, 3e38)
    write_model(MODELS / "tiny-overflow", overflowing, np.float32, "", rng)
    (MODELS / "reference.json").write_text(json.dumps(reference) + "\n")


def write_broken_safetensors():
    SAFETENSORS.mkdir(parents=True, exist_ok=True)
    good = {"a": np.arange(6, dtype=np.float32).reshape(2, 3), "ids": np.arange(4, dtype=np.int64)}
    valid = safetensors_bytes(good)
    length = struct.unpack("<Q", valid[:8])[0]
    header = json.loads(valid[8 : 8 + length])
    data = valid[8 + length :]

    def with_header(changed, data=data):
        text = json.dumps(changed).encode()
        return struct.pack("<Q", len(text)) + text + data

    def entry(**fields):
        changed = json.loads(json.dumps(header))
        changed["a"].update(fields)
        return with_header(changed)

    # Two entries named "a" (JSON parsers keep one of them silently), each covering the same bytes.
    first = json.dumps({"a": header["a"]})[1:-1]
    duplicated_text = ("{" + first + "," + first + "," + json.dumps({"ids": header["ids"]})[1:-1] + "}").encode()
    duplicated = struct.pack("<Q", len(duplicated_text)) + duplicated_text + data

    nan = dict(good)
    nan["a"] = np.array([[0, 1, 2], [3, np.nan, 5]], dtype=np.float32)
    inf16 = {"a": np.array([[0, 1, 2], [3, 4, np.inf]], dtype=np.float16)}
    cases = {
        "bad_empty": (b"", "too short"),
        "bad_short": (b"\x10\x00\x00", "too short"),
        "bad_header_length": (struct.pack("<Q", 1 << 40) + b"{}", "runs past the end"),
        "bad_truncated": (valid[: 8 + length + 10], "lie outside"),
        "bad_not_json": (struct.pack("<Q", 6) + b"{nope}", "not JSON"),
        "bad_not_object": (with_header([1, 2]), "not a JSON object"),
        "bad_offsets_outside": (entry(data_offsets=[0, 4000]), "lie outside"),
        "bad_offsets_reversed": (entry(data_offsets=[24, 0]), "lie outside"),
        "bad_offsets_size": (entry(data_offsets=[0, 20]), "needs 24"),
        "bad_shape_mismatch": (entry(shape=[3, 3]), "needs 36"),
        "bad_shape_negative": (entry(shape=[-2, 3]), "shape"),
        "bad_shape_overflow": (entry(shape=[1 << 62, 1 << 62]), "too large"),
        "bad_dtype": (entry(dtype="F7"), "unsupported dtype 'F7'"),
        "bad_entry_not_object": (with_header({"a": 5}), "not a JSON object"),
        "bad_no_offsets": (with_header({"a": {"dtype": "F32", "shape": [2, 3]}}), "data_offsets"),
        # The format's own rules: the tensors cover the data exactly, once each.
        "bad_trailing": (valid + b"\x00" * 7, "7 bytes of data after the last tensor"),
        "bad_gap": (with_header(dict(header, ids=dict(header["ids"], data_offsets=[28, 60])), data + b"\x00" * 4),
                    "leaving bytes 24..<28 to no tensor"),
        "bad_overlap": (with_header(dict(header, ids=dict(header["ids"], dtype="F32", shape=[4],
                                                          data_offsets=[8, 24])), data[:24]),
                        "overlap tensor 'a' [0, 24]"),
        "bad_same_bytes": (with_header(dict(header, b=header["a"]), data), "overlap tensor 'a' [0, 24]"),
        "bad_duplicate_name": (duplicated, "tensor 'a': is named twice"),
        "bad_nan": (safetensors_bytes(nan), "NaN or infinity at [1, 1]"),
        "bad_inf_f16": (safetensors_bytes(inf16), "NaN or infinity at [1, 2]"),
    }
    manifest = {"valid": {"file": "valid.safetensors", "a": good["a"].ravel().tolist(), "shape": [2, 3]}, "errors": {}}
    (SAFETENSORS / "valid.safetensors").write_bytes(valid)
    bf16 = np.array([1.5, -2.25, 3e38, 1e-3], dtype=np.float32)
    bits = (bf16.view(np.uint32) >> 16).astype(np.uint16)  # truncation: exact for these values' upper bits
    text = json.dumps({"b": {"dtype": "BF16", "shape": [4], "data_offsets": [0, 8]},
                       "odd": {"dtype": "F32", "shape": [1], "data_offsets": [9, 13]},
                       "pad": {"dtype": "U8", "shape": [1], "data_offsets": [8, 9]}}).encode()
    body = bits.astype("<u2").tobytes() + b"\x00" + np.array([7.25], dtype="<f4").tobytes()
    (SAFETENSORS / "valid_bf16_unaligned.safetensors").write_bytes(struct.pack("<Q", len(text)) + text + body)
    manifest["bf16"] = (bits.astype(np.uint32) << 16).view(np.float32).tolist()
    for name, (content, fragment) in cases.items():
        (SAFETENSORS / f"{name}.safetensors").write_bytes(content)
        manifest["errors"][f"{name}.safetensors"] = fragment
    (SAFETENSORS / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    write_models()
    write_broken_safetensors()
