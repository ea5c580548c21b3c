#!/usr/bin/env python3
"""Writes Tests/RenderingTests/Fixtures/toml/cases.json: TOML texts and how Python's tomllib reads them.

The theme reader (Sources/Rendering/Theme/TOMLReader.swift) reads a subset of TOML; TOMLReaderTests
checks it against this independent parser: a text tomllib refuses must be refused, a text in the
subset must read to the same document, and a text tomllib accepts outside the subset must be
refused (never read differently). Values are written as JSON with every number as "<number>"
(no theme key takes one). The bundled themes are cases too. Run from anywhere:
    python3 scripts/make_toml_fixtures.py
"""
import json
import pathlib
import tomllib

root = pathlib.Path(__file__).resolve().parent.parent
target = root / "Tests/RenderingTests/Fixtures/toml/cases.json"

# (name, text, in_subset): in_subset False marks valid TOML the theme reader refuses on purpose.
CASES = [
    ("empty", "", True),
    ("comments and blank lines", "# a theme\n\n   # indented\n\t\n", True),
    ("crlf", "summary = \"x\"\r\n[colors]\r\ntext = \"#000000\"\r\n", True),
    ("no final newline", "summary = \"x\"", True),
    ("blanks around", "  summary\t=\t\"x\"  # trailing\n", True),
    ("escapes", r'summary = "q\" b\\ t\t n\n u\u00e9 U\U0001F600 b\b f\f r\r"' "\n", True),
    ("literal string", "summary = 'C:\\path\\no \"escapes\"'\n", True),
    ("unicode text", "summary = \"naïve — 色\"\n", True),
    ("quoted keys", "\"summary\" = \"x\"\n['colors']\n\"text\" = \"#010203\"\n", True),
    ("empty quoted key", "\"\" = 1\n", True),
    ("multi-line list", "[ramps]\nweights = [\n  \"#000000\", # first\n\n  \"#ffffff\",\n]\n", True),
    ("nested lists", "a = [[1, 2], [\"x\"], []]\n", True),
    ("mixed list", "a = [1, \"x\", true, 2.5]\n", True),
    ("numbers", "a = 1\nb = -2\nc = +3\nd = 1_000\ne = 0x_ff\nf = 0o17\ng = 0b101\nh = 3.14\n"
     "i = -0.5e-3\nj = 1E6\nk = inf\nl = -nan\nm = 0\nn = 0.0\n".replace("0x_ff", "0xff"), True),
    ("booleans", "a = true\nb = false\n", True),
    ("tab in string", "summary = \"a\tb\"\n", True),
    ("table then keys", "[ramps]\n[colors]\ntext = \"#000000\"\n", True),
    ("header blanks", "[ colors ]\ntext = \"#000000\"\n", True),
    ("every bundled key", "summary = \"s\"\n[ramps]\nweights = [\"#000000\", \"#ffffff\"]\n"
     "logits = [\"#000000\", \"#7a7a7a\", \"#ffffff\"]\n[colors]\nbackground = \"none\"\n", True),
    # Refused by tomllib: the reader must refuse them too.
    ("lone bracket", "[", True),
    ("header without key", "[=", True),
    ("header not closed", "summary = \"x\"\n[colors\ntext = \"#000000\"\n", True),
    ("key without value", "a =\n", True),
    ("value without key", "= 1\n", True),
    ("closing brace in list", "a = [}]", True),
    ("closing bracket alone", "a = ]", True),
    ("list not closed", "a = [\"#000000\",\n", True),
    ("missing comma", "a = [1 2]\n", True),
    ("double comma", "a = [1,,2]\n", True),
    ("string not closed", "a = \"abc\n", True),
    ("literal not closed", "a = 'abc\n", True),
    ("bad escape", "a = \"\\q\"\n", True),
    ("short unicode escape", "a = \"\\u12\"\n", True),
    ("surrogate escape", "a = \"\\ud800\"\n", True),
    ("too large escape", "a = \"\\U00110000\"\n", True),
    ("control character in string", "a = \"a\x01b\"\n", True),
    ("delete in string", "a = \"a\x7fb\"\n", True),
    ("control character in comment", "# a\x01b\n", True),
    ("lone carriage return", "a = 1\rb = 2\n", True),
    ("two values on a line", "a = 1 b = 2\n", True),
    ("duplicate key", "a = 1\na = 2\n", True),
    ("duplicate table", "[colors]\n[colors]\n", True),
    ("key then table of the same name", "colors = 1\n[colors]\n", True),
    ("bare word value", "a = blue\n", True),
    ("leading zero", "a = 007\n", True),
    ("double underscore", "a = 1__0\n", True),
    ("trailing dot", "a = 1.\n", True),
    ("next line character", "x = [\u0085]", True),
    ("date fragment", "1979-05-27T{", True),
    ("bare key with dot and space", "a . = 1\n", True),
    ("signed hex", "a = -0x10\n", True),
    # Valid TOML outside the subset: refused, never read differently.
    ("dotted key", "colors.text = \"#000000\"\n", False),
    ("dotted header", "[a.b]\n", False),
    ("inline table", "colors = { text = \"#000000\" }\n", False),
    ("array of tables", "[[ramps]]\n", False),
    ("multi-line basic string", "summary = \"\"\"\nx\"\"\"\n", False),
    ("multi-line literal string", "summary = '''x'''\n", False),
    ("date", "a = 1979-05-27\n", False),
    ("date time", "a = 1979-05-27T07:32:00Z\n", False),
    ("time", "a = 07:32:00\n", False),
]


def canonical(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return "<number>"
    if isinstance(value, list):
        return [canonical(item) for item in value]
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    return value


def case(name, text, in_subset):
    """kind: "subset" (read as tomllib reads it), "outside" (valid TOML, refused), "invalid" (refused)."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {"name": name, "text": text, "kind": "invalid"}
    if not in_subset:
        return {"name": name, "text": text, "kind": "outside"}
    return {"name": name, "text": text, "kind": "subset", "expected": canonical(document)}


cases = [case(*entry) for entry in CASES]
for path in sorted((root / "Sources/Rendering/Themes").glob("*.toml")):
    cases.append(case(f"bundled {path.stem}", path.read_text(encoding="utf-8"), True))
target.write_text(json.dumps({"cases": cases}, indent=1, ensure_ascii=True) + "\n")
kinds = [c["kind"] for c in cases]
print(f"{target.relative_to(root)}:", ", ".join(f"{kinds.count(k)} {k}" for k in ("subset", "outside", "invalid")))
