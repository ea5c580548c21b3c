/// Everything that can go wrong reading a tensor file, each case naming the file (and the tensor).
public enum TensorFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file that does not exist.
    case fileNotFound(path: String)
    /// A file that exists but cannot be opened or read; `reason` is the system's word for it.
    case unreadable(path: String, reason: String)
    /// Something that is not a regular file (`kind`: "a FIFO (named pipe)", "a directory", …), refused unread.
    case notRegularFile(path: String, kind: String)
    /// A file larger than its reader accepts, refused before it is read.
    case tooLarge(path: String, limit: Int)
    /// A file that exists but cannot be used as a whole; `reason` says why in a few words.
    case badFile(path: String, reason: String)
    /// One tensor of a file that cannot be used (bad offsets, dtype, a NaN weight…).
    case badTensor(path: String, tensor: String, reason: String)
    /// A tensor the caller needs that the file does not hold.
    case missingTensor(path: String, tensor: String)

    /// One line naming the file and, where there is one, the tensor at fault (its name is the file's:
    /// control characters escaped).
    public var description: String {
        switch self {
        case let .fileNotFound(path): "\(path): no such file"
        case let .unreadable(path, reason): "\(path): cannot read (\(reason))"
        case let .notRegularFile(path, kind): "\(path): is \(kind), not a regular file"
        case let .tooLarge(path, limit): "\(path): larger than \(limit) bytes"
        case let .badFile(path, reason): "\(path): \(reason)"
        case let .badTensor(path, tensor, reason): "\(path): tensor '\(VisibleControls.escaped(tensor))': \(reason)"
        case let .missingTensor(path, tensor): "\(path): no tensor named '\(VisibleControls.escaped(tensor))'"
        }
    }

    /// Whether the file itself is missing or unreadable (as opposed to read but unusable).
    public var isMissingFile: Bool {
        switch self {
        case .fileNotFound, .unreadable: true
        case .notRegularFile, .tooLarge, .badFile, .badTensor, .missingTensor: false
        }
    }
}
