#!/usr/bin/env bash
# Installs the Debian packages attnview needs that this machine lacks (called by `make run`/`make test`).
# As root it runs apt-get; otherwise through sudo when there is one; otherwise it prints the exact
# command to run and fails, so make stops before a build that cannot link.
# Usage: scripts/need_packages.sh PACKAGE...
set -euo pipefail

installed() {
    if command -v dpkg-query >/dev/null; then
        dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
    else
        # Not Debian: trust what pkg-config and the PATH can see.
        case $1 in
            pkg-config | tmux) command -v "$1" >/dev/null ;;
            libncurses-dev) pkg-config --exists ncursesw 2>/dev/null ;;
            libopenblas-dev) pkg-config --exists openblas 2>/dev/null ;;
            *) return 1 ;;
        esac
    fi
}

missing=()
for package in "$@"; do
    installed "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get install -y ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null; then
    sudo=(sudo)
else
    echo "attnview needs: ${missing[*]}. As root, run:" >&2
    echo "    apt-get update && $command" >&2
    exit 1
fi
echo "installing: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
