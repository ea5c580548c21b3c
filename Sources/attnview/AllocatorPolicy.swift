#if canImport(Glibc)
    import Glibc
#endif

/// How the process asks glibc's allocator to behave, set once at start-up.
enum AllocatorPolicy {
    /// Blocks of at least this many bytes get their own mapping and go back to the system when freed.
    /// glibc's default threshold grows with every large block freed (up to 32 MB), after which
    /// freed logits and weights stay in the heap: a 35 s key soak grew 30 → 97 MB that way, and
    /// stayed at 40 MB with this fixed threshold (issue 17).
    static let mmapThresholdBytes: Int32 = 128 * 1024

    /// `M_MMAP_THRESHOLD` of <malloc.h>, which the Glibc module does not import.
    static let mmapThresholdParameter: Int32 = -3

    /// Fixes the mmap threshold (which also turns off glibc's dynamic adjustment of it); true when
    /// glibc took it. `mallopt` is looked up by name: the Glibc module does not import <malloc.h>.
    @discardableResult
    static func apply() -> Bool {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
            return unsafeBitCast(symbol, to: Mallopt.self)(mmapThresholdParameter, mmapThresholdBytes) == 1
        #else
            return false
        #endif
    }
}
