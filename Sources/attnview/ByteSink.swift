import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes written in pieces to a file descriptor. The first failure is kept, and later writes are
/// skipped, so a producer can stream without handling errors and the caller reports one at the end.
struct ByteSink {
    let descriptor: Int32
    /// errno of the first failed write, if any.
    private(set) var failure: Int32?

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while failure == nil, offset < bytes.count, let base = bytes.baseAddress {
            let count = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                failure = count < 0 ? errno : EIO
            } else {
                offset += count
            }
        }
    }

    mutating func write(_ data: Data) {
        data.withUnsafeBytes { write($0) }
    }

    mutating func write(_ text: String) {
        write(Data(text.utf8))
    }

    /// Streams `contents` to standard output; a failed write (a full disk, a closed descriptor)
    /// becomes an `OutputError` instead of a trap.
    static func standardOutput(_ contents: (inout ByteSink) -> Void) throws(OutputError) {
        var sink = ByteSink(descriptor: STDOUT_FILENO)
        contents(&sink)
        if let failure = sink.failure {
            throw .unwritable(path: "standard output", reason: String(cString: strerror(failure)).lowercased())
        }
    }
}
