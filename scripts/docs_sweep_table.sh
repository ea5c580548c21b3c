#!/usr/bin/env bash
# Regenerates the sweep table in docs/cli.md (between the sweep-table markers) with a release build,
# so the docs always show what the command really prints. Run from anywhere; review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product attnview >/dev/null
table=$(.build/release/attnview sweep --trials 5)
python3 - "$table" <<'PY'
import re, sys
table = sys.argv[1]
readme = open("docs/cli.md").read()
pattern = re.compile(r"(<!-- sweep-table: attnview sweep --trials 5 -->\n\n).*?(\n\n<!-- /sweep-table -->)", re.S)
if not pattern.search(readme):
    sys.exit("docs/cli.md has no sweep-table markers")
open("docs/cli.md", "w").write(pattern.sub(lambda m: m.group(1) + table + m.group(2), readme))
PY
echo "docs/cli.md: sweep table regenerated"
