import Foundation

/// One row of `attnview heads`: the statistics of one (layer, head) of a model under the same
/// divisor options as every other row.
public struct HeadRow: Equatable, Sendable {
    /// The layer, 0-based.
    public let layer: Int
    /// The head, 0-based.
    public let head: Int
    /// The d_k used (d_head, or the first `--dk` dimensions).
    public let dk: Int
    /// The divisor policy.
    public let scale: ScalePolicy
    /// The divisor s it gives.
    public let divisor: Double
    /// The head's statistics at that divisor.
    public let stats: AttentionStatistics

    /// The row of a result computed for `.model` inputs.
    public init(result: AttentionResult) {
        if case .model(let labels) = result.params.source {
            layer = labels.layer
            head = labels.head
        } else {
            layer = 0
            head = 0
        }
        dk = result.params.dk
        scale = result.params.scale
        divisor = result.divisor
        stats = result.stats
    }

    /// The `heads --format json` document: the shared inputs under `base` (model, text, layers,
    /// heads, n, alpha, causal), the `tokens`, then `{"rows": [{layer, head, dk, scale, divisor,
    /// stats}, …]}` with stats under the same keys as a snapshot's. With `pair` (`heads --from --to`),
    /// `base` gains `from` and `to` (token indices) and each row `weight_from_to` (`pair.weights[row]`).
    public static func jsonData(
        _ rows: [HeadRow], base: AttentionParams, pair: (from: Int, to: Int, weights: [Double])? = nil
    ) -> Data {
        var data = Data()
        var json = JSONByteWriter { data.append($0.assumingMemoryBound(to: UInt8.self)) }
        json.raw("{\n  \"base\": {")
        var tokens: [String] = []
        if case .model(let labels) = base.source {
            json.key("model", first: true)
            json.string(labels.model)
            json.key("text")
            json.string(labels.text)
            json.key("layers")
            json.integer(labels.layers)
            json.key("heads")
            json.integer(labels.heads)
            json.key("n")
            tokens = labels.tokens
        } else {
            json.key("n", first: true)
        }
        json.integer(base.n)
        json.key("alpha")
        json.number(base.alpha)
        json.key("causal")
        json.raw(base.causal ? "true" : "false")
        if let pair {
            json.key("from")
            json.integer(pair.from)
            json.key("to")
            json.integer(pair.to)
        }
        json.raw("},\n  \"tokens\": [")
        for (index, token) in tokens.enumerated() {
            if index > 0 { json.raw(", ") }
            json.string(token)
        }
        json.raw("],\n  \"rows\": [")
        for (index, row) in rows.enumerated() {
            json.raw(index == 0 ? "\n    {" : ",\n    {")
            json.key("layer", first: true)
            json.integer(row.layer)
            json.key("head")
            json.integer(row.head)
            json.key("dk")
            json.integer(row.dk)
            json.key("scale")
            json.string(row.scale.name)
            json.key("divisor")
            json.number(row.divisor)
            if let pair {
                json.key("weight_from_to")
                json.number(pair.weights[index])
            }
            json.key("stats")
            json.statistics(row.stats)
            json.raw("}")
        }
        json.raw(rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        json.flush()
        return data
    }
}
