import Testing

@testable import attnview

@Suite struct BLASKernelTests {
    /// The first "flags" line of /proc/cpuinfo, as Linux writes it.
    static let cpuinfo = """
        processor\t: 0
        model name\t: Intel(R) Xeon(R) Processor
        flags\t\t: fpu sse sse2 ssse3 fma avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16
        processor\t: 1
        flags\t\t: fpu sse
        """

    @Test func readsTheFirstCPUsFlags() {
        let flags = BLASKernel.flags(cpuinfo: Self.cpuinfo)
        #expect(flags.contains("avx512vl") && flags.contains("fma") && flags.contains("avx512_bf16"))
        #expect(!flags.contains("flags") && !flags.contains(":") && !flags.contains(""))
        #expect(BLASKernel.flags(cpuinfo: "processor\t: 0\n").isEmpty)
    }

    /// A kernel is only asked for when every instruction it uses is there: a wrong one would trap (SIGILL).
    @Test func asksOnlyForKernelsTheCPURuns() {
        #expect(BLASKernel.best(flags: BLASKernel.flags(cpuinfo: Self.cpuinfo)) == "SkylakeX")
        #expect(BLASKernel.best(flags: ["avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq"]) == "Haswell")
        #expect(BLASKernel.best(flags: ["avx2", "fma"]) == "Haswell")
        #expect(BLASKernel.best(flags: ["avx2"]) == nil)
        #expect(BLASKernel.best(flags: ["sse3", "avx"]) == nil)
        #expect(BLASKernel.best(flags: []) == nil)
    }
}
