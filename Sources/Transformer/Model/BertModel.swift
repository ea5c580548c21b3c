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
        let configFile: MappedFile
        do {
            configFile = try MappedFile(path: configPath)
        } catch {
            guard case .badFile(_, let reason) = error else { throw .fileNotFound(path: configPath) }
            throw .badConfig(path: configPath, reason: reason)
        }
        // Checked before anything is copied: a config is a few hundred bytes.
        guard configFile.bytes.count <= BertConfig.maxFileBytes else {
            throw .badConfig(
                path: configPath, reason: "larger than \(BertConfig.maxFileBytes) bytes, not a config.json")
        }
        config = try BertConfig(json: Data(configFile.bytes), path: configPath)
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
                throw error.isMissingFile ? .fileNotFound(path: path) : .weights(error)
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
    }

    /// The tokens of `text` and every layer's Q and K. Throws for an empty text and for one with
    /// more tokens than the model has positions.
    public func encode(_ text: String) throws(ModelError) -> Encoding {
        guard text.contains(where: { !$0.isWhitespace }) else { throw .emptyText }
        let tokens = tokenizer.encode(text)
        // Only [CLS] and [SEP]: the text was nothing but characters the tokenizer drops.
        guard tokens.count > 2 else { throw .emptyText }
        guard tokens.count <= config.maxPositions else {
            throw .textTooLong(tokens: tokens.count, limit: config.maxPositions)
        }
        return Encoding(tokens: tokens.map(\.text), qk: encoder.run(ids: tokens.map(\.id)))
    }
}
