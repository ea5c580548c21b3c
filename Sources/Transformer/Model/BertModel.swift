import Foundation
import TensorFiles

/// A BERT model folder loaded and checked: config, tokenizer and weights that fit together.
/// `encode(_:)` turns a text into its tokens and every layer's Q and K.
public struct BertModel: Sendable {
    /// The folder it was loaded from.
    public let folder: URL
    /// The architecture.
    public let config: BertConfig
    /// The text-to-ids step.
    public let tokenizer: BertTokenizer
    /// The forward pass.
    public let encoder: BertEncoder
    /// Every file the model was read from, as it was then (nil: absent), to notice a change on disk.
    let loadedFiles: [(path: String, identity: FileIdentity?)]

    /// The tokens of a text and the encoder's Q and K for them.
    public struct Encoding: Sendable {
        /// Token strings as the tokenizer writes them (`[CLS]`, `##ing`, …, `[SEP]`).
        public let tokens: [String]
        /// Every layer's Q and K.
        public let qk: EncoderQK
    }

    /// Loads `config.json`, `vocab.txt` (+ `tokenizer_config.json`) or `tokenizer.json`, and
    /// `model.safetensors` or its shards (`model.safetensors.index.json`) from `folder`.
    public init(folder: URL) throws(ModelError) {
        self.folder = folder
        let configPath = folder.appendingPathComponent("config.json").path
        let json: [UInt8]
        do {
            // Checked against the file's size before reading: a config is a few hundred bytes.
            json = try InputFile(path: configPath).readAll(limit: BertConfig.maxFileBytes)
        } catch {
            switch error {
            case .fileNotFound: throw .fileNotFound(path: configPath)
            case let .unreadable(_, reason): throw .unreadable(path: configPath, reason: reason)
            case .tooLarge:
                throw .badConfig(
                    path: configPath, reason: "larger than \(BertConfig.maxFileBytes) bytes, not a config.json")
            default:
                throw .badConfig(path: configPath, reason: String(error.description.dropFirst(configPath.count + 2)))
            }
        }
        config = try BertConfig(json: Data(json), path: configPath)
        try ModelFolderLayout.checkTokenizer(in: folder)
        do {
            tokenizer = try BertTokenizer(folder: folder)
        } catch {
            // A missing vocab.txt is reported like the other files a model folder must hold.
            if case .fileNotFound(let path) = error { throw .fileNotFound(path: path) }
            throw .tokenizer(error)
        }
        let weights: BertWeights
        let files: WeightFiles
        switch try ModelFolderLayout.weights(in: folder) {
        case .single(let path):
            do {
                files = WeightFiles(single: try SafetensorsFile(path: path))
            } catch {
                throw .weightsFile(error)
            }
        case .sharded(let index):
            files = try WeightFiles(index: index)
        }
        do {
            weights = try BertWeights(files: files, config: config)
        } catch {
            throw .weights(error)
        }
        let weightsPath = files.path
        guard tokenizer.vocabularySize <= weights.vocabularySize else {
            throw .weights(
                .badTensor(
                    path: weightsPath, tensor: "embeddings.word_embeddings.weight",
                    reason:
                        "has \(weights.vocabularySize) rows but the vocabulary has \(tokenizer.vocabularySize) tokens"))
        }
        encoder = BertEncoder(config: config, weights: weights)
        let others = ["config.json", "vocab.txt", "tokenizer_config.json", "tokenizer.json"].map {
            let path = folder.appendingPathComponent($0).path
            return (path, FileIdentity.current(path: path))
        }
        loadedFiles = others + files.files.map { ($0.path, $0.identity) }
    }

    /// The names of the files that changed on disk (replaced, rewritten, truncated, removed or added)
    /// since the model was read; empty when none did. The loaded weights are a copy, so the model
    /// still works either way; a caller may load the folder again.
    public func changedFiles() -> [String] {
        loadedFiles.filter { FileIdentity.current(path: $0.path) != $0.identity }.map {
            URL(fileURLWithPath: $0.path).lastPathComponent
        }
    }

    /// The tokens of `text` and every layer's Q and K, with every head's divisor multiplied by `alpha`
    /// (1: the model as trained). Every limit is checked before the encoder runs: an empty text, more
    /// tokens than the model has positions or than `maxTokens` (the caller's own limit), and a text
    /// whose encoder would need more memory than `BertEncoder.memoryBudget`.
    public func encode(_ text: String, maxTokens: Int = .max, alpha: Double = 1) throws(ModelError) -> Encoding {
        guard text.contains(where: { !$0.isWhitespace }) else { throw .emptyText }
        let tokens = tokenizer.encode(text)
        // Only [CLS] and [SEP]: the text was nothing but characters the tokenizer drops.
        guard tokens.count > 2 else { throw .emptyText }
        guard tokens.count <= config.maxPositions else {
            throw .textTooLong(tokens: tokens.count, limit: config.maxPositions)
        }
        guard tokens.count <= maxTokens else { throw .tooManyTokens(tokens: tokens.count, limit: maxTokens) }
        let bytes = BertEncoder.workingBytes(tokens: tokens.count, config: config)
        guard bytes <= BertEncoder.memoryBudget else {
            throw .overMemoryBudget(tokens: tokens.count, bytes: bytes, budget: BertEncoder.memoryBudget)
        }
        return Encoding(tokens: tokens.map(\.text), qk: encoder.run(ids: tokens.map(\.id), alpha: alpha))
    }
}
