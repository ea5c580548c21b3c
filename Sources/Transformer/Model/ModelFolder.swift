import Foundation

/// Where a `--model` value points: a folder path as given, or a bare name under
/// `${XDG_DATA_HOME:-~/.local/share}/attnview/models/`, where `make model` installs MiniLM.
public enum ModelFolder {
    /// The name `make model` installs the reference model under.
    static let referenceName = "minilm"

    /// The folder for `reference`: a value with a `/` (or `.`, `..`) is a path; anything else a name.
    /// Throws `.folderNotFound` for a missing path, `.notInstalled` for a missing name.
    public static func resolve(_ reference: String, environment: [String: String]) throws(ModelError) -> URL {
        let isPath = reference.contains("/") || reference == "." || reference == ".."
        let folder =
            isPath ? URL(fileURLWithPath: reference) : modelsDirectory(environment).appendingPathComponent(reference)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            if isPath { throw .folderNotFound(path: reference) }
            throw .notInstalled(name: reference, folder: folder.path)
        }
        return folder
    }

    /// `${XDG_DATA_HOME:-~/.local/share}/attnview/models` (a relative XDG_DATA_HOME is ignored, as the spec says).
    static func modelsDirectory(_ environment: [String: String]) -> URL {
        let data: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            data = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        }
        return data.appendingPathComponent("attnview/models")
    }
}
