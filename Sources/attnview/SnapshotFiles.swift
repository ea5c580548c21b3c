import Foundation

/// Why a snapshot from the view was not saved.
enum SnapshotFilesError: Error, Equatable, CustomStringConvertible {
    case unwritable(reason: String)
    case noFreeName(stem: String, directory: String)

    var description: String {
        switch self {
        case let .unwritable(reason): reason
        case let .noFreeName(stem, directory): "no free name for \(stem) in \(directory)"
        }
    }
}

/// Where the view's snapshots go: `stem.txt` (and `stem.json` beside it) in one folder, or
/// `stem-2`, `stem-3`, … when a name is taken. Never overwrites; every file appears whole.
struct SnapshotFiles {
    let directory: String
    /// Names tried before giving up.
    var attempts = 100

    /// Writes `text`, and `json` streamed beside it when given, under the first name free for both;
    /// returns the paths written.
    func write(stem: String, text: String, json: ((inout ByteSink) -> Void)?) throws(SnapshotFilesError) -> [String] {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let bytes = Data(text.utf8)
        for name in SnapshotNaming.candidates(stem: stem, count: attempts) {
            let textPath = folder.appendingPathComponent(name + ".txt").path
            let jsonPath = folder.appendingPathComponent(name + ".json").path
            let manager = FileManager.default
            if manager.fileExists(atPath: textPath) || (json != nil && manager.fileExists(atPath: jsonPath)) {
                continue
            }
            do throws(OutputError) {
                try SafeFileWriter.write(bytes, to: textPath, overwrite: false)
                guard let json else { return [textPath] }
                try SafeFileWriter.write(to: jsonPath, overwrite: false, contents: json)
                return [textPath, jsonPath]
            } catch {
                // Taken between the check and the write: try the next name.
                guard case .unwritable(_, let reason) = error else { continue }
                throw .unwritable(reason: reason)
            }
        }
        throw .noFreeName(stem: stem, directory: directory)
    }
}
