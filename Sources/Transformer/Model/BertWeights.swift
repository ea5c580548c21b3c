import TensorFiles

/// The weights of one encoder layer, in HuggingFace's names; matrices are [out, in] as stored.
struct BertLayerWeights: Sendable {
    let query: Linear
    let key: Linear
    let value: Linear
    let attentionOutput: Linear
    let attentionNorm: Norm
    let intermediate: Linear
    let output: Linear
    let outputNorm: Norm
}

/// A dense layer y = x·Wᵀ + b, W stored [out, in].
struct Linear: Sendable {
    let weight: FloatTensor
    let bias: FloatTensor
    var outputs: Int { weight.shape[0] }
    var inputs: Int { weight.shape[1] }
}

/// A LayerNorm's scale and shift.
struct Norm: Sendable {
    let gamma: FloatTensor
    let beta: FloatTensor
}

/// Every weight a BERT encoder needs, found by name with or without the `bert.` prefix and
/// checked against the config's shapes; other tensors (pooler, `position_ids`, heads) are ignored.
public struct BertWeights: Sendable {
    let wordEmbeddings: FloatTensor
    let positionEmbeddings: FloatTensor
    let tokenTypeEmbeddings: FloatTensor
    let embeddingNorm: Norm
    let layers: [BertLayerWeights]

    /// Rows of the word-embedding table: every token id must be below it.
    var vocabularySize: Int { wordEmbeddings.shape[0] }

    /// Reads the weights `config` describes from `file`.
    public init(file: SafetensorsFile, config: BertConfig) throws(TensorFileError) {
        try self.init(files: WeightFiles(single: file), config: config)
    }

    /// Reads the weights `config` describes from one file or from shards.
    public init(files file: WeightFiles, config: BertConfig) throws(TensorFileError) {
        let hasPrefix = file.contains("bert.embeddings.word_embeddings.weight")
        let prefix = hasPrefix ? "bert." : ""
        let hidden = config.hiddenSize
        func tensor(_ name: String, _ shape: [Int?]) throws(TensorFileError) -> FloatTensor {
            let tensor = try file.floats(named: prefix + name)
            let matches =
                tensor.shape.count == shape.count && zip(tensor.shape, shape).allSatisfy { $1 == nil || $0 == $1 }
            guard matches, tensor.count > 0 else {
                let expected = shape.map { $0.map(String.init) ?? "any" }.joined(separator: ", ")
                throw .badTensor(
                    path: file.path, tensor: prefix + name,
                    reason: "shape \(tensor.shape) disagrees with config.json (expected [\(expected)])")
            }
            return tensor
        }
        func linear(_ name: String, outputs: Int, inputs: Int) throws(TensorFileError) -> Linear {
            Linear(
                weight: try tensor(name + ".weight", [outputs, inputs]), bias: try tensor(name + ".bias", [outputs]))
        }
        func norm(_ name: String) throws(TensorFileError) -> Norm {
            Norm(gamma: try tensor(name + ".weight", [hidden]), beta: try tensor(name + ".bias", [hidden]))
        }
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [config.vocabularySize, hidden])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [config.maxPositions, hidden])
        tokenTypeEmbeddings = try tensor(
            "embeddings.token_type_embeddings.weight", [config.typeVocabularySize, hidden])
        embeddingNorm = try norm("embeddings.LayerNorm")
        var layers: [BertLayerWeights] = []
        for index in 0..<config.layers {
            let base = "encoder.layer.\(index)."
            layers.append(
                BertLayerWeights(
                    query: try linear(base + "attention.self.query", outputs: hidden, inputs: hidden),
                    key: try linear(base + "attention.self.key", outputs: hidden, inputs: hidden),
                    value: try linear(base + "attention.self.value", outputs: hidden, inputs: hidden),
                    attentionOutput: try linear(base + "attention.output.dense", outputs: hidden, inputs: hidden),
                    attentionNorm: try norm(base + "attention.output.LayerNorm"),
                    intermediate: try linear(
                        base + "intermediate.dense", outputs: config.intermediateSize, inputs: hidden),
                    output: try linear(base + "output.dense", outputs: hidden, inputs: config.intermediateSize),
                    outputNorm: try norm(base + "output.LayerNorm")))
        }
        self.layers = layers
    }
}
