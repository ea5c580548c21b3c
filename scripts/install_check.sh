#!/usr/bin/env bash
# Installs attnview into a temporary prefix, moves the build folder out of reach, and runs the
# installed binary from elsewhere: every command, every bundled theme. Proves the binary stands
# alone (no resource bundle, no build path). Then uninstalls and checks nothing is left.
# `make test` runs it on the debug build it already has; CONFIGURATION=release checks that build.
# Usage: scripts/install_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-debug}
work=$(mktemp -d)
away=".build-away-$$"
restore() {
    [ -e "$away" ] && mv "$away" .build
    rm -rf "$work"
}
trap restore EXIT
prefix=$work/prefix
make --no-print-directory install PREFIX="$prefix" CONFIGURATION="$configuration" >/dev/null

for file in bin/attnview share/man/man1/attnview.1 share/bash-completion/completions/attnview \
    share/zsh/site-functions/_attnview share/fish/vendor_completions.d/attnview.fish; do
    [ -s "$prefix/$file" ] || { echo "install_check: $file missing or empty" >&2; exit 1; }
done
head -1 "$prefix/share/man/man1/attnview.1" | grep -q '^\.TH ATTNVIEW 1' || { echo "install_check: bad man page" >&2; exit 1; }
bash -n "$prefix/share/bash-completion/completions/attnview"

expected=$(ls Sources/Rendering/Themes/*.toml | xargs -n1 basename | sed 's/\.toml$//' | sort)
mv .build "$away"
fail() { echo "install_check: $*" >&2; exit 1; }
run() {  # runs the installed binary from the temporary folder, with an empty home
    (cd "$work" && env -u XDG_CONFIG_HOME HOME="$work/home" NO_COLOR= "$prefix/bin/attnview" "$@")
}
names=$(run themes --no-color | tail -n +2 | awk '{print $1}' | sort)
[ "$names" = "$expected" ] || fail "themes lists '$(echo $names)', expected '$(echo $expected)'"
for theme in $names; do
    run snapshot --theme "$theme" --format text | grep -q "statistics" || fail "snapshot text, theme $theme"
    run snapshot --theme "$theme" --format ansi --n 32 | grep -q $'\e\\[' || fail "snapshot ansi, theme $theme"
    run snapshot --theme "$theme" --format json --n 8 | grep -q '"params"' || fail "snapshot json, theme $theme"
done
run sweep --dk 16,64 --trials 1 | grep -q "sqrt" || fail "sweep"
run manual | grep -q '^\.SH EXIT STATUS' || fail "manual"
status=0
run snapshot --theme nosuch 2>"$work/err" >/dev/null || status=$?
[ "$status" -eq 64 ] && grep -q "available: .*viridis" "$work/err" || fail "unknown theme: exit $status, $(cat "$work/err")"
mv "$away" .build

make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "uninstall left: $left"
echo "install_check: installed binary ran every command with $(echo "$names" | wc -l) themes, build folder out of reach"
