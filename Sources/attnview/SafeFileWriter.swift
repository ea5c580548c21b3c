import Foundation

/// A write that could not be done, naming the file.
enum OutputError: Error, Equatable, CustomStringConvertible {
    case exists(path: String)
    case unwritable(path: String, reason: String)

    var description: String {
        switch self {
        case let .exists(path): "\(path) exists (use --force to overwrite)"
        case let .unwritable(path, reason): "\(path): \(reason)"
        }
    }
}

/// Writes files atomically (temporary file, then rename) and never overwrites unless asked.
enum SafeFileWriter {
    static func write(_ data: Data, to path: String, overwrite: Bool) throws(OutputError) {
        throw .unwritable(path: path, reason: "not implemented yet")
    }
}
