import Foundation

/// Why a snapshot from the view was not saved, naming the file that failed.
enum SnapshotFilesError: Error, Equatable, CustomStringConvertible {
    /// `path` could not be written; with `saved`, the file written before it (the picture beside a
    /// JSON document that failed), which stays.
    case unwritable(path: String, reason: String, saved: String? = nil)
    case noFreeName(stem: String, directory: String)

    var description: String {
        switch self {
        case let .unwritable(path, reason, nil): "\(Self.name(path)): \(reason)"
        case let .unwritable(path, reason, saved?):
            "\(Self.name(path)): \(reason) (\(Self.name(saved)) was saved in \(Self.folder(saved)))"
        case let .noFreeName(stem, directory): "no free name for \(stem) in \(directory)"
        }
    }

    private static func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }
    private static func folder(_ path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
}

/// Where the view's snapshots go: `stem.txt` (`.svg`, `.ans`; and `stem.json` beside it) in one folder, or
/// `stem-2`, `stem-3`, … when a name is taken. Never overwrites; every file appears whole.
struct SnapshotFiles {
    let directory: String
    /// Names tried before giving up.
    var attempts = 100

    /// Writes `text` as `stem.fileExtension`, and `json` streamed beside it when given, under the
    /// first name free for both; returns the paths written.
    func write(
        stem: String, text: String, fileExtension: String = "txt", json: ((inout ByteSink) -> Void)?
    ) throws(SnapshotFilesError) -> [String] {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let bytes = Data(text.utf8)
        for name in SnapshotNaming.candidates(stem: stem, count: attempts) {
            let textPath = folder.appendingPathComponent(name + "." + fileExtension).path
            let jsonPath = folder.appendingPathComponent(name + ".json").path
            let manager = FileManager.default
            if manager.fileExists(atPath: textPath) || (json != nil && manager.fileExists(atPath: jsonPath)) {
                continue
            }
            do throws(OutputError) {
                try SafeFileWriter.write(bytes, to: textPath, overwrite: false)
            } catch {
                // Taken between the check and the write (or by a FIFO, a symlink): try the next name.
                guard case .unwritable(_, let reason) = error else { continue }
                throw .unwritable(path: textPath, reason: reason)
            }
            guard let json else { return [textPath] }
            do throws(OutputError) {
                try SafeFileWriter.write(to: jsonPath, overwrite: false, contents: json)
            } catch {
                throw .unwritable(path: jsonPath, reason: error.reason, saved: textPath)
            }
            return [textPath, jsonPath]
        }
        throw .noFreeName(stem: stem, directory: directory)
    }
}
