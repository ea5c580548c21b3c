import AttentionCore
import Foundation

/// The `heads --format json` document: the shared inputs under `base` (model, text, layers, heads,
/// n, alpha, causal), the `tokens`, then `{"rows": [{layer, head, dk, scale, divisor, stats}, …]}`
/// with stats under the same keys as a snapshot's. With `pair` (`heads --from --to`), `base` gains
/// `from` and `to` (token indices) and each row `weight_from_to` (`pair.weights[row]`).
enum HeadsJSON {
    static func data(
        _ rows: [HeadRow], base: AttentionParams, pair: (from: Int, to: Int, weights: [Double])? = nil
    ) -> Data {
        JSONByteWriter.document { json in
            json.raw("{\n  \"base\": {")
            var tokens: [String] = []
            var first = true
            if case .model(let labels) = base.source {
                json.key("model", first: true)
                json.string(labels.model)
                json.key("text")
                json.string(labels.text)
                json.key("layers")
                json.integer(labels.layers)
                json.key("heads")
                json.integer(labels.heads)
                tokens = labels.tokens
                first = false
            }
            json.members(of: base, [.n, .alpha, .causal], first: first)
            if let pair {
                json.key("from")
                json.integer(pair.from)
                json.key("to")
                json.integer(pair.to)
            }
            json.raw("},\n  \"tokens\": ")
            json.strings(tokens)
            json.raw(",\n  ")
            json.rows(rows) { json, index, row in
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
            }
        }
    }
}
