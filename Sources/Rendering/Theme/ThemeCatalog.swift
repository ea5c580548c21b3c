import Foundation
import TensorFiles

/// Finds themes by name or path: the user's folder first, then the themes compiled into attnview
/// (`BundledThemes`, generated from `themes/`), so an installed binary needs no files beside it.
public struct ThemeCatalog: Sendable {
    /// `$XDG_CONFIG_HOME/attnview/themes`, else `~/.config/attnview/themes`.
    public let userDirectory: String?

    /// A catalog for a process environment (`XDG_CONFIG_HOME`, `HOME` decide the user folder).
    public init(environment: [String: String]) {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            userDirectory = xdg + "/attnview/themes"
        } else if let home = environment["HOME"], !home.isEmpty {
            userDirectory = home + "/.config/attnview/themes"
        } else {
            userDirectory = nil
        }
    }

    /// Names of the themes compiled into attnview, sorted.
    static var bundledNames: [String] { BundledThemes.sources.keys.sorted() }

    /// Whether a `--theme` value names a file (it has a `/` or ends in `.toml`) rather than a theme.
    public static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".toml")
    }

    /// The theme named `nameOrPath` (a name like `viridis`, or a path to a `.toml` file).
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        if Self.isPath(nameOrPath) {
            return try Self.read(path: nameOrPath)
        }
        if let path = userPath(nameOrPath), FileManager.default.fileExists(atPath: path) {
            return try Self.read(path: path)
        }
        if let text = BundledThemes.sources[nameOrPath] {
            return try ThemeParser(file: "bundled theme \(nameOrPath).toml", text: text).parse(name: nameOrPath)
        }
        throw .unknownName(nameOrPath, available: availableNames())
    }

    /// Names of every theme found, user themes first (sorted), then the bundled ones, without duplicates.
    public func availableNames() -> [String] {
        var names: [String] = []
        if let userDirectory {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: userDirectory)) ?? []
            names = files.sorted().filter { $0.hasSuffix(".toml") && $0.count > 5 }.map { String($0.dropLast(5)) }
        }
        for name in Self.bundledNames where !names.contains(name) { names.append(name) }
        return names
    }

    /// Where the user's theme called `name` would be, if there is a user folder and `name` is a plain name.
    private func userPath(_ name: String) -> String? {
        guard let userDirectory, !name.isEmpty, !name.hasPrefix(".") else { return nil }
        return userDirectory + "/" + name + ".toml"
    }

    /// The theme stored at `path`, named after the file. Opened without blocking and refused unread
    /// when it is not a regular file or is larger than a theme can be.
    static func read(path: String) throws(ThemeError) -> Theme {
        let bytes: [UInt8]
        do {
            bytes = try InputFile(path: path).readAll(limit: ThemeParser.maxBytes)
        } catch {
            switch error {
            case .fileNotFound: throw .missingFile(path)
            case .tooLarge:
                throw .invalid(
                    file: path, line: nil, key: nil,
                    reason: "larger than \(ThemeParser.maxBytes / 1024) KiB; no theme is")
            default:
                throw .invalid(
                    file: path, line: nil, key: nil, reason: String(error.description.dropFirst(path.count + 2)))
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalid(file: path, line: nil, key: nil, reason: "not UTF-8 text")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try ThemeParser(file: path, text: text).parse(name: name)
    }
}
