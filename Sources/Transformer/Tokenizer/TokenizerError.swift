/// Everything that can go wrong loading a tokenizer, each case naming the file and the line or key at fault.
///
/// `source` is the file's path, or `vocabulary` for a vocabulary handed over in memory.
public enum TokenizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file that does not exist (the folder's `vocab.txt`, or the folder itself).
    case fileNotFound(path: String)
    /// A file that exists but cannot be read; `reason` is the system's word for it.
    case unreadable(path: String, reason: String)
    /// Something that is not a regular file (`kind`: "a FIFO (named pipe)", "a directory", …), refused unread.
    case notRegularFile(path: String, kind: String)
    /// A file larger than the reader accepts, checked before reading it.
    case fileTooLarge(path: String, limit: Int)
    /// A vocabulary with no tokens at all.
    case emptyVocabulary(source: String)
    /// A vocabulary with more tokens than the reader accepts.
    case tooManyTokens(source: String, limit: Int)
    /// A vocabulary line longer than the reader accepts (in UTF-8 bytes).
    case lineTooLong(source: String, line: Int, limit: Int)
    /// A vocabulary line that is not valid UTF-8.
    case invalidUTF8(source: String, line: Int)
    /// The same token twice: its id would be ambiguous.
    case duplicateToken(source: String, line: Int, token: String, firstLine: Int)
    /// One of the tokens every BERT vocabulary needs (`[CLS]`, `[SEP]`, `[UNK]`) is absent.
    case missingSpecialToken(source: String, token: String)
    /// `tokenizer_config.json` that is not a JSON object.
    case invalidConfig(path: String, reason: String)
    /// A key of `tokenizer_config.json` with a value of the wrong type.
    case wrongConfigType(path: String, key: String, expected: String)
    /// A `tokenizer.json` setting attnview does not implement (a BPE model, another normalizer…);
    /// `key` is its JSON path, `found` what the file holds there.
    case unsupported(path: String, key: String, found: String, supported: String)

    /// One line naming the file and the line or key at fault.
    public var description: String {
        switch self {
        case let .fileNotFound(path): "\(path): no such file"
        case let .unreadable(path, reason): "\(path): cannot read (\(reason))"
        case let .notRegularFile(path, kind): "\(path): is \(kind), not a regular file"
        case let .fileTooLarge(path, limit): "\(path): larger than \(limit) bytes, not a tokenizer file"
        case let .emptyVocabulary(source): "\(source): the vocabulary has no tokens"
        case let .tooManyTokens(source, limit): "\(source): more than \(limit) tokens"
        case let .lineTooLong(source, line, limit): "\(source) line \(line): longer than \(limit) bytes"
        case let .invalidUTF8(source, line): "\(source) line \(line): not valid UTF-8"
        case let .duplicateToken(source, line, token, firstLine):
            "\(source) line \(line): duplicate token \"\(token)\" (first on line \(firstLine))"
        case let .missingSpecialToken(source, token): "\(source): no \(token) token"
        case let .invalidConfig(path, reason): "\(path): \(reason)"
        case let .wrongConfigType(path, key, expected): "\(path): \"\(key)\" must be \(expected)"
        case let .unsupported(path, key, found, supported):
            "\(path): \"\(key)\" is \(found); attnview supports \(supported)"
        }
    }
}
