import TensorFiles

/// Every layer's queries and keys for one text: what the attention view needs from the model.
///
/// Kept whole (n × hidden per layer, all heads side by side), so choosing another layer or head
/// slices what is here and runs nothing.
public struct EncoderQK: Sendable {
    /// Tokens of the text (rows of every Q and K).
    public let tokens: Int
    /// Encoder layers.
    public let layers: Int
    /// Heads per layer.
    public let heads: Int
    /// Dimensions per head, d_head.
    public let headSize: Int
    /// Per layer: the query projection of the hidden states entering it (biases included), n × hidden.
    let queries: [[Float]]
    /// Per layer: the key projection, n × hidden.
    let keys: [[Float]]
    /// The last layer's hidden states, n × hidden: what the sentence embedding pools.
    public let output: [Float]
    /// Where the forward pass first produced a value that is not finite (NaN or ±infinity, from
    /// weights that overflow float32), e.g. "layer 0's attention LayerNorm"; nil when none did.
    public let nonFiniteFrom: String?

    init(
        tokens: Int, heads: Int, headSize: Int, queries: [[Float]], keys: [[Float]], output: [Float],
        nonFiniteFrom: String? = nil
    ) {
        precondition(queries.count == keys.count, "one Q and one K per layer")
        self.tokens = tokens
        self.layers = queries.count
        self.heads = heads
        self.headSize = headSize
        self.queries = queries
        self.keys = keys
        self.output = output
        self.nonFiniteFrom = nonFiniteFrom
    }

    /// The mean over tokens of the last hidden states (every token counts, [CLS] and [SEP] too): the
    /// sentence embedding of sentence-transformers' mean pooling, before its L2 normalisation.
    public var meanPooled: [Float] {
        let hidden = heads * headSize
        var sums = [Double](repeating: 0, count: hidden)
        for row in 0..<tokens {
            for column in 0..<hidden { sums[column] += Double(output[row * hidden + column]) }
        }
        return sums.map { Float($0 / Double(tokens)) }
    }

    /// Q of `head` in `layer` (0-based): n × d_head, before any divisor.
    public func queries(layer: Int, head: Int) -> Matrix {
        slice(queries[layer], head: head)
    }

    /// K of `head` in `layer` (0-based): n × d_head.
    public func keys(layer: Int, head: Int) -> Matrix {
        slice(keys[layer], head: head)
    }

    private func slice(_ states: [Float], head: Int) -> Matrix {
        precondition((0..<heads).contains(head), "head \(head) outside 0..<\(heads)")
        let hidden = heads * headSize
        var values = [Float](repeating: 0, count: tokens * headSize)
        states.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { target in
                for row in 0..<tokens {
                    for column in 0..<headSize {
                        target[row * headSize + column] = source[row * hidden + head * headSize + column]
                    }
                }
            }
        }
        return Matrix(rows: tokens, cols: headSize, values: values)
    }
}
