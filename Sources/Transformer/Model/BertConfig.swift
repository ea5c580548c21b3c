import Foundation

/// The architecture of a BERT encoder, read from the model folder's `config.json`.
public struct BertConfig: Equatable, Sendable {
    /// Width of every hidden state (384 for MiniLM).
    public let hiddenSize: Int
    /// Attention heads per layer; each sees hiddenSize / heads dimensions.
    public let heads: Int
    /// Encoder layers.
    public let layers: Int
    /// Width of the feed-forward layer.
    let intermediateSize: Int
    /// Positions the model has embeddings for: the longest input in tokens.
    public let maxPositions: Int
    /// Rows of the token-type table (attnview always uses type 0).
    let typeVocabularySize: Int
    /// Rows of the word-embedding table, when the config says.
    let vocabularySize: Int?
    /// ε of every LayerNorm.
    public let layerNormEpsilon: Float

    /// Dimensions per head: d_head = hidden / heads.
    public var headSize: Int { hiddenSize / heads }

    /// Largest sizes accepted, so a hostile config cannot ask for absurd allocations.
    static let maxWidth = 65536
    static let maxLayers = 1024
    /// Largest `config.json` read; checked against the file's size before reading it.
    static let maxFileBytes = 1 << 20

    /// The architecture described by `json`, the bytes of `path`.
    public init(json: Data, path: String) throws(ModelError) {
        func bad(_ reason: String) -> ModelError { .badConfig(path: path, reason: reason) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json, options: [])
        } catch {
            throw bad("not valid JSON")
        }
        guard let config = object as? [String: Any] else { throw bad("not a JSON object") }
        guard let modelType = config["model_type"] as? String else {
            throw bad("no \"model_type\" (attnview runs BERT models: \"model_type\": \"bert\")")
        }
        guard modelType == "bert" else {
            throw bad("model_type is \(jsonSpelling(modelType)); attnview runs BERT models only (\"bert\")")
        }
        try Self.refuseUnimplemented(config, path: path)
        func integer(_ key: String, max: Int) throws(ModelError) -> Int {
            guard let value = config[key] else { throw bad("no \"\(key)\"") }
            guard !isJSONBoolean(value), let number = value as? Int, (1...max).contains(number), !(value is String)
            else {
                throw bad("\"\(key)\" must be a whole number from 1 to \(max)")
            }
            return number
        }
        hiddenSize = try integer("hidden_size", max: Self.maxWidth)
        heads = try integer("num_attention_heads", max: Self.maxWidth)
        layers = try integer("num_hidden_layers", max: Self.maxLayers)
        intermediateSize = try integer("intermediate_size", max: Self.maxWidth * 4)
        maxPositions = try integer("max_position_embeddings", max: Self.maxWidth)
        typeVocabularySize = try integer("type_vocab_size", max: Self.maxWidth)
        vocabularySize = config["vocab_size"] == nil ? nil : try integer("vocab_size", max: 1 << 24)
        guard hiddenSize % heads == 0 else {
            throw bad("hidden_size \(hiddenSize) is not divisible by num_attention_heads \(heads)")
        }
        // HuggingFace's defaults for the two keys older configs leave out.
        let epsilon = config["layer_norm_eps"] ?? 1e-12
        // At least float32's smallest normal number: a smaller ε rounds to 0 in float32 and a
        // constant row would divide by zero.
        guard !isJSONBoolean(epsilon), let eps = epsilon as? Double, eps >= Double(Float.leastNormalMagnitude), eps < 1
        else {
            throw bad("\"layer_norm_eps\" must be a number from 1.2e-38 (float32's smallest normal) to below 1")
        }
        layerNormEpsilon = Float(eps)
        let activation = config["hidden_act"] ?? "gelu"
        guard let name = activation as? String, name == "gelu" else {
            throw bad("hidden_act is \(jsonSpelling(activation)); attnview runs the exact (erf) \"gelu\" only")
        }
    }
}
