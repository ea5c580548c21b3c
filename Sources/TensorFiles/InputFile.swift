#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file a user hands attnview, opened for reading only if it is a regular file.
///
/// Opening never blocks (a FIFO is opened non-blocking, then refused), anything but a regular file
/// (FIFO, device, directory, socket) is refused at once, naming what it is, and the size is known
/// before a byte is read, so every reader can check its limit first and read no more than it.
public struct InputFile: ~Copyable {
    /// The path it was opened from, for error messages.
    public let path: String
    /// What the file was when opened: its size and the facts that tell a later change.
    public let identity: FileIdentity
    private let descriptor: Int32

    /// The size in bytes when it was opened.
    public var size: Int { identity.size }

    /// Opens the regular file at `path`: `.fileNotFound` when there is none, `.unreadable` when it
    /// cannot be opened, `.notRegularFile` naming what it is otherwise.
    public init(path: String) throws(TensorFileError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = close(descriptor)
            throw .unreadable(path: path, reason: reason)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            _ = close(descriptor)
            throw .notRegularFile(path: path, kind: Self.kind(of: status.st_mode))
        }
        self.descriptor = descriptor
        identity = FileIdentity(status)
    }

    deinit { _ = close(descriptor) }

    /// The whole file, refused before reading when it is larger than `limit` bytes. A file that grows
    /// while it is read is cut at `limit + 1` bytes and refused the same way.
    public func readAll(limit: Int) throws(TensorFileError) -> [UInt8] {
        let tooLarge = TensorFileError.tooLarge(path: path, limit: limit)
        guard size <= limit else { throw tooLarge }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var outcome: Result<Int, TensorFileError> = .success(0)
        bytes.withUnsafeMutableBytes { buffer in
            outcome = Result { () throws(TensorFileError) -> Int in try read(into: buffer) }
        }
        let got = try outcome.get()
        guard got <= limit else { throw tooLarge }
        bytes.removeLast(bytes.count - got)
        return bytes
    }

    /// Fills `buffer` from the current position unless the file ends first; returns the bytes read.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(TensorFileError) -> Int {
        var filled = 0
        while filled < buffer.count, let base = buffer.baseAddress {
            let got = readDescriptor(descriptor, base + filled, buffer.count - filled)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            filled += got
        }
        return filled
    }

    /// "a FIFO", "a directory", …: what a file that is not regular is, in a user's words.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }
}

/// What identifies a file's contents without reading them: device, inode, size and modification time.
/// A file replaced (new inode), truncated or rewritten since it was read compares unequal.
public struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    /// Bytes.
    public let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int(status.st_size)
        #if os(Linux)
            (modifiedSeconds, modifiedNanoseconds) = (Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec))
        #else
            (modifiedSeconds, modifiedNanoseconds) = (Int(status.st_mtimespec.tv_sec), Int(status.st_mtimespec.tv_nsec))
        #endif
    }

    /// The identity of whatever is at `path` now (following links), nil when nothing is there.
    public static func current(path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(status)
    }
}

/// POSIX `read`, named apart from `InputFile.read(into:)`.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
