/// A parameter of the computation, as the core's errors name it: the executable spells it as a flag
/// (`--dk`), the interactive view in its own words, each with one mapping of its own.
public enum AttentionParameter: String, Sendable, CaseIterable {
    case n, m, dk, sigma, rho, scale, alpha

    /// The parameter's own name, as the JSON documents and the formulas spell it.
    public var name: String { self == .dk ? "d_k" : rawValue }
}

/// Everything that can go wrong in the core, each case naming the parameter or file at fault.
public enum AttentionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter outside its documented range; `value` as the user would type it.
    case outOfRange(AttentionParameter, value: String, allowed: String)
    /// An input file that does not exist or cannot be read.
    case fileNotFound(path: String)
    /// An input file that exists but cannot be used; `reason` says why in a few words.
    case badFile(path: String, reason: String)
    /// Q and K that do not fit together.
    case shapeMismatch(String)
    /// Values that are not finite (NaN, ±infinity), with where they arose (`AttentionResult.problem`).
    case notFinite(String)

    /// One line naming the parameter (by its own name) or file at fault.
    public var description: String { description(naming: \.name) }

    /// One line naming the parameter at fault as `name` spells it (a flag, a label on screen) or the file.
    public func description(naming name: (AttentionParameter) -> String) -> String {
        switch self {
        case let .outOfRange(parameter, value, allowed):
            "\(name(parameter)) \(value) is out of range (allowed: \(allowed))"
        case let .fileNotFound(path): "\(path): no such file or not readable"
        case let .badFile(path, reason): "\(path): \(reason)"
        case let .shapeMismatch(message), let .notFinite(message): message
        }
    }
}
