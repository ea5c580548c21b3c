import COpenBLAS
import TensorFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A BERT encoder's forward pass in float32 with OpenBLAS: embeddings (word + position + token
/// type 0) → LayerNorm → per layer: Q/K/V projections, attention with the trained 1/√d_head,
/// output projection + residual + LayerNorm, exact-GELU feed-forward + residual + LayerNorm.
/// It keeps every layer's Q and K and the last hidden states (for the sentence embedding). `alpha`
/// multiplies every head's divisor in every layer, so a changed divisor propagates through the model.
public struct BertEncoder: Sendable {
    /// The architecture.
    public let config: BertConfig
    let weights: BertWeights

    /// An encoder over weights already checked against `config`.
    public init(config: BertConfig, weights: BertWeights) {
        self.config = config
        self.weights = weights
    }

    /// The most memory one run of the encoder may take (docs/model.md#limits): 1 GiB, checked by
    /// `BertModel.encode` before it runs, so a config with many positions cannot ask for n² floats unseen.
    static let memoryBudget = 1 << 30

    /// Bytes a run on `tokens` tokens holds at its peak: every layer's Q and K (kept), the hidden
    /// states, Q/K/V, context and feed-forward activations of one layer, and one head's n × n scores.
    static func workingBytes(tokens n: Int, config: BertConfig) -> Int {
        let hidden = config.hiddenSize
        let floats = 2 * config.layers * n * hidden + 7 * n * hidden + n * config.intermediateSize + n * n
        return floats * MemoryLayout<Float>.size
    }

    /// OpenBLAS runs single-threaded, as in the core: at MiniLM's sizes its idle workers spin in
    /// sched_yield after every call, and on 2 cores two threads measured slower (70–140 ms for a
    /// whole snapshot) than one (70–90 ms).
    private static let singleThreadedBLAS: Void = openblas_set_num_threads(1)

    /// Every layer's Q and K for `ids` (1 ≤ count ≤ maxPositions, each below the vocabulary size), with
    /// every head dividing by alpha·√d_head (alpha > 0 and finite; 1 is the trained model).
    public func run(ids: [Int], alpha: Double = 1) -> EncoderQK {
        precondition(alpha > 0 && alpha.isFinite, "alpha is positive and finite")
        _ = Self.singleThreadedBLAS
        let n = ids.count
        precondition((1...config.maxPositions).contains(n), "1–\(config.maxPositions) tokens")
        precondition(ids.allSatisfy { (0..<weights.vocabularySize).contains($0) }, "token ids inside the vocabulary")
        var x = embeddings(ids)
        // The first place a value stops being finite: every later value depends on it, so only
        // the first is named, and the checks stop once one is found.
        var nonFiniteFrom: String?
        func note(_ values: [Float], _ place: @autoclosure () -> String) {
            if nonFiniteFrom == nil, !values.allSatisfy(\.isFinite) { nonFiniteFrom = place() }
        }
        note(x, "the embeddings")
        var queries: [[Float]] = [], keys: [[Float]] = []
        for (index, layer) in weights.layers.enumerated() {
            let q = Self.linear(x, rows: n, layer.query)
            let k = Self.linear(x, rows: n, layer.key)
            note(q, "layer \(index)'s query projection")
            note(k, "layer \(index)'s key projection")
            let v = Self.linear(x, rows: n, layer.value)
            let context = attention(q: q, k: k, v: v, rows: n, alpha: alpha)
            var attended = Self.linear(context, rows: n, layer.attentionOutput)
            Self.addNormalize(&attended, residual: x, rows: n, layer.attentionNorm, epsilon: config.layerNormEpsilon)
            note(attended, "layer \(index)'s attention output LayerNorm")
            var inner = Self.linear(attended, rows: n, layer.intermediate)
            GELU.apply(&inner)
            var out = Self.linear(inner, rows: n, layer.output)
            Self.addNormalize(&out, residual: attended, rows: n, layer.outputNorm, epsilon: config.layerNormEpsilon)
            note(out, "layer \(index)'s feed-forward output LayerNorm")
            queries.append(q)
            keys.append(k)
            x = out
        }
        return EncoderQK(
            tokens: n, heads: config.heads, headSize: config.headSize, queries: queries, keys: keys, output: x,
            nonFiniteFrom: nonFiniteFrom)
    }

