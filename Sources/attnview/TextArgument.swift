import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `--text` value: the text itself, `@FILE` (the text of a file), `-` (standard input), or `@@TEXT`
/// (TEXT itself, for a text that starts with `@` or is `-`). A file or standard input loses its final
/// line break, as `$(cat FILE)` does.
///
/// Files are untrusted: only a regular file (a FIFO or device is refused before it is read), at most
/// `maxBytes`, valid UTF-8. Standard input is read once per process, so every command that asks gets
/// the same text.
enum TextArgument {
    /// The most bytes a text may have: far beyond the 512 positions of a BERT model, small enough to read at once.
    static let maxBytes = 1 << 20

    /// The text `value` stands for; `flag` names the option in errors.
    static func resolve(_ value: String, flag: String = "--text") throws(TextInputError) -> String {
        if value == "-" { return try standardInput.get() }
        if value.hasPrefix("@@") { return String(value.dropFirst(2)) }
        guard value.hasPrefix("@") else { return value }
        let path = String(value.dropFirst())
        guard !path.isEmpty else { throw .emptyPath(flag: flag) }
        return try read(path)
    }

    /// The `--text` value that stands for `text` itself: `@@` before a text `resolve` would read otherwise.
    static func escaped(_ text: String) -> String {
        text.hasPrefix("@") || text == "-" ? "@@" + text : text
    }

    /// Standard input, read the first time a command asks for it.
    private static let standardInput: Result<String, TextInputError> = Result { () throws(TextInputError) in
        try decode(readAll(STDIN_FILENO, name: "standard input"), name: "standard input")
    }

    /// The text of the regular file at `path`.
    static func read(_ path: String) throws(TextInputError) -> String {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missing(path: path) }
            throw .unreadable(path: path, reason: reason(code))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(path: path) }
        guard Int(status.st_size) <= maxBytes else { throw .tooLarge(path: path, limit: maxBytes) }
        return try decode(readAll(descriptor, name: path), name: path)
    }

    /// Up to `maxBytes` + 1 bytes of `descriptor` (one more than allowed, to tell a file that grew).
    private static func readAll(_ descriptor: Int32, name: String) throws(TextInputError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: maxBytes + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count)
            }
            if read < 0, errno == EINTR || errno == EAGAIN { continue }
            guard read >= 0 else { throw .unreadable(path: name, reason: reason(errno)) }
            if read == 0 { break }
            count += read
        }
        guard count <= maxBytes else { throw .tooLarge(path: name, limit: maxBytes) }
        return Array(bytes[..<count])
    }

    private static func decode(_ bytes: [UInt8], name: String) throws(TextInputError) -> String {
        guard var text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(path: name) }
        if text.hasSuffix("\r\n") || text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}

/// A `--text @FILE` or `--text -` that could not be read, naming the file.
enum TextInputError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case notRegularFile(path: String)
    case tooLarge(path: String, limit: Int)
    case notUTF8(path: String)
    case emptyPath(flag: String)

    var description: String {
        switch self {
        case let .missing(path): "\(path): no such file (--text @FILE reads the text from FILE)"
        case let .unreadable(path, reason): "\(path): cannot read (\(reason))"
        case let .notRegularFile(path): "\(path): not a regular file (--text @FILE reads regular files only)"
        case let .tooLarge(path, limit): "\(path): larger than \(limit) bytes, too long for a text"
        case let .notUTF8(path): "\(path): not valid UTF-8 text"
        case let .emptyPath(flag): "\(flag) @ needs a file name after '@' (write @@@… for a text starting with @)"
        }
    }
}
