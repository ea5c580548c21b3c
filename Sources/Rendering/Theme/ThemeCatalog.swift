import Foundation

/// Finds themes by name or path: the user's folder first, then the bundled ones.
public struct ThemeCatalog: Sendable {
    /// `$XDG_CONFIG_HOME/attnview/themes`, else `~/.config/attnview/themes`.
    public let userDirectory: String?
    /// The themes shipped inside the package's resource bundle.
    public let bundledDirectory: String?

    /// A catalog for a process environment (`XDG_CONFIG_HOME`, `HOME` decide the user folder).
    public init(environment: [String: String]) {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            userDirectory = xdg + "/attnview/themes"
        } else if let home = environment["HOME"], !home.isEmpty {
            userDirectory = home + "/.config/attnview/themes"
        } else {
            userDirectory = nil
        }
        bundledDirectory = Bundle.module.resourceURL?.appendingPathComponent("Themes").path
    }

    /// The folders searched by name, in order.
    public var searchPath: [String] { [userDirectory, bundledDirectory].compactMap { $0 } }

    /// The theme named `nameOrPath` (a name like `viridis`, or a path to a `.toml` file).
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw .notFound(name: nameOrPath, searched: [nameOrPath])
            }
            return try Self.read(path: nameOrPath)
        }
        for directory in searchPath {
            let path = directory + "/" + nameOrPath + ".toml"
            if FileManager.default.fileExists(atPath: path) { return try Self.read(path: path) }
        }
        if nameOrPath == Theme.fallback.name { return Theme.fallback }
        throw .notFound(name: nameOrPath, searched: searchPath)
    }

    /// Names of every theme found, user themes first, without duplicates.
    public func availableNames() -> [String] {
        var names: [String] = []
        for directory in searchPath {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files.sorted() where file.hasSuffix(".toml") {
                let name = String(file.dropLast(5))
                if !names.contains(name) { names.append(name) }
            }
        }
        return names.isEmpty ? [Theme.fallback.name] : names
    }

    /// The theme stored at `path`, named after the file.
    static func read(path: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalid(file: path, line: nil, key: nil, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(file: path, line: nil, key: nil, reason: "not UTF-8 text")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try ThemeParser(file: path, text: text).parse(name: name)
    }
}
