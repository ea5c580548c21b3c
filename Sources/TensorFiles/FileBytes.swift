#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes of a file read into memory once, 64-byte aligned, freed when the last reference goes.
///
/// Read, not mapped: a file truncated or rewritten while attnview runs cannot take the process down
/// (a shrunk mapping raises SIGBUS on the next read of a lost page); the copy stays as it was read.
/// The load-time cost against a mapping is measured in docs/model.md#limits.
final class FileBytes: @unchecked Sendable {
    /// The path the bytes were read from, for error messages.
    let path: String
    /// The bytes; immutable after loading.
    let bytes: UnsafeRawBufferPointer
    private let storage: Storage

    /// Reads the next `count` bytes of `file`; a file that ends sooner (it shrank since it was opened)
    /// is a `.badFile` saying so.
    init(reading count: Int, from file: borrowing InputFile) throws(TensorFileError) {
        let storage = Storage(count: count)
        let buffer = UnsafeMutableRawBufferPointer(start: storage.base, count: count)
        let got = try file.read(into: buffer)
        guard got == count else {
            throw .badFile(path: file.path, reason: "ended after \(got) of \(count) bytes while being read")
        }
        path = file.path
        self.storage = storage
        bytes = UnsafeRawBufferPointer(buffer)
    }

    /// The memory the bytes live in. Large buffers are anonymous pages on a 2 MiB boundary, advised
    /// to be huge pages: faulting 91 MB in 4 KiB pages one by one took longer than reading it.
    private final class Storage {
        let base: UnsafeMutableRawPointer
        /// The whole mapping (base may lie past its start), nil for small buffers from the allocator.
        let mapping: (start: UnsafeMutableRawPointer, count: Int)?

        init(count: Int) {
            let huge = 2 << 20
            #if os(Linux)
                if count >= 1 << 20,
                    let start = mmap(nil, count + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                    start != MAP_FAILED
                {
                    let aligned = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
                    base = start + (aligned - Int(bitPattern: start))
                    _ = madvise(base, count, MADV_HUGEPAGE)
                    mapping = (start, count + huge)
                    return
                }
            #endif
            base = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 64)
            mapping = nil
        }

        deinit {
            if let mapping { munmap(mapping.start, mapping.count) } else { base.deallocate() }
        }
    }
}
