/// HuggingFace's BERT pre-tokenizer: words are separated by whitespace, and every punctuation character is a
/// word of its own.
enum BertPreTokenizer {
    /// The words of a normalized text, as ranges of `scalars`.
    static func words(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar.isBertWhitespace {
                if start < index { words.append(start..<index) }
                start = index + 1
            } else if scalar.isBertPunctuation {
                if start < index { words.append(start..<index) }
                words.append(index..<index + 1)
                start = index + 1
            }
        }
        if start < scalars.count { words.append(start..<scalars.count) }
        return words
    }
}
