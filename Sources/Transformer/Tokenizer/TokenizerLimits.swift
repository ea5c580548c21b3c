/// Sizes a tokenizer file may have. Vocabulary files are untrusted, so every size is checked before anything
/// is allocated for it. The largest BERT-family vocabularies in use have ~250 000 entries in a few MB.
enum TokenizerLimits {
    /// `vocab.txt`: BERT-base has 30 522 lines in 232 KB, multilingual models ~120 000 lines in ~1 MB.
    static let vocabularyFileBytes = 32 << 20
    /// Entries in a vocabulary.
    static let vocabularyTokens = 1 << 20
    /// One vocabulary line in UTF-8 bytes: a piece longer than a word may be (100 scalars, 4 bytes each) is useless.
    static let lineBytes = 1024
    /// `tokenizer_config.json`: a few hundred bytes for BERT, more when it lists added tokens.
    static let configFileBytes = 4 << 20
    /// HuggingFace's `max_input_chars_per_word`: a longer word becomes `[UNK]`.
    static let wordScalars = 100
}
