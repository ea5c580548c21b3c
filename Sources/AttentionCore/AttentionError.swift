/// Everything that can go wrong in the core, each case naming the flag or file at fault.
public enum AttentionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter outside its documented range; `flag` is the command-line spelling, e.g. `--dk`.
    case outOfRange(flag: String, value: String, allowed: String)
    /// An input file that does not exist or cannot be read.
    case fileNotFound(path: String)
    /// An input file that exists but cannot be used; `reason` says why in a few words.
    case badFile(path: String, reason: String)
    /// Q and K that do not fit together.
    case shapeMismatch(String)
    /// Values that are not finite (NaN, ±infinity), with where they arose (`AttentionResult.problem`).
    case notFinite(String)

    /// One line naming the flag or file at fault.
    public var description: String {
        switch self {
        case let .outOfRange(flag, value, allowed): "\(flag) \(value) is out of range (allowed: \(allowed))"
        case let .fileNotFound(path): "\(path): no such file or not readable"
        case let .badFile(path, reason): "\(path): \(reason)"
        case let .shapeMismatch(message), let .notFinite(message): message
        }
    }
}
