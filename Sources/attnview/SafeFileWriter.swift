import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A write that could not be done, naming the file.
enum OutputError: Error, Equatable, CustomStringConvertible {
    case exists(path: String)
    /// The path is something other than a regular file (a FIFO, a device, a symlink, a directory,
    /// a socket): attnview replaces only regular files, with or without `--force`.
    case notRegularFile(path: String, kind: String)
    case unwritable(path: String, reason: String)

    var description: String {
        switch self {
        case let .exists(path): "\(path) exists (use --force to overwrite)"
        case let .notRegularFile(path, kind): "\(path) is \(kind), not a regular file: attnview does not replace it"
        case let .unwritable(path, reason): "\(path): \(reason)"
        }
    }

    /// The description without the path, for a caller that names the file its own way.
    var reason: String {
        switch self {
        case .exists: "exists"
        case let .notRegularFile(_, kind): "is \(kind), not a regular file"
        case let .unwritable(_, reason): reason
        }
    }
}

/// Writes files atomically (temporary file, then rename) and never overwrites unless asked.
///
/// The temporary file sits beside the target, so the final rename never crosses file systems and
/// a reader sees either the old file or the whole new one. Without `overwrite` the temporary file
/// is hard-linked into place, which fails if the target appeared meanwhile, instead of replacing it.
/// Only a regular file is ever replaced, and the new one keeps its permission bits (and, where the
/// caller may, its owner): a FIFO, device node or symlink in the way is refused, never turned into
/// a file.
enum SafeFileWriter {
    /// Writes `data` to `path`; throws `.exists` if the file is there and `overwrite` is false.
    static func write(_ data: Data, to path: String, overwrite: Bool) throws(OutputError) {
        try write(to: path, overwrite: overwrite) { $0.write(data) }
    }

    /// Streams `contents` into `path`, with the same guarantees: the file appears whole or not at all.
    static func write(to path: String, overwrite: Bool, contents: (inout ByteSink) -> Void) throws(OutputError) {
        guard !path.isEmpty else { throw .unwritable(path: path, reason: "empty file name") }
        let existing = try regularFile(at: path)
        if existing != nil, !overwrite { throw .exists(path: path) }
        let temporary = try writeTemporary(beside: path, keeping: existing, contents: contents)
        defer { unlink(temporary) }
        if overwrite {
            // Checked again just before the rename: what appeared meanwhile must be a regular file too.
            _ = try regularFile(at: path)
            guard rename(temporary, path) == 0 else { throw failure(path) }
        } else if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST { throw .exists(path: path) }
            // File systems without hard links: check again, then rename (a narrow race, not a silent one).
            guard code == EPERM || code == ENOTSUP || code == EXDEV else {
                throw .unwritable(path: path, reason: reason(code))
            }
            var status = stat()
            if lstat(path, &status) == 0 { throw .exists(path: path) }
            guard rename(temporary, path) == 0 else { throw failure(path) }
        }
    }

    /// The status of the regular file at `path`, nil when nothing is there; throws for anything else.
    private static func regularFile(at path: String) throws(OutputError) -> stat? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw failure(path)
        }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else { throw .notRegularFile(path: path, kind: kind(type)) }
        return status
    }

    /// What a file of type `type` (`st_mode & S_IFMT`) is, in the words of `ls -l`'s manual.
    static func kind(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a directory"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    /// Writes `contents` to a new, uniquely named hidden file in `path`'s directory, with the owner
    /// and permission bits of `existing` when it replaces a file; returns its path.
    private static func writeTemporary(
        beside path: String, keeping existing: stat?, contents: (inout ByteSink) -> Void
    ) throws(OutputError) -> String {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            temporary = "\(directory)/.\(url.lastPathComponent).\(suffix).tmp"
            // 0o666 less the umask: the permissions any new file of the user's would get.
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw failure(path, cause: "cannot create a file in \(directory)") }
        var failed: Int32?
        if let existing {
            // Owner first: changing it clears set-user-ID bits, which the mode then restores. Only root
            // may give a file away, so a caller's failure to do so is expected and not an error.
            if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            }
            if fchmod(descriptor, existing.st_mode & 0o7777) != 0 { failed = errno }
        }
        var sink = ByteSink(descriptor: descriptor)
        if failed == nil { contents(&sink) }
        failed = failed ?? sink.failure
        if failed == nil, fsync(descriptor) != 0 { failed = errno }
        if close(descriptor) != 0, failed == nil { failed = errno }
        if let failed {
            unlink(temporary)
            throw .unwritable(path: path, reason: reason(failed))
        }
        return temporary
    }

    private static func failure(_ path: String, cause: String? = nil) -> OutputError {
        .unwritable(path: path, reason: cause.map { "\($0): " + reason(errno) } ?? reason(errno))
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
