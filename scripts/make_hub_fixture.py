#!/usr/bin/env python3
"""Writes Tests/TransformerTests/Fixtures/models/tiny-f32-hub/: the tiny F32 model as HuggingFace Hub repos
often ship a model: sharded weights (model.safetensors.index.json + two shards) and tokenizer.json only
(no vocab.txt), so the Swift tests load the folder attnview otherwise could not and compare it with
reference.json (the tiny-f32 model's tokens and every layer's Q and K, from make_model_fixtures.py).

The shards hold the tiny-f32 model's tensors byte for byte (split by name, in order); tokenizer.json comes
from HuggingFace `tokenizers` with the TemplateProcessing post-processor `transformers` saves.

Usage: pip install tokenizers && python3 scripts/make_model_fixtures.py && python3 scripts/make_hub_fixture.py
"""
import json
import pathlib
import shutil
import struct

from tokenizers import BertWordPieceTokenizer, Tokenizer, processors

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODELS = ROOT / "Tests/TransformerTests/Fixtures/models"
SOURCE, TARGET = MODELS / "tiny-f32", MODELS / "tiny-f32-hub"


def read_safetensors(path):
    raw = path.read_bytes()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + length])
    data = raw[8 + length :]
    metadata = header.pop("__metadata__", None)
    return {name: (entry, data[entry["data_offsets"][0] : entry["data_offsets"][1]]) for name, entry in header.items()}, metadata


def write_safetensors(path, tensors, metadata):
    header, chunks, offset = {"__metadata__": metadata} if metadata else {}, [], 0
    for name in sorted(tensors):
        entry, data = tensors[name]
        header[name] = {"dtype": entry["dtype"], "shape": entry["shape"], "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    path.write_bytes(struct.pack("<Q", len(text)) + text + b"".join(chunks))
    return offset


def main():
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir()
    shutil.copy(SOURCE / "config.json", TARGET / "config.json")
    tensors, metadata = read_safetensors(SOURCE / "model.safetensors")
    names = sorted(tensors)
    half = len(names) // 2
    shards = {"model-00001-of-00002.safetensors": names[:half], "model-00002-of-00002.safetensors": names[half:]}
    weight_map, total = {}, 0
    for shard, members in shards.items():
        total += write_safetensors(TARGET / shard, {n: tensors[n] for n in members}, metadata)
        weight_map.update({n: shard for n in members})
    index = {"metadata": {"total_size": total}, "weight_map": dict(sorted(weight_map.items()))}
    (TARGET / "model.safetensors.index.json").write_text(json.dumps(index, indent=2) + "\n")

    vocab = {t: i for i, t in enumerate((SOURCE / "vocab.txt").read_text(encoding="utf-8").splitlines())}
    tokenizer = BertWordPieceTokenizer(vocab, lowercase=True, strip_accents=None, clean_text=True)
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
    )
    tokenizer.save(str(TARGET / "tokenizer.json"))
    loaded = Tokenizer.from_file(str(TARGET / "tokenizer.json"))
    reference = json.loads((MODELS / "reference.json").read_text())["models"]["tiny-f32"]
    for case in reference:
        assert loaded.encode(case["text"]).ids == case["ids"], case["text"]
    print(f"tiny-f32-hub: {len(names)} tensors in 2 shards, tokenizer.json agrees on {len(reference)} texts")


if __name__ == "__main__":
    main()
