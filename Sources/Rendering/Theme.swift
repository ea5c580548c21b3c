/// A 24-bit colour as themes write it.
public struct RGB: Hashable, Sendable {
    public let r: UInt8
    public let g: UInt8
    public let b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }
}

/// A colour theme: ramps for the heatmaps and colours for everything else (format: themes/README.md).
public struct Theme: Hashable, Sendable {
    public let name: String
    public init(name: String) { self.name = name }
    /// The built-in fallback, used when no theme file can be read.
    public static let fallback = Theme(name: "default")
}

/// A theme that cannot be used, naming the file, line and key at fault.
public enum ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(name: String, searched: [String])
    case invalid(file: String, line: Int?, key: String?, reason: String)

    public var description: String {
        switch self {
        case let .notFound(name, searched): "theme '\(name)' not found (searched: \(searched.joined(separator: ", ")))"
        case let .invalid(file, line, key, reason):
            "\(file)\(line.map { ":\($0)" } ?? "")\(key.map { ": key '\($0)'" } ?? ""): \(reason)"
        }
    }
}

/// Finds themes by name or path: the user's folder first, then the bundled ones.
public struct ThemeCatalog: Sendable {
    public init(environment: [String: String]) {}

    /// The theme named `nameOrPath` (a name like `viridis`, or a path to a `.toml` file).
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        Theme(name: nameOrPath)
    }

    /// Names of every theme found, user themes first, without duplicates.
    public func availableNames() -> [String] { ["default"] }
}
