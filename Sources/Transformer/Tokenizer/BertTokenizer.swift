import Foundation

/// The tokenizer of BERT-family models, giving exactly the tokens HuggingFace's BertTokenizer gives for the same
/// `vocab.txt` and options, so a Swift encoder sees the ids the model was trained on.
///
/// Text is cut at the special tokens it spells out (`[MASK]`, `[SEP]`, …, case-sensitive, as HuggingFace keeps
/// them whole), each other part is normalized (``BertNormalizer``), split into words at whitespace and
/// punctuation, and each word into WordPiece pieces.
public struct BertTokenizer: Sendable {
    /// The normalization choices of `tokenizer_config.json`, with HuggingFace's defaults.
    public struct Options: Sendable, Equatable {
        /// `do_lower_case`: lowercase the text (uncased models).
        var lowercase: Bool
        /// `strip_accents`: decompose (NFD) and drop nonspacing marks; `nil` follows `lowercase`, as in HuggingFace.
        var stripAccents: Bool?
        /// `tokenize_chinese_chars`: put spaces around CJK ideographs so each is a word.
        var tokenizeChineseCharacters: Bool

        public init(lowercase: Bool = true, stripAccents: Bool? = nil, tokenizeChineseCharacters: Bool = true) {
            self.lowercase = lowercase
            self.stripAccents = stripAccents
            self.tokenizeChineseCharacters = tokenizeChineseCharacters
        }

        /// Whether accents are stripped, once `nil` has been resolved.
        var stripsAccents: Bool { stripAccents ?? lowercase }
    }

    /// The options the tokenizer was made with.
    public let options: Options
    private let vocabulary: Vocabulary
    private let normalizer: BertNormalizer
    private let wordPiece: WordPiece
    /// The special tokens of the vocabulary that a text may spell out, as scalars.
    private let neverSplit: [(scalars: [Unicode.Scalar], token: Token)]

    /// The number of ids (lines of `vocab.txt`): the rows the model's word-embedding table must have.
    var vocabularySize: Int { vocabulary.count }

    /// The vocabulary entry with this id (a line of `vocab.txt`, from 0), to show ids a model predicts.
    public func token(id: Int) -> Token? {
        (0..<vocabulary.count).contains(id) ? vocabulary.token(id: id) : nil
    }

    /// Reads `vocab.txt` and, when present, `tokenizer_config.json` (`do_lower_case`, `strip_accents`,
    /// `tokenize_chinese_chars`) from a model folder in the HuggingFace layout; without `vocab.txt`, the
    /// vocabulary and normalizer of `tokenizer.json` (a WordPiece model, as HuggingFace's fast tokenizer saves it).
    public init(folder: URL) throws(TokenizerError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw .fileNotFound(path: folder.path) }
        let vocabularyURL = folder.appendingPathComponent("vocab.txt")
        guard let bytes = try TokenizerFile.read(vocabularyURL, limit: TokenizerLimits.vocabularyFileBytes) else {
            let jsonURL = folder.appendingPathComponent(Self.jsonFileName)
            guard let json = try TokenizerJSON.read(jsonURL) else { throw .fileNotFound(path: vocabularyURL.path) }
            self.init(vocabulary: try Vocabulary(entries: json.entries, source: jsonURL.path), options: json.options)
            return
        }
        let options = try TokenizerConfig.read(folder.appendingPathComponent("tokenizer_config.json"))
        self.init(vocabulary: try Vocabulary(fileBytes: bytes, source: vocabularyURL.path), options: options)
    }

    /// The fast tokenizer's file, read when a folder has no `vocab.txt`.
    static let jsonFileName = "tokenizer.json"

    /// A tokenizer from the bytes of a `tokenizer.json` (see ``init(folder:)``); `path` names it in errors.
    public init(tokenizerJSON bytes: [UInt8], path: String) throws(TokenizerError) {
        let json = try TokenizerJSON(bytes: bytes, path: path)
        self.init(vocabulary: try Vocabulary(entries: json.entries, source: path), options: json.options)
    }

    /// A tokenizer for a vocabulary given in memory, one token per id; errors name it `vocabulary`, line = id + 1.
    public init(vocabulary: [String], options: Options) throws(TokenizerError) {
        let entries = vocabulary.map { Array($0.utf8) }
        self.init(vocabulary: try Vocabulary(entries: entries, source: "vocabulary"), options: options)
    }

    init(vocabulary: Vocabulary, options: Options) {
        self.options = options
        self.vocabulary = vocabulary
        self.normalizer = BertNormalizer(options: options)
        self.wordPiece = WordPiece(vocabulary: vocabulary)
        self.neverSplit = SpecialToken.neverSplit.compactMap { text in
            vocabulary.token(text).map { (Array(text.unicodeScalars), $0) }
        }
    }

    /// `[CLS]`, the WordPiece pieces of `text`, `[SEP]`: the model's input for one sentence.
    public func encode(_ text: String) -> [Token] {
        var tokens = [vocabulary.classification]
        let scalars = text.unicodeScalars
        var partStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index] == "[", let (special, end) = specialToken(in: scalars, at: index) {
                encodePart(scalars[partStart..<index], into: &tokens)
                tokens.append(special)
                partStart = end
                index = end
            } else {
                index = scalars.index(after: index)
            }
        }
        encodePart(scalars[partStart..<scalars.endIndex], into: &tokens)
        tokens.append(vocabulary.separator)
        return tokens
    }

    private func specialToken(
        in scalars: String.UnicodeScalarView, at start: String.Index
    ) -> (Token, String.Index)? {
        for (spelling, token) in neverSplit {
            var index = start
            var matched = true
            for scalar in spelling {
                guard index < scalars.endIndex, scalars[index] == scalar else {
                    matched = false
                    break
                }
                index = scalars.index(after: index)
            }
            if matched { return (token, index) }
        }
        return nil
    }

    private func encodePart(_ part: Substring.UnicodeScalarView, into tokens: inout [Token]) {
        guard !part.isEmpty else { return }
        let normalized = normalizer.normalize(part)
        for word in BertPreTokenizer.words(normalized) {
            wordPiece.split(normalized[word], into: &tokens)
        }
    }
}
