#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole file mapped read-only into memory, so weights are paged in from the page cache on use
/// instead of being copied; unmapped when the last reference goes.
public final class MappedFile: @unchecked Sendable {
    /// The path it was opened from, for error messages.
    public let path: String
    /// The file's bytes (empty for an empty file). Immutable: the mapping is read-only and private.
    public let bytes: UnsafeRawBufferPointer

    /// Maps the regular file at `path`; `.fileNotFound` if it cannot be opened, `.badFile` for a directory.
    public init(path: String) throws(TensorFileError) {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .fileNotFound(path: path) }
        defer { _ = close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .fileNotFound(path: path) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw .badFile(path: path, reason: "is not a regular file")
        }
        let size = Int(status.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        // MAP_POPULATE maps every page in one call instead of one fault per page on first use: the
        // whole file (weights) is read anyway, and the finite check reads it right away.
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | Self.populate, descriptor, 0), base != MAP_FAILED
        else {
            throw .badFile(path: path, reason: "cannot be mapped: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    #if os(Linux)
        private static let populate = MAP_POPULATE
    #else
        private static let populate: Int32 = 0
    #endif

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
