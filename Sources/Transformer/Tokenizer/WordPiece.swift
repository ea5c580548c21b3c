/// Greedy longest-match-first WordPiece, as HuggingFace's: the longest vocabulary entry that starts the word,
/// then the longest `##` entry that continues it, and so on; a word that cannot be covered, or has more than
/// 100 scalars, is one `[UNK]`.
struct WordPiece: Sendable {
    let vocabulary: Vocabulary

    /// Appends the pieces of one word (a run of scalars with no whitespace) to `tokens`.
    func split(_ word: ArraySlice<Unicode.Scalar>, into tokens: inout [Token]) {
        guard word.count <= TokenizerLimits.wordScalars else { return tokens.append(vocabulary.unknown) }
        let pieces = tokens.count
        var key: [UInt8] = []
        var start = word.startIndex
        while start < word.endIndex {
            var end = min(word.endIndex, start + vocabulary.longestTokenScalars)
            var match: Int?
            while end > start {
                key.removeAll(keepingCapacity: true)
                if start > word.startIndex { key.append(contentsOf: [0x23, 0x23]) }  // "##"
                for scalar in word[start..<end] { appendUTF8(scalar, to: &key) }
                if let id = vocabulary.id(of: key) {
                    match = id
                    break
                }
                end -= 1
            }
            guard let id = match else {
                tokens.removeSubrange(pieces...)
                return tokens.append(vocabulary.unknown)
            }
            tokens.append(vocabulary.token(id: id))
            start = end
        }
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(contentsOf: [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)])
        case 0x800..<0x10000:
            bytes.append(
                contentsOf: [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)])
        default:
            bytes.append(contentsOf: [
                UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F),
                UInt8(0x80 | value & 0x3F),
            ])
        }
    }
}
