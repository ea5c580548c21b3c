#!/usr/bin/env bash
# Regenerates the SVG pictures in docs/img/ that docs/snapshots.md shows, with the binary built
# from this checkout. Each file's <title> is the command that printed it.
# Usage: scripts/make_doc_svgs.sh   (set ATTNVIEW to use another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ATTNVIEW:-}" ]; then
    swift build --product attnview >&2
    ATTNVIEW=$PWD/.build/debug/attnview
fi

picture() {
    local file=$1
    shift
    "$ATTNVIEW" snapshot --format svg --width 120 --height 40 "$@" --output "docs/img/$file" --force
    echo "docs/img/$file: $(wc -c <"docs/img/$file") bytes" >&2
}

# The first screen of `attnview`: scaled by √d_k, a balanced spread of weights.
picture default.svg
# Unscaled dot products at d_k = 1024: nearly one-hot rows, row 12 in the row panel.
picture peaked.svg --dk 1024 --scale none --row 12
