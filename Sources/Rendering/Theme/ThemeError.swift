/// A theme that cannot be used, naming the file, line and key at fault.
public enum ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(name: String, searched: [String])
    case invalid(file: String, line: Int?, key: String?, reason: String)

    /// One line: file, line and key at fault, then the reason.
    public var description: String {
        switch self {
        case let .notFound(name, searched): "theme '\(name)' not found (searched: \(searched.joined(separator: ", ")))"
        case let .invalid(file, line, key, reason):
            "\(file)\(line.map { ":\($0)" } ?? "")\(key.map { ": key '\($0)'" } ?? ""): \(reason)"
        }
    }
}
