#!/usr/bin/env bash
# Regenerates the sweep table in README.md (between the sweep-table markers) with a release build,
# so the README always shows what the command really prints. Run from anywhere; review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product attnview >/dev/null
table=$(.build/release/attnview sweep --trials 5)
python3 - "$table" <<'PY'
import re, sys
table = sys.argv[1]
readme = open("README.md").read()
pattern = re.compile(r"(<!-- sweep-table: attnview sweep --trials 5 -->\n\n).*?(\n\n<!-- /sweep-table -->)", re.S)
if not pattern.search(readme):
    sys.exit("README.md has no sweep-table markers")
open("README.md", "w").write(pattern.sub(lambda m: m.group(1) + table + m.group(2), readme))
PY
echo "README.md: sweep table regenerated"
