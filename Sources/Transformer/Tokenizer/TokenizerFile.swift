import Foundation
import TensorFiles

/// Reads a whole tokenizer file, refusing one that is not a regular file or is larger than a limit
/// before reading a byte.
enum TokenizerFile {
    /// The file's bytes; `nil` when it does not exist (optional files are allowed to be absent).
    static func read(_ url: URL, limit: Int) throws(TokenizerError) -> [UInt8]? {
        do {
            return try InputFile(path: url.path).readAll(limit: limit)
        } catch {
            switch error {
            case .fileNotFound: return nil
            case let .unreadable(path, reason): throw .unreadable(path: path, reason: reason)
            case let .notRegularFile(path, kind): throw .notRegularFile(path: path, kind: kind)
            case let .tooLarge(path, limit): throw .fileTooLarge(path: path, limit: limit)
            // readAll throws only the cases above.
            case .badFile, .badTensor, .missingTensor: throw .unreadable(path: url.path, reason: error.description)
            }
        }
    }
}
