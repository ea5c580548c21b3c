/// A WordPiece vocabulary: the token bytes of every id, and a hash table from a token's exact UTF-8 bytes to its id.
///
/// Keys are bytes, not `String`s, on purpose: Swift's `String` equality is canonical equivalence, so `"é"` and
/// `"e\u{301}"` would be one key, while HuggingFace (Python `str`, Rust `String`) compares code points. The tokens
/// stay in one buffer (for a file, the file's own bytes) and the table is open-addressed over ids, so loading
/// 30 000 tokens allocates a handful of arrays rather than one per token.
struct Vocabulary: Sendable {
    /// The bytes every token range points into.
    private let storage: [UInt8]
    /// Where token `id` lies in `storage`.
    private let ranges: [Range<Int>]
    /// Open addressing with linear probing: `id + 1` per used slot, 0 when empty; the count is a power of two.
    private let slots: [Int]
    /// The most Unicode scalars any token has: no longer piece can match, so WordPiece need not try one.
    let longestTokenScalars: Int
    /// `[CLS]`, which starts every encoded text.
    let classification: Token
    /// `[SEP]`, which ends every encoded text.
    let separator: Token
    /// `[UNK]`, for a word WordPiece cannot cover.
    let unknown: Token

    /// The number of ids.
    var count: Int { ranges.count }

    /// The lines of a `vocab.txt`: split at `\n`, a trailing `\r` dropped, no empty entry after a final newline
    /// (Python's `readlines()` and Rust's `lines()` read it so). `source` names the file in errors.
    init(fileBytes bytes: [UInt8], source: String) throws(TokenizerError) {
        let newline = UInt8(ascii: "\n")
        let lineCount = bytes.reduce(0) { $1 == newline ? $0 + 1 : $0 } + (bytes.last == newline ? 0 : 1)
        guard lineCount <= TokenizerLimits.vocabularyTokens else {
            throw .tooManyTokens(source: source, limit: TokenizerLimits.vocabularyTokens)
        }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(lineCount)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
            let lineEnd = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
            guard lineEnd - start <= TokenizerLimits.lineBytes else {
                throw .lineTooLong(source: source, line: ranges.count + 1, limit: TokenizerLimits.lineBytes)
            }
            ranges.append(start..<lineEnd)
            start = end + 1
        }
        try self.init(storage: bytes, ranges: ranges, source: source)
    }

    /// Entries given one per id; `source` names them in errors (line = id + 1).
    init(entries: [[UInt8]], source: String) throws(TokenizerError) {
        guard entries.count <= TokenizerLimits.vocabularyTokens else {
            throw .tooManyTokens(source: source, limit: TokenizerLimits.vocabularyTokens)
        }
        var storage: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            guard entry.count <= TokenizerLimits.lineBytes else {
                throw .lineTooLong(source: source, line: index + 1, limit: TokenizerLimits.lineBytes)
            }
            ranges.append(storage.count..<storage.count + entry.count)
            storage.append(contentsOf: entry)
        }
        try self.init(storage: storage, ranges: ranges, source: source)
    }

    private init(storage: [UInt8], ranges: [Range<Int>], source: String) throws(TokenizerError) {
        guard !ranges.isEmpty else { throw .emptyVocabulary(source: source) }
        var slots = [Int](repeating: 0, count: max(16, 1 << (Int.bitWidth - (2 * ranges.count).leadingZeroBitCount)))
        let mask = slots.count - 1
        var longest = 0
        for (id, range) in ranges.enumerated() {
            let bytes = storage[range]
            let isASCII = bytes.allSatisfy { $0 < 0x80 }
            guard isASCII || String(validating: bytes, as: UTF8.self) != nil else {
                throw .invalidUTF8(source: source, line: id + 1)
            }
            // In valid UTF-8, each scalar has exactly one byte that is not a continuation byte (10xxxxxx).
            longest = max(longest, isASCII ? bytes.count : bytes.count(where: { $0 & 0xC0 != 0x80 }))
            var slot = Self.hash(bytes) & mask
            while slots[slot] != 0 {
                let other = slots[slot] - 1
                if storage[ranges[other]].elementsEqual(bytes) {
                    throw .duplicateToken(
                        source: source, line: id + 1, token: String(decoding: bytes, as: UTF8.self),
                        firstLine: other + 1)
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = id + 1
        }
        func special(_ text: String) throws(TokenizerError) -> Token {
            guard let id = Self.find(Array(text.utf8)[...], storage, ranges, slots) else {
                throw .missingSpecialToken(source: source, token: text)
            }
            return Token(text: text, id: id)
        }
        self.classification = try special(SpecialToken.classification)
        self.separator = try special(SpecialToken.separator)
        self.unknown = try special(SpecialToken.unknown)
        self.storage = storage
        self.ranges = ranges
        self.slots = slots
        self.longestTokenScalars = longest
    }

    /// Swift's seeded hasher, so a crafted vocabulary cannot make every token collide.
    private static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// The id of the token with exactly these UTF-8 bytes.
    func id(of bytes: [UInt8]) -> Int? {
        Self.find(bytes[...], storage, ranges, slots)
    }

    private static func find(
        _ key: ArraySlice<UInt8>, _ storage: [UInt8], _ ranges: [Range<Int>], _ slots: [Int]
    ) -> Int? {
        let mask = slots.count - 1
        var slot = hash(key) & mask
        while slots[slot] != 0 {
            let id = slots[slot] - 1
            if storage[ranges[id]].elementsEqual(key) { return id }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The token with this id, which must be in `0..<count`.
    func token(id: Int) -> Token {
        Token(text: String(decoding: storage[ranges[id]], as: UTF8.self), id: id)
    }

    /// The token spelled so, if the vocabulary has it.
    func token(_ text: String) -> Token? {
        id(of: Array(text.utf8)).map { token(id: $0) }
    }
}
