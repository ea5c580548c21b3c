import Foundation

/// How sharply each query row attends: its normalized entropy H_i / ln m_i (0 = one key takes all,
/// 1 = uniform over the keys it sees). Read from the per-row entropies the engine already keeps, so
/// the strip beside the heatmap and the jump keys cost n logarithms, not a pass over the weights.
public struct RowSharpness: Equatable, Sendable {
    /// H_i / ln m_i per query row; nil for a row that sees fewer than two keys (nothing to choose).
    public let normalizedEntropy: [Double?]

    /// Given values, for tests and for callers that already hold them.
    public init(normalizedEntropy: [Double?]) {
        self.normalizedEntropy = normalizedEntropy
    }

    /// The rows of `result`, with the causal mask's visible-key counts.
    public init(result: AttentionResult) {
        normalizedEntropy = result.rowEntropy.indices.map { row in
            let keys = result.visibleKeys(row: row).count
            guard keys > 1 else { return nil }
            return min(1, max(0, result.rowEntropy[row] / Foundation.log(Double(keys))))
        }
    }

    /// Which end of the sharpness scale to look for.
    public enum Extreme: Hashable, Sendable {
        /// Lowest H / ln m: the row closest to one-hot.
        case sharpest
        /// Highest H / ln m: the row closest to uniform.
        case flattest
    }

    /// The row with the lowest H / ln m (the first of ties); nil when no row has two keys.
    public var sharpest: Int? { extreme(by: <) }

    /// The row with the highest H / ln m (the first of ties); nil when no row has two keys.
    public var flattest: Int? { extreme(by: >) }

    /// `sharpest` or `flattest`.
    public func row(_ extreme: Extreme) -> Int? {
        extreme == .sharpest ? sharpest : flattest
    }

    private func extreme(by better: (Double, Double) -> Bool) -> Int? {
        var best: (row: Int, value: Double)?
        for (row, value) in normalizedEntropy.enumerated() {
            guard let value else { continue }
            if best.map({ better(value, $0.value) }) ?? true { best = (row, value) }
        }
        return best?.row
    }
}
