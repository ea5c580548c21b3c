/// The special tokens of BertTokenizer's vocabulary.
enum SpecialToken {
    static let classification = "[CLS]"
    static let separator = "[SEP]"
    static let unknown = "[UNK]"
    /// Kept whole when they appear in a text, exactly spelled, as HuggingFace does (when in the vocabulary).
    static let neverSplit = [unknown, separator, classification, "[PAD]", "[MASK]"]
}
