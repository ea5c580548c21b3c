#!/usr/bin/env bash
# Regenerates every table of docs/the-argument-measured.md from the command in its marker:
#   <!-- argument-table: attnview sweep … -->  (table)  <!-- /argument-table -->
# so the page always shows what the commands print here (a test checks each table against its
# command). Uses the debug build the tests use; the numbers are the same in release. `train` runs
# on OpenBLAS' Prescott kernels (OPENBLAS_CORETYPE), which every x86-64 CPU has: the faster kernels
# attnview picks round differently from CPU to CPU, and the chaotic unscaled runs show it.
# Run from anywhere; review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product attnview >/dev/null
python3 - <<'PY'
import os, re, subprocess, sys
page_path = "docs/the-argument-measured.md"
page = open(page_path).read()
pattern = re.compile(r"(<!-- argument-table: attnview ([^>]*?) -->\n\n).*?(\n\n<!-- /argument-table -->)", re.S)
count = 0
def table(match):
    global count
    count += 1
    output = subprocess.run([".build/debug/attnview"] + match.group(2).split(), check=True,
                            capture_output=True, text=True,
                            env={**os.environ, **({"OPENBLAS_CORETYPE": "Prescott"}
                                                   if match.group(2).startswith("train") else {})}
                            ).stdout.strip("\n")
    return match.group(1) + output + match.group(3)
page = pattern.sub(table, page)
if count == 0:
    sys.exit(f"{page_path} has no argument-table markers")
open(page_path, "w").write(page)
print(f"{page_path}: {count} tables regenerated")
PY
