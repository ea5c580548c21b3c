/// Everything that can go wrong reading a tensor file, each case naming the file (and the tensor).
public enum TensorFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file that does not exist or cannot be opened.
    case fileNotFound(path: String)
    /// A file that exists but cannot be used as a whole; `reason` says why in a few words.
    case badFile(path: String, reason: String)
    /// One tensor of a file that cannot be used (bad offsets, dtype, a NaN weight…).
    case badTensor(path: String, tensor: String, reason: String)
    /// A tensor the caller needs that the file does not hold.
    case missingTensor(path: String, tensor: String)

    /// One line naming the file and, where there is one, the tensor at fault.
    public var description: String {
        switch self {
        case let .fileNotFound(path): "\(path): no such file or not readable"
        case let .badFile(path, reason): "\(path): \(reason)"
        case let .badTensor(path, tensor, reason): "\(path): tensor '\(tensor)': \(reason)"
        case let .missingTensor(path, tensor): "\(path): no tensor named '\(tensor)'"
        }
    }

    /// Whether the file itself is missing (as opposed to present but unusable).
    public var isMissingFile: Bool {
        if case .fileNotFound = self { return true }
        return false
    }
}
