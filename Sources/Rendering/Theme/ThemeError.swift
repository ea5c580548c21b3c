/// A theme that cannot be used, naming the theme, file, line and key at fault.
public enum ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--theme NAME` names no user or bundled theme; `available` lists the ones there are.
    case unknownName(String, available: [String])
    /// `--theme PATH` names a file that does not exist.
    case missingFile(String)
    case invalid(file: String, line: Int?, key: String?, reason: String)

    /// One line: the theme or file, line and key at fault, then the reason.
    public var description: String {
        switch self {
        case let .unknownName(name, available):
            "unknown theme '\(name)' (available: \(available.joined(separator: ", ")); or a path to a .toml file)"
        case let .missingFile(path): "theme file '\(path)' not found"
        case let .invalid(file, line, key, reason):
            "\(file)\(line.map { ":\($0)" } ?? "")\(key.map { ": key '\($0)'" } ?? ""): \(reason)"
        }
    }
}
