import Foundation
import TestSupport
import Testing

@testable import attnview

/// Start-up's choice of OpenBLAS kernels: only away from a pre-AVX2 fallback, only to kernels the
/// CPU's flags allow, never against the user's OPENBLAS_CORETYPE.
@Suite struct BLASKernelsTests {
    static let avx512: Set<String> = [
        "sse3", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl",
    ]

    @Test func aPrescottFallbackMovesToTheWidestKernelsTheFlagsAllow() {
        #expect(BLASKernels.replacement(current: "Prescott", cpuFlags: Self.avx512, environment: [:]) == "SkylakeX")
        let avx2: Set<String> = ["sse3", "avx", "avx2", "fma"]
        #expect(BLASKernels.replacement(current: "Prescott", cpuFlags: avx2, environment: [:]) == "Haswell")
        #expect(
            BLASKernels.replacement(current: "Core2", cpuFlags: avx2.union(["avx512f"]), environment: [:]) == "Haswell")
    }

    @Test func aCPUWithoutAVX2AndFMAKeepsOpenBLASChoice() {
        #expect(BLASKernels.replacement(current: "Prescott", cpuFlags: ["sse3", "avx"], environment: [:]) == nil)
        #expect(BLASKernels.replacement(current: "Sandybridge", cpuFlags: ["avx", "avx2"], environment: [:]) == nil)
        #expect(BLASKernels.replacement(current: "Prescott", cpuFlags: [], environment: [:]) == nil)
    }

    @Test func aRecognisedCPUOrTheUsersChoiceIsLeftAlone() {
        #expect(BLASKernels.replacement(current: "Haswell", cpuFlags: Self.avx512, environment: [:]) == nil)
        #expect(BLASKernels.replacement(current: "Zen", cpuFlags: Self.avx512, environment: [:]) == nil)
        let chosen = ["OPENBLAS_CORETYPE": "Prescott"]
        #expect(BLASKernels.replacement(current: "Prescott", cpuFlags: Self.avx512, environment: chosen) == nil)
    }

    @Test func theFlagsAreReadFromTheFirstProcessorsFlagsLine() throws {
        let folder = try TemporaryFolder("cpuinfo")
        defer { folder.remove() }
        let path = folder.path("cpuinfo")
        let text = "processor\t: 0\nflags\t\t: fpu sse3 avx2 fma\n\nprocessor\t: 1\nflags\t\t: fpu\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(BLASKernels.cpuFlags(path: path) == ["fpu", "sse3", "avx2", "fma"])
        #expect(BLASKernels.cpuFlags(path: folder.path("missing")).isEmpty)
    }
}
