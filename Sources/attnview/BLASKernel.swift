import COpenBLAS
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Which of OpenBLAS' kernels the process runs. OpenBLAS picks them once, when the library loads,
/// from the CPU's model number; a model it does not know (Debian's 0.3.21 on a virtual "Intel Xeon
/// Processor") gets the Prescott (SSE3) kernels, which ran MiniLM's encoder at 57 ms of CPU where
/// the AVX-512 ones take 24–30 ms. The choice can only be forced by OPENBLAS_CORETYPE before the
/// library loads, so a misdetected process starts itself again once with it set.
enum BLASKernel {
    /// OpenBLAS' environment variable that overrides its choice of kernels.
    static let variable = "OPENBLAS_CORETYPE"

    /// The kernels OpenBLAS runs in this process ("Prescott", "SkylakeX"): a child process given it as
    /// OPENBLAS_CORETYPE computes bit for bit as this one does (the tests compare the two).
    static var current: String? {
        openblas_get_corename().map { String(cString: $0) }
    }

    /// The kernels to ask for on a CPU with these `/proc/cpuinfo` flags: AVX-512 (F, CD, BW, DQ, VL)
    /// SkylakeX, else AVX2 + FMA Haswell; nil when only older ones would run.
    static func best(flags: Set<String>) -> String? {
        if ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) { return "SkylakeX" }
        if ["avx2", "fma"].allSatisfy(flags.contains) { return "Haswell" }
        return nil
    }

    /// The flags of the first CPU in `cpuinfo` (the text of /proc/cpuinfo); empty when there are none.
    static func flags(cpuinfo: String) -> Set<String> {
        guard let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
            let colon = line.firstIndex(of: ":")
        else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// When OpenBLAS fell back to Prescott on a CPU that runs better kernels and the user set no
    /// OPENBLAS_CORETYPE, replaces the process with itself, the variable set (same arguments, same
    /// descriptors). Returns when nothing needs doing, or when the exec fails (the slow kernels work).
    static func restartIfMisdetected() {
        guard getenv(variable) == nil, let name = openblas_get_corename(),
            String(cString: name).lowercased() == "prescott",
            let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let kernel = best(flags: flags(cpuinfo: info))
        else { return }
        setenv(variable, kernel, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv(variable)
    }
}
