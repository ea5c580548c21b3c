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
    case unwritable(path: String, reason: String)

    var description: String {
        switch self {
        case let .exists(path): "\(path) exists (use --force to overwrite)"
        case let .unwritable(path, reason): "\(path): \(reason)"
        }
    }
}

/// Writes files atomically (temporary file, then rename) and never overwrites unless asked.
///
/// The temporary file sits beside the target, so the final rename never crosses file systems and
/// a reader sees either the old file or the whole new one. Without `overwrite` the temporary file
/// is hard-linked into place, which fails if the target appeared meanwhile, instead of replacing it.
enum SafeFileWriter {
    /// Writes `data` to `path`; throws `.exists` if the file is there and `overwrite` is false.
    static func write(_ data: Data, to path: String, overwrite: Bool) throws(OutputError) {
        try write(to: path, overwrite: overwrite) { $0.write(data) }
    }

    /// Streams `contents` into `path`, with the same guarantees: the file appears whole or not at all.
    static func write(to path: String, overwrite: Bool, contents: (inout ByteSink) -> Void) throws(OutputError) {
        guard !path.isEmpty else { throw .unwritable(path: path, reason: "empty file name") }
        var status = stat()
        if lstat(path, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw .unwritable(path: path, reason: "is a directory") }
            if !overwrite { throw .exists(path: path) }
        }
        let temporary = try writeTemporary(beside: path, contents: contents)
        defer { unlink(temporary) }
        if overwrite {
            guard rename(temporary, path) == 0 else { throw failure(path) }
        } else if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST { throw .exists(path: path) }
            // File systems without hard links: check again, then rename (a narrow race, not a silent one).
            guard code == EPERM || code == ENOTSUP || code == EXDEV else {
                throw .unwritable(path: path, reason: reason(code))
            }
            if lstat(path, &status) == 0 { throw .exists(path: path) }
            guard rename(temporary, path) == 0 else { throw failure(path) }
        }
    }

    /// Writes `contents` to a new, uniquely named hidden file in `path`'s directory; returns its path.
    private static func writeTemporary(
        beside path: String, contents: (inout ByteSink) -> Void
    ) throws(OutputError) -> String {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            temporary = "\(directory)/.\(url.lastPathComponent).\(suffix).tmp"
            // 0o666 less the umask: the permissions any new file of the user's would get.
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw failure(path, cause: "cannot create a file in \(directory)") }
        var sink = ByteSink(descriptor: descriptor)
        contents(&sink)
        var failed = sink.failure
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
