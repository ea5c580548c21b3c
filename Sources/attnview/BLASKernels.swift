#if canImport(Glibc)
    import Glibc
#endif

/// Which of OpenBLAS' kernels the process runs. Debian's OpenBLAS 0.3.21 picks its kernels by CPU
/// model and falls back to Prescott's (SSE3) on models it does not know, recent Xeons and Zen 4
/// among them: the training grid then takes 2–3× as long. On such a CPU the kernels its flags
/// allow are safe and fast, so start-up switches to them, unless OPENBLAS_CORETYPE says otherwise
/// (OpenBLAS reads that variable only while loading, before `main`).
enum BLASKernels {
    /// The kernel sets that use neither AVX2 nor FMA (OpenBLAS' names).
    static let preAVX2Cores: Set<String> = ["Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Sandybridge"]

    /// The flags OpenBLAS' SkylakeX (AVX-512) kernels use, and its Haswell ones.
    static let skylakeXFlags: Set<String> = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
    static let haswellFlags: Set<String> = ["avx2", "fma"]

    /// The kernels to switch to when OpenBLAS chose a pre-AVX2 set and the user did not choose:
    /// SkylakeX on a CPU with the AVX-512 it uses (the grid trains 1.4× faster than on Haswell's),
    /// else Haswell with AVX2 and FMA; nil to leave OpenBLAS' choice alone. `cpuFlags` as
    /// /proc/cpuinfo lists them: only the features the kernel enabled.
    static func replacement(current: String, cpuFlags: Set<String>, environment: [String: String]) -> String? {
        guard environment["OPENBLAS_CORETYPE"] == nil, preAVX2Cores.contains(current) else { return nil }
        if cpuFlags.isSuperset(of: skylakeXFlags.union(haswellFlags)) { return "SkylakeX" }
        return cpuFlags.isSuperset(of: haswellFlags) ? "Haswell" : nil
    }

    /// Switches to the kernels `replacement` names, before any BLAS call or thread;
    /// returns the kernels in use. Does nothing when this OpenBLAS lacks the (exported, internal)
    /// functions that choose kernels at run time: a build for one CPU has nothing to switch.
    @discardableResult
    static func apply(environment: [String: String]) -> String? {
        #if canImport(Glibc)
            typealias Name = @convention(c) () -> UnsafeMutablePointer<CChar>?
            typealias Call = @convention(c) () -> Void
            let everything = UnsafeMutableRawPointer(bitPattern: 0)
            guard let nameSymbol = dlsym(everything, "openblas_get_corename"),
                let current = unsafeBitCast(nameSymbol, to: Name.self)().map({ String(cString: $0) })
            else { return nil }
            guard let quit = dlsym(everything, "gotoblas_dynamic_quit"),
                let initialise = dlsym(everything, "gotoblas_dynamic_init"),
                let core = replacement(current: current, cpuFlags: cpuFlags(), environment: environment)
            else { return current }
            // OpenBLAS reads the variable in gotoblas_dynamic_init; once set it also reaches OpenBLAS
            // in any child process, which chooses the same.
            setenv("OPENBLAS_CORETYPE", core, 0)
            unsafeBitCast(quit, to: Call.self)()
            unsafeBitCast(initialise, to: Call.self)()
            return unsafeBitCast(nameSymbol, to: Name.self)().map { String(cString: $0) }
        #else
            return nil
        #endif
    }

    /// The first CPU's flags from /proc/cpuinfo (empty where there is none).
    static func cpuFlags(path: String = "/proc/cpuinfo") -> Set<String> {
        #if canImport(Glibc)
            guard let file = fopen(path, "r") else { return [] }
            defer { fclose(file) }
            var line: UnsafeMutablePointer<CChar>?
            var capacity = 0
            defer { free(line) }
            while getline(&line, &capacity, file) > 0, let line {
                let text = String(cString: line)
                guard text.hasPrefix("flags") || text.hasPrefix("Features"),
                    let colon = text.firstIndex(of: ":")
                else { continue }
                return Set(text[text.index(after: colon)...].split(whereSeparator: \.isWhitespace).map(String.init))
            }
            return []
        #else
            return []
        #endif
    }
}