    /// LayerNorm(word[id] + position[i] + tokenType[0]).
    private func embeddings(_ ids: [Int]) -> [Float] {
        let hidden = config.hiddenSize
        var x = [Float](repeating: 0, count: ids.count * hidden)
        withExtendedLifetime(weights) {
            let words = weights.wordEmbeddings.unsafePointer
            let positions = weights.positionEmbeddings.unsafePointer
            let type0 = weights.tokenTypeEmbeddings.unsafePointer
            x.withUnsafeMutableBufferPointer { out in
                for (row, id) in ids.enumerated() {
                    for column in 0..<hidden {
                        out[row * hidden + column] =
                            words[id * hidden + column] + positions[row * hidden + column] + type0[column]
                    }
                }
            }
        }
        Self.normalize(&x, rows: ids.count, weights.embeddingNorm, epsilon: config.layerNormEpsilon)
        return x
    }

    /// softmax(Q_h K_hᵀ / (alpha·√d_head)) V_h for every head h, side by side: n × hidden.
    private func attention(q: [Float], k: [Float], v: [Float], rows n: Int, alpha: Double) -> [Float] {
        let hidden = config.hiddenSize, size = config.headSize
        var context = [Float](repeating: 0, count: n * hidden)
        var scores = [Float](repeating: 0, count: n * n)
        let scale = 1 / (Float(alpha) * Float(size).squareRoot())
        q.withUnsafeBufferPointer { q in
            k.withUnsafeBufferPointer { k in
                v.withUnsafeBufferPointer { v in
                    context.withUnsafeMutableBufferPointer { context in
                        scores.withUnsafeMutableBufferPointer { scores in
                            guard let q = q.baseAddress, let k = k.baseAddress, let v = v.baseAddress,
                                let context = context.baseAddress, let s = scores.baseAddress
                            else { return }
                            for head in 0..<config.heads {
                                let offset = head * size
                                cblas_sgemm(
                                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(n), Int32(size), scale,
                                    q + offset, Int32(hidden), k + offset, Int32(hidden), 0, s, Int32(n))
                                Self.softmaxRows(s, rows: n, columns: n)
                                cblas_sgemm(
                                    CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(size), Int32(n), 1,
                                    s, Int32(n), v + offset, Int32(hidden), 0, context + offset, Int32(hidden))
                            }
                        }
                    }
                }
            }
        }
        return context
    }

    private static func softmaxRows(_ s: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        for row in 0..<rows {
            let line = s + row * columns
            var largest = -Float.infinity
            for column in 0..<columns { largest = max(largest, line[column]) }
            var total: Float = 0
            for column in 0..<columns {
                let e = expf(line[column] - largest)
                line[column] = e
                total += e
            }
            let inverse = 1 / total
            for column in 0..<columns { line[column] *= inverse }
        }
    }

    /// x·Wᵀ + b for `rows` rows of x.
    static func linear(_ x: [Float], rows: Int, _ layer: Linear) -> [Float] {
        let outputs = layer.outputs, inputs = layer.inputs
        var y = [Float](repeating: 0, count: rows * outputs)
        withExtendedLifetime(layer) {
            let bias = layer.bias.unsafePointer
            x.withUnsafeBufferPointer { x in
                y.withUnsafeMutableBufferPointer { y in
                    guard let xBase = x.baseAddress, let yBase = y.baseAddress else { return }
                    for row in 0..<rows { (yBase + row * outputs).update(from: bias, count: outputs) }
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1,
                        xBase, Int32(inputs), layer.weight.unsafePointer, Int32(inputs), 1, yBase, Int32(outputs))
                }
            }
        }
        return y
    }

    /// x ← LayerNorm(x + residual).
    static func addNormalize(_ x: inout [Float], residual: [Float], rows: Int, _ norm: Norm, epsilon: Float) {
        x.withUnsafeMutableBufferPointer { x in
            residual.withUnsafeBufferPointer { r in
                for index in x.indices { x[index] += r[index] }
            }
        }
        normalize(&x, rows: rows, norm, epsilon: epsilon)
    }

    /// Each row ← (row − mean) / √(var + ε) · γ + β, the statistics in Double.
    static func normalize(_ x: inout [Float], rows: Int, _ norm: Norm, epsilon: Float) {
        let width = norm.gamma.count
        withExtendedLifetime(norm) {
            let gamma = norm.gamma.unsafePointer, beta = norm.beta.unsafePointer
            x.withUnsafeMutableBufferPointer { x in
                for row in 0..<rows {
                    let start = row * width
                    var sum = 0.0
                    for column in 0..<width { sum += Double(x[start + column]) }
                    let mean = sum / Double(width)
                    var squares = 0.0
                    for column in 0..<width {
                        let centred = Double(x[start + column]) - mean
                        squares += centred * centred
                    }
                    let inverse = Float(1 / (squares / Double(width) + Double(epsilon)).squareRoot())
                    let meanFloat = Float(mean)
                    for column in 0..<width {
                        x[start + column] = (x[start + column] - meanFloat) * inverse * gamma[column] + beta[column]
                    }
                }
            }
        }
    }
}
