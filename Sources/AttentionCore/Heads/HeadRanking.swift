import Foundation

/// The one ordering of heads by a statistic: `attnview heads --sort` and the heads grid's rank order.
public enum HeadRanking {
    /// Indices of `values` in rank order: ascending, or descending, by value. Ties keep their original
    /// (layer × head) order; entries without a value (nil or NaN) come last, in original order.
    public static func order(_ values: [Double?], descending: Bool) -> [Int] {
        let valued = values.indices.filter { values[$0].map { !$0.isNaN } ?? false }
        let missing = values.indices.filter { !(values[$0].map { !$0.isNaN } ?? false) }
        let sorted = valued.sorted { a, b in
            let x = values[a] ?? 0, y = values[b] ?? 0
            if x != y { return descending ? x > y : x < y }
            return a < b
        }
        return sorted + missing
    }
}

extension HeadInputs {
    /// The weight query `from` gives key `to`: entry (from, to) of softmax(QKᵀ / s) under `params`' divisor,
    /// first `params.dk` columns (all when larger) and mask, from that one row of logits, so ranking every
    /// head by it costs n dot products per head, not a matrix. Zero for a key the causal mask hides.
    public func weight(from: Int, to: Int, params: AttentionParams) -> Double {
        let q = queries, k = keys
        precondition(q.rows > from && from >= 0 && k.rows > to && to >= 0, "token indices inside the head")
        var resolved = params
        resolved.n = q.rows
        resolved.m = k.rows
        resolved.dk = params.dk >= 1 ? min(params.dk, q.cols) : q.cols
        let visible = Mask(n: q.rows, m: k.rows, causal: params.causal).visibleKeys(row: from)
        guard visible.contains(to) else { return 0 }
        let width = resolved.dk, factor = 1 / resolved.divisor
        var logits = [Double](repeating: 0, count: visible.count)
        q.values.withUnsafeBufferPointer { qv in
            k.values.withUnsafeBufferPointer { kv in
                let query = from * q.cols
                for key in visible {
                    var dot: Float = 0
                    let start = key * k.cols
                    for column in 0..<width { dot += qv[query + column] * kv[start + column] }
                    logits[key - visible.lowerBound] = Double(dot) * factor
                }
            }
        }
        let largest = logits.max() ?? 0
        var total = 0.0
        for logit in logits { total += exp(logit - largest) }
        return exp(logits[to - visible.lowerBound] - largest) / total
    }
}
