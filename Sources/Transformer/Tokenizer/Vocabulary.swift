/// A WordPiece vocabulary: token strings by id, and ids by the token's exact UTF-8 bytes.
///
/// Keys are bytes, not `String`s, on purpose: Swift's `String` equality is canonical equivalence, so `"é"` and
/// `"e\u{301}"` would be one key, while HuggingFace (Python `str`, Rust `String`) compares code points.
struct Vocabulary: Sendable {
    /// Every token, indexed by id (the line in `vocab.txt`, from 0).
    let tokens: [String]
    /// The id of each token, by its UTF-8 bytes.
    private let ids: [[UInt8]: Int]
    /// The most Unicode scalars any token has: no longer piece can match, so WordPiece need not try one.
    let longestTokenScalars: Int

    /// Checks and indexes the entries; `source` names them in errors (`…/vocab.txt`, or `vocabulary`).
    init(entries: [[UInt8]], source: String) throws(TokenizerError) {
        guard !entries.isEmpty else { throw .emptyVocabulary(source: source) }
        guard entries.count <= TokenizerLimits.vocabularyTokens else {
            throw .tooManyTokens(source: source, limit: TokenizerLimits.vocabularyTokens)
        }
        var tokens: [String] = []
        tokens.reserveCapacity(entries.count)
        var ids: [[UInt8]: Int] = [:]
        ids.reserveCapacity(entries.count)
        var longest = 0
        for (id, bytes) in entries.enumerated() {
            guard bytes.count <= TokenizerLimits.lineBytes else {
                throw .lineTooLong(source: source, line: id + 1, limit: TokenizerLimits.lineBytes)
            }
            guard let token = String(validating: bytes, as: UTF8.self) else {
                throw .invalidUTF8(source: source, line: id + 1)
            }
            if let first = ids.updateValue(id, forKey: bytes) {
                throw .duplicateToken(source: source, line: id + 1, token: token, firstLine: first + 1)
            }
            tokens.append(token)
            longest = max(longest, token.unicodeScalars.count)
        }
        for special in SpecialToken.required where ids[Array(special.utf8)] == nil {
            throw .missingSpecialToken(source: source, token: special)
        }
        self.tokens = tokens
        self.ids = ids
        self.longestTokenScalars = longest
    }

    /// The lines of a `vocab.txt`: split at `\n`, a trailing `\r` dropped, no empty entry after a final newline
    /// (Python's `readlines()` and Rust's `lines()` read it so).
    init(fileBytes bytes: [UInt8], source: String) throws(TokenizerError) {
        var entries: [[UInt8]] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            guard entries.count < TokenizerLimits.vocabularyTokens else {
                throw .tooManyTokens(source: source, limit: TokenizerLimits.vocabularyTokens)
            }
            var line = bytes[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard line.count <= TokenizerLimits.lineBytes else {
                throw .lineTooLong(source: source, line: entries.count + 1, limit: TokenizerLimits.lineBytes)
            }
            entries.append(Array(line))
            start = end + 1
        }
        try self.init(entries: entries, source: source)
    }

    /// The id of the token with exactly these UTF-8 bytes.
    func id(of bytes: [UInt8]) -> Int? { ids[bytes] }

    /// The id of a token known to be present (the required special tokens).
    func token(_ text: String) -> Token? {
        ids[Array(text.utf8)].map { Token(text: text, id: $0) }
    }
}
