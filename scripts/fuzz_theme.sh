#!/usr/bin/env bash
# Fuzzes the theme loader (ThemeCatalog.load → TOMLReader → ThemeParser) with libFuzzer +
# AddressSanitizer for SECONDS (default 60), starting from the bundled themes. Any trap, crash or
# memory error stops it with the input saved as crash-* in the working directory.
# The harness is a throwaway package that depends on this one, so Rendering is built instrumented
# (first build: a few minutes; kept in .build-fuzz-theme).
# Usage: scripts/fuzz_theme.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
harness=$root/.build-fuzz-theme/harness
mkdir -p "$harness/Sources/fuzz-theme"
cat > "$harness/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "fuzz-theme",
    dependencies: [.package(name: "attnview", path: "$root")],
    targets: [
        .executableTarget(
            name: "fuzz-theme", dependencies: [.product(name: "Rendering", package: "attnview")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    ])
SWIFT
cat > "$harness/Sources/fuzz-theme/Harness.swift" <<'SWIFT'
import Foundation
import Rendering

private let path = NSTemporaryDirectory() + "theme-fuzz-\(getpid()).toml"
private let catalog = ThemeCatalog(environment: [:])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FileManager.default.createFile(atPath: path, contents: Data(bytes: start, count: count))
    do {
        let theme = try catalog.load(path)
        precondition(theme.weights.stops.count >= 2 && theme.logits.stops.count >= 2, "short ramp accepted")
        _ = theme.weights.color(at: 0.5)
        _ = theme.logits.color(at: 0)
    } catch {
        if case .missingFile = error { preconditionFailure("the file just written was not found") }
    }
    return 0
}
SWIFT
# Reuse the dependencies already fetched for the main build, so no network is needed.
mkdir -p "$harness/.build"
for shared in checkouts repositories; do
    [ -d "$root/.build/$shared" ] && [ ! -e "$harness/.build/$shared" ] && cp -a "$root/.build/$shared" "$harness/.build/"
done
(cd "$harness" && swift build --sanitize fuzzer --sanitize address >"$harness/build.log" 2>&1) \
    || { tail -30 "$harness/build.log"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Sources/Rendering/Themes/*.toml "$work/"
# Leak checks off: Foundation's file read leaks a little per call; LeakSanitizer would stop at the first
# input. Out-of-bounds access, use-after-free and traps still stop it.
ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$harness/.build/debug/fuzz-theme" "$work" -max_total_time="$seconds" -max_len=4096 \
    -detect_leaks=0 2>&1 | tail -3
